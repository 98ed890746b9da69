"""Text answers: quotations, the renumbering map, the Explanation's own sentences, honest gaps."""

from __future__ import annotations

import re

from assistant.answering.fine_answers import cite
from assistant.answering.intents import LIST_RE, OLD_TEXT_RE
from assistant.document.corpus import Corpus, Unit, section_name
from assistant.document.refs import find_refs
from assistant.document.text import QUOTE_STOPS, and_list, sentences
from assistant.document.vocabulary import OLD_NUMBER_RE
from assistant.retrieval.search import tokenize


def renumber_answer(question: str, corpus: Corpus) -> list[str]:
    """What the text says about the old numbers named in the question, else the whole map."""
    refs = [r for m in find_refs(question) for r in m.refs]
    old_cue = bool(OLD_NUMBER_RE.search(question))
    entries = [e for e in corpus.renumbering for r in refs if e.old and e.old.article == r.article
               and (r.paragraph is None or e.old.paragraph in (None, r.paragraph))
               and (r.item is None or e.old.item in (None, r.item))
               and (old_cue or r.article not in corpus.articles or e.new == r.article)]
    if not old_cue:  # "what was merged into Article 71?": the entries that lead to the new number
        entries += [e for e in corpus.renumbering for r in refs if e.new == r.article and e not in entries]
    unknown = [r.article for r in refs if r.article not in corpus.articles
               and not any(e.old and e.old.article == r.article for e in corpus.renumbering)]
    lines = [f"The draft does not state the new number of that article of the current law; it says only that "
             f"{corpus.residual_rule} {cite(corpus.residual_unit)}." for _ in dict.fromkeys(unknown)][:1]
    if not entries and not lines:
        entries, lead = _whole_map("" if refs else question, corpus)  # a named number: the whole map, as is
        lines.append(lead)
    moved = [e for e in dict.fromkeys(entries) if e.old]
    if len(moved) == 1 and (old := moved[0].old):  # the direct answer first: "Article 65 ... is now Article 67."
        e = moved[0]
        unit = cite(f"amend.{e.amendment_item}")
        same = old.label() == f"Article {e.new}"
        lines.insert(0, f"{old.label()} of the current law keeps its number ({e.note}) {unit}." if same
                     else f"{old.label()} of the current law is now Article {e.new} {unit}.")
    for e in dict.fromkeys(entries):
        src = f"{e.old.label()} of the current law" if e.old else "A new article"
        verb = "is added as" if e.old is None else "becomes"
        lines.append(f"- {src} {verb} Article {e.new} ({e.note}) {cite(f'amend.{e.amendment_item}')}.")
    for number in dict.fromkeys(e.old.article for e in entries if e.old and e.old.item):
        lines.append(f"The draft does not say what happens to the other items of Article {number} of the current law; "
                     f"it says only that {corpus.residual_rule} {cite(corpus.residual_unit)}.")
    if len(entries) > 3:
        lines.append(f"Otherwise the draft says only that {corpus.residual_rule} {cite(corpus.residual_unit)}.")
    return lines


NEW_RE = re.compile(r"\b(?:new(?:ly)?|add(?:ed|s|ition|itions)?)\b|新增", re.I)
MERGE_RE = re.compile(r"\b(?:merg\w*|combin\w*|consolidat\w*|folded)\b|合并", re.I)


def _whole_map(question: str, corpus: Corpus) -> tuple[list, str]:
    """The map's entries a list question asks for (new articles, merges, or all), with a direct first sentence."""
    entries = list(corpus.renumbering)
    if NEW_RE.search(question) and (added := [e for e in entries if e.old is None]):
        numbers = and_list([f"{e.new}" for e in added])
        return added, f"The draft adds {len(added)} new articles: Articles {numbers}."
    if MERGE_RE.search(question) and (merged := [e for e in entries if "merged" in e.note]):
        targets = and_list(list(dict.fromkeys(e.new for e in merged if e.new)))
        return merged, f"The draft merges provisions of the current law into Articles {targets}:"
    return entries, "The draft renumbers, merges, revises or adds these provisions of the current law:"


def explanation_answer(question: str, units: list[Unit], limit: int = 3) -> list[str]:
    """The Explanation's sentences that best match the question; a whole short section for list questions."""
    expl = [u for u in units if u.source == "explanation"]
    if not expl:
        return []
    if LIST_RE.search(question) and len(sentences(expl[0].text, QUOTE_STOPS)) <= 6:
        return [f"The Explanation ({section_name(expl[0])}) states: “{s}” {cite(expl[0].id)}"
                for s in sentences(expl[0].text, QUOTE_STOPS)]
    wanted = set(tokenize(question))
    scored: list[tuple[float, int, str, Unit]] = []
    for rank, unit in enumerate(expl):
        for pos, sentence in enumerate(sentences(unit.text, QUOTE_STOPS)):
            overlap = len(wanted & set(tokenize(sentence)))
            scored.append((overlap - 0.3 * rank - 0.01 * pos, pos, sentence, unit))
    best = sorted(scored, key=lambda s: -s[0])[:limit]
    best = [b for b in best if b[0] > 0] or best[:1]
    grouped: dict[str, list[str]] = {}
    for _, _, sentence, unit in sorted(best, key=lambda b: (expl.index(b[3]), b[1])):
        grouped.setdefault(unit.id, []).append(f"“{sentence}”")
    return [f"The Explanation ({section_name(next(u for u in expl if u.id == uid))}) states: {' … '.join(quotes)} "
            f"{cite(uid)}" for uid, quotes in grouped.items()]


def quote_answer(units: list[Unit], corpus: Corpus) -> list[str]:
    lines = []
    for unit in units:
        art = corpus.articles.get(unit.article or "")
        if unit.kind == "amendment_item":
            lines.append(f"{unit.title}: “{unit.text}” {cite(unit.id)}")
            continue
        origin = f" ({art.note})" if art and unit.kind == "paragraph" and unit.paragraph == 1 else ""
        if unit.kind == "item" and art and not any(u.id == f"art{art.number}.p{unit.paragraph}" for u in units):
            lead = corpus.unit(f"art{art.number}.p{unit.paragraph}")
            lines.append(f"{lead.title} ({art.note}): “{lead.text}” {cite(lead.id)}")
        lines.append(f"{unit.title}{origin}: “{unit.text}” {cite(unit.id)}")
    return list(dict.fromkeys(lines))


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """The quoted phrase as the text may write it: singular or plural, hyphens or spaces between words.

    A user quotes "person-in-charge" where the text says "persons-in-charge"; an exact match would say the
    phrase "does not appear", which is false.
    """
    words = re.findall(r"[^\W_]+", phrase)
    stems = [re.escape(w[:-1] if len(w) > 3 and w.lower().endswith("s") else w) + r"(?:s|es)?" for w in words]
    return re.compile(r"\b" + r"[\s\-–]+".join(stems) + r"\b", re.I) if words else re.compile(re.escape(phrase))


def phrase_answer(phrase: str, corpus: Corpus) -> list[str]:
    """Every provision (or amendment item) whose text contains the quoted phrase, with that sentence."""
    pattern = phrase_pattern(phrase)
    hits = [u for u in corpus.units() if u.source == "amendment" and pattern.search(u.text)]
    if not hits:
        return [f"The phrase “{phrase}” does not appear in the draft's text."]
    lines = [f"“{phrase}” appears in these provisions of the draft:"]
    for unit in hits:
        sentence = next((x for x in sentences(unit.text, QUOTE_STOPS) if pattern.search(x)), unit.text)
        lines.append(f"- {unit.title}: “{sentence}” {cite(unit.id)}")
    return lines


def sections_answer(corpus: Corpus) -> list[str]:
    """The Explanation's structure, by section title."""
    tops = [u for u in corpus.sections if u.id.count(".") == 1 and u.id != "expl.preamble"]
    subs = [u for u in corpus.sections if u.id.count(".") == 2]
    lines = ["The Explanation is organised as follows:"]
    lines += [f"- {section_name(u)} {cite(u.id)}" for u in tops]
    lines.append("- Main Contents of the Revision, in these parts: "
                 + "; ".join(f"{section_name(u)} {cite(u.id)}" for u in subs) + ".")
    return lines


def rank_sections(question: str, corpus: Corpus) -> list[Unit]:
    """Explanation sections ordered by word overlap with the question."""
    wanted = set(tokenize(question))
    return sorted(corpus.sections, key=lambda u: -len(wanted & set(tokenize(u.text + " " + u.title))))


def referenced_only(question: str, corpus: Corpus) -> str:
    """For a question about an article the draft only references: its text is not in this document."""
    numbers = [r.article for m in find_refs(question) for r in m.refs]
    absent = [n for n in dict.fromkeys(numbers) if n in corpus.referenced and n not in corpus.articles]
    lines = []
    for n in absent:
        where = ", ".join(f"{corpus.unit(u).title} {cite(u)}" for u in corpus.referenced[n])
        lines.append(f"The text of Article {n} of the Cybersecurity Law is not included in this document; the draft "
                     f"only refers to it in {where}. I cannot quote or summarise Article {n} from this document.")
    return "\n".join(lines)


def old_text_gap(question: str, corpus: Corpus) -> str:
    """For a question about the current (pre-amendment) wording: the document does not contain it."""
    if not OLD_TEXT_RE.search(question):
        return ""
    numbers = [r.article for m in find_refs(question) for r in m.refs]
    revised = [n for n in dict.fromkeys(numbers) if n in corpus.articles and corpus.articles[n].text_included]
    if not revised:
        return ""
    names = " and ".join(f"Article {n}" for n in revised)
    return (f"This document does not contain the current (pre-amendment) text of {names} or its figures; it gives "
            f"only the draft's revised text. Ask about the draft's {names} to see what the draft provides.")

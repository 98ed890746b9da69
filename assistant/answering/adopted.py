"""Answers about the law in force (the adopted amendment) and about what changed from the draft.

Deterministic, like the grounded composer: every figure comes from an adopted band or
the band diff, every line cites its unit, the Chinese text is quoted verbatim and the
English is marked as the assistant's working translation. Provisions of the law in
force that the Decision does not touch are "not in these documents".
"""

from __future__ import annotations

import re
import time
from typing import cast

from assistant.answering.adopted_reading import MONEY_RE, Target, read, targets
from assistant.answering.adopted_select import select
from assistant.answering.gaps import agency_gap_in_force
from assistant.answering.records import Answer, Citation
from assistant.checking.checker import CheckJSON
from assistant.checking.versioned import NOT_COVERED, check_versioned
from assistant.document import adopted_bands, corpus, decision, fines
from assistant.document.adopted_bands import AdoptedBand
from assistant.document.alignment import alignment
from assistant.document.band_diff import BandChange, BandLink, band_links, links_for_draft_article
from assistant.document.frames import Frame
from assistant.document.kinds import Subject, Version, Want
from assistant.document.refs_zh import find_zh_refs
from assistant.document.vocabulary import EFFECTIVE_RE
from assistant.document.zh_terms import INDIVIDUALS_ZH, TIER_EN, WORKING_TRANSLATION
from assistant.retrieval.adopted_search import searcher

__all__ = ["answer", "compose", "note_for_draft_answer"]

HEADER = ("Law in force: the Cybersecurity Law as amended by the NPC Standing Committee's Decision of "
          "28 October 2025, in force from 1 January 2026 [decision.order].")
SPECIFIC_SCORE = 5.0  # BM25 score above which a question is about one provision's conduct (not "all changes")
PENALTY_RE = re.compile(r"\b(?:penalt(?:y|ies)|punish\w*|sanction\w*)\b", re.I)  # "the penalty for X": X's fine
CLEAR_LEAD = 2.0  # a provision without fines that scores this many times the best fining one is the conduct asked
MARKER_RE = re.compile(r"\s?\[(?P<id>(?:adopted|decision|art|amend)[a-z0-9.]*)\]")


def _modal(band: AdoptedBand) -> str:
    return "shall be imposed" if band.mandatory else "may be imposed"


def _condition_en(band: AdoptedBand) -> str:
    if band.threshold_rule == "below_or_none":
        return f"no illegal gains, or illegal gains under {band.threshold:,} yuan"
    if band.threshold_rule == "at_or_above":
        return f"illegal gains of {band.threshold:,} yuan or more"
    return TIER_EN[band.tier]


def _official(band: AdoptedBand) -> str:
    """The Chinese quote of one band: its condition and its own fine, not the other subject's.

    A clause of the Decision fines the operator and then its persons (「……的，处……罚款，对直接负责的主管人员
    和其他直接责任人员处……罚款」); quoted whole under either band it shows the other's figures too, figures the
    question may have excluded. Each part quoted stays a verbatim passage (the checker verifies every 「」).
    """
    quote, persons = band.quote, f"，对{INDIVIDUALS_ZH}"
    if persons not in quote:
        return f"「{quote}」"
    cut = quote.index(persons)
    if band.subject is Subject.ENTITY:
        return f"「{quote[:cut]}」"
    head = quote[:quote.index("的，") + 2] if "的，" in quote[:cut] else ""
    return (f"「{head}」……" if head else "") + f"「{quote[cut + 1:]}」"


def _draft_line(band: AdoptedBand) -> str:
    link = next((k for k in band_links() if k.adopted and k.adopted.id == band.id), None)
    if link is None or link.draft is None:
        return "  Draft: no such fine in the draft's text."
    d = link.draft
    modal = "shall" if d.mandatory else "may"
    if link.status is BandChange.UNCHANGED:
        return f"  Draft: Article {d.article}({d.paragraph}) had the same figures ({modal}) [{d.unit_id}]."
    return f"  Draft: Article {d.article}({d.paragraph}) had {d.describe_range()} ({modal}) [{d.unit_id}]."


def fine_lines(article: str, frame: Frame, question: str) -> list[str]:
    table = adopted_bands.table()
    bands, unfined = select(table.effective_for(article), question, frame)
    lines: list[str] = []
    if unfined:
        whom = " or ".join("individuals" if s is Subject.INDIVIDUAL else "the operator" for s in unfined)
        tiers = ", ".join(dict.fromkeys(_condition_en(b) for b in bands))
        lines.append(f"No. In the case your question describes ({tiers}), Article {article} of the law in force "
                     f"fines no {whom}; what it sets there follows.")
    elif bands and not any(r.article == article for r in table.references):
        lines.append(_lead(bands[0]))
    for ref in (r for r in table.references if r.article == article):
        targets_ = " and ".join(f"Article {ref.target_article}({p})" for p in ref.target_paragraphs)
        lines.append(f"Article {article}({ref.paragraph}) applies the fines of {targets_} [{ref.unit_id}]: "
                     f"「{ref.quote}」")
    for band in bands:
        lines.append(f"- Article {band.article}({band.paragraph}), {band.who_en}, {_condition_en(band)}: "
                     f"a fine of {band.describe_range()} {_modal(band)} [{band.unit_id}].")
        lines.append(f"  Official text: {_official(band)}")
        lines.append(_draft_line(band))
    return lines


def _lead(band: AdoptedBand) -> str:
    """The opening sentence of a fine answer: the first fitting band, as the draft's answers open."""
    return (f"Under Article {band.article}({band.paragraph}) of the law in force, a fine of {band.describe_range()} "
            f"{_modal(band)} on {band.whom()}, in this case: {_condition_en(band)} [{band.unit_id}].")


def _diff_row(link: BandLink) -> list[str]:
    a, d = link.adopted, link.draft
    if link.status is BandChange.NEW and a:
        return [f"- New in the law in force, Article {a.article}({a.paragraph}) ({a.subject}, {_condition_en(a)}): "
                f"{a.describe_range()}, {'shall' if a.mandatory else 'may'} [{a.unit_id}]."]
    assert d is not None
    if a is None:
        return [f"- Draft Article {d.article}({d.paragraph}) {d.describe_range()}: not in the law in force."]
    if link.status is BandChange.UNCHANGED:
        return [f"- Unchanged in the law in force, Article {a.article}({a.paragraph}) ({a.subject}, {a.tier}): "
                f"{a.describe_range()}, {'shall' if a.mandatory else 'may'} [{a.unit_id}]."]
    what = ", ".join(c.field for c in link.changes)
    return [f"- Changed ({what}). Draft Article {d.article}({d.paragraph}) ({d.subject}, {d.tier}): "
            f"{d.describe_range()}, {'shall' if d.mandatory else 'may'} [{d.unit_id}].",
            f"  Law in force, Article {a.article}({a.paragraph}): {a.describe_range()}, "
            f"{'shall' if a.mandatory else 'may'} [{a.unit_id}]; {_condition_en(a)}."]


def diff_lines(draft_article: str) -> list[str]:
    aligned = alignment()
    adopted = aligned.articles.get(draft_article, ())
    carried = " and ".join(f"Article {a}" for a in adopted)
    lines = [f"Draft Article {draft_article} -> {carried} of the law in force." if adopted else
             f"Draft Article {draft_article} has no counterpart in the law in force."]
    for link in aligned.for_draft_article(draft_article):
        moves = [m for m in link.ref_moves if m.adopted and m.adopted.article != m.draft.article]
        if moves:
            lines.append("Draft cross-references renumbered: " + ", ".join(
                f"{m.draft.short()} -> {m.adopted.short()}" for m in moves if m.adopted) + ".")
        if link.draft_unit is None and link.adopted_quotes:
            item = decision.load().articles[link.adopted_article or ""].item if link.adopted_article else None
            lines += [f"Law in force [decision.item{item}]: 「{link.adopted_quotes[0]}」"] if item else []
        if link.draft_unit and not link.adopted_units:
            lines.append(f"This draft provision has no counterpart in the law in force [{link.draft_unit}].")
        elif link.draft_unit and not fines.table().for_article(draft_article):
            lines += [f"Law in force [{u}]: 「{decision.load().unit(u).text}」" for u in link.adopted_units]
    lines += [row for link in links_for_draft_article(draft_article) for row in _diff_row(link)]
    return lines


def _quote_lines(article: str) -> list[str]:
    art = decision.load().articles[article]
    item = decision.load().unit(f"decision.item{art.item}")
    if not art.units:
        return [f"Article {article} of the law in force: the Decision changes it without restating it "
                f"[{item.id}]: 「{item.text}」"]
    how = [f"How the Decision changes it [{item.id}]: 「{item.text.split('：')[0]}」"]
    return [f"Article {article} of the law in force [{u.id}]: 「{u.text}」" for u in art.units] + how  # text first


def _via_citing(found: list[Target], lines: list[str]) -> list[Target]:
    """An untouched article that a provision of the Decision cites ('in violation of Article 28'): that provision."""
    dec, out = decision.load(), []
    for t in found:
        citing = [u for u in dec.units() if u.source == "adopted" and t.adopted and t.adopted not in dec.articles
                  and any(r.article == t.adopted for r in find_zh_refs(u.text))]
        if not citing:
            out.append(t)
            continue
        lines.append(f"Article {t.adopted} of the law in force is {NOT_COVERED} (the Decision does not amend it); "
                     f"it is cited by [{citing[0].id}].")
        out += [Target(a, None, None, "content") for a in dict.fromkeys(u.article for u in citing)]
    return list(dict.fromkeys(out))


def _not_in_documents(article: str) -> str:
    return (f"Article {article} of the law in force is not in these documents: the Decision of 28 October 2025 "
            "does not amend it, so its text is not included (only the articles the Decision adds or revises are).")


def _facts() -> list[str]:
    return ["The amendment was adopted on 28 October 2025 and is in force from 1 January 2026 "
            "[decision.order][decision.commencement]. The March 2025 text is the draft published for comment. "
            "Neither text sets any other date of application.",
            f"Official text: 「{decision.load().unit('decision.commencement').text}」"]


def _resolve(question: str, frame: Frame) -> list[Target]:
    named = targets(question, Want.COMPARE in frame.wants)
    if named or (EFFECTIVE_RE.search(question) and not frame.wants):
        return named
    asks_fine = bool(MONEY_RE.search(question))
    # "the penalty for X": X's conduct finds the provision; the word "penalty" would find Article 73's
    # lighter penalties in every such question
    hits = searcher().search(PENALTY_RE.sub(" ", question) if PENALTY_RE.search(question) else question, k=4)
    if Want.COMPARE in frame.wants and (not hits or hits[0].score < SPECIFIC_SCORE):
        return []  # "what changed?" about no conduct in particular: the overview answers
    if asks_fine:  # a question about money: the provisions that set fines
        fining = [h for h in hits if adopted_bands.table().effective_for(h.unit.article or "")]
        clear = hits and fining and hits[0] not in fining and hits[0].score >= CLEAR_LEAD * fining[0].score
        hits = hits if clear else (fining or hits)  # unless the conduct is clearly one that sets no fine (Art. 71)
    return [Target(hits[0].unit.article, None, None, "content")] if hits else []


def compose(question: str, frame: Frame | None = None) -> tuple[str, bool]:
    """(answer text with [unit] markers, refused) for a question about the law in force or the change; `frame` is
    the question as `read` reads it, when the caller has read it already."""
    frame = frame or read(question)
    found = _resolve(question, frame)
    lines: list[str] = []
    known = decision.load().articles
    if Want.COMPARE in frame.wants and not found:
        return _assemble(overview_lines(frame)), False
    texts = [u.text for t in found if t.adopted in known for u in known[t.adopted or ""].units]
    if gap := agency_gap_in_force(question, texts):  # "which ministry enforces Article 63?": the text does not say
        return _assemble([gap], translated=False), True
    if EFFECTIVE_RE.search(question) or not found:
        lines += _facts()
    if Want.HOW_MUCH in frame.wants:  # conduct named by the article it violates: the provision punishing it
        found = _via_citing(found, lines)
    missing = [t for t in found if t.adopted and t.adopted not in known]
    if missing and len(missing) == len(found):
        hint = [f"Draft Article {a.number} is Article {', '.join(alignment().articles[a.number])} of the law in force."
                for a in corpus.load().articles.values() if a.number in {t.adopted for t in missing}
                and a.number in alignment().articles]
        return _assemble([*[_not_in_documents(t.adopted or "") for t in missing], *hint], translated=False), True
    for target in (t for t in found if t.adopted in known or t.draft):
        if Want.COMPARE in frame.wants and target.draft:
            lines += diff_lines(target.draft)
        elif Want.COMPARE in frame.wants and target.adopted:
            rows = [row for d in aligned_drafts(target.adopted) for row in diff_lines(d)]
            lines += rows or [f"Article {target.adopted} of the law in force has no counterpart in the March 2025 "
                              "text.", *_quote_lines(target.adopted)]
        if target.draft and Want.COMPARE not in frame.wants:
            lines += [r for r in diff_lines(target.draft) if not r.startswith(("-", "  "))]
        if target.adopted in known and Want.COMPARE not in frame.wants:
            fines_here = fine_lines(target.adopted, frame, question) if Want.HOW_MUCH in frame.wants else []
            if MONEY_RE.search(question) and not fines_here:  # a fine amount asked of a provision that sets none
                lines.append(f"Article {target.adopted} of the law in force sets no fine amount of its own; "
                             "what it provides follows.")
            lines += fines_here or _quote_lines(target.adopted)
    return _assemble(lines), False


def _assemble(body: list[str], translated: bool = True) -> str:
    """The answer first (a fine's band as the opening sentence), then which text it is about and, where Chinese
    was rendered, that the English is a working translation. The first sentence answers; it is not a header."""
    body = list(dict.fromkeys(body))
    return "\n".join([*body, HEADER, *([WORKING_TRANSLATION] if translated else [])])


def overview_lines(frame: Frame) -> list[str]:
    """Every draft article with what the law in force did to it: only the rows that differ (for whom it asks)."""
    lines = []
    subjects = {s.value for s in frame.subjects} if len(frame.subjects) == 1 else {"entity", "individual"}
    for draft_article in alignment().articles:
        rows = diff_lines(draft_article)
        skip = ("- Unchanged", "Draft cross-references", "  ", "Law in force [")
        kept = [r for r in rows[1:] if not r.startswith(skip)
                and (r.startswith(("- Changed", "- New")) or len(subjects) == 2)
                and (not r.startswith(("- Changed", "- New")) or any(f"({s}," in r for s in subjects))]
        paired = [x for r in kept for x in ([r, rows[rows.index(r) + 1]] if r.startswith("- Changed") else [r])]
        if paired or len(subjects) == 2:
            lines += [rows[0], *paired]
    added = [a.number for a in decision.load().articles.values() if a.number not in
             {x for adopted in alignment().articles.values() for x in adopted}]
    lines.append("Also changed by the Decision (not in the March 2025 text): "
                 + ", ".join(f"Article {n}" for n in added) + " of the law in force [decision.order].")
    return lines


def aligned_drafts(adopted_article: str) -> list[str]:
    return [d for d, adopted in alignment().articles.items() if adopted_article in adopted]


def _label(uid: str) -> tuple[str, str, str | None, int | None, int | None]:
    if uid.startswith(("adopted.", "decision.")):
        unit = decision.load().unit(uid)
        ref = unit.ref()
        label = f"Adopted {ref.short()}" if ref and unit.source == "adopted" else unit.title
        return label, unit.text, unit.article, unit.paragraph, unit.item
    from assistant.answering.citations import label as draft_label

    unit = corpus.load().unit(uid)
    return f"Draft {draft_label(unit)}", unit.text, unit.article, unit.paragraph, unit.item


def render(text: str) -> tuple[str, list[Citation]]:
    """[unit] markers -> readable labels, and one Citation per cited unit."""
    cites: dict[str, Citation] = {}

    def repl(m: re.Match) -> str:
        uid = m.group("id")
        label, quote, article, paragraph, item = _label(uid)
        cites.setdefault(uid, Citation(uid, label, article, paragraph, item, quote))
        return f" [{label}]"

    return MARKER_RE.sub(repl, text), list(cites.values())


def answer(question: str, backend: str = "grounded", standalone: str = "") -> Answer:
    """The checked Answer record for a question about the law in force."""
    started = time.perf_counter()
    frame = read(standalone or question)
    text, refused = compose(standalone or question, frame)
    rendered, citations = render(text)
    report = check_versioned(rendered, Version.ADOPTED, [c.unit_id for c in citations])
    compared = Want.COMPARE in frame.wants
    about = frozenset({Version.DRAFT, Version.ADOPTED} if compared else {Version.ADOPTED})
    return Answer(question, rendered, tuple(citations), tuple(c.unit_id for c in citations),
                  cast(CheckJSON, report.as_dict()),  # the same keys, plus each claim's version
                  report.ok, refused, backend, (), standalone or question, (time.perf_counter() - started) * 1000,
                  about=about if citations else None)


def note_for_draft_answer(unit_ids: list[str]) -> str | None:
    """One line on what the adopted law did to the draft provisions an answer cites (None when it cites none)."""
    draft = corpus.load()
    articles = list(dict.fromkeys(draft.unit(u).article for u in unit_ids if draft.has_unit(u)
                                  and draft.unit(u).article in alignment().articles))[:2]
    parts = []
    for art in (a for a in articles if a):
        adopted = ", ".join(alignment().articles[art])
        changed = [k for k in links_for_draft_article(art) if k.status is not BandChange.UNCHANGED]
        figures = "; ".join(f"{k.draft.describe_range()} -> {k.adopted.describe_range()}" for k in changed
                            if k.draft and k.adopted and any(c.field in ("min", "max") for c in k.changes))
        what = f"figures changed ({figures})" if figures else (
            "same figures, some fines now mandatory" if changed else "same fine figures")
        parts.append(f"draft Article {art} is Article {adopted} of the law in force, {what}")
    if not parts:
        return None
    return "Law in force (from 1 January 2026): " + "; ".join(parts) + "."

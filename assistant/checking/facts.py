"""Verdicts on every number that is not a fine: citations, years, dates, counts, percentages.

Citations must exist in the draft's numbering (or be a current-law number the
draft maps, when phrased as such); other numbers must appear in the passages
the answer cites, or in the whole text when it cites nothing. Counts are also
derived from the corpus structure (paragraphs, items, sections, "First..Fourth").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from assistant.checking.claims import Claim, extract_claims
from assistant.checking.context import AnswerContext
from assistant.checking.fines import CONTRADICTED, UNSUPPORTED, VERIFIED, Verdict, verified
from assistant.document.corpus import DOCUMENT_STATUS, Corpus
from assistant.document.kinds import ClaimKind
from assistant.document.lookup import CURRENT_LAW_ARTICLES
from assistant.document.refs import Ref, RefMatch, find_refs
from assistant.document.text import first_sentence, sentence_of

WORD_RE = re.compile(r"[a-z]{3,}|[\u4e00-\u9fff]")
STOP = frozenset("the and for with that this from have has been its was were are into such which".split())
STATUS = "status"
MIN_OVERLAP = 3
NUMBER_TOKEN_RE = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?(?![\d,]|\.\d)")
ATTRIBUTED_RE = re.compile(r"\bExplanation\b|说明", re.I)
DRAFT_WORDS_RE = re.compile(r"amendment|draft|修正")
EXPLANATION_WORDS_RE = re.compile(r"explanation|说明")
MAIN_CONTENTS_RE = re.compile(r"^\s*(\d)\.\s+Main Contents", re.M)
ORDINAL_LIST_RE = re.compile(r"\b(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth),")


@lru_cache(maxsize=512)
def passage_claims(text: str) -> tuple[Claim, ...]:
    """Claims of a source passage, parsed once (the corpus is fixed, so this cache stays tiny)."""
    return tuple(extract_claims(text))


def _sources(ctx: AnswerContext, c: Claim) -> list[tuple[str, str]]:
    """The cited passages (the whole text when nothing is cited), then the status notice."""
    ids = ctx.passages(c)
    units = [ctx.corpus.unit(u) for u in ids] if ids is not None else ctx.corpus.units()
    return [(u.id, u.text) for u in units] + [(STATUS, DOCUMENT_STATUS)]


def _find(sources: list[tuple[str, str]], match: Callable[[Claim], bool]) -> Verdict | None:
    for pid, text in sources:
        for pc in passage_claims(text):
            if match(pc):
                return verified([(pid, sentence_of(text, pc.start))])
    return None


def _overlap(ctx: AnswerContext, c: Claim, sentence: str) -> int:
    words = set(WORD_RE.findall(ctx.text[c.sentence[0]:c.sentence[1]].lower())) - STOP
    return len(words & set(WORD_RE.findall(sentence.lower())))


def _closest(ctx: AnswerContext, c: Claim, sources: list[tuple[str, str]],
             kinds: tuple[ClaimKind, ...]) -> tuple[int, Verdict]:
    """(overlap, verdict): the cited sentence most like the claim's, if it states another figure of the kind."""
    best: tuple[int, str, str, Claim] | None = None
    for pid, text in sources:
        for pc in passage_claims(text):
            if pc.kind in kinds:
                sentence = text[pc.sentence[0]:pc.sentence[1]].strip()
                score = _overlap(ctx, c, sentence)
                if best is None or score > best[0]:
                    best = (score, pid, sentence, pc)
    if best is None or best[0] < MIN_OVERLAP:
        return 0, Verdict(UNSUPPORTED)
    text = dict(sources)[best[1]]
    rivals = [pc for pc in passage_claims(text) if pc.kind in kinds and pc.sentence == best[3].sentence]
    lead = set(WORD_RE.findall(ctx.text[max(c.sentence[0], c.start - 30):c.start].lower()))
    pick = max(rivals, key=lambda pc: len(lead & set(WORD_RE.findall(text[max(0, pc.start - 30):pc.start].lower()))))
    return best[0], Verdict(CONTRADICTED, ((best[1], best[2]),), pick.text)


def _grounded(ctx: AnswerContext, c: Claim, match: Callable[[Claim], bool], kinds: tuple[ClaimKind, ...]) -> Verdict:
    """In a cited passage; else in the status notice, unless a cited sentence like the claim's says otherwise."""
    sources = _sources(ctx, c)
    passages, status = sources[:-1], sources[-1:]
    found = _find(passages, match)
    if found:
        return found
    score, closest = _closest(ctx, c, passages, kinds)
    sentence = ctx.text[c.sentence[0]:c.sentence[1]]
    if ctx.sentence_targets(c) or ATTRIBUTED_RE.search(sentence):
        return closest  # the sentence says where the figure is from: that passage must have it
    by_status = _find(status, match)
    if by_status and (closest.verdict != CONTRADICTED or _overlap(ctx, c, by_status.evidence[0][1]) >= score):
        return by_status
    return closest


def check_year(ctx: AnswerContext, c: Claim) -> Verdict:
    return _grounded(ctx, c, lambda p: p.kind == ClaimKind.YEAR and p.value == c.value
                     or p.kind == ClaimKind.DATE and p.value["year"] == c.value, (ClaimKind.YEAR, ClaimKind.DATE))


def check_date(ctx: AnswerContext, c: Claim) -> Verdict:
    want = c.value

    def same(p: Claim) -> bool:
        return (p.kind == ClaimKind.DATE and p.value["year"] == want["year"] and p.value["month"] == want["month"]
                and want["day"] in (None, p.value["day"]))
    return _grounded(ctx, c, same, (ClaimKind.DATE,))


def check_percent(ctx: AnswerContext, c: Claim) -> Verdict:
    return _find(_sources(ctx, c), lambda p: p.kind == ClaimKind.PERCENT and p.value == c.value) or Verdict(UNSUPPORTED)


@lru_cache(maxsize=512)
def _tokens(text: str) -> dict[str, int]:
    """Standalone numbers of a passage ('(1)', '14th', 'Article 12'; not the pieces of '2,000,000') -> offset."""
    out: dict[str, int] = {}
    for m in NUMBER_TOKEN_RE.finditer(text):
        out.setdefault(m.group(), m.start())
    return out


def check_number(ctx: AnswerContext, c: Claim) -> Verdict:
    """Any other number must appear, as a number, in a cited passage (or the question)."""
    for pid, text in _sources(ctx, c):
        at = _tokens(text).get(str(c.value))
        if at is not None:
            return verified([(pid, sentence_of(text, at))])
    asked = [q for q in ctx.q_claims if q.kind in (ClaimKind.NUMBER, ClaimKind.COUNT) and q.value == c.value]
    return verified([("question", asked[0].text)]) if asked else Verdict(UNSUPPORTED)


# -- counts ---------------------------------------------------------------------------------
def check_count(ctx: AnswerContext, c: Claim) -> Verdict:
    sources = _sources(ctx, c)
    phrase = c.text.lower()
    for pid, text in sources:
        at = text.lower().find(phrase)
        if at >= 0:
            return verified([(pid, sentence_of(text, at))])
    asked = [q for q in ctx.q_claims if q.kind == ClaimKind.COUNT and q.value == c.value and q.noun == c.noun]
    if asked:
        return verified([("question", asked[0].text)])
    derived = _derived_count(ctx, c)
    if derived is None:
        return Verdict(UNSUPPORTED)
    n, evidence = derived
    if n == c.value:
        return verified(evidence)
    return Verdict(CONTRADICTED, tuple(evidence), f"{n} {c.noun}")


def _derived_count(ctx: AnswerContext, c: Claim) -> tuple[int, list[tuple[str, str]]] | None:
    noun = (c.noun or "").rstrip("s") if c.noun not in ("contents", "main contents") else "main content"
    corpus = ctx.corpus
    sentence = ctx.text[c.sentence[0]:c.sentence[1]].lower()
    article = ctx.article_near(c)
    art = corpus.articles.get(article or "")
    if noun in ("amendment item", "amendment") or noun in ("item", "项") and (
            art is None or not art.item_count()) and DRAFT_WORDS_RE.search(sentence):
        last = corpus.unit(f"amend.{len(corpus.items)}")
        return len(corpus.items), [(last.id, first_sentence(last.text))]
    if art is not None and art.text_included and noun in ("paragraph", "款", "item", "项"):
        kind = "paragraph" if noun in ("paragraph", "款") else "item"
        units = [u for u in art.units if u.kind == kind]
        return len(units), [(u.id, first_sentence(u.text)) for u in units[:1]]
    if noun in ("key point", "point", "idea", "guiding idea", "principle", "要点"):
        return _ideas(corpus)
    if noun in ("main content", "aspect", "area", "part", "方面", "sub-section", "subsection"):
        return _main_contents(corpus)
    if noun in ("section", "部分") and EXPLANATION_WORDS_RE.search(sentence):
        tops = sorted({u.id.split(".")[1] for u in corpus.sections if u.id.split(".")[1].isdigit()})
        return len(tops), [(f"expl.{t}", first_sentence(corpus.unit(f"expl.{t}").text))
                           for t in tops[:1] if corpus.has_unit(f"expl.{t}")]
    if noun in ("new article", "added article"):
        added = [e for e in corpus.renumbering if e.kind == "added"]
        return len(added), [(f"amend.{e.amendment_item}", corpus.unit(f"amend.{e.amendment_item}").text)
                            for e in added]
    return None


def _ideas(corpus: Corpus) -> tuple[int, list[tuple[str, str]]] | None:
    for unit in corpus.sections:
        found = ORDINAL_LIST_RE.findall(unit.text)
        if "Ideas" in unit.title and found:
            return len(set(found)), [(unit.id, sentence_of(unit.text, unit.text.index(found[0])))]
    return None


def _main_contents(corpus: Corpus) -> tuple[int, list[tuple[str, str]]] | None:
    m = MAIN_CONTENTS_RE.search(corpus.raw)
    if not m:
        return None
    subs = [u for u in corpus.sections if u.id.startswith(f"expl.{m.group(1)}.")]
    return len(subs), [(u.id, first_sentence(u.text)) for u in subs]


# -- citations ------------------------------------------------------------------------------
def check_citation(ctx: AnswerContext, i: int) -> Verdict:
    """A citation's verdict depends only on what it cites and the corpus (and, for a bare 'paragraph 3', on
    the article it attaches to), so chips like '[Art. 59(3)]' are judged once, for every answer."""
    c = ctx.claims[i]
    if any(not r.article for r in c.refs):
        return _check_citation(ctx, c)
    key = ("citation", c.unit, c.refs, c.old, bool(c.refs) and ctx.old_vocabulary(c))
    verdict = ctx.shared.get(key)
    if verdict is None:
        verdict = ctx.shared[key] = _check_citation(ctx, c)
    return verdict


def _check_citation(ctx: AnswerContext, c: Claim) -> Verdict:
    corpus = ctx.corpus
    if c.unit:
        return _unit_citation(corpus, c)
    old_vocab = ctx.old_vocabulary(c)
    verdicts = []
    for ref in c.refs:
        if not ref.article:
            article = ctx.article_near(c)
            if not article:
                verdicts.append(Verdict(UNSUPPORTED))
                continue
            ref = Ref(article, ref.paragraph, ref.item)
        verdicts.append(check_ref(corpus, ref, c.old, old_vocab))
    order = {CONTRADICTED: 0, UNSUPPORTED: 1}
    worst = min(verdicts, key=lambda v: order.get(v.verdict, 2))
    if worst.verdict != VERIFIED:
        return worst
    return verified(e for v in verdicts for e in v.evidence)


def _unit_citation(corpus: Corpus, c: Claim) -> Verdict:
    unit_id = c.unit or ""
    if corpus.has_unit(unit_id):
        return verified([(unit_id, first_sentence(corpus.unit(unit_id).text))])
    if unit_id.startswith("amend."):
        return Verdict(CONTRADICTED, (), f"the draft has {len(corpus.items)} amendment items")
    subs = [u for u in corpus.sections if u.id.startswith(unit_id + ".")]
    if subs:
        return verified([(subs[0].id, first_sentence(subs[0].text))])
    tops = sorted({u.id.split(".")[1] for u in corpus.sections if u.id.split(".")[1].isdigit()})
    if unit_id.startswith("expl."):
        return Verdict(CONTRADICTED, (), f"the Explanation has sections {tops[0]} to {tops[-1]}")
    return Verdict(CONTRADICTED, (), f"no passage {unit_id} in the text")


def check_ref(corpus: Corpus, ref: Ref, old: bool, old_vocab: bool) -> Verdict:
    """One article reference: a draft article, a referenced article, or (phrased so) a current-law number."""
    art = corpus.articles.get(ref.article)
    if art is not None and not old:
        new = _draft_ref(corpus, ref)
        if new.verdict == VERIFIED or not old_vocab:
            return new
        moved = _old_ref(corpus, ref)
        return moved if moved.verdict == VERIFIED else new
    if ref.article in corpus.referenced and not old:
        return _referenced_ref(corpus, ref)
    if old or old_vocab:
        return _old_ref(corpus, ref)
    entries = [e for e in corpus.renumbering if e.old and e.old.article == ref.article]
    if entries:
        now = ", ".join(f"{e.old.label()} of the current law is now Article {e.new}" for e in entries if e.old)
        return Verdict(CONTRADICTED, tuple((f"amend.{e.amendment_item}",
                                            corpus.unit(f"amend.{e.amendment_item}").text) for e in entries[:1]),
                       f"Article {ref.article} is not in the draft's numbering ({now})")
    return _unknown(corpus, ref.article)


def _unknown(corpus: Corpus, number: str) -> Verdict:
    highest = max([CURRENT_LAW_ARTICLES] + [int(a) for a in corpus.articles])
    if len(number.lstrip("-")) > 6 or int(number) > highest or int(number) < 1:
        return Verdict(CONTRADICTED, (), f"there is no Article {number}; the draft's articles are "
                       + ", ".join(a for a, x in corpus.articles.items() if x.text_included))
    return Verdict(UNSUPPORTED)


def _draft_ref(corpus: Corpus, ref: Ref) -> Verdict:
    art = corpus.articles[ref.article]
    amend = corpus.unit(f"amend.{art.amendment_item}")
    if not art.text_included:
        if ref.paragraph or ref.item:
            return Verdict(UNSUPPORTED, ((amend.id, amend.text),))
        return verified([(amend.id, amend.text)])
    para, item = ref.paragraph, ref.item
    if para and not item and para > art.paragraph_count() and art.item_count() >= para:
        para, item = None, para  # "Art. 71(3)": a one-paragraph article's items
    if para and para > art.paragraph_count():
        return Verdict(CONTRADICTED, (), f"Article {art.number} has {art.paragraph_count()} paragraph(s)")
    if item and item > art.item_count():
        return Verdict(CONTRADICTED, (), f"Article {art.number} has {art.item_count()} numbered item(s)")
    units = [u for u in art.units if (item is None or u.item == item) and (para is None or u.paragraph == para)]
    unit = units[0] if units else art.units[0]
    return verified([(unit.id, first_sentence(unit.text))])


@lru_cache(maxsize=128)
def _refs_in(text: str) -> tuple[RefMatch, ...]:
    return tuple(find_refs(text))


def _referenced_ref(corpus: Corpus, ref: Ref) -> Verdict:
    for unit_id in corpus.referenced[ref.article]:
        text = corpus.unit(unit_id).text
        for m in _refs_in(text):
            hit = any(r.article == ref.article and (ref.paragraph in (None, r.paragraph))
                      and (ref.item in (None, r.item)) for r in m.refs)
            if hit:
                return verified([(unit_id, sentence_of(text, m.start))])
    return Verdict(UNSUPPORTED)


def _old_ref(corpus: Corpus, ref: Ref) -> Verdict:
    entries = [e for e in corpus.renumbering if e.old and e.old.article == ref.article
               and (ref.paragraph is None or e.old.paragraph in (None, ref.paragraph))
               and (ref.item is None or e.old.item in (None, ref.item))]
    if not entries:
        return _unknown(corpus, ref.article)
    unit = corpus.unit(f"amend.{entries[0].amendment_item}")
    label = f"Article {ref.article}"
    at = unit.text.find(label)
    quote = unit.text if len(unit.text) < 400 or at < 0 else sentence_of(unit.text, at)
    return verified([(unit.id, quote)])

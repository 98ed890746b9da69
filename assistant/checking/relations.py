"""Statements that relate articles: which obligations a penalty article punishes, and renumbering.

An article number that exists proves nothing in "Article 59(2) covers Articles 33, 34, 35 and
38" or "old Article 65 becomes Article 66". A cross-reference is checked against the articles
the penalty provision's own text cites (and the paragraphs whose penalties it applies); a
renumbering against the draft's renumbering map. Both are read per sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.checking.claims import Claim
from assistant.checking.context import AnswerContext
from assistant.checking.fines import CONTRADICTED, UNSUPPORTED, VERIFIED, Verdict, verified
from assistant.checking.prefilter import Prefiltered
from assistant.document.corpus import Corpus
from assistant.document.refs import Ref, find_refs
from assistant.document.vocabulary import (
    CROSS_REFERENCE_RE,
    MERGES_RE,
    OLD_NUMBER_RE,
    RENUMBER_RE,
    RENUMBER_TARGET_RE,
)

OLD, NEW = "old", "new"
CUE_BEFORE = 24  # "in breach of Article 36, ... Article 67": the cue stands just before the earlier article
MOVED_RE = re.compile(r"\b(?:formerly|previously|is\s+now|now\s+numbered|replac(?:es|ed|ing)|succeeds|succeeded"
                      r"|corresponds\s+to|takes\s+over)\b|成为|取代", re.I)
OLD_NUMBERS, RENUMBERS, MOVED = Prefiltered(OLD_NUMBER_RE), Prefiltered(RENUMBER_RE), Prefiltered(MOVED_RE)
CROSS_REFERENCES = Prefiltered(CROSS_REFERENCE_RE)


def check_relations(ctx: AnswerContext) -> dict[int, Verdict]:
    """Verdicts for the citations of every sentence that relates articles (claim index -> verdict)."""
    out: dict[int, Verdict] = {}
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(ctx.claims):
        if c.kind == "article" and c.refs and not c.unit and all(r.article for r in c.refs):
            by_sentence.setdefault(c.sentence, []).append(i)
    for sentence, cites in by_sentence.items():
        if len(cites) < 2:
            continue
        text = ctx.text[sentence[0]:sentence[1]]
        if any(ctx.claims[i].old for i in cites) or OLD_NUMBERS.search(text):
            if RENUMBERS.search(text) or MOVED.search(text):  # a sentence that only mentions old numbers
                out.update(_renumbering(ctx, cites))
        else:
            out.update(_cross_references(ctx, cites))
    return out


# -- renumbering ----------------------------------------------------------------------------
def _roles(ctx: AnswerContext, cites: list[int]) -> list[str]:
    """Old or new numbering for each citation of a renumbering sentence, from its marks and verbs."""
    roles: list[str] = []
    merging = False
    for k, i in enumerate(cites):
        c = ctx.claims[i]
        start = ctx.claims[cites[k - 1]].end if k else c.sentence[0]
        gap = ctx.text[start:c.start]
        merging = merging or bool(MERGES_RE.search(gap))
        if c.old or merging:
            roles.append(OLD)
        elif RENUMBER_TARGET_RE.search(gap):
            roles.append(NEW)
        elif roles:  # "..., and Article 62 as ...", "(merged with Article 64 and Article 70)"
            roles.append(OLD)
        else:
            rest = ctx.text[c.end:c.sentence[1]]
            roles.append(NEW if MERGES_RE.search(rest) or not RENUMBER_TARGET_RE.search(rest) else OLD)
    return roles


def _renumbering(ctx: AnswerContext, cites: list[int]) -> dict[int, Verdict]:
    roles = _roles(ctx, cites)
    news = [k for k, r in enumerate(roles) if r == NEW]
    out: dict[int, Verdict] = {}
    if not news or OLD not in roles:
        return out
    for k, role in enumerate(roles):
        if role != OLD:
            continue
        target = next((n for n in news if n > k), news[-1] if news[-1] < k else None)
        if target is None:
            continue
        new_numbers = {r.article for r in ctx.claims[cites[target]].refs}
        for ref in ctx.claims[cites[k]].refs:
            v = _moved(ctx.corpus, ref, new_numbers)
            for i in (cites[k], cites[target]):
                if out.get(i, Verdict(VERIFIED)).verdict == VERIFIED or v.verdict == CONTRADICTED:
                    out[i] = v
    return out


def _moved(corpus: Corpus, ref: Ref, new_numbers: set[str]) -> Verdict:
    entries = [e for e in corpus.renumbering if e.old and e.old.article == ref.article
               and (ref.paragraph is None or e.old.paragraph in (None, ref.paragraph))
               and (ref.item is None or e.old.item in (None, ref.item))]
    if not entries:
        return Verdict(UNSUPPORTED)
    evidence = [(f"amend.{e.amendment_item}", corpus.unit(f"amend.{e.amendment_item}").text) for e in entries]
    if any(e.new in new_numbers for e in entries):
        return verified(evidence)
    moved = "; ".join(f"{e.old.label()} of the current law became Article {e.new}" for e in entries if e.old)
    return Verdict(CONTRADICTED, tuple(evidence), moved)


# -- cross-references -----------------------------------------------------------------------
@lru_cache(maxsize=64)
def _cited_by(unit_text: str) -> tuple[Ref, ...]:
    return tuple(r for m in find_refs(unit_text) for r in m.refs)


def _penalty(ctx: AnswerContext, c: Claim) -> Ref | None:
    ref = c.refs[0]
    art = ctx.corpus.articles.get(ref.article)
    return ref if art is not None and art.text_included and not c.old and len(c.refs) == 1 else None


def _provision_refs(ctx: AnswerContext, p: Ref) -> tuple[Ref, ...]:
    """What the provision's text cites, plus the paragraphs whose penalties it applies (the corpus's and
    the band table's alone: computed once per process)."""
    key = ("provision refs", p)
    found = ctx.shared.get(key)
    if found is None:
        found = ctx.shared[key] = tuple(_read_provision_refs(ctx, p))
    return found


def _read_provision_refs(ctx: AnswerContext, p: Ref) -> list[Ref]:
    art = ctx.corpus.articles[p.article]
    units = [u for u in art.units if p.paragraph is None or u.paragraph == p.paragraph]
    refs = [r for u in units for r in _cited_by(u.text) if r.article]
    for b in ctx.table.references:
        if b.article == p.article and (p.paragraph is None or b.paragraph == p.paragraph):
            refs += [Ref(b.target_article, para) for para in b.target_paragraphs]
    return refs


def _cross_references(ctx: AnswerContext, cites: list[int]) -> dict[int, Verdict]:
    """Each article the sentence ties to its penalty provision (by a cue between them, or just before an
    earlier one: "违反第三十六条 ... 依照第六十七条") must be one that provision's text cites. The penalty
    provision is the sentence's source chip ("... [Art. 64(1)]": a quoted provision), else its first."""
    order = sorted(range(len(cites)), key=lambda k: (not _is_chip(ctx, ctx.claims[cites[k]]), k))
    for k in order:
        p = _penalty(ctx, ctx.claims[cites[k]])
        if p is not None:
            bad, _ = _unexplained(ctx, cites, k, p)
            if not bad:
                return {}
            note = _listing(ctx, p, _provision_refs(ctx, p))
            return {i: Verdict(CONTRADICTED, (), note) for i in bad}
    return {}


def _is_chip(ctx: AnswerContext, c: Claim) -> bool:
    """A citation in square brackets names where the sentence comes from."""
    return ctx.text[c.start - 1:c.start] in ("[", "【") if c.start else False


def _unexplained(ctx: AnswerContext, cites: list[int], k: int, p: Ref) -> tuple[list[int], int]:
    """The citations tied to penalty provision p that its own text does not cite, and how many it does."""
    first = ctx.claims[cites[k]]
    cited = _provision_refs(ctx, p)
    bad, good = [], 0
    for i in cites[:k] + cites[k + 1:]:
        c = ctx.claims[i]
        region = ctx.text[first.end:c.start] if c.start > first.start else ctx.text[max(
            c.sentence[0], c.start - CUE_BEFORE):c.start]
        if c.old or not CROSS_REFERENCES.search(region):
            continue
        for r in c.refs:
            art = ctx.corpus.articles.get(r.article)
            if r.article == p.article or (art is not None and art.text_included and not (r.paragraph or r.item)):
                continue  # the same article, or another penalty article named for comparison
            if not any(x.article == r.article and r.paragraph in (None, x.paragraph) and r.item in (None, x.item)
                       for x in cited):
                bad.append(i)
                break
            good += 1
    return bad, good


def _listing(ctx: AnswerContext, p: Ref, cited: tuple[Ref, ...]) -> str:
    def label(r: Ref) -> str:
        item = f", item ({r.item})" if r.item else ""
        return f"Art. {r.article}" + (f"({r.paragraph})" if r.paragraph else "") + item
    where = f"Art. {p.article}" + (f"({p.paragraph})" if p.paragraph else "")
    names = ", ".join(dict.fromkeys(label(r) for r in cited if r.article != p.article or r.paragraph))
    return f"{where} refers to {names}" if names else f"{where} cites no other article"

"""The checker's knowledge of versions: figures about the law in force are verified against the adopted bands.

Each line of a text is read as being about the draft (it says "draft" / 草案) or about
the law in force; a figure is then verified against that version's bands, in the
articles the line cites (in that version's numbering). A draft figure presented as the
law in force, where the adopted law changed it, is contradicted with the adopted figure
as the correction. Pure and deterministic, like the rest of the checker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.checking.claims import Claim, extract_claims
from assistant.checking.prefilter import Prefiltered
from assistant.document import adopted_bands, corpus, decision, fines
from assistant.document.band_diff import BandChange, band_links
from assistant.document.kinds import Verdict, Version
from assistant.document.refs_zh import find_zh_refs
from assistant.document.vocabulary import DRAFT_IN_ANSWER_RE, IN_FORCE_IN_ANSWER_RE

__all__ = ["VersionedClaim", "VersionedReport", "check_versioned", "line_version"]

MARKER_RE = re.compile(r"\[(?P<id>(?:adopted|decision|art|amend|expl)[a-z0-9.]*)\]")
LABEL_RE = re.compile(r"\[Adopted Art\. (?P<art>\d+)")
MONEY = ("amount", "range", "bound")


@dataclass(frozen=True)
class VersionedClaim:
    claim: Claim
    version: Version
    verdict: Verdict
    correction: str | None = None
    evidence: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        c = self.claim
        value = list(c.value) if isinstance(c.value, tuple) else c.value
        return {"text": c.text, "start": c.start, "end": c.end, "kind": c.kind, "value": value,
                "verdict": self.verdict.value, "version": self.version.value,
                "evidence": [{"id": e, "quote": ""} for e in self.evidence], "correction": self.correction}


@dataclass(frozen=True)
class VersionedReport:
    ok: bool
    claims: tuple[VersionedClaim, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "claims": [c.as_dict() for c in self.claims]}

    def problems(self) -> list[VersionedClaim]:
        return [c for c in self.claims if c.verdict is not Verdict.VERIFIED]


def line_version(line: str, default: Version) -> Version:
    """The version a line speaks about: 'draft' wins, then a law-in-force cue, else the default."""
    if DRAFT_IN_ANSWER_RE.search(line):
        return Version.DRAFT
    return Version.ADOPTED if IN_FORCE_IN_ANSWER_RE.search(line) else default


QUOTE_RE = re.compile(r"「(?P<q>[^」]+)」")
ARROW_RE = re.compile(r"->|→")
NOT_COVERED = "not in these documents"
LABEL_SPAN_RE = re.compile(r"\[(?:Adopted Art\.|Draft |Decision)[^\]]*\]")


def _quoted_verbatim(text: str) -> list[tuple[int, int]]:
    """Spans of 「...」 quotes that are verbatim passages of the Decision (their figures are the text's own)."""
    units = [u.text for u in decision.load().units()]
    return [m.span() for m in QUOTE_RE.finditer(text) if any(m.group("q") in u for u in units)]


def _side(text: str, line_start: int, pos: int, version: Version) -> Version:
    """'X -> Y' reads draft -> law in force: a claim right after an arrow (no comma between) is adopted."""
    before = text[line_start:pos]
    arrow = max((m.end() for m in ARROW_RE.finditer(before)), default=-1)
    comma = max(before.rfind(","), before.rfind(";"), before.rfind("，"), before.rfind("；"))
    return Version.ADOPTED if arrow > comma else version


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n|(?<=[。；])|(?<=[a-z0-9)\]]\.)\s+(?=[A-Z])", text):
        spans.append((start, m.start()))
        start = m.end()
    return spans + [(start, len(text))]


def _articles(line: str, claims: list[Claim]) -> set[str]:
    """Articles a line names: citation claims, unit markers, adopted labels, Chinese references."""
    found = {r.article for c in claims if c.kind == "article" for r in c.refs if r.article}
    for m in MARKER_RE.finditer(line):
        uid = m.group("id")
        if n := re.search(r"art(\d+)", uid):
            found.add(n.group(1))
    found |= {m.group("art") for m in LABEL_RE.finditer(line)}
    return found | {r.article for r in find_zh_refs(line)}


def _bands(version: Version, articles: set[str]) -> list[fines.FineBand]:
    table = adopted_bands.table() if version is Version.ADOPTED else fines.table()
    if not articles:
        return list(table.bands)
    return [b for a in sorted(articles) for b in table.effective_for(a)]


def _money_matches(claim: Claim, band: fines.FineBand) -> bool:
    if band.kind != "amount" and claim.kind in MONEY and claim.kind != "amount":
        return False
    v = claim.value
    if claim.kind == "range":
        return band.kind == "amount" and (band.min, band.max) == tuple(v)
    if claim.kind == "bound":
        limit = band.max if v["side"] == "upper" else band.min
        return v["amount"] in (limit, band.threshold)
    if claim.kind == "amount":
        return v in (band.threshold,) or (band.kind == "amount" and v in (band.min, band.max))
    if claim.kind in ("multiple", "multiple_range"):
        lo, hi = (v["min"], v["max"]) if isinstance(v, dict) and "min" in v else (v, v)
        return band.kind == "multiple" and lo in (band.min,) and hi in (band.max,) or \
            (band.kind == "multiple" and claim.kind == "multiple" and v in (band.min, band.max))
    return False


def _correction(claim: Claim) -> str | None:
    """A draft band's figures stated as the law in force, where the adopted law changed them."""
    for link in band_links():
        if link.status is BandChange.CHANGED and link.draft and link.adopted and _money_matches(claim, link.draft) \
                and not _money_matches(claim, link.adopted):
            a = link.adopted
            return (f"the law in force (adopted Article {a.article}({a.paragraph})) sets {a.describe_range()}"
                    f"{'' if a.mandatory else ' (may)'}; {claim.text} was the draft's figure")
    return None


@cache
def _facts(version: Version) -> tuple[frozenset[int], frozenset[tuple[int, int, int]]]:
    """Years and full dates either text states (the Decision's dates are the law in force's).

    Like `_adopted_articles`, a function of the shipped texts alone, so it is read once per process:
    reading it per claim made an adopted-law answer's check cost more than the answer (8 ms of 9).
    """
    dec = decision.load()
    dates = {tuple(int(x) for x in d.split("-")) for d in (dec.adopted_on, dec.in_force_from)}
    raw = dec.raw + (corpus.load().raw if version is Version.DRAFT else "")
    years = frozenset(int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", raw))
    return years, frozenset(dates)  # type: ignore[arg-type]


@cache
def _adopted_articles() -> frozenset[str]:
    """Articles the Decision amends or cites (in the law's numbering): the ones an adopted-law answer may name."""
    dec = decision.load()
    cited = {r.article for u in dec.units() for r in find_zh_refs(u.text)}
    return frozenset(dec.articles) | cited


def _verify(claim: Claim, version: Version, articles: set[str]) -> tuple[Verdict, str | None]:
    if claim.kind == "article":
        draft = corpus.load()
        known = _adopted_articles() if version is Version.ADOPTED else set(draft.articles) | set(draft.referenced)
        ok = all(r.article in known for r in claim.refs)
        return (Verdict.VERIFIED, None) if ok else (Verdict.UNSUPPORTED, None)
    if claim.kind in ("year", "date"):
        years, dates = _facts(version)
        v = claim.value
        ok = v in years if claim.kind == "year" else (v["year"], v.get("month"), v.get("day")) in dates \
            or (v.get("day") is None and v["year"] in years)
        return (Verdict.VERIFIED, None) if ok else (Verdict.UNSUPPORTED, None)
    bands = _bands(version, articles)
    if any(_money_matches(claim, b) for b in bands):
        return Verdict.VERIFIED, None
    if version is Version.ADOPTED and (fix := _correction(claim)):
        return Verdict.CONTRADICTED, fix
    return Verdict.UNSUPPORTED, None


def check_versioned(text: str, default: Version = Version.ADOPTED, cited: Sequence[str] = ()) -> VersionedReport:
    """Verify every numeric claim of `text`, line by line, against the version each line is about."""
    claims = extract_claims(text)
    quoted = _quoted_verbatim(text) + [m.span() for m in LABEL_SPAN_RE.finditer(text)]
    out: list[VersionedClaim] = []
    for start, end in _lines(text):
        mine = [c for c in claims if start <= c.start < max(end, start + 1)]
        if not mine:
            continue
        line = text[start:end]
        version = line_version(line, default)
        articles = _articles(line, mine)
        if not articles and cited:
            articles = {m.group(1) for u in cited if (m := re.search(r"art(\d+)", u))
                        and u.startswith("adopted") == (version is Version.ADOPTED)}
        for claim in mine:
            side = _side(text, start, claim.start, version)
            if any(s <= claim.start and claim.end <= e for s, e in quoted):
                verdict, fix = Verdict.VERIFIED, None  # quoted verbatim from the Decision, or a citation label
            elif claim.kind == "article" and NOT_COVERED in line:
                verdict, fix = Verdict.VERIFIED, None  # the line says the article is not in the documents
            else:
                verdict, fix = _verify(claim, side, articles)
            out.append(VersionedClaim(claim, side, verdict, fix, tuple(sorted(articles))))
    return VersionedReport(all(c.verdict is Verdict.VERIFIED for c in out), tuple(out))


FIGURES = ("amount", "range", "bound", "multiple", "multiple_range")
IN_FORCE = Prefiltered(IN_FORCE_IN_ANSWER_RE)
NEGATED_RE = re.compile(r"\bnot (?:the|yet|in) (?:law )?in force\b|\bnot the law\b", re.I)


def in_force_verdicts(text: str) -> dict[tuple[int, int], VersionedClaim]:
    """Verdicts for the figures of lines that present themselves as the law in force (by span).

    The general checker verifies against the draft; it hands these figures to the
    adopted bands instead, so a draft figure called 'the law in force' is contradicted
    with the adopted figure as the correction.
    """
    out: dict[tuple[int, int], VersionedClaim] = {}
    if not IN_FORCE.possible(text):  # no line of the text can present itself as the law in force
        return out
    for start, end in _lines(text):
        line = text[start:end]
        if not IN_FORCE_IN_ANSWER_RE.search(line) or DRAFT_IN_ANSWER_RE.search(line) \
                or NEGATED_RE.search(line):  # cheapest test first
            continue
        for claim in check_versioned(line).claims:
            if claim.claim.kind in FIGURES:
                c = claim.claim
                out[(start + c.start, start + c.end)] = claim
    return out

"""The numeric-claim checker: no number reaches the user unverified.

`check_answer` extracts every numeric claim of an answer (assistant.claims) and
gives each a verdict against the text: fines against the band table in the
context of the provision the answer cites (checker_fines), everything else
against the cited passages and the corpus structure (checker_facts). The check
is pure and deterministic: same text, question and citations, same report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.checking import facts, fields
from assistant.checking import fines as fines_check
from assistant.checking.claims import Claim, extract_claims
from assistant.checking.context import AnswerContext
from assistant.checking.fines import VERIFIED, Verdict
from assistant.checking.relations import check_relations
from assistant.document.corpus import load
from assistant.document.fines import table

FIGURES = ("amount", "range", "bound", "multiple", "multiple_range")
VERDICTS = (VERIFIED, fines_check.CONTRADICTED, fines_check.UNSUPPORTED)


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    """A claim with its verdict, the exact passages that bear on it, and the right figure when it is wrong."""

    claim: Claim
    verdict: str
    evidence: tuple[tuple[str, str], ...] = ()
    correction: str | None = None
    checked_against: tuple[str, ...] = ()  # what the claim was checked against, in plain words

    def as_dict(self) -> dict[str, Any]:
        c = self.claim
        return {"text": c.text, "start": c.start, "end": c.end, "kind": c.kind, "value": _jsonable(c.value),
                "verdict": self.verdict, "evidence": [{"id": i, "quote": q} for i, q in self.evidence],
                "correction": self.correction, "checked_against": list(self.checked_against)}


@dataclass(frozen=True)
class CheckReport:
    """ok is True only when every claim is verified (an answer without numbers is ok)."""

    ok: bool
    claims: tuple[CheckedClaim, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "claims": [c.as_dict() for c in self.claims]}

    def problems(self) -> list[CheckedClaim]:
        return [c for c in self.claims if c.verdict != VERIFIED]


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _money(ctx: AnswerContext, i: int) -> Verdict:
    return fines_check.check_money(ctx, i)


def _multiple(ctx: AnswerContext, i: int) -> Verdict:
    return fines_check.check_multiple(ctx, i)


def _citation(ctx: AnswerContext, i: int) -> Verdict:
    return facts.check_citation(ctx, i)


def _by_claim(check: Callable[[AnswerContext, Claim], Verdict]) -> Callable[[AnswerContext, int], Verdict]:
    return lambda ctx, i: check(ctx, ctx.claims[i])


DISPATCH: dict[str, Callable[[AnswerContext, int], Verdict]] = {
    "amount": _money,
    "range": _money,
    "bound": _money,
    "multiple": _multiple,
    "multiple_range": _multiple,
    "article": _citation,
    "year": _by_claim(facts.check_year),
    "date": _by_claim(facts.check_date),
    "count": _by_claim(facts.check_count),
    "percent": _by_claim(facts.check_percent),
    "number": _by_claim(facts.check_number),
}


def _checked_against(ctx: AnswerContext, v: Verdict) -> tuple[str, ...]:
    """Plain words for the evidence: a band as 'Art. 59(3), persons-in-charge, ..., shall, X to Y yuan',
    a passage by its article, paragraph and item or Explanation section, the question as such."""
    if v.verdict == fines_check.UNSUPPORTED:
        return ()
    out = []
    for eid, _ in v.evidence:
        band = ctx.band(eid)
        if band:
            out.append(fields.plain(ctx, band))
        else:
            if ("label", eid) not in ctx.memo:
                ctx.memo[("label", eid)] = _passage_label(ctx, eid)
            out.append(ctx.memo[("label", eid)])
    return tuple(dict.fromkeys(out))


def _passage_label(ctx: AnswerContext, eid: str) -> str:
    if eid in ("question", facts.STATUS):
        return "the question" if eid == "question" else "the document's status notice"
    if not ctx.corpus.has_unit(eid):
        return "the text"
    unit = ctx.corpus.unit(eid)
    if unit.article:
        para = f"({unit.paragraph})" if unit.paragraph and ctx.corpus.articles[unit.article].paragraph_count() > 1 \
            else ""
        item = f", item ({unit.item})" if unit.item else ""
        return f"Art. {unit.article}{para}{item}"
    if eid.startswith("amend."):
        return f"amendment item {eid.split('.')[1]}"
    return f"Explanation, section {eid.split('.', 1)[1]}"


def check_answer(text: str, question: str | None = None, cited: Sequence[str] | None = None) -> CheckReport:
    """Verify every numeric claim of `text` against the draft.

    `cited`: unit ids ("art59.p3", "expl.1") or article numbers ("59") the answer
    cites; used as context when a sentence names no provision itself.
    """
    claims = extract_claims(text)
    if not claims:
        return CheckReport(True, ())
    ctx = AnswerContext(text, claims, question, cited, load(), table())
    checked = []
    related = check_relations(ctx)
    for i, claim in enumerate(claims):
        v = DISPATCH[claim.kind](ctx, i)
        if i in related and v.verdict == VERIFIED:
            v = related[i]
        if claim.kind in FIGURES:
            v = fields.refine(ctx, i, v)
        correction = v.correction if v.verdict == fines_check.CONTRADICTED else None
        checked.append(CheckedClaim(claim, v.verdict, v.evidence, correction, _checked_against(ctx, v)))
    return CheckReport(all(c.verdict == VERIFIED for c in checked), tuple(checked))

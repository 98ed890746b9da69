"""The numeric-claim checker: no number reaches the user unverified.

`check_answer` extracts every numeric claim of an answer (assistant.claims) and
gives each a verdict against the text: fines against the band table in the
context of the provision the answer cites (checker_fines), everything else
against the cited passages and the corpus structure (checker_facts). The check
is pure and deterministic: same text, question and citations, same report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from assistant.checking import facts, fields, versioned
from assistant.checking import fines as fines_check
from assistant.checking.claims import Claim, extract_claims
from assistant.checking.context import AnswerContext
from assistant.checking.fines import Verdict as Judgement
from assistant.checking.relations import check_relations
from assistant.document.corpus import load
from assistant.document.fines import table
from assistant.document.kinds import ClaimKind, Verdict


class EvidenceJSON(TypedDict):
    """A passage that bears on a claim: its unit id and the sentence quoted."""

    id: str
    quote: str


class ClaimJSON(TypedDict):
    """One checked claim as `check --json`, `ask --json` and the UI show it."""

    text: str
    start: int
    end: int
    kind: ClaimKind
    value: Any
    verdict: Verdict
    evidence: list[EvidenceJSON]
    correction: str | None
    checked_against: list[str]  # what the claim was checked against, in plain words (no internal ids)


class CheckJSON(TypedDict):
    """The check report as JSON: ok only when every claim is verified."""

    ok: bool
    claims: list[ClaimJSON]


QUOTE_RE = re.compile(r"“([^“”]{40,})”")
FIGURES = (ClaimKind.AMOUNT, ClaimKind.RANGE, ClaimKind.BOUND, ClaimKind.MULTIPLE, ClaimKind.MULTIPLE_RANGE)


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    """A claim with its verdict, the exact passages that bear on it, and the right figure when it is wrong."""

    claim: Claim
    verdict: Verdict
    evidence: tuple[tuple[str, str], ...] = ()
    correction: str | None = None
    checked_against: tuple[str, ...] = ()  # what the claim was checked against, in plain words

    def as_dict(self) -> ClaimJSON:
        c = self.claim
        return {"text": c.text, "start": c.start, "end": c.end, "kind": c.kind, "value": _jsonable(c.value),
                "verdict": self.verdict, "evidence": [{"id": i, "quote": q} for i, q in self.evidence],
                "correction": self.correction, "checked_against": list(self.checked_against)}


@dataclass(frozen=True)
class CheckReport:
    """ok is True only when every claim is verified (an answer without numbers is ok)."""

    ok: bool
    claims: tuple[CheckedClaim, ...]

    def as_dict(self) -> CheckJSON:
        return {"ok": self.ok, "claims": [c.as_dict() for c in self.claims]}

    def problems(self) -> list[CheckedClaim]:
        return [c for c in self.claims if c.verdict != Verdict.VERIFIED]


SCALARS = frozenset({int, str, float, bool, type(None)})  # exact types: returned as they are, without a walk


def _jsonable(value: Any) -> Any:
    """Tuples become lists, at any depth (a fresh structure each call: callers may keep and change it)."""
    if type(value) in SCALARS:
        return value
    if isinstance(value, tuple | list):
        return [v if type(v) in SCALARS else _jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in SCALARS else _jsonable(v) for k, v in value.items()}
    return value


def _by_claim(check: Callable[[AnswerContext, Claim], Judgement]) -> Callable[[AnswerContext, int], Judgement]:
    return lambda ctx, i: check(ctx, ctx.claims[i])


DISPATCH: dict[ClaimKind, Callable[[AnswerContext, int], Judgement]] = {
    ClaimKind.AMOUNT: fines_check.check_money,
    ClaimKind.RANGE: fines_check.check_money,
    ClaimKind.BOUND: fines_check.check_money,
    ClaimKind.MULTIPLE: fines_check.check_multiple,
    ClaimKind.MULTIPLE_RANGE: fines_check.check_multiple,
    ClaimKind.ARTICLE: facts.check_citation,
    ClaimKind.YEAR: _by_claim(facts.check_year),
    ClaimKind.DATE: _by_claim(facts.check_date),
    ClaimKind.COUNT: _by_claim(facts.check_count),
    ClaimKind.PERCENT: _by_claim(facts.check_percent),
    ClaimKind.NUMBER: _by_claim(facts.check_number),
}


def _versioned(text: str, checked: list[CheckedClaim]) -> list[CheckedClaim]:
    """Figures a sentence presents as the law in force are judged against the adopted bands (checking/versioned)."""
    adopted = versioned.in_force_verdicts(text)
    out = []
    for c in checked:
        v = adopted.get((c.claim.start, c.claim.end))
        out.append(c if v is None else CheckedClaim(c.claim, Verdict(v.verdict), tuple((e, "") for e in v.evidence),
                                                    v.correction))
    return out


def _checked_against(ctx: AnswerContext, v: Judgement) -> tuple[str, ...]:
    """Plain words for the evidence: a band as 'Art. 59(3), persons-in-charge, ..., shall, X to Y yuan',
    a passage by its article, paragraph and item or Explanation section, the question as such."""
    if v.verdict == fines_check.UNSUPPORTED:
        return ()
    key = ("against", v.evidence)  # the words depend on the evidence and the corpus alone
    found = ctx.shared.get(key)
    if found is None:
        found = ctx.shared[key] = _describe_evidence(ctx, v.evidence)
    return found


def _describe_evidence(ctx: AnswerContext, evidence: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    out = []
    for eid, _ in evidence:
        band = ctx.band(eid)
        if band:
            out.append(fields.plain(ctx, band))
        else:
            label = ctx.shared.get(("label", eid))  # a passage's label depends on the corpus alone
            if label is None:
                label = ctx.shared[("label", eid)] = _passage_label(ctx, eid)
            out.append(label)
    return tuple(dict.fromkeys(out))


def _verbatim_quotes(ctx: AnswerContext) -> list[tuple[int, int, str]]:
    """Spans of “...” quotes that stand word for word in a unit of the draft, with that unit's id.

    A figure inside such a quote is the text's own: its frame is the text's sentence, not a summary of it,
    so it is verified by the quotation itself (whose article the citation check judges separately).
    """
    out = []
    for m in QUOTE_RE.finditer(ctx.text):
        key = ("quoted unit", m.group(1))  # the unit a quotation stands in depends on the corpus alone
        if key not in ctx.shared:
            ctx.shared[key] = next((u.id for u in ctx.corpus.units() if m.group(1) in u.text), None)
        if ctx.shared[key] is not None:
            out.append((m.start(1), m.end(1), ctx.shared[key]))
    return out


def _quoted(claim: Claim, quotes: list[tuple[int, int, str]], ctx: AnswerContext) -> CheckedClaim | None:
    for start, end, unit_id in quotes:
        if start <= claim.start and claim.end <= end:
            label = _passage_label(ctx, unit_id)
            return CheckedClaim(claim, Verdict.VERIFIED, ((unit_id, ctx.text[start:end]),), None,
                                (f"{label}, quoted word for word",))
    return None


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
    quotes = _verbatim_quotes(ctx)
    for i, claim in enumerate(claims):
        if claim.kind in FIGURES and (as_quoted := _quoted(claim, quotes, ctx)):
            checked.append(as_quoted)
            continue
        v = DISPATCH[claim.kind](ctx, i)
        if i in related and v.verdict == Verdict.VERIFIED:
            v = related[i]
        if claim.kind in FIGURES:
            v = fields.refine(ctx, i, v)
        correction = v.correction if v.verdict == Verdict.CONTRADICTED else None
        checked.append(CheckedClaim(claim, v.verdict, v.evidence, correction, _checked_against(ctx, v)))
    checked = _versioned(text, checked)
    return CheckReport(all(c.verdict == Verdict.VERIFIED for c in checked), tuple(checked))

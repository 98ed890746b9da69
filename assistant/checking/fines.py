"""Verdicts on fine figures: amounts, ranges, bounds and multiples against the band table.

A figure is judged against the bands of the provision it is about (see
checker_context), for the subject and tier its wording names. Figures computed
from a basis (illegal gains, procurement amount) are accepted when they equal
basis x the multiple and the Article 61 threshold rule allows that multiple.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from assistant.checking.claims import Claim
from assistant.checking.context import AnswerContext, Scope
from assistant.checking.prefilter import Prefiltered
from assistant.document import kinds
from assistant.document.fines import FineBand
from assistant.document.kinds import BandKind, Basis, ClaimKind, Subject, Tier
from assistant.document.vocabulary import CAP_RE

VERIFIED, CONTRADICTED, UNSUPPORTED = kinds.Verdict.VERIFIED, kinds.Verdict.CONTRADICTED, kinds.Verdict.UNSUPPORTED
FINE_RE = re.compile(r"\bfin(?:e|es|ed|ing)\b|penalt|punish|sanction|impos|罚", re.I)
KNOWN_BASES = tuple(Basis)
FINE_WORDS, CAP = Prefiltered(FINE_RE), Prefiltered(CAP_RE)


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: kinds.Verdict
    evidence: tuple[tuple[str, str], ...] = ()
    correction: str | None = None


def verified(evidence: Iterable[tuple[str, str]]) -> Verdict:
    return Verdict(VERIFIED, tuple(dict.fromkeys(evidence)))


def band_label(ctx: AnswerContext, b: FineBand) -> str:
    """'Article 59(3): 2,000,000 to 10,000,000 yuan (entity, particularly serious)'."""
    art = ctx.corpus.articles[b.article]
    where = f"Article {b.article}({b.paragraph})" if art.paragraph_count() > 1 else f"Article {b.article}"
    return f"{where}: {b.describe_range()} ({b.subject}, {b.tier.replace('_', ' ')})"


def describe(ctx: AnswerContext, bands: Iterable[FineBand]) -> str:
    return "; ".join(dict.fromkeys(band_label(ctx, b) for b in bands))


def _ev(b: FineBand) -> tuple[str, str]:
    return (b.id, b.quote)


def _contradicted(ctx: AnswerContext, bands: Iterable[FineBand], prefix: str = "") -> Verdict:
    bands = list(bands)
    return Verdict(CONTRADICTED, tuple(_ev(b) for b in bands), prefix + describe(ctx, bands))


# -- the Article 61 threshold ---------------------------------------------------------------
def _counterpart(ctx: AnswerContext, band: FineBand) -> list[FineBand]:
    return [b for b in ctx.table.bands if b.unit_id == band.unit_id and b.threshold == band.threshold
            and b.threshold_rule != band.threshold_rule]


def _threshold_basis(ctx: AnswerContext, band: FineBand) -> Basis:
    return band.basis or next((b.basis for b in _counterpart(ctx, band) if b.basis), Basis.ILLEGAL_GAINS)


def rule_verdict(ctx: AnswerContext, c: Claim, band: FineBand, base: int | None = None) -> Verdict | None:
    """None when the band may apply; else why not (the rule says the other band, or the text is silent)."""
    if band.threshold is None:
        return None
    limit = band.threshold
    if base is None:
        stated = ctx.stated_rule(c, limit)
        if stated:
            return None if stated == band.threshold_rule else _contradicted(ctx, _counterpart(ctx, band))
        bases, _ = ctx.bases(c, _threshold_basis(ctx, band))
        if not bases:
            return None
        base = bases[0]
    if base == limit:
        return Verdict(UNSUPPORTED, (_ev(band),))
    if ("above" if base > limit else "below_or_none") == band.threshold_rule:
        return None
    other = _counterpart(ctx, band)
    extra = "".join(f" (with {base:,} yuan: {base * b.min:,} to {base * b.max:,} yuan)" for b in other
                    if b.kind == BandKind.MULTIPLE)
    side = "exceed" if base > limit else "are less than"
    return Verdict(CONTRADICTED, tuple(_ev(b) for b in other),
                   f"illegal gains of {base:,} yuan {side} {limit:,} yuan: {describe(ctx, other)}{extra}")


# -- money figures --------------------------------------------------------------------------
def _computed(ctx: AnswerContext, c: Claim, scope: Scope, subject: Subject,
              fits: Callable[[int, int], bool]) -> Verdict | None:
    for m in scope.bands:
        if m.kind != BandKind.MULTIPLE or m.subject != subject or m.basis is None:
            continue
        bases, source = ctx.bases(c, m.basis)
        for base in bases:
            if fits(base * m.min, base * m.max):
                ev = [_ev(m)] + [("question", q) for _, v, q in ctx.q_bases if v == base]
                return rule_verdict(ctx, c, m, base) or verified(ev)
    return None


def _no_fines(ctx: AnswerContext, c: Claim, scope: Scope) -> Verdict:
    """The cited articles state no fine: wrong when their text is in the draft, unknowable otherwise."""
    if any(ctx.corpus.articles[a].text_included for a in scope.articles if a in ctx.corpus.articles):
        value = c.value if isinstance(c.value, int) else None
        elsewhere = [b for b in ctx.table.bands if value in (b.min, b.max)] if value else []
        names = ", ".join(f"Article {a}" for a in scope.articles)
        note = f"{names} states no fine" + (f"; the figure appears in {describe(ctx, elsewhere)}" if elsewhere else "")
        return Verdict(CONTRADICTED, (), note)
    return Verdict(UNSUPPORTED)


def check_money(ctx: AnswerContext, i: int) -> Verdict:
    c = ctx.claims[i]
    if c.kind == ClaimKind.AMOUNT:
        stated = [q for b, v, q in ctx.q_bases if v == c.value]
        if stated:
            return verified([("question", stated[0])])
        if c.basis:
            return _basis_claim(ctx, c)
    scope = ctx.fine_scope(c)
    extreme = ctx.extreme(i) if c.kind != ClaimKind.BOUND or not c.text.lower().startswith(("a max", "a min")) else None
    if c.kind == ClaimKind.BOUND and CAP.search(c.text):
        extreme = c.side
    if extreme and not any(t.article for _, t in ctx.sentence_targets(c)):
        scope = Scope(ctx.table.bands, (), "none")
    if not scope.bands:
        return _no_fines(ctx, c, scope)
    subject, tier = ctx.subject(i) or Subject.ENTITY, ctx.tier(i)
    amounts = [b for b in scope.bands if b.kind == BandKind.AMOUNT]
    sel = [b for b in amounts if b.subject == subject and (tier is None or b.tier == tier)]
    lo, hi = _span(c)
    if extreme and sel:
        if extreme == "upper" and scope.source != "none" and (open_ended := _unbounded(ctx, c, scope, subject)):
            return _contradicted(ctx, open_ended + sel, "no fixed cap: ")
        return _extreme(ctx, c, sel, extreme, lo, hi)
    if c.kind == ClaimKind.AMOUNT and (limits := [b for b in scope.bands if b.threshold == c.value]):
        return verified(_ev(b) for b in limits)  # the threshold itself ("exceed 100,000 yuan")
    hits = [b for b in sel if _fits(c, b.min, b.max)]
    for b in hits:
        if (bad := rule_verdict(ctx, c, b)) is not None:
            return bad
    if hits:
        return verified(_ev(b) for b in hits)
    if (done := _computed(ctx, c, scope, subject, lambda a, b: _fits(c, a, b))) is not None:
        return done
    if scope.source == "none":
        return _out_of_context(ctx, c, amounts, subject, tier)
    if c.kind == ClaimKind.AMOUNT and not FINE_WORDS.search(ctx.text[c.sentence[0]:c.sentence[1]]):
        return Verdict(UNSUPPORTED)
    shown = sel or [b for b in amounts if b.subject == subject] or amounts or list(scope.bands)
    return _contradicted(ctx, shown)


def _unbounded(ctx: AnswerContext, c: Claim, scope: Scope, subject: str) -> list[FineBand]:
    """Multiples of a basis in scope (no yuan cap), unless the sentence's threshold condition rules them out."""
    out = []
    for b in scope.bands:
        if b.kind != "multiple" or b.subject != subject:
            continue
        stated = ctx.stated_rule(c, b.threshold) if b.threshold is not None else None
        if stated is None or stated == b.threshold_rule:
            out.append(b)
    return out


def _span(c: Claim) -> tuple[int, int]:
    if c.kind == ClaimKind.RANGE:
        return c.value
    value = c.value["amount"] if c.kind == ClaimKind.BOUND else c.value
    return value, value


def _fits(c: Claim, lo: int, hi: int) -> bool:
    if c.kind == ClaimKind.RANGE:
        return tuple(c.value) == (lo, hi)
    if c.kind == ClaimKind.BOUND:
        return c.value["amount"] == (hi if c.side == "upper" else lo)
    return c.value in (lo, hi)


def _extreme(ctx: AnswerContext, c: Claim, sel: list[FineBand], side: str, lo: int, hi: int) -> Verdict:
    """'the maximum fine ... is X': X must be the highest (lowest) figure of the bands in scope."""
    target = max(b.max for b in sel) if side == "upper" else min(b.min for b in sel)
    best = [b for b in sel if (b.max if side == "upper" else b.min) == target]
    value = hi if side == "upper" else lo
    if value == target and (c.kind != ClaimKind.RANGE or any(_fits(c, b.min, b.max) for b in best)):
        return verified(_ev(b) for b in best)
    return _contradicted(ctx, best, f"{'highest' if side == 'upper' else 'lowest'}: ")


def _out_of_context(ctx: AnswerContext, c: Claim, amounts: list[FineBand], subject: Subject,
                    tier: Tier | None) -> Verdict:
    """No provision named anywhere: right only if some band of the subject has it; name the counterpart if not."""
    others = [b for b in amounts if _fits(c, b.min, b.max)]
    if not others:
        return Verdict(UNSUPPORTED)
    fix = [b for o in others for b in amounts if b.unit_id == o.unit_id and b.subject == subject
           and b.tier == (tier or o.tier)]
    return _contradicted(ctx, fix or others)


def _basis_claim(ctx: AnswerContext, c: Claim) -> Verdict:
    """A basis figure ('illegal gains of 400,000 yuan'): the question's, or a worked example's."""
    same = [(v, q) for b, v, q in ctx.q_bases if b == c.basis]
    if same:
        return Verdict(CONTRADICTED, (("question", same[0][1]),), f"{same[0][0]:,} yuan (stated in the question)")
    scope = ctx.fine_scope(c)
    bands = [b for b in scope.bands if b.basis == c.basis] or [b for b in ctx.table.bands if b.basis == c.basis]
    return verified(_ev(b) for b in bands) if bands else Verdict(UNSUPPORTED)


# -- multiples ------------------------------------------------------------------------------
def check_multiple(ctx: AnswerContext, i: int) -> Verdict:
    c = ctx.claims[i]
    scope = ctx.fine_scope(c)
    subject = ctx.subject(i) or Subject.ENTITY
    mult = [b for b in scope.bands if b.kind == BandKind.MULTIPLE]
    sel = [b for b in mult if b.subject == subject and (c.basis is None or b.basis == c.basis)]
    hits = [b for b in sel if _fits_multiple(c, b)]
    for b in hits:
        if (bad := rule_verdict(ctx, c, b)) is not None:
            return bad
    if hits:
        return verified(_ev(b) for b in hits)
    known = c.basis in KNOWN_BASES
    if scope.source == "none":
        same_basis = [b for b in mult if b.basis == c.basis]
        return _contradicted(ctx, same_basis) if known and same_basis else Verdict(UNSUPPORTED)
    if mult:
        return _contradicted(ctx, [b for b in mult if b.subject == subject] or mult)
    if not scope.bands:
        return _no_fines(ctx, c, scope)
    if known:
        return _contradicted(ctx, scope.bands, "fixed amounts, not a multiple: ")
    return Verdict(UNSUPPORTED)


def _fits_multiple(c: Claim, b: FineBand) -> bool:
    if c.kind == ClaimKind.MULTIPLE_RANGE:
        return (c.value["min"], c.value["max"]) == (b.min, b.max)
    times = c.value["times"]
    if c.side == "upper":
        return times == b.max
    if c.side == "lower":
        return times == b.min
    return times in (b.min, b.max)

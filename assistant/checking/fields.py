"""Every field a fine claim states, checked against the bands its figure matched.

The figure check (checking.fines) finds the bands whose range, subject, tier and article fit
the figure. A claim also says how the fine is imposed (may / shall), on whom beyond the
persons-in-charge ("other directly liable personnel"), in which currency, and whether it is
imposed at all ("is not fined ..."). A claim is verified only when some matched band agrees
with every field it states; otherwise the correction names the band in plain words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.checking.context import PAREN_AFTER_RE, AnswerContext
from assistant.checking.cues import SentenceCues, sentence_cues
from assistant.checking.fines import CONTRADICTED, VERIFIED, Verdict
from assistant.checking.wording import CLAUSE_END_RE, clause
from assistant.document.fines import FineBand
from assistant.document.frames import Frame, Provision
from assistant.document.kinds import Bound, Modality, Subject, Tier
from assistant.document.vocabulary import (
    FOREIGN_CURRENCY_AFTER_RE,
    FOREIGN_CURRENCY_BEFORE_RE,
    OTHER_PERSONNEL_RE,
    negated_spans,
)

OTHER_PERSONNEL = "other directly liable personnel"
# Negations of the verb ("is not fined", "never imposes", "不处"); "no" / "without" name conditions instead.
VERB_NEGATIONS = frozenset({"not", "never", "cannot", "n't", "n’t", "neither", "nor",
                            "并未", "从未", "从不", "不是", "并非"})
NOT_IMPOSED_AFTER_RE = re.compile(
    r"^\s*(?:yuan\s+)?(?:[\w'-]+\s+){0,3}?(?:(?:is|are|was|were|shall|may|will|would|can|could)\s+(?:not|never)|cannot)"
    r"\s+(?:be\s+)?(?:imposed|levied|applied|fined|payable|due)\b", re.I)
BOUNDS = {"range": Bound.RANGE, "multiple_range": Bound.RANGE, "amount": Bound.EXACT, "multiple": Bound.EXACT}


def _modality(text: str, cues: SentenceCues, lo: int, start: int, end: int, clause_end: int) -> Modality | None:
    """The modal cue nearest before the figure, else the first in its own clause after it; a longer cue
    ending at the same place wins ("not required" is a permission, not "required"). A cue before the
    figure but in an earlier clause ("must correct, and a fine of X may be imposed") yields to the
    figure's own clause."""
    before = [m for m in cues.modals if lo + m[1] <= m[0] <= start]
    own = [m for m in cues.modals if end + m[1] <= m[0] <= clause_end]
    if before:
        nearest = max(before)
        if not own or not CLAUSE_END_RE.search(text, nearest[0], start):
            return Modality(nearest[2])
    return Modality(min(own, key=lambda m: (m[0] - m[1], -m[1]))[2]) if own else None


def _negated(ctx: AnswerContext, i: int, lo: int) -> bool:
    """NegEx: the figure sits in the scope of a negation opened in its own window ('is not fined X')."""
    c = ctx.claims[i]
    if c.kind == "bound":
        return False
    after = ctx.text[c.end:min(c.sentence[1], c.end + 80)]
    if NOT_IMPOSED_AFTER_RE.match(clause(after)):
        return True
    window = ctx.text[lo:c.end]
    at = c.start - lo
    return any(s.start <= at <= s.end + 1 for s in negated_spans(window) if s.trigger.lower() in VERB_NEGATIONS)


def read_frame(ctx: AnswerContext, i: int) -> Frame:
    """The claim's fields as its words state them (unset: not stated); read once per claim."""
    frame = ctx.frames.get(i)
    if frame is None:
        frame = ctx.frames[i] = _read_frame(ctx, i)
    return frame


def _read_frame(ctx: AnswerContext, i: int) -> Frame:
    c = ctx.claims[i]
    lo, hi = ctx.neighbours(i)
    before, after = ctx.text[lo:c.start], ctx.text[c.end:hi]
    scope = ctx.fine_scope(c)
    subject = ctx.subject(i)
    tier = ctx.tier(i)
    cues = sentence_cues(ctx, c.sentence)
    foreign = cues.foreign and (FOREIGN_CURRENCY_AFTER_RE.match(after) or FOREIGN_CURRENCY_BEFORE_RE.search(
        before[-6:]) or (c.lang == "zh" and FOREIGN_CURRENCY_AFTER_RE.search(c.text)))
    own = ctx.own_subject(i)
    own_clause = clause(after)
    if paren := PAREN_AFTER_RE.match(after):  # "¥500k–¥2m (entity, shall)": the parenthesis is the figure's own
        own_clause = after[:max(len(own_clause), paren.end())]
    others = cues.others and bool(OTHER_PERSONNEL_RE.search(before) or OTHER_PERSONNEL_RE.search(own_clause))
    if not others and own is None and (j := ctx.previous_figure(i)) is not None:
        others = read_frame(ctx, j).other_personnel
    bound = Bound.UP_TO if c.side == "upper" else Bound.AT_LEAST if c.side == "lower" else BOUNDS.get(c.kind)
    return _frame(scope.articles, subject, others, tier, _modality(ctx.text, cues, lo, c.start, c.end,
                  c.end + len(own_clause)), bound, foreign.group().strip() if foreign else "CNY",
                  cues.negation and _negated(ctx, i, lo), own is None and subject is not None)


@lru_cache(maxsize=1024)
def _frame(articles: tuple[str, ...], subject: str | None, others: bool, tier: str | None,
           modality: Modality | None, bound: Bound | None, currency: str, negated: bool, carried: bool) -> Frame:
    """Frames are immutable, so equal readings share one (a frozen dataclass is slow to build)."""
    return Frame(provisions=tuple(Provision(a) for a in articles), subjects=_ONE_SUBJECT.get(subject, frozenset()),
                 other_personnel=others, tiers=_ONE_TIER.get(tier, frozenset()), modality=modality, bound=bound,
                 currency=currency, negated=negated, carried=carried)


_ONE_SUBJECT: dict[str | None, frozenset[Subject]] = {s.value: frozenset({s}) for s in Subject}
_ONE_TIER: dict[str | None, frozenset[Tier]] = {t.value: frozenset({t}) for t in Tier}


def _agrees(frame: Frame, b: FineBand) -> bool:
    if frame.modality is not None and b.mandatory != (frame.modality == Modality.SHALL):
        return False
    return not (frame.other_personnel and b.subject == Subject.INDIVIDUAL and OTHER_PERSONNEL not in b.who)


def plain(ctx: AnswerContext, b: FineBand) -> str:
    """'Art. 59(3), persons-in-charge, particularly serious consequences, shall, 200,000 to 1,000,000 yuan'."""
    key = ("plain", b.id)  # a band of ctx.table, described from the corpus alone: once per process
    found = ctx.shared.get(key)
    if found is None:
        found = ctx.shared[key] = _plain(ctx, b)
    return found


def _plain(ctx: AnswerContext, b: FineBand) -> str:
    art = ctx.corpus.articles[b.article]
    where = f"Art. {b.article}({b.paragraph})" if art.paragraph_count() > 1 else f"Art. {b.article}"
    who = b.who.split(" (")[0]
    if b.threshold is not None:
        cond = b.condition[0].lower() + b.condition[1:]
    else:
        cond = {"base": "the basic violation", "refuses_or_serious": "refusing to correct or serious circumstances",
                "serious": "serious consequences", "particularly_serious": "particularly serious consequences"}[b.tier]
    return f"{where}, {who}, {cond}, {'shall' if b.mandatory else 'may'}, {b.describe_range()}"


def describe(ctx: AnswerContext, bands: list[FineBand]) -> str:
    return "; ".join(dict.fromkeys(plain(ctx, b) for b in bands))


def refine(ctx: AnswerContext, i: int, v: Verdict) -> Verdict:
    """The figure's verdict, with every other field it states checked against the bands it matched."""
    c = ctx.claims[i]
    frame = read_frame(ctx, i)
    bands = [b for b in (ctx.band(e) for e, _ in v.evidence) if b is not None]
    if frame.currency != "CNY":
        shown = bands or list(ctx.fine_scope(c).bands)
        return Verdict(CONTRADICTED, v.evidence, f"the text states fines in yuan, not {frame.currency}"
                       + (f": {describe(ctx, shown)}" if shown else ""))
    if v.verdict != VERIFIED or not bands or c.compare or (c.kind == "amount" and any(
            b.threshold == c.value for b in bands)):
        return v
    if frame.negated:
        return Verdict(CONTRADICTED, v.evidence, f"the text does impose it: {describe(ctx, bands)}")
    keep = [b for b in bands if _agrees(frame, b)]
    if len(keep) == len(bands):
        return v
    if keep:
        return Verdict(v.verdict, tuple((b.id, b.quote) for b in keep), v.correction)
    return Verdict(CONTRADICTED, v.evidence, describe(ctx, bands))

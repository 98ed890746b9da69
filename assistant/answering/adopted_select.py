"""Which bands of the law in force fit a question: read with the shared question reader.

The adopted-law answerer once read who and which tier with bare cue searches, so "never refused",
"not the managers" or "no harm done" named the very tier or person they rule out, and a stated
"400,000 yuan from the sales" chose no threshold band. The draft's answers read the same words with
the shared reader (negation scopes, excluded persons, stated compliance, stated figures); the law in
force is read the same way here, so one question cannot be read two ways depending on the version.
"""

from __future__ import annotations

import re

from assistant.answering.fine_answers import basis_amount, frame_of, operator_units
from assistant.answering.reading import resolve_tiers
from assistant.document.adopted_bands import AdoptedBand
from assistant.document.frames import Frame
from assistant.document.kinds import BandKind, Basis, Subject, Tier
from assistant.document.vocabulary import NO_GAINS_RE, QUESTION_MAXIMUM

__all__ = ["select"]

# "no illegal gains", also in everyday words ("made no profit", "without any revenue")
NONE_GAINED_RE = re.compile(r"\b(?:no|without(?:\s+any)?|zero|nil)\b[^.?]{0,20}"
                            r"\b(?:gains?|profits?|revenues?|income|earnings)\b|没有违法所得|无违法所得", re.I)


def _gains_rule(question: str, bands: list[AdoptedBand]) -> str | None:
    threshold = next((b.threshold for b in bands if b.threshold), None)
    if threshold is None:
        return None
    if NO_GAINS_RE.search(question) or NONE_GAINED_RE.search(question):
        return "below_or_none"
    amount = basis_amount(question, Basis.ILLEGAL_GAINS)
    if amount is None:
        return None
    return "at_or_above" if amount >= threshold else "below_or_none"


def _operator_fit(bands: list[AdoptedBand], frame: Frame) -> list[AdoptedBand]:
    """Without the paragraphs written for the other kind of operator (61(1) ordinary, 61(2) CII): the draft's rule."""
    other = operator_units(bands, frame.cii)
    return [b for b in bands if b.unit_id not in other]


def _top_only(bands: list[AdoptedBand]) -> list[AdoptedBand]:
    amounts = [b.max for b in bands if b.kind == BandKind.AMOUNT and b.subject == Subject.ENTITY]
    if not amounts:
        return bands
    return [b for b in bands if b.kind != BandKind.AMOUNT or b.max == max(amounts) or b.subject != Subject.ENTITY]


def select(bands: list[AdoptedBand], question: str, crude: Frame) -> tuple[list[AdoptedBand], set[Subject]]:
    """(bands fitting who, which operator, which tier and the gains stated; the subjects asked about that
    the chosen tier does not fine, e.g. persons where only the operator is fined).

    `crude` is the adopted reader's frame (bare cues): it still names the subject when the shared reader
    leaves a lone "company" unnamed (the operator is the actor of nearly every question).
    """
    if not bands:
        return [], set()
    frame = frame_of(question)
    pool = _operator_fit(bands, frame)
    tiers = resolve_tiers(frame, {Tier(b.tier) for b in pool})
    in_tier = [b for b in pool if b.tier in tiers or b.threshold_rule] or pool
    stated = frame.subjects or frame.excluded_subjects
    wanted = frame.wanted_subjects() if stated else (set(crude.subjects) if len(crude.subjects) == 1 else set(Subject))
    out = [b for b in in_tier if b.subject in wanted]
    unfined = set() if out else wanted & set(frame.subjects)  # named, not merely left after an exclusion
    out = out or in_tier  # persons in a tier that fines only the operator: the operator's fine, and a "no" for them
    if rule := _gains_rule(question, out):
        out = [b for b in out if b.threshold_rule in (None, rule)] or out
    if QUESTION_MAXIMUM.search(question) and not (frame.tiers or frame.excluded_tiers):
        out = _top_only(out)
    return out or bands, unfined

"""How the checker finds the words that belong to a figure: "... yuan on the operator", "... yuan for
particularly serious ones", up to the clause's end. The words themselves (who, which tier, a
superlative, old numbering) are the shared vocabulary's (assistant.document.vocabulary).

The readings below are pure functions of a piece of text (a figure's window, a sentence). Answers
repeat their wording ("- on the network operator: a fine of ..."), so each distinct piece is read
once per process (lru_cache), and a str.find pre-check (checking.prefilter) skips the slow
vocabulary patterns on text that holds none of their words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Generic, TypeVar

from assistant.checking.prefilter import Prefiltered
from assistant.document.kinds import Subject, Tier
from assistant.document.vocabulary import (
    BASE_TIER_RE,
    MAXIMUM_RE,
    MINIMUM_RE,
    OLD_NUMBER_RE,
    RENUMBER_RE,
    first_subject,
    last_subject,
    tier_cues,
)

ON_WHO_RE = re.compile(
    r"^\s*(?:yuan\s+)?(?:(?:shall|may|will|can|could|would)\s+(?:also\s+)?be\s+(?:imposed|levied)\s+"
    r"|(?:is\s+)?(?:imposed|levied|payable)\s+|each\s+|in\s+fines?\s+)?(?:on|for|against|upon|by)\s+", re.I)
FOR_CUE_RE = re.compile(r"^\s*(?:yuan\s+)?(?:[\(,]\s*)?(?:for|where|if|when|in(?:\s+the)?\s+cases?\s+of|in)\s+", re.I)
CLAUSE_END_RE = re.compile(r"[,;.:，；。：]")
# Every tier cue of the vocabulary contains one of these: most sentences have none, so the scan is skipped
# (tests/test_checker_fields.py holds this against the vocabulary's cue words).
TIER_HINTS = ("serious", "loss", "main", "worst", "massive", "leak", "refus", "circumstances", "endangering",
              "correct", "特别严重", "全部丧失", "严重后果", "大量数据泄露", "部分功能丧失", "拒不改正", "情节严重",
              "危害网络安全")
BASE_HINTS = ("basic", "base", "refus", "correct", "harm", "not serious", "no serious", "及时改正", "未造成")
# "the persons-in-charge of an operator": the operator is not the one fined.
OF_ENTITY_RE = re.compile(
    r"\bof\s+(?:an?|the|its|their|any)?\s*(?:[A-Za-z-]+\s+){0,4}?(?:operators?|sellers?|compan(?:y|ies)|providers?"
    r"|entit(?:y|ies)|enterprises?|firms?|platforms?|businesses)\b", re.I)
# A condition names who acts, not who pays: "where the operator refuses to correct, ..."
CONDITION_RE = re.compile(r"\b(?:where|if|when|unless|once)\b[^,;:，；：]*(?:[,，]|$)", re.I)
OLD_NUMBERS, RENUMBERS = Prefiltered(OLD_NUMBER_RE), Prefiltered(RENUMBER_RE)  # (a window almost always names
# someone, so the subject words are not pre-checked)
MAXIMUM, MINIMUM = Prefiltered(MAXIMUM_RE), Prefiltered(MINIMUM_RE)
CACHE = 4096  # distinct windows and sentences kept per reading
LONG = 600  # longer texts are read afresh each time: the caches stay small (at most CACHE x LONG characters)
T = TypeVar("T")


class TextCache(Generic[T]):
    """lru_cache for a pure reading of a piece of text (its first argument), bounded in memory."""

    def __init__(self, read: Callable[..., T]) -> None:
        self.read, self.cached = read, lru_cache(maxsize=CACHE)(read)
        self.__doc__ = read.__doc__

    def __call__(self, text: str, *args: Any) -> T:
        return self.cached(text, *args) if len(text) <= LONG else self.read(text, *args)


def clause(text: str) -> str:
    """The text up to the first clause boundary (comma, semicolon, stop, colon; CJK too)."""
    m = CLAUSE_END_RE.search(text)
    return text[: m.start()] if m else text


@TextCache
def subject_named(text: str) -> Subject | None:
    """Whom the first subject word of `text` names (the words right after a figure: "on the operator")."""
    return first_subject(text)


@TextCache
def subject_before(before: str) -> Subject | None:
    """Whom the last subject word before a figure names; an entity named in "of an operator" or in a
    condition ("where the operator refuses ...") is not the one fined, so those words are read past."""
    if "，" in before:
        before = before[before.rindex("，") + 1:]
    found = last_subject(before)
    if found != "entity":
        return found
    low = before.lower()
    if "of " in low:
        before = OF_ENTITY_RE.sub(" ", before)
    if any(k in low for k in ("where", "if", "when", "unless", "once")):
        before = CONDITION_RE.sub(" ", before)
    return last_subject(before)


@TextCache
def extreme_before(before: str) -> str | None:
    """'upper' after 'the maximum / highest / caps ...', 'lower' after 'the minimum / lowest ...'."""
    if MAXIMUM.search(before):
        return "upper"
    if MINIMUM.search(before):
        return "lower"
    return None


@TextCache
def tier_cues_in(sentence: str) -> tuple[tuple[int, Tier], ...]:
    """(offset in the sentence, tier) of every tier cue, in order; a base-tier phrase ("no serious
    circumstances") is one base cue, not also the tier words inside it."""
    low = sentence.lower()
    base = [m.span() for m in BASE_TIER_RE.finditer(sentence)] if any(k in low for k in BASE_HINTS) else []
    named = tier_cues(sentence) if any(k in low for k in TIER_HINTS) else []
    return tuple(sorted([(p, t) for p, t in named if not any(a <= p < b for a, b in base)]
                        + [(a, Tier.BASE) for a, _ in base]))


@TextCache
def speaks_of_old_numbers(sentence: str) -> bool:
    """Old, former, current law; renumbered, merged, became: a sentence about the 2016 law's numbering."""
    return bool(OLD_NUMBERS.search(sentence) or RENUMBERS.search(sentence))

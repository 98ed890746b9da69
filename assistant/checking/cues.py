"""The cue words of a figure's sentence, found with str.find: may / shall, a negation, "other", a currency.

A sentence's cues are those of the whole answer whose words end (modals) or start (hints) inside
it, read on the lowered text, with the word boundaries of the whole text. They are read off a
window of the lowered text, the sentence plus `PAD` characters either side (room for the longest
word and the character that bounds it), so they are exactly the whole text's; a window is a
pure function of its characters, and answers repeat their sentences, so each distinct window is
read once per process. Two words can overlap themselves ("requirequire"); where one stands in a
window, the whole text is scanned instead, so that the left-to-right reading stays the same.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.checking.wording import TextCache
from assistant.document.vocabulary import MAY_WORDS, NOT_MAY, SHALL_WORDS, modal_cues

if TYPE_CHECKING:
    from assistant.checking.context import AnswerContext

NEGATION_HINTS = ("not", "never", "n't", "n’t", "neither", "nor", "并未", "从未", "从不", "不是", "并非")
FOREIGN_HINTS = ("dollar", "euro", "pound", "yen", "franc", "rupee", " won", "usd", "eur", "gbp", "hkd", "jpy", "$",
                 "€", "£", "美元", "欧元", "港元", "港币", "英镑", "日元", "美金")
OTHER_HINTS = ("other", "其他")
_WORDS = SHALL_WORDS + MAY_WORDS + NEGATION_HINTS + FOREIGN_HINTS + OTHER_HINTS + (NOT_MAY,)
PAD = 1 + max(map(len, _WORDS))
# Modal words with a border (a prefix that is also a suffix): two occurrences can overlap.
OVERLAPPING = tuple(w for w in SHALL_WORDS + MAY_WORDS if any(w[:k] == w[-k:] for k in range(1, len(w))))


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """What one sentence holds: modal cues (end, length, kind; sorted) and cheap hints."""

    modals: tuple[tuple[int, int, str], ...]
    negation: bool
    others: bool
    foreign: bool


@dataclass(frozen=True, slots=True)
class _TextCues:
    """Cue positions of the whole answer (the fallback for windows with self-overlapping words)."""

    modals: list[tuple[int, int, str]]  # (end, length, kind), sorted
    negation: list[int]
    others: list[int]
    foreign: list[int]


def sentence_cues(ctx: AnswerContext, span: tuple[int, int]) -> SentenceCues:
    """The cues of the sentence text[span[0]:span[1]], modal ends as offsets in the whole text."""
    key = ("cues", span)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _sentence_cues(ctx, span)
    return found


def _sentence_cues(ctx: AnswerContext, span: tuple[int, int]) -> SentenceCues:
    if "low" not in ctx.memo:
        low = ctx.text.lower()
        ctx.memo["low"] = low if len(low) == len(ctx.text) else None
    low = ctx.memo["low"]
    if low is None:  # lowering changed the length: scan the sentence itself
        part = ctx.text[span[0]:span[1]].lower()
        return SentenceCues(tuple((end + span[0], n, kind) for end, n, kind in modal_cues(part)),
                            any(k in part for k in NEGATION_HINTS), "other" in part or "其他" in part,
                            any(k in part for k in FOREIGN_HINTS))
    a, b = max(0, span[0] - PAD), min(len(low), span[1] + PAD)
    window = low[a:b]
    if any(w in window for w in OVERLAPPING):
        return _from_text(_text_cues(ctx, low), span)
    rel = _window_cues(window, span[0] - a, span[1] - a)
    return SentenceCues(tuple((end + a, n, kind) for end, n, kind in rel.modals), rel.negation, rel.others,
                        rel.foreign)


@TextCache
def _window_cues(window: str, lo: int, hi: int) -> SentenceCues:
    """Cues of window[lo:hi]: modals ending in [lo, hi], hints starting in [lo, hi)."""
    return SentenceCues(tuple(sorted(m for m in modal_cues(window) if lo <= m[0] <= hi)),
                        _starts_within(window, NEGATION_HINTS, lo, hi), _starts_within(window, OTHER_HINTS, lo, hi),
                        _starts_within(window, FOREIGN_HINTS, lo, hi))


def _starts_within(low: str, words: tuple[str, ...], lo: int, hi: int) -> bool:
    plain = low.isascii()  # then no word with a non-ASCII character can occur
    for word in words:
        if plain and not word.isascii():
            continue
        at = low.find(word, lo)
        if 0 <= at < hi:
            return True
    return False


def _positions(low: str, words: tuple[str, ...]) -> list[int]:
    out = []
    plain = low.isascii()  # then no word with a non-ASCII character can occur
    for word in words:
        if plain and not word.isascii():
            continue
        at = low.find(word)
        while at >= 0:
            out.append(at)
            at = low.find(word, at + 1)
    return sorted(out)


def _text_cues(ctx: AnswerContext, low: str) -> _TextCues:
    if "text cues" not in ctx.memo:
        ctx.memo["text cues"] = _TextCues(sorted(modal_cues(low)), _positions(low, NEGATION_HINTS),
                                          _positions(low, OTHER_HINTS), _positions(low, FOREIGN_HINTS))
    return ctx.memo["text cues"]


def _within(found: list[int], lo: int, hi: int) -> bool:
    k = bisect.bisect_left(found, lo)
    return k < len(found) and found[k] < hi


def _from_text(whole: _TextCues, span: tuple[int, int]) -> SentenceCues:
    lo = bisect.bisect_left(whole.modals, (span[0],))
    hi = bisect.bisect_left(whole.modals, (span[1] + 1,))
    return SentenceCues(tuple(whole.modals[lo:hi]), _within(whole.negation, *span), _within(whole.others, *span),
                        _within(whole.foreign, *span))

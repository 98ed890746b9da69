"""A cheap "no match" for slow regular expressions: the literal words every match must contain.

Python's `re` has no literal pre-scan for an alternation of words behind `\\b` and IGNORECASE: it
tries the whole pattern at every position of the text. Most sentences of an answer hold none of
the words (no "old", "renumber", "in force" ...), and `str.find` on the lowered text says so about
ten times faster. The words are read off the pattern by `re`'s own parser (as RE2 and Hyperscan do
with their "required factors"), so they cannot drift from the vocabulary; a pattern with no such
words is always run.

The pre-check is exact, never a heuristic: a match of the pattern implies one of the words is a
substring of the lowered text. Lowering keeps every offset and maps each character that matches an
ASCII letter under IGNORECASE to that letter, except four characters ('İ', 'ı', 'ſ' and the Kelvin
sign); a text holding one of them always runs the pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["Prefiltered", "foldable", "required_words"]

ODD_RE = re.compile("[\u0130\u0131\u017f\u212a]")  # the only non-ASCII characters that match ASCII letters
ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
Words = frozenset[str] | None


def foldable(text: str) -> bool:
    """Does `text.lower()` keep offsets and fold every IGNORECASE match of an ASCII letter to it?"""
    return text.isascii() or ODD_RE.search(text) is None


def _literal(code: int, icase: bool) -> str | None:
    """The character as it stands in lowered text; None when IGNORECASE lets other characters match it."""
    ch = chr(code)
    if not icase or ch.isascii() or ch.lower() == ch.upper() == ch:
        return ch.lower()
    return None


def _best(options: list[frozenset[str]]) -> Words:
    """The most selective choice: the set whose shortest word is longest (then the fewest words)."""
    return max(options, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _sequence(items: list[tuple[Any, Any]], icase: bool) -> Words:
    """Words of which every match of the sequence contains one: a run of literals, or a group's words."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        ch = _literal(av, icase) if op is C.LITERAL else None
        if ch is not None:
            run += ch
            continue
        if op in ZERO_WIDTH:
            continue  # consumes nothing: the literals either side stay adjacent
        if run:
            options.append(frozenset({run}))
        run = ""
        inner: Words = None
        if op is C.SUBPATTERN:
            _, add, remove, sub = av
            inner = _sequence(list(sub), (icase or bool(add & re.I)) and not remove & re.I)
        elif op is C.BRANCH:
            branches = [_sequence(list(b), icase) for b in av[1]]
            inner = None if any(b is None for b in branches) else frozenset().union(*(b or () for b in branches))
        elif op in REPEATS and av[0] >= 1:
            inner = _sequence(list(av[2]), icase)
        if inner:
            options.append(inner)
    if run:
        options.append(frozenset({run}))
    return _best([o for o in options if all(o)])


def required_words(pattern: re.Pattern[str]) -> Words:
    """Lowered words one of which every match of `pattern` contains (None: no such words)."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unparsable pattern is simply always run
        return None
    return _sequence(list(parsed), bool(parsed.state.flags & re.I))


class Prefiltered:
    """A compiled pattern that skips the scan when the text cannot match (see the module's docstring)."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words = tuple(sorted(required_words(pattern) or ())) or None

    def possible(self, text: str, folded: str | None = None) -> bool:
        """False only when no match can exist in `text`. `folded`: the lowered (foldable) text that `text`
        is a masked copy of, already at hand (a match in the copy is one in the original)."""
        if self.words is None:
            return True
        if folded is None:
            if not foldable(text):
                return True
            folded = text.lower()
        for word in self.words:  # noqa: SIM110 - a plain loop is about twice as fast as any() over a generator
            if word in folded:
                return True
        return False

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        return self.pattern.search(text) if self.possible(text, folded) else None

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.possible(text, folded) else iter(())

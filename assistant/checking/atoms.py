"""Number atoms: one number with what clings to it (currency before, scale and unit after).

The extractor combines atoms into claims (ranges, bounds, multiples ...). Scanners start with a
plain character class so `re` can skip ahead fast; the rest is read by anchored matches, and a
value is exact (int, or Fraction for a non-whole figure), never a float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from assistant.checking import patterns as P
from assistant.checking.number_words import english_words, join_runs

_MAY_BE_CURRENCY = re.compile(r"[BYby¥￥币]")
MONEY_UNITS = ("yuan", "rmb", "cny", "元") + P.FOREIGN_UNITS
TIMES_UNITS = ("time", "times", "x", "倍")


@dataclass(frozen=True, slots=True)
class Atom:
    """One number as written: value with scale applied, raw value, and the marks that say what it is."""

    start: int
    end: int
    value: int | Fraction
    raw: int | Fraction
    form: str  # dig | word | cn
    cur: bool
    scale: int
    unit: str
    commas: bool
    digits: str

    @property
    def money(self) -> bool:
        return (self.cur or self.unit in MONEY_UNITS or self.scale > 1
                or (self.commas and isinstance(self.value, int) and self.value >= 1000))

    @property
    def times(self) -> bool:
        return self.unit in TIMES_UNITS


def _unit_name(raw: str | None) -> str:
    """Normalised unit: 'yuan', 'rmb', 'cny', '元', 'times', 'x', '倍', '%', an ordinal suffix, or ''."""
    if not raw:
        return ""
    unit = "".join(raw.split()).lower()
    if unit.startswith("per") or unit == "%":
        return "%"
    return "times" if unit == "time" else unit


def atoms(masked: str) -> list[Atom]:
    """Every number (digits, number words, Chinese numerals) with its currency, scale and unit, in order."""
    found = [(m.start(), m.end(), "dig", m.group()) for m in P.DIGITS_RE.finditer(masked)]
    found += join_runs(masked, _number_words(masked))
    if not masked.isascii():  # Chinese numerals are never ASCII
        found += [(m.start(), m.end(), "cn", m.group()) for m in P.CN_NUM_RE.finditer(masked)]
    atoms: list[Atom] = []
    last = -1
    for start, end, form, raw in sorted(found):
        if start < last:
            continue
        atom = _atom(masked, start, end, form, raw, max(last, 0))
        if atom is not None:
            atoms.append(atom)
            last = atom.end
    return atoms


def _number_words(text: str) -> list[tuple[int, int, str, str]]:
    """'three', 'Ten' ... as whole words. str.find on the lowered text is much faster than a regex scan;
    lower() keeps offsets only when it keeps the length, so otherwise fall back to scanning words."""
    low = text.lower()
    if len(low) != len(text):
        return [(m.start(), m.end(), "word", m.group()) for m in P.ALPHA_RE.finditer(text)
                if m.group().lower() in P.WORD_NUMBERS]
    out = []
    for word in P.WORD_NUMBERS:
        at = low.find(word)
        while at >= 0:
            end = at + len(word)
            if (not at or not low[at - 1].isalpha()) and (end == len(low) or not low[end].isalpha()):
                out.append((at, end, "word", text[at:end]))
            at = low.find(word, end)
    return out


def _atom(masked: str, start: int, end: int, form: str, raw_text: str, floor: int = 0) -> Atom | None:
    """One atom; its currency prefix is looked for after `floor` (the previous atom's end)."""
    lo = max(floor, start - 5)
    cur = P.CURRENCY_BEFORE_RE.search(masked, lo, start) if _MAY_BE_CURRENCY.search(masked, lo, start) else None
    suffix = P.SUFFIX_RE.match(masked, end)
    assert suffix is not None  # every part of the suffix is optional: it always matches
    scale = P.scale_of(suffix.group("scale"))
    unit = _unit_name(suffix.group("unit"))
    try:
        if form == "dig":
            raw: int | Fraction = int(raw_text.replace(",", "")) if "." not in raw_text else P.exact(raw_text)
        elif form == "word":
            raw = english_words(raw_text)
        else:
            raw = P.cn_or_digits(raw_text)
    except (ValueError, ZeroDivisionError, KeyError, OverflowError):
        return None
    value = raw * scale
    if isinstance(value, Fraction) and value.denominator == 1:
        value = value.numerator
    return Atom(cur.start() if cur else start, suffix.end(), value, raw, form, cur is not None, scale, unit,
                 "," in raw_text, raw_text if form == "dig" else "")

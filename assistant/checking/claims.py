"""Numeric claim extraction: every number in an answer, typed, with its exact span.

The checker can only vouch for what it sees, so extraction errs towards finding
too much: any digit run, any Chinese amount, any "three times the ..." becomes a
claim. Stages run from most to least specific (citations, dates, then numbers)
and each stage masks what it took, so "Article 59" never also yields a bare 59
and a range never also yields its two ends as separate amounts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from assistant.checking import citations as claim_citations
from assistant.checking import patterns as P
from assistant.checking.atoms import Atom, atoms
from assistant.checking.prefilter import foldable
from assistant.document.kinds import Basis, ClaimKind
from assistant.document.refs import Ref
from assistant.document.text import sentence_bounds

CJK_RE = re.compile(r"[\u4e00-\u9fff]")
MASK = "\x00"
LONG_DIGITS_RE = re.compile(r"\d\d{15,}")  # too long for a figure: still a claim, so it cannot slip through (\d{16,},
# written to open with one digit: `re` then skips ahead to a digit)
CN_RANGE_NEXT_RE = re.compile(r"以上|至|到|-|–")
SPACES_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric statement. `value` is JSON-ready; the other fields carry what the checker needs."""

    text: str
    start: int
    end: int
    kind: ClaimKind
    value: Any
    sentence: tuple[int, int] = (0, 0)
    lang: str = "en"
    side: str | None = None  # bounds and bounded multiples: "upper" | "lower"
    basis: str | None = None  # multiples: the basis named (a Basis when known); amounts: the Basis they state
    refs: tuple[Ref, ...] = ()  # article citations (article None: a bare "paragraph 3")
    unit: str | None = None  # citations of a unit: markers, Explanation sections, amendment items
    old: bool = False  # phrased as the current law's numbering ("old Article 65")
    noun: str | None = None  # counts: what is counted
    compare: str | None = None  # amounts after "exceed" / "less than": "above" | "below"


def _lang(text: str) -> str:
    return "en" if text.isascii() else "zh" if CJK_RE.search(text) else "en"


def _json_number(value: int | Fraction | None) -> int | str | None:
    """Whole numbers stay ints; a written decimal ("2.5") becomes its exact decimal string, never a float."""
    if isinstance(value, Fraction):
        return str(Decimal(value.numerator) / Decimal(value.denominator))
    return value


class _Extractor:
    def __init__(self, text: str) -> None:
        self.text = text
        self.masked = text
        self.folded = text.lower() if foldable(text) else None  # for the str.find pre-checks of the stages
        self.found: list[Claim] = []
        self.ignored: list[tuple[int, int]] = []  # formatting (list enumerators): masked, never a claim
        self.bounds = sentence_bounds(text)
        self._masked_for = (0, 0)  # (claims, ignored spans) the mask was last built from

    # -- bookkeeping -------------------------------------------------------------------------
    def add(self, start: int, end: int, kind: ClaimKind, value: Any, **extra: Any) -> None:
        k = bisect.bisect_right(self.bounds, start) - 1
        sentence = (self.bounds[k], self.bounds[k + 1] if k + 1 < len(self.bounds) else len(self.text))
        words = self.text[start:end]
        self.found.append(Claim(words, start, end, kind, value, sentence, lang=_lang(words), **extra))

    def ignore(self, start: int, end: int) -> None:
        self.ignored.append((start, end))

    def mask(self) -> None:
        """Mask every span taken so far (found and ignored only grow: nothing new, nothing to do)."""
        if self._masked_for == (len(self.found), len(self.ignored)):
            return
        self._masked_for = (len(self.found), len(self.ignored))
        parts, last = [], 0
        for start, end in sorted([(c.start, c.end) for c in self.found] + self.ignored):
            if start >= last:
                parts += [self.text[last:start], MASK * (end - start)]
                last = end
        self.masked = "".join(parts) + self.text[last:]

    def free(self, start: int, end: int) -> bool:
        return MASK not in self.masked[start:end]

    # -- stages 1 and 2 live in claim_citations ---------------------------------------------
    def citations(self) -> None:
        claim_citations.citations(self)

    def dates(self) -> None:
        claim_citations.dates(self)

    # -- stage 3: numbers --------------------------------------------------------------------
    def numbers(self) -> None:
        found = [a for a in atoms(self.masked) if a.form != "cn" or self._cn_kept(a)]
        i = 0
        while i < len(found):
            # a claim's trailing words never reach into the next number
            if i + 1 < len(found) and self._pair(found[i], found[i + 1], _start_of(found, i + 2, self.masked)):
                i += 2
                continue
            self._single(found[i], _start_of(found, i + 1, self.masked))
            i += 1
        for m in LONG_DIGITS_RE.finditer(self.masked):
            self.add(m.start(), m.end(), ClaimKind.NUMBER, m.group())

    def _cn_kept(self, a: Atom) -> bool:
        after = self.masked[a.end:a.end + 3]
        return bool(a.unit in ("元", "倍", "%") + P.FOREIGN_UNITS or P.CN_COUNT_POST_RE.match(after)
                    or P.CN_PERCENT_PRE_RE.search(self.masked[max(0, a.start - 3):a.start])
                    or CN_RANGE_NEXT_RE.match(after))

    def _pair(self, a: Atom, b: Atom, limit: int) -> bool:
        gap = self.masked[a.end:b.start]
        if len(gap) > 40:
            return False
        pre = self.masked[max(0, a.start - 40):a.start]
        last = pre.rstrip().lower()
        start = a.start
        if last.endswith(P.FLOOR_ENDS) and (floor := P.FLOOR_PRE_RE.search(pre)) and P.AND_GAP_RE.fullmatch(gap):
            start = a.start - len(pre) + floor.start()
        elif last.endswith("between") and (between := P.BETWEEN_PRE_RE.search(pre)) \
                and P.BETWEEN_GAP_RE.fullmatch(gap):
            start = a.start - len(pre) + between.start()
        elif P.RANGE_GAP_RE.fullmatch(gap):
            if last.endswith("from") and (frm := P.FROM_PRE_RE.search(pre)):
                start = a.start - len(pre) + frm.start()
        else:
            return False
        if "%" in (a.unit, b.unit):
            return False
        end = b.end
        if m := P.CN_RANGE_END_RE.match(self.masked[end:limit]):
            end += m.end()
        if a.times or b.times:
            if a.unit and not a.times or b.unit and not b.times:
                return False
            return self._multiple(start, end, (a.raw, b.raw), None, limit, b.unit == "倍")
        if not (a.money or b.money) or (a.form == "cn" and b.form == "cn" and "元" not in (a.unit, b.unit)):
            return False
        low = a.value
        if a.scale == 1 and b.scale > 1 and not a.commas and a.raw < 1000:  # "RMB 0.5-2 million"
            low = a.raw * b.scale
            low = low.numerator if isinstance(low, Fraction) and low.denominator == 1 else low
        if not (isinstance(low, int) and isinstance(b.value, int)):
            return False
        self.add(start, end, ClaimKind.RANGE, (low, b.value))
        return True

    def _multiple(self, start: int, end: int, values: tuple[Any, Any] | tuple[Any], side: str | None,
                  limit: int, chinese: bool) -> bool:
        if any(not isinstance(v, int) for v in values):
            return False
        basis = None
        if not chinese and (m := P.TIMES_POST_RE.match(self.masked[end:min(end + 60, limit)])):
            words = m.group("basis")
            if words.split()[0].lower() not in _NOT_BASIS:
                basis, end = P.basis_name(words), end + m.end()
        if cn := P.CN_BASIS_PRE_RE.search(self.masked[max(0, start - 8):start]):
            basis = P.basis_name(cn.group("basis"))
        if len(values) == 2:
            self.add(start, end, ClaimKind.MULTIPLE_RANGE, {"min": values[0], "max": values[1], "basis": basis},
                     basis=basis)
        else:
            self.add(start, end, ClaimKind.MULTIPLE, {"times": values[0], "basis": basis}, basis=basis, side=side)
        return True

    def _single(self, a: Atom, limit: int) -> None:
        pre = self.masked[max(0, a.start - 40):a.start]
        post = self.masked[a.end:min(a.end + 40, limit)]
        side, start, end = None, a.start, a.end
        last = pre.rstrip().lower()
        if last.endswith(P.UPPER_ENDS) and (up := P.UPPER_PRE_RE.search(pre)):
            side, start = "upper", a.start - len(pre) + up.start()
        elif last.endswith(P.LOWER_ENDS) and (low := P.LOWER_PRE_RE.search(pre)):
            side, start = "lower", a.start - len(pre) + low.start()
        elif m := P.CN_UPPER_POST_RE.match(post):
            side, end = "upper", a.end + m.end()
        elif m := P.CN_LOWER_POST_RE.match(post):
            side, end = "lower", a.end + m.end()
        if a.times:
            self._multiple(start, end, (a.raw,), side, limit, a.unit == "倍")
        elif a.money and isinstance(a.value, int):
            if side:
                self.add(start, end, ClaimKind.BOUND, {"side": side, "amount": a.value}, side=side)
            else:
                self.add(a.start, a.end, ClaimKind.AMOUNT, a.value, basis=self._basis(pre, post),
                         compare=_compare(pre) if last.endswith(P.COMPARE_ENDS) else None)
        elif a.unit == "%" or P.CN_PERCENT_PRE_RE.search(pre[-3:]):
            begin = a.start - 3 if P.CN_PERCENT_PRE_RE.search(pre[-3:]) else a.start
            self.add(begin, a.end, ClaimKind.PERCENT, _json_number(a.raw))
        elif a.form == "dig" and not a.unit and a.scale == 1 and P.YEAR_RE.match(a.digits):
            self.add(a.start, a.end, ClaimKind.YEAR, a.value)
        elif a.unit in ("st", "nd", "rd", "th") and a.form == "dig":
            self.add(a.start, a.end, ClaimKind.NUMBER, _json_number(a.raw))
        elif (count := self._count(a, post)) is not None:
            noun, end = count
            self.add(a.start, end, ClaimKind.COUNT, a.raw, noun=noun)
        elif a.form == "dig":
            self.add(a.start, a.end, ClaimKind.NUMBER, _json_number(a.value))

    def _count(self, a: Atom, post: str) -> tuple[str, int] | None:
        if a.money or a.unit or a.commas or not isinstance(a.raw, int) or a.raw > 999:
            return None
        m = P.CN_COUNT_POST_RE.match(post) if a.form == "cn" else P.COUNT_NOUN_RE.match(post)
        if not m:
            return None
        return SPACES_RE.sub(" ", m.group("noun").lower()), a.end + m.end()

    def _basis(self, pre: str, post: str) -> Basis | None:
        m = P.BASIS_BEFORE_RE.search(pre) or P.BASIS_VERB_RE.search(pre)
        if not m and not P.NOT_BASIS_AFTER_RE.match(post):
            m = P.BASIS_AFTER_RE.match(post)
            if m:
                return Basis.ILLEGAL_GAINS if m.group("g") else Basis.PROCUREMENT_AMOUNT
        if not m or P.NOT_BASIS_AFTER_RE.match(post):
            return None
        return Basis.ILLEGAL_GAINS if m.group("g") else Basis.PROCUREMENT_AMOUNT

    # -- finish ------------------------------------------------------------------------------
    def finish(self) -> list[Claim]:
        return sorted(self.found, key=lambda c: c.start)


_NOT_BASIS = frozenset("under in for on if as per that is are was may shall can will to by higher more greater larger "
                       "lower less bigger smaller as than".split())


def _start_of(found: list[Atom], k: int, text: str) -> int:
    return found[k].start if k < len(found) else len(text)


def _compare(pre: str) -> str | None:
    if P.COMPARE_ABOVE_RE.search(pre):
        return "above"
    if P.COMPARE_BELOW_RE.search(pre):
        return "below"
    return None


def extract_claims(text: str) -> list[Claim]:
    """Every numeric claim in the text, in order, with spans such that text[start:end] == claim.text."""
    ex = _Extractor(text)
    ex.citations()
    ex.dates()
    ex.numbers()
    return ex.finish()

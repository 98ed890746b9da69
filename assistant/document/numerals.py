"""Number words and Chinese numerals -> integers.

The text spells multiples in words ("one time", "ten times") and users write
Chinese amounts (五万元, 二百万元, 一千万元) and article numbers (第六十九条).
Both the fine-band parser and the claim checker need the same conversions, so
they live here, exact and integer-only.
"""

from __future__ import annotations

import re
from decimal import Decimal

ENGLISH_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
ENGLISH_NUMBER_WORD = r"(?:" + "|".join(sorted(ENGLISH_UNITS, key=len, reverse=True)) + r")"

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3,
    "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7,
    "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)


def english_word_to_int(word: str) -> int | None:
    """Value of a single English number word ("three", "ten"), else None."""
    return ENGLISH_UNITS.get(word.strip().lower())


MAX_CN_NUMERAL_CHARS = 24  # 九千九百九十九万九千九百九十九亿... is far longer than any figure the text states


def chinese_to_int(text: str) -> int:
    """Parse a Chinese numeral such as 一千万, 二百万, 五万, 六十九 (through `cn2an`, strict mode).

    Also accepts Arabic digits mixed with 万/亿 (200万 -> 2,000,000). Malformed numerals (九九, 一〇五) and
    anything longer than MAX_CN_NUMERAL_CHARS raise ValueError, so callers never get a guess.
    """
    text = text.strip()
    if not text:
        raise ValueError("empty numeral")
    if len(text) > MAX_CN_NUMERAL_CHARS:
        raise ValueError(f"a numeral of {len(text):,} characters is not a number the text could state")
    mixed = re.fullmatch(r"(\d{1,15}(?:\.\d{1,6})?)([万萬亿億]?)", text)
    if mixed:
        number, unit = mixed.groups()
        return int(Decimal(number) * CN_BIG_UNITS.get(unit, 1))  # exact: "1.5", 10**6 -> 1,500,000
    if any(ch not in CN_NUMERAL_CHARS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    return _cn2an_strict(text.replace("两", "二").replace("萬", "万").replace("億", "亿"))


def _cn2an_strict(text: str) -> int:
    import cn2an

    try:
        value = cn2an.cn2an(text, "strict")
    except (ValueError, KeyError, IndexError) as exc:
        raise ValueError(f"not a well-formed Chinese numeral: {text!r}") from exc
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(f"not a whole number: {text!r}")
    return int(value)


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_ARTICLE_WORDS_RE = re.compile(
    rf"\b(?P<lead>articles?|art\.?)\s+(?P<tens>{_TENS})(?:[- ](?P<ones>{_ONES}))?\b", re.I)


def article_words_to_digits(text: str) -> str:
    """'article sixty-four' -> 'article 64', so spelled-out article numbers route like digits."""
    def repl(m: re.Match) -> str:
        ones = ENGLISH_UNITS[m.group("ones").lower()] if m.group("ones") else 0
        value = ENGLISH_UNITS[m.group("tens").lower()] + ones
        return f"{m.group('lead')} {value}"

    return _ARTICLE_WORDS_RE.sub(repl, text)

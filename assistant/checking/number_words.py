"""Number words through well-kept libraries: `text2num` for English, `cn2an` for Chinese numerals.

The libraries read plain numerals; the legal and summary phrasing around them needs a thin
wrapper: "half a million" (a fraction before a scale word that follows as a suffix), runs of
words joined by spaces, hyphens or "and" ("five hundred", "twenty-one", "one hundred and
fifty"), and the exact-integer rule (a value is an int, or an exact Fraction, never a float).
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

from text_to_num import text2num

JOIN_RE = re.compile(r"(?:[ \t]*-[ \t]*|[ \t]+(?:and[ \t]+)?)\Z", re.I)
HALF_RE = re.compile(r"\b(?:half\s+an?|a\s+half)(?=\s+(?:thousand|million|billion)\b)", re.I)
HALF = Fraction(1, 2)


@lru_cache(maxsize=1024)
def english_words(run: str) -> int | Fraction:
    """'five hundred' -> 500, 'twenty-one' -> 21, 'half a' -> 1/2; ValueError when it is no number."""
    words = " ".join(run.lower().replace("-", " ").split())
    if words in ("half a", "half an", "a half"):
        return HALF
    return text2num(words, "en")


def join_runs(text: str, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Single number words in text order -> runs read as one number ('five hundred' is 500, not 5 and 100)."""
    out: list[tuple[int, int, str, str]] = []
    halves = [(m.start(), m.end(), "word", m.group()) for m in HALF_RE.finditer(text)] if "half" in text else []
    for start, end, form, raw in sorted(found + halves):
        if out and out[-1][3].lower() not in ("half a", "half an", "a half") and \
                JOIN_RE.fullmatch(text[out[-1][1]:start]) and _reads(text[out[-1][0]:end]):
            out[-1] = (out[-1][0], end, "word", text[out[-1][0]:end])
        else:
            out.append((start, end, form, raw))
    return out


def _reads(run: str) -> bool:
    try:
        english_words(run)
    except ValueError:
        return False
    return True

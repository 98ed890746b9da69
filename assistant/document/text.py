"""Plain-text helpers every layer shares: one sentence splitter and one number-list expander.

The band parser, the quotation picker, the composer and the checker all cut text into
sentences with one rule, told only which stops they honour: in an answer every semicolon
and line break ends a sentence; in the law's own text "...; or ..." and "... as follows:"
continue a provision. Number lists ("33, 34, 36 and 38", "41 to 43") are expanded once,
with one limit on how wide a range may be.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

__all__ = ["ANSWER_STOPS", "LIST_SEPARATOR_RE", "MAX_RANGE", "PROVISION_STOPS", "QUOTE_STOPS", "expand_numbers",
           "first_sentence", "sentence_bounds", "sentence_of", "sentences"]

# After a soft stop a sentence ends only before what can start one (a capital, a digit, a quote, a
# bracket, a bullet, a CJK character) and never after an abbreviation ("Art. 59", "No. 3", "e.g. the").
_NEXT = r"[.!?]*[”\"’')\]]*\s+(?=[A-Z“\"'(\[\-–•*\d\u4e00-\u9fff])"
_ABBREVIATIONS = r"(?<!\bArt\.)(?<!\bArts\.)(?<!\bNo\.)(?<!\bpara\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bcf\.)(?<!\bvs\.)"
ANSWER_STOPS = (".!?", "\n。！？；;")  # an answer or a quoted passage: every semicolon and line ends a sentence
PROVISION_STOPS = (".;:", "。！？；")  # the law's text: "...; or ..." continues one provision, "as follows:" does not
QUOTE_STOPS = (".;", "")  # a quotation from the Explanation keeps "as follows: First, ..." whole


@lru_cache(maxsize=8)
def _end_re(soft: str, hard: str) -> re.Pattern[str]:
    stops = hard.replace("\n", "")
    parts = [r"\n+"] if "\n" in hard else []  # a line break keeps the next line's indent
    parts += [rf"[{re.escape(stops)}]\s*"] if stops else []
    parts.append(rf"[{re.escape(soft)}]{_ABBREVIATIONS}{_NEXT}")
    return re.compile("|".join(parts))


@lru_cache(maxsize=1024)
def _bounds(text: str, stops: tuple[str, str] = ANSWER_STOPS) -> tuple[int, ...]:
    return (0, *(m.end() for m in _end_re(*stops).finditer(text) if m.end() < len(text)))


def sentence_bounds(text: str, stops: tuple[str, str] = ANSWER_STOPS) -> list[int]:
    """Start offsets of the sentences of a text (always begins with 0). `stops` is (soft, hard)."""
    return list(_bounds(text, stops))


def sentences(text: str, stops: tuple[str, str] = ANSWER_STOPS) -> list[str]:
    """The text's sentences, stripped, empty ones dropped."""
    bounds = _bounds(text, stops)
    ends = (*bounds[1:], len(text))
    return [s for a, b in zip(bounds, ends, strict=True) if (s := text[a:b].strip())]


def sentence_of(text: str, pos: int, stops: tuple[str, str] = ANSWER_STOPS) -> str:
    """The exact sentence of `text` that contains offset `pos` (stripped: still a substring)."""
    bounds = _bounds(text, stops)
    k = bisect.bisect_right(bounds, pos) - 1
    end = bounds[k + 1] if k + 1 < len(bounds) else len(text)
    return text[bounds[k]:end].strip()


def first_sentence(text: str, stops: tuple[str, str] = ANSWER_STOPS) -> str:
    return sentence_of(text, 0, stops)


LIST_SEPARATOR_RE = re.compile(r"(,\s*|\s+and\s+|\s+to\s+|\s*[-–]\s*)")
MAX_RANGE = 30  # "Articles 41 to 43" expands; "Article 5 - 2025" is not a range of articles


def expand_numbers(nums: str) -> list[int]:
    """'33, 34, 36 and 38' -> [33, 34, 36, 38]; '41 to 43' -> [41, 42, 43]; '(1) and (2)' -> [1, 2]."""
    if nums.isdigit():
        return [int(nums)]
    parts = LIST_SEPARATOR_RE.split(nums.replace("(", "").replace(")", ""))
    values = [int(p) for p in parts[0::2]]
    out = [values[0]]
    for sep, value in zip(parts[1::2], values[1:], strict=True):
        if sep.strip() in ("to", "-", "–") and out[-1] < value <= out[-1] + MAX_RANGE:
            out.extend(range(out[-1] + 1, value + 1))
        else:
            out.append(value)
    return out

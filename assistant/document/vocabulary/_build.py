"""How the vocabulary's patterns are written: English on word boundaries, stems open at the end, Chinese whole.

Stems match at the start of a word ("refus" finds "refuses"), never inside one ("entit" does not find
"identity"). Chinese has no word boundaries; its cues are written whole.
"""

from __future__ import annotations

import re

FLAGS = re.I


def words(english: str, chinese: str = "", stems: str = "") -> str:
    """An alternation: whole English words or phrases, English stems (open at the end), Chinese as written."""
    parts = []
    if english:
        parts.append(rf"\b(?:{english})\b")
    if stems:
        parts.append(rf"\b(?:{stems})")
    if chinese:
        parts.append(chinese)
    return "|".join(parts)


def alternatives(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern of word-bounded English alternatives (Chinese needs no boundaries)."""
    english = [a for a in alternatives if a.isascii()]
    chinese = [a for a in alternatives if not a.isascii()]
    parts = [rf"\b(?:{'|'.join(english)})\b"] if english else []
    parts += chinese
    return re.compile("|".join(parts), re.I)

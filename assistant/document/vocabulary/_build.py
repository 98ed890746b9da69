"""How the vocabulary's patterns are written: English on word boundaries, stems open at the end, Chinese whole.

Stems match at the start of a word ("refus" finds "refuses"), never inside one ("entit" does not find
"identity"). Chinese has no word boundaries; its cues are written whole. The English boundaries are ASCII
ones (`(?a:...)`): to Unicode `\b` a Chinese character is a word character, so in mixed questions such as
"CII运营者" or "company的罚款" the English word would have no boundary and go unread.
"""

from __future__ import annotations

import re

FLAGS = re.I


def words(english: str, chinese: str = "", stems: str = "") -> str:
    """An alternation: whole English words or phrases, English stems (open at the end), Chinese as written."""
    parts = []
    if english:
        parts.append(rf"(?a:\b(?:{english})\b)")
    if stems:
        parts.append(rf"(?a:\b(?:{stems}))")
    if chinese:
        parts.append(chinese)
    return "|".join(parts)


def alternatives(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern of word-bounded English alternatives (Chinese needs no boundaries)."""
    english = [a for a in alternatives if a.isascii()]
    chinese = [a for a in alternatives if not a.isascii()]
    parts = [rf"(?a:\b(?:{'|'.join(english)})\b)"] if english else []
    parts += chinese
    return re.compile("|".join(parts), re.I)

"""How the checker finds the words that belong to a figure: "... yuan on the operator", "... yuan for
particularly serious ones", up to the clause's end. The words themselves (who, which tier, a
superlative, old numbering) are the shared vocabulary's (assistant.document.vocabulary).
"""

from __future__ import annotations

import re

ON_WHO_RE = re.compile(
    r"^\s*(?:yuan\s+)?(?:(?:shall|may|will|can|could|would)\s+(?:also\s+)?be\s+(?:imposed|levied)\s+"
    r"|(?:is\s+)?(?:imposed|levied|payable)\s+|each\s+|in\s+fines?\s+)?(?:on|for|against|upon|by)\s+", re.I)
FOR_CUE_RE = re.compile(r"^\s*(?:yuan\s+)?(?:[\(,]\s*)?(?:for|where|if|when|in(?:\s+the)?\s+cases?\s+of|in)\s+", re.I)
CLAUSE_END_RE = re.compile(r"[,;.:，；。：]")


def clause(text: str) -> str:
    """The text up to the first clause boundary (comma, semicolon, stop, colon; CJK too)."""
    m = CLAUSE_END_RE.search(text)
    return text[: m.start()] if m else text

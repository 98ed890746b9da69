"""Which basis a fine is computed on: illegal gains or the procurement amount.
"""

from __future__ import annotations

import re

from assistant.document.kinds import Basis
from assistant.document.vocabulary._build import FLAGS, words

# -- which basis ----------------------------------------------------------------------------
_BASIS_WORDS: dict[Basis, str] = {
    Basis.ILLEGAL_GAINS: words(r"made|sold|sales?|pocketed", r"所得|营业额|收入",
                                stems=r"gain|revenue|profit|income|earn"),
    Basis.PROCUREMENT_AMOUNT: words(r"bought|spent|worth|paid", r"采购", stems=r"procur|purchas|buy|contract"),
}
BASIS_RE: dict[Basis, re.Pattern[str]] = {b: re.compile(words, FLAGS) for b, words in _BASIS_WORDS.items()}
NO_GAINS_RE = re.compile(words(r"(?:no|without(?:\s+any)?)\s+illegal\s+gains", r"没有违法所得|无违法所得"), FLAGS)


def bases(text: str) -> list[Basis]:
    """The bases the text names, illegal gains first."""
    return [b for b, rx in BASIS_RE.items() if rx.search(text)]

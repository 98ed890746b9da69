"""BM25 (rank_bm25's Okapi) with each term's column of scores computed once.

`BM25Okapi.get_scores` recomputes, for every term of every query, that term's
frequency in each document and its score column. The corpus is fixed once the
index is fitted, so a term's column never changes: it is computed the first time
the term is asked for and reused. Same formula, same order of additions, so the
same scores to the bit (tested against the library on every question set).
Terms the corpus does not contain score zero in every document and are not kept,
so the cache is bounded by the corpus's vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
from rank_bm25 import BM25Okapi

Column = npt.NDArray[np.float64]


class ColumnCachedBM25(BM25Okapi):
    """Okapi BM25 whose per-term score columns are kept."""

    def __init__(self, corpus: list[list[str]]) -> None:
        super().__init__(corpus)
        self._doc_len = np.array(self.doc_len)
        self._columns: dict[str, Column] = {}

    def _column(self, term: str) -> Column | None:
        column = self._columns.get(term)
        if column is None and term in self.idf:
            frequency = np.array([(doc.get(term) or 0) for doc in self.doc_freqs])
            column = (self.idf.get(term) or 0) * (frequency * (self.k1 + 1) / (
                frequency + self.k1 * (1 - self.b + self.b * self._doc_len / self.avgdl)))
            self._columns[term] = column  # a whole array in one assignment: safe across threads
        return column

    def get_scores(self, query: Iterable[str]) -> Column:
        score = np.zeros(self.corpus_size)
        for term in query:
            column = self._column(term)
            if column is not None:
                score += column
        return score

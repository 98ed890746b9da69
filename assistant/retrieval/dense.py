"""The dense side of retrieval: a question's nearest chunks in the Chroma collection.

The collection is queried directly with the question's vector and asked for
ids and distances only. A chunk's id is its unit id, and the answer takes the
unit's text from the corpus, never from the store, so nothing else needs to
travel: fetching documents and metadata as well doubled the query's cost
(0.8 ms against 1.8 ms per 18-row query here, `make bench`), and a LangChain
vector store around the same call added another 0.7 ms. Whether the rows
still match the corpus is checked when the index is opened (`integrity`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.retrieval.embeddings import MiniLMEmbeddings


@dataclass(frozen=True)
class Neighbour:
    """One row of a dense query: the chunk's id (its unit id) and its cosine similarity to the question."""

    unit_id: str
    similarity: float


class ChromaIndex:
    """The opened collection and the embeddings that put questions in its space."""

    def __init__(self, collection: Any, embeddings: MiniLMEmbeddings) -> None:
        self.collection = collection
        self.embeddings = embeddings

    def nearest(self, text: str, k: int) -> list[Neighbour]:
        """The k rows nearest the text, best first (the collection uses cosine space: similarity = 1 - distance)."""
        vector = self.embeddings.embed_query(text)
        found = self.collection.query(query_embeddings=[vector], n_results=k, include=["distances"])
        ids, distances = found["ids"][0], (found.get("distances") or [[]])[0]
        return [Neighbour(str(i), 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

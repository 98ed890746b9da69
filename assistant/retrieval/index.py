"""The Chroma vector index: one chunk per citable unit, rebuilt only when stale.

The collection records the corpus hash, the embedding model, the chunker
version and a digest of every row; when any differs, or a row read back does
not match the corpus (`integrity`), the index is rebuilt, otherwise it is reused
without re-embedding. A missing, corrupt or half-written store is wiped and
rebuilt under a file lock, so two processes never build it at once; a rebuild
removes the segment folders it replaced. Folder problems (read-only, a file, a
loop) are handled in `location`; a Chroma server that cannot be reached raises
ServiceUnavailable naming the URL.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from filelock import FileLock

from assistant.config import Settings, chroma_address, settings
from assistant.document.corpus import Corpus, Unit, load
from assistant.errors import ServiceUnavailable
from assistant.retrieval import integrity, location, onnx_export
from assistant.retrieval.dense import ChromaIndex
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


def _expected(corpus: Corpus, embeddings: MiniLMEmbeddings, items: list[Chunk]) -> dict[str, Any]:
    """The collection metadata a fresh index has, including the digest of every row it must hold."""
    return _expected_metadata(corpus, embeddings) | {
        integrity.DIGEST_KEY: integrity.expected_digest(items, embeddings.dimension)}


def _unreachable(cfg: Settings, exc: BaseException) -> ServiceUnavailable:
    return ServiceUnavailable(
        f"the Chroma server at {cfg.chroma_url} cannot be used ({type(exc).__name__}: {str(exc)[:200]}); "
        "start it (chroma run --path DIR --port PORT) or unset CSL_CHROMA_URL to use the embedded index")


def make_client(cfg: Settings) -> Any:
    """An embedded PersistentClient under the index folder, or an HttpClient for a Chroma server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if cfg.uses_server:
        host, port, ssl = chroma_address(cfg.chroma_url or "")
        try:
            return chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=chroma_settings)
        except Exception as exc:  # noqa: BLE001 - chromadb raises ValueError for a server that is not there
            raise _unreachable(cfg, exc) from None
    cfg.index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(cfg.index_dir / location.STORE), settings=chroma_settings)


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
    shutil.rmtree(cfg.index_dir / location.STORE, ignore_errors=True)


def _open(cfg: Settings, corpus: Corpus, embeddings: MiniLMEmbeddings, force: bool) -> tuple[Any, Any, bool, str]:
    items = chunks(corpus)
    expected = _expected(corpus, embeddings, items)
    client = make_client(cfg)
    try:
        collection = client.get_collection(cfg.collection, embedding_function=None)
        problem = "" if force else integrity.problem(collection, expected, items)
        if not force and not problem:
            return client, collection, False, "index is up to date"
        reason = "rebuild requested" if force else f"index was {problem}; rebuilt"
    except ServiceUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to read the collection means rebuild
        reason = f"index missing or unreadable ({type(exc).__name__})"
    onnx = _export_onnx(cfg, embeddings)
    return client, _populate(client, cfg.collection, expected | onnx, items, embeddings), True, reason


def _export_onnx(cfg: Settings, embeddings: MiniLMEmbeddings) -> dict[str, str]:
    """The build exports the model to ONNX beside the index (torch is loaded anyway) and records it, like the model
    name; questions are then embedded without torch (`query_embeddings`)."""
    if getattr(embeddings, "backend", None) != "sentence-transformers":
        return onnx_export.index_metadata(None)
    return onnx_export.index_metadata(onnx_export.ensure_export(onnx_export.onnx_folder(cfg), embeddings))


def _open_embedded(cfg: Settings, corpus: Corpus, embeddings: MiniLMEmbeddings,
                   force: bool) -> tuple[Any, Any, bool, str]:
    """Under the folder's lock: open, or rebuild (wiping a corrupt store once); replaced segments removed."""
    with FileLock(str(cfg.index_dir / ".build.lock"), timeout=600):
        try:
            opened = _open(cfg, corpus, embeddings, force)
        except Exception as exc:  # noqa: BLE001 - corrupt embedded store: wipe and rebuild once
            log.warning("index at %s is corrupt (%s); rebuilding", cfg.index_dir, exc)
            _wipe_embedded(cfg)
            client, collection, rebuilt, _ = _open(cfg, corpus, embeddings, True)
            opened = client, collection, rebuilt, f"index was corrupt ({type(exc).__name__}); rebuilt"
        if opened[2]:
            location.remove_orphan_segments(cfg.index_dir)
    return opened


def _server_lock(cfg: Settings) -> Path:
    folder = cfg.index_dir / "server-lock"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir()) / "csl-assistant-server-lock"
        folder.mkdir(parents=True, exist_ok=True)
    return folder / ".build.lock"


def _open_server(cfg: Settings, corpus: Corpus, embeddings: MiniLMEmbeddings,
                 force: bool) -> tuple[Any, Any, bool, str]:
    with FileLock(str(_server_lock(cfg)), timeout=600):
        try:
            return _open(cfg, corpus, embeddings, force)
        except ServiceUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - a server that fails mid-way is a service fault, said in one line
            raise _unreachable(cfg, exc) from None


def ensure_index(cfg: Settings | None = None, corpus: Corpus | None = None,
                 embeddings: MiniLMEmbeddings | None = None, force: bool = False) -> tuple[Any, IndexInfo]:
    """Open the index, building or rebuilding it when missing, stale, damaged or corrupt.

    A read-only folder holding a store is served from a private copy (rebuilt there if it is stale).
    """
    cfg = cfg or settings()
    corpus = corpus or load()
    embeddings = embeddings or default_embeddings()
    start = time.perf_counter()
    if cfg.uses_server:
        client, collection, rebuilt, message = _open_server(cfg, corpus, embeddings, force)
    elif location.prepare(cfg.index_dir):
        client, collection, rebuilt, message = _open_embedded(cfg, corpus, embeddings, force)
    else:
        served = replace(cfg, index_dir=location.private_copy(cfg.index_dir))
        client, collection, rebuilt, message = _open_embedded(served, corpus, embeddings, force)
        message += f" (the folder is read-only: served from a private copy in {served.index_dir})"
    try:
        count = collection.count()
    except Exception as exc:  # noqa: BLE001
        raise _unreachable(cfg, exc) if cfg.uses_server else exc from None
    info = IndexInfo(cfg.chroma_url or str(cfg.index_dir / location.STORE),
                     "server" if cfg.uses_server else "embedded", cfg.collection, count, corpus.sha256,
                     embeddings.model_name, True, rebuilt, time.perf_counter() - start, message)
    return client, info


def vector_store(client: Any, cfg: Settings | None = None, embeddings: MiniLMEmbeddings | None = None) -> ChromaIndex:
    """The opened collection for dense search; questions are embedded through the ONNX export when it is there
    (`query_embeddings.choose`), else by sentence-transformers."""
    from assistant.retrieval.query_embeddings import query_embeddings

    cfg = cfg or settings()
    collection = client.get_collection(cfg.collection, embedding_function=None)
    return ChromaIndex(collection, embeddings or query_embeddings(cfg))


def _status_client(cfg: Settings) -> Any | None:
    """A client to inspect with, None when there is no store; never writes to the index folder."""
    if cfg.uses_server:
        return make_client(cfg)
    if not location.inspectable(cfg.index_dir):
        return None
    return make_client(replace(cfg, index_dir=location.private_copy(cfg.index_dir)))


def status(cfg: Settings | None = None, corpus: Corpus | None = None) -> dict[str, Any]:
    """What is on disk (or on the server), without building or writing anything."""
    cfg = cfg or settings()
    corpus = corpus or load()
    emb = default_embeddings()
    items = chunks(corpus)
    out: dict[str, Any] = {"location": cfg.chroma_url or str(cfg.index_dir / location.STORE),
                           "backend": "server" if cfg.uses_server else "embedded",
                           "collection": cfg.collection, "expected_chunks": len(items),
                           "corpus_sha256": corpus.sha256, "model": emb.model_name}
    client = _status_client(cfg)
    if client is None:
        return out | {"exists": False, "fresh": False, "count": 0}
    try:
        collection = client.get_collection(cfg.collection, embedding_function=None)
        problem = integrity.problem(collection, _expected(corpus, emb, items), items)
        return out | {"exists": True, "fresh": not problem, "count": collection.count()} | \
            ({"problem": problem} if problem else {})
    except Exception as exc:  # noqa: BLE001 - report, do not crash
        if cfg.uses_server and not _has_collection_error(exc):
            raise _unreachable(cfg, exc) from None
        return out | {"exists": False, "fresh": False, "count": 0, "error": f"{type(exc).__name__}: {exc}"}


def _has_collection_error(exc: Exception) -> bool:
    """The server answered and said the collection is absent (not a connection failure)."""
    return type(exc).__name__ in ("NotFoundError", "InvalidCollectionException")

"""Building a ready Assistant: index opened (or built), retriever, chosen backend.

The one place that wires the parts; the CLI, the app, the evaluation and the
benchmarks all call `build_assistant`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.answering.chain import Assistant
from assistant.answering.grounded import Model
from assistant.backends import get_chat_model
from assistant.config import Settings, settings
from assistant.document.corpus import load
from assistant.retrieval import onnx_export
from assistant.retrieval.embeddings import default_embeddings
from assistant.retrieval.index import IndexInfo, ensure_index, vector_store
from assistant.retrieval.search import Retriever


@dataclass(frozen=True)
class Loaded:
    assistant: Assistant
    index: IndexInfo


def build_index(cfg: Settings | None = None, force: bool = False) -> IndexInfo:
    """`csl-assistant index build`: the index and the ONNX export beside it. An index built before the export
    existed (or whose export was deleted) gets it now; the collection is rebuilt only if it recorded another graph."""
    cfg = cfg or settings()
    client, info = ensure_index(cfg, force=force)
    if info.rebuilt:
        return info
    folder = onnx_export.onnx_folder(cfg)
    manifest = onnx_export.current(folder) or onnx_export.ensure_export(folder, default_embeddings())
    recorded = onnx_export.recorded(client.get_collection(cfg.collection, embedding_function=None).metadata)
    if manifest is not None and manifest.onnx_sha256 != recorded:
        _, info = ensure_index(cfg, force=True)
        return replace(info, message="rebuilt to record the ONNX export of the embedding model")
    return info


def build_retriever(cfg: Settings | None = None) -> tuple[Retriever, IndexInfo]:
    cfg = cfg or settings()
    client, info = ensure_index(cfg)
    return Retriever(vector_store(client, cfg), load()), info


def build_assistant(llm: str | None = None, cfg: Settings | None = None,
                    model: Model | None = None, retriever: Retriever | None = None) -> Loaded:
    """An Assistant over the (built-if-needed) index with the named backend or a given model (a LangChain chat
    model, or the grounded composer)."""
    cfg = cfg or settings()
    info = None
    if retriever is None:
        retriever, info = build_retriever(cfg)
    name = llm or cfg.llm
    chat_model = model if model is not None else get_chat_model(name)
    backend = name if model is None else getattr(chat_model, "_llm_type", getattr(chat_model, "name", "custom"))
    return Loaded(Assistant(retriever, chat_model, backend, cfg.top_k), info)  # type: ignore[arg-type]

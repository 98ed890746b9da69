"""Question embeddings without torch: Chroma's ONNX MiniLM over the export kept beside the index.

The index is built by sentence-transformers (torch); the same build exports the
same weights to ONNX in `<index dir>/onnx/` (`onnx_export`). A question is then
embedded by Chroma's own `ONNXMiniLM_L6_V2` (onnxruntime + tokenizers), pointed
at that folder and forbidden to download: a cold process answers in a fraction
of the time and memory torch needs. When the export is missing, fails to load,
or no longer reproduces the probe vector sentence-transformers gave at export
time, sentence-transformers embeds the question instead and the reason is kept
for `csl-assistant index status`.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import asdict, dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from assistant.config import Settings, settings
from assistant.errors import EmbeddingUnavailable
from assistant.retrieval.embeddings import MODEL_NAME, MiniLMEmbeddings, default_embeddings

log = logging.getLogger(__name__)

FOLDER = "onnx"
MANIFEST = "manifest.json"
# The five tokenizer/config files copied from the model package, and the exported graph: what Chroma's function reads.
TOKENIZER_FILES = ("config.json", "special_tokens_map.json", "tokenizer_config.json", "tokenizer.json", "vocab.txt")
ONNX_FILES = ("model.onnx", *TOKENIZER_FILES)
MIN_COSINE = 0.9999
BACKENDS = ("auto", "sentence-transformers")


@dataclass(frozen=True)
class Manifest:
    """What was exported, from which weights, and the vector sentence-transformers gave the probe text."""

    model: str
    source_version: str
    onnx_sha256: str
    probe: str
    probe_vector: tuple[float, ...]

    def write(self, folder: Path) -> None:
        (folder / MANIFEST).write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return cls(data["model"], data["source_version"], data["onnx_sha256"], data["probe"],
                   tuple(float(x) for x in data["probe_vector"]))


def onnx_folder(cfg: Settings | None = None) -> Path:
    """Where the export lives: beside the Chroma store, in the index folder (also with a Chroma server)."""
    return (cfg or settings()).index_dir / FOLDER


def cosine(a: Any, b: Any) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)) or 1.0)


@lru_cache(maxsize=1)
def _chroma_onnx_class() -> type:
    """Defined on first use: importing Chroma's function imports chromadb, which the lookup commands never need."""
    from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

    class LocalONNXMiniLM(ONNXMiniLM_L6_V2):
        """Chroma's function with its model folder set to ours. It never downloads: a missing file raises."""

        def __init__(self, folder: Path) -> None:
            super().__init__(preferred_providers=["CPUExecutionProvider"])
            self.DOWNLOAD_PATH = folder.parent  # read through `self`, so the instance's folder wins
            self.EXTRACTED_FOLDER_NAME = folder.name

        def _download(self, url: str, fname: str, chunk_size: int = 1024) -> None:  # type: ignore[override]
            raise EmbeddingUnavailable(f"the ONNX export in {self.DOWNLOAD_PATH / self.EXTRACTED_FOLDER_NAME} is "
                                       "incomplete (no download is ever attempted); run `csl-assistant index build`")

        @cached_property
        def model(self) -> Any:
            """Chroma's session (CPU, all graph optimisations) with one change: idle intra-op threads sleep
            instead of spinning. On a shared 2-core machine spinning threads wait on each other and on every
            other process (measured under load: p50 16 ms spinning, 8 ms not)."""
            options = self.ort.SessionOptions()
            options.log_severity_level = 3
            options.graph_optimization_level = self.ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            path = Path(self.DOWNLOAD_PATH) / self.EXTRACTED_FOLDER_NAME / "model.onnx"
            return self.ort.InferenceSession(str(path), providers=["CPUExecutionProvider"], sess_options=options)

        @cached_property
        def tokenizer(self) -> Any:
            """Chroma pads every text to 256 tokens so that its batches line up. We run one text per call, so
            padding is dropped: the same vectors (padding is masked out of the pooling), without running a
            15-token question through 256 positions (about 25x the work)."""
            tokenizer = ONNXMiniLM_L6_V2.tokenizer.func(self)  # type: ignore[attr-defined]
            tokenizer.no_padding()
            return tokenizer

    return LocalONNXMiniLM


class OnnxMiniLMEmbeddings(MiniLMEmbeddings):
    """The same model and vectors as `MiniLMEmbeddings`, computed by onnxruntime from the export."""

    backend = "onnx"

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        if not folder.is_dir():
            raise EmbeddingUnavailable(f"there is no ONNX export in {folder}; run `csl-assistant index build`")
        missing = [name for name in (*ONNX_FILES, MANIFEST) if not (folder / name).is_file()]
        if missing:
            raise EmbeddingUnavailable(f"the ONNX export in {folder} is missing {', '.join(missing)}; "
                                       "run `csl-assistant index build`")
        try:
            self.manifest = Manifest.read(folder)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise EmbeddingUnavailable(f"the ONNX manifest in {folder} is unreadable ({exc})") from exc
        if self.manifest.model != self.model_name:
            raise EmbeddingUnavailable(f"the ONNX export in {folder} is of {self.manifest.model}, "
                                       f"not {self.model_name}")
        self._function = _chroma_onnx_class()(folder)

    def _encode(self, texts: list[str]) -> list[list[float]]:
        """One text per call (unpadded, see the tokenizer above); questions come one at a time anyway."""
        with self._lock:
            return [self._function([text])[0].tolist() for text in texts]

    def verify(self) -> float:
        """Load the graph and embed the probe text: the cosine with sentence-transformers' vector at export time.
        Raises EmbeddingUnavailable when the graph does not load or the vector differs (a corrupt file)."""
        try:
            vector = self._encode([self.manifest.probe])[0]
        except EmbeddingUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own types for truncated/corrupt graphs
            raise EmbeddingUnavailable(f"the ONNX model in {self.folder} does not load "
                                       f"({type(exc).__name__}: {str(exc)[:160]})") from exc
        similarity = cosine(vector, self.manifest.probe_vector)
        if not similarity >= MIN_COSINE:  # written so that NaN (a graph of garbage weights) fails too
            raise EmbeddingUnavailable(f"the ONNX model in {self.folder} gives a different vector for its probe text "
                                       f"(cosine {similarity:.4f}); it will be exported again by the next index build")
        return similarity


@dataclass(frozen=True)
class Choice:
    """The embeddings that answer questions, which backend they are, and why."""

    embeddings: MiniLMEmbeddings
    reason: str

    @property
    def backend(self) -> str:
        return self.embeddings.backend

    def as_dict(self) -> dict[str, str]:
        return {"query_embeddings": self.backend, "query_embeddings_reason": self.reason}


def load_onnx(folder: Path) -> OnnxMiniLMEmbeddings:
    """The verified ONNX embeddings in `folder`; raises EmbeddingUnavailable with the reason otherwise."""
    embeddings = OnnxMiniLMEmbeddings(folder)
    embeddings.verify()
    return embeddings


@lru_cache(maxsize=8)
def _choose(folder: Path, wanted: str, stamp: int | None) -> Choice:
    """Cached per folder and manifest write time: a later export (index build) is picked up, a failure not retried."""
    if wanted not in BACKENDS:
        raise ValueError(f"CSL_QUERY_EMBEDDINGS={wanted!r} is not one of {', '.join(BACKENDS)}")
    if wanted == "sentence-transformers":
        return Choice(default_embeddings(), "CSL_QUERY_EMBEDDINGS=sentence-transformers")
    try:
        return Choice(load_onnx(folder), f"ONNX export in {folder}")
    except EmbeddingUnavailable as exc:
        log.warning("question embeddings fall back to sentence-transformers: %s", exc)
        return Choice(default_embeddings(), f"fallback: {exc}")


def choose(cfg: Settings | None = None) -> Choice:
    """ONNX when the export beside the index is there and sound, else sentence-transformers (loaded once each)."""
    cfg = cfg or settings()
    folder = onnx_folder(cfg)
    try:
        stamp: int | None = (folder / MANIFEST).stat().st_mtime_ns
    except OSError:
        stamp = None
    return _choose(folder, cfg.query_embeddings, stamp)


def query_embeddings(cfg: Settings | None = None) -> MiniLMEmbeddings:
    """The LangChain `Embeddings` the retriever embeds questions with."""
    return choose(cfg).embeddings


__all__ = ["MODEL_NAME", "Choice", "Manifest", "OnnxMiniLMEmbeddings", "choose", "load_onnx", "onnx_folder",
           "query_embeddings"]

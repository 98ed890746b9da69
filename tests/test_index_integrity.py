"""Row-level damage, status without writes, rebuilds that clean up: the index is checked row by row."""

import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.config import settings
from assistant.retrieval.index import chunks, ensure_index, make_client, status, vector_store
from assistant.retrieval.location import STORE, remove_orphan_segments
from assistant.retrieval.search import Retriever


@pytest.fixture
def copy_cfg(tmp_path, built_index):
    shutil.copytree(settings().index_dir / STORE, tmp_path / STORE)
    return replace(settings(), index_dir=tmp_path)


def _collection(cfg):
    return make_client(cfg).get_collection(cfg.collection, embedding_function=None)


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("damage", [
    {"unit_id": "art999.p1"}, {"unit_id": None}, {"article": "58"}, {"title": "Something else"}])
def test_one_damaged_row_is_not_fresh_and_is_rebuilt(copy_cfg, damage):
    _collection(copy_cfg).update(ids=["art59.p3"], metadatas=[damage])
    state = status(copy_cfg)
    assert state["fresh"] is False and "art59.p3" in state["problem"]
    client, info = ensure_index(copy_cfg)
    assert info.rebuilt and "damaged" in info.message
    hits = Retriever(vector_store(client, copy_cfg)).search("massive data leakage fines", k=4, mode="dense")
    assert "art59.p3" in [h.unit.id for h in hits]


def test_a_changed_text_or_a_bad_vector_is_not_fresh(copy_cfg):
    col = _collection(copy_cfg)
    vector = col.get(ids=["art61.p1"], include=["embeddings"])["embeddings"]
    col.update(ids=["art61.p1"], documents=["a different text"], embeddings=vector)
    assert "art61.p1" in status(copy_cfg)["problem"]
    ensure_index(copy_cfg)
    _collection(copy_cfg).update(ids=["art61.p1"], embeddings=[[0.5] * 384])
    assert "unit length" in status(copy_cfg)["problem"]


def test_a_row_the_corpus_does_not_have_is_not_fresh(copy_cfg):
    col = _collection(copy_cfg)
    row = col.get(ids=["art59.p3"], include=["documents", "metadatas", "embeddings"])
    col.delete(ids=["art59.p3"])
    col.add(ids=["art59.p9"], documents=row["documents"], metadatas=row["metadatas"], embeddings=row["embeddings"])
    assert "art59.p9" in status(copy_cfg)["problem"]


def test_status_never_writes(tmp_path, copy_cfg):
    empty = replace(settings(), index_dir=tmp_path / "nothing-here")
    assert status(empty)["exists"] is False and not (tmp_path / "nothing-here").exists()
    before = _snapshot(copy_cfg.index_dir)
    assert status(copy_cfg)["fresh"] is True
    assert _snapshot(copy_cfg.index_dir) == before


def test_a_rebuild_removes_the_segments_it_replaced(copy_cfg):
    old = {p.name for p in (copy_cfg.index_dir / STORE).iterdir() if p.is_dir()}
    _, info = ensure_index(copy_cfg, force=True)
    now = {p.name for p in (copy_cfg.index_dir / STORE).iterdir() if p.is_dir()}
    assert info.rebuilt and now and not (old & now)
    assert remove_orphan_segments(copy_cfg.index_dir) == []
    assert ensure_index(copy_cfg)[1].count == len(chunks())


def test_a_row_damaged_after_opening_degrades_to_lexical_with_a_notice(copy_cfg):
    from assistant.service import build_assistant

    client, _ = ensure_index(copy_cfg)
    assistant = build_assistant("grounded", cfg=copy_cfg,
                                retriever=Retriever(vector_store(client, copy_cfg))).assistant
    col = _collection(copy_cfg)  # every row re-keyed under an id that is no unit of the corpus
    rows = col.get(include=["documents", "embeddings"])
    col.delete(ids=rows["ids"])
    col.add(ids=[f"gone.{i}" for i in range(len(rows["ids"]))], documents=rows["documents"],
            embeddings=rows["embeddings"])
    answer = assistant.ask("What fines apply for massive data leakage?")
    assert answer.ok and "500,000" in answer.text
    assert any("lexical (BM25)" in n for n in answer.notices)

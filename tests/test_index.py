import shutil
from dataclasses import replace

from assistant.config import settings
from assistant.document.corpus import load, parse, read_text
from assistant.retrieval.index import chunks, ensure_index, status


def test_one_chunk_per_unit_with_metadata():
    items = chunks()
    assert len(items) == len(load().units())
    meta = {c.id: c.metadata for c in items}
    assert meta["art67.p1"]["old_number"] == "Article 65" and meta["art67.p1"]["change"] == "renumbered"
    assert meta["art71.i3"]["item"] == 3 and meta["art71.i3"]["article"] == "71"
    assert meta["expl.1"]["source"] == "explanation"
    assert "Whoever commits any of the following acts" in next(c for c in items if c.id == "art71.i3").embed_text


def test_built_index_is_reused_without_reembedding(built_index):
    _, first = built_index
    assert first.count == len(chunks())
    _, again = ensure_index(settings())
    assert not again.rebuilt and again.count == first.count
    assert status()["fresh"] is True


def test_changed_corpus_triggers_rebuild(tmp_path, built_index):
    cfg = replace(settings(), index_dir=tmp_path)
    shutil.copytree(settings().index_dir / "chroma", tmp_path / "chroma")
    _, same = ensure_index(cfg)
    assert not same.rebuilt
    changed = parse(read_text().replace("massive data leakage", "massive data leaks", 1))
    _, info = ensure_index(cfg, corpus=changed)
    assert info.rebuilt and "stale" in info.message and info.corpus_sha256 == changed.sha256


def test_corrupt_store_is_rebuilt_not_a_crash(tmp_path, built_index):
    cfg = replace(settings(), index_dir=tmp_path)
    shutil.copytree(settings().index_dir / "chroma", tmp_path / "chroma")
    db = tmp_path / "chroma" / "chroma.sqlite3"
    db.write_bytes(db.read_bytes()[:4096])  # a truncated SQLite file
    _, info = ensure_index(cfg)
    assert info.rebuilt and info.count == len(chunks())


def test_missing_segment_folder_is_rebuilt(tmp_path, built_index):
    cfg = replace(settings(), index_dir=tmp_path)
    shutil.copytree(settings().index_dir / "chroma", tmp_path / "chroma")
    for folder in (tmp_path / "chroma").iterdir():
        if folder.is_dir():
            shutil.rmtree(folder)
    _, info = ensure_index(cfg)
    assert info.count == len(chunks())


def test_wrong_embedding_dimension_is_rebuilt(tmp_path, built_index):
    from assistant.retrieval.embeddings import default_embeddings
    from assistant.retrieval.index import _expected_metadata, make_client

    cfg = replace(settings(), index_dir=tmp_path)
    client = make_client(cfg)
    meta = _expected_metadata(load(), default_embeddings())
    col = client.create_collection(cfg.collection, metadata=meta, embedding_function=None)
    items = chunks()
    col.add(ids=[c.id for c in items], documents=[c.text for c in items], embeddings=[[0.1, 0.2, 0.3]] * len(items))
    _, info = ensure_index(cfg)
    assert info.rebuilt and "stale" in info.message

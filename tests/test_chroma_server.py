"""The scaled-out path: the index lives in a real Chroma server (`chroma run`) on a loopback port."""

from dataclasses import replace

import pytest

from assistant.config import settings
from assistant.retrieval.index import chunks, ensure_index, status, vector_store
from assistant.retrieval.search import Retriever
from tests.chroma_server import running_server


@pytest.fixture(scope="module")
def server_cfg(tmp_path_factory, index_dir):
    data = tmp_path_factory.mktemp("chroma-server")
    with running_server(data) as url:
        yield replace(settings(), chroma_url=url)


def test_index_builds_on_the_server_and_is_reused(server_cfg):
    _, first = ensure_index(server_cfg)
    assert first.backend == "server" and first.count == len(chunks())
    _, again = ensure_index(server_cfg)
    assert not again.rebuilt
    assert status(server_cfg)["fresh"] is True


def test_retrieval_against_the_server(server_cfg):
    client, _ = ensure_index(server_cfg)
    retriever = Retriever(vector_store(client, server_cfg))
    ids = [h.unit.id for h in retriever.search("selling critical network equipment without certification", k=4)]
    assert "art61.p1" in ids


def test_chain_against_the_server(server_cfg):
    from assistant.service import build_assistant

    client, _ = ensure_index(server_cfg)
    retriever = Retriever(vector_store(client, server_cfg))
    answer = build_assistant("grounded", cfg=server_cfg, retriever=retriever).assistant.ask(
        "What fines apply for massive data leakage?")
    assert answer.ok and "500,000" in answer.text and any(c.unit_id == "art59.p3" for c in answer.citations)

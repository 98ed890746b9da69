"""Shared fixtures. Everything runs offline: no model hub, no telemetry."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import pytest  # noqa: E402

from assistant.document import corpus as corpus_mod  # noqa: E402
from assistant.document import fines  # noqa: E402


@pytest.fixture(scope="session")
def corpus() -> corpus_mod.Corpus:
    return corpus_mod.load()


@pytest.fixture(scope="session")
def table() -> fines.FineTable:
    return fines.table()


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory):
    """A real Chroma index built once per session in a temporary folder (real embedding model)."""
    path = tmp_path_factory.mktemp("index")
    os.environ["CSL_INDEX_DIR"] = str(path)
    return path


@pytest.fixture(scope="session")
def built_index(index_dir):
    from assistant.config import settings
    from assistant.retrieval.index import ensure_index

    client, info = ensure_index(settings())
    return client, info


@pytest.fixture(scope="session")
def retriever(built_index):
    from assistant.config import settings
    from assistant.retrieval.index import vector_store
    from assistant.retrieval.search import Retriever

    client, _ = built_index
    return Retriever(vector_store(client, settings()))


@pytest.fixture(scope="session")
def grounded(retriever):
    from assistant.service import build_assistant

    return build_assistant("grounded", retriever=retriever).assistant

"""Shared fixtures. Everything runs offline: no model hub, no telemetry."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import pytest  # noqa: E402

from assistant import corpus as corpus_mod  # noqa: E402
from assistant import fines  # noqa: E402


@pytest.fixture(scope="session")
def corpus() -> corpus_mod.Corpus:
    return corpus_mod.load()


@pytest.fixture(scope="session")
def table() -> fines.FineTable:
    return fines.table()

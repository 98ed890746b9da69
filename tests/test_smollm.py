"""The real local generative model end to end (slow: converts the GGUF on first use). `make test-slow`."""

import pytest

from assistant.backends.smollm import smollm2_problem

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def smol(retriever):
    if smollm2_problem():
        pytest.skip(f"smollm2 not installed here: {smollm2_problem()} (run `make local`)")
    from assistant.service import build_assistant

    return build_assistant("smollm2", retriever=retriever).assistant


def test_smollm2_answers_and_every_shown_number_is_verified(smol):
    answer = smol.ask("What fines apply for massive data leakage?")
    assert answer.backend == "smollm2" and answer.text.strip()
    assert answer.ok and all(c["verdict"] == "verified" for c in answer.claims)


def test_smollm2_streams(smol):
    parts = list(smol.stream("What does Article 72 say?"))
    assert parts[-1].ok and any(isinstance(p, str) and p for p in parts[:-1])

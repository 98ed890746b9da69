"""Lexical search over the adopted text: Chinese and English questions find the provision."""

from pathlib import Path

import pytest

from assistant.evaluation.adopted_retrieval import compare
from assistant.evaluation.runner import load_cases
from assistant.retrieval.adopted_search import searcher, tokens_bigram

EVALS = Path(__file__).resolve().parent.parent / "evals"


@pytest.fixture(scope="module")
def table():
    cases, _ = load_cases([EVALS / "adopted.jsonl"])
    return compare(cases)


def test_bilingual_glossing_is_what_lets_english_questions_reach_the_chinese_text(table):
    assert table["bigram+bilingual"]["en"]["hit@3"] > 0.6
    assert table["bigram+bilingual"]["en"]["hit@3"] > 2 * table["bigram"]["en"]["hit@3"]


def test_chinese_questions_are_not_worse_with_the_chosen_method(table):
    assert table["bigram+bilingual"]["zh"]["hit@3"] >= table["unigram"]["zh"]["hit@3"]


def test_bigrams_cut_chinese_runs_and_keep_english_words():
    assert tokens_bigram("处罚款 fine") == ["fine", "处罚", "罚款"]


@pytest.mark.parametrize(("question", "article"), [
    ("销售未经安全认证的网络关键设备", "63"),
    ("selling uncertified critical network equipment", "63"),
    ("国家支持人工智能", "20"),
    ("CII operator uses products that failed security review", "67"),
])
def test_top_hit(question, article):
    assert searcher().search(question, 1)[0].unit.article == article


def test_adopted_chunks_carry_version_metadata():
    from assistant.retrieval.adopted_search import adopted_chunks

    chunks = adopted_chunks()
    assert len(chunks) == 22 and {c.metadata["version"] for c in chunks} == {"adopted"}
    art63 = next(c for c in chunks if c.id == "adopted.art63.p1")
    assert art63.embed_text.startswith("第六十三条 Article 63") and "critical network equipment" in art63.embed_text

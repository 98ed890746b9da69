from pathlib import Path

import pytest

from assistant.document.corpus import load
from assistant.retrieval.routing import route
from assistant.retrieval.search import tokenize


@pytest.mark.parametrize("question,expected", [
    ("What does Article 59(3) say?", ["art59.p3"]),
    ("art 59 para 3", ["art59.p3"]),
    ("What did old Article 65 become?", ["amend.4", "art67.p1"]),
    ("第六十九条第二款", ["art69.p2"]),
    ("Article 71 item 3", ["art71.i3"]),
    ("Explain Article 62", ["amend.8"]),
])
def test_routing(question, expected):
    assert [u.id for u in route(question, load())] == expected


def test_no_routing_without_an_article():
    assert route("what is the fine for 100,000 yuan of gains?", load()) == []


def test_tokenize_drops_stopwords():
    assert tokenize("What are the fines for operators?") == ["fine", "operator"]


@pytest.mark.parametrize("mode", ["dense", "lexical", "hybrid"])
def test_modes_find_the_obvious_unit(retriever, mode):
    hits = retriever.search("fine for selling critical network equipment without security certification",
                            k=4, mode=mode, use_routing=False)
    assert "art61.p1" in [h.unit.id for h in hits]


def test_routed_units_come_first(retriever):
    hits = retriever.search("what does article 72 say about mitigated penalties", k=4)
    assert hits[0].via == "route" and hits[0].unit.article == "72"


def test_unknown_mode(retriever):
    with pytest.raises(ValueError):
        retriever.search("x", mode="magic")


def test_cached_bm25_scores_equal_the_librarys_to_the_bit(retriever):
    """The column cache changes no score: rank_bm25's own get_scores on every question of the sets, twice (the
    second pass reads the cached columns), plus words the corpus does not have."""
    import numpy as np
    from rank_bm25 import BM25Okapi

    from assistant.evaluation.runner import load_cases
    from assistant.retrieval.search import expand_query

    library = BM25Okapi([tokenize(c.embed_text) for c in retriever.chunks])
    cases, _ = load_cases(sorted(Path(__file__).resolve().parent.parent.glob("evals/*.jsonl")))
    questions = [*dict.fromkeys(c.question for c in cases), "zyzzyva qwerty 罚款 fines fines"]
    assert len(questions) > 300
    for _ in range(2):
        for question in questions:
            query = tokenize(expand_query(question))
            assert np.array_equal(retriever.bm25.get_scores(query), library.get_scores(query)), question

"""What is said about the corpus is read from it: the revised articles, the residual rule's item,
the articles a renumbering item names."""

from __future__ import annotations

import re

from assistant.answering.prompts import refusal
from assistant.document.corpus import load
from assistant.document.lookup import lookup
from assistant.document.text import and_list
from assistant.retrieval.index import chunk_unit


def test_revised_articles_are_those_whose_text_the_draft_sets_out() -> None:
    corpus = load()
    revised = corpus.revised_articles()
    assert revised == sorted(revised, key=int)
    for number, article in corpus.articles.items():
        assert (number in revised) is (article.text_included and bool(article.units))


def test_refusals_and_lookup_name_exactly_the_revised_articles() -> None:
    corpus = load()
    named = and_list(corpus.revised_articles())
    text = refusal(None)
    assert f"Articles {named} " in text
    listed = set(re.findall(r"\d+", text.split("Articles ", 1)[1].split("(")[0]))
    assert listed == set(corpus.revised_articles())
    assert named in lookup("Article 99", corpus).note


def test_residual_rule_item_states_the_rule() -> None:
    corpus = load()
    unit = corpus.unit(corpus.residual_unit)
    assert corpus.residual_rule and corpus.residual_rule in unit.text


def test_renumbering_item_chunk_names_its_articles() -> None:
    corpus = load()
    unit = corpus.unit(corpus.residual_unit)
    articles = chunk_unit(corpus, unit).metadata["articles"].split(",")
    stated = {e.new for e in corpus.renumbering if f"amend.{e.amendment_item}" == unit.id}
    assert set(articles) == stated and all(f"Article {a}" in unit.text for a in articles)


def test_and_list() -> None:
    assert [and_list(x) for x in (["A"], ["A", "B"], ["A", "B", "C"])] == ["A", "A and B", "A, B and C"]

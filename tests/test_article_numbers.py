"""Article numbers read as whole tokens with bounds: never truncated, never reinterpreted, never a traceback."""

import pytest

from assistant.cli.main import BAD_INPUT, main
from assistant.document.lookup import lookup
from assistant.document.numerals import chinese_to_int
from assistant.retrieval.routing import route


@pytest.mark.parametrize("query,shown", [
    ("Article 1000059", "1000059"), ("Article 1234567", "1234567"), ("Article -1", "-1"),
    ("第九九条", "九九"), ("第" + "九" * 5000 + "条", "well-formed"), ("Article " + "7" * 5000, "no Article"),
])
def test_no_such_article_exit_2(capsys, query, shown):
    assert main(["lookup", query]) == BAD_INPUT
    out = capsys.readouterr().out
    assert shown in out and "Article 59 of the draft" not in out


@pytest.mark.parametrize("query", ["<h1>Article 69</h1>", '<span data-x="2">Article 69</span>', "h1 Article 69"])
def test_a_digit_inside_markup_is_not_an_article(query):
    result = lookup(query)
    assert result.status == "found" and result.article == "69"


def test_chinese_numerals_are_validated():
    assert chinese_to_int("九十九") == 99 and chinese_to_int("两万") == 20_000
    for bad in ("九九", "一〇五", "九" * 5000, "万万"):
        with pytest.raises(ValueError):
            chinese_to_int(bad)


def test_routing_ignores_malformed_and_out_of_range_numbers(corpus):
    assert route("第九九条的罚款", corpus) == [] and route("Article 1000059 fines", corpus) == []


@pytest.mark.parametrize("question", ["What fines apply under Article 1000059?", "第九九条规定的罚款是多少？",
                                      "What is the fine under Article -1?"])
def test_ask_about_an_absent_article_says_so_first(grounded, question):
    answer = grounded.ask(question)
    assert answer.ok and answer.refused and answer.text.startswith("There is no such article")
    assert "yuan" not in answer.text and any(n.startswith("No ") and "exists" in n for n in answer.notices)

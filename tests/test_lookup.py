import re

import pytest

from assistant.document.lookup import lookup, parse_query


@pytest.mark.parametrize("query,article,para,item,old", [
    ("Article 69", 69, None, None, False),
    ("art 59 para 3", 59, 3, None, False),
    ("Art. 71(3)", 71, 3, None, False),
    ("old Article 65", 65, None, None, True),
    ("第六十九条", 69, None, None, False),
    ("第五十九条第三款", 59, 3, None, False),
    ("第七十一条第一款第三项", 71, 1, 3, False),
    ("article 71 item 2", 71, None, 2, False),
    ("原第六十五条", 65, None, None, True),
])
def test_parse_query(query, article, para, item, old):
    q = parse_query(query)
    assert q is not None
    assert (q.article, q.paragraph, q.item, q.old) == (article, para, item, old)


def test_article_text(corpus):
    r = lookup("Article 69")
    assert r.status == "found" and r.article == "69" and len(r.units) == 3
    assert r.text.startswith("Where a network operator, in violation of the provisions of Article 47")
    assert "Article 68 and Item (1) of Article 69 merged" in r.note


def test_paragraph_and_item():
    r = lookup("art 59 para 3")
    assert r.unit_id == "art59.p3" and "massive data leakage" in r.text
    r = lookup("Art. 71(3)")
    assert r.unit_id == "art71.i3" and r.text.startswith("(3) Violating the provisions of Article 37")


def test_old_number_says_where_it_went():
    r = lookup("old Article 65")
    assert (r.status, r.article, r.old_number, r.unit_id) == ("old_number", "67", "65", "art67.p1")
    r = lookup("Article 68")
    assert r.status == "old_number" and r.article == "69" and "merged with Item (1) of Article 69" in r.note
    r = lookup("old article 64 paragraph 2")
    assert r.article == "66" and "does not reproduce" in r.note


@pytest.mark.parametrize(("query", "in_force"), [
    ("old Article 65", "Article 67"),  # Decision item 8 renumbers it
    ("old Article 68", "Article 69"),  # merged with 2016 Article 69(1)
    ("old Article 40", "Article 42"),  # Decision item 4
    ("old Article 63", "Article 66"),  # the draft is silent on it; shifted by the added Articles 3, 20 and 63
])
def test_an_old_number_also_says_where_it_is_in_the_law_in_force(query: str, in_force: str) -> None:
    """Since 1 January 2026 an old number's place in the law in force matters more than its place in the draft."""
    note = lookup(query).note
    assert f"In the law in force (since 1 January 2026) it is {in_force}." in note and "current law" not in note


def test_old_number_not_mapped_by_the_text_says_so():
    r = lookup("old Article 63")
    assert r.status == "not_in_document" and r.article is None
    assert "adjusted accordingly" in r.note


def test_chinese_article_number():
    assert lookup("第六十九条").article == "69"
    assert lookup("第五十九条第三款").unit_id == "art59.p3"


def test_referenced_article_is_not_invented():
    r = lookup("Article 21")
    assert r.status == "referenced" and r.text == ""
    assert "not included" in r.note and "Article 59, paragraph 1" in r.note


def test_renumber_only_article():
    r = lookup("Article 62")
    assert r.status == "renumbered_only" and r.text == "" and "closing of websites or applications" in r.note


@pytest.mark.parametrize("query", ["Article 999", "art 59 para 9", "Article 71 item 7", "show me something"])
def test_unknown_is_a_clear_failure(query):
    r = lookup(query)
    assert not r.ok and r.note and r.text == ""


def test_untouched_article_of_the_law():
    r = lookup("Article 30")
    assert r.status == "not_in_document" and r.ok


@pytest.mark.parametrize(("query", "article", "old"), [
    ("Article 61 of the law in force", "61", "Article 59"),  # not the draft's Article 61 (sales of equipment)
    ("现行网络安全法第六十一条", "61", "Article 59"),  # 现行: in force now, no longer the 2016 numbering
    ("adopted Art. 69(2)", "69", "Article 68, Item (1) of Article 69"),
    ("law in force, article 64", "64", "Article 61"),  # only a phrase replaced: the Decision's item is its text
])
def test_an_article_of_the_law_in_force(query: str, article: str, old: str) -> None:
    r = lookup(query)
    assert (r.status, r.article, r.old_number) == ("in_force", article, old)
    assert r.units and all(u["id"].startswith(("adopted.", "decision.")) for u in r.units)
    assert re.search(r"[\u4e00-\u9fff]{10}", r.text) and "official Chinese text" in r.note


def test_the_law_in_force_outside_the_decision_is_not_invented() -> None:
    untouched = lookup("law in force article 30")
    assert untouched.status == "not_in_document" and untouched.old_number == "28" and not untouched.text
    assert lookup("Article 120 of the law in force").status == "not_found"
    assert lookup("adopted article 61 paragraph 9").status == "not_found"
    assert lookup("adopted Art. 69(2)").units[0]["id"] == "adopted.art69.p2"

"""The Decision's parse: 14 items, their kinds and numbers, adopted text units, furniture removed."""

from pathlib import Path

import pytest

from assistant.document.decision import ChangeKind as K
from assistant.document.decision import clean, load, parse, read_text
from assistant.document.refs import Ref

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "csl_amendment_decision_2025_zh.txt"


@pytest.fixture(scope="module")
def decision():
    return load()


def test_shipped_copy_matches_shared_corpus_when_present():
    if not SHARED.exists():
        pytest.skip("shared/ corpus not beside this checkout")
    assert read_text() == SHARED.read_text(encoding="utf-8")


def test_header_facts(decision):
    assert decision.order_number == 61
    assert (decision.adopted_on, decision.in_force_from) == ("2025-10-28", "2026-01-01")
    assert decision.title == "全国人民代表大会常务委员会关于修改《中华人民共和国网络安全法》的决定"


# number, kinds, current-law refs, adopted article, paragraph added/deleted (hand-checked against the text)
ITEMS = [
    (1, (K.ARTICLE_ADDED,), (), "3", None),
    (2, (K.RENUMBERED, K.PARAGRAPH_DELETED), (Ref("18"),), "19", 2),
    (3, (K.ARTICLE_ADDED,), (), "20", None),
    (4, (K.RENUMBERED, K.PARAGRAPH_ADDED), (Ref("40"),), "42", 2),
    (5, (K.RENUMBERED, K.REVISED), (Ref("59"),), "61", None),
    (6, (K.RENUMBERED, K.PARAGRAPH_ADDED), (Ref("60"),), "62", 2),
    (7, (K.ARTICLE_ADDED,), (), "63", None),
    (8, (K.RENUMBERED, K.PHRASE_REVISED), (Ref("61"),), "64", None),
    (9, (K.RENUMBERED, K.REVISED), (Ref("62"),), "65", None),
    (10, (K.RENUMBERED, K.REVISED), (Ref("65"),), "67", None),
    (11, (K.MERGED, K.REVISED), (Ref("68"), Ref("69", item=1)), "69", None),
    (12, (K.MERGED, K.REVISED), (Ref("64"), Ref("66"), Ref("70")), "71", None),
    (13, (K.ARTICLE_ADDED,), (), "73", None),
    (14, (K.RENUMBERED, K.REVISED), (Ref("75"),), "77", None),
]


def test_fourteen_items_with_kinds_and_numbers(decision):
    got = [(i.number, i.kinds, i.old, i.new, i.paragraph) for i in decision.items]
    assert got == ITEMS


def test_phrase_change_of_item_8(decision):
    old, new = decision.items[7].phrase_change
    assert "关闭网站、" in old and "由有关主管部门" in old
    assert "关闭网站或者应用程序" in new and "由有关主管部门" not in new


UNIT_IDS = [
    "adopted.art3.p1", "adopted.art20.p1", "adopted.art20.p2", "adopted.art42.p2",
    "adopted.art61.p1", "adopted.art61.p2", "adopted.art61.p3", "adopted.art62.p2", "adopted.art63.p1",
    "adopted.art65.p1", "adopted.art65.p2", "adopted.art67.p1", "adopted.art69.p1", "adopted.art69.p2",
    "adopted.art69.p3", "adopted.art71.p1", "adopted.art71.i1", "adopted.art71.i2", "adopted.art71.i3",
    "adopted.art71.p2", "adopted.art73.p1", "adopted.art77.p1",
]


def test_adopted_units_have_stable_ids(decision):
    assert [u.id for u in decision.units() if u.source == "adopted"] == UNIT_IDS
    assert [u.id for u in decision.units() if u.source == "decision"] == \
        ["decision.order", *[f"decision.item{n}" for n in range(1, 15)], "decision.commencement",
         "decision.republication"]


def test_full_text_only_where_the_decision_gives_it(decision):
    full = {n for n, a in decision.articles.items() if a.full_text}
    assert full == {"3", "20", "61", "63", "65", "67", "69", "71", "73", "77"}
    assert decision.articles["64"].units == () and decision.articles["19"].units == ()


def test_furniture_and_line_breaks_are_not_in_any_unit(decision):
    for unit in decision.units():
        assert "公报" not in unit.text and "—" not in unit.text and "\n" not in unit.text
        assert not any(c in unit.text for c in ",;:()"), unit.id
    # a figure broken across a page ("五" / page furniture / "万元以下") is whole again
    assert "可以处一万元以上五万元以下罚款" in decision.unit("adopted.art61.p1").text


def test_clean_drops_page_numbers_and_running_head():
    lines = clean("处一万元以上五\n—\n2\n9\n7\n—\n 全国人民代表大会常务委员会公报2025·6 万元以下罚款;\n")
    assert "".join(lines) == "处一万元以上五万元以下罚款；"


def test_item_71_items_belong_to_paragraph_1(decision):
    units = decision.articles["71"].units
    assert [(u.paragraph, u.item) for u in units] == [(1, None), (1, 1), (1, 2), (1, 3), (2, None)]


def test_commencement_unit(decision):
    assert decision.unit("decision.commencement").text == "本决定自2026年1月1日起施行。"


def test_unknown_item_shape_raises():
    text = read_text().replace("删去第二", "去掉第二")
    with pytest.raises(ValueError, match="item 2"):
        parse(text)


def test_items_out_of_order_raise():
    text = read_text().replace("十四、将第七十五条", "十五、将第七十五条")
    with pytest.raises(ValueError):
        parse(text)


def test_zh_refs_expand_ranges_and_read_paragraphs_and_items():
    from assistant.document.refs_zh import find_zh_refs

    assert find_zh_refs("违反本法第二十四条第三款、第四十三条至第四十五条规定，第六十九条第一项") == [
        Ref("24", 3), Ref("43"), Ref("44"), Ref("45"), Ref("69", item=1)]


def test_order_unit_states_adoption_and_commencement(decision):
    text = decision.unit("decision.order").text
    assert text.startswith("中华人民共和国主席令第六十一号") and "2025年10月28日通过" in text
    assert text.endswith("自2026年1月1日起施行。")

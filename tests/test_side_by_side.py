"""The per-article side-by-side rows: draft English beside adopted Chinese, changed figures named."""

import pytest

from assistant.errors import UserError
from assistant.ui.side_by_side import articles, rows


def test_draft_61_beside_adopted_63_with_changed_figures():
    (row,) = rows("61")
    assert row.provision == "Draft Art. 61(1) -> Art. 63(1)"
    assert row.draft_text.startswith("Whoever, in violation of the provisions of Article 23")
    assert "并处二万元以上十万元以下罚款" in row.adopted_text
    assert "30,000 to 100,000 yuan (min: 30,000 yuan -> 20,000 yuan)" in row.changed
    assert "1 to 3 times the illegal gains (max: 3x -> 5x)" in row.changed


def test_draft_59_three_rows_one_change():
    got = rows("59")
    assert [r.provision for r in got] == ["Draft Art. 59(1) -> Art. 61(1)", "Draft Art. 59(2) -> Art. 61(2)",
                                          "Draft Art. 59(3) -> Art. 61(3)"]
    assert [len(r.changed) for r in got] == [0, 0, 1]


def test_renumber_only_article_shows_the_decision_item_and_new_figures():
    (row,) = rows("63")
    assert row.draft_unit is None and "does not reproduce" in row.draft_text
    assert "违反本法第二十八条规定" in row.adopted_text
    assert len(row.new_figures) == 3


def test_provision_without_counterpart():
    p2 = rows("72")[1]
    assert p2.adopted_units == () and p2.adopted_text == "" and p2.provision.endswith("-> none")


def test_every_offered_article_has_rows_and_unknown_raises():
    assert all(rows(a) for a in articles())
    with pytest.raises(UserError):
        rows("12")

"""The fine calculator: integers from the band table, one plain sentence, the threshold note once."""

from __future__ import annotations

import re

import pytest

from assistant.ui.calculator import calculate, multiple_bases, parse_amount


@pytest.mark.parametrize(("amount", "low", "high"), [
    (400_000, 400_000, 1_200_000), (100_001, 100_001, 300_003), (99_999, 30_000, 100_000), (0, 30_000, 100_000),
])
def test_article_61(table, amount: int, low: int, high: int) -> None:
    calc = calculate("61", amount, table)
    assert (calc.low, calc.high) == (low, high) and calc.basis == "illegal gains"
    sentence = calc.sentence()
    assert f"**{low:,} to {high:,} yuan**" in sentence and "Article 61, paragraph 1" in sentence
    assert sentence.count("100,000") <= 2 and not re.search(r"\d{4,}(?![\d,])", sentence.replace(",", "x"))
    assert "art61" not in sentence


def test_article_61_exact_threshold_is_silent_and_says_so_once(table) -> None:
    calc = calculate("61", 100_000, table)
    assert calc.low is None and calc.high is None and len(calc.bands) == 2
    sentence = calc.sentence()
    assert "silent" in sentence and sentence.count("silent") == 1 and "**" not in sentence


@pytest.mark.parametrize(("amount", "low", "high"), [
    (400_000, 400_000, 2_000_000), (100_000, 100_000, 500_000), (99_999, 20_000, 100_000), (0, 20_000, 100_000)])
def test_law_in_force_article_63_counts_the_threshold_itself(amount: int, low: int, high: int) -> None:
    """违法所得十万元以上 includes 100,000: the law in force decides the amount the draft was silent on."""
    from assistant.document import adopted_bands

    calc = calculate("63", amount, adopted_bands.table())
    assert (calc.low, calc.high) == (low, high)
    sentence = calc.sentence()
    assert "Article 63, paragraph 1" in sentence and "silent" not in sentence and "运营者" not in sentence
    assert ("reach 100,000" in sentence) is (amount == 100_000)


def test_article_67_with_the_individual_band(table) -> None:
    calc = calculate("67", 250_000, table)
    assert (calc.low, calc.high) == (250_000, 2_500_000) and calc.summary() == "250,000 to 2,500,000 yuan"
    assert "**250,000 to 2,500,000 yuan**" in calc.sentence() and "shall be imposed" in calc.sentence()
    assert calc.also() and "10,000 to 100,000 yuan" in calc.also()[0]


def test_bad_input(table) -> None:
    assert multiple_bases(table) == {"61": "illegal gains", "67": "procurement amount"}
    assert parse_amount("2,000,000") == parse_amount(" 2000000 ") == parse_amount("2 000 000 yuan") == 2_000_000
    for text in ("-5", "1.5", "lots", ""):
        with pytest.raises(ValueError):
            parse_amount(text)
    with pytest.raises(ValueError):
        calculate("61", -1, table)
    with pytest.raises(TypeError):
        calculate("61", 1.5, table)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        calculate("59", 1000, table)

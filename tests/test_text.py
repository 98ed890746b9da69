"""The one sentence splitter and the one number-list expander."""

from __future__ import annotations

import pytest

from assistant.document.corpus import load
from assistant.document.text import (
    PROVISION_STOPS,
    QUOTE_STOPS,
    expand_numbers,
    first_sentence,
    sentence_bounds,
    sentence_of,
    sentences,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("A fine applies. The operator pays.", ["A fine applies.", "The operator pays."]),
    ("See Art. 59 for this. No. 3 is next.", ["See Art. 59 for this.", "No. 3 is next."]),
    ("It says e.g. This stays.", ["It says e.g. This stays."]),
    ("one; two\nthree", ["one;", "two", "three"]),
    ("第一句。第二句；第三句", ["第一句。", "第二句；", "第三句"]),
    ("He said “stop.” Then left.", ["He said “stop.”", "Then left."]),
    ("a fine of 1.5 million yuan. next", ["a fine of 1.5 million yuan. next"]),  # a lower-case start continues
])
def test_answer_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_provisions_keep_semicolon_or_clauses_and_split_after_a_colon() -> None:
    text = "Where it violates Article 47; or violates Article 50, a fine applies. It may: (1) warn; (2) fine."
    assert sentences(text, PROVISION_STOPS) == [
        "Where it violates Article 47; or violates Article 50, a fine applies.", "It may:", "(1) warn;", "(2) fine."]
    assert sentences(text, QUOTE_STOPS) == [
        "Where it violates Article 47; or violates Article 50, a fine applies.", "It may: (1) warn;", "(2) fine."]


def test_bounds_and_sentence_of_agree() -> None:
    text = "First one. Second one; third\nfourth."
    bounds = sentence_bounds(text)
    assert bounds[0] == 0 and bounds == sorted(bounds)
    for start in bounds:
        assert text[start:].startswith(sentence_of(text, start))
    assert first_sentence(text) == "First one."


def test_every_corpus_sentence_is_a_substring() -> None:
    for unit in load().units():
        for stops in (PROVISION_STOPS, QUOTE_STOPS):
            parts = sentences(unit.text, stops)
            assert parts and all(p in unit.text for p in parts), unit.id


@pytest.mark.parametrize(("nums", "expected"), [
    ("59", [59]),
    ("33, 34, 36 and 38", [33, 34, 36, 38]),
    ("41 to 43", [41, 42, 43]),
    ("41-43", [41, 42, 43]),
    ("(1) and (2)", [1, 2]),
    ("5 to 2025", [5, 2025]),  # wider than MAX_RANGE: two numbers, not two thousand
    ("43 to 41", [43, 41]),
])
def test_expand_numbers(nums: str, expected: list[int]) -> None:
    assert expand_numbers(nums) == expected

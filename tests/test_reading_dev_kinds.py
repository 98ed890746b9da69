"""Kinds of misreading found by the dev probe set (evals/heldout/dev_2026_12.jsonl), each tested in
phrasings of our own that are in no question set."""

import pytest

from assistant.answering.reading import read_sentence
from assistant.document import vocabulary as L
from assistant.document.kinds import Subject, Tier


# -- 1. English words glued to Chinese characters (mixed questions) ----------------------------------------
@pytest.mark.parametrize("text", ["CII运营者拒不改正怎么罚", "这个CII的运营者", "关键的CII系统"])
def test_english_operator_words_next_to_chinese_are_read(text):
    assert read_sentence(text).cii is True


@pytest.mark.parametrize("text, subject", [
    ("CEO的罚款是多少", Subject.INDIVIDUAL), ("对managers处多少罚款", Subject.INDIVIDUAL),
    ("vendor要罚多少", Subject.ENTITY)])
def test_subject_words_next_to_chinese_are_read(text, subject):
    assert subject in L.subjects(text)


def test_tier_words_next_to_chinese_are_read():
    assert Tier.REFUSES_OR_SERIOUS in read_sentence("运营者refused改正，罚多少？").tiers
    assert Tier.PARTICULARLY_SERIOUS in read_sentence("如果total loss of main functions了呢").tiers


@pytest.mark.parametrize("text", ["identity theft", "recidivist", "subcontractor"])
def test_boundaries_still_hold_inside_english_words(text):
    assert not L.ENTITY_RE.search(text) and not L.CII.search(text)

import pytest

from assistant.document.numerals import chinese_to_int, english_word_to_int
from assistant.document.refs import Ref, find_refs


@pytest.mark.parametrize("text,value", [
    ("五万", 50_000), ("二百万", 2_000_000), ("一千万", 10_000_000), ("200万", 2_000_000),
    ("六十九", 69), ("十", 10), ("十五", 15), ("五十九", 59), ("一百万", 1_000_000),
    ("三千", 3000), ("1.5万", 15_000), ("两万", 20_000), ("一亿", 100_000_000),
])
def test_chinese(text, value):
    assert chinese_to_int(text) == value


def test_chinese_rejects_garbage():
    with pytest.raises(ValueError):
        chinese_to_int("abc")


def test_english_words():
    assert english_word_to_int("Three") == 3 and english_word_to_int("ten") == 10
    assert english_word_to_int("many") is None


def test_refs_shapes():
    got = [m.refs for m in find_refs("Articles 33, 34, 36 and 38; Articles 41 to 43; "
                                     "Items (1) and (2) of Article 60; Paragraph 3 of Article 59; Art. 59(3)")]
    assert got == [
        (Ref("33"), Ref("34"), Ref("36"), Ref("38")),
        (Ref("41"), Ref("42"), Ref("43")),
        (Ref("60", item=1), Ref("60", item=2)),
        (Ref("59", paragraph=3),),
        (Ref("59", paragraph=3),),
    ]

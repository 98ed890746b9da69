"""Claim extraction: every listed form, exact spans, typed integer values."""

import pytest

from assistant.checking.claims import extract_claims
from assistant.document.refs import Ref


def only(text, kind=None):
    claims = extract_claims(text)
    for c in claims:
        assert text[c.start:c.end] == c.text
        assert c.sentence[0] <= c.start < c.end <= c.sentence[1]
    if kind is not None:
        claims = [c for c in claims if c.kind == kind]
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize("text,claim_text,value", [
    ("a fine of 50,000 yuan", "50,000 yuan", 50_000),
    ("a fine of RMB 500,000", "RMB 500,000", 500_000),
    ("a fine of ¥2,000,000", "¥2,000,000", 2_000_000),
    ("a fine of CNY 1m", "CNY 1m", 1_000_000),
    ("a fine of 2 million yuan", "2 million yuan", 2_000_000),
    ("a fine of RMB 10 million", "RMB 10 million", 10_000_000),
    ("about 500k", "500k", 500_000),
    ("about 1.5 million", "1.5 million", 1_500_000),
    ("exactly 10,000,000", "10,000,000", 10_000_000),
    ("five million yuan", "five million yuan", 5_000_000),
    ("500,000 RMB", "500,000 RMB", 500_000),
    ("处五万元罚款", "五万元", 50_000),
    ("处200万元罚款", "200万元", 2_000_000),
    ("处一千万元罚款", "一千万元", 10_000_000),
    ("处1.5万元罚款", "1.5万元", 15_000),
    ("人民币二十万元", "人民币二十万元", 200_000),
])
def test_amounts(text, claim_text, value):
    c = only(text, "amount")
    assert (c.text, c.value) == (claim_text, value)
    assert type(c.value) is int


@pytest.mark.parametrize("text,claim_text,value", [
    ("a fine of 50,000 to 500,000 yuan", "50,000 to 500,000 yuan", (50_000, 500_000)),
    ("a fine of 50,000–500,000 yuan", "50,000–500,000 yuan", (50_000, 500_000)),
    ("a fine of 50,000-500,000 yuan", "50,000-500,000 yuan", (50_000, 500_000)),
    ("a fine of RMB 50,000–500,000", "RMB 50,000–500,000", (50_000, 500_000)),
    ("between 50,000 and 500,000 yuan", "between 50,000 and 500,000 yuan", (50_000, 500_000)),
    ("a fine of not less than 10,000 yuan but not more than 50,000 yuan",
     "not less than 10,000 yuan but not more than 50,000 yuan", (10_000, 50_000)),
    ("from 10,000 up to 50,000 yuan", "from 10,000 up to 50,000 yuan", (10_000, 50_000)),
    ("0.5 million to 2 million yuan", "0.5 million to 2 million yuan", (500_000, 2_000_000)),
    ("2 to 10 million yuan", "2 to 10 million yuan", (2_000_000, 10_000_000)),
    ("500,000 to 2 million yuan", "500,000 to 2 million yuan", (500_000, 2_000_000)),
    ("RMB 0.5m–2m", "RMB 0.5m–2m", (500_000, 2_000_000)),
    ("RMB 50k–200k", "RMB 50k–200k", (50_000, 200_000)),
    ("处二百万元以上一千万元以下罚款", "二百万元以上一千万元以下", (2_000_000, 10_000_000)),
    ("处5万元以上50万元以下罚款", "5万元以上50万元以下", (50_000, 500_000)),
    ("处二十万至一百万元罚款", "二十万至一百万元", (200_000, 1_000_000)),
])
def test_ranges_consume_both_numbers(text, claim_text, value):
    claims = extract_claims(text)
    assert [(c.kind, c.text, c.value) for c in claims] == [("range", claim_text, value)]


@pytest.mark.parametrize("text,claim_text,side,amount", [
    ("fines of up to 5,000,000 yuan", "up to 5,000,000 yuan", "upper", 5_000_000),
    ("a maximum of 1 million yuan", "a maximum of 1 million yuan", "upper", 1_000_000),
    ("at least 200,000 yuan", "at least 200,000 yuan", "lower", 200_000),
    ("at most 3m", "at most 3m", "upper", 3_000_000),
    ("not more than 100,000 yuan", "not more than 100,000 yuan", "upper", 100_000),
    ("not less than 100,000 yuan", "not less than 100,000 yuan", "lower", 100_000),
    ("最高一千万元", "最高一千万元", "upper", 10_000_000),
    ("十万元以下", "十万元以下", "upper", 100_000),
])
def test_bounds(text, claim_text, side, amount):
    c = only(text, "bound")
    assert (c.text, c.side, c.value) == (claim_text, side, {"side": side, "amount": amount})


@pytest.mark.parametrize("text,claim_text,lo,hi,basis", [
    ("one to three times the illegal gains", "one to three times the illegal gains", 1, 3, "illegal gains"),
    ("1-3 times.", "1-3 times", 1, 3, None),
    ("1–10x the procurement amount", "1–10x the procurement amount", 1, 10, "procurement amount"),
    ("not less than one time but not more than ten times the procurement amount",
     "not less than one time but not more than ten times the procurement amount", 1, 10, "procurement amount"),
    ("处违法所得一倍以上三倍以下罚款", "一倍以上三倍以下", 1, 3, "illegal gains"),
    ("处一倍以上十倍以下罚款", "一倍以上十倍以下", 1, 10, None),
    ("1 to 3 times their annual salary, right?", "1 to 3 times their annual salary", 1, 3, "annual salary"),
])
def test_multiple_ranges(text, claim_text, lo, hi, basis):
    c = only(text, "multiple_range")
    assert (c.text, c.value, c.basis) == (claim_text, {"min": lo, "max": hi, "basis": basis}, basis)


def test_single_multiple_with_bound():
    c = only("up to three times the illegal gains", "multiple")
    assert (c.value, c.side) == ({"times": 3, "basis": "illegal gains"}, "upper")
    assert only("200 times higher than the base fine", "multiple").value == {"times": 200, "basis": None}


@pytest.mark.parametrize("text,kind,value", [
    ("in 2017", "year", 2017),
    ("since 2021.", "year", 2021),
    ("In September 2023", "date", {"year": 2023, "month": 9, "day": None}),
    ("on 28 October 2025", "date", {"year": 2025, "month": 10, "day": 28}),
    ("from 1 January 2026", "date", {"year": 2026, "month": 1, "day": 1}),
    ("on October 28, 2025", "date", {"year": 2025, "month": 10, "day": 28}),
    ("on 2025-10-28", "date", {"year": 2025, "month": 10, "day": 28}),
    ("于2025年10月28日通过", "date", {"year": 2025, "month": 10, "day": 28}),
    ("2025年3月", "date", {"year": 2025, "month": 3, "day": None}),
    ("自2017年施行", "year", 2017),
])
def test_years_and_dates(text, kind, value):
    c = only(text)
    assert (c.kind, c.value) == (kind, value)


@pytest.mark.parametrize("text,claim_text,refs,old", [
    ("see Article 59.", "Article 59", (Ref("59"),), False),
    ("see Art. 59(3).", "Art. 59(3)", (Ref("59", 3),), False),
    ("see Article 59, paragraph 3.", "Article 59, paragraph 3", (Ref("59", 3),), False),
    ("see Paragraph 3 of Article 59.", "Paragraph 3 of Article 59", (Ref("59", 3),), False),
    ("see Article 71, item (3).", "Article 71, item (3)", (Ref("71", None, 3),), False),
    ("see the third paragraph of Article 69.", "third paragraph of Article 69", (Ref("69", 3),), False),
    ("see Items (1) and (2) of Article 60.", "Items (1) and (2) of Article 60",
     (Ref("60", None, 1), Ref("60", None, 2)), False),
    ("see Articles 41 to 43.", "Articles 41 to 43", (Ref("41"), Ref("42"), Ref("43")), False),
    ("see Articles 33, 34, 36 and 38.", "Articles 33, 34, 36 and 38", (Ref("33"), Ref("34"), Ref("36"), Ref("38")),
     False),
    ("see old Article 65.", "old Article 65", (Ref("65"),), True),
    ("see Article 65 of the current law.", "Article 65 of the current law", (Ref("65"),), True),
    ("见第五十九条第三款。", "第五十九条第三款", (Ref("59", 3),), False),
    ("见第七十一条第三项。", "第七十一条第三项", (Ref("71", None, 3),), False),
    ("见原第六十五条。", "原第六十五条", (Ref("65"),), True),
])
def test_article_citations(text, claim_text, refs, old):
    c = only(text, "article")
    assert (c.text, c.refs, c.old) == (claim_text, refs, old)


@pytest.mark.parametrize("text,claim_text,unit", [
    ("see amendment item 4.", "amendment item 4", "amend.4"),
    ("[Amendment item 8]", "Amendment item 8", "amend.8"),
    ("(Explanation, section 1)", "Explanation, section 1", "expl.1"),
    ("The Explanation (3(1) Legal Liabilities) says", "Explanation (3(1)", "expl.3.1"),
    ("see section 3(2) of the Explanation", "section 3(2)", "expl.3.2"),
    ("见说明第二部分", "说明第二部分", "expl.2"),
    ("[art59.p3]", "[art59.p3]", "art59.p3"),
])
def test_unit_citations(text, claim_text, unit):
    c = only(text, "article")
    assert (c.text, c.unit) == (claim_text, unit)


def test_citation_does_not_swallow_a_following_amount():
    claims = extract_claims("Under Article 69, 500,000 to 2,000,000 yuan applies.")
    assert [(c.kind, c.text) for c in claims] == [("article", "Article 69"), ("range", "500,000 to 2,000,000 yuan")]


@pytest.mark.parametrize("text,claim_text,value,noun", [
    ("the four key points", "four key points", 4, "key points"),
    ("it has 3 paragraphs", "3 paragraphs", 3, "paragraphs"),
    ("the eight amendment items", "eight amendment items", 8, "amendment items"),
    ("four main contents", "four main contents", 4, "main contents"),
    ("the preceding two paragraphs", "two paragraphs", 2, "paragraphs"),
    ("分为四个方面", "四个方面", 4, "方面"),
])
def test_counts(text, claim_text, value, noun):
    c = only(text, "count")
    assert (c.text, c.value, c.noun) == (claim_text, value, noun)


@pytest.mark.parametrize("text,claim_text,value", [("5%", "5%", 5), ("5 percent", "5 percent", 5),
                                                   ("2.5%", "2.5%", "2.5"), ("百分之五", "百分之五", 5)])
def test_percentages(text, claim_text, value):
    c = only(text, "percent")
    assert (c.text, c.value) == (claim_text, value)


def test_other_numbers_are_claims_too():
    claims = extract_claims("the 14th National People's Congress and (1) the list; 123456789012345678901")
    assert [(c.kind, c.text) for c in claims] == [("number", "14th"), ("number", "1"),
                                                   ("number", "123456789012345678901")]


def test_basis_and_comparison_are_read():
    gains = only("with illegal gains of 400,000 yuan", "amount")
    bought = only("bought 2 million yuan worth of products", "amount")
    made = only("made 400,000 yuan in illegal gains", "amount")
    cn = only("采购金额200万", "amount")
    limit = only("if the illegal gains exceed 100,000 yuan", "amount")
    assert (gains.basis, bought.basis, made.basis, cn.basis) == (
        "illegal gains", "procurement amount", "illegal gains", "procurement amount")
    assert (limit.basis, limit.compare) == (None, "above")
    assert only("are less than 100,000 yuan", "amount").compare == "below"


def test_sentences_do_not_split_at_abbreviations():
    text = "Under Art. 59(3), a fine of 2,000,000 to 10,000,000 yuan. Next sentence 2017."
    art, rng, year = extract_claims(text)
    assert art.sentence == rng.sentence != year.sentence
    assert text[rng.sentence[0]:rng.sentence[1]].startswith("Under Art. 59(3)")


def test_lead_example_sentences_extract_cleanly():
    text = ("Article 67 (old Article 65): a fine of 1 to 10 times the procurement amount; for a procurement amount "
            "of 2,000,000 yuan that is 2,000,000 to 20,000,000 yuan, plus 10,000 to 100,000 yuan on the directly "
            "responsible persons-in-charge and other directly liable personnel.")
    got = [(c.kind, c.text) for c in extract_claims(text)]
    assert got == [("article", "Article 67"), ("article", "old Article 65"),
                   ("multiple_range", "1 to 10 times the procurement amount"), ("amount", "2,000,000 yuan"),
                   ("range", "2,000,000 to 20,000,000 yuan"), ("range", "10,000 to 100,000 yuan")]


def test_empty_and_numberless_text():
    assert extract_claims("") == []
    assert extract_claims("No figures here, only one of the provisions.") == []


def test_list_enumerators_are_formatting_not_claims():
    text = "Key fines:\n1. Under Article 59(3) ...\n2) Next\n### 3. Heading\n- (4) item\nIn 2017. 5 paragraphs"
    got = [(c.kind, c.text) for c in extract_claims(text)]
    assert got == [("article", "Article 59(3)"), ("year", "2017"), ("count", "5 paragraphs")]


def test_article_lists_carry_their_own_paragraphs():
    (c,) = extract_claims("in Articles 59(3) and 69(2).")
    assert (c.text, c.refs) == ("Articles 59(3) and 69(2)", (Ref("59", 3), Ref("69", 2)))
    (c,) = extract_claims("Art. 71(1)(3)")
    assert c.refs == (Ref("71", 1, 3),)

"""The adopted law's bands against a golden table checked by hand against the Chinese text."""

import pytest

from assistant.document.adopted_bands import AdoptedBand, bands_in_unit, entity_who, table
from assistant.document.decision import load
from assistant.document.kinds import Version

OP, CII, IND = "网络运营者", "关键信息基础设施的运营者", "直接负责的主管人员和其他直接责任人员"
SELLER, CERT = "销售或者提供", "开展网络安全认证"
GOLDEN = [
    # article, paragraph, who (starts with), subject, tier, shall?, min, max, basis
    ("61", 1, OP, "entity", "base", False, 10_000, 50_000, None),
    ("61", 1, OP, "entity", "refuses_or_serious", True, 50_000, 500_000, None),
    ("61", 1, IND, "individual", "refuses_or_serious", True, 10_000, 100_000, None),
    ("61", 2, CII, "entity", "base", False, 50_000, 100_000, None),
    ("61", 2, CII, "entity", "refuses_or_serious", True, 100_000, 1_000_000, None),
    ("61", 2, IND, "individual", "refuses_or_serious", True, 10_000, 100_000, None),
    ("61", 3, OP + "或者" + CII, "entity", "serious", True, 500_000, 2_000_000, None),
    ("61", 3, IND, "individual", "serious", True, 50_000, 200_000, None),
    ("61", 3, OP + "或者" + CII, "entity", "particularly_serious", True, 2_000_000, 10_000_000, None),
    ("61", 3, IND, "individual", "particularly_serious", True, 200_000, 1_000_000, None),
    ("63", 1, SELLER, "entity", "base", True, 20_000, 100_000, None),
    ("63", 1, SELLER, "entity", "base", True, 1, 5, "illegal gains"),
    ("65", 1, CERT, "entity", "base", False, 10_000, 100_000, None),
    ("65", 1, CERT, "entity", "refuses_or_serious", True, 100_000, 1_000_000, None),
    ("65", 1, IND, "individual", "refuses_or_serious", True, 10_000, 100_000, None),
    ("67", 1, CII, "entity", "base", True, 1, 10, "procurement amount"),
    ("67", 1, IND, "individual", "base", True, 10_000, 100_000, None),
    ("69", 1, OP, "entity", "base", False, 50_000, 500_000, None),
    ("69", 1, OP, "entity", "refuses_or_serious", True, 500_000, 2_000_000, None),
    ("69", 1, IND, "individual", "refuses_or_serious", True, 50_000, 200_000, None),
    ("69", 2, OP, "entity", "particularly_serious", True, 2_000_000, 10_000_000, None),
    ("69", 2, IND, "individual", "particularly_serious", True, 200_000, 1_000_000, None),
]


@pytest.fixture(scope="module")
def adopted():
    return table()


def test_every_band_matches_the_golden_table(adopted):
    got = [(b.article, b.paragraph, b.subject, b.tier, b.mandatory, b.min, b.max, b.basis) for b in adopted.bands]
    assert got == [(a, p, s, t, m, lo, hi, basis) for a, p, _, s, t, m, lo, hi, basis in GOLDEN]
    for band, row in zip(adopted.bands, GOLDEN, strict=True):
        assert band.who.startswith(row[2]), band.id


def test_every_band_is_adopted_and_typed(adopted):
    for band in adopted.bands:
        assert isinstance(band, AdoptedBand) and band.version is Version.ADOPTED
        assert type(band.min) is int and type(band.max) is int and band.min < band.max
        assert band.id.startswith(band.unit_id + ".f")


def test_every_quote_is_in_its_unit(adopted):
    decision = load()
    for band in adopted.bands:
        assert band.quote in decision.unit(band.unit_id).text


def test_article_63_thresholds(adopted):
    amount, multiple = adopted.for_article("63")
    assert (amount.threshold, amount.threshold_rule) == (100_000, "below_or_none")
    assert (multiple.threshold, multiple.threshold_rule) == (100_000, "at_or_above")
    assert amount.condition == "没有违法所得或者违法所得不足十万元"


def test_references_apply_article_61_paragraph_3_and_the_preceding_two(adopted):
    got = [(r.article, r.paragraph, r.target_article, r.target_paragraphs) for r in adopted.references]
    assert got == [("62", 2, "61", (3,)), ("65", 2, "61", (3,)), ("69", 3, "69", (1, 2))]
    assert {b.id for b in adopted.effective_for("62")} == {f"adopted.art61.p3.f{k}" for k in range(1, 5)}


def test_working_english_for_who(adopted):
    assert adopted.bands[0].who_en == "network operator"
    assert adopted.bands[6].who_en == "network operator or operator of critical information infrastructure"
    assert all(b.who_en.startswith("directly responsible") for b in adopted.bands if b.subject == "individual")


@pytest.mark.parametrize(("text", "mandatory"), [
    ("网络运营者不履行义务的，可以处一万元以上五万元以下罚款。", False),
    ("网络运营者不履行义务的，并可以处一万元以上五万元以下罚款。", False),
    ("网络运营者不履行义务的，并处一万元以上五万元以下罚款。", True),
    ("网络运营者不履行义务的，处一万元以上五万元以下罚款。", True),
])
def test_may_and_shall_from_the_chinese_modal(text, mandatory):
    (band,) = bands_in_unit("u", "1", 1, text, "网络运营者")
    assert band.mandatory is mandatory and (band.min, band.max) == (10_000, 50_000)


def test_unknown_party_raises():
    with pytest.raises(ValueError):
        entity_who("任何人处一万元以上五万元以下罚款。", [])

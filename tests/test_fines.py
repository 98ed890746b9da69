"""The golden band table, checked by hand against the text."""

import pytest

from assistant.document.fines import bands_in_unit

GOLDEN = [
    # article, paragraph, kind, subject, tier, min, max, basis, mandatory
    ("59", 1, "amount", "entity", "base", 10_000, 50_000, None, False),
    ("59", 1, "amount", "entity", "refuses_or_serious", 50_000, 500_000, None, True),
    ("59", 1, "amount", "individual", "refuses_or_serious", 10_000, 100_000, None, True),
    ("59", 2, "amount", "entity", "base", 50_000, 100_000, None, False),
    ("59", 2, "amount", "entity", "refuses_or_serious", 100_000, 1_000_000, None, True),
    ("59", 2, "amount", "individual", "refuses_or_serious", 10_000, 100_000, None, True),
    ("59", 3, "amount", "entity", "serious", 500_000, 2_000_000, None, True),
    ("59", 3, "amount", "individual", "serious", 50_000, 200_000, None, False),
    ("59", 3, "amount", "entity", "particularly_serious", 2_000_000, 10_000_000, None, True),
    ("59", 3, "amount", "individual", "particularly_serious", 200_000, 1_000_000, None, True),
    ("61", 1, "multiple", "entity", "base", 1, 3, "illegal gains", False),
    ("61", 1, "amount", "entity", "base", 30_000, 100_000, None, False),
    ("67", 1, "multiple", "entity", "base", 1, 10, "procurement amount", True),
    ("67", 1, "amount", "individual", "base", 10_000, 100_000, None, True),
    ("69", 1, "amount", "entity", "base", 50_000, 500_000, None, False),
    ("69", 1, "amount", "entity", "refuses_or_serious", 500_000, 2_000_000, None, True),
    ("69", 1, "amount", "individual", "refuses_or_serious", 50_000, 200_000, None, False),
    ("69", 2, "amount", "entity", "particularly_serious", 2_000_000, 10_000_000, None, True),
    ("69", 2, "amount", "individual", "particularly_serious", 200_000, 1_000_000, None, False),
]


def test_every_band_matches_the_golden_table(table):
    got = [(b.article, b.paragraph, b.kind, b.subject, b.tier, b.min, b.max, b.basis, b.mandatory)
           for b in table.bands]
    assert got == GOLDEN


def test_amounts_are_integers_and_ordered(table):
    for band in table.bands:
        assert type(band.min) is int and type(band.max) is int
        assert band.min < band.max


def test_every_quote_is_in_its_unit_and_states_the_figures(corpus, table):
    for band in table.bands:
        unit = corpus.unit(band.unit_id)
        assert band.quote in unit.text
        if band.kind == "amount":
            assert f"{band.min:,} yuan" in band.quote and f"{band.max:,} yuan" in band.quote


def test_article_61_threshold(table):
    multiple, amount = table.for_article("61")
    assert (multiple.threshold, multiple.threshold_rule) == (100_000, "above")
    assert (amount.threshold, amount.threshold_rule) == (100_000, "below_or_none")
    assert multiple.condition == "If the illegal gains exceed 100,000 yuan"


def test_individual_bands_name_the_persons(table):
    for band in table.bands:
        assert ("directly responsible" in band.who) == (band.subject == "individual")
    assert table.for_article("59")[7].who.startswith("directly responsible persons-in-charge and other")


def test_references_are_recorded(table):
    refs = {(r.article, r.paragraph, r.target_article, r.target_paragraphs) for r in table.references}
    assert refs == {("64", 1, "59", (3,)), ("69", 3, "69", (1, 2))}
    assert [b.id for b in table.effective_for("64")] == [b.id for b in table.bands if b.unit_id == "art59.p3"]
    assert len(table.effective_for("69")) == 5


def test_maximum_fine(table):
    assert table.maximum().max == 10_000_000
    assert table.maximum("individual").max == 1_000_000


def test_band_ids_are_unique_and_stable(table):
    ids = [b.id for b in table.bands]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "art59.p1.f1" and ids[-1] == "art69.p2.f2"


def test_parser_reads_an_unseen_paragraph():
    from assistant.document.corpus import Unit

    unit = Unit("art99.p1", "paragraph", "amendment", "t",
                "Where a network operator fails to act, the competent authorities may impose a fine of not less "
                "than 20,000 yuan but not more than 80,000 yuan.", "99", 1)
    (band,) = bands_in_unit(unit)
    assert (band.min, band.max, band.mandatory, band.subject) == (20_000, 80_000, False, "entity")


def test_parser_refuses_a_fine_without_modal():
    from assistant.document.corpus import Unit

    unit = Unit("art99.p1", "paragraph", "amendment", "t",
                "Where a network operator fails to act, a fine of not less than 1 yuan but not more than 2 yuan.",
                "99", 1)
    with pytest.raises(ValueError):
        bands_in_unit(unit)

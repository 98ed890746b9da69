"""The adopted-law answerer: which version, which article, which figures, and that every figure checks."""

import pytest

from assistant.answering.adopted import answer, note_for_draft_answer
from assistant.answering.adopted_reading import read, read_version, targets
from assistant.document.kinds import Subject, Tier, Version, Want


@pytest.mark.parametrize(("question", "version"), [
    ("Under the law in force, what is the fine for X?", Version.ADOPTED),
    ("现行网络安全法第六十三条", Version.ADOPTED),
    ("What changed from the draft?", Version.ADOPTED),
    ("When does the amendment take effect?", Version.ADOPTED),
    ("Under the draft, what is the fine?", Version.DRAFT),
    ("What changes does the draft make to Article 65?", Version.DRAFT),
    ("What is the fine under Article 59?", None),
])
def test_read_version(question, version):
    assert read_version(question) is version


def test_frame_reads_who_tier_and_wants():
    frame = read("Under the law in force, what can managers be fined if a massive data leak follows?")
    assert frame.subjects == {Subject.INDIVIDUAL} and Tier.SERIOUS in frame.tiers and Want.HOW_MUCH in frame.wants


def test_targets_translate_draft_and_old_numbers():
    assert [t.adopted for t in targets("draft Article 59 in the law in force", False)] == ["61"]
    assert [t.adopted for t in targets("old Article 65", False)] == ["67"]
    assert [t.adopted for t in targets("第六十九条", False)] == ["69"]
    assert [(t.adopted, t.draft) for t in targets("How did Article 64 change?", True)] == [("62", "64"), ("65", "64")]


def _figures(a):
    return [c["value"] for c in a.claims if c["kind"] == "range"]


def test_in_force_fine_answer_quotes_chinese_and_notes_the_draft():
    a = answer("现行网络安全法对销售未经安全认证的网络关键设备，没有违法所得的，罚款多少？")
    assert a.ok and not a.refused and "二万元以上十万元以下" in a.text
    assert [20000, 100000] in _figures(a) and "Draft: Article 61(1) had 30,000 to 100,000 yuan" in a.text
    assert all(c["verdict"] == "verified" for c in a.claims)


def test_gains_at_the_threshold_take_the_multiple():
    a = answer("Under the law in force, what fine applies when a seller's illegal gains are exactly 100,000 yuan?")
    assert "1 to 5 times the illegal gains" in a.text and "20,000 to 100,000" not in a.text


def test_untouched_article_is_not_in_these_documents():
    a = answer("Under the law in force, what does Article 30 say?")
    assert a.refused and "not in these documents" in a.text and a.ok


def test_what_changed_overview_lists_the_changed_figures_and_only_them():
    a = answer("What are all the changes in fines between the draft and the adopted law?")
    assert a.ok and "30,000 to 100,000 yuan" in a.text and "20,000 to 100,000 yuan" in a.text
    assert "Unchanged" not in a.text


def test_individuals_overview_is_limited_to_individual_rows():
    a = answer("What changed from the draft for fines on individuals?")
    assert "(individual," in a.text and "(entity," not in a.text


def test_note_for_a_draft_answer():
    assert note_for_draft_answer(["art61.p1"]) == (
        "Law in force (from 1 January 2026): draft Article 61 is Article 63 of the law in force, figures changed "
        "(1 to 3 times the illegal gains -> 1 to 5 times the illegal gains; 30,000 to 100,000 yuan -> 20,000 to "
        "100,000 yuan).")
    assert "same fine figures" in note_for_draft_answer(["art67.p1"])
    assert note_for_draft_answer(["expl.1"]) is None


def _bands_shown(a) -> set[tuple[int, int]]:
    """The (min, max) of every band line of an adopted answer (not the quotes of the official text)."""
    import re

    lines = [line for line in a.text.splitlines() if line.startswith("- Article")]
    return {(int(m.group(1).replace(",", "")), int(m.group(2).replace(",", "")))
            for line in lines for m in [re.search(r"a fine of ([\d,]+) to ([\d,]+) yuan", line)] if m}


@pytest.mark.parametrize(("question", "shown", "not_shown"), [
    # which operator: the CII paragraph, not the ordinary operator's (and the reverse)
    ("Under the law in force, a critical information infrastructure operator keeps ignoring the order to put "
     "things right: what fine?", {(100_000, 1_000_000)}, {(50_000, 500_000), (10_000, 50_000)}),
    ("现行法律下，普通网络运营者拒不改正的，罚款多少？", {(50_000, 500_000)}, {(100_000, 1_000_000)}),
    # negation and a stated compliance: the mildest tier left, for that operator only
    ("In the law now in force, our CII operator never refused to correct and no harm came of it. Fine?",
     {(50_000, 100_000)}, {(100_000, 1_000_000), (500_000, 2_000_000), (10_000, 50_000)}),
    # who pays: the persons' band alone when only the persons are asked about
    ("Under the adopted law, what can the responsible executives personally be fined when a CII operator "
     "refuses to rectify?", {(10_000, 100_000)}, {(100_000, 1_000_000), (50_000, 500_000)}),
])
def test_in_force_bands_follow_the_shared_question_reader(question, shown, not_shown):
    """The law in force is read by the same reader as the draft: operator kind, negation, compliance, who pays."""
    a = answer(question)
    bands = _bands_shown(a)
    assert shown <= bands, a.text
    assert not bands & not_shown, a.text
    assert all(c["verdict"] == "verified" for c in a.claims)


@pytest.mark.parametrize(("question", "opening"), [
    ("Under the law in force, what can a CII operator be fined if it refuses to put things right?",
     "Under Article 61(2) of the law in force, a fine of 100,000 to 1,000,000 yuan shall be imposed on the operator"),
    ("现行法律下，销售未经安全认证的网络关键设备、没有违法所得的，罚多少？",
     "Under Article 63(1) of the law in force, a fine of 20,000 to 100,000 yuan shall be imposed on whoever sells"),
    ("Since when is the amended law in force?", "The amendment was adopted on 28 October 2025 and is in force from"),
])
def test_the_first_sentence_answers_and_the_version_line_comes_after(question, opening):
    """The answer opens with the answer (the band, or the dates), not with a header; the line saying which text it
    is about closes it, and the app shows the same above the answer."""
    a = answer(question)
    lines = a.text.splitlines()
    assert lines[0].startswith(opening), a.text
    assert any(line.startswith("Law in force: the Cybersecurity Law as amended") for line in lines[1:])
    assert all(c["verdict"] == "verified" for c in a.claims)


@pytest.mark.parametrize("question", [
    "Under the amended Cybersecurity Law now in effect, what is the fine when a breach leaks masses of data?",
    "What does the law currently in effect fine a CII operator that won't fix its problems?",
    "修订后的网络安全法对拒不改正的网络运营者怎么罚？",
    "Is the amendment in effect yet?",
])
def test_in_effect_and_the_amended_law_name_the_law_in_force(question):
    assert read_version(question) is Version.ADOPTED


def test_in_effect_as_a_figure_of_speech_is_not_the_law_in_force():
    assert read_version("In effect, what does the draft change about fines?") is Version.DRAFT

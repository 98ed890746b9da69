"""The checker knows the version: law-in-force figures against the adopted bands, draft figures against the draft."""

import pytest

from assistant.checking.checker import check_answer
from assistant.checking.versioned import check_versioned, in_force_verdicts, line_version
from assistant.document.kinds import Verdict, Version

IN_FORCE = "Under the law in force, "


@pytest.mark.parametrize(("text", "verdict"), [
    (IN_FORCE + "Article 63 fines a seller with no illegal gains 20,000 to 100,000 yuan.", Verdict.VERIFIED),
    (IN_FORCE + "Article 63 fines a seller with no illegal gains 30,000 to 100,000 yuan.", Verdict.CONTRADICTED),
    (IN_FORCE + "Article 63 allows 1 to 5 times the illegal gains.", Verdict.VERIFIED),
    (IN_FORCE + "Article 63 allows 1 to 3 times the illegal gains.", Verdict.CONTRADICTED),
    (IN_FORCE + "Article 61(3) sets 2,000,000 to 10,000,000 yuan.", Verdict.VERIFIED),
    (IN_FORCE + "Article 61(3) sets 3,000,000 to 10,000,000 yuan.", Verdict.UNSUPPORTED),
    (IN_FORCE + "Article 67 sets 1 to 10 times the procurement amount.", Verdict.VERIFIED),
    (IN_FORCE + "Article 65 sets up to 1,000,000 yuan.", Verdict.VERIFIED),
])
def test_law_in_force_figures(text, verdict):
    (figure,) = [c for c in check_versioned(text).claims if c.claim.kind != "article"]
    assert figure.verdict is verdict and figure.version is Version.ADOPTED


def test_contradiction_names_the_adopted_figure():
    (figure,) = [c for c in check_versioned(IN_FORCE + "Article 63: 30,000 to 100,000 yuan.").claims
                 if c.claim.kind == "range"]
    assert "20,000 to 100,000 yuan" in figure.correction and "63(1)" in figure.correction


def test_draft_lines_are_checked_against_the_draft():
    report = check_versioned("The draft's Article 61(1) set 30,000 to 100,000 yuan.")
    assert report.ok and {c.version for c in report.claims} == {Version.DRAFT}


def test_arrow_reads_draft_then_law_in_force():
    report = check_versioned("Draft cross-references renumbered: Art. 21 -> Art. 23, Art. 25 -> Art. 27.")
    assert [(c.claim.text, c.version) for c in report.claims] == [
        ("Art. 21", Version.DRAFT), ("Art. 23", Version.ADOPTED), ("Art. 25", Version.DRAFT),
        ("Art. 27", Version.ADOPTED)]
    assert report.ok


def test_verbatim_chinese_quote_is_verified_and_a_changed_one_is_not():
    good = check_versioned(IN_FORCE + "Article 63: 「违法所得十万元以上的，并处违法所得一倍以上五倍以下罚款」")
    bad = check_versioned(IN_FORCE + "Article 63: 「违法所得十万元以上的，并处违法所得一倍以上三倍以下罚款」")
    assert good.ok and not bad.ok


def test_dates_of_the_decision():
    assert check_versioned("The law in force applies from 1 January 2026.").ok
    assert not check_versioned("The law in force applies from 1 March 2026.").ok


def test_line_version():
    assert line_version("Under the draft, ...", Version.ADOPTED) is Version.DRAFT
    assert line_version("现行法律第六十三条", Version.DRAFT) is Version.ADOPTED
    assert line_version("Article 59(3) sets ...", Version.DRAFT) is Version.DRAFT


def test_general_checker_contradicts_a_draft_figure_presented_as_the_law_in_force():
    report = check_answer(IN_FORCE + "selling uncertified critical network equipment with no illegal gains is fined "
                          "30,000 to 100,000 yuan (Article 63).")
    (figure,) = [c for c in report.claims if c.claim.kind == "range"]
    assert figure.verdict == "contradicted" and "20,000 to 100,000 yuan" in figure.correction


def test_general_checker_leaves_draft_sentences_alone():
    assert check_answer("Under Article 61 of the draft, the fine is 30,000 to 100,000 yuan.").ok
    assert in_force_verdicts("This is the draft, not the law in force: Article 61 sets 30,000 to 100,000 yuan.") == {}

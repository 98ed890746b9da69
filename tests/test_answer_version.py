"""Every answer says which text it is about, read off its citations: the draft never passes for the law in force."""

from __future__ import annotations

from dataclasses import replace

from assistant.answering.adopted import answer as adopted_answer
from assistant.answering.records import Answer, Citation
from assistant.cli.ask import format_answer
from assistant.document.kinds import Version


def _draft_answer() -> Answer:
    citation = Citation("art59.p2", "Art. 59(2)", "59", 2, None, "a fine of not less than 100,000 yuan")
    return Answer("q", "Under Article 59, a fine of 100,000 to 1,000,000 yuan shall be imposed [Art. 59(2)].",
                  (citation,), ("art59.p2",), {"ok": True, "claims": []}, True, False, "grounded")  # type: ignore[typeddict-item]


def test_a_law_in_force_answer_says_so_and_never_calls_itself_the_draft() -> None:
    a = adopted_answer("现行法律下，关键信息基础设施运营者拒不改正的，罚款多少？")
    assert a.versions == {Version.ADOPTED}
    footer = format_answer(a).splitlines()[-1]
    assert "About the law in force" in footer and "1 January 2026" in footer and "draft" not in footer.lower()


def test_a_draft_answer_says_it_is_not_the_law_in_force() -> None:
    a = _draft_answer()
    assert a.versions == {Version.DRAFT}
    assert "Draft Amendment (March 2025), not the law in force" in format_answer(a).splitlines()[-1]


def test_an_answer_citing_both_texts_says_it_compares_them_and_a_refusal_names_none() -> None:
    a = _draft_answer()
    both = replace(a, citations=(*a.citations, Citation("adopted.art61.p2", "Adopted Art. 61(2)", "61", 2, None, "")))
    assert both.versions == {Version.DRAFT, Version.ADOPTED} and (both.version_note or "").startswith("Compares")
    refusal = replace(a, citations=(), refused=True)
    assert refusal.version_note is None and "law in force" not in format_answer(refusal).splitlines()[-1]

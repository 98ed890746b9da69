"""The answer as shown and its verification panel: lead first, quiet marks on figures only, plain-words rows."""

from __future__ import annotations

import re

import pytest

from assistant.ui import verification
from assistant.ui.answer_view import render_answer, render_parts
from assistant.ui.support import escape_md


def _claim(text: str, answer: str, verdict: str = "verified", kind: str = "range", **extra: object) -> dict:
    start = answer.index(text)
    return {"text": text, "start": start, "end": start + len(text), "kind": kind, "value": None,
            "verdict": verdict, "evidence": [{"id": "art59.p3.f1", "quote": "a fine of not less than"}]} | extra


def test_lead_sentence_comes_first_then_the_details() -> None:
    text = ("The fine is 500,000 to 2,000,000 yuan [Art. 59(3)].\n- on the operator: 500,000 to 2,000,000 yuan"
            "\n- on the managers: 50,000 to 200,000 yuan")
    claims = [_claim("500,000 to 2,000,000 yuan", text)]
    parts = render_parts(text, claims)
    assert parts.lead.startswith("The fine is **500,000 to 2,000,000 yuan** :green[✓]")
    assert parts.details.startswith("- on the operator") and "\n- on the managers" in parts.details
    assert render_answer(text, claims).startswith(parts.lead)


def test_figures_get_a_quiet_check_and_references_none() -> None:
    text = "Under Articles 21 and 25, in March 2025, a fine of 10,000 yuan [Art. 59(3)]."
    claims = [_claim("Articles 21 and 25", text, kind="article"), _claim("March 2025", text, kind="date"),
              _claim("10,000 yuan", text, kind="amount"), _claim("Art. 59(3)", text, kind="article")]
    md = render_answer(text, claims)
    assert md.count("✓") == 1 and "**10,000 yuan** :green[✓]" in md
    assert "Articles 21 and 25," in md and "March 2025," in md
    assert ":gray[\\[Art\\. 59\\(3\\)\\]]" in md  # the citation marker is quiet


@pytest.mark.parametrize("kind", ["range", "article", "date"])
def test_anything_unsupported_is_struck_through(kind: str) -> None:
    text = "The fine is 9,000,000 yuan [Art. 99(9)]."
    wrong = "9,000,000 yuan" if kind == "range" else "Art. 99(9)"
    md = render_answer(text, [_claim(wrong, text, "contradicted", kind=kind, correction="2,000,000 yuan")])
    assert f":red-background[~~{escape_md(wrong)}~~ ✗]" in md
    assert "the text says 2,000,000 yuan" in md and "✓" not in md


def test_render_escapes_model_output_and_ignores_bad_spans() -> None:
    text = "<script>alert(1)</script> costs 10,000 yuan"
    claims = [_claim("10,000 yuan", text), {"text": "x", "start": 5, "end": 500, "verdict": "verified"},
              {"text": "y", "start": text.index("10,000") + 2, "end": len(text), "verdict": "verified"}]
    md = render_answer(text, claims)
    assert "<script>" not in md and "\\<script\\>" in md and md.count("✓") == 1


def _real_claims(grounded, question: str) -> list[dict]:
    return grounded.ask(question).claims


def test_panel_has_one_row_per_distinct_figure_in_plain_words(grounded, table, corpus) -> None:
    claims = _real_claims(grounded, "What fines apply for massive data leakage?")
    doubled = claims + [dict(c) for c in claims]  # a figure repeated in the answer is one row
    rows = verification.figure_rows(doubled, table, corpus)
    figures = [r.figure for r in rows]
    assert len(figures) == len(set(figures)) >= 2
    for row in rows:
        assert row.ok and "Article 59, paragraph 3" in row.checked_against
        assert re.search(r"\bshall\b|\bmay\b", row.checked_against)
        assert not re.search(r"\bart\d+\.", row.checked_against + row.sentence)  # no internal ids
    top = next(r for r in rows if r.figure.startswith("500,000"))
    assert "network operator" in top.checked_against and "serious consequences" in top.checked_against
    assert "**500,000 yuan but not more than 2,000,000 yuan**" in top.sentence
    assert verification.summary(doubled, table, corpus) == f"✓ All {len(rows)} figures checked against the text"


def test_long_evidence_is_trimmed_around_the_figure_never_before_it() -> None:
    sentence = "Lorem ipsum " * 60 + "a fine of not less than 200,000 yuan but not more than 1,000,000 yuan" + \
        " dolor sit" * 40
    claim = {"text": "200,000 to 1,000,000 yuan", "kind": "range", "value": [200_000, 1_000_000]}
    md = verification.highlighted_sentence(sentence, claim)
    assert "**200,000 yuan but not more than 1,000,000 yuan**" in md
    assert md.startswith("…") and md.endswith("…") and len(md) < len(sentence)


def test_checked_against_prefers_the_checkers_words(table, corpus) -> None:
    claim = {"text": "5 times", "kind": "multiple", "value": 5, "verdict": "verified",
             "checked_against": "Article 61(1), the seller, may", "evidence": [{"id": "art61.p1.f1", "quote": "q"}]}
    assert verification.checked_against(claim, table, corpus) == "Article 61(1), the seller, may"
    del claim["checked_against"]
    assert verification.checked_against(claim, table, corpus).startswith("Article 61, paragraph 1: fine on")


def test_summary_counts_unsupported_figures_and_references(table, corpus) -> None:
    good = {"text": "10,000 yuan", "kind": "amount", "value": 10_000, "verdict": "verified", "evidence": []}
    bad = {"text": "9 yuan", "kind": "amount", "value": 9, "verdict": "contradicted", "evidence": []}
    ref = {"text": "Article 99", "kind": "article", "verdict": "not_found", "evidence": []}
    line = verification.summary([good, bad, ref], table, corpus)
    assert line.startswith("✗ 1 of 2 figures and 1 references")
    assert verification.summary([], table, corpus) == "No figures in this answer needed checking"

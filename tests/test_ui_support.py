"""The app's pure helpers: safe markdown, number marks, chips, export and the fine calculator."""

from __future__ import annotations

import re

import pytest

from assistant.answering.records import Answer, Citation
from assistant.ui import support as ui

INJECTIONS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![img](http://example.invalid/x.png)",
    "**bold** _it_ `code` # heading",
    ":red[coloured] :material/home: :smile:",
    "$x^2$ and $$y$$",
    "http://example.invalid/ and www.example.invalid",
    "| a | b |\n|---|---|",
    "&lt;b&gt; &amp;",
]


def _claim(text: str, answer: str, verdict: str = "verified", **extra: object) -> dict:
    start = answer.index(text)
    return {"text": text, "start": start, "end": start + len(text), "kind": "amount", "value": None,
            "verdict": verdict, "evidence": [{"id": "art59.p3.f1", "quote": "a fine of not less than"}]} | extra


def _unescaped(markdown: str) -> str:
    """What CommonMark shows for text made only of backslash escapes: drop the backslashes."""
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("text", INJECTIONS)
def test_escape_md_leaves_no_live_markup(text: str) -> None:
    out = ui.escape_md(text)
    assert _unescaped(out) == text  # every character survives, literally
    for special in "<>[]()*_`#$:|&!":
        assert re.search(rf"(?<!\\){re.escape(special)}", out) is None, special


def test_render_answer_marks_verified_figures_and_keeps_lists() -> None:
    text = "Article 59(3):\n- a fine of 500,000 to 2,000,000 yuan shall be imposed [Art. 59(3)].\n- more"
    md = ui.render_answer(text, [_claim("500,000 to 2,000,000 yuan", text)])
    assert ":green-background[**500,000 to 2,000,000 yuan** ✓]" in md
    assert "\n- a fine of" in md and "\n- more" in md
    assert "\\[Art\\. 59\\(3\\)\\]" in md


def test_render_answer_shows_unsupported_figures_as_such() -> None:
    text = "The fine is 9,000,000 yuan."
    md = ui.render_answer(text, [_claim("9,000,000 yuan", text, "contradicted", correction="2,000,000 yuan")])
    assert ":red-background[~~9,000,000 yuan~~ ✗]" in md and "the text says 2,000,000 yuan" in md
    assert "✓" not in md


def test_render_answer_escapes_model_output_and_ignores_bad_spans() -> None:
    text = "<script>alert(1)</script> costs 10,000 yuan"
    claims = [_claim("10,000 yuan", text), {"text": "x", "start": 5, "end": 500, "verdict": "verified"},
              {"text": "y", "start": text.index("10,000") + 2, "end": len(text), "verdict": "verified"}]
    md = ui.render_answer(text, claims)
    assert "<script>" not in md and "\\<script\\>" in md
    assert ":green-background[**10,000 yuan** ✓]" in md and md.count("✓") == 1


def test_references_get_a_quieter_mark() -> None:
    text = "Article 59: see [Art. 59(3)]."
    md = ui.render_answer(text, [_claim("Art. 59(3)", text, kind="article")])
    assert ":green[Art\\. 59\\(3\\) ✓]" in md


def test_render_answer_paragraph_after_list_is_not_swallowed() -> None:
    md = ui.render_answer("- one\nAfter the list.")
    assert "- one\n\nAfter the list\\." in md


def test_claim_details_name_the_evidence() -> None:
    text = "a fine of 500,000 to 2,000,000 yuan"
    lines = ui.claim_details([_claim("500,000 to 2,000,000 yuan", text)])
    assert lines[0].startswith("✓ **500,000 to 2,000,000 yuan** — verified")
    assert "`art59.p3.f1`" in lines[0] and "a fine of not less than" in lines[0]


def _answer(corpus) -> Answer:
    unit = corpus.unit("art59.p3")
    quote = unit.text.split(". ")[0]
    text = "A fine of 500,000 to 2,000,000 yuan shall be imposed [Art. 59(3)]."
    check = {"ok": True, "claims": [_claim("500,000 to 2,000,000 yuan", text)]}
    citation = Citation("art59.p3", "Art. 59(3)", "59", 3, None, quote)
    return Answer("What fines apply for massive data leakage?", text, (citation,), ("art59.p3",), check, True,
                  False, "grounded")


def test_citation_view_shows_full_text_quote_and_origin(corpus) -> None:
    answer = _answer(corpus)
    view = ui.citation_view(answer.citations[0], corpus)
    assert view.title == "Article 59, paragraph 3"
    assert "Article 59" in view.origin and "revised in place" in view.origin
    assert view.body.count("**") == 2
    assert _unescaped(view.body.replace("**", "")) == corpus.unit("art59.p3").text
    assert ui.chip_label(answer.citations[0]) == "Art. 59(3)"


def test_citation_view_for_explanation_and_missing_quote(corpus) -> None:
    unit = corpus.unit("expl.1")
    view = ui.citation_view(Citation("expl.1", "Explanation — x", None, None, None, "not in the text"), corpus)
    assert "Explanation" in view.origin and "**" not in view.body
    assert _unescaped(view.body) == unit.text


def test_export_markdown_has_question_answer_quotes_and_status(corpus) -> None:
    answer = _answer(corpus)
    messages = [{"role": "user", "content": answer.question},
                {"role": "assistant", "content": answer.text, "answer": answer}]
    md = ui.export_markdown(messages, "STATUS <b>", "Title")
    assert md.startswith("# Title")
    assert answer.question in md and answer.text in md and answer.citations[0].quote in md
    assert "**Art. 59(3)**" in md and "STATUS &lt;b&gt;" in md
    assert "All 1 numbers and references verified" in md


def test_export_of_empty_conversation() -> None:
    assert "No questions asked yet" in ui.export_markdown([], "s", "t")


def test_band_rows_filter(table) -> None:
    assert len(ui.band_rows(table)) == len(table.bands)
    individual = ui.band_rows(table, subject="individual")
    assert individual and all(r["Who"] == "individual" for r in individual)
    art59 = ui.band_rows(table, article="59")
    assert {r["Article"].split("(")[0] for r in art59} == {"59"}
    assert ui.band_rows(table, "entity", "61")[0]["Range"] == "1 to 3 times the illegal gains"


def test_renumbering_rows(corpus) -> None:
    rows = ui.renumbering_rows(corpus)
    assert {"Old (current law)": "Article 65", "New (draft)": "Article 67", "Change": "renumbered and revised",
            "Amendment item": "4"} in rows


@pytest.mark.parametrize(("amount", "low", "high"), [
    (400_000, 400_000, 1_200_000), (100_001, 100_001, 300_003), (99_999, 30_000, 100_000), (0, 30_000, 100_000),
])
def test_calculator_article_61(table, amount: int, low: int, high: int) -> None:
    calc = ui.calculate("61", amount, table)
    assert (calc.low, calc.high) == (low, high)
    assert calc.basis == "illegal gains"


def test_calculator_article_61_exact_threshold_is_silent(table) -> None:
    calc = ui.calculate("61", 100_000, table)
    assert calc.low is None and calc.high is None
    assert "silent" in calc.summary() and len(calc.bands) == 2


def test_calculator_article_67(table) -> None:
    calc = ui.calculate("67", 250_000, table)
    assert (calc.low, calc.high) == (250_000, 2_500_000)
    assert calc.summary() == "250,000 to 2,500,000 yuan"
    assert [b.describe_range() for b in calc.others] == ["10,000 to 100,000 yuan"]


def test_calculator_rejects_bad_input(table) -> None:
    assert ui.multiple_bases(table) == {"61": "illegal gains", "67": "procurement amount"}
    with pytest.raises(ValueError):
        ui.calculate("61", -1, table)
    with pytest.raises(TypeError):
        ui.calculate("61", 1.5, table)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ui.calculate("59", 1000, table)


def test_app_never_renders_raw_html() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in (root / "app.py", root / "assistant" / "ui" / "support.py"):
        source = path.read_text(encoding="utf-8")
        for forbidden in ("unsafe_allow_html", "st.html", "components.v1", "st.components"):
            assert forbidden not in source, f"{forbidden} in {path.name}"

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


def test_band_rows_filter_and_read_as_words(table) -> None:
    rows = ui.band_rows(table)
    assert len(rows) == len(table.bands)
    assert not any(str(v).startswith("art") for r in rows for v in r.values())  # no internal band ids
    individual = ui.band_rows(table, subject="individual")
    assert individual and all(r["Entity or person"] == "person" for r in individual)
    assert {r["Article"] for r in ui.band_rows(table, article="59")} == {59}
    art61 = ui.band_rows(table, "entity", "61")
    assert art61[0]["Multiple"] == "1 to 3 times the illegal gains" and art61[0]["From (yuan)"] is None
    serious = ui.band_rows(table, tiers=["particularly_serious"])
    assert serious and {r["Tier"] for r in serious} == {"particularly serious consequences"}
    top = max(r["To (yuan)"] or 0 for r in rows)
    assert top == table.maximum().max and isinstance(top, int)


def test_short_chip_labels() -> None:
    assert ui.short_label("Art. 59(3)") == "Art. 59(3)"
    long = ui.short_label("Explanation — Background and necessity of the amendment")
    assert long.startswith("Explanation: ") and long.endswith("…") and len(long) <= ui.CHIP_CHARS


def test_renumbering_rows(corpus) -> None:
    rows = ui.renumbering_rows(corpus)
    assert {"Old (2016 law)": "Article 65", "New (draft)": "Article 67", "Law in force": "Article 67",
            "Change": "renumbered and revised", "Draft amendment item": "4"} in rows
    in_force = {r["New (draft)"]: r["Law in force"] for r in rows}
    # the draft's new articles have counterparts too (matched on content), and 2016 Article 61 moved by three
    assert in_force["Article 61"] == "Article 63" and in_force["Article 64"] == "Article 62 and Article 65"
    assert in_force["Article 62"] == "Article 64"


def test_the_law_in_force_articles_view_data() -> None:
    """Every article the Decision adds or amends, in order, with its 2016 number and its official text (or, where
    the Decision only renumbers it or replaces a phrase, the item that says so)."""
    views = ui.adopted_articles()
    assert [v.number for v in views] == sorted((v.number for v in views), key=int) and len(views) == 14
    art61 = next(v for v in views if v.number == "61")
    assert "Article 59" in art61.origin and "item 5" in art61.origin and len(art61.passages) == 3
    assert "关键信息基础设施" in art61.passages[1][1]
    art64 = next(v for v in views if v.number == "64")
    assert art64.passages[0][0] == "Decision item 8" and "应用程序" in art64.passages[0][1]


def test_app_never_renders_raw_html() -> None:
    """Only `assistant/ui/scripts.py` (fixed templates, JSON-encoded data) may run a script."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    ui_files = [p for p in (root / "assistant" / "ui").rglob("*.py") if p.name != "scripts.py"]
    for path in (root / "app.py", *ui_files):
        source = path.read_text(encoding="utf-8")
        for forbidden in ("unsafe_allow_html", "st.html", "components.v1", "st.components"):
            assert forbidden not in source, f"{forbidden} in {path.name}"


@pytest.mark.parametrize("text", [*INJECTIONS, "</script><script>alert(1)</script>", "a\u2028b\"'`${x}"])
def test_script_data_cannot_close_the_script_or_open_markup(text: str) -> None:
    import json

    from assistant.ui.scripts import js_string

    literal = js_string(text)
    assert not set("<>&") & set(literal)
    assert json.loads(literal) == text

"""The reference views, full width: the fine table with its calculator, the renumbering map, the articles;
and the sidebar's article lookup.

Numbers are integers shown with thousands separators and sortable by clicking a
column; filters sit above each table. No internal ids reach the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from assistant.document import adopted_bands
from assistant.document.corpus import load
from assistant.document.fines import TIER_LABELS, BandTable, table
from assistant.document.lookup import LookupResult, lookup
from assistant.document.refs import old_numbers
from assistant.ui.calculator import calculate, multiple_bases, parse_amount
from assistant.ui.support import adopted_articles, band_rows, escape_md, renumbering_rows

LOOKUP_STATUS = {
    "found": "In the draft", "in_force": "In the law in force", "old_number": "Old number (2016 law)",
    "renumbered_only": "Renumbered only",
    "referenced": "Referenced, text not included", "not_in_document": "Not in this document",
    "not_found": "Not found", "unparsed": "No article number recognised",
}
ROW_PX = 35  # st.dataframe's row height: the fine table shows every band without an inner scrollbar
YUAN = st.column_config.NumberColumn(format="localized", width="small")


def render_lookup(result: LookupResult) -> None:
    head = LOOKUP_STATUS.get(result.status, result.status)
    if result.article:
        head += f" — Article {result.article}" + (f" (old {result.old_number})" if result.old_number else "")
    st.markdown(f"**{escape_md(head)}**")
    if result.note:
        st.caption(escape_md(result.note))
    for unit in result.units:
        st.markdown(f"**{escape_md(unit['title'])}**  \n{escape_md(unit['text'])}")


def sidebar_lookup() -> None:
    """The one tool that stays in the sidebar: look an article up by new or old number."""
    st.subheader("Look up an article")
    query = st.text_input("Article or old number", key="lookup_query",
                          placeholder="art 69, old 65, Art. 59(3), 第六十九条")
    if query.strip():
        render_lookup(lookup(query))


IN_FORCE, DRAFT = "Law in force", "Draft"
TEXTS = {IN_FORCE: ("Fines in the law in force", "Every fine band of the law in force (the Decision of 28 "
                          "October 2025, in force since 1 January 2026), read from its official Chinese wording; "
                          "the English is the assistant's working translation. Click a column to sort."),
         DRAFT: ("Fines in the draft", "Every fine band the Draft Amendment (March 2025) states, read from its "
                 "wording. The draft is not the law in force. Click a column to sort.")}


def _band_table(text: str) -> BandTable[Any]:
    return adopted_bands.table() if text == IN_FORCE else table()


def _text_switch(key: str, on_change: Callable[[], None] | None = None) -> str:
    """Which text a reference view shows: the law in force by default, the draft one click away."""
    return st.segmented_control("Text", [IN_FORCE, DRAFT], default=IN_FORCE, key=key, on_change=on_change) \
        or IN_FORCE


def _forget_calculator() -> None:
    """The two texts' multiple-based articles differ (draft 61 is 63 in force): a new text starts afresh."""
    st.session_state.pop("calc_article", None)


def fines_view() -> None:
    text = _text_switch("band_text", on_change=_forget_calculator)
    title, caption = TEXTS[text]
    st.title(title)
    st.caption(caption)
    bands = _band_table(text)
    with st.container(horizontal=True, gap="medium"):
        who = st.segmented_control("Who is fined", ["entity", "person"], key="band_who",
                                   help="An entity (operator, provider) or a responsible person.")
        articles = st.multiselect("Article", sorted({int(b.article) for b in bands.bands}), key="band_article",
                                  format_func=lambda a: f"Article {a}", placeholder="All articles")
        tiers = st.multiselect("Tier", list(TIER_LABELS), key="band_tier", format_func=TIER_LABELS.__getitem__,
                               placeholder="All tiers")
    subject = {"entity": "entity", "person": "individual"}.get(who or "")
    rows = [r for r in band_rows(bands, subject, None, tiers) if not articles or r["Article"] in articles]
    if rows and not any(r["Multiple"] for r in rows):  # an empty column only takes room
        rows = [{k: v for k, v in r.items() if k != "Multiple"} for r in rows]
    st.dataframe(rows, hide_index=True, width="stretch", height=ROW_PX * (len(rows) + 1) + 3, key="band_table",
                 column_config={
        "Article": st.column_config.NumberColumn(format="%d", width="small"),
        "Para.": st.column_config.NumberColumn(format="%d", width="small"),
        "Shall/may": st.column_config.TextColumn(width="small"), "Tier": st.column_config.TextColumn(width="medium"),
        "From (yuan)": YUAN, "To (yuan)": YUAN,
        "Fined": st.column_config.TextColumn(width="medium"), "When": st.column_config.TextColumn(width="large")})
    st.caption(f"{len(rows)} of {len(bands.bands)} bands shown.")
    st.subheader("Fine calculator")
    calculator(bands)


def calculator(bands: BandTable[Any]) -> None:
    """Band, condition and result in one sentence for an amount under a multiple-based article of the text shown."""
    bases = multiple_bases(bands)
    with st.container(horizontal=True, gap="medium"):
        article = st.selectbox("Article", list(bases), key="calc_article",
                               format_func=lambda a: f"Article {a} (fine in multiples of the {bases[a]})")
        raw = st.text_input(f"{bases[article].capitalize()} (yuan)", value="0", key="calc_amount",
                            help="A whole number of yuan; separators are fine, e.g. 400,000.")
    try:
        amount = parse_amount(raw)
    except ValueError as error:
        st.warning(str(error))
        return
    calc = calculate(article, amount, bands)
    st.markdown(calc.sentence())
    for line in calc.also():
        st.caption(line)


def renumbering_view() -> None:
    st.title("Renumbering map")
    st.caption("Which article of the 2016 law became which article of the draft, as the draft states it, and "
               "where it stands in the law in force (since 1 January 2026), from the Decision's text.")
    rows = renumbering_rows(load())
    changes = sorted({r["Change"] for r in rows})
    with st.container(horizontal=True, gap="medium"):
        picked = st.multiselect("Change", changes, key="renum_change", placeholder="All changes")
        needle = st.text_input("Find an article", key="renum_find", placeholder="e.g. 65")
    numbers = ("Old (2016 law)", "New (draft)", "Law in force")
    shown = [r for r in rows if (not picked or r["Change"] in picked)
             and (not needle.strip() or needle.strip() in " ".join(r[k] for k in numbers))]
    st.dataframe(shown, hide_index=True, width="stretch", key="renum_table", height=ROW_PX * (len(shown) + 1) + 3)
    st.caption(f"{len(shown)} of {len(rows)} entries shown.")


def articles_view() -> None:
    if _text_switch("articles_text") == IN_FORCE:
        _articles_in_force()
    else:
        _articles_of_the_draft()


def _articles_of_the_draft() -> None:
    st.title("Articles of the draft")
    st.caption("The Draft Amendment (March 2025), English translation. The draft is not the law in force.")
    corpus = load()
    numbers = list(corpus.articles)
    number = st.selectbox("Article", numbers, key="browse_article", format_func=lambda n: f"Article {n}")
    article = corpus.articles[number]
    old = old_numbers(article.old)
    st.caption(escape_md(f"Old number (2016 law): {old}. What the draft does: {article.note}."))
    if not article.units:
        st.info("The draft only renumbers this article; its text is not included in the document.")
    for unit in article.units:
        st.markdown(f"**{escape_md(unit.title)}**  \n{escape_md(unit.text)}")


def _articles_in_force() -> None:
    st.title("Articles of the law in force")
    st.caption("The articles the Decision of 28 October 2025 adds or amends (in force since 1 January 2026), in "
               "the official Chinese text. Articles it does not touch are not in these documents.")
    shown = adopted_articles()
    number = st.selectbox("Article", [a.number for a in shown], key="browse_adopted_article",
                          format_func=lambda n: f"Article {n}")
    article = next(a for a in shown if a.number == number)
    st.caption(escape_md(article.origin))
    for title, body in article.passages:
        st.markdown(f"**{escape_md(title)}**  \n{escape_md(body)}")

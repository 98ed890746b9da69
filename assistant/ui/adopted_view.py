"""The "Draft vs adopted" view: one draft article beside the provision of the law in force that carries it.

Layout only; the rows (and which figures changed) come from `assistant.ui.side_by_side`,
which reads them off the alignment of the two texts.
"""

from __future__ import annotations

import streamlit as st

from assistant.ui.side_by_side import Row, articles, rows
from assistant.ui.support import escape_md

INTRO = ("The draft (English translation, March 2025) on the left; the law in force on the right, as adopted by "
         "the Decision of 28 October 2025 (official Chinese text, in force 1 January 2026). Changed figures are "
         "listed above each pair.")


def _row(row: Row) -> None:
    st.subheader(row.provision.replace("->", "→"))
    for change in row.changed:
        st.warning(f"Changed: {escape_md(change)}", icon=":material/change_circle:")
    for figure in row.new_figures:
        st.info(f"New in the law in force: {escape_md(figure)}", icon=":material/add_circle:")
    draft, adopted = st.columns(2, gap="medium")
    with draft:
        st.caption("Draft (English)")
        st.markdown(escape_md(row.draft_text) or "_no text in the draft_")
    with adopted:
        st.caption("Law in force (Chinese)")
        st.markdown(escape_md(row.adopted_text) or "_no counterpart in the law in force_")
    st.divider()


def render() -> None:
    st.title("Draft vs adopted")
    st.caption(INTRO)
    choice = st.selectbox("Draft article", articles(), key="adopted_article", format_func=lambda a: f"Article {a}")
    if choice:
        for row in rows(choice):
            _row(row)

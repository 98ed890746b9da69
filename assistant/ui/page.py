"""The Streamlit app: `streamlit run` this file (or the top-level `app.py` shim, or `csl-assistant app`).

A thin layer: page setup, the sidebar (article lookup, settings, links) and the
views, each a small page file that calls one function of `chat` or `views`.
Raw HTML is never enabled on any element; the only script is `scripts`' fixed templates.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).resolve().parent / "pages"
VIEWS = (  # file, title, icon, url path
    ("chat.py", "Ask", ":material/forum:", "ask"),
    ("fines.py", "Fine table and calculator", ":material/table_chart:", "fines"),
    ("renumbering.py", "Renumbering map", ":material/swap_horiz:", "renumbering"),
    ("articles.py", "Articles", ":material/menu_book:", "articles"),
    ("adopted.py", "Draft vs adopted", ":material/compare:", "adopted"),
)


def _pages() -> list[st.Page]:
    return [st.Page(PAGES / name, title=title, icon=icon, url_path=path, default=path == "ask")
            for name, title, icon, path in VIEWS]


def view(url_path: str) -> st.Page:
    """The view with that URL path, for `st.page_link` (a page is known by its path, whichever script runs)."""
    return next(p for p in _pages() if p.url_path == url_path)


def main() -> None:
    from assistant.ui.settings import settings_panel
    from assistant.ui.views import sidebar_lookup

    navigation = st.navigation(_pages())
    # a readable line length for the chat; the reference tables get the full width
    st.set_page_config(page_title="CSL draft amendment assistant", page_icon="⚖️",
                       layout="centered" if navigation.url_path in ("", "ask") else "wide")
    navigation.run()  # the view first: the chat box is usable before the settings load the backend list
    with st.sidebar:
        sidebar_lookup()
        with st.expander("Settings", icon=":material/settings:"):
            settings_panel()


if __name__ == "__main__":
    main()

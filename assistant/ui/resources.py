"""What the app loads once per server process and shares between every browser tab.

The embedding model, the Chroma index (built on the first start if missing), the
assistants per backend and the SQLite stores are `st.cache_resource` objects. The
first page run starts `warm()` in a background thread, so the chat box appears at
once and the models load while the reader looks at the page; a question asked
before that finishes simply waits for the same cached object.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import streamlit as st

from assistant.ui.conversations import ConversationStore
from assistant.ui.feedback import FeedbackStore, default_path

LOG = logging.getLogger("csl_assistant.app")
_WARM_LOCK = threading.Lock()
_warm_started = threading.Event()
_retriever_ready = threading.Event()


@st.cache_resource(show_spinner=False)
def retriever() -> Any:
    """Embedding model + Chroma index, shared by every session."""
    from assistant.service import build_retriever

    built = build_retriever()[0]
    _retriever_ready.set()
    return built


def retriever_ready() -> bool:
    """True once this server has loaded the embedding model and opened the index."""
    return _retriever_ready.is_set()


@st.cache_resource(show_spinner=False)
def assistant(backend: str) -> Any:
    from assistant.service import build_assistant

    return build_assistant(backend, retriever=retriever()).assistant


@st.cache_resource(show_spinner=False)
def feedback_store(path: str) -> FeedbackStore:
    return FeedbackStore(path)


@st.cache_resource(show_spinner=False)
def conversation_store(path: str) -> ConversationStore:
    return ConversationStore(path)


def feedback() -> FeedbackStore:
    return feedback_store(str(default_path()))


def conversations() -> ConversationStore:
    return conversation_store(str(default_path()))


@st.cache_data(ttl=60, show_spinner=False)
def backends() -> dict[str, str | None]:
    """Backend name -> None when it works here, else what it needs (cheap: nothing is loaded)."""
    from assistant import backends as registry  # langchain: imported off the first page's critical path

    return registry.availability()  # looked up at call time (tests register a fake backend)


def _warm(backend: str) -> None:
    try:
        if backends().get(backend, "unknown") is not None:
            backend = "grounded"
        assistant(backend)
        assistant(backend).retriever.search("warm-up: fines for data leakage", k=1)
    except Exception:  # the page reports a failing backend when it is used; here it is only logged
        LOG.exception("warming the %s backend failed", backend)


def warm(backend: str = "grounded") -> None:
    """Load the models for `backend` in a background thread, once per server process."""
    with _WARM_LOCK:
        if _warm_started.is_set():
            return
        _warm_started.set()
    threading.Thread(target=_warm, args=(backend,), name="csl-warm", daemon=True).start()

"""The chat view: ask, read the answer first, open a source or the verification panel, rate, copy, export.

Widgets and session state only; the markdown comes from `answer_view`,
`verification` and `export`, the models from `resources`. The conversation is
saved server-side after every answer under the session id in the URL (`?s=`), so
a reload or a bookmarked link brings it back.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import streamlit as st

from assistant.config import MAX_QUESTION_CHARS, settings
from assistant.document.corpus import DOCUMENT_STATUS, load
from assistant.document.fines import table
from assistant.errors import BackendUnavailable, QuestionError
from assistant.ui import resources, scripts, verification
from assistant.ui.answer_view import render_answer, render_parts
from assistant.ui.conversations import valid_session_id
from assistant.ui.export import export_filename, export_markdown
from assistant.ui.feedback import Feedback
from assistant.ui.page import view
from assistant.ui.settings import PREF, backend_choice
from assistant.ui.support import chip_label, citation_view, escape_md

LOG = logging.getLogger("csl_assistant.app")
EXPORT_TITLE = ("Conversation on the Draft Amendment to the PRC Cybersecurity Law "
                "(second public-comment draft, March 2025)")
EXAMPLES = (
    "What fines apply for massive data leakage?",
    "What is the maximum fine under Article 59 for a total loss of main functions of critical information "
    "infrastructure?",
    "What happened to old Article 65?",
    "Under Article 61, what fine for illegal gains of 400,000 yuan?",
    "What does Article 72 say about lighter or exempted penalties?",
    "Why is the Cybersecurity Law being amended?",
    "Under the law in force, what is the fine for a CII operator that refuses to correct?",
    "What changed in the adopted law compared with the draft?",
)
THANKS = "Thanks — your rating was saved. Add a comment below if you like."


def state() -> Any:
    """Session state with the messages and a session id shared with the URL, restoring a saved chat once."""
    ss = st.session_state
    if "session_id" not in ss:
        given = st.query_params.get("s")
        ss["session_id"] = given if valid_session_id(given) else uuid.uuid4().hex
        ss["messages"] = resources.conversations().load(ss["session_id"])
    if st.query_params.get("s") != ss["session_id"]:
        st.query_params["s"] = ss["session_id"]
    ss.setdefault("messages", [])
    return ss


def _save() -> None:
    ss = st.session_state
    try:
        resources.conversations().save(ss["session_id"], ss["messages"])
    except Exception:  # keeping the chat across reloads must never break answering
        LOG.exception("saving the conversation failed")


# -- feedback ----------------------------------------------------------------------------------------
def _rate(index: int) -> None:
    """Feedback widget callback: the first click stores a row, a change of mind updates it."""
    ss = st.session_state
    msg, value = ss["messages"][index], ss.get(f"fb_{index}")
    if value is None:
        return
    rating = 1 if value == 1 else -1
    store = resources.feedback()
    if msg.get("feedback_id"):
        store.set_rating(msg["feedback_id"], rating)
        return
    answer = msg["answer"]
    question = ss["messages"][index - 1]["content"] if index else ""
    msg["feedback_id"] = store.add(Feedback(rating, question, answer.text,
                                            citations=[c.label for c in answer.citations], backend=answer.backend,
                                            answer_ok=answer.ok, session_id=ss["session_id"]))
    _save()


def _comment(index: int) -> None:
    ss = st.session_state
    msg = ss["messages"][index]
    if msg.get("feedback_id"):
        resources.feedback().set_comment(msg["feedback_id"], ss.get(f"fbc_{index}", ""))
        st.toast("Comment saved — thank you.", icon=":material/check:")


# -- one answer --------------------------------------------------------------------------------------
def _sources(index: int, answer: Any) -> None:
    corpus = load()
    with st.container(horizontal=True, gap="small", vertical_alignment="center", horizontal_alignment="left"):
        st.caption("Sources", width="content")
        for j, citation in enumerate(answer.citations):
            with st.popover(chip_label(citation), key=f"chip_{index}_{j}"):
                view = citation_view(citation, corpus)
                st.markdown(f"**{view.title}**")
                st.caption(view.origin)
                st.markdown(view.body)


def _verification(answer: Any) -> None:
    claims = answer.claims
    line = verification.summary(claims, table(), load())
    rows = verification.figure_rows(claims, table(), load())
    problems = verification.reference_problems(claims)
    if not rows and not problems:
        st.caption(line)
        return
    with st.expander(line, icon=":material/fact_check:"):
        for row in rows:
            st.markdown(verification.row_markdown(row))
        if problems:
            st.markdown("**References the text does not support:** " + ", ".join(problems))
        st.caption("Article and paragraph references, dates and counts are checked too; only figures are listed.")


def render_answer_message(index: int, msg: dict[str, Any]) -> None:
    answer = msg["answer"]
    parts = render_parts(answer.text, answer.claims)
    if answer.version_note:  # which text it is about, before anything else: the draft never passes for the law
        st.caption(f":material/gavel: {escape_md(answer.version_note)}")
    st.markdown(parts.lead)
    if parts.details:
        st.markdown(parts.details)
    for notice in answer.notices:
        st.caption(f"⚠️ {escape_md(notice)}")
    if answer.citations:
        _sources(index, answer)
    _verification(answer)
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.feedback("thumbs", key=f"fb_{index}", on_change=_rate, args=(index,))
        scripts.copy_button(answer.text, f"{index}")
    if msg.get("feedback_id"):
        st.caption(THANKS)
        st.text_input("Comment (optional, press Enter to save)", key=f"fbc_{index}", on_change=_comment,
                      args=(index,), max_chars=2000)


def _render_message(index: int, msg: dict[str, Any]) -> None:
    with st.chat_message(msg["role"]):
        if msg["role"] == "user":
            st.markdown(escape_md(msg["content"]))
        else:
            render_answer_message(index, msg)


# -- asking ------------------------------------------------------------------------------------------
def _get_answer(question: str, history: list[dict[str, str]]) -> Any:
    """Ask the chosen backend: a visible thinking state, and a generative one streams its draft first."""
    backend = backend_choice()
    with st.spinner("Thinking — loading the models on this first question…" if not resources.retriever_ready()
                    else "Thinking — finding the passages and checking every figure…", show_time=True):
        assistant = resources.assistant(backend)
        if not assistant.generative:
            return assistant.ask(question, history)
    placeholder, parts = st.empty(), []
    for piece in assistant.stream(question, history):
        if isinstance(piece, str):
            parts.append(piece)
            placeholder.markdown(render_answer("".join(parts)) + " ▌  \n_(draft — figures are being checked)_")
        else:
            placeholder.empty()
            return piece
    raise RuntimeError("the assistant stream ended without an answer")


def _ask(question: str) -> None:
    messages = st.session_state["messages"]
    history = [{"role": m["role"], "content": m["content"]} for m in messages]
    with st.chat_message("user"):
        st.markdown(escape_md(question))
    with st.chat_message("assistant"):
        try:
            answer = _get_answer(question, history)
        except QuestionError as error:
            st.warning(str(error))
            return
        except BackendUnavailable as error:
            st.error(f"This backend cannot run here: {escape_md(str(error))}")
            return
        except Exception as error:  # the page must survive a failing question
            LOG.exception("answering failed")
            st.error(f"The assistant failed on this question ({type(error).__name__}: {escape_md(str(error))}). "
                     "The conversation is kept; please try again or rephrase.")
            return
        messages += [{"role": "user", "content": question},
                     {"role": "assistant", "content": answer.text, "answer": answer}]
        _save()
        render_answer_message(len(messages) - 1, messages[-1])
    scripts.scroll_to_latest_answer(len(messages))


def _clear() -> None:
    """Forget the conversation (here and in the store) and its feedback widgets."""
    ss = st.session_state
    ss["messages"] = []
    resources.conversations().forget(ss["session_id"])
    for key in [k for k in ss if str(k).startswith(("fb_", "fbc_"))]:
        del ss[key]


def _examples() -> None:
    st.markdown("**Try a question:**")
    with st.container(horizontal=True, gap="small"):
        for i, example in enumerate(EXAMPLES):
            st.button(example, key=f"example_{i}", on_click=st.session_state.__setitem__, args=("pending", example))


def _footer(messages: list[dict[str, Any]]) -> None:
    export = export_markdown(messages, DOCUMENT_STATUS, EXPORT_TITLE)
    st.session_state["export_markdown"] = export
    with st.container(horizontal=True, gap="small"):
        st.download_button("Export conversation (Markdown)", export, file_name=export_filename(),
                           mime="text/markdown", icon=":material/download:", on_click="ignore")
        st.button("Clear conversation", icon=":material/delete:", on_click=_clear)


def chat_view() -> None:
    """The default view: the status notice, the conversation, the chat box."""
    ss = state()
    st.title("Draft Amendment to the PRC Cybersecurity Law — cited answers")
    st.info(escape_md(DOCUMENT_STATUS), icon=":material/info:")
    st.page_link(view("adopted"), label="Compare the draft with the law in force, article by article",
                 icon=":material/compare:")
    typed = st.chat_input("Ask about the draft amendment…", max_chars=MAX_QUESTION_CHARS)
    question = ss.pop("pending", None) or typed
    if not ss["messages"] and not question:
        _examples()
    for index, msg in enumerate(ss["messages"]):
        _render_message(index, msg)
    if question:
        _ask(question)
    if ss["messages"]:
        _footer(ss["messages"])
    resources.warm(st.session_state.get(PREF) or settings().llm)

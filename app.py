"""Streamlit front end: chat with cited, number-checked answers on the March 2025 draft amendment.

A thin layer of widgets and session state. Everything with logic (markdown
escaping, number marks, chips, export, the calculator, feedback storage) lives in
`assistant.ui.support` and `assistant.ui.feedback`, where the tests reach it directly.
Raw HTML is never enabled on any element: every string goes through escaping.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import streamlit as st

from assistant.backends import BackendUnavailable, availability
from assistant.config import MAX_QUESTION_CHARS, settings
from assistant.document.corpus import DOCUMENT_STATUS, load
from assistant.document.fines import table
from assistant.document.lookup import LookupResult, lookup
from assistant.errors import QuestionError
from assistant.ui import support as ui
from assistant.ui.feedback import Feedback, FeedbackStore, default_path

LOG = logging.getLogger("csl_assistant.app")
TITLE = "Draft Amendment to the PRC Cybersecurity Law — cited answers"
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
)
LOOKUP_STATUS = {
    "found": "In the draft", "old_number": "Old number (current law)", "renumbered_only": "Renumbered only",
    "referenced": "Referenced, text not included", "not_in_document": "Not in this document",
    "not_found": "Not found", "unparsed": "No article number recognised",
}


# -- loaded once per server --------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _retriever() -> Any:
    """Embedding model + Chroma index (built on the first start if missing), shared by every session."""
    from assistant.service import build_retriever

    return build_retriever()[0]


@st.cache_resource(show_spinner=False)
def _assistant(backend: str) -> Any:
    from assistant.service import build_assistant

    return build_assistant(backend, retriever=_retriever()).assistant


@st.cache_resource(show_spinner=False)
def _store(path: str) -> FeedbackStore:
    return FeedbackStore(path)


@st.cache_data(ttl=60, show_spinner=False)
def _availability() -> dict[str, str | None]:
    return availability()


def _state() -> dict[str, Any]:
    ss = st.session_state
    ss.setdefault("messages", [])
    ss.setdefault("session_id", uuid.uuid4().hex)
    return ss  # type: ignore[return-value]


# -- sidebar -----------------------------------------------------------------------------------------
def _render_lookup(result: LookupResult) -> None:
    head = LOOKUP_STATUS.get(result.status, result.status)
    if result.article:
        head += f" — Article {result.article}" + (f" (old {result.old_number})" if result.old_number else "")
    st.markdown(f"**{ui.escape_md(head)}**")
    if result.note:
        st.caption(ui.escape_md(result.note))
    for unit in result.units:
        st.markdown(f"**{ui.escape_md(unit['title'])}**  \n{ui.escape_md(unit['text'])}")


def _sidebar() -> None:
    corpus, bands = load(), table()
    with st.sidebar:
        st.header("Settings")
        avail = _availability()
        usable = [name for name, problem in avail.items() if problem is None]
        default = settings().llm if settings().llm in usable else usable[0]
        st.selectbox("Answering backend", usable, index=usable.index(default), key="backend",
                     help="grounded composes answers directly from the text; the others are generative models "
                          "whose figures are checked before display.")
        for name, problem in avail.items():
            if problem:
                st.caption(f"{name}: not available here — {ui.escape_md(problem)}")

        st.subheader("Look up an article")
        query = st.text_input("Article or old number", key="lookup_query",
                              placeholder="art 69, old 65, Art. 59(3), 第六十九条")
        numbers = list(corpus.articles)
        browse = st.selectbox("…or browse the draft's articles", numbers, index=None, key="browse_article",
                              placeholder="Choose an article", format_func=lambda n: f"Article {n}")
        if query.strip():
            _render_lookup(lookup(query))
        elif browse:
            _render_lookup(lookup(f"Article {browse}"))

        with st.expander("Renumbering map (current law → draft)"):
            st.dataframe(ui.renumbering_rows(corpus), hide_index=True)

        with st.expander("Fine bands"):
            who = st.radio("Who is fined", ["all", "entity", "individual"], horizontal=True, key="band_who")
            articles = sorted({b.article for b in bands.bands}, key=int)
            article = st.selectbox("Article", ["all", *articles], key="band_article")
            rows = ui.band_rows(bands, None if who == "all" else who, None if article == "all" else article)
            st.dataframe(rows, hide_index=True)

        with st.expander("Fine calculator", expanded=True):
            _calculator(bands)


def _calculator(bands: Any) -> None:
    bases = ui.multiple_bases(bands)
    article = st.radio("Article", list(bases), key="calc_article", horizontal=True,
                       format_func=lambda a: f"Art. {a} ({bases[a]})")
    amount = st.number_input(f"{bases[article].capitalize()} (yuan)", min_value=0, value=0, step=10_000,
                             format="%d", key="calc_amount")
    calc = ui.calculate(article, int(amount), bands)
    st.markdown(f"**{ui.escape_md(calc.summary())}**")
    st.caption(ui.escape_md(calc.explanation) + " Bands: " + ", ".join(f"`{b.id}`" for b in calc.bands))
    for other in calc.others:
        st.caption(ui.escape_md(f"Also on {other.who}: {other.describe_range()} ({other.id})."))


# -- chat --------------------------------------------------------------------------------------------
def _rate(index: int) -> None:
    """Feedback widget callback: the first click stores a row, a change of mind updates it."""
    ss = _state()
    msg, value = ss["messages"][index], ss.get(f"fb_{index}")
    if value is None:
        return
    rating = 1 if value == 1 else -1
    store = _store(str(default_path()))
    if msg.get("feedback_id"):
        store.set_rating(msg["feedback_id"], rating)
        return
    answer = msg["answer"]
    question = ss["messages"][index - 1]["content"] if index else ""
    msg["feedback_id"] = store.add(Feedback(rating, question, answer.text,
                                            citations=[c.label for c in answer.citations], backend=answer.backend,
                                            answer_ok=answer.ok, session_id=ss["session_id"]))


def _comment(index: int) -> None:
    ss = _state()
    msg = ss["messages"][index]
    if msg.get("feedback_id"):
        _store(str(default_path())).set_comment(msg["feedback_id"], ss.get(f"fbc_{index}", ""))


def _render_answer(index: int, msg: dict[str, Any]) -> None:
    answer = msg["answer"]
    st.markdown(ui.render_answer(answer.text, answer.claims))
    for notice in answer.notices:
        st.caption(f"⚠️ {ui.escape_md(notice)}")
    if answer.citations:
        corpus = load()
        with st.container(horizontal=True, gap="small"):
            for j, citation in enumerate(answer.citations):
                with st.popover(ui.chip_label(citation), icon=":material/menu_book:", key=f"chip_{index}_{j}"):
                    view = ui.citation_view(citation, corpus)
                    st.markdown(f"**{view.title}**")
                    st.caption(view.origin)
                    st.markdown(view.body)
    if answer.claims:
        with st.expander(ui.check_summary(answer)):
            st.markdown("\n".join(f"- {line}" for line in ui.claim_details(answer.claims)))
    else:
        st.caption(ui.check_summary(answer))
    st.feedback("thumbs", key=f"fb_{index}", on_change=_rate, args=(index,))
    if msg.get("feedback_id"):
        st.text_input("Comment (optional, press Enter to save)", key=f"fbc_{index}", on_change=_comment,
                      args=(index,), max_chars=2000)


def _render_message(index: int, msg: dict[str, Any]) -> None:
    with st.chat_message(msg["role"]):
        if msg["role"] == "user":
            st.markdown(ui.escape_md(msg["content"]))
        else:
            _render_answer(index, msg)


def _load(backend: str) -> Any:
    """The shared assistant for a backend: the first call per server loads the models (and builds the index)."""
    with st.spinner(f"Loading the embedding model, the search index (built on the first start) and the {backend} "
                    "backend…", show_time=True):
        return _assistant(backend)


def _get_answer(question: str, history: list[dict[str, str]]) -> Any:
    """Ask the chosen backend; a generative one streams its draft, then the checked Answer replaces it."""
    assistant = _load(st.session_state.get("backend", "grounded"))
    if not assistant.generative:
        with st.spinner("Finding the passages and checking every figure…"):
            return assistant.ask(question, history)
    placeholder, parts = st.empty(), []
    for piece in assistant.stream(question, history):
        if isinstance(piece, str):
            parts.append(piece)
            placeholder.markdown(ui.render_answer("".join(parts)) + " ▌  \n_(draft — figures are being checked)_")
        else:
            placeholder.empty()
            return piece
    raise RuntimeError("the assistant stream ended without an answer")


def _ask(question: str) -> None:
    messages = _state()["messages"]
    history = [{"role": m["role"], "content": m["content"]} for m in messages]
    with st.chat_message("user"):
        st.markdown(ui.escape_md(question))
    with st.chat_message("assistant"):
        try:
            answer = _get_answer(question, history)
        except QuestionError as error:
            st.warning(str(error))
            return
        except BackendUnavailable as error:
            st.error(f"This backend cannot run here: {ui.escape_md(str(error))}")
            return
        except Exception as error:  # the page must survive a failing question
            LOG.exception("answering failed")
            st.error(f"The assistant failed on this question ({type(error).__name__}: {ui.escape_md(str(error))}). "
                     "The conversation is kept; please try again or rephrase.")
            return
        messages += [{"role": "user", "content": question},
                     {"role": "assistant", "content": answer.text, "answer": answer}]
        _render_answer(len(messages) - 1, messages[-1])


def _clear() -> None:
    """Forget the conversation and its feedback widgets (their keys are per message index)."""
    ss = _state()
    ss["messages"] = []
    for key in [k for k in ss if str(k).startswith(("fb_", "fbc_"))]:
        del ss[key]


def main() -> None:
    st.set_page_config(page_title="CSL draft amendment assistant", page_icon="⚖️", layout="centered")
    ss = _state()
    _sidebar()
    st.title(TITLE)
    st.info(ui.escape_md(DOCUMENT_STATUS), icon=":material/info:")
    typed = st.chat_input("Ask about the draft amendment…", max_chars=MAX_QUESTION_CHARS)
    question = ss.pop("pending", None) or typed
    if not ss["messages"] and not question:
        st.markdown("**Try a question:**")
        with st.container(horizontal=True, gap="small"):
            for i, example in enumerate(EXAMPLES):
                st.button(example, key=f"example_{i}", on_click=ss.__setitem__, args=("pending", example))
    for index, msg in enumerate(ss["messages"]):
        _render_message(index, msg)
    if question:
        _ask(question)
    if ss["messages"]:
        export = ui.export_markdown(ss["messages"], DOCUMENT_STATUS, EXPORT_TITLE)
        ss["export_markdown"] = export
        with st.container(horizontal=True, gap="small"):
            st.download_button("Export conversation (Markdown)", export, file_name="csl-draft-conversation.md",
                               mime="text/markdown", icon=":material/download:", on_click="ignore")
            st.button("Clear conversation", icon=":material/delete:", on_click=_clear)
    try:  # warm start: load the shared models while the reader looks at the page
        _load(ss.get("backend", "grounded"))
    except BackendUnavailable as error:
        st.error(f"This backend cannot run here: {ui.escape_md(str(error))}")


main()

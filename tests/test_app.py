"""The Streamlit app through streamlit.testing (AppTest): chat, chips, follow-ups, views, export, feedback, reload.

One AppTest conversation is shared by the chat tests (module fixture) so the
embedding model and index load once; the index itself is built once per session
by the `built_index` fixture in conftest.py (CSL_INDEX_DIR is a temporary folder).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.ui import support as ui
from assistant.ui.feedback import FeedbackStore, default_path

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 180
QUESTION = "What fines apply for massive data leakage?"


def _new_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def _walk(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _walk(child)


def _chips(at: AppTest, message_index: int = -1) -> list[str]:
    """Labels of the citation popovers in one assistant message."""
    message = [m for m in at.chat_message if m.name == "assistant"][message_index]
    return [n.proto.popover.label for n in _walk(message) if getattr(n, "type", "") == "popover"]


def _answer_markdown(at: AppTest, message_index: int = -1) -> str:
    message = [m for m in at.chat_message if m.name == "assistant"][message_index]
    return "\n".join(md.value for md in message.markdown)


@pytest.fixture(scope="module")
def chat(built_index) -> AppTest:
    """A conversation: the data-leakage question, then the follow-up about the managers."""
    at = _new_app().run()
    assert not at.exception
    at.chat_input[0].set_value(QUESTION).run()
    assert not at.exception, at.exception
    assert len(at.session_state["messages"]) == 2, [e.value for e in at.error]
    return at


def test_empty_chat_shows_status_and_examples(built_index) -> None:
    at = _new_app().run()
    assert not at.exception
    assert "not the law in force" in at.info[0].value and "28 October 2025" in at.info[0].value
    assert QUESTION in [b.label for b in at.button]
    assert not at.chat_message


def _version_line(at: AppTest, message_index: int = -1) -> str:
    message = [m for m in at.chat_message if m.name == "assistant"][message_index]
    return next((c.value for c in message.caption if ":material/gavel:" in c.value), "")


def test_chat_answer_has_figures_marks_and_chip(chat: AppTest) -> None:
    assert "Draft Amendment \\(March 2025\\), not the law in force" in _version_line(chat, 0)
    md = _answer_markdown(chat, 0)
    assert "500,000" in md and "2,000,000" in md
    assert "**500,000 to 2,000,000 yuan** :green[✓]" in md, md
    assert "Art. 59(3)" in _chips(chat, 0)
    panel = [e for e in chat.chat_message[1].expander if "checked against the text" in e.label]
    assert panel and panel[0].label.startswith("✓ All ")
    rows = "\n".join(m.value for m in panel[0].markdown)
    assert "Article 59, paragraph 3" in rows and "art59." not in rows
    assert "<" not in md.replace("\\<", "")


def test_chip_opens_full_text_with_quote(chat: AppTest, corpus) -> None:
    message = [m for m in chat.chat_message if m.name == "assistant"][0]
    popover = next(n for n in _walk(message) if getattr(n, "type", "") == "popover"
                   and n.proto.popover.label == "Art. 59(3)")
    body = "\n".join(md.value for md in _walk(popover) if getattr(md, "type", "") == "markdown")
    assert "**" in body and "paragraph 3" in body
    assert re.sub(r"\\(.)", r"\1", body.split("\n", 1)[1].replace("**", "")) == corpus.unit("art59.p3").text


def _popover_texts(at: AppTest, message_index: int = -1) -> dict[str, str]:
    """Each source chip's label -> everything its popover shows (title, origin caption, full text)."""
    message = [m for m in at.chat_message if m.name == "assistant"][message_index]
    return {n.proto.popover.label: re.sub(r"\\(.)", r"\1", "\n".join(
        e.value for e in _walk(n) if getattr(e, "type", "") in ("markdown", "caption")))
            for n in _walk(message) if getattr(n, "type", "") == "popover"}


@pytest.mark.parametrize("question", [
    "Under the law in force, how much can a CII operator that refuses to fix its security failings be fined?",
    "现行网络安全法对拒不改正的网络运营者最高罚多少？"])
def test_law_in_force_chips_open_the_decision_and_say_so(built_index, question: str) -> None:
    """An answer about the law in force cites the Decision; its chips open the official Chinese text and say it
    is the law in force, with the article's 2016 number (they once raised KeyError: chips only knew the draft)."""
    at = _new_app().run()
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    assert "About the law in force" in _version_line(at) and "not the law in force" not in _version_line(at)
    chips = _popover_texts(at)
    adopted = {label: text for label, text in chips.items() if "The law in force" in text}
    assert adopted, chips
    for text in adopted.values():
        assert "official Chinese text" in text and "1 January 2026" in text and "Old number (2016 law)" in text
        assert re.search(r"[\u4e00-\u9fff]{20}", text)  # the article's own Chinese words, in full
    assert not any("not in the texts" in text for text in chips.values())


def test_follow_up_for_the_managers(chat: AppTest) -> None:
    chat.chat_input[0].set_value("and for the managers?").run()
    assert not chat.exception
    md = _answer_markdown(chat, -1)
    assert re.search(r"50,000 to 200,000 yuan", md), md
    assert "Art. 59(3)" in _chips(chat, -1)
    assert [m.name for m in chat.chat_message] == ["user", "assistant", "user", "assistant"]


def test_export_contains_question_answer_and_quote(chat: AppTest) -> None:
    export = chat.session_state["export_markdown"]
    answer = chat.session_state["messages"][1]["answer"]
    assert QUESTION in export and answer.text in export
    assert answer.citations and all(c.quote in export for c in answer.citations)
    assert chat.download_button and chat.download_button[0].label.startswith("Export conversation")


def test_thumbs_up_stores_a_row(chat: AppTest) -> None:
    store = FeedbackStore(default_path())
    before = store.count()
    chat.feedback(key="fb_1").set_value(1).run()
    assert not chat.exception
    assert store.count() == before + 1
    row = store.rows(1)[0]
    assert (row.rating, row.question) == (1, QUESTION) and "Art. 59(3)" in row.citations
    assert any(c.value.startswith("Thanks") for c in chat.chat_message[1].caption)
    chat.text_input(key="fbc_1").input("Clear, with the right band").run()
    assert store.rows(1)[0].comment == "Clear, with the right band" and store.count() == before + 1


def test_user_input_is_escaped_and_empty_question_warns(chat: AppTest) -> None:
    chat.chat_input[0].set_value("<script>alert(1)</script> what are the fines in **Article 69**?").run()
    assert not chat.exception
    user = [m for m in chat.chat_message if m.name == "user"][-1]
    assert user.markdown[0].value == ui.escape_md("<script>alert(1)</script> what are the fines in **Article 69**?")
    chat.chat_input[0].set_value("   ").run()
    assert any("empty" in w.value for w in chat.warning)


def test_sidebar_lookup_old_65_shows_article_67(built_index, corpus) -> None:
    at = _new_app().run()
    at.sidebar.text_input(key="lookup_query").input("old 65").run()
    texts = [md.value for md in at.sidebar.markdown]
    assert any("Article 67" in t and "old 65" in t for t in texts), texts
    assert ui.escape_md(corpus.articles["67"].units[0].text) in "\n".join(texts)


def test_fine_table_view_and_calculator(built_index) -> None:
    """The law in force by default (Article 63: 以上 includes 100,000, so that amount takes the multiple), the draft
    one click away (its Article 61 is silent on exactly 100,000)."""
    at = _new_app().run()
    at.switch_page("assistant/ui/pages/fines.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Fines in the law in force"
    at.text_input(key="calc_amount").input("400,000").run()
    assert any("**400,000 to 2,000,000 yuan**" in md.value for md in at.markdown)
    at.text_input(key="calc_amount").input("100000").run()
    assert any("reach 100,000 yuan, so the fine is 1 to 5 times" in md.value for md in at.markdown)
    at.segmented_control(key="band_text").set_value("Draft").run()
    assert not at.exception and at.title[0].value == "Fines in the draft"
    at.text_input(key="calc_amount").input("400,000").run()
    assert any("**400,000 to 1,200,000 yuan**" in md.value for md in at.markdown)
    at.text_input(key="calc_amount").input("100000").run()
    sentence = next(md.value for md in at.markdown if "silent" in md.value)
    assert sentence.count("silent") == 1 and "art61" not in sentence
    at.selectbox(key="calc_article").set_value("67").run()
    at.text_input(key="calc_amount").input("50,000").run()
    assert any("**50,000 to 500,000 yuan**" in md.value for md in at.markdown)
    at.text_input(key="calc_amount").input("a lot").run()
    assert at.warning and "whole number" in at.warning[0].value
    at.segmented_control(key="band_who").set_value("person").run()
    bands = at.dataframe[0].value
    assert set(bands["Entity or person"]) == {"person"}
    at.multiselect(key="band_article").set_value([69]).run()
    assert set(at.dataframe[0].value["Article"]) == {69}
    at.segmented_control(key="band_text").set_value("Law in force").run()
    assert not at.exception and "关键信息基础设施" not in " ".join(at.dataframe[0].value["Fined"])


def test_draft_vs_adopted_view_shows_changed_figures_side_by_side(built_index) -> None:
    at = _new_app().run()
    link = next(pl for pl in at.get("page_link") if "law in force" in pl.proto.label)
    assert link.proto.page.endswith("adopted") or "adopted" in link.proto.page
    at.switch_page("assistant/ui/pages/adopted.py").run()
    assert not at.exception, at.exception
    at.selectbox(key="adopted_article").set_value("61").run()
    changed = " ".join(w.value for w in at.warning)
    assert "30,000" in changed and "20,000" in changed  # draft Art. 61's fixed fine became 20,000 in Art. 63
    page = " ".join(md.value for md in at.markdown)
    assert "二万元以上十万元以下" in page and "30,000 yuan" in page


def test_renumbering_and_articles_views(built_index) -> None:
    at = _new_app().run()
    at.switch_page("assistant/ui/pages/renumbering.py").run()
    at.text_input(key="renum_find").input("65").run()
    rows = at.dataframe[0].value
    assert "Article 67" in set(rows["New (draft)"]) and "Article 65" in set(rows["Old (2016 law)"])
    assert "Article 65" in set(rows["Law in force"])  # 2016 Article 62: draft 63, Article 65 in force
    at.switch_page("assistant/ui/pages/articles.py").run()
    assert not at.exception and at.title[0].value == "Articles of the law in force"
    at.selectbox(key="browse_adopted_article").set_value("73").run()
    assert any("Adopted Article 73, paragraph 1" in md.value and "行政处罚法" in md.value for md in at.markdown)
    at.segmented_control(key="articles_text").set_value("Draft").run()
    at.selectbox(key="browse_article").set_value("69").run()
    assert not at.exception and any("Article 69, paragraph 1" in md.value for md in at.markdown)


def test_settings_offer_only_working_backends_in_plain_words(built_index) -> None:
    from assistant.backends import availability

    at = _new_app().run()
    working = [name for name, problem in availability().items() if problem is None]
    assert at.selectbox(key="backend").options == working
    shown = "\n".join(md.value for md in at.sidebar.markdown)
    for name in set(availability()) - set(working):
        assert f"**{name}**" in shown
    assert "make local" not in shown and "CSL_" not in shown and "pip install" not in shown


def test_reload_with_the_session_link_restores_the_chat(chat: AppTest) -> None:
    session = chat.query_params["s"]
    session = session[0] if isinstance(session, list) else session
    again = _new_app()
    again.query_params["s"] = session
    again.run()
    assert not again.exception
    assert [m["content"] for m in again.session_state["messages"]] == \
        [m["content"] for m in chat.session_state["messages"]]
    assert "**500,000 to 2,000,000 yuan** :green[✓]" in _answer_markdown(again, 0)
    fresh = _new_app().run()
    assert not fresh.session_state["messages"]


def _fake_generative(text: str):
    """A generative stand-in that streams a fixed answer word by word (no model load)."""
    import itertools

    from langchain_core.language_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    return GenericFakeChatModel(messages=itertools.cycle([AIMessage(content=text)]))


@pytest.fixture
def fake_backend(monkeypatch: pytest.MonkeyPatch):
    """Registers backend 'fake-stream' for the app (the app reads availability() and FACTORIES at run time)."""
    import streamlit as st

    from assistant import backends

    real = backends.availability()
    monkeypatch.setitem(backends.FACTORIES, "fake-stream", lambda: _fake_generative(
        "Article 59: a fine of 500,000 to 2,000,000 yuan shall be imposed on the network operator [art59.p3]."))
    monkeypatch.setattr(backends, "availability", lambda: real | {"fake-stream": None})
    st.cache_data.clear()
    yield "fake-stream"
    st.cache_data.clear()


def test_generative_backend_streams_then_shows_the_checked_answer(built_index, fake_backend: str) -> None:
    at = _new_app().run()
    at.selectbox(key="backend").set_value(fake_backend).run()
    at.chat_input[0].set_value(QUESTION).run()
    assert not at.exception, at.exception
    answer = at.session_state["messages"][1]["answer"]
    assert answer.backend == fake_backend and answer.ok
    md = _answer_markdown(at, 0)
    assert "draft — figures are being checked" not in md  # the streamed draft was replaced
    assert "**500,000 to 2,000,000 yuan** :green[✓]" in md, md
    assert "Art. 59(3)" in _chips(at, 0)


@pytest.mark.slow
def test_smollm2_backend_in_the_app(built_index) -> None:
    """The real local generative model through the app: streamed, checked, and never shown unverified."""
    from assistant.backends import availability

    problem = availability().get("smollm2")
    if problem:
        pytest.skip(f"smollm2: {problem}")
    at = AppTest.from_file(APP, default_timeout=600).run()
    at.selectbox(key="backend").set_value("smollm2").run()
    at.chat_input[0].set_value(QUESTION).run()
    assert not at.exception, at.exception
    answer = at.session_state["messages"][1]["answer"]
    assert answer.backend == "smollm2" and answer.ok
    md = _answer_markdown(at, 0)
    assert "500,000" in md and "✗" not in md

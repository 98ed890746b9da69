"""Conversations kept server-side (reload keeps the chat) and the dated, versioned export."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime

from assistant.answering.records import Answer, Citation
from assistant.document.kinds import Version
from assistant.ui.conversations import ConversationStore, answer_from_dict, answer_to_dict
from assistant.ui.export import document_version, export_filename, export_markdown


def _answer(corpus) -> Answer:
    quote = corpus.unit("art59.p3").text.split(". ")[0]
    text = "A fine of 500,000 to 2,000,000 yuan shall be imposed [Art. 59(3)]."
    start = text.index("500,000")
    claim = {"text": "500,000 to 2,000,000 yuan", "start": start, "end": start + 25, "kind": "range",
             "value": [500_000, 2_000_000], "verdict": "verified", "evidence": [{"id": "art59.p3.f1", "quote": quote}]}
    return Answer("What fines apply for massive data leakage?", text,
                  (Citation("art59.p3", "Art. 59(3)", "59", 3, None, quote),), ("art59.p3",),
                  {"ok": True, "claims": [claim]}, True, False, "grounded", notices=("a notice",))


def _messages(answer: Answer) -> list[dict]:
    return [{"role": "user", "content": answer.question},
            {"role": "assistant", "content": answer.text, "answer": answer, "feedback_id": 3}]


def test_answer_round_trips(corpus) -> None:
    answer = _answer(corpus)
    assert answer_from_dict(answer_to_dict(answer)) == answer
    assert answer_from_dict(answer_to_dict(answer) | {"from_a_newer_version": 1}) == answer


def test_what_an_answer_is_about_survives_a_reload(tmp_path, corpus) -> None:
    """A law-in-force answer that notes the draft's figures is restored as about the law in force, not a mix."""
    answer = replace(_answer(corpus), about=frozenset({Version.ADOPTED}))
    store = ConversationStore(tmp_path / "state.sqlite3")
    session = uuid.uuid4().hex
    store.save(session, _messages(answer))
    restored = ConversationStore(tmp_path / "state.sqlite3").load(session)[1]["answer"]
    assert restored == answer and restored.version_note and restored.version_note.startswith("About the law in force")


def test_store_keeps_a_conversation_per_session(tmp_path, corpus) -> None:
    store = ConversationStore(tmp_path / "state.sqlite3")
    first, second = uuid.uuid4().hex, uuid.uuid4().hex
    messages = _messages(_answer(corpus))
    store.save(first, messages)
    assert ConversationStore(tmp_path / "state.sqlite3").load(first) == messages  # a new process sees it
    assert store.load(second) == [] and store.load("../../etc/passwd") == []
    store.save(first, messages[:1])
    assert store.load(first) == messages[:1]
    store.forget(first)
    assert store.load(first) == []


def test_export_names_date_backend_and_document_version(corpus) -> None:
    answer = _answer(corpus)
    when = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    md = export_markdown(_messages(answer), "STATUS <b>", "Title", exported_at=when)
    assert md.startswith("# Title") and "- Exported: 2026-01-02 03:04 UTC" in md
    assert "- Answering backend: grounded" in md and document_version() in md
    assert "text fingerprint" in document_version() and "March 2025" in document_version()
    assert "28 October 2025" in document_version() and document_version().count("text fingerprint") == 2
    assert "_About the Draft Amendment (March 2025), not the law in force._" in md  # each answer says its text
    assert answer.question in md and answer.text in md and answer.citations[0].quote in md
    assert "STATUS &lt;b&gt;" in md and "✓ 1 figure checked against the text" in md
    assert export_filename(when) == "csl-draft-conversation-2026-01-02.md"
    assert "No questions asked yet" in export_markdown([], "s", "t")

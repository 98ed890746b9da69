"""Conversations kept server-side so a page reload (or a bookmarked link) brings the chat back.

The key is the session id the app puts in the URL (`?s=<id>`); the messages are
stored as JSON in the same SQLite file as the feedback (its own table), with the
same one-transaction-per-write discipline. An answer round-trips through its
dataclass fields, so the restored chat shows the same marks, chips and checks.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.answering.records import Answer, Citation
from assistant.document.kinds import Version
from assistant.ui.feedback import FeedbackStore

SESSION_ID_RE = re.compile(r"^[0-9a-f]{32}$")  # uuid4().hex: nothing else is looked up
SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    session_id TEXT PRIMARY KEY,
    updated_at TEXT NOT NULL,
    messages TEXT NOT NULL
)
"""
_TUPLE_FIELDS = ("retrieved", "notices", "dropped_citations")


def valid_session_id(value: object) -> bool:
    return isinstance(value, str) and bool(SESSION_ID_RE.match(value))


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    data = asdict(answer)
    data["about"] = None if answer.about is None else sorted(answer.about)  # JSON has no sets
    return data


def answer_from_dict(data: dict[str, Any]) -> Answer:
    """The inverse of `answer_to_dict`; unknown keys (from a newer version) are ignored."""
    known = {f.name for f in fields(Answer)}
    values = {k: v for k, v in data.items() if k in known}
    cited = {f.name for f in fields(Citation)}
    values["citations"] = tuple(Citation(**{k: v for k, v in c.items() if k in cited})
                                for c in values.get("citations", ()))
    for name in _TUPLE_FIELDS:
        if name in values:
            values[name] = tuple(values[name])
    if values.get("about") is not None:
        values["about"] = frozenset(Version(v) for v in values["about"])
    return Answer(**values)


def dump_messages(messages: list[dict[str, Any]]) -> str:
    out = []
    for msg in messages:
        row = {"role": msg["role"], "content": msg.get("content", "")}
        if msg.get("answer") is not None:
            row["answer"] = answer_to_dict(msg["answer"])
        if msg.get("feedback_id"):
            row["feedback_id"] = msg["feedback_id"]
        out.append(row)
    return json.dumps(out, ensure_ascii=False, default=str)


def load_messages(text: str) -> list[dict[str, Any]]:
    out = []
    for row in json.loads(text):
        msg = {"role": row["role"], "content": row.get("content", "")}
        if row.get("answer") is not None:
            msg["answer"] = answer_from_dict(row["answer"])
        if row.get("feedback_id"):
            msg["feedback_id"] = row["feedback_id"]
        out.append(msg)
    return out


class ConversationStore(FeedbackStore):
    """The feedback file's sibling table of conversations, one row per session id."""

    def __init__(self, path: Path | str | None = None) -> None:
        super().__init__(path)
        self._write(SCHEMA, ())

    def save(self, session_id: str, messages: list[dict[str, Any]]) -> None:
        if not valid_session_id(session_id):
            raise ValueError("not a session id")
        self._write("INSERT INTO conversations (session_id, updated_at, messages) VALUES (?, ?, ?) "
                    "ON CONFLICT(session_id) DO UPDATE SET updated_at = excluded.updated_at, "
                    "messages = excluded.messages",
                    (session_id, datetime.now(UTC).isoformat(timespec="seconds"), dump_messages(messages)))

    def load(self, session_id: str) -> list[dict[str, Any]]:
        """The stored messages of a session, or [] for an unknown or malformed id."""
        if not valid_session_id(session_id):
            return []
        with self._connect() as conn:
            row = conn.execute("SELECT messages FROM conversations WHERE session_id = ?", (session_id,)).fetchone()
        return load_messages(row[0]) if row else []

    def forget(self, session_id: str) -> None:
        if valid_session_id(session_id):
            self._write("DELETE FROM conversations WHERE session_id = ?", (session_id,))

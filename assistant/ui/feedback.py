"""Durable thumbs-up/down feedback in a SQLite file next to the index.

Several Streamlit sessions (threads) and even several server processes may write
at once, so every record is its own short `BEGIN IMMEDIATE` transaction on a
fresh connection, in WAL mode with a busy timeout and `synchronous=FULL`: a
committed row survives a crash of the writer, and a writer that waits for the
lock retries instead of dropping the row.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from assistant.config import settings

FILENAME = "feedback.sqlite3"
BUSY_TIMEOUT_MS = 15_000
RETRIES = 8
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    session_id TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL DEFAULT '[]',
    backend TEXT NOT NULL DEFAULT '',
    answer_ok INTEGER
)
"""
T = TypeVar("T")


@dataclass(frozen=True)
class Feedback:
    """One rating of one answer; `rating` is 1 (thumbs up) or -1 (thumbs down)."""

    rating: int
    question: str
    answer: str
    comment: str = ""
    citations: Sequence[str] = ()
    backend: str = ""
    answer_ok: bool | None = None
    session_id: str = ""
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    id: int | None = None


def default_path() -> Path:
    """The feedback file beside the index (CSL_INDEX_DIR), so one volume holds the app's state."""
    return settings().index_dir / FILENAME


def _transient(error: sqlite3.OperationalError) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


class FeedbackStore:
    """Append-mostly store; safe across threads and processes, one transaction per record."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._retry(self._init_schema)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)) as conn:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = FULL")
            yield conn

    def _retry(self, action: Callable[[], T]) -> T:
        """Run one transaction, retrying when another writer holds the lock longer than the busy timeout."""
        for attempt in range(RETRIES):
            try:
                return action()
            except sqlite3.OperationalError as error:
                if not _transient(error) or attempt == RETRIES - 1:
                    raise
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")

    def _init_schema(self) -> None:
        with self._connect() as conn:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(SCHEMA)

    def _write(self, sql: str, params: Sequence[object]) -> int:
        def run() -> int:
            with self._connect() as conn:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    cursor = conn.execute(sql, params)
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                return int(cursor.lastrowid or 0)

        return self._retry(run)

    def add(self, item: Feedback) -> int:
        """Store one rating (its own transaction); returns the row id."""
        if item.rating not in (-1, 1):
            raise ValueError("rating must be 1 (thumbs up) or -1 (thumbs down)")
        return self._write(
            "INSERT INTO feedback (created_at, session_id, rating, comment, question, answer, citations, backend,"
            " answer_ok) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (item.created_at, item.session_id, item.rating, item.comment, item.question, item.answer,
             json.dumps(list(item.citations), ensure_ascii=False), item.backend,
             None if item.answer_ok is None else int(item.answer_ok)))

    def set_rating(self, row_id: int, rating: int) -> None:
        """A change of mind on the same answer replaces the stored rating rather than adding a row."""
        if rating not in (-1, 1):
            raise ValueError("rating must be 1 (thumbs up) or -1 (thumbs down)")
        self._write("UPDATE feedback SET rating = ? WHERE id = ?", (rating, row_id))

    def set_comment(self, row_id: int, comment: str) -> None:
        """Attach or replace the optional comment of a stored rating."""
        self._write("UPDATE feedback SET comment = ? WHERE id = ?", (comment, row_id))

    def count(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])

    def rows(self, limit: int | None = None) -> list[Feedback]:
        """Newest first."""
        sql = ("SELECT id, created_at, session_id, rating, comment, question, answer, citations, backend, answer_ok"
               " FROM feedback ORDER BY id DESC")
        with self._connect() as conn:
            found = conn.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ()).fetchall()
        return [Feedback(rating=r[3], question=r[5], answer=r[6], comment=r[4], citations=tuple(json.loads(r[7])),
                         backend=r[8], answer_ok=None if r[9] is None else bool(r[9]), session_id=r[2],
                         created_at=r[1], id=r[0]) for r in found]

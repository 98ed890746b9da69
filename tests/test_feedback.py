"""The feedback store: durable, atomic, and correct with several writing processes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from assistant.ui.feedback import FILENAME, Feedback, FeedbackStore, default_path

ROOT = Path(__file__).resolve().parent.parent
WRITER = textwrap.dedent("""
    import sys
    from assistant.ui.feedback import Feedback, FeedbackStore
    path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = FeedbackStore(path)
    for i in range(count):
        row = store.add(Feedback(1 if i % 2 else -1, f"{tag} question {i}", "answer " * 50, comment=tag,
                                 citations=["Art. 59(3)"], backend="grounded", answer_ok=True, session_id=tag))
        print(row, flush=True)
""")


def _writer(path: Path, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag, str(count)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_add_and_read_back(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "sub" / FILENAME)
    row = store.add(Feedback(1, "What fines apply?", "500,000 to 2,000,000 yuan", citations=["Art. 59(3)"],
                             backend="grounded", answer_ok=True, session_id="s1"))
    store.set_comment(row, "clear and cited")
    store.set_rating(row, -1)
    [stored] = store.rows()
    assert (stored.id, stored.rating, stored.comment, tuple(stored.citations)) == (row, -1, "clear and cited",
                                                                                   ("Art. 59(3)",))
    assert stored.answer_ok is True and stored.session_id == "s1" and stored.created_at
    assert store.count() == 1


def test_wal_mode_and_rejects_bad_rating(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / FILENAME)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(ValueError):
        store.add(Feedback(0, "q", "a"))
    assert store.count() == 0


def test_default_path_is_next_to_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSL_INDEX_DIR", str(tmp_path / "idx"))
    assert default_path() == tmp_path / "idx" / FILENAME
    assert FeedbackStore().path.parent.is_dir()


def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    path, writers, each = tmp_path / FILENAME, 4, 60
    procs = [_writer(path, f"w{n}", each) for n in range(writers)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert len(out.split()) == each
    store = FeedbackStore(path)
    assert store.count() == writers * each
    rows = store.rows()
    assert len({r.id for r in rows}) == writers * each
    assert {r.session_id for r in rows} == {f"w{n}" for n in range(writers)}


def test_concurrent_threads_lose_nothing(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    store = FeedbackStore(tmp_path / FILENAME)
    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(lambda i: store.add(Feedback(1, f"q{i}", "a")), range(200)))
    assert len(set(ids)) == 200 and store.count() == 200


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_writer_leaves_a_readable_db_with_every_committed_row(tmp_path: Path) -> None:
    path = tmp_path / FILENAME
    proc = _writer(path, "victim", 100_000)
    committed: list[int] = []
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    while len(committed) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed.append(int(line))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert len(committed) >= 40, proc.stderr.read() if proc.stderr else ""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = {row[0] for row in conn.execute("SELECT id FROM feedback")}
    assert set(committed) <= ids  # every row the writer saw committed is there
    store = FeedbackStore(path)  # and the store keeps working after the crash
    store.add(Feedback(1, "after the crash", "a"))
    assert store.count() == len(ids) + 1

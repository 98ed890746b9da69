"""The index folder on disk: usable, read-only, or unusable (with one clear line saying why).

Deployments differ: a developer's checkout builds `index/` in place; a server may
ship a pre-built index in a read-only folder served by a non-root user. Chroma
cannot open a SQLite store it may not write, so a read-only store is copied to a
private temporary folder (a few hundred kilobytes) and opened there; nothing is
ever written to the read-only folder. A file, a symlink loop or a folder that
cannot be read or created raises IndexLocationError (exit code 4).
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import shutil
import sqlite3
import stat
import tempfile
import uuid
from pathlib import Path

from assistant.errors import IndexLocationError

STORE = "chroma"
DATABASE = "chroma.sqlite3"


def _stat_problem(path: Path) -> str:
    """Why a path cannot be an index folder ('' when it is a folder or does not exist yet)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return ""
    except NotADirectoryError:
        return "is inside a file, not a folder"
    except OSError as exc:
        return "is a symlink loop" if exc.errno == errno.ELOOP else f"cannot be read ({exc.strerror or exc})"
    except ValueError:
        return "is not a valid path (it contains a NUL byte)"
    return "" if stat.S_ISDIR(mode) else "is a file, not a folder"


def _fail(path: Path, problem: str) -> IndexLocationError:
    return IndexLocationError(f"the index folder {path} {problem}; set CSL_INDEX_DIR to a folder you can use")


def has_store(index_dir: Path) -> bool:
    """A store is there to open (without creating anything)."""
    try:
        return (index_dir / STORE / DATABASE).is_file()
    except OSError:
        return False


def writable(folder: Path) -> bool:
    """Whether files can be created in the folder (and its store changed), tried for real: root ignores modes."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
        store = folder / STORE
        if store.is_dir():
            with tempfile.TemporaryFile(dir=store):
                pass
            return os.access(store / DATABASE, os.W_OK) or not (store / DATABASE).exists()
        return True
    except OSError:
        return False


def prepare(index_dir: Path) -> bool:
    """Check (and create) the index folder; True when it is writable, False when read-only with a store in it."""
    if problem := _stat_problem(index_dir):
        raise _fail(index_dir, problem)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _fail(index_dir, f"cannot be created ({exc.strerror or type(exc).__name__})") from None
    if not os.access(index_dir, os.R_OK | os.X_OK):
        raise _fail(index_dir, "cannot be read (no permission)")
    if writable(index_dir):
        return True
    if not has_store(index_dir):
        raise _fail(index_dir, "is read-only and holds no index to serve (build one where you can write)")
    return False


def inspectable(index_dir: Path) -> bool:
    """For `index status`: raise for an unusable path, False when there is no store; never creates anything."""
    if problem := _stat_problem(index_dir):
        raise _fail(index_dir, problem)
    if index_dir.exists() and not os.access(index_dir, os.R_OK | os.X_OK):
        raise _fail(index_dir, "cannot be read (no permission)")
    return has_store(index_dir)


def private_copy(index_dir: Path) -> Path:
    """A copy of the store in a temporary folder owned by this process, removed at exit."""
    target = Path(tempfile.mkdtemp(prefix="csl-index-"))
    atexit.register(shutil.rmtree, target, True)
    try:
        shutil.copytree(index_dir / STORE, target / STORE)
    except OSError as exc:
        raise _fail(index_dir, f"holds a store that cannot be read ({exc.strerror or type(exc).__name__})") from None
    for path in (target, *target.rglob("*")):
        path.chmod(0o700 if path.is_dir() else 0o600)
    return target


def remove_orphan_segments(index_dir: Path) -> list[str]:
    """Remove segment folders no collection refers to any more (what a rebuild replaced); their names."""
    store = index_dir / STORE
    try:
        with contextlib.closing(sqlite3.connect(f"file:{store / DATABASE}?mode=ro", uri=True)) as db:
            live = {row[0] for row in db.execute("SELECT id FROM segments")}
    except sqlite3.Error:
        return []
    removed = []
    for folder in store.iterdir():
        if folder.is_dir() and _is_uuid(folder.name) and folder.name not in live:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed


def _is_uuid(name: str) -> bool:
    try:
        uuid.UUID(name)
    except ValueError:
        return False
    return True

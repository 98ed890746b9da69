"""Deployment shapes: a read-only pre-built index served by a non-root user; bad index paths in one line."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from assistant.cli.main import BAD_INDEX_PATH, main
from assistant.config import settings
from tests import unprivileged


def run_as_user(args, env, stdin=b""):
    prefix = unprivileged.prefix()
    if prefix is None:
        pytest.skip(unprivileged.why_not())
    return subprocess.run([*prefix, sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True,
                          env=os.environ | {"HOME": "/tmp"} | env, timeout=600, cwd=os.getcwd())


@pytest.fixture
def public_tmp():
    """A temporary folder another user can reach (pytest's own lives under a private 0700 folder)."""
    folder = Path(tempfile.mkdtemp(prefix="csl-deploy-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


@pytest.fixture
def read_only_index(public_tmp, built_index):
    folder = public_tmp / "served"
    shutil.copytree(settings().index_dir / "chroma", folder / "chroma")
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    return folder


def _listing(folder):
    return sorted((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*"))


def test_a_read_only_index_answers_for_a_non_root_user(read_only_index):
    before = _listing(read_only_index)
    proc = run_as_user(["ask", "--json", "What fines apply for massive data leakage?"],
                       {"CSL_INDEX_DIR": str(read_only_index)})
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    answer = json.loads(proc.stdout)
    assert answer["ok"] and "500,000" in answer["answer"]
    status = run_as_user(["index", "status", "--json"], {"CSL_INDEX_DIR": str(read_only_index)})
    assert status.returncode == 0 and json.loads(status.stdout)["fresh"] is True
    assert _listing(read_only_index) == before  # nothing written: no lock, no database journal


def test_a_folder_without_permission_is_one_line_and_exit_4(public_tmp):
    locked = public_tmp / "locked"
    locked.mkdir(mode=0o000)
    proc = run_as_user(["index", "build"], {"CSL_INDEX_DIR": str(locked / "index")})
    err = proc.stderr.decode()
    assert proc.returncode == BAD_INDEX_PATH and "Traceback" not in err
    assert err.count("\n") == 1 and str(locked) in err


@pytest.mark.parametrize("command", [["index", "build"], ["index", "status"], ["ask", "Article 59 fines?"]])
@pytest.mark.parametrize("shape", ["file", "loop", "under a file"])
def test_a_bad_index_path_is_one_line_and_exit_4(tmp_path, monkeypatch, capsys, shape, command):
    target = tmp_path / "index"
    if shape == "file":
        target.write_text("not a folder")
    elif shape == "loop":
        (tmp_path / "other").symlink_to(target)
        target.symlink_to(tmp_path / "other")
    else:
        (tmp_path / "file").write_text("x")
        target = tmp_path / "file" / "index"
    monkeypatch.setenv("CSL_INDEX_DIR", str(target))
    assert main(command) == BAD_INDEX_PATH
    err = capsys.readouterr().err
    assert err.startswith("error: the index folder") and err.count("\n") == 1 and "Traceback" not in err

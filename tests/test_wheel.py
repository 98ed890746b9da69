"""The package as a new user gets it: a wheel, installed outside the checkout, run from elsewhere.

Offline throughout: the wheel is built without build isolation and installed with `--no-deps --target`
into a temporary folder; its dependencies come from the running environment. The commands run with
that folder first on PYTHONPATH, from an unrelated working directory, with HOME and XDG_DATA_HOME in a
temporary folder, so the per-user data directory (platformdirs) is one the test can inspect.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parent.parent
PROMPTS = ("system.md", "answer.md", "repair.md", "refusals.toml")


@dataclass(frozen=True)
class Installed:
    wheel: Path
    target: Path  # what `pip install --target` wrote: the package, its scripts, its metadata
    home: Path
    cwd: Path

    @property
    def data_home(self) -> Path:
        return self.home / ".local" / "share"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CSL_") and k != "PYTHONPATH"}
        return env | {"PYTHONPATH": str(self.target), "HOME": str(self.home),
                      "XDG_DATA_HOME": str(self.data_home)} | extra

    def run(self, *argv: str, stdin: str = "", **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *argv], input=stdin, cwd=self.cwd, env=self.env(**extra),
                              capture_output=True, text=True, timeout=900)


def _source_copy(dest: Path) -> Path:
    """Only what a source distribution holds, so the build cannot lean on files beside the checkout."""
    dest.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    shutil.copytree(ROOT / "assistant", dest / "assistant",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    src, dist, target = _source_copy(base / "src"), base / "dist", base / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dist), str(src)],
                   check=True, capture_output=True, timeout=600)
    (wheel,) = dist.glob("csl_assistant-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    (base / "home").mkdir()
    (base / "elsewhere").mkdir()
    return Installed(wheel, target, base / "home", base / "elsewhere")


def _data_files() -> set[str]:
    """Every non-Python file of the package in the checkout: each must ship, whatever its folder."""
    return {p.relative_to(ROOT).as_posix() for p in (ROOT / "assistant").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}


def test_wheel_carries_the_text_and_the_prompts(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert {f"assistant/data/prompts/{name}" for name in PROMPTS} | {"assistant/data/csl_draft_amendment_2.txt"} \
        <= _data_files()
    assert _data_files() <= names, sorted(_data_files() - names)
    assert not any(n.startswith(("tests/", "evals/", "index/")) for n in names)


def test_runs_the_installed_copy_not_the_checkout(installed: Installed) -> None:
    done = installed.run("-c", "import assistant, assistant.config as c; print(assistant.__file__, c.in_checkout())")
    path, in_checkout = done.stdout.split()
    assert Path(path).is_relative_to(installed.target), done.stderr
    assert in_checkout == "False"


def test_bands_and_lookup_from_another_directory(installed: Installed) -> None:
    bands = installed.run("-m", "assistant", "bands", "--article", "59", "--json")
    assert bands.returncode == 0, bands.stderr
    rows = json.loads(bands.stdout)
    assert {(r["paragraph"], r["min"], r["max"]) for r in rows} >= {(3, 2_000_000, 10_000_000)}
    lookup = installed.run("-m", "assistant", "lookup", "Article 69")
    assert lookup.returncode == 0, lookup.stderr
    assert "Article 69 of the draft" in lookup.stdout and "2,000,000 yuan" in lookup.stdout
    script = subprocess.run([str(installed.target / "bin" / "csl-assistant"), "lookup", "old Article 65"],
                            cwd=installed.cwd, env=installed.env(), capture_output=True, text=True, timeout=300)
    assert script.returncode == 0, script.stderr


def test_check_reads_stdin(installed: Installed) -> None:
    good = installed.run("-m", "assistant", "check", stdin="Article 59 allows fines of up to 10,000,000 yuan.")
    assert good.returncode == 0 and good.stdout.startswith("OK"), good.stdout + good.stderr
    bad = installed.run("-m", "assistant", "check", stdin="Article 59 allows fines of up to 20,000,000 yuan.")
    assert bad.returncode == 1 and "contradicted" in bad.stdout, bad.stdout + bad.stderr


def test_ask_builds_its_index_in_the_per_user_data_dir(installed: Installed) -> None:
    checkout_index = ROOT / "index"
    before = checkout_index.stat().st_mtime_ns if checkout_index.exists() else None
    done = installed.run("-m", "assistant", "ask", "--json", "What is the maximum fine in Article 59?")
    assert done.returncode == 0, done.stderr[-3000:]
    answer = json.loads(done.stdout)
    assert "10,000,000 yuan" in answer["answer"]
    assert answer["claims"] and all(c["verdict"] == "verified" for c in answer["claims"])
    index = installed.data_home / "csl-assistant" / "index"
    assert (index / "chroma").is_dir() and any((index / "chroma").iterdir())
    assert not list(installed.target.rglob("chroma*")), "index written beside the installed package"
    assert (checkout_index.stat().st_mtime_ns if checkout_index.exists() else None) == before
    assert not (installed.cwd / "index").exists()


def test_feedback_follows_the_data_dir_and_csl_index_dir_wins(installed: Installed, tmp_path: Path) -> None:
    code = ("from assistant.ui.feedback import Feedback, FeedbackStore\n"
            "store = FeedbackStore()\n"
            "store.add(Feedback(1, 'q', 'a'))\n"
            "print(store.path)")
    default = installed.run("-c", code)
    assert default.returncode == 0, default.stderr
    assert Path(default.stdout.strip()).is_relative_to(installed.data_home / "csl-assistant")
    assert Path(default.stdout.strip()).is_file()
    chosen = installed.run("-c", code, CSL_INDEX_DIR=str(tmp_path / "mine"))
    assert chosen.returncode == 0, chosen.stderr
    assert Path(chosen.stdout.strip()).parent == tmp_path / "mine"

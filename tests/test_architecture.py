"""The architecture, enforced: one-way layers, no import cycles, light commands that stay light.

The layer contracts live in pyproject.toml ([tool.importlinter]) and run through `lint-imports`;
the light-command test runs the real CLI in a subprocess and reads what Python actually imported.
"""

from __future__ import annotations

import argparse
import graphlib
import os
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "sentence_transformers", "transformers", "chromadb", "langchain", "langchain_core",
         "rank_bm25", "onnxruntime", "streamlit")
ANSWER = "The maximum fine under Article 59 is 10,000,000 yuan."


def _env() -> dict[str, str]:
    """This checkout first on the path, so the check reads these files and not another install."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return os.environ | {"PYTHONPATH": path}


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    cmd = [str(lint)] if lint.exists() else [sys.executable, "-m", "importlinter.cli"]
    done = subprocess.run([*cmd, "--no-cache", "--no-logo"], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_no_module_imports_itself_back() -> None:
    """No cycle of any length between modules, a package and its own modules included.

    `acyclic_siblings` in the contracts covers siblings; a package `__init__` that imports a
    module which imports the package back is a parent-child cycle it does not see.
    Imports under TYPE_CHECKING are left out: they never run.
    """
    graph = grimp.build_graph("assistant", exclude_type_checking_imports=True)
    deps = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    try:
        graphlib.TopologicalSorter(deps).prepare()
    except graphlib.CycleError as exc:
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")


@pytest.mark.parametrize("command", ["bands", "lookup", "index", "ask", "chat", "check", "eval"])
def test_each_command_still_gets_its_arguments(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI builds only the chosen command's arguments; each must still be there when chosen."""
    from assistant.cli import commands, main

    assert main([command, "--help"]) == 0  # argparse's exit is turned into the documented code
    usage = capsys.readouterr().out
    assert usage.startswith(f"usage: csl-assistant {command}") and "--json" in usage
    probe = argparse.ArgumentParser()
    commands.REGISTRY[command][1](probe)
    for action in probe._actions:
        assert not action.option_strings or any(o in usage for o in action.option_strings), action


def _imported(argv: list[str], stdin: str = "") -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """Top-level names of every module the command imported, read from `python -X importtime`."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "assistant", *argv], input=stdin,
                          cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300)
    names = {line.rsplit("|", 1)[1].strip().split(".")[0]
             for line in done.stderr.splitlines() if line.startswith("import time:") and "|" in line}
    return names, done


@pytest.mark.parametrize(("argv", "stdin", "code", "expect"), [
    (["bands"], "", 0, "Art. 59(3)"),
    (["lookup", "Article", "69"], "", 0, "Article 69"),
    (["check"], ANSWER, 0, "OK: all"),
    (["check", "--json"], "The fine is up to 3,000,000 yuan under Article 59.", 1, '"verdict"'),
])
def test_light_commands_import_no_model_store_or_langchain(argv: list[str], stdin: str, code: int,
                                                          expect: str) -> None:
    names, done = _imported(argv, stdin)
    assert done.returncode == code, done.stdout + done.stderr[-2000:]
    assert expect in done.stdout
    assert "assistant" in names, "importtime output not read"
    assert not names & set(HEAVY), f"{argv[0]} imported {sorted(names & set(HEAVY))}"

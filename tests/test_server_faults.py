"""A Chroma server that goes away: lexical answers with a notice mid-batch, one line and exit 3 otherwise."""

import contextlib
import json
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from assistant.cli.main import BAD_INPUT, SERVICE_UNAVAILABLE, main
from assistant.config import settings
from assistant.retrieval.index import ensure_index
from tests.chroma_server import running_server
from tests.services import free_port

QUESTION = json.dumps({"question": "What fines apply for massive data leakage?"}).encode() + b"\n"


def _ask(proc: subprocess.Popen) -> dict:
    proc.stdin.write(QUESTION)
    proc.stdin.flush()
    return json.loads(proc.stdout.readline())


def test_server_killed_mid_batch_degrades_to_lexical_with_a_notice(tmp_path, index_dir):
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(running_server(tmp_path))
        ensure_index(replace(settings(), chroma_url=url))
        proc = subprocess.Popen([sys.executable, "-m", "assistant", "ask", "--jsonl"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=os.environ | {"CSL_CHROMA_URL": url})
        before = _ask(proc)
        stack.close()  # the server is terminated here, with the batch still running
        after = [_ask(proc) for _ in range(3)]
    proc.stdin.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0 and "Traceback" not in err
    assert before["ok"] and not any("lexical" in n for n in before["notices"])
    for answer in after:
        assert "500,000" in answer["answer"] and answer["ok"]  # every figure still verified
        assert any("lexical (BM25)" in n and "unavailable" in n for n in answer["notices"])


@pytest.mark.parametrize("command", [["index", "build"], ["index", "status"], ["ask", "Article 59 fines?"]])
def test_an_unreachable_server_is_one_line_naming_the_url_and_exit_3(monkeypatch, capsys, command):
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("CSL_CHROMA_URL", url)
    assert main(command) == SERVICE_UNAVAILABLE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and url in err and "Traceback" not in err


@pytest.mark.parametrize("url", ["127.0.0.1:8000", "localhost", "http://:8000", "http://h:99999", "ftp://h:1",
                                 "http://h:port"])
def test_a_malformed_server_url_is_bad_input_not_a_guess(monkeypatch, capsys, url):
    monkeypatch.setenv("CSL_CHROMA_URL", url)
    assert main(["index", "build"]) == BAD_INPUT
    err = capsys.readouterr().err
    assert "Chroma server URL" in err and "http://" in err and err.count("\n") == 1

"""The ask command as a process: one question, a JSON-lines batch, bad input."""

import json
import os
import subprocess
import sys

from assistant.cli.main import main


def run_cli(args, stdin: bytes = b"", env=None):
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True,
                          env=os.environ | (env or {}), timeout=300)


def test_ask_json_headline(built_index, capsys):
    assert main(["ask", "--json", "What fines apply for massive data leakage?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and data["backend"] == "grounded" and not data["refused"]
    assert {"question", "answer", "citations", "retrieved", "claims", "latency_ms"} <= set(data)
    assert data["citations"][0]["unit_id"] == "art59.p3" and data["citations"][0]["quote"]


def test_empty_question_is_a_clear_error(built_index, capsys):
    assert main(["ask", "   "]) == 2
    assert "question" in capsys.readouterr().err


def test_unknown_backend_is_a_clear_error(built_index, capsys):
    assert main(["ask", "--llm", "gpt-99", "hello"]) == 2
    assert "unknown backend" in capsys.readouterr().err


def test_jsonl_batch_keeps_order_and_survives_bad_lines(built_index):
    lines = [json.dumps({"question": "What did old Article 65 become?"}), "{broken",
             json.dumps({"question": ""}),
             json.dumps({"question": "and for the managers?", "history": [
                 {"role": "user", "content": "Fines under Article 59 paragraph 3 for massive data leakage?"}]})]
    proc = run_cli(["ask", "--jsonl"], ("\n".join(lines) + "\n").encode())
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert proc.returncode == 0 and len(out) == 4
    assert "67" in out[0]["answer"] and out[1]["line"] == 2 and "error" in out[2]
    assert "50,000 to 200,000 yuan" in out[3]["answer"]


def test_jsonl_invalid_utf8_is_reported_on_its_line(built_index):
    proc = run_cli(["ask", "--jsonl"], b'{"question": "\xff\xfe"}\n')
    out = json.loads(proc.stdout)
    assert proc.returncode == 0 and out["line"] == 1 and "UTF-8" in out["error"] and "offset 14" in out["error"]


def test_invalid_utf8_in_the_argument_is_a_clear_error(built_index):
    proc = subprocess.run([sys.executable.encode(), b"-m", b"assistant", b"ask", b"fines \xff\xfe Article 59"],
                          capture_output=True, env=os.environ, timeout=300)
    assert proc.returncode == 2 and b"not valid UTF-8" in proc.stderr and b"Traceback" not in proc.stderr


def test_chat_answers_follow_ups_until_an_empty_line(built_index):
    stdin = b"What fines apply under Article 59 paragraph 3 for massive data leakage?\nand for the managers?\n\n"
    proc = run_cli(["chat"], stdin)
    out = proc.stdout.decode()
    assert proc.returncode == 0 and "not the law in force" in out
    assert "500,000 to 2,000,000 yuan" in out and "50,000 to 200,000 yuan" in out

"""`eval` and `check` with hostile files and options: one clear line, a documented exit code, a safe terminal."""

import io
import json

import pytest

from assistant.cli.check import MAX_ANSWER_BYTES
from assistant.cli.main import BAD_INPUT, CHECK_FAILED, OK, main

GOOD = {"id": "g1", "question": "What did old Article 65 become?", "category": "lookups", "expect_articles": ["67"]}


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("value", ["nan", "inf", "-0.1", "1.5", "abc"])
def test_eval_rejects_a_pass_rate_that_is_not_one(tmp_path, capsys, value):
    assert main(["eval", str(tmp_path / "x.jsonl"), "--min-pass-rate", value]) == BAD_INPUT
    err = capsys.readouterr().err
    assert "--min-pass-rate" in err and ("pass rate from 0 to 1" in err or "not a number" in err)


@pytest.mark.parametrize("shape", ["missing", "folder", "not utf-8", "empty"])
def test_eval_without_usable_questions_is_one_clear_error(tmp_path, capsys, shape):
    path = tmp_path / "set.jsonl"
    if shape == "folder":
        path.mkdir()
    elif shape == "not utf-8":
        path.write_bytes(b'{"id": "a", "question": "\xff"}\n')
    elif shape == "empty":
        path.write_bytes(b"")
    assert main(["eval", str(path)]) == BAD_INPUT
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("error: no usable questions")


def test_eval_reports_bad_lines_runs_good_ones_and_keeps_the_terminal_safe(tmp_path, capsys, built_index):
    hostile = GOOD | {"id": "h1", "category": "evil\x1b[2J\u202ecat"}
    lines = [b"\xef\xbb\xbf" + json.dumps(GOOD).encode(), b'{"id": "b", "question": "\\ud800"}',
             b"[" * 50_000 + b"]" * 50_000, b'{"id": "c", "question": "\xc3\x28"}',
             json.dumps(hostile, ensure_ascii=False).encode()]
    path = tmp_path / "set.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    assert main(["eval", str(path), "--no-selftest", "--report", str(tmp_path / "r.md")]) == OK
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\u202e" not in out + err and "evil\\u001b[2J\\u202ecat" in out
    assert [f"line {n}" in err for n in (2, 3, 4)] == [True, True, True] and "UTF-8" in err
    assert "eval 1/2 g1: pass" in err and "eval 2/2 h1: pass" in err  # progress as plain lines off a terminal
    assert "## Malformed lines" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_check_rejects_input_over_its_documented_limit(monkeypatch, capsys):
    _stdin(monkeypatch, b"Article 59: 5,000,000 yuan. " * (MAX_ANSWER_BYTES // 20))
    assert main(["check", "--json"]) == BAD_INPUT
    out = capsys.readouterr().out
    assert len(out) < 500 and "limit" in json.loads(out)["error"]


def test_check_output_escapes_control_and_bidi_characters(monkeypatch, capsys):
    _stdin(monkeypatch, "Article 59\x1b[31m: a fine of 10,000 yuan\u202e\x07".encode())
    main(["check"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out


def test_check_rejects_an_article_that_does_not_exist(monkeypatch, capsys):
    _stdin(monkeypatch, b"Article -1: a fine of 10,000 yuan")
    assert main(["check", "--json"]) == CHECK_FAILED
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert claims[0]["text"] == "Article -1" and claims[0]["verdict"] == "contradicted"

"""`ask --jsonl`: every kind of bad line among good ones -> exactly one output object per line, in order."""

import json
import subprocess
import sys

GOOD = json.dumps({"question": "What did old Article 65 become?"}).encode()
BAD_LINES = {
    "not json": b"{broken",
    "wrong type": b'{"question": 42}',
    "history of numbers": b'{"question": "and for the managers?", "history": [1, 2]}',
    "history content object": b'{"question": "fines?", "history": [{"role": "user", "content": {"a": 1}}]}',
    "history not a list": b'{"question": "Article 59 fines", "history": "nope"}',
    "lone surrogate": b'{"question": "\\ud800 fines under Article 59?"}',
    "lone surrogate in history": b'{"question": "and?", "history": [{"role": "user", "content": "\\udfff"}]}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep nesting in history": b'{"question": "q", "history": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    "invalid utf-8": b'{"question": "\xff\xfe fines"}',
    "too long": b'{"question": "' + b"a" * 200_000 + b'"}',
    "empty question": b'{"question": ""}',
    "just a string": b'"hello"',
    "null": b"null",
    "blank": b"",
    "whitespace": b"  \t ",
}


def run_batch(lines: list[bytes], prefix: bytes = b"") -> tuple[subprocess.CompletedProcess, list[dict]]:
    proc = subprocess.run([sys.executable, "-m", "assistant", "ask", "--jsonl"],
                          input=prefix + b"\n".join(lines) + b"\n", capture_output=True, timeout=600)
    return proc, [json.loads(x) for x in proc.stdout.decode().splitlines()]


def test_every_bad_line_gets_its_own_error_and_the_good_ones_are_answered(built_index):
    lines: list[bytes] = []
    for bad in BAD_LINES.values():
        lines += [GOOD, bad]
    lines.append(GOOD)
    proc, out = run_batch(lines, prefix=b"\xef\xbb\xbf")  # a UTF-8 BOM does not spoil line 1
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert len(out) == len(lines)
    for number, (line, obj) in enumerate(zip(lines, out, strict=True), 1):
        if line is GOOD:
            assert "67" in obj["answer"] and obj["line"] == number, obj
        else:
            assert obj["line"] == number and obj["error"], obj


def test_invalid_utf8_after_many_good_lines_reports_its_own_offset(built_index):
    lines = [json.dumps({"question": f"Show Article {59 + i % 3}"}).encode() for i in range(12)]
    bad_at = sum(len(x) + 1 for x in lines) + len(b'{"question": "')
    lines += [b'{"question": "\xc3\x28"}', GOOD]
    proc, out = run_batch(lines)
    assert proc.returncode == 0 and len(out) == 14
    assert out[12]["line"] == 13 and f"offset {bad_at}" in out[12]["error"] and "UTF-8" in out[12]["error"]
    assert "67" in out[13]["answer"]

"""Generated bad lines, bad paths and bad numbers thrown at every command through `main(argv)`.

Whatever comes in: the exit code is one the README documents, no traceback is
printed, and `ask --jsonl` writes exactly one object per input line, in order.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.cli.main import EXIT_CODES, main
from assistant.document.lookup import article_exists

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
numbers = st.one_of(st.integers(-10**30, 10**30).map(str), st.text("0123456789-−", min_size=1, max_size=40),
                    st.text(CN_DIGITS, min_size=1, max_size=60), st.just("9" * 5000), st.just("九" * 5000))
article_queries = st.one_of(numbers.map(lambda n: f"Article {n}"), numbers.map(lambda n: f"第{n}条"),
                            numbers.map(lambda n: f"<h{n[:3]}>Article {n}</h1>"), st.text(max_size=80))
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=3), max_leaves=8)
rows = st.fixed_dictionaries({"question": st.one_of(st.text(max_size=60), article_queries, json_values)},
                             optional={"history": json_values})
bad_lines = st.one_of(
    rows.map(lambda r: json.dumps(r).encode()), json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=60).map(lambda b: b.replace(b"\n", b" ")),
    st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n),
    st.sampled_from([b'{"question": "\\ud800"}', b"\xef\xbb\xbf{}", b'{"question": "\xff"}', b"", b"  "]))
# eval reads these (it never creates anything): odd names, folders, devices, a NUL byte
paths = st.one_of(st.text(max_size=40), st.sampled_from(["/", "/dev/null", "/proc/self/mem", ".", "\x00x", "~nobody"]))


@contextlib.contextmanager
def stdin(data: bytes):
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = saved


def run(capsys, argv: list[str], data: bytes = b"") -> tuple[int, str, str]:
    capsys.readouterr()
    with stdin(data):
        code = main(argv)
    out, err = capsys.readouterr()
    assert code in EXIT_CODES, (argv, code, err)
    assert "Traceback" not in out + err and "\x1b" not in out + err
    return code, out, err


@FAST
@given(query=article_queries)
def test_lookup_reads_whole_numbers_or_says_no_such_article(capsys, query):
    code, out, _ = run(capsys, ["lookup", "--json", query])
    data = json.loads(out) if out.strip().startswith("{") else {}
    if code == 0 and data.get("article"):
        assert data["article"] in query or data["status"] != "found" or "第" in query or "article" in query.lower()


@FAST
@given(number=st.integers(-10**9, 10**9))
def test_a_named_article_that_does_not_exist_is_not_answered_with_another(capsys, number):
    code, out, _ = run(capsys, ["lookup", "--json", f"Article {number}"])
    data = json.loads(out)
    if not article_exists(str(number)):
        assert code == 2 and data["status"] == "not_found" and f"Article {number}" in data["note"]


@FAST
@given(article=st.one_of(st.text(max_size=20), numbers), json_flag=st.booleans())
def test_bands_with_any_article(capsys, article, json_flag):
    run(capsys, ["bands", "--article", article] + (["--json"] if json_flag else []))


@FAST
@given(data=st.one_of(st.binary(max_size=400), article_queries.map(str.encode)), json_flag=st.booleans())
def test_check_with_any_bytes(capsys, data, json_flag):
    code, _, _ = run(capsys, ["check"] + (["--json"] if json_flag else []), data)
    assert code in (0, 1, 2)


@FAST
@given(argv=st.lists(st.text(max_size=12), max_size=4))
def test_any_arguments(capsys, argv):
    if argv[:1] in (["ask"], ["chat"], ["eval"], ["index"]):  # these load the model: covered below
        argv = ["lookup", *argv]
    run(capsys, argv)


@pytest.fixture
def bad_places(tmp_path):
    """Places an index folder cannot be: a file, a symlink loop, inside a file, a device."""
    (tmp_path / "file").write_text("x")
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    return [tmp_path / "file", tmp_path / "loop-a", tmp_path / "file" / "index", "/dev/null", "/proc/self/mem"]


@SLOW
@given(which=st.integers(0, 4), tail=st.text(st.characters(blacklist_characters="\x00/"), max_size=12),
       command=st.sampled_from([["index", "status"], ["index", "build"], ["ask", "Article 59?"]]))
def test_bad_index_paths(capsys, bad_places, which, tail, command):
    place = str(bad_places[which])
    path = f"{place}/{tail}" if tail and which in (0, 1, 3) else place  # inside a file or a loop is bad too
    saved = os.environ.get("CSL_INDEX_DIR")
    os.environ["CSL_INDEX_DIR"] = path
    try:
        code, _, err = run(capsys, command)
    finally:
        if saved is None:
            os.environ.pop("CSL_INDEX_DIR")
        else:
            os.environ["CSL_INDEX_DIR"] = saved
    assert code == 4 and err.startswith("error: the index folder") and err.count("\n") == 1, err


@SLOW
@given(path=paths, rate=st.one_of(st.floats(allow_nan=True), st.text(max_size=6)))
def test_eval_with_bad_paths_and_rates(capsys, path, rate):
    code, _, _ = run(capsys, ["eval", path or "missing.jsonl", "--no-selftest", "--min-pass-rate", str(rate)])
    assert code == 2


@pytest.mark.usefixtures("built_index")
@SLOW
@given(lines=st.lists(bad_lines, min_size=1, max_size=6))
def test_ask_jsonl_answers_every_line_once_in_order(capsys, lines):
    code, out, _ = run(capsys, ["ask", "--jsonl"], b"\n".join(lines) + b"\n")
    objects = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and [o["line"] for o in objects] == list(range(1, len(lines) + 1))


@pytest.mark.usefixtures("built_index")
@SLOW
@given(question=st.one_of(article_queries, st.text(max_size=200)))
def test_ask_with_any_question(capsys, question):
    code, out, _ = run(capsys, ["ask", "--json", question])
    if code == 0:
        answer = json.loads(out)
        absent = [t for t in answer.get("notices", []) if t.startswith("No Article")]
        assert answer["ok"] and (not absent or answer["refused"] or "exists" in absent[0])

"""Load and faults: concurrent questions, two processes building one index, fuzzed parsers."""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.answering.scope import normalise
from assistant.document.lookup import lookup, parse_query
from assistant.errors import QuestionError

QUESTIONS = [
    "What fines apply for massive data leakage?", "What did old Article 65 become?", "Show Article 72",
    "Why is the law being revised?", "Illegal gains of 400,000 yuan from uncertified equipment: fine?",
    "What is the fine for a CII operator that refuses to correct?", "What does Article 21 say?",
    "What is the maximum fine under the PIPL?",
]


def test_sixteen_concurrent_questions_match_sequential_answers(grounded):
    questions = QUESTIONS * 2
    sequential = [grounded.ask(q).text for q in questions]
    with ThreadPoolExecutor(16) as pool:
        concurrent = list(pool.map(lambda q: grounded.ask(q).text, questions))
    assert concurrent == sequential


def test_two_processes_building_the_same_index_do_not_corrupt_it(tmp_path):
    env = os.environ | {"CSL_INDEX_DIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "assistant", "index", "build", "--json"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outs = [json.loads(p.communicate(timeout=300)[0]) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert sorted(o["rebuilt"] for o in outs) == [False, True]  # the lock made the second one reuse it
    status = subprocess.run([sys.executable, "-m", "assistant", "index", "status", "--json"], env=env,
                            capture_output=True, timeout=300)
    assert json.loads(status.stdout)["fresh"] is True


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_lookup_parser_never_raises(text):
    parse_query(text)
    assert lookup(text).note is not None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normaliser_never_raises_anything_but_question_error(text):
    try:
        out = normalise(text)
    except QuestionError:
        return
    assert out and out == out.strip() and "\x00" not in out

"""The checker's per-process caches (checking/targets, wording, cues) hold pure readings: the report of an
answer does not depend on which answers were checked before it."""

import json
from pathlib import Path

from assistant.checking import targets
from assistant.checking.checker import check_answer
from assistant.checking.wording import TextCache, subject_before

ROWS = [json.loads(line)["statement"] for path in sorted((Path(__file__).parent / "data").glob("redteam_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
CITED = [None, ["art59.p3"], ["61"], ["expl.1", "art69.p1"]]


def _reports(order: list[int]) -> dict[int, dict]:
    return {i: check_answer(ROWS[i], question=ROWS[i - 1], cited=CITED[i % len(CITED)]).as_dict() for i in order}


def test_reports_do_not_depend_on_the_order_of_answers():
    forward = _reports(list(range(len(ROWS))))
    targets._SHARED.clear()
    backward = _reports(list(reversed(range(len(ROWS)))))
    assert len(ROWS) > 150 and forward == backward


def test_long_texts_are_read_but_not_kept():
    cache = TextCache(lambda text: len(text))
    assert cache("short") == 5 and cache("x" * 5000) == 5000
    assert cache.cached.cache_info().currsize == 1
    assert subject_before("a fine on the operator of ") == subject_before.read("a fine on the operator of ")

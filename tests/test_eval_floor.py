"""The project's question sets through the real chain: quality must not drop below the floor.

The floor is set from the measured result (see evals/results/latest.md); raise it when quality rises.
"""

from pathlib import Path

from assistant.evaluation.runner import load_cases, run_cases, summarise

EVALS = Path(__file__).resolve().parent.parent / "evals"
PASS_RATE_FLOOR = 0.94  # measured 0.955 on all 357 questions (evals/results/latest.md)


def test_question_sets_pass_above_the_floor(grounded):
    cases, errors = load_cases(sorted(EVALS.glob("*.jsonl")))
    assert not errors and len(cases) >= 120
    results = run_cases(cases, grounded.ask)
    summary = summarise(results)
    failing = [(r.case.id, r.failures) for r in results if not r.passed]
    assert summary["unverified_shown_rate"] == 0.0
    removed = [r.case.id for r in results if any("could not be verified" in n for n in r.answer["notices"])]
    assert removed == []  # the grounded composer only writes figures the checker can verify
    assert summary["errors"] == 0
    assert summary["pass_rate"] >= PASS_RATE_FLOOR, failing
    assert summary["forbidden_violations"] == 0  # no figure of a tier or a person the question excluded
    unrelated = [r.case.id for r in results if r.case.category == "u_unrelated" and not r.answer["refused"]]
    assert unrelated == []
    for r in results:
        lines = r.answer["answer"].split("\n")
        assert len(lines) == len(set(lines)), r.case.id  # no duplicated lines
        assert not lines[0].startswith("- "), r.case.id  # a direct answer sentence, never a bare list item


ADOPTED_FLOOR = 0.95


def test_adopted_law_set_passes_above_its_floor(grounded):
    """Questions on the law in force and on what changed from the draft (English and Chinese)."""
    cases, errors = load_cases([EVALS / "adopted.jsonl"])
    assert not errors and len(cases) >= 60
    assert sum(1 for c in cases if any("\u4e00" <= ch <= "\u9fff" for ch in c.question)) >= 15
    results = run_cases(cases, grounded.ask)
    summary = summarise(results)
    assert summary["unverified_shown_rate"] == 0.0 and summary["errors"] == 0
    assert summary["pass_rate"] >= ADOPTED_FLOOR, [(r.case.id, r.failures) for r in results if not r.passed]

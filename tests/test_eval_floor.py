"""The project's question sets through the real chain: quality must not drop below the floor.

The floor is set from the measured result (see evals/results/latest.md); raise it when quality rises.
"""

from pathlib import Path

from assistant.evaluation.runner import load_cases, run_cases, summarise

EVALS = Path(__file__).resolve().parent.parent / "evals"
PASS_RATE_FLOOR = 0.93


def test_question_sets_pass_above_the_floor(grounded):
    cases, errors = load_cases(sorted(p for p in EVALS.glob("*.jsonl") if not p.name.startswith("unseen_")))
    assert not errors and len(cases) >= 120
    results = run_cases(cases, grounded.ask)
    summary = summarise(results)
    failing = [(r.case.id, r.failures) for r in results if not r.passed]
    assert summary["unverified_shown_rate"] == 0.0
    removed = [r.case.id for r in results if any("could not be verified" in n for n in r.answer["notices"])]
    assert removed == []  # the grounded composer only writes figures the checker can verify
    assert summary["errors"] == 0
    assert summary["pass_rate"] >= PASS_RATE_FLOOR, failing

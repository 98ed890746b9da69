import json

from assistant.evaluation.runner import Case, load_cases, run_cases, score, summarise

FOREIGN_LINE = {"id": "x1", "question": "What fine applies under Article 61 if there are no illegal gains?",
                "category": "somebody-else", "expect_articles": ["61"], "expect_numbers": [30000, 100000],
                "expect_keywords": ["may"], "expect_refusal": False, "forbid_numbers": [50000],
                "history": [{"role": "user", "content": "hi"}]}


def test_exact_line_format_is_accepted(tmp_path):
    path = tmp_path / "theirs.jsonl"
    path.write_text(json.dumps(FOREIGN_LINE) + "\n" + json.dumps({"id": "x2", "question": "q"}) + "\n")
    cases, errors = load_cases([path])
    assert not errors and [c.id for c in cases] == ["x1", "x2"]
    assert cases[1].expect_refusal is None and cases[1].category == "uncategorised"


def test_malformed_lines_are_reported_with_their_number(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "question": "q"}\n{not json\n{"question": "no id"}\n{"id": "b", "question": "q"}\n')
    cases, errors = load_cases([path])
    assert [c.id for c in cases] == ["a", "b"] and [e.line for e in errors] == [2, 3]


def _answer(**kw):
    base = {"answer": "", "citations": [], "retrieved": [], "claims": [], "refused": False}
    return base | kw


def test_scoring_counts_each_expectation():
    case = Case.model_validate(FOREIGN_LINE)
    claims = [{"value": [30000, 100000], "verdict": "verified"}]
    good = _answer(answer="A fine of 30,000 to 100,000 yuan may be imposed.", claims=claims,
                   citations=[{"unit_id": "art61.p1"}], retrieved=["art61.p1"])
    failures, metrics = score(case, good)
    assert failures == [] and metrics["number_recall"] == 1.0 and metrics["citation_precision"] == 1.0
    bad = _answer(answer="50,000 yuan", claims=[{"value": 50000, "verdict": "contradicted"}], retrieved=["art59.p1"])
    failures, metrics = score(case, bad)
    assert metrics["retrieval_hit"] == 0.0 and metrics["forbidden_violations"] == 1.0
    assert metrics["unverified_shown"] == 1.0 and len(failures) >= 4


def test_runner_scores_the_real_chain(grounded, tmp_path):
    path = tmp_path / "mini.jsonl"
    rows = [FOREIGN_LINE | {"history": []},
            {"id": "o", "question": "What is the weather in Paris?", "expect_refusal": True, "category": "oos"}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    cases, _ = load_cases([path])
    results = run_cases(cases, grounded.ask)
    summary = summarise(results)
    assert summary["n"] == 2 and summary["unverified_shown_rate"] == 0.0
    assert [r.passed for r in results] == [True, True], [r.failures for r in results]

"""Scripted evaluation: question sets (JSON lines) -> the same chain as the app -> scores.

A case passes when every expectation it states holds. Scores are reported per
category and overall; nothing here knows any question's wording.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.answering.records import Answer


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: str
    content: str


class Case(BaseModel):
    """One evaluation question, exactly the documented line format."""

    model_config = ConfigDict(extra="forbid")
    id: str
    question: str
    category: str = "uncategorised"
    expect_articles: list[str] = []
    expect_numbers: list[float] = []
    expect_keywords: list[str] = []
    expect_refusal: bool | None = None
    forbid_numbers: list[float] = []
    history: list[Turn] = []


@dataclass
class LoadError:
    file: str
    line: int
    error: str


@dataclass
class Result:
    case: Case
    answer: dict[str, Any] | None
    failures: list[str]
    metrics: dict[str, float | None] = field(default_factory=dict)
    latency_ms: float = 0.0

    @property
    def passed(self) -> bool:
        return not self.failures


def load_cases(paths: Iterable[Path]) -> tuple[list[Case], list[LoadError]]:
    """All cases of the files; a malformed line is reported with its number and skipped."""
    cases: list[Case] = []
    errors: list[LoadError] = []
    for path in paths:
        for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            try:
                cases.append(Case.model_validate(json.loads(raw)))
            except (json.JSONDecodeError, ValidationError) as exc:
                errors.append(LoadError(str(path), number, str(exc).splitlines()[0]))
    return cases, errors


def articles_of_unit(unit_id: str) -> set[str]:
    from assistant.document.corpus import load

    if unit_id.startswith("expl."):
        return {"explanation"}
    corpus = load()
    if not corpus.has_unit(unit_id):
        return set()
    unit = corpus.unit(unit_id)
    if unit.article:
        return {unit.article}
    if unit.kind == "amendment_item":
        return set(corpus.items[int(unit_id.split(".")[1]) - 1].new)
    return set()


def _numbers(value: Any) -> set[float]:
    if isinstance(value, bool) or value is None:
        return set()
    if isinstance(value, int | float):
        return {float(value)}
    if isinstance(value, list | tuple):
        return set().union(*(_numbers(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return set().union(*(_numbers(v) for v in value.values())) if value else set()
    return set()


def score(case: Case, answer: dict[str, Any]) -> tuple[list[str], dict[str, float | None]]:
    """(failures, metrics) of one answer against its case."""
    failures: list[str] = []
    retrieved = set().union(*(articles_of_unit(u) for u in answer["retrieved"])) if answer["retrieved"] else set()
    cited = set().union(*(articles_of_unit(c["unit_id"]) for c in answer["citations"])) \
        if answer["citations"] else set()
    expected = set(case.expect_articles)
    m: dict[str, float | None] = {"retrieval_hit": None, "citation_recall": None, "citation_precision": None,
                                  "number_recall": None, "keyword_recall": None, "refusal_correct": None}
    if expected:
        m["retrieval_hit"] = float(bool(expected & retrieved))
        m["citation_recall"] = recall = len(expected & cited) / len(expected)
        m["citation_precision"] = len(expected & cited) / len(cited) if cited else 0.0
        if recall < 1:
            failures.append(f"missing citations: {sorted(expected - cited)}")
    claims = answer["claims"]
    verified = set().union(*(_numbers(c["value"]) for c in claims if c["verdict"] == "verified")) if claims else set()
    every = set().union(*(_numbers(c["value"]) for c in claims)) if claims else set()
    if case.expect_numbers:
        found = [n for n in case.expect_numbers if float(n) in verified]
        m["number_recall"] = len(found) / len(case.expect_numbers)
        if len(found) < len(case.expect_numbers):
            failures.append(f"missing numbers: {[n for n in case.expect_numbers if float(n) not in verified]}")
    m["forbidden_violations"] = float(len([n for n in case.forbid_numbers if float(n) in every]))
    if m["forbidden_violations"]:
        failures.append(f"forbidden numbers shown: {[n for n in case.forbid_numbers if float(n) in every]}")
    if case.expect_keywords:
        text = answer["answer"].lower()
        hits = [k for k in case.expect_keywords if k.lower() in text]
        m["keyword_recall"] = len(hits) / len(case.expect_keywords)
        if len(hits) < len(case.expect_keywords):
            failures.append(f"missing keywords: {[k for k in case.expect_keywords if k not in hits]}")
    expect_refusal = bool(case.expect_refusal)
    m["refusal_correct"] = float(answer["refused"] == expect_refusal)
    if not m["refusal_correct"]:
        failures.append("should have refused" if expect_refusal else "refused wrongly")
    m["unverified_shown"] = float(any(c["verdict"] != "verified" for c in claims))
    if m["unverified_shown"]:
        failures.append("an unverified figure was shown")
    return failures, m


def run_cases(cases: list[Case], ask: Callable[[str, list[dict[str, str]]], Answer]) -> list[Result]:
    results = []
    for case in cases:
        try:
            answer = ask(case.question, [t.model_dump() for t in case.history])
        except Exception as exc:  # noqa: BLE001 - a crash is a failed case, not a failed run
            results.append(Result(case, None, [f"error: {type(exc).__name__}: {exc}"]))
            continue
        data = answer.as_dict()
        failures, metrics = score(case, data)
        results.append(Result(case, data, failures, metrics, answer.latency_ms))
    return results


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.fmean(present), 4) if present else None


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 1)


def summarise(results: list[Result]) -> dict[str, Any]:
    keys = ("retrieval_hit", "citation_recall", "citation_precision", "number_recall", "keyword_recall",
            "refusal_correct", "unverified_shown")
    out: dict[str, Any] = {"n": len(results), "passed": sum(r.passed for r in results)}
    out["pass_rate"] = round(out["passed"] / len(results), 4) if results else 0.0
    for key in keys:
        name = key if key != "unverified_shown" else "unverified_shown_rate"
        out[name] = _mean([r.metrics.get(key) for r in results])
    out["forbidden_violations"] = int(sum(r.metrics.get("forbidden_violations") or 0 for r in results))
    out["errors"] = sum(1 for r in results if r.answer is None)
    latencies = [r.latency_ms for r in results if r.answer is not None]
    out["latency_p50_ms"], out["latency_p95_ms"] = _percentile(latencies, 0.5), _percentile(latencies, 0.95)
    return out


def report_json(results: list[Result], load_errors: list[LoadError]) -> dict[str, Any]:
    categories = sorted({r.case.category for r in results})
    return {
        "summary": summarise(results),
        "by_category": {c: summarise([r for r in results if r.case.category == c]) for c in categories},
        "load_errors": [e.__dict__ for e in load_errors],
        "results": [{
            "id": r.case.id, "category": r.case.category, "question": r.case.question,
            "answer": r.answer["answer"] if r.answer else None,
            "citations": r.answer["citations"] if r.answer else [],
            "retrieved": r.answer["retrieved"] if r.answer else [],
            "claims": r.answer["claims"] if r.answer else [],
            "refused": r.answer["refused"] if r.answer else None,
            "passed": r.passed, "failures": r.failures, "latency_ms": round(r.latency_ms, 1),
        } for r in results],
    }

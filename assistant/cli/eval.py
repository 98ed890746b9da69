"""`csl-assistant eval FILE...`: run question sets, print the table, write JSON / Markdown reports."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError
from assistant.terminal import raw_stream

if TYPE_CHECKING:  # the runner imports pydantic; `ask` builds this parser too, so it is imported when run
    from assistant.evaluation import runner as evals

COLUMNS = ("n", "pass_rate", "retrieval_hit", "citation_recall", "citation_precision", "number_recall",
           "keyword_recall", "refusal_correct", "unverified_shown_rate", "forbidden_violations",
           "latency_p50_ms", "latency_p95_ms")


def add_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, help="question sets (JSON lines)")
    p.add_argument("--llm", help="backend (default: CSL_LLM or grounded)")
    p.add_argument("--report", type=Path, help="write a Markdown report here")
    p.add_argument("--min-pass-rate", type=_rate, default=None, help="exit 1 when the overall pass rate is lower "
                   "(a number from 0 to 1)")
    p.add_argument("--no-selftest", action="store_true", help="leave the checker's adversarial rates out")
    p.add_argument("--retrieval", action="store_true", help="also compare dense / lexical / hybrid retrieval")


def _rate(text: str) -> float:
    """A pass rate: a finite number from 0 to 1 (`nan`, `inf`, `-0.5` and `2` are rejected)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a pass rate from 0 to 1")
    return value


def _progress() -> Callable[[int, int, evals.Result], None]:
    """A bar redrawn in place on a terminal; one plain line per question otherwise (logs, CI). On stderr."""
    stream = sys.stderr
    if stream.isatty():
        def bar(done: int, total: int, result: evals.Result) -> None:
            filled = 30 * done // total
            end = "\n" if done == total else ""
            raw_stream(stream).write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}{end}")
            stream.flush()
        return bar

    def lines(done: int, total: int, result: evals.Result) -> None:
        print(f"eval {done}/{total} {result.case.id}: {'pass' if result.passed else 'FAIL'}", file=stream,
              flush=True)
    return lines


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1 else f"{value:.1f}"
    return str(value)


def table(data: dict[str, Any]) -> str:
    head = "| category | " + " | ".join(COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 1)]
    rows = list(data["by_category"].items()) + [("**overall**", data["summary"])]
    for name, summary in rows:
        lines.append(f"| {name} | " + " | ".join(_fmt(summary.get(c)) for c in COLUMNS) + " |")
    return "\n".join(lines)


def markdown(data: dict[str, Any], backend: str) -> str:
    s = data["summary"]
    out = [f"# Evaluation report (backend: {backend})", "",
           f"Overall pass rate: **{s['pass_rate']:.1%}** ({s['passed']}/{s['n']}); "
           f"unverified figures shown: {s['unverified_shown_rate']}", "", table(data), ""]
    if "retrieval" in data:
        from assistant.evaluation.retrieval import markdown_table

        out += ["## Retrieval comparison", "", markdown_table(data["retrieval"]), ""]
    if "selftest" in data:
        st = data["selftest"]
        out += ["## Checker adversarial suite", "",
                f"Detection rate on perturbed statements: {st['detection_rate']:.1%} ({st['n_perturbed']} cases); "
                f"false-alarm rate on correct statements: {st['false_alarm_rate']:.1%} ({st['n_correct']} cases).", ""]
    if data["load_errors"]:
        out += ["## Malformed lines", ""] + [f"- {e['file']} line {e['line']}: {e['error']}"
                                            for e in data["load_errors"]] + [""]
    failed = [r for r in data["results"] if not r["passed"]]
    out += [f"## Failing questions ({len(failed)})", ""]
    for r in failed:
        out.append(f"- **{r['id']}** ({r['category']}): {r['question']}  \n  why: {'; '.join(r['failures'])}")
    return "\n".join(out) + "\n"


def _selftest() -> dict[str, Any] | None:
    try:
        from assistant.checking.selftest import run_selftest
    except ImportError:
        return None
    result = run_selftest()
    return {"detection_rate": result.detection_rate, "false_alarm_rate": result.false_alarm_rate,
            "n_correct": result.n_correct, "n_perturbed": result.n_perturbed}


def _write_report(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write the report to {path} ({exc.strerror or type(exc).__name__})") from None


def handle(args: argparse.Namespace) -> int:
    from assistant.evaluation import runner as evals  # here, not at the top: `ask` builds this parser too
    from assistant.service import build_assistant

    cases, errors = evals.load_cases(args.files)
    for e in errors:
        print(f"warning: {e.file}" + (f" line {e.line}" if e.line else "") + f": {e.error}", file=sys.stderr)
    if not cases:
        raise UserError("no usable questions in " + ", ".join(map(str, args.files)) + " (see the warnings above)")
    loaded = build_assistant(args.llm)
    results = evals.run_cases(cases, loaded.assistant.ask, progress=_progress())
    data = evals.report_json(results, errors)
    if not args.no_selftest and (st := _selftest()):
        data["selftest"] = st
    if args.retrieval:
        from assistant.evaluation.retrieval import compare

        data["retrieval"] = compare(loaded.assistant.retriever, cases)
    if args.report:
        _write_report(args.report, markdown(data, loaded.assistant.backend))
    text = table(data)
    if "retrieval" in data:
        from assistant.evaluation.retrieval import markdown_table

        text += "\n\n" + markdown_table(data["retrieval"])
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text)
    rate = data["summary"]["pass_rate"]
    if args.min_pass_rate is not None and rate < args.min_pass_rate:
        print(f"pass rate {rate:.3f} is below the floor {args.min_pass_rate:.3f}")
        return 1
    return 0

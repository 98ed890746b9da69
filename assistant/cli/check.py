"""`csl-assistant check`: verify the numbers of an answer read from stdin.

Exit codes: 0 every claim verified (or, with --selftest, 100% detection and 0%
false alarms), 1 otherwise, 2 unreadable input (not UTF-8, empty, or over MAX_ANSWER_BYTES).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import IO, Any

from assistant.checking.checker import CheckReport, check_answer
from assistant.document.kinds import Verdict

QUOTE_WIDTH = 160
MAX_ANSWER_BYTES = 200_000  # the checker benchmark's dense worst case is a 2,016-word answer (about 13 KB)


def add_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--question", help="the question the answer replies to (its basis figures count)")
    parser.add_argument("--cited", nargs="+", action="extend", metavar="ID",
                        help="unit ids (art59.p3, expl.1) or article numbers the answer cites")
    parser.add_argument("--selftest", action="store_true",
                        help="run the adversarial suite and print detection and false-alarm rates")
    if "--json" not in parser._option_string_actions:  # the main CLI adds --json to every command
        parser.add_argument("--json", action="store_true", help="machine-readable output")


def _read_answer(stream: IO[Any]) -> str:
    """The answer text; ValueError with a readable message when it is not UTF-8, empty or over the limit."""
    raw = stream.buffer.read(MAX_ANSWER_BYTES + 1) if hasattr(stream, "buffer") else stream.read(MAX_ANSWER_BYTES + 1)
    if len(raw) > MAX_ANSWER_BYTES:
        raise ValueError(f"the answer on stdin is over the limit of {MAX_ANSWER_BYTES:,} bytes "
                         "(an answer is a few thousand); check it in parts")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"the answer on stdin is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset "
                             f"{exc.start}); re-encode it as UTF-8") from None
    if not raw.strip():
        raise ValueError("no answer text on stdin")
    return raw


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 1] + "…"


def render(report: CheckReport) -> str:
    """The readable report: one block per claim, problems first in the summary line."""
    bad = report.problems()
    head = (f"OK: all {len(report.claims)} numeric claim(s) verified against the text" if report.ok
            else f"NOT OK: {len(bad)} of {len(report.claims)} numeric claim(s) not verified")
    lines = [head]
    for c in report.claims:
        lines.append(f"[{c.verdict}] {c.claim.kind} “{c.claim.text}” (chars {c.claim.start}-{c.claim.end})")
        if c.correction:
            lines.append(f"    the text says: {c.correction}")
        elif c.checked_against:
            lines.append(f"    checked against: {'; '.join(c.checked_against)}")
        for unit_id, quote in c.evidence[:3]:
            lines.append(f"    {unit_id}: “{_short(quote)}”")
        if c.verdict == Verdict.UNSUPPORTED and not c.evidence:
            lines.append("    no passage of the text states this figure")
    return "\n".join(lines)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _selftest(args: argparse.Namespace) -> int:
    from assistant.checking.selftest import run_selftest

    result = run_selftest()
    passed = result.detection_rate == 1.0 and result.false_alarm_rate == 0.0
    if getattr(args, "json", False):
        print(json.dumps(asdict(result) | {"passed": passed}, ensure_ascii=False, indent=2))
        return 0 if passed else 1
    lines = [f"Checker self-test: {result.n_correct} correct phrasings, {result.n_perturbed} perturbed ones",
             f"overall: detection {_pct(result.detection_rate)}, false alarms {_pct(result.false_alarm_rate)}"]
    for lang, r in result.by_language.items():
        lines.append(f"{lang}: detection {_pct(float(r['detection_rate']))} of {r['n_perturbed']} perturbed, "
                     f"false alarms {_pct(float(r['false_alarm_rate']))} of {r['n_correct']} correct")
    lines += [f"missed: {m}" for m in result.misses] + [f"false alarm: {m}" for m in result.false_alarms]
    lines.append("PASS" if passed else "FAIL")
    print("\n".join(lines))
    return 0 if passed else 1


def handle(args: argparse.Namespace) -> int:
    """Run the check (or the self-test); print the report; return the exit code."""
    if getattr(args, "selftest", False):
        return _selftest(args)
    as_json = getattr(args, "json", False)
    try:
        text = _read_answer(getattr(args, "stdin", None) or sys.stdin)
    except ValueError as exc:
        if as_json:
            print(json.dumps({"error": str(exc)}, ensure_ascii=False))
        else:
            print(f"error: {exc}", file=sys.stderr)
        return 2
    report = check_answer(text, question=getattr(args, "question", None), cited=getattr(args, "cited", None))
    print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) if as_json else render(report))
    return 0 if report.ok else 1

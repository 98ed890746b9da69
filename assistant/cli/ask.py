"""`csl-assistant ask` and `chat`: one question, a JSON-lines batch, or a terminal chat."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from assistant.answering.records import Answer
from assistant.document.corpus import DOCUMENT_STATUS
from assistant.document.kinds import Verdict
from assistant.errors import BackendUnavailable, QuestionError, UserError
from assistant.lines import Line, has_surrogate, read_lines


def _load(llm: str | None) -> Any:
    from assistant.service import build_assistant

    try:
        return build_assistant(llm).assistant
    except (BackendUnavailable, ValueError) as exc:
        raise UserError(str(exc)) from exc


def format_answer(answer: Answer) -> str:
    """Readable text: the answer, notices, then each citation with its quote."""
    lines = [answer.text, ""]
    lines += [f"Note: {n}" for n in answer.notices]
    for c in answer.citations:
        lines.append(f"[{c.label}] “{c.quote}”")
    verified = sum(1 for c in answer.claims if c["verdict"] == Verdict.VERIFIED)
    version = f" {answer.version_note}" if answer.version_note else ""
    lines.append(f"({verified}/{len(answer.claims)} figures verified against the text; backend: {answer.backend}."
                 f"{version})")
    return "\n".join(x for x in lines if x is not None)


def _one(assistant: Any, question: str, history: list[dict[str, str]] | None = None) -> Answer:
    try:
        return assistant.ask(question, history)
    except QuestionError as exc:
        raise UserError(str(exc)) from exc


def _row_error(line: Line) -> str:
    """Why a parsed line is not a {question, history} object, or ''."""
    row = line.data
    if not isinstance(row, dict) or not isinstance(row.get("question"), str):
        return "each line must be an object with a string 'question'"
    if not isinstance(row.get("history") or [], list):
        return "'history' must be a list of {role, content} objects"
    return ""


def answer_line(assistant: Any, line: Line) -> dict[str, Any]:
    """One output object for one input line: the answer, or an error object; both name the line. Never raises."""
    error = "blank line (no question)" if line.blank else line.error or _row_error(line)
    if error:
        return {"line": line.number, "error": error}
    try:
        return {"line": line.number} | assistant.ask(line.data["question"], line.data.get("history") or []).as_dict()
    except QuestionError as exc:
        return {"line": line.number, "error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one line never ends the batch
        return {"line": line.number, "error": f"could not answer ({type(exc).__name__}: {str(exc)[:200]})"}


def _jsonl(assistant: Any) -> int:
    """One output object per input line (a blank line too), in order, flushed as soon as it is ready."""
    for line in read_lines(sys.stdin.buffer):
        print(json.dumps(answer_line(assistant, line), ensure_ascii=False), flush=True)
    return 0


def ask(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _jsonl(_load(args.llm))
    question = " ".join(args.question)
    if not question.strip():
        raise UserError('Please give a question, e.g. csl-assistant ask "What fines apply under Article 59?"')
    if has_surrogate(question):
        raise UserError("The question on the command line is not valid UTF-8; re-type it or re-encode it as UTF-8.")
    answer = _one(_load(args.llm), question)
    print(json.dumps(answer.as_dict(), ensure_ascii=False, indent=2) if args.json else format_answer(answer))
    return 0


def chat(args: argparse.Namespace) -> int:

    assistant = _load(args.llm)
    print(DOCUMENT_STATUS + "\nAsk a question (empty line or Ctrl-D to quit).")
    history: list[dict[str, str]] = []
    while True:
        try:
            question = input("> ")
        except EOFError:
            return 0
        except UnicodeDecodeError as exc:
            print(f"error: that line is not valid UTF-8 ({exc.reason}); please type it again")
            continue
        if not question.strip():
            return 0
        try:
            answer = _one(assistant, question, history)
        except UserError as exc:
            print(f"error: {exc}")
            continue
        print(format_answer(answer))
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]

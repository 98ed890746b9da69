"""`csl-assistant ask` and `chat`: one question, a JSON-lines batch, or a terminal chat."""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import Any

from assistant.answering.records import Answer
from assistant.document.corpus import DOCUMENT_STATUS
from assistant.document.kinds import Verdict
from assistant.errors import BackendUnavailable, QuestionError, UserError


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
    lines.append(f"({verified}/{len(answer.claims)} figures verified against the text; backend: {answer.backend}. "
                 "Draft for public comment, not the law in force.)")
    return "\n".join(x for x in lines if x is not None)


def _one(assistant: Any, question: str, history: list[dict[str, str]] | None = None) -> Answer:

    try:
        return assistant.ask(question, history)
    except QuestionError as exc:
        raise UserError(str(exc)) from exc


def _stdin_lines() -> io.TextIOWrapper:
    return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="strict")


def _jsonl(assistant: Any) -> int:
    for number, raw in enumerate(_stdin_lines(), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
            if not isinstance(row, dict) or not isinstance(row.get("question"), str):
                raise ValueError("each line must be an object with a string 'question'")
            history = row.get("history") or []
            if not isinstance(history, list):
                raise ValueError("'history' must be a list of {role, content} objects")
            out: dict[str, Any] = assistant.ask(row["question"], history).as_dict()
        except (ValueError, QuestionError) as exc:
            out = {"line": number, "error": str(exc)}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return 0


def ask(args: argparse.Namespace) -> int:

    if args.jsonl:
        try:
            return _jsonl(_load(args.llm))
        except UnicodeDecodeError as exc:
            raise UserError(f"standard input is not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    question = " ".join(args.question)
    if not question.strip():
        raise UserError('Please give a question, e.g. csl-assistant ask "What fines apply under Article 59?"')
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
        if not question.strip():
            return 0
        try:
            answer = _one(assistant, question, history)
        except UserError as exc:
            print(f"error: {exc}")
            continue
        print(format_answer(answer))
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]

"""The conversation as a Markdown file a compliance officer can file: when, which backend, which text.

Each question, the checked answer, the verification line, and every citation with
its supporting quote. The header names the export date, the backend(s) that
answered and the document version (title plus a short fingerprint of the text),
so a saved file says what it was checked against.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from assistant.answering.records import Answer
from assistant.document import decision
from assistant.document.corpus import load, read_text
from assistant.document.fines import table
from assistant.ui import verification

DOCUMENT_VERSION = ("Draft Amendment to the Cybersecurity Law, second public-comment round (March 2025), "
                    "with its Explanation")
DECISION_VERSION = ("Decision of the NPC Standing Committee amending the Cybersecurity Law (28 October 2025, "
                    "in force 1 January 2026), official Chinese text")


@lru_cache(maxsize=1)
def document_version() -> str:
    """Both texts' names, each with a 12-character SHA-256 fingerprint of the text the answers were checked
    against: the draft and the Decision that made the law in force."""
    draft = hashlib.sha256(read_text().encode("utf-8")).hexdigest()[:12]
    adopted = hashlib.sha256(decision.read_text().encode("utf-8")).hexdigest()[:12]
    return f"{DOCUMENT_VERSION}, text fingerprint {draft}; {DECISION_VERSION}, text fingerprint {adopted}"


def _inert(text: str) -> str:
    """Exported text keeps its words; only HTML openers are escaped so a viewer cannot run them."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _backends(messages: Sequence[dict[str, Any]]) -> str:
    names = [m["answer"].backend for m in messages if m.get("answer") is not None]
    return ", ".join(dict.fromkeys(names)) or "none yet"


def _answer_lines(answer: Answer) -> list[str]:
    out = [f"_{answer.version_note}_", ""] if answer.version_note else []
    out += [f"- {_inert(n)}" for n in answer.notices] + ([""] if answer.notices else [])
    out += [f"_{verification.summary(answer.claims, table(), load())}_", ""]
    if answer.citations:
        out += ["#### Sources", ""]
        for c in answer.citations:
            out += [f"- **{c.label}**", f"  > {_inert(c.quote)}"]
        out.append("")
    return out


def export_markdown(messages: Sequence[dict[str, Any]], status: str, title: str,
                    exported_at: datetime | None = None) -> str:
    """The conversation as Markdown: header (date, backend, document version), then each question and answer."""
    when = (exported_at or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M %Z").strip()
    out = [f"# {title}", "", f"- Exported: {when}", f"- Answering backend: {_inert(_backends(messages))}",
           f"- Document: {_inert(document_version())}", "", f"> {_inert(status)}", ""]
    number = 0
    for msg in messages:
        if msg.get("role") == "user":
            number += 1
            out += [f"## Question {number}", "", _inert(msg.get("content", "")), ""]
            continue
        answer: Answer | None = msg.get("answer")
        out += ["### Answer", "", _inert(answer.text if answer else msg.get("content", "")), ""]
        if answer is not None:
            out += _answer_lines(answer)
    if number == 0:
        out += ["_No questions asked yet._", ""]
    return "\n".join(out)


def export_filename(exported_at: datetime | None = None) -> str:
    return f"csl-draft-conversation-{(exported_at or datetime.now()).strftime('%Y-%m-%d')}.md"

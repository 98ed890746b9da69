"""The `grounded` backend: a deterministic composer that answers from the text, never inventing a figure.

It is a plain object, not a chat model: the chain gives it the question and the
retrieved unit ids directly, so answering with it imports no LangChain. Whoever
wants it as a LangChain chat model (reading the same prompt every backend gets:
context passages headed by their [unit_id], then the question) has
`assistant.backends.grounded.GroundedChatModel`, which answers through this class.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeAlias

from assistant.answering.compose import compose

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

PASSAGE_RE = re.compile(r"^\[(?P<id>[a-z0-9.]+)\] ", re.M)
QUESTION_RE = re.compile(r"^Question: (?P<q>.*)$", re.M)


def read_prompt(text: str) -> tuple[str, list[str]]:
    """(question, passage ids) from the answer prompt."""
    m = QUESTION_RE.search(text)
    if not m:
        raise ValueError("prompt has no 'Question:' line")
    return m.group("q").strip(), [p.group("id") for p in PASSAGE_RE.finditer(text[: m.start()])]


class GroundedComposer:
    """Answers only from the passages it is given, through `compose`."""

    name = "grounded"

    def answer(self, question: str, unit_ids: list[str]) -> tuple[str, bool]:
        """(text, refused) for the question from these units: what a prompt holding them gets."""
        result = compose(_first_line(question), unit_ids)
        return result.text, result.refused


# What answers in the chain: this composer, or any LangChain chat model (a generative backend).
Model: TypeAlias = "BaseChatModel | GroundedComposer"


def _first_line(question: str) -> str:
    """The question as the prompt carries it (its 'Question:' line), so both ways in read the same text."""
    return question.split("\n", 1)[0].strip()

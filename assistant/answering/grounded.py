"""The `grounded` backend: a deterministic chat model that composes its answer from the text.

It reads the same prompt every backend gets (context passages headed by their
[unit_id], then the question) and answers through `assistant.compose`.
"""

from __future__ import annotations

import re
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from assistant.answering.compose import compose

PASSAGE_RE = re.compile(r"^\[(?P<id>[a-z0-9.]+)\] ", re.M)
QUESTION_RE = re.compile(r"^Question: (?P<q>.*)$", re.M)


def read_prompt(text: str) -> tuple[str, list[str]]:
    """(question, passage ids) from the answer prompt."""
    m = QUESTION_RE.search(text)
    if not m:
        raise ValueError("prompt has no 'Question:' line")
    return m.group("q").strip(), [p.group("id") for p in PASSAGE_RE.finditer(text[: m.start()])]


class GroundedChatModel(BaseChatModel):
    """Answers only from the passages in its prompt; never invents a figure."""

    @property
    def _llm_type(self) -> str:
        return "grounded"

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        text, refused = self.answer(*read_prompt(str(messages[-1].content)))
        message = AIMessage(content=text, response_metadata={"refused": refused})
        return ChatResult(generations=[ChatGeneration(message=message)])

    def answer(self, question: str, unit_ids: list[str]) -> tuple[str, bool]:
        """(text, refused): what a prompt holding these passages and this question gets. The chain calls this
        directly, skipping the prompt it would otherwise write only for this model to read back."""
        result = compose(_first_line(question), unit_ids)
        return result.text, result.refused


def _first_line(question: str) -> str:
    """The question as the prompt carries it (its 'Question:' line), so both ways in read the same text."""
    return question.split("\n", 1)[0].strip()

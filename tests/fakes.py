"""A scripted chat model for testing the chain's logic (never the product's answers)."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult


class ScriptedChatModel(BaseChatModel):
    """Replies with the queued texts in order and records every prompt it was sent."""

    replies: list[str]
    calls: list[list[BaseMessage]] = []

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        self.calls.append(list(messages))
        text = self.replies.pop(0) if self.replies else "I have nothing more to say."
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

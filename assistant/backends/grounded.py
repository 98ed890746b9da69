"""The grounded composer as a LangChain chat model, for use wherever a chat model is expected.

The assistant itself calls `GroundedComposer` directly; this adapter reads the
answer prompt back into the question and the passage ids and gives the same answer.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from assistant.answering.grounded import GroundedComposer, read_prompt


class GroundedChatModel(BaseChatModel):
    """Answers only from the passages in its prompt; never invents a figure."""

    @property
    def _llm_type(self) -> str:
        return "grounded"

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        text, refused = GroundedComposer().answer(*read_prompt(str(messages[-1].content)))
        message = AIMessage(content=text, response_metadata={"refused": refused})
        return ChatResult(generations=[ChatGeneration(message=message)])

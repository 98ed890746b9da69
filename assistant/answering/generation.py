"""A generative backend's turn in the chain, as LangChain chains: `prompt | model | parser`.

Kept apart from `chain` so that LangChain is imported only when a generative
backend is in use; the grounded composer never needs it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser

from assistant.answering.prompts import answer_prompt, context_block, repair_prompt
from assistant.retrieval.search import Hit


def generate(model: BaseChatModel, hits: Sequence[Hit], question: str) -> tuple[str, bool]:
    """(text, refused): the model's answer from the passages; a model may flag a refusal in its metadata."""
    message = (answer_prompt() | model).invoke({"context": context_block(hits), "question": question})
    refused = bool(getattr(message, "response_metadata", {}).get("refused"))
    return StrOutputParser().invoke(message), refused


def repair(model: BaseChatModel, hits: Sequence[Hit], question: str, findings: str, answer: str) -> str:
    """One more try, told which figures the checker could not verify and what the text says instead."""
    chain = repair_prompt() | model | StrOutputParser()
    return chain.invoke({"context": context_block(hits), "question": question, "findings": findings,
                         "answer": answer})


def stream(model: BaseChatModel, hits: Sequence[Hit], question: str) -> Iterator[str]:
    """The answer's text as the model produces it."""
    chain = answer_prompt() | model | StrOutputParser()
    yield from chain.stream({"context": context_block(hits), "question": question})

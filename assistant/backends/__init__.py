"""Backends, found by name: the grounded composer, or a LangChain chat model.

`grounded` (default) composes from the text deterministically, without LangChain
(`answering.grounded`; `backends.grounded` wraps it as a chat model); `smollm2` runs a
small local model; `ollama` and `openai` talk to servers configured by the
environment. Each factory raises BackendUnavailable with a fix-it message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.errors import BackendUnavailable

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.answering.grounded import GroundedComposer, Model

__all__ = ["BackendUnavailable", "FACTORIES", "GENERATIVE", "availability", "get_chat_model"]


def _grounded() -> GroundedComposer:
    from assistant.answering.grounded import GroundedComposer

    return GroundedComposer()


def _smollm2() -> BaseChatModel:
    from assistant.backends.smollm import load_smollm2

    return load_smollm2()


def _ollama() -> BaseChatModel:
    from assistant.backends.remote import ollama_model

    return ollama_model()


def _openai() -> BaseChatModel:
    from assistant.backends.remote import openai_model

    return openai_model()


FACTORIES: dict[str, Callable[[], Model]] = {
    "grounded": _grounded, "smollm2": _smollm2, "ollama": _ollama, "openai": _openai,
}
GENERATIVE = {"smollm2", "ollama", "openai"}


def get_chat_model(name: str) -> Model:
    """The backend called `name`; raises BackendUnavailable (or KeyError-like ValueError for unknown names)."""
    if name not in FACTORIES:
        raise ValueError(f"unknown backend {name!r}; choose one of {', '.join(FACTORIES)}")
    return FACTORIES[name]()


def availability() -> dict[str, str | None]:
    """Backend name -> None when usable here, else the reason it is not (cheap: nothing is loaded)."""
    from assistant.backends.remote import ollama_problem, openai_problem
    from assistant.backends.smollm import smollm2_problem

    return {"grounded": None, "smollm2": smollm2_problem(), "ollama": ollama_problem(), "openai": openai_problem()}

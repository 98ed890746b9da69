"""Prompt files (package data under `assistant/data/prompts/`) and the context block every backend reads."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from assistant.document.corpus import load
from assistant.document.kinds import RefusalReason
from assistant.document.text import and_list
from assistant.retrieval.search import Hit

if TYPE_CHECKING:
    from langchain_core.prompts import ChatPromptTemplate

PROMPTS_DIR = resources.files("assistant.data") / "prompts"


@cache
def read(name: str) -> str:
    """A prompt file, read through importlib.resources so it is found wherever the package is installed."""
    return PROMPTS_DIR.joinpath(name).read_text(encoding="utf-8").strip()


@lru_cache(maxsize=1)
def answer_prompt() -> ChatPromptTemplate:
    """For a generative backend; LangChain is imported here, not by the grounded path."""
    from langchain_core.prompts import ChatPromptTemplate

    return ChatPromptTemplate.from_messages([("system", read("system.md")), ("human", read("answer.md"))])


@lru_cache(maxsize=1)
def repair_prompt() -> ChatPromptTemplate:
    from langchain_core.prompts import ChatPromptTemplate

    return ChatPromptTemplate.from_messages([("system", read("system.md")),
                                             ("human", read("answer.md") + "\n\n" + read("repair.md"))])


def context_block(hits: Sequence[Hit]) -> str:
    """Passages headed by '[unit_id] title', the form the grounded backend and citations rely on."""
    return "\n\n".join(f"[{h.unit.id}] {h.unit.title}\n{h.unit.text}" for h in hits) or "(no passages)"


@lru_cache(maxsize=1)
def _refusals() -> dict[str, str]:
    return tomllib.loads(read("refusals.toml"))


def refusal(reason: RefusalReason | None, text: str = "") -> str:
    texts = _refusals()
    template = texts.get(reason or RefusalReason.UNRELATED, texts[RefusalReason.UNRELATED])
    covers = texts["covers"].format(articles=and_list(load().revised_articles()))
    return template.format(covers=covers, text=text).strip()

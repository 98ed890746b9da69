"""Server-backed chat models: Ollama and any OpenAI-compatible server (vLLM, llama.cpp, LM Studio).

Configured by the environment; optional extras. Nothing here is contacted at import.
"""

from __future__ import annotations

import importlib.util
import os

from langchain_core.language_models import BaseChatModel

from assistant.errors import BackendUnavailable

TIMEOUT_S = float(os.environ.get("CSL_LLM_TIMEOUT", "60"))


def ollama_problem() -> str | None:
    if importlib.util.find_spec("langchain_ollama") is None:
        return "needs `pip install .[ollama]`"
    if not os.environ.get("CSL_OLLAMA_MODEL"):
        return "set CSL_OLLAMA_MODEL (and OLLAMA_HOST if not http://127.0.0.1:11434)"
    return None


def openai_problem() -> str | None:
    if importlib.util.find_spec("langchain_openai") is None:
        return "needs `pip install .[openai]`"
    if not os.environ.get("CSL_OPENAI_BASE_URL"):
        return "set CSL_OPENAI_BASE_URL (an OpenAI-compatible server) and CSL_OPENAI_MODEL"
    return None


def ollama_model() -> BaseChatModel:
    problem = ollama_problem()
    if problem:
        raise BackendUnavailable(f"ollama backend: {problem}")
    from langchain_ollama import ChatOllama

    return ChatOllama(model=os.environ["CSL_OLLAMA_MODEL"], temperature=0,
                      base_url=os.environ.get("OLLAMA_HOST", "http://127.0.0.1:11434"),
                      client_kwargs={"timeout": TIMEOUT_S})


def openai_model() -> BaseChatModel:
    problem = openai_problem()
    if problem:
        raise BackendUnavailable(f"openai backend: {problem}")
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    return ChatOpenAI(base_url=os.environ["CSL_OPENAI_BASE_URL"], model=os.environ.get("CSL_OPENAI_MODEL", "local"),
                      api_key=SecretStr(os.environ.get("OPENAI_API_KEY", "not-needed")), temperature=0,
                      timeout=TIMEOUT_S, max_retries=0)

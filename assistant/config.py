"""Settings from the environment, read in one place.

Offline is not optional: importing this module pins the Hugging Face libraries
and Chroma to local-only behaviour before anything heavy is imported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MAX_QUESTION_CHARS = 2000
APP_NAME = "csl-assistant"


def in_checkout() -> bool:
    """True when the package runs from a source checkout (not from an installed wheel)."""
    return (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "assistant").is_dir()


def default_index_dir() -> Path:
    """`index/` in a checkout; the per-user data directory when installed (never site-packages)."""
    if in_checkout():
        return PROJECT_ROOT / "index"
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "index"


@dataclass(frozen=True)
class Settings:
    index_dir: Path
    chroma_url: str | None
    llm: str
    collection: str
    top_k: int
    query_embeddings: str = "auto"  # "auto": the ONNX export when usable; "sentence-transformers": always torch

    @property
    def uses_server(self) -> bool:
        return bool(self.chroma_url)


def settings() -> Settings:
    """Current settings; read each call so tests can change the environment."""
    index_dir = Path(os.environ.get("CSL_INDEX_DIR") or default_index_dir()).expanduser()
    url = os.environ.get("CSL_CHROMA_URL") or None
    if not url and os.environ.get("CSL_CHROMA_HOST"):
        url = f"http://{os.environ['CSL_CHROMA_HOST']}:{os.environ.get('CSL_CHROMA_PORT', '8000')}"
    return Settings(
        index_dir=index_dir,
        chroma_url=url,
        llm=os.environ.get("CSL_LLM", "grounded"),
        collection=os.environ.get("CSL_COLLECTION", "csl_draft_amendment_2"),
        top_k=int(os.environ.get("CSL_TOP_K", "6")),
        query_embeddings=os.environ.get("CSL_QUERY_EMBEDDINGS", "auto"),
    )

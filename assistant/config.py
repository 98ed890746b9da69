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


DEFAULT_CHROMA_PORT = 8000  # `chroma run`'s default, used when an http(s) URL names no port


def chroma_address(url: str) -> tuple[str, int, bool]:
    """(host, port, ssl) of a Chroma server URL; ConfigError for anything but http(s)://host[:port][/]."""
    from urllib.parse import urlsplit

    from assistant.errors import ConfigError

    hint = "write it as http://HOST:PORT, e.g. http://127.0.0.1:8000"
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise ConfigError(f"the Chroma server URL {url!r} is not valid ({exc}); {hint}") from None
    if parts.scheme not in ("http", "https"):
        raise ConfigError(f"the Chroma server URL {url!r} does not start with http:// or https://; {hint}")
    if not parts.hostname:
        raise ConfigError(f"the Chroma server URL {url!r} names no host; {hint}")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ConfigError(f"the Chroma server URL {url!r} has parts a server address cannot have; {hint}")
    if port == 0:
        raise ConfigError(f"the Chroma server URL {url!r} has port 0; {hint}")
    return parts.hostname, port or DEFAULT_CHROMA_PORT, parts.scheme == "https"


def settings() -> Settings:
    """Current settings; read each call so tests can change the environment. A malformed server URL is a
    ConfigError (exit code 2), never a silent guess."""
    index_dir = Path(os.environ.get("CSL_INDEX_DIR") or default_index_dir()).expanduser()
    url = os.environ.get("CSL_CHROMA_URL") or None
    if not url and os.environ.get("CSL_CHROMA_HOST"):
        url = f"http://{os.environ['CSL_CHROMA_HOST']}:{os.environ.get('CSL_CHROMA_PORT', str(DEFAULT_CHROMA_PORT))}"
    if url:
        chroma_address(url)
    return Settings(
        index_dir=index_dir,
        chroma_url=url,
        llm=os.environ.get("CSL_LLM", "grounded"),
        collection=os.environ.get("CSL_COLLECTION", "csl_draft_amendment_2"),
        top_k=int(os.environ.get("CSL_TOP_K", "6")),
        query_embeddings=os.environ.get("CSL_QUERY_EMBEDDINGS", "auto"),
    )

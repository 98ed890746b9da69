"""Every exception the library raises on purpose, in one place.

Each carries a message written for the person who has to act on it; the CLI maps
them to exit codes (see `assistant.cli.main`), the app shows the message.
"""

from __future__ import annotations

__all__ = ["AssistantError", "BackendUnavailable", "ConfigError", "EmbeddingUnavailable", "IndexLocationError",
           "QuestionError", "ServiceUnavailable", "UserError"]


class AssistantError(Exception):
    """Base of the library's own errors."""


class UserError(AssistantError):
    """Bad input from the user: reported plainly, exit code 2, never a traceback."""


class QuestionError(UserError, ValueError):
    """A question that cannot be asked as it is: the message says what to do."""


class ConfigError(UserError):
    """A setting from the environment that cannot be used as written (e.g. a malformed CSL_CHROMA_URL)."""


class BackendUnavailable(AssistantError, RuntimeError):
    """The backend cannot run here; the message says what would make it run."""


class ServiceUnavailable(AssistantError, RuntimeError):
    """A service the command needs (the Chroma server) cannot be reached: exit code 3, the URL tried named."""


class IndexLocationError(AssistantError, OSError):
    """The index folder cannot be used (a file, a symlink loop, no permission): exit code 4."""


class EmbeddingUnavailable(AssistantError, RuntimeError):
    """The ONNX export of the embedding model is missing, unreadable or disagrees with its probe; the message says
    which, and that `csl-assistant index build` writes it again."""

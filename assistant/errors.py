"""Every exception the library raises on purpose, in one place.

Each carries a message written for the person who has to act on it; the CLI maps
them to exit codes (see `assistant.cli.main`), the app shows the message.
"""

from __future__ import annotations

__all__ = ["AssistantError", "BackendUnavailable", "EmbeddingUnavailable", "QuestionError", "UserError"]


class AssistantError(Exception):
    """Base of the library's own errors."""


class UserError(AssistantError):
    """Bad input from the user: reported plainly, exit code 2, never a traceback."""


class QuestionError(UserError, ValueError):
    """A question that cannot be asked as it is: the message says what to do."""


class BackendUnavailable(AssistantError, RuntimeError):
    """The backend cannot run here; the message says what would make it run."""


class EmbeddingUnavailable(AssistantError, RuntimeError):
    """The ONNX export of the embedding model is missing, unreadable or disagrees with its probe; the message says
    which, and that `csl-assistant index build` writes it again."""

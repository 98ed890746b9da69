"""Output that is safe to show in a terminal, whatever the input contained.

Questions, eval files and answers to check are user data; echoed raw, an ESC
sequence could rewrite the screen and a bidi override could reorder what is
read. Every command's output goes through `SafeStream`, which writes such
characters as visible `\\uXXXX` escapes. Inside a JSON string that escape is the
same character, so JSON output stays valid and decodes to the same data; in
text it is visible and inert. Lone surrogates (undecodable bytes) get the same
treatment, so printing never raises UnicodeEncodeError.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

# C0 controls except tab and newline, DEL, C1 controls, zero-width and bidi controls, BOM, lone surrogates.
UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def escape_unsafe(text: str) -> str:
    """Control, bidi and surrogate characters as visible `\\uXXXX`; everything else unchanged."""
    return UNSAFE_RE.sub(_escape, text)


class SafeStream:
    """A text stream wrapper that escapes unsafe characters on every write."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_unsafe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def raw_stream(stream: Any) -> TextIO:
    """The stream under a SafeStream, for output the program itself composes (a progress bar's carriage return)."""
    return stream._stream if isinstance(stream, SafeStream) else stream


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """stdout and stderr escaped for the duration of one command (restored after, even on error)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved

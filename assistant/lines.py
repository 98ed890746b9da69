"""JSON-lines input, one line at a time, where no line can end the batch.

`ask --jsonl` and `eval` read bytes and decode each line on its own, so an
invalid UTF-8 line is reported with its own line number and byte offset while
the lines around it are still answered. A UTF-8 BOM at the start is dropped.
Every line yields exactly one `Line`: parsed data or the reason it is unusable
(not UTF-8, too long, not JSON, nested too deeply, an unpaired surrogate).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

MAX_LINE_BYTES = 100_000  # a question is at most 2,000 characters; history turns fit with room to spare
MAX_DEPTH = 20  # the documented formats nest 3 levels deep
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Line:
    """One input line: its number, where it starts, and either its data or why it is unusable."""

    number: int
    offset: int
    data: Any = None
    error: str = ""
    blank: bool = False


def _depth(value: Any) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _strings(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _bracket_depth(text: str) -> int:
    """An upper bound of the nesting depth, counted before parsing (so json never recurses deeply)."""
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def parse_line(raw: bytes, number: int, offset: int) -> Line:
    """Decode and parse one line; never raises."""
    if len(raw) > MAX_LINE_BYTES:
        return Line(number, offset, error=f"line {number} is {len(raw):,} bytes; the limit is {MAX_LINE_BYTES:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Line(number, offset, error=f"line {number} is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at "
                                          f"offset {offset + exc.start} of the input); re-encode it as UTF-8")
    if not text.strip():
        return Line(number, offset, blank=True)
    if _bracket_depth(text) > MAX_DEPTH:  # brackets inside strings may overcount: the exact test follows
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return Line(number, offset, error=f"line {number} nests JSON deeper than {MAX_DEPTH} levels")
    else:
        try:
            data = json.loads(text)
        except ValueError as exc:
            return Line(number, offset, error=f"line {number} is not valid JSON ({exc})")
    if _depth(data) > MAX_DEPTH:
        return Line(number, offset, error=f"line {number} nests JSON deeper than {MAX_DEPTH} levels")
    if any(has_surrogate(s) for s in _strings(data)):
        return Line(number, offset, error=f"line {number} contains an unpaired surrogate (\\ud800-\\udfff), "
                                          "which is not text")
    return Line(number, offset, data)


def read_lines(stream: IO[bytes]) -> Iterator[Line]:
    """Every line of a byte stream as a `Line`, in order; a BOM at the start is skipped."""
    offset = 0
    for number, (raw, size) in enumerate(_bounded_lines(stream), 1):
        if size > len(raw):
            yield Line(number, offset, error=f"line {number} is {size:,} bytes; the limit is {MAX_LINE_BYTES:,}")
        else:
            body = raw[len(BOM):] if number == 1 and raw.startswith(BOM) else raw
            yield parse_line(body.rstrip(b"\r\n"), number, offset + len(raw) - len(body))
        offset += size


def _bounded_lines(stream: IO[bytes]) -> Iterator[tuple[bytes, int]]:
    """(line, its size in bytes); a line over the limit is read to its end but not kept (the line is empty)."""
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 2)
        if not raw:
            return
        if raw.endswith(b"\n") or len(raw) <= MAX_LINE_BYTES + 1:
            yield raw, len(raw)
            continue
        size = len(raw)
        while raw and not raw.endswith(b"\n"):
            raw = stream.readline(1 << 20)
            size += len(raw)
        yield b"", size

"""An answer as the reader sees it: the first sentence first, figures marked, citation markers quiet.

Pure (no Streamlit) so tests call it directly. Figures a reader acts on (amounts,
ranges, multiples, percentages) get a quiet green check when the checker verified
them; article and paragraph references, counts and dates are checked too but stay
unmarked when they hold, since a check after every "Article 59" reads like a debug
log. Anything the text does not support is struck through in red, whatever its kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.document.kinds import ClaimKind
from assistant.ui.support import escape_md

VERIFIED = "verified"
MARK_OK, MARK_BAD = "✓", "✗"
FIGURE_KINDS = frozenset({ClaimKind.AMOUNT, ClaimKind.RANGE, ClaimKind.BOUND, ClaimKind.MULTIPLE,
                          ClaimKind.MULTIPLE_RANGE, ClaimKind.PERCENT, ClaimKind.NUMBER})
_BULLET_RE = re.compile(r"^(\s*)([-*•]|\d{1,3}[.)])\s+")
# "[Art. 59(3)]", "[Explanation — ...]", "[Item 4]": the composer's inline citation markers.
_MARKER_RE = re.compile(r"\[(?:Art\.|Article|Explanation|Amendment|Item)[^\[\]\n]{0,120}\]")


def is_figure(claim: Mapping[str, Any]) -> bool:
    """Claims with no kind are treated as figures: an unknown span is safer marked than hidden."""
    return claim.get("kind") in FIGURE_KINDS or not claim.get("kind")


def verified(claim: Mapping[str, Any]) -> bool:
    return claim.get("verdict") == VERIFIED


def mark_claim(text: str, claim: dict[str, Any]) -> str:
    """A checked span as shown: a verified figure in bold with a small green check, a verified reference as
    plain text, anything unsupported struck through in red with the figure the text states, if known."""
    shown = escape_md(text)
    if verified(claim):
        return f"**{shown}** :green[{MARK_OK}]" if is_figure(claim) else shown
    correction = claim.get("correction")
    fix = f"; the text says {escape_md(str(correction))}" if correction else ""
    return f":red-background[~~{shown}~~ {MARK_BAD}] _\\(not supported by the text{fix}\\)_"


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    claim: dict[str, Any] | None  # None: a citation marker with nothing unsupported inside


def _spans(text: str, claims: Iterable[dict[str, Any]]) -> list[_Span]:
    """Claim spans plus citation markers, sorted, non-overlapping; a marker swallows the verified
    references inside it (shown grey as one unit) but never hides an unsupported one."""
    good: list[dict[str, Any]] = []
    end = -1
    for claim in sorted(claims, key=lambda c: (c.get("start", 0), -c.get("end", 0))):
        start, stop = int(claim.get("start", -1)), int(claim.get("end", -1))
        if 0 <= start < stop <= len(text) and start >= end:
            good.append(claim)
            end = stop
    spans = [_Span(c["start"], c["end"], c) for c in good]
    for marker in _MARKER_RE.finditer(text):
        inside = [s for s in spans if marker.start() <= s.start and s.end <= marker.end()]
        crossing = [s for s in spans if s.start < marker.end() and s.end > marker.start() and s not in inside]
        if crossing or any(s.claim is not None and not verified(s.claim) for s in inside):
            continue
        spans = [s for s in spans if s not in inside] + [_Span(marker.start(), marker.end(), None)]
    return sorted(spans, key=lambda s: s.start)


def _show(text: str, span: _Span) -> str:
    piece = text[span.start:span.end]
    return f":gray[{escape_md(piece)}]" if span.claim is None else mark_claim(piece, span.claim)


def _segment(text: str, lo: int, hi: int, spans: Sequence[_Span]) -> str:
    parts: list[str] = []
    pos = lo
    for span in spans:
        if span.start < pos or span.end > hi or span.start < lo:
            continue
        parts += [escape_md(text[pos:span.start]), _show(text, span)]
        pos = span.end
    parts.append(escape_md(text[pos:hi]))
    return "".join(parts)


def _render_lines(text: str, lines: Sequence[tuple[int, str]], spans: Sequence[_Span]) -> str:
    blocks: list[str] = []
    for offset, line in lines:
        line_end = offset + len(line)
        bullet = _BULLET_RE.match(line)
        content_start = offset + (bullet.end() if bullet else 0)
        inside = [s for s in spans if content_start <= s.start and s.end <= line_end]
        body = _segment(text, content_start, line_end, inside)
        if bullet:
            marker = "-" if not bullet.group(2)[0].isdigit() else bullet.group(2)[:-1] + "."
            blocks.append(f"{' ' * min(len(bullet.group(1)), 4)}{marker} {body}")
        elif line.strip():
            blocks.append("\n" + body + "\n")
    return "\n".join(blocks).strip()


@dataclass(frozen=True)
class RenderedAnswer:
    lead: str  # the first line: the composer's direct answer sentence
    details: str  # the rest (grouped by tier or person as the composer wrote it); may be ""


def render_parts(text: str, claims: Iterable[dict[str, Any]] = ()) -> RenderedAnswer:
    """The answer as safe markdown in two parts, lead first; list lines stay lists, figures marked."""
    spans = _spans(text, claims)
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    first = next((i for i, (_, line) in enumerate(lines) if line.strip()), len(lines))
    return RenderedAnswer(_render_lines(text, lines[first:first + 1], spans),
                          _render_lines(text, lines[first + 1:], spans))


def render_answer(text: str, claims: Iterable[dict[str, Any]] = ()) -> str:
    """The whole answer as one safe markdown string (streamed drafts, tests)."""
    parts = render_parts(text, claims)
    return parts.lead + ("\n\n" + parts.details if parts.details else "")

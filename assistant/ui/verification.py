"""The verification panel in plain words: one row per distinct figure, what it was checked against, and the
sentence of the text that states it with the figure highlighted.

Pure (no Streamlit). The checker's evidence ids (band ids like `art59.p3.f1`, unit
ids like `art61.p1`) are translated here into article, paragraph, who, tier and
may/shall, read from the band table; a claim that already carries the checker's
own `checked_against` wording is shown as is. Ids never reach the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.document.corpus import Corpus
from assistant.document.fines import TIER_LABELS, FineBand, FineTable
from assistant.document.numerals import ENGLISH_NUMBER_WORD, english_word_to_int
from assistant.ui.answer_view import MARK_BAD, MARK_OK, is_figure, verified
from assistant.ui.support import escape_md

SENTENCE_LIMIT = 420  # longer evidence is trimmed around the figure, never before it
_NUMBER_RE = re.compile(rf"\d[\d,]*(?:\.\d+)?|\b(?:{ENGLISH_NUMBER_WORD})\b", re.IGNORECASE)
_UNIT_AFTER_RE = re.compile(r"\s*(?:yuan|times?(?: the [a-z]+(?: [a-z]+)?)?|%|per ?cent)", re.IGNORECASE)


@dataclass(frozen=True)
class FigureRow:
    figure: str
    ok: bool
    checked_against: str
    sentence: str  # safe markdown; the figure in bold
    correction: str = ""


def _values(claim: Mapping[str, Any]) -> set[int]:
    value = claim.get("value")
    items = value if isinstance(value, list | tuple) else [value]
    out: set[int] = set()
    for item in items:
        if isinstance(item, int | float) and not isinstance(item, bool):
            out.add(int(item))
    return out


def _number(token: str) -> int | None:
    if token[0].isdigit():
        try:
            return int(float(token.replace(",", "")))
        except ValueError:
            return None
    return english_word_to_int(token.lower())


def _figure_span(sentence: str, claim: Mapping[str, Any]) -> tuple[int, int] | None:
    """Where the claim's figure sits in the sentence: from its first number to its last, with its unit."""
    wanted = _values(claim)
    hits = [m for m in _NUMBER_RE.finditer(sentence) if _number(m.group()) in wanted]
    if not hits:
        text = str(claim.get("text", ""))
        at = sentence.find(text) if text else -1
        return (at, at + len(text)) if at >= 0 else None
    start, end = hits[0].start(), hits[-1].end()
    unit = _UNIT_AFTER_RE.match(sentence, end)
    return start, unit.end() if unit else end


def highlighted_sentence(sentence: str, claim: Mapping[str, Any]) -> str:
    """The sentence as safe markdown with the figure in bold; trimmed only around, never before, the figure."""
    span = _figure_span(sentence, claim)
    if span is None:
        return escape_md(_trim(sentence))
    start, end = span
    lo, hi = 0, len(sentence)
    if hi > SENTENCE_LIMIT:
        spare = max(0, SENTENCE_LIMIT - (end - start)) // 2
        lo, hi = max(0, start - spare), min(len(sentence), end + spare)
    head = ("…" if lo else "") + escape_md(sentence[lo:start])
    tail = escape_md(sentence[end:hi]) + ("…" if hi < len(sentence) else "")
    return f"{head}**{escape_md(sentence[start:end])}**{tail}"


def _trim(text: str) -> str:
    return text if len(text) <= SENTENCE_LIMIT else text[: SENTENCE_LIMIT - 1].rstrip() + "…"


def band_words(band: FineBand) -> str:
    """A band in plain words: 'Article 59(3): fine on the network operator …; serious consequences; shall'."""
    modal = "shall (mandatory)" if band.mandatory else "may (discretionary)"
    return (f"Article {band.article}, paragraph {band.paragraph}: fine on the {band.who}; "
            f"{TIER_LABELS.get(band.tier, band.tier)}; {modal}")


def _unit_words(unit_id: str, corpus: Corpus) -> str:
    if not corpus.has_unit(unit_id):
        return "the text of the draft"
    unit = corpus.unit(unit_id)
    if unit.source == "explanation":
        return "the Explanation accompanying the draft"
    return unit.title


def checked_against(claim: Mapping[str, Any], table: FineTable, corpus: Corpus) -> str:
    """The checker's own wording when present, else derived from the band or unit the evidence names."""
    given = claim.get("checked_against")
    if isinstance(given, str) and given.strip():
        return given.strip()
    bands = {b.id: b for b in table.bands}
    words = []
    for evidence in claim.get("evidence") or []:
        eid = str(evidence.get("id", ""))
        words.append(band_words(bands[eid]) if eid in bands else _unit_words(eid, corpus))
    return "; and ".join(dict.fromkeys(words)) or "the text of the draft"


def _key(claim: Mapping[str, Any]) -> str:
    evidence = tuple(str(e.get("id", "")) for e in claim.get("evidence") or [])
    return json.dumps([claim.get("kind"), claim.get("value"), claim.get("text") if claim.get("value") is None
                       else None, evidence, claim.get("verdict")], sort_keys=True, default=str)


def figure_rows(claims: Iterable[Mapping[str, Any]], table: FineTable, corpus: Corpus) -> list[FigureRow]:
    """One row per distinct checked figure (same value, same evidence, same verdict), in answer order."""
    rows: dict[str, FigureRow] = {}
    for claim in claims:
        if not is_figure(claim) or _key(claim) in rows:
            continue
        quote = next((str(e["quote"]) for e in claim.get("evidence") or [] if e.get("quote")), "")
        sentence = highlighted_sentence(quote, claim) if quote else "_No sentence of the text states this._"
        rows[_key(claim)] = FigureRow(escape_md(str(claim.get("text", ""))), verified(claim),
                                      escape_md(checked_against(claim, table, corpus)), sentence,
                                      escape_md(str(claim.get("correction") or "")))
    return list(rows.values())


def reference_problems(claims: Iterable[Mapping[str, Any]]) -> list[str]:
    """Article, paragraph, count or date references the text does not support (verified ones stay quiet)."""
    return [escape_md(str(c.get("text", ""))) for c in claims if not is_figure(c) and not verified(c)]


def summary(claims: Sequence[Mapping[str, Any]], table: FineTable, corpus: Corpus) -> str:
    """The one line that opens the panel: 'All 3 figures checked against the text'."""
    rows = figure_rows(claims, table, corpus)
    bad_refs = reference_problems(claims)
    bad = sum(1 for r in rows if not r.ok)
    if not rows and not bad_refs:
        return "No figures in this answer needed checking"
    if not bad and not bad_refs:
        what = f"All {len(rows)} figures" if len(rows) > 1 else "1 figure" if rows else "All references"
        return f"{MARK_OK} {what} checked against the text"
    parts = [f"{bad} of {len(rows)} figures" if bad else "", f"{len(bad_refs)} references" if bad_refs else ""]
    return f"{MARK_BAD} " + " and ".join(p for p in parts if p) + " not supported by the text (marked ✗)"


def row_markdown(row: FigureRow) -> str:
    """One panel row: the figure and its verdict, what it was checked against, the sentence."""
    mark = f":green[{MARK_OK}]" if row.ok else f":red[{MARK_BAD} not supported]"
    fix = f" — the text says {row.correction}" if row.correction else ""
    return f"{mark} **{row.figure}**{fix}  \n:gray[Checked against] {row.checked_against}  \n> {row.sentence}"

"""Pure helpers behind the Streamlit app: safe markdown, number marks, chips, export, fine calculator.

Kept free of Streamlit so the tests call them directly and the app stays a thin
layer of widgets. Everything that reaches the page is markdown built here:
model output and user input are escaped (no raw HTML anywhere), so injected
HTML, links or Streamlit directives show as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.answering.records import Answer, Citation
from assistant.document.corpus import Corpus
from assistant.document.fines import FineBand, FineTable
from assistant.document.kinds import Verdict

# ASCII punctuation that CommonMark, GFM autolinks, math ($) or Streamlit directives (:red[..], :emoji:) read.
_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>&$:=^])")
_BULLET_RE = re.compile(r"^(\s*)([-*•]|\d{1,3}[.)])\s+")
VERIFIED = Verdict.VERIFIED
MARK_OK, MARK_BAD = "✓", "✗"
REFERENCE_KINDS = frozenset({"article", "count"})  # checked, but not figures a reader acts on


def escape_md(text: str) -> str:
    """Backslash-escape every markdown/HTML-significant character: the text renders literally."""
    return _SPECIAL_RE.sub(r"\\\1", text)


# -- answers and their verified numbers ----------------------------------------------------------
def _non_overlapping(claims: Iterable[dict[str, Any]], length: int) -> list[dict[str, Any]]:
    """Claims sorted by start, dropping any that overlap an earlier one or fall outside the text."""
    out: list[dict[str, Any]] = []
    end = -1
    for claim in sorted(claims, key=lambda c: (c.get("start", 0), -c.get("end", 0))):
        start, stop = int(claim.get("start", -1)), int(claim.get("end", -1))
        if 0 <= start < stop <= length and start >= end:
            out.append(claim)
            end = stop
    return out


def mark_claim(text: str, claim: dict[str, Any]) -> str:
    """A checked span as shown: a verified figure is a bold green pill with ✓, a verified reference is
    green text with ✓ (quieter, as references sit inside citations), anything else is struck through in
    red with ✗ and, where the checker knows it, the figure the text actually states."""
    shown = escape_md(text)
    if claim.get("verdict") == VERIFIED:
        if claim.get("kind") in REFERENCE_KINDS:
            return f":green[{shown} {MARK_OK}]"
        return f":green-background[**{shown}** {MARK_OK}]"
    correction = claim.get("correction")
    fix = f"; the text says {escape_md(str(correction))}" if correction else ""
    return f":red-background[~~{shown}~~ {MARK_BAD}] _\\(not supported by the text{fix}\\)_"


def _marked_segment(text: str, offset: int, claims: Sequence[dict[str, Any]]) -> str:
    """Escape text[...] (which starts at `offset` in the answer) with claim spans marked."""
    parts: list[str] = []
    pos = 0
    for claim in claims:
        start, stop = claim["start"] - offset, claim["end"] - offset
        if start < pos or stop > len(text):
            continue
        parts += [escape_md(text[pos:start]), mark_claim(text[start:stop], claim)]
        pos = stop
    parts.append(escape_md(text[pos:]))
    return "".join(parts)


def render_answer(text: str, claims: Iterable[dict[str, Any]] = ()) -> str:
    """The answer as safe markdown: list lines stay lists, other lines become paragraphs, figures marked."""
    spans = _non_overlapping(claims, len(text))
    blocks: list[str] = []
    offset = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        bullet = _BULLET_RE.match(line)
        content_start = offset + (bullet.end() if bullet else 0)
        inside = [c for c in spans if content_start <= c["start"] and c["end"] <= line_end]
        body = _marked_segment(text[content_start:line_end], content_start, inside)
        if bullet:
            marker = "-" if not bullet.group(2)[0].isdigit() else bullet.group(2)[:-1] + "."
            blocks.append(f"{' ' * min(len(bullet.group(1)), 4)}{marker} {body}")
        elif line.strip():
            blocks.append("\n" + body + "\n")
        offset = line_end + 1
    return "\n".join(blocks).strip()


def claim_details(claims: Iterable[dict[str, Any]]) -> list[str]:
    """One safe markdown line per checked figure: verdict, evidence ids and the supporting words."""
    lines = []
    for claim in claims:
        ok = claim.get("verdict") == VERIFIED
        head = f"{MARK_OK if ok else MARK_BAD} **{escape_md(str(claim.get('text', '')))}** — {claim.get('verdict')}"
        evidence = claim.get("evidence") or []
        ids = ", ".join(f"`{e.get('id')}`" for e in evidence if e.get("id"))
        if ids:
            head += f"; evidence: {ids}"
        quote = next((e.get("quote") for e in evidence if e.get("quote")), "")
        if quote:
            head += f" — “{escape_md(_shorten(quote, 160))}”"
        if claim.get("correction"):
            head += f"; the text says {escape_md(str(claim['correction']))}"
        lines.append(head)
    return lines


def check_summary(answer: Answer) -> str:
    """One line under the answer: how many figures were checked and whether all held."""
    claims = answer.claims
    if not claims:
        return "No numbers or references in this answer needed checking."
    good = sum(1 for c in claims if c.get("verdict") == VERIFIED)
    if good == len(claims):
        return f"{MARK_OK} All {good} numbers and references verified against the text"
    return f"{MARK_BAD} {len(claims) - good} of {len(claims)} numbers or references could not be verified (marked ✗)"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- citation chips ---------------------------------------------------------------------------------
def chip_label(citation: Citation) -> str:
    """The chip text: the citation's compact label ('Art. 59(3)'), markdown-safe for a button label."""
    return escape_md(citation.label).replace("\\.", ".").replace("\\(", "(").replace("\\)", ")")


def highlight(text: str, quote: str) -> str:
    """The unit's text as safe markdown with the supporting sentence in bold."""
    quote = quote.strip()
    at = text.find(quote) if quote else -1
    if at < 0:
        return escape_md(text)
    return f"{escape_md(text[:at])}**{escape_md(quote)}**{escape_md(text[at + len(quote):])}"


@dataclass(frozen=True)
class CitationView:
    title: str
    origin: str  # old article number and what the amendment did
    body: str  # markdown: full text, supporting sentence in bold


def citation_view(citation: Citation, corpus: Corpus) -> CitationView:
    """What opening a chip shows: the whole cited unit, the quote highlighted, where the article came from."""
    unit = corpus.unit(citation.unit_id)
    article = corpus.articles.get(unit.article or "") if unit.article else None
    if unit.source == "explanation":
        origin = "From the Explanation that accompanies the draft (not article text)."
    elif article is not None:
        old = ", ".join(r.label() for r in article.old) or "none (a new article)"
        origin = f"Old number (current law): {old}. What the draft does: {article.note}."
    else:
        origin = "An amendment item of the draft."
    return CitationView(escape_md(unit.title), escape_md(origin), highlight(unit.text, citation.quote))


# -- export -----------------------------------------------------------------------------------------
def _inert(text: str) -> str:
    """Exported text keeps its words; only HTML openers are escaped so a viewer cannot run them."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def export_markdown(messages: Sequence[dict[str, Any]], status: str, title: str) -> str:
    """The conversation as a Markdown file: each question, the checked answer, its citations and quotes."""
    out = [f"# {title}", "", f"> {_inert(status)}", ""]
    number = 0
    for msg in messages:
        if msg.get("role") == "user":
            number += 1
            out += [f"## Question {number}", "", _inert(msg.get("content", "")), ""]
            continue
        answer: Answer | None = msg.get("answer")
        out += ["### Answer", "", _inert(answer.text if answer else msg.get("content", "")), ""]
        if answer is None:
            continue
        out += [f"- {_inert(n)}" for n in answer.notices] + ([""] if answer.notices else [])
        out += [f"_{check_summary(answer)}_", ""]
        if answer.citations:
            out += ["#### Citations", ""]
            for c in answer.citations:
                out += [f"- **{c.label}** (`{c.unit_id}`)", f"  > {_inert(c.quote)}"]
            out.append("")
    if number == 0:
        out += ["_No questions asked yet._", ""]
    return "\n".join(out)


# -- tables and the fine calculator -----------------------------------------------------------------
def band_rows(table: FineTable, subject: str | None = None, article: str | None = None) -> list[dict[str, Any]]:
    """The fine-band table as rows, filtered by who is fined and by article."""
    return [{"Article": f"{b.article}({b.paragraph})", "Who": b.subject, "Fined": b.who, "Range": b.describe_range(),
             "Shall/may": "shall" if b.mandatory else "may", "When": b.condition, "Band": b.id}
            for b in table.bands
            if subject in (None, b.subject) and article in (None, b.article)]


def renumbering_rows(corpus: Corpus) -> list[dict[str, str]]:
    """The renumbering map exactly as the draft states it."""
    return [{"Old (current law)": e.old.label() if e.old else "—", "New (draft)": f"Article {e.new}" if e.new else "—",
             "Change": e.note, "Amendment item": str(e.amendment_item)} for e in corpus.renumbering]


def multiple_bases(table: FineTable) -> dict[str, str]:
    """Articles whose fine is a multiple of an amount -> that amount ('61' -> 'illegal gains')."""
    return {b.article: str(b.basis) for b in table.bands if b.kind == "multiple" and b.basis}


@dataclass(frozen=True)
class Calculation:
    article: str
    basis: str
    amount: int
    low: int | None  # None when the text does not decide (gains exactly at the threshold)
    high: int | None
    explanation: str
    bands: tuple[FineBand, ...]
    others: tuple[FineBand, ...] = ()  # bands that apply alongside (e.g. on responsible individuals)

    def summary(self) -> str:
        if self.low is None or self.high is None:
            return self.explanation
        return f"{self.low:,} to {self.high:,} yuan"


def calculate(article: str, amount: int, table: FineTable) -> Calculation:
    """The fine range for an amount under a multiple-based article, computed from the band table (integers)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("the amount must be a whole number of yuan")
    if amount < 0:
        raise ValueError("the amount cannot be negative")
    entity = [b for b in table.for_article(article) if b.subject == "entity"]
    multiple = next((b for b in entity if b.kind == "multiple"), None)
    if multiple is None:
        raise ValueError(f"Article {article} has no multiple-based fine")
    basis = str(multiple.basis)
    others = tuple(b for b in table.for_article(article) if b.subject == "individual")
    if multiple.threshold is None:
        text = f"{multiple.min} to {multiple.max} times the {basis} of {amount:,} yuan"
        return Calculation(article, basis, amount, amount * multiple.min, amount * multiple.max, text,
                           (multiple,), others)
    limit = multiple.threshold
    fixed = next(b for b in entity if b.threshold_rule == "below_or_none")
    if amount > limit:
        text = (f"{basis.capitalize()} of {amount:,} yuan exceed {limit:,} yuan: {multiple.min} to {multiple.max} "
                f"times the {basis}.")
        return Calculation(article, basis, amount, amount * multiple.min, amount * multiple.max, text,
                           (multiple,), others)
    if amount < limit:
        which = "There are no" if amount == 0 else f"{basis.capitalize()} of {amount:,} yuan are less than {limit:,}"
        text = f"{which} {basis if amount == 0 else 'yuan'}: the fixed fine of {fixed.min:,} to {fixed.max:,} yuan."
        return Calculation(article, basis, amount, fixed.min, fixed.max, text, (fixed,), others)
    text = (f"The text is silent on {basis} of exactly {limit:,} yuan: {multiple.min} to {multiple.max} times "
            f"applies when they exceed {limit:,} yuan, and {fixed.min:,} to {fixed.max:,} yuan when there are none "
            f"or they are less than {limit:,} yuan.")
    return Calculation(article, basis, amount, None, None, text, (multiple, fixed), others)

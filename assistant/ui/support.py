"""Pure helpers behind the Streamlit app: safe markdown, source chips and the reference tables.

Kept free of Streamlit so the tests call them directly and the app stays a thin
layer of widgets. Everything that reaches the page is markdown built here:
model output and user input are escaped (no raw HTML anywhere), so injected
HTML, links or Streamlit directives show as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.answering.records import Citation
from assistant.document import decision
from assistant.document.alignment import alignment, current_to_adopted
from assistant.document.corpus import Corpus, Unit
from assistant.document.fines import TIER_LABELS, BandTable
from assistant.document.refs import Ref, old_numbers

# ASCII punctuation that CommonMark, GFM autolinks, math ($) or Streamlit directives (:red[..], :emoji:) read.
_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>&$:=^])")
CHIP_CHARS = 28  # a source chip stays on one short line; its popover has the full title


def escape_md(text: str) -> str:
    """Backslash-escape every markdown/HTML-significant character: the text renders literally."""
    return _SPECIAL_RE.sub(r"\\\1", text)


# -- citation chips ---------------------------------------------------------------------------------
def short_label(label: str) -> str:
    """'Art. 59(3)' stays; 'Explanation — Background and necessity of …' becomes 'Explanation: Background …'."""
    label = label.replace(" — ", ": ")
    return label if len(label) <= CHIP_CHARS else label[: CHIP_CHARS - 1].rstrip(" :,") + "…"


def chip_label(citation: Citation) -> str:
    """The chip text: the citation's short label ('Art. 59(3)'), markdown-safe for a button label."""
    return escape_md(short_label(citation.label)).replace("\\.", ".").replace("\\(", "(").replace("\\)", ")")


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
    """What opening a chip shows: the whole cited unit, the quote highlighted, where the passage came from.

    A chip may cite the draft (its articles and Explanation) or the law in force (the Decision's adopted articles,
    items and clauses); each says which text it is, so the draft is never read as the law in force."""
    if corpus.has_unit(citation.unit_id):
        return _view(corpus.unit(citation.unit_id), citation, _draft_origin(corpus.unit(citation.unit_id), corpus))
    adopted = decision.load()
    if adopted.has_unit(citation.unit_id):
        unit = adopted.unit(citation.unit_id)
        return _view(unit, citation, _adopted_origin(unit, adopted))
    return CitationView(escape_md(citation.label), "This passage is not in the texts this assistant holds.",
                        escape_md(citation.quote))


def _day(iso: str) -> str:
    """'2025-10-28' -> '28 October 2025'."""
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def _view(unit: Unit, citation: Citation, origin: str) -> CitationView:
    return CitationView(escape_md(unit.title), escape_md(origin), highlight(unit.text, citation.quote))


def _draft_origin(unit: Unit, corpus: Corpus) -> str:
    article = corpus.articles.get(unit.article or "") if unit.article else None
    if unit.source == "explanation":
        return "From the Explanation that accompanies the draft (March 2025; not article text)."
    if article is not None:
        old = old_numbers(article.old)
        return f"The draft (March 2025), not the law in force. Old number (2016 law): {old}. " \
               f"What the draft does: {article.note}."
    return "An amendment item of the draft (March 2025), not the law in force."


def _adopted_origin(unit: Unit, adopted: decision.Decision) -> str:
    dates = f"adopted {_day(adopted.adopted_on)}, in force since {_day(adopted.in_force_from)}; official Chinese text"
    article = adopted.articles.get(unit.article or "") if unit.source == "adopted" else None
    if article is None:
        return f"The Decision amending the law ({dates})."
    old = old_numbers(article.old)
    return f"The law in force ({dates}). Old number (2016 law): {old}; set by item {article.item} of the Decision."


@dataclass(frozen=True)
class AdoptedArticleView:
    """One article of the law in force as the Articles view shows it: where it came from and its passages."""

    number: str
    origin: str
    passages: tuple[tuple[str, str], ...]  # (title, official Chinese text)


def adopted_articles() -> list[AdoptedArticleView]:
    """Every article the Decision adds or amends, in the law's order: its text where the Decision restates it,
    else the Decision's item that changes it (a renumbering or a phrase replaced)."""
    adopted = decision.load()
    out = []
    for article in sorted(adopted.articles.values(), key=lambda a: int(a.number)):
        old = old_numbers(article.old)
        kinds = ", ".join(k.value.replace("_", " ") for k in article.kinds)
        origin = f"Old number (2016 law): {old}. Decision item {article.item}: {kinds}."
        item = adopted.unit(f"decision.item{article.item}")
        passages = tuple((u.title, u.text) for u in article.units) or ((item.title, item.text),)
        out.append(AdoptedArticleView(article.number, origin, passages))
    return out


# -- reference tables --------------------------------------------------------------------------------
def band_rows(table: BandTable[Any], subject: str | None = None, article: str | None = None,
              tiers: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The fine-band table as rows a person reads: amounts as integers of yuan (the view formats them with
    thousands separators and sorts them as numbers), multiples in words, tiers and may/shall spelled out.
    Filtered by who is fined, by article and by tier; no internal band ids."""
    wanted = set(tiers)
    return [{"Article": int(b.article), "Para.": b.paragraph, "Fined": b.who_english(),
             "From (yuan)": b.min if b.kind == "amount" else None,
             "To (yuan)": b.max if b.kind == "amount" else None,
             "Multiple": b.describe_range() if b.kind == "multiple" else "",
             "Shall/may": "shall" if b.mandatory else "may", "Tier": TIER_LABELS.get(b.tier, b.tier),
             "Entity or person": "person" if b.subject == "individual" else "entity", "When": b.condition}
            for b in table.bands
            if subject in (None, b.subject) and article in (None, b.article) and (not wanted or b.tier in wanted)]


def renumbering_rows(corpus: Corpus) -> list[dict[str, str]]:
    """The renumbering map as the draft states it, with where each 2016 article stands in the law in force
    (the Decision's item that moves it, else the shift by the articles it adds)."""
    adopted, carried = decision.load(), alignment().articles

    def in_force(old: Ref | None, new: str | None) -> str:
        if new and carried.get(new):  # the draft article's counterpart, from the texts (new articles too)
            return " and ".join(f"Article {a}" for a in carried[new])
        moved = current_to_adopted(old, adopted) if old else None
        return moved.label() if moved else "—"

    return [{"Old (2016 law)": e.old.label() if e.old else "—", "New (draft)": f"Article {e.new}" if e.new else "—",
             "Law in force": in_force(e.old, e.new), "Change": e.note, "Draft amendment item": str(e.amendment_item)}
            for e in corpus.renumbering]

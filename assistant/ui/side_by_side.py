"""Rows for the app's per-article view: the draft (English) beside the law in force (Chinese).

Pure: the page only lays the rows out. One row per provision the alignment links, with
the figures that changed, so the page can highlight them.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.document import corpus, decision
from assistant.document.alignment import alignment
from assistant.document.band_diff import BandChange, links_for_draft_article
from assistant.errors import UserError

__all__ = ["Row", "articles", "rows"]


@dataclass(frozen=True)
class Row:
    provision: str  # "Draft Art. 61(1) -> Art. 63(1)"
    draft_unit: str | None
    draft_text: str  # English (the draft's translation); the note when the draft gives no text
    adopted_units: tuple[str, ...]
    adopted_text: str  # official Chinese; "" when the law in force has no counterpart
    changed: tuple[str, ...]  # "min: 30,000 yuan -> 20,000 yuan", ...
    new_figures: tuple[str, ...] = ()  # adopted bands the draft did not state


def articles() -> list[str]:
    """Draft article numbers the view offers, in order."""
    return list(alignment().articles)


def _short(unit_id: str) -> str:
    return unit_id.replace("adopted.", "").replace("art", "Art. ").replace(".p", "(").replace(".i", ", item (") + ")"


def rows(draft_article: str) -> list[Row]:
    """One row per provision of a draft article; raises UserError for an article the draft does not have."""
    if draft_article not in alignment().articles:
        raise UserError(f"the draft has no Article {draft_article} to compare; choose one of {', '.join(articles())}")
    dec, bands = decision.load(), links_for_draft_article(draft_article)
    out: list[Row] = []
    for link in alignment().for_draft_article(draft_article):
        mine = [b for b in bands if b.draft and b.draft.unit_id == link.draft_unit]
        changed = tuple(f"{b.draft.describe_range()} ({c.field}: {c.draft} -> {c.adopted})" for b in mine
                        if b.draft and b.status is BandChange.CHANGED for c in b.changes)
        new = tuple(f"{b.adopted.describe_range()} ({b.adopted.subject}, {b.adopted.tier})" for b in bands
                    if b.status is BandChange.NEW and b.adopted and b.adopted.unit_id in link.adopted_units)
        adopted_text = "\n".join(dec.unit(u).text for u in link.adopted_units) or "\n".join(link.adopted_quotes)
        target = ", ".join(_short(u) for u in link.adopted_units) or (
            f"Art. {link.adopted_article}" if link.adopted_article else "none")
        source = _short(link.draft_unit) if link.draft_unit else f"Art. {draft_article}"
        draft_text = corpus.load().unit(link.draft_unit).text if link.draft_unit else link.draft_quote
        out.append(Row(f"Draft {source} -> {target}", link.draft_unit, draft_text, link.adopted_units,
                       adopted_text, changed, new))
    return out

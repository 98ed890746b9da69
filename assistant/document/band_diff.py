"""Every fine band of the draft against the adopted law: unchanged, changed (figure by figure), removed or new.

Bands are paired inside the provisions the alignment links (draft Article 59(1) with
adopted Article 61(1)), on who pays, the tier and the kind of figure, so a changed
minimum, a 'may' that became 'shall' or a moved gains threshold shows as one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from assistant.document import adopted_bands, fines
from assistant.document.adopted_bands import AdoptedBand, AdoptedTable
from assistant.document.alignment import Alignment, alignment
from assistant.document.fines import FineBand, FineTable

__all__ = ["BandChange", "BandLink", "FigureChange", "band_links", "diff_bands", "links_for_draft_article"]

THRESHOLD_WORDS = {"above": "more than", "at_or_above": "or more", "below_or_none": "none or less than"}


class BandChange(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    REMOVED = "removed"  # a draft band the adopted law does not carry
    NEW = "new"  # an adopted band the draft did not state


@dataclass(frozen=True)
class FigureChange:
    field: str  # "min" | "max" | "modality" | "threshold"
    draft: str
    adopted: str


@dataclass(frozen=True)
class BandLink:
    status: BandChange
    draft: FineBand | None
    adopted: AdoptedBand | None
    changes: tuple[FigureChange, ...] = ()

    def as_dict(self) -> dict:
        return {"status": self.status.value,
                "draft": self.draft.as_dict() if self.draft else None,
                "adopted": self.adopted.as_dict() if self.adopted else None,
                "changes": [c.__dict__ for c in self.changes]}


def _figure(band: FineBand, value: int) -> str:
    return f"{value}x" if band.kind == "multiple" else f"{value:,} yuan"


def _threshold(band: FineBand) -> str:
    if band.threshold is None or band.threshold_rule is None:
        return ""
    words = THRESHOLD_WORDS[band.threshold_rule]
    if band.threshold_rule == "at_or_above":
        return f"illegal gains of {band.threshold:,} yuan {words}"
    return f"illegal gains {words} {band.threshold:,} yuan"


def compare(draft: FineBand, adopted: AdoptedBand) -> tuple[FigureChange, ...]:
    """The figures that differ between a draft band and the adopted band that replaces it."""
    out = []
    for name in ("min", "max"):
        old, new = getattr(draft, name), getattr(adopted, name)
        if old != new:
            out.append(FigureChange(name, _figure(draft, old), _figure(adopted, new)))
    if draft.mandatory != adopted.mandatory:
        out.append(FigureChange("modality", "shall" if draft.mandatory else "may",
                                "shall" if adopted.mandatory else "may"))
    if _threshold(draft) != _threshold(adopted):
        out.append(FigureChange("threshold", _threshold(draft), _threshold(adopted)))
    return tuple(out)


def _key(band: FineBand) -> tuple:
    return band.subject, band.tier, band.kind, band.basis


def diff_bands(align: Alignment, draft: FineTable, adopted: AdoptedTable) -> tuple[BandLink, ...]:
    """One link per draft band (in draft order), then one per adopted band no draft band maps to."""
    used: set[str] = set()
    links: list[BandLink] = []
    for band in draft.bands:
        targets = [u for p in align.provisions if p.draft_unit == band.unit_id for u in p.adopted_units]
        match = next((a for a in adopted.bands if a.unit_id in targets and a.id not in used
                      and _key(a) == _key(band)), None)
        if match is None:
            links.append(BandLink(BandChange.REMOVED, band, None))
            continue
        used.add(match.id)
        changes = compare(band, match)
        links.append(BandLink(BandChange.CHANGED if changes else BandChange.UNCHANGED, band, match, changes))
    links += [BandLink(BandChange.NEW, None, a) for a in adopted.bands if a.id not in used]
    return tuple(links)


@lru_cache(maxsize=1)
def band_links() -> tuple[BandLink, ...]:
    """The band diff of the shipped texts, built once per process."""
    return diff_bands(alignment(), fines.table(), adopted_bands.table())


def links_for_draft_article(article: str) -> list[BandLink]:
    """Band rows of one draft article (and the new adopted bands of the article that carries it)."""
    carried = {u for p in alignment().for_draft_article(article) for u in p.adopted_units}
    return [link for link in band_links()
            if (link.draft and link.draft.article == article)
            or (link.draft is None and link.adopted and link.adopted.unit_id in carried)]

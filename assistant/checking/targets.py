"""What a citation points at, and the lookups that depend on the corpus alone.

A citation's target ("Art. 59(3)" -> article 59, paragraph 3, its unit ids), a citation's verdict
and a passage's plain label are pure functions of the citation and the (fixed) corpus. Answers
repeat the same chips over and over, so these are computed once per process and shared by every
answer (`shared`), not once per answer. Nothing here depends on an answer's wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.document.corpus import Corpus, Unit
from assistant.document.fines import FineBand
from assistant.document.refs import Ref

SHARED_LIMIT = 4096  # entries per corpus before the cache starts afresh (answers may cite anything)


@dataclass(frozen=True, slots=True)
class Target:
    """What one citation points at: a draft article (new numbering) and the passages to quote."""

    article: str | None
    paragraph: int | None
    units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Scope:
    """The bands a figure is judged against and where that choice came from."""

    bands: tuple[FineBand, ...]
    articles: tuple[str, ...]
    source: str  # sentence | preceding | cited | question | none


_SHARED: dict[int, tuple[Corpus, dict[Any, Any]]] = {}


def shared(corpus: Corpus) -> dict[Any, Any]:
    """The per-process memo of lookups that depend only on `corpus` (held with it, so its id stays its own)."""
    entry = _SHARED.get(id(corpus))
    if entry is None or entry[0] is not corpus:
        entry = _SHARED[id(corpus)] = (corpus, {})
    if len(entry[1]) > SHARED_LIMIT:
        entry[1].clear()
    return entry[1]


def unit_target(corpus: Corpus, unit_id: str) -> Target:
    unit = corpus.unit(unit_id)
    para = unit.paragraph if unit.kind == "paragraph" else None
    return Target(unit.article, para, (unit_id,))


def ref_targets(corpus: Corpus, ref: Ref, old: bool) -> tuple[Target, ...]:
    """The draft passages a reference names: a draft article's units, a referenced article's citing units,
    or (phrased as the current law's numbering) the amendment items that renumbered it."""
    memo = shared(corpus)
    key = ("targets", ref, old)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _ref_targets(corpus, ref, old)
    return found


def _ref_targets(corpus: Corpus, ref: Ref, old: bool) -> tuple[Target, ...]:
    art = corpus.articles.get(ref.article)
    if art is not None and not old:
        units = tuple(u.id for u in art.units if _unit_matches(u, ref)) or tuple(u.id for u in art.units)
        para = ref.paragraph if ref.paragraph and ref.paragraph <= art.paragraph_count() else None
        return (Target(art.number, para, units or (f"amend.{art.amendment_item}",)),)
    if ref.article in corpus.referenced and not old:
        return (Target(None, None, corpus.referenced[ref.article]),)
    entries = [e for e in corpus.renumbering if e.old and e.old.article == ref.article and e.new]
    return tuple(Target(e.new, None, (f"amend.{e.amendment_item}",)) for e in entries)


def _unit_matches(u: Unit, ref: Ref) -> bool:
    if ref.item is not None:
        return u.item == ref.item
    if ref.paragraph is not None:
        return u.paragraph == ref.paragraph
    return True

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
from assistant.document.fines import FineBand, FineTable
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


_SHARED: dict[tuple[int, ...], tuple[tuple[object, ...], dict[Any, Any]]] = {}


def shared(corpus: Corpus, table: FineTable | None = None) -> dict[Any, Any]:
    """The per-process memo of lookups that depend only on `corpus` (and the band table): held with them,
    so their ids stay their own."""
    sources = (corpus, table)
    key = tuple(map(id, sources))
    entry = _SHARED.get(key)
    if entry is None or any(a is not b for a, b in zip(entry[0], sources, strict=True)):
        entry = _SHARED[key] = (sources, {})
    if len(entry[1]) > SHARED_LIMIT:
        entry[1].clear()
    return entry[1]


def scope_for(corpus: Corpus, table: FineTable, source: str, targets: tuple[Target, ...]) -> Scope:
    """The bands of the cited provisions (each once, in citation order), with the articles they name."""
    memo = shared(corpus, table)
    key = ("scope", source, targets)
    scope = memo.get(key)
    if scope is None:
        bands: list[FineBand] = []
        for t in targets:
            bands += [b for b in _bands_for(table, t) if b not in bands]
        articles = tuple(dict.fromkeys(t.article for t in targets if t.article))
        scope = memo[key] = Scope(tuple(bands), articles, source)
    return scope


def _bands_for(table: FineTable, t: Target) -> list[FineBand]:
    assert t.article is not None
    if t.paragraph is None:
        return table.effective_for(t.article)
    own = [b for b in table.bands if b.article == t.article and b.paragraph == t.paragraph]
    for ref in table.references:
        if ref.article == t.article and ref.paragraph == t.paragraph:
            own += [b for b in table.bands if b.article == ref.target_article and b.paragraph in ref.target_paragraphs]
    return own


def unit_target(corpus: Corpus, unit_id: str) -> Target:
    unit = corpus.unit(unit_id)
    para = unit.paragraph if unit.kind == "paragraph" else None
    return Target(unit.article, para, (unit_id,))


def ref_targets(corpus: Corpus, ref: Ref, old: bool, memo: dict[Any, Any] | None = None) -> tuple[Target, ...]:
    """The draft passages a reference names: a draft article's units, a referenced article's citing units,
    or (phrased as the current law's numbering) the amendment items that renumbered it. `memo`: the
    corpus's shared memo when the caller holds it already."""
    memo = shared(corpus) if memo is None else memo
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

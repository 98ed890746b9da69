"""Draft <-> adopted: which adopted provision carries each provision of the draft, and how numbers moved.

Derived from the two texts, never typed in:
- numbering: the draft cites the law by its current (2016) numbers; the Decision names
  where each current article it touches goes, and the articles it adds (3, 20, 63, 73)
  shift every later untouched article, up to the first article merged away;
- articles: a draft article and an adopted article that renumber the same current-law
  article carry each other; an article both texts add is matched on content;
- paragraphs: scored on the cross-references they share once mapped (Article 21 -> 23),
  the fine figures they share and the bilingual term pairs both use.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from assistant.document import adopted_bands, corpus, decision, fines
from assistant.document.corpus import Corpus, Unit
from assistant.document.decision import ChangeKind, Decision
from assistant.document.refs import Ref, find_refs
from assistant.document.refs_zh import find_zh_refs, relative_refs
from assistant.document.zh_terms import shared_terms

__all__ = ["Alignment", "Carry", "ProvisionLink", "RefMove", "align", "alignment", "current_to_adopted",
           "draft_to_current"]
MIN_SCORE = 2  # two independent pieces of evidence before a draft paragraph is said to be carried


class Carry(StrEnum):
    """How an adopted provision was found to carry a draft one."""

    SAME_ORIGIN = "same_origin"  # both renumber or revise the same current-law article
    CONTENT = "content"  # both add a new article; matched on references, figures and terms
    NONE = "none"


@dataclass(frozen=True)
class RefMove:
    """A reference inside a draft provision and where it points in the adopted text."""

    draft: Ref
    current: Ref | None
    adopted: Ref | None
    confirmed: bool  # the adopted provision that carries the draft one cites this adopted number


@dataclass(frozen=True)
class ProvisionLink:
    draft_article: str
    draft_unit: str | None  # None when the draft gives no text for the article
    adopted_article: str | None
    adopted_units: tuple[str, ...]
    carry: Carry
    score: int
    draft_quote: str
    adopted_quotes: tuple[str, ...]
    ref_moves: tuple[RefMove, ...] = ()


def draft_to_current(ref: Ref, draft: Corpus) -> Ref | None:
    """The draft's number -> the current law's: its renumbering map, else unchanged below its first new article."""
    art = draft.articles.get(ref.article)
    if art is not None:
        if len(art.old) != 1:
            return None  # an added or merged article has no single current-law number
        old = art.old[0]
        return Ref(old.article, ref.paragraph or old.paragraph, ref.item if ref.item else old.item)
    first_added = min(int(a.number) for a in draft.articles.values() if a.change == "added")
    return ref if int(ref.article) < first_added else None


def current_to_adopted(ref: Ref, dec: Decision) -> Ref | None:
    """The current law's number -> the adopted law's: the item that moves it, else the shift by added articles."""
    for item in dec.items:
        for old in item.old:
            if old.article == ref.article and old.item in (None, ref.item) and old.paragraph in (None, ref.paragraph):
                keep = old.item is None and ChangeKind.MERGED not in item.kinds
                return Ref(item.new, ref.paragraph if keep else None, ref.item if keep else None)
    merged_away = [int(o.article) for i in dec.items if ChangeKind.MERGED in i.kinds for o in i.old]
    if int(ref.article) >= min(merged_away) or any(o.article == ref.article for i in dec.items for o in i.old):
        return None  # beyond the first article merged away, the Decision leaves the order to republication
    number = int(ref.article)
    for added in sorted(int(i.new) for i in dec.items if ChangeKind.ARTICLE_ADDED in i.kinds):
        if added <= number:
            number += 1
    return Ref(str(number), ref.paragraph, ref.item)


def _adopted_refs(unit: Unit) -> list[Ref]:
    assert unit.article is not None and unit.paragraph is not None
    return find_zh_refs(unit.text) + relative_refs(unit.text, unit.article, unit.paragraph)


def _figures(text_bands: list) -> set[tuple[int, int]]:
    return {(b.min, b.max) for b in text_bands}


class _Scorer:
    """Evidence that an adopted paragraph carries a draft paragraph."""

    def __init__(self, draft: Corpus, dec: Decision, article_map: dict[str, str]) -> None:
        self.draft, self.dec, self.article_map = draft, dec, article_map
        self.draft_bands = fines.build(draft)
        self.adopted_bands = adopted_bands.build(dec)

    def moves(self, unit: Unit) -> list[RefMove]:
        out = []
        for ref in (r for m in find_refs(unit.text) for r in m.refs):
            current = draft_to_current(ref, self.draft)
            adopted = current_to_adopted(current, self.dec) if current else None
            if adopted is None and ref.article in self.article_map:
                adopted = Ref(self.article_map[ref.article], ref.paragraph, ref.item)
            out.append(RefMove(ref, current, adopted, False))
        return out

    def score(self, unit: Unit, target: Unit, moves: list[RefMove]) -> int:
        cited = {r.article for r in _adopted_refs(target)}
        refs = len({m.adopted.article for m in moves if m.adopted} & cited)
        mine = _figures([b for b in self.draft_bands.bands if b.unit_id == unit.id])
        theirs = _figures([b for b in self.adopted_bands.bands if b.unit_id == target.id])
        same_place = int(unit.paragraph == target.paragraph and unit.item == target.item)
        return refs + len(mine & theirs) + len(shared_terms(unit.text, target.text)) + same_place

    @staticmethod
    def confirm(moves: list[RefMove], targets: list[Unit]) -> tuple[RefMove, ...]:
        cited = [r for t in targets for r in _adopted_refs(t)]
        return tuple(RefMove(m.draft, m.current, m.adopted, _cited(m.adopted, cited)) for m in moves)


def _same_origin(draft: Corpus, dec: Decision) -> dict[str, str]:
    """Draft article -> adopted article, where both move the same current-law article."""
    out: dict[str, str] = {}
    for art in draft.articles.values():
        for old in art.old:
            for item in dec.items:
                if any(o.article == old.article for o in item.old):
                    out.setdefault(art.number, item.new)
    return out


def _link(scorer: _Scorer, unit: Unit, pool: list[Unit], carry: Carry) -> ProvisionLink:
    assert unit.article is not None
    moves = scorer.moves(unit)
    scored = sorted(((scorer.score(unit, t, moves), k, t) for k, t in enumerate(pool)), key=lambda s: (-s[0], s[1]))
    best = scored[0][0] if scored else 0
    targets = [t for s, _, t in scored if s == best and s >= MIN_SCORE]
    if not targets:
        return ProvisionLink(unit.article, unit.id, None, (), Carry.NONE, best, unit.text, (), tuple(moves))
    return ProvisionLink(unit.article, unit.id, targets[0].article, tuple(t.id for t in targets), carry, best,
                         unit.text, tuple(t.text for t in targets), scorer.confirm(moves, targets))


@dataclass(frozen=True)
class Alignment:
    articles: dict[str, tuple[str, ...]]  # draft article -> adopted articles that carry it
    provisions: tuple[ProvisionLink, ...]

    def for_draft_article(self, article: str) -> list[ProvisionLink]:
        return [p for p in self.provisions if p.draft_article == article]

    def for_adopted_article(self, article: str) -> list[ProvisionLink]:
        return [p for p in self.provisions if article in {u.split(".")[1][3:] for u in p.adopted_units}
                or (p.draft_unit is None and p.adopted_article == article)]

    def draft_units_for(self, adopted_unit: str) -> list[str]:
        return [p.draft_unit for p in self.provisions if adopted_unit in p.adopted_units and p.draft_unit]


def align(draft: Corpus, dec: Decision) -> Alignment:
    """Link every provision of the draft to the adopted provision(s) that carry it, or to none."""
    origin = _same_origin(draft, dec)
    scorer = _Scorer(draft, dec, origin)
    claimed = {origin[a.number] for a in draft.articles.values() if a.number in origin and a.text_included}
    free = [u for a in dec.articles.values() if a.number not in claimed for u in a.units if u.kind == "paragraph"]
    links: list[ProvisionLink] = []
    for art in draft.articles.values():
        if not art.text_included:
            item = dec.articles.get(origin.get(art.number, ""))
            links.append(ProvisionLink(art.number, None, item.number if item else None,
                                       tuple(u.id for u in item.units) if item else (),
                                       Carry.SAME_ORIGIN if item else Carry.NONE, 0, art.note,
                                       (dec.unit(f"decision.item{item.item}").text,) if item else ()))
            continue
        if art.number in origin:
            pool, carry = [u for u in dec.articles[origin[art.number]].units], Carry.SAME_ORIGIN
        else:
            pool, carry = free, Carry.CONTENT
        links += [_link(scorer, u, pool, carry) for u in art.units]
    articles: dict[str, tuple[str, ...]] = {}
    for link in links:
        found = articles.setdefault(link.draft_article, ())
        adopted = {u.split(".")[1][3:] for u in link.adopted_units} or (
            {link.adopted_article} if link.adopted_article else set())
        articles[link.draft_article] = tuple(sorted(set(found) | adopted, key=int))
    return Alignment(articles, tuple(links))


@lru_cache(maxsize=1)
def alignment() -> Alignment:
    """The alignment of the shipped draft and Decision, built once per process."""
    return align(corpus.load(), decision.load())


def _cited(adopted: Ref | None, cited: list[Ref]) -> bool:
    """The adopted text really cites the moved reference (same article; paragraph and item where stated)."""
    return adopted is not None and any(
        c.article == adopted.article and adopted.paragraph in (None, c.paragraph) and adopted.item in (None, c.item)
        for c in cited)

"""Where a claim stands: which provision it is about, whom it fines, which tier, which basis.

A figure is only right or wrong relative to a provision, so the checker first
reads the answer's citations (in the claim's sentence, else the nearest one
before it, else the caller's `cited` ids, else the question) and the wording
around the figure. Everything here is computed once per answer; what depends on the corpus
alone (citation targets, scopes, verdicts on citations) once per process (checking.targets).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from assistant.checking.claims import Claim, extract_claims
from assistant.checking.targets import Scope, Target, ref_targets, scope_for, shared, unit_target
from assistant.checking.wording import (
    FOR_CUE_RE,
    ON_WHO_RE,
    clause,
    extreme_before,
    speaks_of_old_numbers,
    subject_before,
    subject_named,
    tier_cues_in,
)
from assistant.document.corpus import Corpus
from assistant.document.fines import FineBand, FineTable
from assistant.document.kinds import Basis, ClaimKind, Subject, Tier
from assistant.document.refs import Ref
from assistant.document.vocabulary import NO_GAINS_RE, bases

CITATION = ClaimKind.ARTICLE
FIGURES = (ClaimKind.AMOUNT, ClaimKind.RANGE, ClaimKind.BOUND, ClaimKind.MULTIPLE, ClaimKind.MULTIPLE_RANGE)
PAREN_AFTER_RE = re.compile(r"^\s*(?:yuan\s+)?[(（]([^()（）]{1,60})[)）]")


class AnswerContext:
    """Per-answer lookups: citation targets, sentence membership, bases stated."""

    def __init__(self, text: str, claims: list[Claim], question: str | None, cited: Sequence[str] | None,
                 corpus: Corpus, table: FineTable) -> None:
        self.text, self.claims, self.corpus, self.table = text, claims, corpus, table
        self._cue_cache: dict[tuple[int, int], list[tuple[int, Tier]]] = {}
        self._scope_cache: dict[tuple[int, int], Scope] = {}
        self._old_cache: dict[str, bool] = {}
        self._subject_cache: dict[int, Subject | None] = {}
        self._window_cache: dict[int, tuple[int, int]] = {}
        self._own_cache: dict[int, Subject | None] = {}
        self._tier_cache: dict[int, Tier | None] = {}
        self._by_id = {b.id: b for b in table.bands}
        self.frames: dict[int, Any] = {}  # claim index -> Frame (checking.fields)
        self.memo: dict[Any, Any] = {}  # per-answer readings (sentence cues: checking.cues)
        self.shared = shared(corpus, table)  # lookups that depend on the corpus alone, shared by every answer
        self.question = question or ""
        self.q_claims = extract_claims(self.question) if question else []
        self.targets = self._targets(claims, text)
        self.cite_starts = [c.start for i, c in enumerate(claims) if self.targets.get(i)]
        self.cite_index = [i for i, c in enumerate(claims) if self.targets.get(i)]
        self.cited_targets = self._cited(cited or ())
        q_targets = self._targets(self.q_claims, self.question)
        self.question_targets = tuple(t for ts in q_targets.values() for t in ts)
        self.q_bases = _bases(self.q_claims, self.question)
        self.a_bases = [(c.basis, c.value, i) for i, c in enumerate(claims) if c.kind == ClaimKind.AMOUNT and c.basis]
        self.by_sentence: dict[tuple[int, int], list[Claim]] = {}
        for c in claims:
            self.by_sentence.setdefault(c.sentence, []).append(c)

    def band(self, band_id: str) -> FineBand | None:
        """The band an evidence id names (None for passages and the question)."""
        return self._by_id.get(band_id)

    # -- citations ---------------------------------------------------------------------------
    def _targets(self, claims: list[Claim], source: str) -> dict[int, tuple[Target, ...]]:
        out: dict[int, tuple[Target, ...]] = {}
        last_article = ""
        for i, c in enumerate(claims):
            if c.kind != CITATION:
                continue
            if c.unit:
                out[i] = (self.unit_target(c.unit),) if self.corpus.has_unit(c.unit) else ()
                continue
            found: list[Target] = []
            for ref in c.refs:
                if not ref.article:
                    ref = Ref(self._bare_article(claims, i) or last_article, ref.paragraph, ref.item)
                    if not ref.article:
                        continue
                found += ref_targets(self.corpus, ref, c.old or self.old_wording(c, source), self.shared)
            out[i] = tuple(found)
            for r in c.refs:  # the first article the citation names carries over to a bare "paragraph 3"
                if r.article:
                    last_article = r.article
                    break
        return out

    @staticmethod
    def _bare_article(claims: list[Claim], i: int) -> str:
        """A bare 'paragraph 3' belongs to the article cited nearest before it in its sentence (else after it)."""
        same = [(j, c) for j, c in enumerate(claims) if c.sentence == claims[i].sentence and c.kind == CITATION
                and c.refs and c.refs[0].article and not c.old]
        before = [c for j, c in same if j < i]
        pick = before[-1:] or [c for _, c in same][:1]
        return pick[0].refs[0].article if pick else ""

    def article_near(self, claim: Claim) -> str | None:
        """The draft article a claim is about: nearest cited before it in its sentence, else any cited in
        its sentence, else the nearest cited before the sentence."""
        here = [(self.claims[i].start, t) for i, t in self.sentence_targets(claim) if t.article]
        before = [t for start, t in here if start < claim.start]
        targets = before[-1:] or [t for _, t in here] or self.preceding_targets(claim.start, True)
        return targets[0].article if targets else None

    def old_wording(self, c: Claim, source: str | None = None) -> bool:
        """An article number not in the draft, in a sentence about the current law's numbering."""
        if not c.refs or any(r.article in self.corpus.articles for r in c.refs if r.article):
            return False
        if source is None or source is self.text:
            return self.old_vocabulary(c)
        return speaks_of_old_numbers(source[c.sentence[0]:c.sentence[1]])

    def unit_target(self, unit_id: str) -> Target:
        return unit_target(self.corpus, unit_id)

    def ref_targets(self, ref: Ref, old: bool) -> list[Target]:
        return list(ref_targets(self.corpus, ref, old, self.shared))

    def _cited(self, cited: Sequence[str]) -> tuple[Target, ...]:
        out: list[Target] = []
        for item in cited:
            item = str(item).strip()
            if self.corpus.has_unit(item):
                out.append(self.unit_target(item))
            elif item.isdigit():
                out += ref_targets(self.corpus, Ref(item), False, self.shared)
            else:
                ctx = self._targets(extract_claims(item), item)
                out += [t for ts in ctx.values() for t in ts]
        return tuple(out)

    def sentence_targets(self, claim: Claim) -> list[tuple[int, Target]]:
        """(claim index, target) for every citation in the claim's sentence."""
        lo = bisect.bisect_left(self.cite_starts, claim.sentence[0])
        hi = bisect.bisect_left(self.cite_starts, claim.sentence[1])
        return [(i, t) for i in self.cite_index[lo:hi] for t in self.targets[i]]

    def preceding_targets(self, pos: int, want_article: bool) -> list[Target]:
        k = bisect.bisect_left(self.cite_starts, pos) - 1
        while k >= 0:
            found = [t for t in self.targets[self.cite_index[k]] if t.article or not want_article]
            if found:
                return found
            k -= 1
        return []

    def following_targets(self, claim: Claim) -> list[Target]:
        """The next citation in the same line: answers often cite after the sentence."""
        k = bisect.bisect_right(self.cite_starts, claim.end)
        line_end = self.text.find("\n", claim.end)
        if k < len(self.cite_starts) and (line_end < 0 or self.cite_starts[k] < line_end):
            return list(self.targets[self.cite_index[k]])
        return []

    # -- scopes ------------------------------------------------------------------------------
    def fine_scope(self, claim: Claim) -> Scope:
        """The bands a fine figure is judged against (empty source 'none': the whole table)."""
        scope = self._scope_cache.get(claim.sentence)
        if scope is None:
            scope = self._scope_cache[claim.sentence] = self._fine_scope(claim)
        return scope

    def _fine_scope(self, claim: Claim) -> Scope:
        chains = (("sentence", [t for _, t in self.sentence_targets(claim) if t.article]),
                  ("preceding", self.preceding_targets(claim.sentence[0], True)),
                  ("cited", [t for t in self.cited_targets if t.article]),
                  ("question", [t for t in self.question_targets if t.article]))
        for source, targets in chains:
            if targets:
                return scope_for(self.corpus, self.table, source, tuple(targets))
        return Scope(self.table.bands, (), "none")

    def passages(self, claim: Claim) -> list[str] | None:
        """Unit ids a non-fine number must appear in; None: no citation anywhere, use the whole text."""
        ids: list[str] = []
        for t in ([t for _, t in self.sentence_targets(claim)] + self.preceding_targets(claim.start, False)
                  + self.following_targets(claim) + list(self.cited_targets)):
            ids += [u for u in t.units if u not in ids]
        return ids or None

    # -- wording around a figure -------------------------------------------------------------
    def neighbours(self, i: int) -> tuple[int, int]:
        """Window of claim i: from the previous figure (not citation) in its sentence to the next one."""
        found = self._window_cache.get(i)
        if found is None:
            found = self._window_cache[i] = self._neighbours(i)
        return found

    def _neighbours(self, i: int) -> tuple[int, int]:
        c = self.claims[i]
        lo, hi = c.sentence
        for j in range(i - 1, -1, -1):
            o = self.claims[j]
            if o.sentence != c.sentence:
                break
            if o.kind != CITATION:
                lo = o.end
                break
        for j in range(i + 1, len(self.claims)):
            o = self.claims[j]
            if o.sentence != c.sentence:
                break
            if o.kind != CITATION:
                hi = o.start
                break
        return lo, hi

    def subject(self, i: int) -> Subject | None:
        """'individual' | 'entity' when the wording says; else the subject carried from the previous figure of
        the sentence or of a list continued after ';' (None: callers default to entity)."""
        if i in self._subject_cache:
            return self._subject_cache[i]
        found = self.own_subject(i)
        if found is None and (j := self.previous_figure(i)) is not None:
            found = self.subject(j)
        self._subject_cache[i] = found
        return found

    def previous_figure(self, i: int) -> int | None:
        """The figure a list item continues: earlier in the sentence, or in a sentence that ended with ';'."""
        c = self.claims[i]
        for j in range(i - 1, -1, -1):
            o = self.claims[j]
            if o.kind not in FIGURES:
                continue
            if o.sentence == c.sentence:
                return j
            between = self.text[o.sentence[1] - 2:c.sentence[0]]
            return j if (";" in between or "；" in between) and "\n\n" not in self.text[o.end:c.start] else None
        return None

    def own_subject(self, i: int) -> Subject | None:
        """Who the figure's own words name: after it ('... on the persons-in-charge'), else the last before it."""
        if i not in self._own_cache:
            own = self._own_subject(i)
            self._own_cache[i] = Subject(own) if own else None
        return self._own_cache[i]

    def _own_subject(self, i: int) -> str | None:
        c = self.claims[i]
        lo, hi = self.neighbours(i)
        after = self.text[c.end:hi]
        if m := ON_WHO_RE.match(after):
            found = subject_named(clause(after[m.end():]))
            if found:
                return found
        if m := PAREN_AFTER_RE.match(after):  # "¥50k–¥200k (individuals, may)"
            found = subject_named(m.group(1))
            if found:
                return found
        return subject_before(self.text[lo:c.start])

    def tier(self, i: int) -> Tier | None:
        """The tier the wording names: right after the figure ('... yuan for particularly serious ones'),
        else the nearest cue before it in the sentence, else the first after it."""
        if i not in self._tier_cache:
            tier = self._tier(i)
            self._tier_cache[i] = Tier(tier) if tier else None
        return self._tier_cache[i]

    def _tier(self, i: int) -> str | None:
        c = self.claims[i]
        s0, s1 = c.sentence
        found = self._cue_cache.get(c.sentence)
        if found is None:
            found = self._cue_cache[c.sentence] = [(p + s0, t) for p, t in tier_cues_in(self.text[s0:s1])]
        if len({t for _, t in found}) <= 1:
            return found[0][1] if found else None
        lo, hi = self.neighbours(i)
        after = self.text[c.end:hi]
        if FOR_CUE_RE.match(after):
            own = [t for p, t in found if c.end <= p < c.end + len(clause(after))]
            if own:
                return own[0]
        before = [(p, t) for p, t in found if p < c.start]
        return max(before)[1] if before else found[0][1]

    def extreme(self, i: int) -> str | None:
        """'upper' after 'the maximum / highest / caps ...', 'lower' after 'the minimum / lowest ...'."""
        c = self.claims[i]
        lo, _ = self.neighbours(i)
        return extreme_before(self.text[lo:c.start])

    def old_vocabulary(self, claim: Claim) -> bool:
        """Does the claim's sentence speak of the current law's numbering (old, renumbered, merged ...)?"""
        sentence = self.text[claim.sentence[0]:claim.sentence[1]]
        found = self._old_cache.get(sentence)  # keyed by the words: a repeated sentence is read once
        if found is None:
            found = self._old_cache[sentence] = speaks_of_old_numbers(sentence)
        return found

    def stated_rule(self, claim: Claim, threshold: int) -> str | None:
        """'above' / 'below_or_none' when the sentence states the threshold condition itself."""
        for c in self.claims_in_sentence(claim):
            if c.kind == ClaimKind.AMOUNT and c.value == threshold and c.compare:
                return "above" if c.compare == "above" else "below_or_none"
        if NO_GAINS_RE.search(self.text[claim.sentence[0]:claim.sentence[1]]):
            return "below_or_none"
        return None

    def claims_in_sentence(self, claim: Claim) -> list[Claim]:
        return self.by_sentence.get(claim.sentence, [])

    def bases(self, claim: Claim, basis: Basis) -> tuple[list[int], str]:
        """The basis amounts a computation may use: the sentence's, else the question's, else the answer's."""
        own = [c.value for c in self.claims_in_sentence(claim) if c.kind == ClaimKind.AMOUNT and c.basis == basis]
        if own:
            return own, "answer"
        q = [v for b, v, _ in self.q_bases if b == basis]
        if q:
            return q, "question"
        return [v for b, v, _ in self.a_bases if b == basis], "answer"


def _bases(claims: list[Claim], question: str) -> list[tuple[str, int, str]]:
    """(basis, amount, quote) stated in the question; a lone amount counts when the question names a basis."""
    found = [(c.basis, c.value, c.text) for c in claims if c.kind == ClaimKind.AMOUNT and c.basis]
    if found:
        return found
    named = bases(question)
    if len(named) != 1:
        return []
    return [(named[0], c.value, c.text) for c in claims if c.kind == ClaimKind.AMOUNT and not c.compare]

"""The grounded answer composer: answers built only from the text, the band table and the map.

Used by the default `grounded` backend and as the fallback whenever a generative
model's answer fails the checker. Every figure it writes comes from a FineBand or
a quoted passage, and every statement carries a [unit_id] citation marker.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering import intents
from assistant.answering.condense import split_followup
from assistant.answering.conduct import best_article
from assistant.answering.fine_answers import frame_of, maximum_answer, penalty_answer, premise_lines, stated_basis
from assistant.answering.leads import fine_lead, foreign_basis_lead
from assistant.answering.text_answers import (
    explanation_answer,
    old_text_gap,
    phrase_answer,
    quote_answer,
    rank_sections,
    referenced_only,
    renumber_answer,
    sections_answer,
)
from assistant.document.corpus import Corpus, Unit, load
from assistant.document.fines import FineTable, table
from assistant.document.kinds import BandKind
from assistant.document.numerals import article_words_to_digits
from assistant.document.vocabulary import MAXIMUM_RE, OLD_NUMBER_RE
from assistant.retrieval.routing import route


@dataclass(frozen=True)
class Composition:
    text: str
    refused: bool = False


def choose_articles(question: str, routed: list[Unit], retrieved: list[Unit], fines: FineTable) -> list[str]:
    """Articles named in the question; else the best-ranked retrieved ones with fines (of the tier or basis asked)."""
    named = [u.article for u in routed if u.article]
    if named:
        return list(dict.fromkeys(named))
    found = list(dict.fromkeys(u.article for u in retrieved if u.article and u.source == "amendment"))
    if intents.PENALTY_RE.search(question) and not intents.WHY_RE.search(question):
        wants_figure = frame_of(question).bound is not None  # "the most it can be fined": an article with fines
        allowed = {b.article for b in fines.bands} if wants_figure else None
        if conduct := best_article(question, allowed):
            found = [conduct] + [a for a in found if a != conduct]
    candidates = [a for a in found if fines.effective_for(a)]
    compare = bool(intents.COMPARE_RE.search(question))
    if intents.MULTIPLE_RE.search(question):
        multiples = list(dict.fromkeys(b.article for b in fines.bands if b.kind == BandKind.MULTIPLE))
        candidates = [a for a in candidates if a in multiples] + [a for a in multiples if a not in candidates]
    if found and not fines.effective_for(found[0]):  # the best match sets no fines (Art. 71, 72): say so,
        runner_up = candidates[:2] if compare else [a for a in candidates[:1] if a in found[:2]]
        return [found[0]] + runner_up  # and give the next provision's fines when it ranks close behind
    if basis := stated_basis(question):
        candidates = [a for a in candidates if any(b.basis == basis for b in fines.effective_for(a))] or \
            [b.article for b in fines.bands if b.basis == basis][:1]
    if wanted := frame_of(question).tiers:
        candidates = [a for a in candidates if any(b.tier in wanted for b in fines.effective_for(a))] or candidates
    return candidates[: 3 if compare else 1] or found[:1]


def _refusal(question: str, routed: list[Unit], corpus: Corpus) -> str:
    if not intents.RENUMBER_RE.search(question) and (text := old_text_gap(question, corpus)):
        return text
    asks_text = intents.LOOKUP_RE.search(question) and not intents.PENALTY_RE.search(question)
    named_in_draft = any(u.article and u.article in question for u in routed if u.kind != "amendment_item")
    return referenced_only(question, corpus) if asks_text and not named_in_draft else ""


def _penalties(question: str, articles: list[str], routed: list[Unit], retrieved: list[Unit],
               fines: FineTable, corpus: Corpus) -> list[str]:
    frame = frame_of(question)
    if MAXIMUM_RE.search(question) and not routed and not (frame.tiers or frame.excluded_tiers) \
            and frame.cii is None and not stated_basis(question):  # a condition narrows the superlative
        return maximum_answer(fines)
    lines = premise_lines(question, [u.article for u in routed if u.article], fines) if routed else []
    named = {u.id for u in routed if u.kind == "paragraph"}
    whole = {u.id for a in articles if a in corpus.articles for u in corpus.articles[a].units if u.kind == "paragraph"}
    lines += penalty_answer(articles, question, fines, corpus, named if named and named != whole else None)
    no_fines = [a for a in articles if not fines.effective_for(a)]
    if no_fines:  # an article without fines (71, 72): quote what it does provide
        lines += quote_answer([u for u in (routed or retrieved) if u.article in no_fines][:3]
                              or [u for a in no_fines for u in corpus.articles[a].units][:3], corpus)
    return lines


def compose(question: str, unit_ids: list[str], corpus: Corpus | None = None,
            fines: FineTable | None = None) -> Composition:
    """A cited answer to the question from the retrieved units, the band table and the renumbering map."""
    corpus, fines = corpus or load(), fines or table()
    question = article_words_to_digits(question)
    retrieved = [corpus.unit(u) for u in unit_ids if corpus.has_unit(u)]
    routed = route(question, corpus)
    if not routed and retrieved and retrieved[0].source == "amendment" and not intents.WHY_RE.search(question) \
            and (conduct := best_article(question)):  # the provision whose conduct the question describes
        retrieved = sorted(retrieved, key=lambda u: u.article != conduct)
    if refused := _refusal(question, routed, corpus):
        return Composition(refused, True)
    articles = choose_articles(question, routed, retrieved, fines)
    lines: list[str] = []
    penalty = intents.PENALTY_RE.search(question)
    renumber = intents.RENUMBER_RE.search(question) or (OLD_NUMBER_RE.search(question) and routed)
    if phrase := intents.quoted_phrase(question):
        lines += phrase_answer(phrase, corpus)
    renumbering = renumber_answer(question, corpus) if renumber and (not penalty or OLD_NUMBER_RE.search(question)) \
        else []
    why = bool(intents.WHY_RE.search(question))
    lines += [] if why else renumbering  # a "why" question gets its reasons first, the numbers after
    if penalty and (routed or not intents.WHY_RE.search(question)):  # "why were penalties changed?" wants reasons
        lead = foreign_basis_lead(question, fines) or fine_lead(question, articles, fines)
        lines += ([lead] if lead else []) + _penalties(question, articles, routed, retrieved, fines, corpus)
    top_is_explanation = bool(retrieved) and retrieved[0].source == "explanation" and not routed
    if intents.WHY_RE.search(question) or top_is_explanation:
        if intents.SECTIONS_RE.search(question) and intents.LIST_RE.search(question):
            lines += sections_answer(corpus)
        else:
            expl = [u for u in retrieved if u.source == "explanation"] or rank_sections(question, corpus)[:2]
            lines += explanation_answer(question, expl)
            lines += _explained_provision(question, routed, retrieved, corpus) if why else []
    lines += renumbering if why else []
    if intents.LOOKUP_RE.search(split_followup(question)[0]) and routed or not lines:
        lines += quote_answer(routed or retrieved[:2], corpus)
        lines += _applied_bands(routed, question, fines, corpus)
    return Composition("\n".join(dict.fromkeys(lines)))


def _applied_bands(routed: list[Unit], question: str, fines: FineTable, corpus: Corpus) -> list[str]:
    """A quoted provision that applies another's penalties (Art. 64): show the bands it brings in."""
    numbers = [a for a in dict.fromkeys(u.article for u in routed if u.article)
               if any(r.article == a for r in fines.references) and not fines.for_article(a)]
    return penalty_answer(numbers, question, fines, corpus) if numbers else []


def _explained_provision(question: str, routed: list[Unit], retrieved: list[Unit], corpus: Corpus) -> list[str]:
    """For a question on the reasons behind a provision it describes but does not name: that provision's text,
    when it is among the retrieved passages."""
    conduct = None if routed else best_article(question)
    units = [u for u in retrieved if conduct and u.article == conduct]
    return quote_answer(units[:1], corpus)

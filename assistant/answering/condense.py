"""Follow-up questions: "and for the managers?" after a question on Article 59 stays on Article 59.

Deterministic: the follow-up keeps its own words first (they decide who and which
tier) and carries the previous question as context (it decides which article).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.document.corpus import Corpus
from assistant.document.refs import find_refs
from assistant.document.vocabulary import INDIVIDUAL_RE as INDIVIDUAL
from assistant.retrieval.routing import route

MARK = " (follow-up to: "
FOLLOWUP_RE = re.compile(
    r"^(?:and|but|so|also|what about|how about|what if|same|then|for|if|in that case|那|那么|如果)\b"
    r"|\b(?:it|its|that|this|they|them|those|these|there|the same|above|previous|same article)\b", re.I)
# "ok and personally for our compliance director?": a filler, then a turn that narrows to a person
FILLER_LEAD = re.compile(r"^(?:(?:ok(?:ay)?|right|alright|well|hmm+|cool|thanks|got it|i see|great)\W+)+"
                         r"(?:and|but|so|also|what about|how about|then|for)\b", re.I)


def is_followup(question: str) -> bool:
    if FOLLOWUP_RE.search(question) or len(question.split()) <= 4:
        return True
    return bool(FILLER_LEAD.search(question) and INDIVIDUAL.search(question))


def condense(question: str, history: Sequence[dict[str, str]], corpus: Corpus) -> str:
    """A standalone question: the question itself, or it plus the previous user question as context."""
    previous = [t.get("content", "") for t in history if t.get("role") == "user" and t.get("content")]
    if not previous or route(question, corpus) or not is_followup(question):
        return question
    last = split_followup(previous[-1])[0]
    if not route(last, corpus) and (article := _cited_in_last_answer(history, corpus)):
        last = f"{last} [Article {article}]"
    return f"{question}{MARK}{last})"


def _cited_in_last_answer(history: Sequence[dict[str, str]], corpus: Corpus) -> str | None:
    """The first draft article the previous answer cited: what 'it' most likely refers to."""
    answers = [t.get("content", "") for t in history if t.get("role") == "assistant"]
    if not answers:
        return None
    for match in find_refs(answers[-1]):
        for ref in match.refs:
            art = corpus.articles.get(ref.article)
            if art is not None and art.text_included:
                return ref.article
    return None


def split_followup(standalone: str) -> tuple[str, str]:
    """(own words, carried context) of a condensed question."""
    if MARK in standalone and standalone.endswith(")"):
        own, context = standalone.split(MARK, 1)
        return own, context[:-1]
    return standalone, ""

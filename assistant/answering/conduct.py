"""Which penalty article a question's described conduct falls under, read from the articles' own words.

Each article of the draft is a bag of its words (crude prefix stems), weighted by how
few articles share them; a question's words, with everyday synonyms mapped onto the
text's words (`vocabulary.CONDUCT_SYNONYMS`), score each article. The composer puts
the winner first among the retrieved articles.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from assistant.document.corpus import Corpus, load
from assistant.document.vocabulary import CONDUCT_SYNONYMS
from assistant.document.vocabulary import INDIVIDUAL_RE as INDIVIDUAL

_WORD = re.compile(r"[a-z]+")
_COMMON = {"the", "of", "and", "or", "to", "a", "an", "in", "on", "for", "that", "this", "law", "article", "shall",
           "may", "be", "by", "with", "fine", "yuan", "not", "less", "more", "than", "but", "its", "it", "is",
           "are", "which", "what", "who", "whoever", "where", "if", "such", "as", "any", "other", "relevant"}


def _stems(text: str) -> list[str]:
    return [w[:7] for w in _WORD.findall(text.lower()) if w not in _COMMON and len(w) > 2]


@lru_cache(maxsize=1)
def _synonyms() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """Each everyday word compiled once, as the start of a word."""
    return tuple((word, re.compile(rf"\b{re.escape(word)}"), text) for word, text in CONDUCT_SYNONYMS.items())


def _expand(question: str) -> str:
    low = INDIVIDUAL.sub(" ", question.lower())  # who is fined says nothing about the conduct
    extra = [text for word, start, text in _synonyms() if word in low and start.search(low)]
    return " ".join([low, *extra])


@lru_cache(maxsize=1)
def _profiles() -> tuple[dict[str, Counter[str]], dict[str, float]]:
    corpus: Corpus = load()
    bags = {n: Counter(_stems(" ".join(u.text for u in a.units))) for n, a in corpus.articles.items()
            if a.text_included}
    df = Counter(s for bag in bags.values() for s in set(bag))
    idf = {s: math.log(1 + len(bags) / df[s]) for s in df}
    return bags, idf


def scores(question: str) -> dict[str, float]:
    bags, idf = _profiles()
    words = set(_stems(_expand(question)))
    return {n: sum(idf[w] for w in words if w in bag) for n, bag in bags.items()}


def best_article(question: str, allowed: set[str] | None = None) -> str | None:
    """The article whose words the question's conduct matches best; a tie goes to the lower number (the draft
    puts its general provision, Article 59, first). None when no article's words match."""
    ranked = {n: v for n, v in scores(question).items() if allowed is None or n in allowed}
    top = max(ranked.values(), default=0.0)
    if top <= 0:
        return None
    return min((n for n, v in ranked.items() if v == top), key=int)

"""Citation markers -> displayed labels and Citation records, dropping unsupported ones.

Models cite with [unit_id]; the displayed text carries readable labels
("[Art. 59(3)]"), and each citation keeps the sentence of the unit that best
supports the answer sentence it was attached to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.answering.records import Citation
from assistant.document.corpus import Corpus, Unit, section_name
from assistant.document.text import PROVISION_STOPS
from assistant.document.text import sentences as text_sentences
from assistant.retrieval.search import tokenize

MARKER_RE = re.compile(r"\s?\[(?P<id>[A-Za-z]+[0-9]*(?:\.[a-z0-9]+)*)\]")


def label(unit: Unit) -> str:
    """Chip label without stray numbers: 'Art. 59(3)', 'Art. 71, item (3)', 'Explanation — Background ...'."""
    if unit.source == "explanation":
        return f"Explanation — {section_name(unit)}"
    if unit.kind == "amendment_item":
        return unit.title
    ref = unit.ref()
    return ref.short() if ref else unit.title


def supporting_quote(unit: Unit, context: str) -> str:
    """The unit's sentence sharing most words with the answer sentence that cited it."""
    wanted = set(tokenize(context))
    return max(_sentence_words(unit.text), key=lambda pair: len(wanted & pair[1]))[0]


@lru_cache(maxsize=256)
def _sentence_words(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """A unit's sentences, each with its words: read once per unit, not once per citation."""
    return tuple((s, frozenset(tokenize(s))) for s in text_sentences(text, PROVISION_STOPS) or [text])


def _sentence_around(text: str, pos: int) -> str:
    start = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos)) + 1
    return text[start:pos]


def render_and_collect(text: str, retrieved: Sequence[str], corpus: Corpus,
                       allow_any: bool = False) -> tuple[str, list[Citation], list[str]]:
    """(displayed text, citations, dropped marker ids)."""
    allowed = set(retrieved)
    citations: dict[str, Citation] = {}
    dropped: list[str] = []

    def replace(m: re.Match) -> str:
        uid = m.group("id")
        if not corpus.has_unit(uid) or not (allow_any or uid in allowed):
            dropped.append(uid)
            return ""
        unit = corpus.unit(uid)
        if uid not in citations:
            quote = supporting_quote(unit, _sentence_around(text, m.start()))
            citations[uid] = Citation(uid, label(unit), unit.article, unit.paragraph, unit.item, quote)
        return f" [{label(unit)}]"

    rendered = MARKER_RE.sub(replace, text)
    return rendered, list(citations.values()), list(dict.fromkeys(dropped))

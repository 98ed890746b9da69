"""Lexical search over the adopted law's units, for Chinese and English questions.

Chinese has no spaces, so units and questions are cut into character bigrams (the
standard CJK trick of Lucene's CJKAnalyzer); English questions reach the Chinese
text through the bilingual term pairs and through the draft's English text of the
provision each adopted unit carries (from the alignment). Scored with BM25. The
README's table compares this with plain character unigrams and bigrams alone.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import cn2an
from rank_bm25 import BM25Okapi

from assistant.document import corpus, decision
from assistant.document.alignment import alignment
from assistant.document.corpus import Unit
from assistant.document.kinds import Version
from assistant.document.zh_terms import TERM_PAIRS, who_en

if TYPE_CHECKING:
    from assistant.retrieval.index import Chunk

__all__ = ["AdoptedSearch", "METHODS", "adopted_chunks", "searcher", "tokens_bigram", "tokens_unigram"]

_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
_WORD_RE = re.compile(r"[a-z][a-z0-9]+|\d+")
_STOP = frozenset("the a an of and or to in on for is are be by with what which who how does do it this that under "
                  "law draft adopted force from as at if any can our we i my me about".split())
# Question words that are not in any term pair, but name what the law's Chinese says.
EXTRA = (("fine", "罚款"), ("penalt", "处罚"), ("warning", "警告"), ("seller", "销售"), ("sell", "销售"),
         ("uncertified", "安全认证"), ("untested", "安全检测"), ("certification", "认证"), ("artificial", "人工智能"),
         ("ai", "人工智能"), ("party", "中国共产党"), ("foreign", "境外"), ("freez", "冻结"), ("police", "公安机关"),
         ("public security", "公安"), ("civil code", "民法典"), ("manager", "主管人员"), ("cii", "关键信息基础设施"),
         ("individual", "责任人员"), ("leak", "泄露"), ("organi", "组织"), ("endanger", "危害"))


def _words(text: str) -> list[str]:
    return [w for w in _WORD_RE.findall(text.lower()) if w not in _STOP]


def tokens_unigram(text: str) -> list[str]:
    return _words(text) + [c for run in _CJK_RUN_RE.findall(text) for c in run]


def tokens_bigram(text: str) -> list[str]:
    grams = [run[i:i + 2] for run in _CJK_RUN_RE.findall(text) for i in range(max(len(run) - 1, 1))]
    return _words(text) + grams


def bilingual(text: str) -> str:
    """The question plus the Chinese of every English term it uses (so 'illegal gains' also asks 违法所得)."""
    low = text.lower()
    extra = [zh for en, zh in TERM_PAIRS + EXTRA if re.search(rf"\b{re.escape(en)}", low)]
    return " ".join([text, *extra])


def _heading(unit: Unit) -> str:
    """The unit's own article number, as a question would write it (第六十九条 / Article 69)."""
    return f"第{cn2an.an2cn(int(unit.article or 0))}条 Article {unit.article}"


def _document(unit: Unit, glossed: bool) -> str:
    if not glossed:
        return f"{_heading(unit)} {unit.text}"
    draft = corpus.load()
    english = [draft.unit(d).text for d in alignment().draft_units_for(unit.id)]
    terms = [en for en, zh in TERM_PAIRS if zh in unit.text]
    with contextlib.suppress(ValueError):  # a unit that names no party has no 'who'
        terms.append(who_en(unit.text[:30]))
    return " ".join([_heading(unit), unit.text, unit.title, *terms, *english])


def adopted_chunks(glossed: bool = True) -> list[Chunk]:
    """The adopted units as index chunks, each marked `version: adopted` (the draft's chunks are the draft's)."""
    from assistant.retrieval.index import Chunk  # the record only; importing it here keeps this module light

    units = [u for u in decision.load().units() if u.source == "adopted"]
    return [Chunk(u.id, u.text, _document(u, glossed),
                  {"unit_id": u.id, "version": Version.ADOPTED.value, "source": u.source, "article": u.article or "",
                   "paragraph": u.paragraph or 0, "item": u.item or 0, "title": u.title}) for u in units]


@dataclass(frozen=True)
class AdoptedHit:
    unit: Unit
    score: float


class AdoptedSearch:
    """BM25 over the adopted article units (not the Decision's item wording, which repeats them)."""

    def __init__(self, tokenizer: Callable[[str], list[str]] = tokens_bigram, glossed: bool = True) -> None:
        self.chunks = adopted_chunks(glossed)
        self.units = [decision.load().unit(c.id) for c in self.chunks]
        self.tokenizer, self.glossed = tokenizer, glossed
        self.bm25 = BM25Okapi([tokenizer(c.embed_text) for c in self.chunks])

    def search(self, question: str, k: int = 5) -> list[AdoptedHit]:
        query = bilingual(question) if self.glossed else question
        scores = self.bm25.get_scores(self.tokenizer(query))
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])[:k]
        return [AdoptedHit(self.units[i], float(scores[i])) for i in ranked if scores[i] > 0]


METHODS: dict[str, Callable[[], AdoptedSearch]] = {
    "unigram": lambda: AdoptedSearch(tokens_unigram, glossed=False),
    "bigram": lambda: AdoptedSearch(tokens_bigram, glossed=False),
    "bigram+bilingual": lambda: AdoptedSearch(tokens_bigram, glossed=True),
}


@lru_cache(maxsize=1)
def searcher() -> AdoptedSearch:
    """The search the answerer uses (bigram + bilingual glossing), built once per process."""
    return AdoptedSearch()

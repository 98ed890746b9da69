"""Hybrid retrieval: dense (Chroma) + lexical (BM25) fused by reciprocal rank, plus routing.

A question that names an article, paragraph, item or old article number is
routed straight to those units (through the same parser as the lookup), ahead
of anything similarity finds.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from assistant.document.corpus import Corpus, Unit, load
from assistant.errors import ServiceUnavailable
from assistant.retrieval.dense import ChromaIndex
from assistant.retrieval.index import chunks
from assistant.retrieval.lexical import ColumnCachedBM25
from assistant.retrieval.routing import route

log = logging.getLogger(__name__)
RRF_K = 60
MODES = ("dense", "lexical", "hybrid")
_STOP = frozenset(
    "the a an of and or to in on for is are be by with what which who whom how does do did it its this that these "
    "those under from as at if any there can i my we our you your me about tell please law draft amendment".split())
_TOKEN_RE = re.compile(r"[a-z0-9]+|[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Hit:
    unit: Unit
    score: float
    via: str  # "route" | "dense" | "lexical" | "hybrid"


@dataclass(frozen=True)
class Searched:
    """A scored search: the hits, the best dense similarity (None without dense search) and any fault."""

    hits: list[Hit]
    best: float | None
    fault: str = ""


# The embedding model and BM25 read English; Chinese questions get the draft's English terms appended.
GLOSSARY = {
    "罚款": "fine", "处罚": "penalty punished", "关键信息基础设施": "critical information infrastructure",
    "网络运营者": "network operator", "运营者": "operator", "负责的主管人员": "directly responsible persons-in-charge",
    "直接责任人员": "directly liable personnel", "违法所得": "illegal gains", "采购金额": "procurement amount",
    "特别严重": "particularly serious", "严重后果": "serious consequences", "数据泄露": "data leakage",
    "拒不改正": "refuses to make corrections", "警告": "warning", "说明": "Explanation", "修订": "revision",
    "修改": "amendment revision", "指导思想": "ideas guiding the revision key points", "背景": "background",
    "从轻": "lighter", "减轻": "mitigated", "免予": "exempted", "安全认证": "security certification",
    "安全审查": "security review", "个人信息": "personal information", "重要数据": "important data",
    "禁止": "prohibited", "暂停": "suspension", "吊销": "revocation", "营业执照": "business licenses",
    "网站": "websites", "应用": "applications", "主要内容": "main contents", "境外": "overseas",
}


def expand_query(question: str) -> str:
    """Append the English terms of any glossary word in a Chinese question."""
    extra = [en for zh, en in GLOSSARY.items() if zh in question]
    return f"{question} {' '.join(extra)}" if extra else question


def tokenize(text: str) -> list[str]:
    """Lower-case words minus stop words, crude plural stripping; CJK per character."""
    out = []
    for tok in _TOKEN_RE.findall(text.lower()):
        if tok in _STOP:
            continue
        if len(tok) > 4 and tok.endswith("s") and not tok.endswith("ss"):
            tok = tok[:-1]
        out.append(tok)
    return out


class Retriever:
    """Dense, lexical and hybrid search over the same chunks."""

    def __init__(self, store: ChromaIndex, corpus: Corpus | None = None) -> None:
        self.corpus = corpus or load()
        self.store = store
        self.chunks = chunks(self.corpus)
        self.bm25 = ColumnCachedBM25([tokenize(c.embed_text) for c in self.chunks])

    def dense(self, question: str, k: int) -> list[Hit]:
        """Nearest chunks in Chroma; ServiceUnavailable when the store fails or returns a row it should not."""
        try:
            rows = self.store.nearest(question, k)
        except Exception as exc:  # noqa: BLE001 - a lost server or a damaged store: the caller degrades
            raise ServiceUnavailable(f"the dense index failed ({type(exc).__name__}: {str(exc)[:200]})") from exc
        for row in rows:
            if not self.corpus.has_unit(row.unit_id):
                raise ServiceUnavailable(f"the dense index returned a damaged row (unit id {row.unit_id!r})")
        return [Hit(self.corpus.unit(row.unit_id), row.similarity, "dense") for row in rows]

    def lexical(self, question: str, k: int) -> list[Hit]:
        scores = self.bm25.get_scores(tokenize(question))
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])[:k]
        return [Hit(self.corpus.unit(self.chunks[i].id), float(scores[i]), "lexical")
                for i in ranked if scores[i] > 0]

    def hybrid(self, question: str, k: int) -> list[Hit]:
        return self._hybrid(question, k).hits

    def _hybrid(self, question: str, k: int) -> Searched:
        """Fused hits and the best dense similarity (the relevance gate reuses it: one embedding per query).

        When the dense index fails (a Chroma server lost mid-batch), the lexical ranking answers alone and
        the fault is returned for the answer's notice. (Running the dense search on a worker thread while BM25
        ran here was measured slower, 10.4 against 8.9 ms p50: the worker waits for the GIL that BM25 holds.)
        """
        pool = max(k * 3, 12)
        lexical = self.lexical(question, pool)
        try:
            dense = self.dense(question, pool)
        except ServiceUnavailable as exc:
            log.warning("dense retrieval unavailable, lexical only: %s", exc)
            return Searched([Hit(h.unit, h.score, "lexical") for h in lexical[:k]], None, str(exc))
        fused: dict[str, float] = {}
        for hits in (dense, lexical):
            for rank, hit in enumerate(hits):
                fused[hit.unit.id] = fused.get(hit.unit.id, 0.0) + 1.0 / (RRF_K + rank + 1)
        ranked = sorted(fused.items(), key=lambda kv: -kv[1])[:k]
        return Searched([Hit(self.corpus.unit(uid), score, "hybrid") for uid, score in ranked],
                        dense[0].score if dense else 0.0)

    def search(self, question: str, k: int = 6, mode: str = "hybrid", use_routing: bool = True) -> list[Hit]:
        """Routed units first, then the ranked hits of the chosen mode, without duplicates."""
        if mode not in MODES:
            raise ValueError(f"unknown retrieval mode {mode!r}; choose one of {MODES}")
        ranked = getattr(self, mode)(expand_query(question), k)
        return self._with_routes(self._routed(question, use_routing), ranked, k)

    def search_scored(self, question: str, k: int = 6) -> Searched:
        """Hybrid search plus the best dense similarity (None when dense search failed), for the relevance gate."""
        found = self._hybrid(expand_query(question), k)
        return replace(found, hits=self._with_routes(self._routed(question, True), found.hits, k))

    def _routed(self, question: str, use_routing: bool) -> list[Hit]:
        return [Hit(u, 1.0, "route") for u in route(question, self.corpus)] if use_routing else []

    @staticmethod
    def _with_routes(routed: list[Hit], ranked: list[Hit], k: int) -> list[Hit]:
        seen = {h.unit.id for h in routed}
        return routed + [h for h in ranked if h.unit.id not in seen][: max(k - len(routed), 3)]

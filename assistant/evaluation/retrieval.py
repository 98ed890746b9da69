"""Retrieval comparison: hit@1/3/5 and MRR for dense, lexical and hybrid, with and without routing.

Run on the evaluation questions that expect articles; the product keeps the winner.
"""

from __future__ import annotations

from typing import Any

from assistant.answering.condense import condense
from assistant.evaluation.runner import Case, articles_of_unit
from assistant.retrieval.search import MODES, Retriever

KS = (1, 3, 5)


def _first_relevant(ids: list[str], expected: set[str]) -> int | None:
    for rank, uid in enumerate(ids, 1):
        if articles_of_unit(uid) & expected:
            return rank
    return None


def compare(retriever: Retriever, cases: list[Case], depth: int = 10) -> dict[str, dict[str, Any]]:
    """mode (and mode+route) -> {hit@1, hit@3, hit@5, mrr, n}."""
    usable = [c for c in cases if c.expect_articles and not c.expect_refusal]
    out: dict[str, dict[str, Any]] = {}
    for mode in MODES:
        for routing in (False, True):
            ranks = []
            for case in usable:
                query = case.question
                if case.history:
                    query = condense(case.question, [t.model_dump() for t in case.history], retriever.corpus)
                hits = retriever.search(query, k=depth, mode=mode, use_routing=routing)
                ranks.append(_first_relevant([h.unit.id for h in hits], set(case.expect_articles)))
            name = f"{mode}+route" if routing else mode
            row: dict[str, Any] = {f"hit@{k}": round(sum(1 for r in ranks if r and r <= k) / len(ranks), 3)
                                   for k in KS}
            row["mrr"] = round(sum(1 / r for r in ranks if r) / len(ranks), 3)
            row["n"] = len(ranks)
            out[name] = row
    return out


def markdown_table(result: dict[str, dict[str, Any]]) -> str:
    lines = ["| retrieval | hit@1 | hit@3 | hit@5 | MRR | n |", "|---|---|---|---|---|---|"]
    for name, row in result.items():
        lines.append(f"| {name} | {row['hit@1']:.3f} | {row['hit@3']:.3f} | {row['hit@5']:.3f} | "
                     f"{row['mrr']:.3f} | {row['n']} |")
    return "\n".join(lines)

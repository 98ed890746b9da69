"""How well the lexical methods find the adopted provision a question is about, by language.

Run on the adopted-law questions that expect adopted articles; the product keeps the winner
(`retrieval/adopted_search.py`). The README's table is this function's output.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.evaluation.runner import Case
from assistant.retrieval.adopted_search import METHODS

KS = (1, 3)
CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def _expected(case: Case) -> set[str]:
    return {a.split(":")[1] for a in case.expect_articles if a.startswith("adopted:")}


def compare(cases: list[Case]) -> dict[str, dict[str, Any]]:
    """method -> language ("en" | "zh") -> {hit@1, hit@3, n}."""
    usable = [c for c in cases if _expected(c) and not c.expect_refusal]
    out: dict[str, dict[str, Any]] = {}
    for name, build in METHODS.items():
        search = build()
        for lang in ("en", "zh"):
            mine = [c for c in usable if bool(CJK_RE.search(c.question)) == (lang == "zh")]
            row: dict[str, Any] = {"n": len(mine)}
            for k in KS:
                hits = [bool({h.unit.article for h in search.search(c.question, k)} & _expected(c)) for c in mine]
                row[f"hit@{k}"] = round(sum(hits) / len(hits), 3) if hits else None
            out.setdefault(name, {})[lang] = row
    return out

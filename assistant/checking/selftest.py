"""The checker's adversarial self-test: correct phrasings must pass, perturbed ones must fail.

Every case is generated from the band table and the Explanation's own sentences, never typed in
(`selftest_phrasing` for the bands and years, `selftest_fields` for each field a claim frame holds).
A perturbation is kept only if the table shows it is really false, so 100% / 0% is the target.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.checking.checker import check_answer
from assistant.checking.selftest_fields import field_cases
from assistant.checking.selftest_phrasing import (  # noqa: F401  (re-exported: the tests read the phrasings)
    CN_BASIS,
    EN_TIER,
    ZH_SUBJECT,
    ZH_TIER,
    Case,
    _amount_cases,
    _multiple_cases,
    _year_cases,
    to_chinese,
)
from assistant.document.corpus import Corpus, load
from assistant.document.fines import FineTable, table
from assistant.document.kinds import BandKind


@dataclass(frozen=True)
class SelftestResult:
    detection_rate: float
    false_alarm_rate: float
    by_language: dict[str, dict[str, float | int]]
    n_correct: int
    n_perturbed: int
    misses: tuple[str, ...]
    false_alarms: tuple[str, ...] = field(default=())


def cases(corpus: Corpus | None = None, fines: FineTable | None = None) -> list[Case]:
    corpus, fines = corpus or load(), fines or table()
    out: list[Case] = []
    for band in fines.bands:
        out += (_multiple_cases if band.kind == BandKind.MULTIPLE else _amount_cases)(corpus, fines, band)
    out += _year_cases(corpus)
    out += field_cases(corpus, fines)
    return list({c.text: c for c in out}.values())


def _rates(results: list[tuple[Case, bool]]) -> dict[str, float | int]:
    correct = [ok for c, ok in results if c.correct]
    perturbed = [ok for c, ok in results if not c.correct]
    return {"detection_rate": sum(not ok for ok in perturbed) / len(perturbed) if perturbed else 1.0,
            "false_alarm_rate": sum(not ok for ok in correct) / len(correct) if correct else 0.0,
            "n_correct": len(correct), "n_perturbed": len(perturbed)}


def run_selftest() -> SelftestResult:
    """Check every generated case; detection = perturbed flagged, false alarm = correct flagged."""
    results = [(c, check_answer(c.text, cited=c.cited).ok) for c in cases()]
    overall = _rates(results)
    by_language = {lang: _rates([r for r in results if r[0].lang == lang]) for lang in ("en", "zh")}
    misses = tuple(f"{c.label}: {c.text}" for c, ok in results if not c.correct and ok)
    alarms = tuple(f"{c.label}: {c.text}" for c, ok in results if c.correct and not ok)
    return SelftestResult(float(overall["detection_rate"]), float(overall["false_alarm_rate"]), by_language,
                          int(overall["n_correct"]), int(overall["n_perturbed"]), misses, alarms)

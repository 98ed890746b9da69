"""The adversarial suite: generated from the table, 100% detection, 0% false alarms, both languages."""

import argparse
import json

import pytest

from assistant.checking.selftest import cases, run_selftest, to_chinese
from assistant.cli import check as check_cli
from assistant.document.numerals import chinese_to_int


@pytest.fixture(scope="module")
def result():
    return run_selftest()


def test_detects_every_perturbation_without_false_alarms(result):
    assert result.misses == ()
    assert result.false_alarms == ()
    assert result.detection_rate == 1.0
    assert result.false_alarm_rate == 0.0


def test_both_languages_are_covered(result):
    assert set(result.by_language) == {"en", "zh"}
    for lang, rates in result.by_language.items():
        assert rates["n_correct"] >= 40 and rates["n_perturbed"] >= 200, lang
        assert (rates["detection_rate"], rates["false_alarm_rate"]) == (1.0, 0.0), lang
    assert result.n_correct == sum(r["n_correct"] for r in result.by_language.values())
    assert result.n_perturbed == sum(r["n_perturbed"] for r in result.by_language.values())


def test_every_band_is_phrased_correctly_and_perturbed(table):
    generated = cases()
    for band in table.bands:
        mine = [c for c in generated if c.label.startswith(band.id + " ")]
        assert any(c.correct for c in mine) and any(not c.correct for c in mine), band.id
        assert {c.lang for c in mine} == {"en", "zh"}, band.id


def test_perturbation_kinds_are_all_present():
    labels = " ".join(c.label for c in cases() if not c.correct)
    for kind in ("x10", "/10", "swapped band", "wrong subject", "wrong article", "extra zero", "missing zero",
                 "wrong multiple", "wrong basis", "wrong year", "modality swapped", "zh modality swapped", "currency",
                 "zh currency", "negation", "number format x10", "other personnel", "zh other personnel", "tier base",
                 "crossref", "renumber", "zh wrong"):
        assert kind in labels, kind


def test_figures_come_from_the_table(table):
    """Correct cases state exactly the band figures (no hand-typed numbers)."""
    figures = {f"{b.min:,}" for b in table.bands} | {f"{b.max:,}" for b in table.bands}
    english = [c for c in cases() if c.correct and c.lang == "en" and "yuan" in c.text and "form0" in c.label]
    assert english and all(any(f in c.text for f in figures) for c in english)


@pytest.mark.parametrize("n", [1, 10, 15, 100, 1000, 1010, 10_000, 30_000, 50_000, 100_000, 105_000, 200_000,
                               500_000, 1_000_000, 2_000_000, 10_000_000, 20_000_000, 100_000_000, 120_000_000])
def test_chinese_numerals_round_trip(n):
    assert chinese_to_int(to_chinese(n)) == n


def test_cli_selftest(capsys):
    code = check_cli.handle(argparse.Namespace(selftest=True, json=False))
    out = capsys.readouterr().out
    assert code == 0 and "detection 100.0%" in out and "false alarms 0.0%" in out and "zh:" in out
    code = check_cli.handle(argparse.Namespace(selftest=True, json=True))
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["passed"] and data["by_language"]["en"]["detection_rate"] == 1.0

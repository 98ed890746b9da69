"""Typed kinds in the records every layer passes on; their JSON stays the plain strings."""

from __future__ import annotations

import json

from assistant.answering.scope import decide
from assistant.checking.checker import check_answer
from assistant.document.fines import table
from assistant.document.kinds import BandKind, Basis, ClaimKind, RefusalReason, Subject, Tier, Verdict


def test_bands_carry_kinds_and_serialise_as_strings() -> None:
    for band in table().bands:
        assert isinstance(band.kind, BandKind) and isinstance(band.subject, Subject) and isinstance(band.tier, Tier)
        assert band.basis is None or isinstance(band.basis, Basis)
        data = json.loads(json.dumps(band.as_dict()))
        assert (data["kind"], data["subject"], data["tier"]) == (band.kind.value, band.subject.value, band.tier.value)


def test_check_report_carries_kinds_and_serialises_as_strings() -> None:
    report = check_answer("Under Article 59(3), a fine of 2,000,000 to 10,000,000 yuan shall be imposed on the "
                          "operator for particularly serious consequences; Article 99 does not exist.")
    kinds = {c.claim.kind for c in report.claims}
    assert kinds == {ClaimKind.ARTICLE, ClaimKind.RANGE}
    assert {c.verdict for c in report.claims} == {Verdict.VERIFIED, Verdict.CONTRADICTED}
    data = json.loads(json.dumps(report.as_dict()))
    assert {c["verdict"] for c in data["claims"]} == {"verified", "contradicted"}
    assert {c["kind"] for c in data["claims"]} == {"article", "range"}


def test_refusal_reasons_are_typed() -> None:
    decision = decide("What does the GDPR say about fines?")
    assert decision.refuse and decision.reason is RefusalReason.OTHER_LAW
    assert decide("What is the fine under Article 59?").reason is None

"""The assistant's working English for the Decision's recurring Chinese phrases.

Not an official translation: answers that use these words say so. The English follows
the draft's own translation where the draft has the same phrase, so a reader comparing
the two versions sees the same words for the same thing.
"""

from __future__ import annotations

from assistant.document.kinds import Basis, Tier

__all__ = ["BASIS_ZH", "INDIVIDUALS_ZH", "TIER_EN", "WORKING_TRANSLATION", "who_en"]

WORKING_TRANSLATION = "English rendering: the assistant's working translation, not an official one."
INDIVIDUALS_ZH = "直接负责的主管人员和其他直接责任人员"
BASIS_ZH: dict[str, Basis] = {"违法所得": Basis.ILLEGAL_GAINS, "采购金额": Basis.PROCUREMENT_AMOUNT}

_WHO: tuple[tuple[str, str], ...] = (
    (INDIVIDUALS_ZH, "directly responsible persons-in-charge and other directly liable personnel"),
    ("关键信息基础设施的运营者", "operator of critical information infrastructure"),
    ("网络运营者", "network operator"),
    ("销售或者提供", "whoever sells or provides critical network equipment or specialized cybersecurity products "
                  "without (passed) security certification or testing"),
    ("开展网络安全认证", "whoever conducts cybersecurity certification, testing or risk assessment, or publishes "
                     "cybersecurity information, in violation of Article 28"),
)

TIER_EN: dict[Tier, str] = {
    Tier.BASE: "basic violation",
    Tier.REFUSES_OR_SERIOUS: "refuses to correct, or endangering consequences / serious circumstances",
    Tier.SERIOUS: "serious consequences (e.g. massive data leakage, partial loss of CII function)",
    Tier.PARTICULARLY_SERIOUS: "particularly serious consequences or impact",
}


def who_en(who_zh: str) -> str:
    """English for a 'who' phrase of the Decision; several parties joined with 'or'."""
    found = sorted((who_zh.index(zh), en) for zh, en in _WHO if zh in who_zh)
    parts = [en for _, en in found]
    if INDIVIDUALS_ZH in who_zh:
        return parts[0]
    if not parts:
        raise ValueError(f"no working translation for {who_zh!r}")
    return " or ".join(dict.fromkeys(parts))

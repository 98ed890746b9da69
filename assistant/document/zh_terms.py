"""The assistant's working English for the Decision's recurring Chinese phrases.

Not an official translation: answers that use these words say so. The English follows
the draft's own translation where the draft has the same phrase, so a reader comparing
the two versions sees the same words for the same thing.
"""

from __future__ import annotations

from assistant.document.kinds import Basis, Tier

__all__ = ["BASIS_ZH", "INDIVIDUALS_ZH", "TERM_PAIRS", "TIER_EN", "WORKING_TRANSLATION", "shared_terms", "who_en"]

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


# English (as the draft's translation words it, lower case) <-> the Decision's Chinese, for aligning provisions.
TERM_PAIRS: tuple[tuple[str, str], ...] = (
    ("critical information infrastructure", "关键信息基础设施"), ("network operator", "网络运营者"),
    ("critical network equipment", "网络关键设备"), ("specialized cybersecurity products", "网络安全专用产品"),
    ("security certification", "安全认证"), ("security testing", "安全检测"), ("illegal gains", "违法所得"),
    ("procurement amount", "采购金额"), ("security review", "安全审查"), ("national security", "国家安全"),
    ("data leakage", "数据泄露"), ("partial loss of function", "丧失局部功能"), ("main functions", "丧失主要功能"),
    ("refuses to make corrections", "拒不改正"), ("particularly serious", "特别严重"), ("warning", "警告"),
    ("circular of criticism", "通报"), ("electronic information sending services", "电子信息发送服务"),
    ("application software downloading services", "应用软件下载服务"), ("stop the transmission", "停止传输"),
    ("keep relevant records", "保存有关记录"), ("report to the competent authorities", "向有关主管部门报告"),
    ("overseas", "境外"), ("personal information", "个人信息"), ("important data", "重要数据"),
    ("administrative penalty law", "行政处罚法"), ("lighter", "从轻"), ("mitigated", "减轻"),
    ("exempted", "不予处罚"), ("following acts", "下列行为"), ("laws and administrative regulations", "法律、行政法规"),
    ("websites or applications", "关闭网站或者应用程序"), ("suspension of relevant businesses", "暂停相关业务"),
    ("revocation of business licenses", "吊销营业执照"), ("discretion", "裁量"),
)


def shared_terms(english: str, chinese: str) -> list[str]:
    """The term pairs that occur in both texts (English matched case-insensitively)."""
    low = english.lower()
    return [en for en, zh in TERM_PAIRS if en in low and zh in chinese]

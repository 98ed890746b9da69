"""The direct answer sentence in Chinese, for a question asked in Chinese.

Article numbers in Chinese form (第五十九条第三款), figures as the text's own yuan
amounts with 元以上…元以下, may/shall as 可以/应当; the English bands and quotes
that follow stay as quotations of the English text.
"""

from __future__ import annotations

import cn2an

from assistant.answering.fine_answers import cite
from assistant.document.fines import FineBand
from assistant.document.kinds import Tier

WHO = (("other directly liable personnel", "直接负责的主管人员和其他直接责任人员"),
       ("persons-in-charge", "直接负责的主管人员"),
       ("network operator or operator of critical information infrastructure", "网络运营者或者关键信息基础设施运营者"),
       ("operator of critical information infrastructure", "关键信息基础设施运营者"),
       ("network operator", "网络运营者"),
       ("whoever", "销售或者提供者"))
TIER = {Tier.BASE: "基本情形", Tier.REFUSES_OR_SERIOUS: "拒不改正或者危害网络安全等后果、情节严重的",
        Tier.SERIOUS: "造成严重危害网络安全后果的", Tier.PARTICULARLY_SERIOUS: "造成特别严重危害网络安全后果的"}
BASIS = {"illegal gains": "违法所得", "procurement amount": "采购金额"}


def provision(band: FineBand) -> str:
    """第五十九条第三款 (the paragraph only when the article has more than one)."""
    text = f"第{cn2an.an2cn(int(band.article))}条"
    return text + (f"第{cn2an.an2cn(band.paragraph)}款" if band.unit_id.endswith(".p1") is False else "")


def _who(band: FineBand) -> str:
    return next((zh for en, zh in WHO if en in band.who), "违法单位")


def band_sentence(band: FineBand, amount: int | None = None) -> str:
    """'第五十九条第三款：对网络运营者应当处2,000,000元以上10,000,000元以下罚款（…）[unit]。' (who joined to the
    figure: the checker reads a Chinese figure's subject from the same clause)."""
    modal = "应当" if band.mandatory else "可以"
    if band.kind == "multiple":
        basis = BASIS.get(band.basis or "", band.basis or "")
        figure = f"{basis}{band.min}倍以上{band.max}倍以下罚款"
        if amount is not None and (band.threshold is None or amount > band.threshold):
            figure += f"（{basis}{amount:,}元的，为{amount * band.min:,}元以上{amount * band.max:,}元以下）"
    else:
        figure = f"{band.min:,}元以上{band.max:,}元以下罚款"
    tier = TIER.get(Tier(band.tier), "")
    return f"{provision(band)}：对{_who(band)}{modal}处{figure}（{tier}）{cite(band.unit_id)}。"

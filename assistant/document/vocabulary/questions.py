"""A question's own words: what puts it in scope (ANCHOR), what kind of answer it wants, how many
persons it counts.
"""

from __future__ import annotations

import re

from assistant.document.kinds import Want
from assistant.document.vocabulary._build import alternatives

# -- what the document is about: a question needs one of these to be in scope -------------------------
ANCHOR = alternatives(
    r"cyber\w*", r"network\w*", r"internet", r"online", r"data", r"personal information", r"information",
    r"infrastructure", r"cii", r"operators?", r"platforms?", r"apps?", r"applications?", r"websites?",
    r"software", r"equipment", r"firewalls?", r"routers?", r"switch(?:es)?", r"servers?", r"cloud", r"kit",
    r"security", r"certif\w*", r"uncertified", r"untested", r"unreviewed", r"procure\w*", r"illegal gains",
    r"prohibited", r"content", r"posts?", r"takedown", r"sms", r"overseas", r"draft\w*", r"amend\w*",
    r"explanation", r"revision", r"revis\w+", r"renumber\w*", r"art\w*\.?\s*\d{2}", r"art\d+",
    r"provisions?", r"mitigat\w*", r"exempt\w*", r"merg\w*", r"guiding ideas?", r"fine bands?", r"tiers?",
    r"illegal acts?", r"old \w*\s*\d{2}",
    r"articles?", r"paragraphs?", r"items?", r"legislative", r"npc", r"standing committee", r"csl",
    r"persons?[- ]in[- ]charge", r"directly (?:responsible|liable)", r"competent authorit\w*",
    r"circular of criticism", r"this law", r"rectif\w*", r"refus\w* to (?:fix|correct|rectify|comply)",
    r"(?:correction|rectification) orders?", r"orders? to (?:fix|correct|rectify)",
    r"(?:won'?t|wont|will not|didn't|did not|doesn't|does not|never) (?:fix|correct|rectify)",
    "网络", "数据", "信息", "运营者", "草案", "修订", "修改", r"第[一二三四五六七八九十百零\d]+条", "违法所得",
    "采购", "主管人员", "责任人员", "负责人")

# -- what kind of answer -------------------------------------------------------------------------------
WANT_CUES: dict[Want, re.Pattern[str]] = {
    Want.YES_NO: re.compile(r"^(?:is|are|does|do|did|can|could|was|were|has|have|must|will|should|would)\b|"
                            r"[,;:]\s*(?:is|are|does|do|can|could|will|would|must)\b(?=(?:[^,;:?]|(?<=\d),(?=\d))*\?\s*$)|"
                            r"\b(?:right|correct|true|yes|isn't it|doesn't it|confirm)\b\s*[?.!]*$|"
                            r"\bis it true\b|\bconfirm\b|对吗|是吗|吗[？?]?$", re.I),
    Want.HOW_MUCH: alternatives(r"how much", r"how big", r"fine", r"fined", r"penalt\w*", r"range", r"maximum", r"max",
                          r"most", r"top", r"cap\w*", "罚", "多少"),
    Want.CALCULATE: alternatives(r"total", r"combined", r"altogether", r"in all", r"plus", r"times (?:higher|bigger|"
                           r"larger|more|greater)", r"how many times", "合计", "总共", "倍"),
}
HEADCOUNT = re.compile(r"\b(?P<n>one|two|three|four|five|\d)\s+(?:\w+[- ]?){0,3}?"
                       r"(?:persons?|individuals?|managers?|people|personnel|persons-in-charge)\b", re.I)


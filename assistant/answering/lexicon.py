"""The question reader's words, in one place (to move into `assistant.document.vocabulary` once it exists).

Every cue is matched on word boundaries. The words describe this document's
domain (who pays, which tier, what an answer should be), never one question.
"""

from __future__ import annotations

import re

from assistant.document.kinds import Subject, Tier, Want


def _words(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern of word-bounded English alternatives (Chinese needs no boundaries)."""
    english = [a for a in alternatives if a.isascii()]
    chinese = [a for a in alternatives if not a.isascii()]
    parts = [rf"\b(?:{'|'.join(english)})\b"] if english else []
    parts += chinese
    return re.compile("|".join(parts), re.I)


# -- what the document is about: a question needs one of these to be in scope -------------------------
ANCHOR = _words(
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

# -- negation (NegEx): a trigger negates the cues that follow it until a terminator or the window ends ----
NEGATION_TRIGGER = _words(r"not", r"no", r"never", r"without", r"neither", r"nor", r"nothing", r"none",
                          r"n't", r"didn't", r"doesn't", r"don't", r"hasn't", r"haven't", r"hadn't", r"wasn't",
                          r"weren't", r"isn't", r"aren't", r"won't",
                          r"wont", r"didnt", r"dont", r"wouldn't", r"leave out", r"except",
                          r"excluding", r"other than", r"rather than", "没有", "未", "不", "无", "并非")
NEGATION_AFTER = re.compile(r"^\s*(?:was|were|is|are)\s+(?:not|never)\b", re.I)  # "functions were not lost"
SCOPE_END = re.compile(r"[.,;:?!，。；？！]|\b(?:but|however|although|though|yet|and then|because|so|"
                       r"which|who|whereas)\b|但|但是|却", re.I)
NEGATION_WINDOW = 6  # words a trigger reaches

# -- tiers: cues that name the circumstances of each tier ------------------------------------------------
TIER_CUES: dict[Tier, re.Pattern[str]] = {
    Tier.PARTICULARLY_SERIOUS: _words(
        r"particularly serious", r"especially serious", r"total(?:ly)? (?:loss|lost|los\w+)",
        r"(?:lose|loses|lost|losing) all", r"all (?:of )?(?:its |the |our |their )?(?:main|core|key|essential) "
        r"functions?", r"(?:main|core) functions", r"(?:a )?total one", r"worst consequences",
        r"(?:completely|totally|entirely|fully) (?:down|offline|lost|out|knocked out|taken out|paralys\w+|paralyz\w+)",
        r"(?:total|complete|full) (?:outage|shutdown|failure|collapse|blackout|paralysis)", "特别严重", "全部丧失"),
    Tier.SERIOUS: _words(
        r"serious (?:cybersecurity )?(?:consequences?|harm|damage)", r"massive", r"large[- ]scale",
        r"(?:data )?leak\w*", r"partial(?:ly)?(?: loss| lost)?", r"part of (?:a |the |its |our )?[\w ]{0,40}?"
        r"(?:stops?|stopped|fails?|failed|goes down|went down|los\w+)", "严重后果", "大量数据泄露", "部分丧失",
        r"part of (?:a |the |its |our |their )?(?:\w+ ){0,2}"
        r"(?:functions?|systems?|services?|network|infrastructure)",
        r"some (?:of )?(?:its |the |our |their )?(?:\w+ )?functions?", r"(?:functions?|systems?|services?) "
        r"(?:(?:were|was|are|is|got|went|have been|has been) )?(?:partly|partially|in part)",
        r"partly (?:down|lost|offline|out)"),
    Tier.REFUSES_OR_SERIOUS: _words(
        r"refus\w*", r"(?:won't|wont|will not|would not|wouldn't) (?:fix|correct|rectify|comply)",
        r"(?:does|did|do) not (?:fix|correct|rectify|comply)", r"(?:didn't|doesn't|don't|dont|didnt|never) "
        r"(?:fix|correct|rectify|comply)", r"fail\w* to (?:fix|correct|rectify|comply)",
        r"still (?:hasn't|has not|haven't|have not|hadn't|not|isn't|is not) (?:fix|correct|rectif|compl)\w*",
        r"(?:ignor|disregard|defi)\w* (?:the |an |a |any |their |its |our )?(?:\w+ ){0,2}(?:orders?|instructions?|"
        r"notices?|demands?|requests?)",
        r"ignor\w* (?:the |an |a |any |their |its |our )?(?:\w+ )?(?:orders?|instructions?|notices?|demands?)",
        r"endanger\w*", r"circumstances (?:are|were|is|was) serious", r"serious circumstances",
        r"serious circs", "拒不改正", "情节严重"),
}
# "part of its main functions": a partial loss, whatever the functions are called
PARTIAL_BEFORE = re.compile(r"\b(?:part|parts|some|portion|partial\w*|partly)\b(?:\s+of)?(?:\s+\w+){0,2}\s*$", re.I)
SERIOUS_NOT_PARTICULARLY = re.compile(r"(?<!particularly )\bserious\b", re.I)
# a stated compliance: the refuse-to-correct tier does not apply
COMPLIED = re.compile(
    r"\b(?:fix\w*|correct\w*|rectif\w*|remed\w*|sort\w* (?:\w+ ){0,3}out|compl\w*|resolv\w*|repair\w*)\b"
    r"(?:\W+\w+){0,8}?\W+(?:promptly|immediately|at once|right away|straight away|as soon as|once (?:ordered|told)"
    r"|when (?:told|ordered|asked)|right after|after (?:the |being )?(?:order|told)|the same day|quickly|in time)\b"
    r"|\b(?:promptly|immediately|quickly) (?:fix|correct|rectif|compl)\w*|马上改正|及时改正|立即改正|已经?改正", re.I)
BASE_CUES = _words(r"first (?:lapse|time|offen[cs]e|stage|instance|violation)", r"at first", r"initial",
                   r"entry[- ]level", r"starting", r"lowest", r"base", r"basic", r"minor", "基础", "首次")

# -- who ---------------------------------------------------------------------------------------------
INDIVIDUAL = _words(r"individuals?", r"persons?", r"people", r"managers?", r"executives?",
                    r"directors?", r"officers?", r"staff", r"employees?", r"personnel", r"responsible",
                    r"in[- ]charge", r"cto", r"ceo", r"cio", r"ciso", r"head of \w+", r"boss", r"personally",
                    r"myself", "负责人", "主管人员", "责任人员", r"个人(?!信息)")
ENTITY = _words(r"compan\w*", r"operators?", r"firms?", r"entit\w*", r"business\w*", r"organi[sz]ations?",
                r"sellers?", r"providers?", r"enterprises?", r"vendors?", r"platforms?", r"the unit", "单位",
                "运营者", "公司")
PERSONAL = _words(r"personally", r"myself", r"i personally", r"me personally", r"could i", r"can i", r"will i")
CII = _words(r"cii", r"critical information infrastructure", r"critical infrastructure", "关键信息基础设施")
NETWORK_OPERATOR = _words(r"network operators?")
ORDINARY = _words(r"ordinary", r"normal", r"regular", r"general", r"non-cii", "一般")
SUBJECT_CUES: dict[Subject, re.Pattern[str]] = {Subject.INDIVIDUAL: INDIVIDUAL, Subject.ENTITY: ENTITY}

# -- what kind of answer -------------------------------------------------------------------------------
WANT_CUES: dict[Want, re.Pattern[str]] = {
    Want.YES_NO: re.compile(r"^(?:is|are|does|do|did|can|could|was|were|has|have|must|will|should)\b|"
                            r"\b(?:right|correct|true|yes|isn't it|doesn't it|confirm)\b\s*[?.!]*$|"
                            r"\bis it true\b|\bconfirm\b|对吗|是吗|吗[？?]?$", re.I),
    Want.HOW_MUCH: _words(r"how much", r"how big", r"fine", r"fined", r"penalt\w*", r"range", r"maximum", r"max",
                          r"most", r"top", r"cap\w*", "罚", "多少"),
    Want.CALCULATE: _words(r"total", r"combined", r"altogether", r"in all", r"plus", r"times (?:higher|bigger|"
                           r"larger|more|greater)", r"how many times", "合计", "总共", "倍"),
}
MAXIMUM = _words(r"maximum", r"max", r"most", r"highest", r"top", r"largest", r"biggest", r"worst[- ]case",
                 r"upper limit", r"cap(?:ped)?", r"up to (?:what|how|\d|[a-z]+ (?:million|thousand))", r"how big",
                 "最高", "上限", "最多")
MINIMUM = _words(r"minimum", r"min", r"lowest", r"smallest", r"least", r"at least", r"floor", "最低", "下限")
HEADCOUNT = re.compile(r"\b(?P<n>one|two|three|four|five|\d)\s+(?:\w+[- ]?){0,3}?"
                       r"(?:persons?|individuals?|managers?|people|personnel|persons-in-charge)\b", re.I)

# -- everyday words for the conduct each penalty article describes (question word -> the text's words) -----
CONDUCT_SYNONYMS: dict[str, str] = {
    "cii": "critical information infrastructure operator",
    "rectify": "correct", "fix": "correct", "remedy": "correct", "comply": "correct",
    "firewall": "equipment product", "router": "equipment product", "switch": "equipment product",
    "kit": "equipment product", "device": "equipment product", "hardware": "equipment product",
    "gear": "equipment product", "resell": "sell", "resold": "sell", "sold": "sell", "selling": "sell",
    "gave": "provide", "give": "provide", "supply": "provide", "distribute": "provide",
    "uncertified": "certification", "untested": "testing", "unreviewed": "review", "reviewed": "review",
    "bought": "use procurement", "buy": "use procurement", "purchase": "use procurement",
    "deploy": "use", "deployed": "use", "install": "use", "procured": "procurement",
    "takedown": "removal prohibited", "remove": "removal", "delete": "removal", "banned": "prohibited",
    "illegal content": "prohibited information", "content": "information", "posts": "information",
    "spreading": "transmission", "spread": "transmission", "abroad": "overseas", "offshore": "overseas",
    "leak": "leakage data", "leaked": "leakage data", "breach": "leakage", "hacked": "protection",
    "duties": "obligation", "duty": "obligation", "security gaps": "protection obligation",
    "security failings": "protection obligation", "neglect": "fails perform", "neglects": "fails perform",
    "sms": "electronic information sending", "app store": "application software downloading",
    "mistake": "minor illegal act", "first offence": "first time", "damage": "harmful consequences",
    "harm": "harmful consequences", "limit": "mitigate", "reduce": "lighter mitigated", "discretion": "benchmark",
}

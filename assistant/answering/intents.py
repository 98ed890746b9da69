"""What a question asks for: fines, renumbering, a quotation, the reasons; who; which tier.

Plain keyword cues, English and Chinese, shared by the grounded composer. A
condensed follow-up's own words take precedence over the context it carries.
"""

from __future__ import annotations

import re

from assistant.answering.condense import split_followup

PENALTY_RE = re.compile(r"fine|penalt|punish|sanction|liab|how much|yuan|rmb|maximum|minimum|highest|lowest|"
                        r"exposure|cost|罚|处罚|多少|calculat|gains|procure|"
                        r"what (?:happens|will happen|would happen|could happen)\b|"
                        r"\bface\b|consequence|"
                        r"\bbands?\b", re.I)
MULTIPLE_RE = re.compile(r"multiple|times the|\btimes\b|倍", re.I)
SECTIONS_RE = re.compile(r"sections?|main contents|parts|structure|部分", re.I)
RENUMBER_RE = re.compile(r"\bold\b|renumber|became|become|moved|merg|new number|former|current law|what happened|"
                         r"where did|where does|where is|now article|new addition|newly added|原|改为|合并|新增",
                         re.I)
LOOKUP_RE = re.compile(r"\bshow\b|text of|full text|wording|"
                       r"what (?:exactly )?does .{0,50}\b(?:say|provide|require|cover)|"
                       r"what .{0,40}obligations? does|\bquote|"
                       r"\bread\b|meaning|what is .{0,12}article|内容|原文|规定", re.I)
WHY_RE = re.compile(r"\bwhy\b|reason|background|purpose|\baim|idea|guiding|principle|main content|explanation|"
                    r"legislative plan|rationale|motivat|为什么|背景|目的|说明|指导思想", re.I)
LIST_RE = re.compile(r"what are (?:the|they)|list|which (?:are|were)|sections|\b(?:four|all)\b|有哪些", re.I)
COMPARE_RE = re.compile(r"compar|differ|\bvs\.?\b|versus|both|which (?:articles|provisions)|in which|where does|"
                        r"all (?:the )?(?:fines|articles|bands|provisions)|\beach\b|\bevery\b|across|比较|区别", re.I)
OLD_TEXT_RE = re.compile(r"original|pre-amendment|before (?:this|the) (?:amendment|revision|draft)|"
                         r"used to (?:say|read|provide)|previously (?:said|read|provided)|\b2016\b|"
                         r"current(?:ly)? (?:in force|law's)|existing law|现行", re.I)
INDIVIDUAL_RE = re.compile(r"individual|\bpersons?\b|\bpeople\b|manager|executive|director|officer|staff|employee|"
                           r"personnel|responsible|in charge|in-charge|负责|责任人员|个人(?!信息)", re.I)
ENTITY_RE = re.compile(r"compan|operator|firm|entit|business|organi[sz]ation|seller|provider|enterprise|vendor|"
                       r"单位|运营者", re.I)
TIER_CUES = (
    ("particularly_serious", re.compile(r"particularly serious|total loss|all (?:of )?its main|main functions|"
                                        r"worst|特别严重|全部丧失", re.I)),
    ("serious", re.compile(r"(?<!particularly )serious (?:cybersecurity )?consequence|massive|data leak|leakage|"
                           r"partial loss|严重后果|大量数据泄露", re.I)),
    ("refuses_or_serious", re.compile(r"refus|won't correct|does not correct|fails? to correct|not correct|"
                                      r"circumstances are serious|serious circumstances|拒不改正|情节严重", re.I)),
)
# current-law numbering: "old Article 65", "Article 61 of the current law", "the existing law's Article 64"
OLD_CUE_RE = re.compile(r"\b(?:old|former|previous)\b|\b(?:current|existing|present)(?:[- ]law)?(?:'s)? (?:law|article|"
                        r"art\.?)|\bof the (?:current|existing|present)\b|原|现行", re.I)
MAX_RE = re.compile(r"maximum|highest|largest|biggest|most severe|top fine|最高|上限", re.I)
BASIS_WORDS = {"illegal gains": re.compile(r"gain|revenue|profit|income|\bmade\b|earn|pocket|\bsales?\b|"
                                          r"\bsold\b|所得", re.I),
               "procurement amount": re.compile(r"procure|purchas|bought|buy|spent|\bpaid\b|\bpay|contract|worth|采购",
                                                re.I)}


def subjects(question: str) -> tuple[str, ...]:
    """('individual',) when only persons are asked about; otherwise both subjects."""
    own, _ = split_followup(question)
    if INDIVIDUAL_RE.search(own) or ENTITY_RE.search(own):
        question = own
    ind, ent = bool(INDIVIDUAL_RE.search(question)), bool(ENTITY_RE.search(question))
    return ("individual",) if ind and not ent else ("entity", "individual")


def tiers(question: str) -> set[str]:
    own, _ = split_followup(question)
    own_tiers = {tier for tier, cue in TIER_CUES if cue.search(own)}
    return own_tiers or {tier for tier, cue in TIER_CUES if cue.search(question)}


def quoted_phrase(question: str) -> str | None:
    """A phrase the user put in quotes ('closure of websites or applications'), if any."""
    for m in re.finditer(r"(?<![A-Za-z])[\"“‘']([^\"”’']{6,80})[\"”’'](?![A-Za-z])", question):
        if " " in m.group(1).strip():
            return m.group(1).strip()
    return None

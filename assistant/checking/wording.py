"""The words around a figure that decide how it is judged: who is fined, which tier, a superlative,
the threshold condition, the current law's numbering. Pure regexes and helpers, compiled once.
"""

from __future__ import annotations

import re

IND_RE = re.compile(
    r"responsible\s+persons?|persons?[- ]in[- ]charge|liable\s+personnel|\bindividuals?\b|\bmanagers?\b"
    r"|\bexecutives?\b|\bdirectors?\b|\bofficers?\b|\bemployees?\b|\bstaff\b|\bpersonnel\b"
    r"|负责的主管人员|直接责任人员|主管人员|责任人员|负责人|个人", re.I)
ENT_RE = re.compile(
    r"\boperators?\b|\bcompan(?:y|ies)\b|\bentit(?:y|ies)\b|\benterprises?\b|\bbusinesses\b|\bfirms?\b"
    r"|\borgani[sz]ations?\b|\bproviders?\b|\bsellers?\b|\bvendors?\b|\bresellers?\b|\bplatforms?\b|\bwhoever\b"
    r"|运营者|单位|企业|公司|提供者|销售者", re.I)
ON_WHO_RE = re.compile(
    r"^\s*(?:yuan\s+)?(?:(?:shall|may|will|can|could|would)\s+(?:also\s+)?be\s+(?:imposed|levied)\s+"
    r"|(?:is\s+)?(?:imposed|levied|payable)\s+|each\s+|in\s+fines?\s+)?(?:on|for|against|upon|by)\s+", re.I)
FOR_CUE_RE = re.compile(r"^\s*(?:yuan\s+)?(?:[\(,]\s*)?(?:for|where|if|when|in(?:\s+the)?\s+cases?\s+of|in)\s+", re.I)
CLAUSE_END_RE = re.compile(r"[,;.:，；。：]")
# One scan for all tier cues; each branch starts with a plain character so `re` can skip ahead.
TIER_RE = re.compile(
    r"(?P<particularly_serious>[Pp]articularly\s+serious|[Ee]specially\s+serious|[Tt]otal\s+loss|特别严重|全部丧失)"
    r"|(?P<serious>[Ss]erious(?<![Pp]articularly serious)(?<![Ee]specially serious)\s+(?:cybersecurity\s+)?"
    r"consequences|[Mm]assive\s+data\s+leak|[Pp]artial\s+loss|严重后果(?<!特别严重后果)|大量数据泄露|部分功能丧失)"
    r"|(?P<refuses_or_serious>[Rr]efus|[Cc]ircumstances\s+are\s+serious|[Ss]erious\s+circumstances"
    r"|[Ee]ndangering\s+cybersecurity|拒不改正|情节严重|危害网络安全)")
EXTREME_UP_RE = re.compile(r"\bmaximum\b|\bmax\b|\bhighest\b|\blargest\b|\bbiggest\b|\btop\s+(?:fine|band|penalty)"
                           r"|\bcaps?\b|\bceiling\b|\bupper\s+limit\b|\bthe\s+most\b|最高|上限|封顶", re.I)
EXTREME_LOW_RE = re.compile(r"\bminimum\b|\blowest\b|\bsmallest\b|\bfloor\b|\blower\s+limit\b|\bthe\s+least\b"
                            r"|最低|下限", re.I)
# A bound that caps every fine in scope ("capped at", "can never exceed"), not one band's upper end ("up to").
CAP_RE = re.compile(r"\bcap(?:ped|s)?\b|\bceiling\b|\bnever\b|\bcannot\b|\bcan't\b|\bno\s+(?:fine|penalty)\b"
                    r"|\b(?:not|may\s+not|must\s+not|shall\s+not)\s+(?:be\s+)?exceed|不超过|封顶|上限", re.I)
EXTREME_UP_HINTS = ("max", "high", "larg", "big", "top", "cap", "ceiling", "upper", "most", "最高", "上限", "封顶")
EXTREME_LOW_HINTS = ("min", "low", "small", "floor", "least", "最低", "下限")
NO_GAINS_RE = re.compile(r"\b(?:no|without(?:\s+any)?)\s+illegal\s+gains\b|没有违法所得|无违法所得", re.I)
BASIS_WORDS = (("illegal gains", re.compile(r"gain|revenue|profit|income|所得", re.I)),
               ("procurement amount", re.compile(r"procure|purchas|bought|buy|spent|采购", re.I)))
OLD_HINTS = ("old", "former", "original", "previous", "current", "existing", "renumber", "merge", "becam", "becom",
             "moved", "pre-amendment", "原", "现行", "合并", "改为")
OLD_VOCAB_RE = re.compile(
    r"\b(?:old|former(?:ly)?|original(?:ly)?|previous(?:ly)?|current\s+(?:Cybersecurity\s+)?law|existing\s+law"
    r"|renumbered|merged|became|becomes|become|moved|pre-amendment)\b|原|现行|合并|改为", re.I)


def cues(sentence: str, offset: int) -> list[tuple[int, str]]:
    """(position, tier) of every tier cue, in order; 'serious' inside 'particularly serious' is not one."""
    return [(m.start() + offset, m.lastgroup or "") for m in TIER_RE.finditer(sentence)]


def clause(text: str) -> str:
    """The text up to the first clause boundary (comma, semicolon, stop, colon; CJK too)."""
    m = CLAUSE_END_RE.search(text)
    return text[: m.start()] if m else text


def first_subject(text: str) -> str | None:
    """Whom the first subject word names: 'individual' | 'entity' | None."""
    ind, ent = IND_RE.search(text), ENT_RE.search(text)
    if ind and (not ent or ind.start() <= ent.start()):
        return "individual"
    return "entity" if ent else None


def last_subject(text: str) -> str | None:
    """Whom the last subject word names (the one nearest a figure that follows the text)."""
    ind = [m.start() for m in IND_RE.finditer(text)]
    ent = [m.start() for m in ENT_RE.finditer(text)]
    if not ind and not ent:
        return None
    return "individual" if (ind[-1] if ind else -1) > (ent[-1] if ent else -1) else "entity"

"""One vocabulary: the words that say who pays, which tier, which basis, may/shall, old numbering,
a superlative, and a negation. English and Chinese, on word boundaries, compiled once.

The band parser reads the draft with it, the question reader reads questions with it and
the checker reads answers with it, so one sentence cannot be read three ways. Stems match
at the start of a word ("refus" finds "refuses", "refused"), never inside one ("entit"
does not find "identity"). Chinese has no word boundaries; its cues are written whole.

Negation follows NegEx (Chapman et al., 2001): a trigger ("not", "never", "no", "didn't",
"without", 没有, 未) opens a scope of a few words that ends early at "but", "and", "or" and
at punctuation; a cue inside that scope is negated. Legal bounds that start with a
trigger ("not less than", "no more than", "not exceeding") are pseudo-triggers, not negations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.document.kinds import Basis, Subject, Tier

__all__ = [
    "BASIS_RE", "ENTITY_RE", "INDIVIDUAL_RE", "MAXIMUM_RE", "MINIMUM_RE", "MODAL_RE", "NEGATION_TRIGGER_RE",
    "NO_GAINS_RE", "OLD_ADJECTIVES", "OLD_LAW_RE", "OLD_NUMBER_RE", "RENUMBER_RE", "SUBJECT_RE", "TIER_CUES", "TIER_RE",
    "NegatedSpan", "bases", "cue_is_negated", "first_subject", "last_subject", "negated_spans", "negated_tiers",
    "subjects", "tier_cues", "tiers",
]

_FLAGS = re.I


def _words(english: str, chinese: str = "", stems: str = "") -> str:
    """An alternation: whole English words or phrases, English stems (open at the end), Chinese as written."""
    parts = []
    if english:
        parts.append(rf"\b(?:{english})\b")
    if stems:
        parts.append(rf"\b(?:{stems})")
    if chinese:
        parts.append(chinese)
    return "|".join(parts)


# -- who pays -------------------------------------------------------------------------------
# The text fines "the directly responsible persons-in-charge and other directly liable personnel"
# (Chinese: 直接负责的主管人员和其他直接责任人员); users say managers, executives, staff, people.
_INDIVIDUAL = _words(
    r"responsible\s+(?:persons?|personnel|people|staff|managers?|individuals?)|directly\s+responsible"
    r"|persons?[- ]in[- ]charge|in[- ]charge|liable\s+personnel|individuals?|persons?|people|managers?|executives?"
    r"|directors?|officers?|employees?|staff|personnel",
    r"负责的主管人员|直接责任人员|主管人员|责任人员|负责人|负责|个人(?!信息)")
# The unit fined: the operator, provider, seller ("whoever sells or provides ..."). Not "business licence".
_ENTITY = _words(
    r"operators?|compan(?:y|ies)|entit(?:y|ies)|enterprises?|business(?:es)?(?!\s+licen)|firms?"
    r"|organi[sz]ations?|providers?|sellers?|resellers?|vendors?|platforms?|whoever",
    r"运营者|单位|企业|公司|提供者|销售者")
INDIVIDUAL_RE = re.compile(_INDIVIDUAL, _FLAGS)
ENTITY_RE = re.compile(_ENTITY, _FLAGS)
SUBJECT_RE = re.compile(rf"(?P<individual>{_INDIVIDUAL})|(?P<entity>{_ENTITY})", _FLAGS)


def subjects(text: str) -> frozenset[Subject]:
    """Every subject the text names."""
    return frozenset(Subject(m.lastgroup) for m in SUBJECT_RE.finditer(text) if m.lastgroup)


def first_subject(text: str) -> Subject | None:
    """Whom the first subject word names."""
    m = SUBJECT_RE.search(text)
    return Subject(m.lastgroup) if m and m.lastgroup else None


def last_subject(text: str) -> Subject | None:
    """Whom the last subject word names (the one nearest a figure that follows the text)."""
    found = [m.lastgroup for m in SUBJECT_RE.finditer(text)]
    return Subject(found[-1]) if found and found[-1] else None


# -- which tier -----------------------------------------------------------------------------
# The text's own conditions and how users paraphrase them. "serious" inside "particularly
# serious" is not a cue of its own; "refuses" is (拒不改正 contains 不 but is no negation).
_TIER_WORDS: dict[Tier, str] = {
    Tier.PARTICULARLY_SERIOUS: _words(
        r"particularly\s+serious|especially\s+serious|total\s+loss|all\s+(?:of\s+)?its\s+main|main\s+functions|worst",
        r"特别严重|全部丧失"),
    Tier.SERIOUS: _words(
        r"serious(?<!particularly\sserious)(?<!especially\sserious)\s+(?:cybersecurity\s+)?consequences?|massive|leakage"
        r"|partial\s+loss",
        r"(?<!特别)严重后果|大量数据泄露|部分功能丧失", stems=r"data\s+leak"),
    Tier.REFUSES_OR_SERIOUS: _words(
        r"circumstances\s+are\s+serious|serious\s+circumstances|endangering\s+cybersecurity",
        r"拒不改正|情节严重|危害网络安全",
        stems=r"refus|not\s+correct|never\s+correct|won[’']t\s+correct|didn[’']t\s+correct|doesn[’']t\s+correct"
              r"|fails?\s+to\s+correct"),
}
TIER_CUES: tuple[tuple[Tier, re.Pattern[str]], ...] = tuple(
    (tier, re.compile(words, _FLAGS)) for tier, words in _TIER_WORDS.items())
TIER_RE = re.compile("|".join(f"(?P<{tier.value}>{words})" for tier, words in _TIER_WORDS.items()), _FLAGS)


def tiers(text: str) -> frozenset[Tier]:
    """Every tier the text cues."""
    return frozenset(tier for tier, cue in TIER_CUES if cue.search(text))


def tier_cues(text: str, offset: int = 0) -> list[tuple[int, Tier]]:
    """(position, tier) of every tier cue, in text order."""
    return [(m.start() + offset, Tier(m.lastgroup)) for m in TIER_RE.finditer(text) if m.lastgroup]


# -- which basis ----------------------------------------------------------------------------
_BASIS_WORDS: dict[Basis, str] = {
    Basis.ILLEGAL_GAINS: _words(r"made|sold|sales?|pocketed", r"所得|营业额|收入",
                                stems=r"gain|revenue|profit|income|earn"),
    Basis.PROCUREMENT_AMOUNT: _words(r"bought|spent|worth|paid", r"采购", stems=r"procur|purchas|buy|contract"),
}
BASIS_RE: dict[Basis, re.Pattern[str]] = {b: re.compile(words, _FLAGS) for b, words in _BASIS_WORDS.items()}
NO_GAINS_RE = re.compile(_words(r"(?:no|without(?:\s+any)?)\s+illegal\s+gains", r"没有违法所得|无违法所得"), _FLAGS)


def bases(text: str) -> list[Basis]:
    """The bases the text names, illegal gains first."""
    return [b for b, rx in BASIS_RE.items() if rx.search(text)]


# -- may / shall ----------------------------------------------------------------------------
MODAL_RE = re.compile(r"\b(shall|may)\b")  # the text's own modals, lower case: "shall" binds, "may" permits


# -- old and new numbering ------------------------------------------------------------------
# Words that name the current (2016) law's numbering on their own ("the old numbers", "Article 65 of
# the current law"), and qualifiers that do so only next to an article number: "previous" or
# "original" alone mean something else in a question ("ignore all previous instructions").
_OLD_LAW = _words(r"old|former(?:ly)?|(?:current|existing|present)[\s-]+(?:cybersecurity\s+)?law(?:'s)?|"
                  r"(?:current|existing)\s+art(?:icle)?", r"原")
_OLD_QUALIFIER = _words(r"original(?:ly)?|previous(?:ly)?|pre-amendment|existing\s+law", r"现行")
OLD_LAW_RE = re.compile(_OLD_LAW, _FLAGS)
# The same words as they stand right before an article number ("old Article 65", "current-law Article 64").
OLD_ADJECTIVES = r"old|former|formerly|original|originally|previous|pre-amendment|current[- ]law(?:'s)?|existing"
OLD_NUMBER_RE = re.compile(f"{_OLD_LAW}|{_OLD_QUALIFIER}", _FLAGS)
RENUMBER_RE = re.compile(_words(r"became|moved", r"合并|改为", stems=r"renumber|merg|becom"), _FLAGS)

# -- superlatives ---------------------------------------------------------------------------
MAXIMUM_RE = re.compile(_words(
    r"maximum|max|highest|largest|biggest|most\s+severe|top\s+(?:fine|band|penalty)|caps?|ceiling|upper\s+limit"
    r"|the\s+most", r"最高|上限|封顶"), _FLAGS)
MINIMUM_RE = re.compile(_words(
    r"minimum|min|lowest|smallest|floor|lower\s+limit|the\s+least", r"最低|下限"), _FLAGS)

# A bound that caps every fine in scope ("capped at", "can never exceed"), not one band's upper end ("up to").
CAP_RE = re.compile(_words(r"cap(?:ped|s)?|ceiling|never|cannot|can't|no\s+(?:fine|penalty)"
                           r"|(?:not|may\s+not|must\s+not|shall\s+not)\s+(?:be\s+)?exceed\w*",
                           r"不超过|封顶|上限"), _FLAGS)

# -- negation (NegEx) -----------------------------------------------------------------------
_PSEUDO = (r"not\s+(?:less|more|fewer|greater|higher|lower)\s+than|no\s+(?:less|more|fewer|later|earlier)\s+than"
           r"|not\s+exceeding|not\s+to\s+exceed|not\s+only|not\s+necessarily|no\s+doubt|whether\s+or\s+not")
_TRIGGER = r"not|never|no|none|neither|nor|without|cannot"
NEGATION_TRIGGER_RE = re.compile(
    rf"(?P<pseudo>\b(?:{_PSEUDO})\b)|(?P<trigger>\b(?:{_TRIGGER})\b|(?<=[a-z])n[’']t\b|没有|从未|从不|并未|未|无(?!论)|不是|并非)",
    re.I)
_SCOPE_END_RE = re.compile(r"\b(?:but|and|or|however|although|though|yet|except|which|who|whereas)\b"
                           r"|[,;:.!?()\[\]，；：。！？、]", re.I)
SCOPE_WORDS = 6  # NegEx's window: a negation reaches this many words at most


@dataclass(frozen=True, slots=True)
class NegatedSpan:
    """A negation trigger and the text it negates: text[start:end]."""

    trigger: str
    start: int
    end: int


def negated_spans(text: str) -> list[NegatedSpan]:
    """Every negation scope in the text: from a trigger to the next terminator or SCOPE_WORDS words on."""
    spans = []
    for m in NEGATION_TRIGGER_RE.finditer(text):
        if m.lastgroup != "trigger":
            continue
        start = m.end()
        stop = _SCOPE_END_RE.search(text, start)
        end = stop.start() if stop else len(text)
        words = list(re.finditer(r"\S+", text[start:end]))
        if len(words) > SCOPE_WORDS:
            end = start + words[SCOPE_WORDS - 1].end()
        spans.append(NegatedSpan(m.group("trigger"), start, end))
    return spans


def cue_is_negated(text: str, start: int, end: int | None = None) -> bool:
    """Is text[start:end] (a cue found in text) inside a negation's scope?"""
    end = start if end is None else end
    return any(s.start <= start and end <= s.end for s in negated_spans(text))


def negated_tiers(text: str) -> frozenset[Tier]:
    """Tiers whose every cue in the text is negated ("has not refused", "no serious consequences")."""
    spans = negated_spans(text)
    cued: dict[Tier, bool] = {}
    for m in TIER_RE.finditer(text):
        if m.lastgroup:
            inside = any(s.start <= m.start() and m.end() <= s.end for s in spans)
            cued[Tier(m.lastgroup)] = cued.get(Tier(m.lastgroup), True) and inside
    return frozenset(tier for tier, negated in cued.items() if negated)


# -- the checker's words for what a figure is attached to ------------------------------------
# The mildest tier as summaries name it, and the conditions that rule out every higher tier
# ("corrects at once", "no refusal", "causes no harm", "the circumstances are not serious").
BASE_TIER_RE = re.compile(_words(
    r"basic\s+(?:violation|case|tier|fine|offen[cs]e|breach|failure)|base\s+(?:fine|tier|band|case|violation)"
    r"|no\s+refusal|not\s+refus\w*|corrects?\s+(?:it\s+)?(?:at\s+once|promptly|immediately)|has\s+corrected"
    r"|(?:causes?|caused|with)\s+no\s+harm|without\s+(?:causing\s+)?(?:any\s+)?harm|(?:are|is)\s+not\s+serious"
    r"|no\s+serious\s+circumstances|corrected\s+(?:violation|breach|failure)|(?:promptly|already|immediately)\s+corrected",
    r"及时改正|未造成危害"), _FLAGS)
# How a summary says the text's "shall" and "may" (can / could stay neutral: they say what is possible).
# Plain words, found with str.find on lowered text (much faster than a regex alternation on short windows).
SHALL_WORDS = ("shall", "must", "mandatory", "mandated", "compulsory", "obligatory", "required", "requires",
               "require", "obliges", "oblige", "obliged", "obligated", "not discretionary", "not optional",
               "no discretion", "应当", "必须", "应予", "应处")
MAY_WORDS = ("may", "discretion", "discretionary", "optional", "need not", "not mandatory", "not required",
             "not obligatory", "not compulsory", "可以", "可被", "可处", "可并处", "可对")
NOT_MAY = "may not"  # a bound ("may not exceed"), not a permission


def modal_cues(text: str) -> list[tuple[int, int, str]]:
    """(end, length, 'shall' | 'may') of every modal cue on word boundaries in lowered `text`."""
    out = []
    plain = text.isascii()  # then no Chinese cue can occur: skip looking for them
    for kind, words in (("shall", SHALL_WORDS), ("may", MAY_WORDS)):
        for word in words:
            if plain and not word.isascii():
                continue
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                bounded = not word.isascii() or ((at == 0 or not text[at - 1].isalpha())
                                                 and (end == len(text) or not text[end].isalpha()))
                if bounded and not (word == "may" and text.startswith(NOT_MAY, at)):
                    out.append((end, len(word), kind))
                at = text.find(word, end)
    return out


# A figure in a currency other than the text's yuan.
FOREIGN_CURRENCY_AFTER_RE = re.compile(
    r"\s*(?:(?:US|U\.S\.|American|Hong\s+Kong|HK|Singapore|Australian|Canadian|New\s+Taiwan)\s*)?"
    r"(?:dollars?|euros?|pounds?(?:\s+sterling)?|yen|francs?|rupees?|won)\b|\s*(?:USD|EUR|GBP|HKD|JPY)\b"
    r"|美元|欧元|港元|港币|英镑|日元|美金", _FLAGS)
FOREIGN_CURRENCY_BEFORE_RE = re.compile(r"(?:\b(?:USD|EUR|GBP|HKD|JPY)|US\$|HK\$|\$|€|£)\s*\Z")
# "other directly liable personnel": fined alongside the persons-in-charge only where the text says so.
OTHER_PERSONNEL_RE = re.compile(_words(
    r"other\s+(?:directly\s+)?(?:liable|responsible)\s+(?:personnel|persons?|staff|employees|individuals)"
    r"|other\s+(?:staff|employees|personnel)", r"其他直接责任人员|其他责任人员"), _FLAGS)
# Which obligations a penalty article punishes ("covers breaches of Articles 33, 34, 36 and 38").
CROSS_REFERENCE_RE = re.compile(_words(
    r"breach\w*|violat\w*|obligations?|covers?|covering|punish\w*|penali[sz]\w*|appl(?:y|ies)|applying"
    r"|refers?\s+to|in\s+violation\s+of|acts?\s+(?:specified|under|in)|failures?|prescribed",
    r"违反|规定的"), _FLAGS)
# The number a renumbered or merged article takes ("becomes Article 67", "merged into a new Article 69").
RENUMBER_TARGET_RE = re.compile(_words(
    r"becomes?|became|(?:renumbered|re-numbered)\s+(?:as|to)|is\s+now|now|into(?:\s+(?:a\s+)?new)?|as|to"
    r"|new", r"改为|成为|合并为|调整为"), _FLAGS)
MERGES_RE = re.compile(_words(r"merges|merged\s+from|combines|consolidates|brings\s+together|absorbs"), _FLAGS)

"""Compiled patterns and exact number parsing for claim extraction.

Kept apart from the extraction logic so every regular expression is compiled
once at import and the extractor reads as a sequence of decisions. Numbers are
parsed with Fraction so "1.5 million" becomes exactly 1,500,000 and never a float.
"""

from __future__ import annotations

import re
from fractions import Fraction

from assistant.document.numerals import CN_NUMERAL_CHARS, ENGLISH_UNITS, ORDINALS, chinese_to_int
from assistant.document.vocabulary import OLD_ADJECTIVES, bases

WORD_NUMBERS = {w: v for w, v in ENGLISH_UNITS.items() if w != "zero"}
SCALES = {"thousand": 1_000, "k": 1_000, "million": 1_000_000, "mn": 1_000_000, "m": 1_000_000,
          "billion": 1_000_000_000, "bn": 1_000_000_000, "万": 10_000, "萬": 10_000,
          "亿": 100_000_000, "億": 100_000_000}
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["Sept"] = 9
_CN = f"[{CN_NUMERAL_CHARS}]"
_CN_OR_DIGITS = rf"(?:{_CN}+|\d{{1,3}})"
_ORD = "|".join(ORDINALS)

# Numbers. Each scanner starts with a plain character class so `re` can skip ahead fast;
# what clings to a number (currency before, scale and unit after) is read by anchored matches.
DIGITS_RE = re.compile(r"\d(?:(?<![A-Za-z\d.]\d)|(?<=RMB\d|CNY\d|rmb\d|cny\d))"
                       r"(?:\d{0,2}(?:,\d{3})+(?!\d)|\d{0,14}(?!\d))(?:\.\d{1,6}(?!\d))?")
ALPHA_RE = re.compile(r"[A-Za-z]+")
CN_NUM_RE = re.compile(f"{_CN}+")
CURRENCY_BEFORE_RE = re.compile(r"(?:RMB|CNY|¥|￥|人民币)\s?\Z", re.I)
# Read as money, so a figure in a wrong currency is still a claim (and is contradicted).
FOREIGN_UNITS = ("美元", "欧元", "港元", "港币", "英镑", "日元", "美金")
SUFFIX_RE = re.compile(
    r"(?P<scale>\s?(?:thousand|million|billion|mn|bn|m|k)(?![A-Za-z])|[万萬亿億])?"
    r"(?P<unit>\s?(?:yuan|RMB|CNY)(?![A-Za-z])|美元|欧元|港元|港币|英镑|日元|美金|元|倍|\s?times?(?![A-Za-z])|x(?![A-Za-z])"
    r"|\s?(?:%|percent(?![A-Za-z])|per\s?cent(?![A-Za-z]))|(?:st|nd|rd|th)(?![A-Za-z]))?",
    re.I,
)

# Connectors between two numbers of one range, and the words around a range.
RANGE_GAP_RE = re.compile(r"\s*(?:to|up\s+to|through|–|—|-|~|～|以上|至|到)\s*", re.I)
AND_GAP_RE = re.compile(r"\s*,?\s*(?:and|but|,)\s+(?:(?:not|no)\s+more\s+than|at\s+most|up\s+to)\s+", re.I)
BETWEEN_GAP_RE = re.compile(r"\s+and\s+", re.I)
BETWEEN_PRE_RE = re.compile(r"\bbetween\s+$", re.I)
FLOOR_PRE_RE = re.compile(r"(?:\b(?:not|no)\s+less\s+than|\bat\s+least)\s+$", re.I)
FROM_PRE_RE = re.compile(r"\bfrom\s+$", re.I)
CN_RANGE_END_RE = re.compile(r"^(?:元)?以下")

UPPER_PRE_RE = re.compile(
    r"(?:\bup\s+to|\ba\s+maximum\s+of|\bmaximum\s+of|\bmax\.?|\bat\s+most|\b(?:not|no)\s+more\s+than|\bnot\s+exceeding"
    r"|\bno\s+greater\s+than|\b(?:cannot|can\s*not|can't|may\s+not|must\s+not|shall\s+not|never|does\s+not|do\s+not"
    r"|will\s+not|won't|not)\s+(?:be\s+)?exceed(?:s|ing)?|\bno\s+(?:fine|penalty)\s+(?:\w+\s+){0,3}?exceeds?"
    r"|\bcapped\s+at|\ba\s+cap\s+of|\bceiling\s+of|最高(?:可?处|为|是)?|最多|不超过|不高于"
    r"|上限(?:为|是)?)\s*$", re.I)
LOWER_PRE_RE = re.compile(
    r"(?:\bat\s+least|\ba\s+minimum\s+of|\bminimum\s+of|\bmin\.?|\b(?:not|no)\s+less\s+than|\bstarting\s+at"
    r"|最低(?:为|是)?|至少|不低于|不少于|下限(?:为|是)?)\s*$", re.I)
CN_UPPER_POST_RE = re.compile(r"^以下")
CN_LOWER_POST_RE = re.compile(r"^以上")
# Cheap pre-checks: the word just before a number must end like one of these phrases before the
# (slower) end-anchored patterns are tried.
UPPER_ENDS = ("to", "of", "max", "max.", "most", "than", "exceeding", "exceed", "exceeds", "at",
              "最高", "处", "为", "是", "最多", "不超过",
              "不高于", "上限")
LOWER_ENDS = ("least", "of", "min", "min.", "than", "at", "最低", "为", "是", "至少", "不低于", "不少于", "下限")
FLOOR_ENDS = ("than", "least")
COMPARE_ENDS = ("exceed", "exceeds", "exceeding", "exceeded", "than", "above", "over", "below", "under", "超过", "高于",
                "不足", "低于", "少于")
HEAD_ENDS = ("of", "of the", "old", "former", "formerly", "original", "originally", "previous", "pre-amendment",
             "current-law", "current law", "current-law's", "current law's", "existing")
COMPARE_ABOVE_RE = re.compile(r"(?:exceed(?:s|ing|ed)?|more\s+than|above|over|greater\s+than|higher\s+than|超过|高于)"
                              r"\s*$", re.I)
COMPARE_BELOW_RE = re.compile(r"(?:less\s+than|below|under|lower\s+than|不足|低于|少于)\s*$", re.I)

# Multiples: what follows "times" names the basis; Chinese puts it first.
TIMES_POST_RE = re.compile(
    r"^\s*(?:(?:of|over)\s+)?(?:(?:the|their|its|his|her|your)\s+)?(?P<basis>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)"
    r"(?=\s*(?:[,.;:()\[\]]|$|\s(?:may|shall|can|will|and|or|if|for|on|in|under|as|is|are|was|which|that|with"
    r"|plus|where|when|up|to|by)\b))", re.I)
CN_BASIS_PRE_RE = re.compile(r"(?P<basis>违法所得|所得|采购金额|采购额|采购金|营业额|收入)的?\s*$")

# An amount that is the basis of a multiple ("illegal gains of 400,000 yuan", "采购金额200万元").
BASIS_BEFORE_RE = re.compile(
    r"(?:(?P<g>illegal\s+gains|illegal\s+income|gains|profits?|revenues?|income|违法所得|所得)"
    r"|(?P<p>procurement\s+amount|procurement|purchase\s+(?:amount|price|value)|contract\s+(?:value|amount)"
    r"|采购金额|采购额))"
    r"\s*(?:of|were|was|are|is|totall?ing|total|amounting\s+to|worth|reached|came\s+to|=|:|为|是|达到?|共|约)?"
    r"\s*(?:about|approximately|around|roughly|exactly|just|only|some)?\s*$", re.I)
BASIS_VERB_RE = re.compile(
    r"\b(?:(?P<g>made|earned|gained|obtained|generated|pocketed|netted)"
    r"|(?P<p>spent|paid|bought|purchased|procured))\s+(?:about\s+|approximately\s+|around\s+|roughly\s+)?$", re.I)
BASIS_AFTER_RE = re.compile(
    r"^\s*(?:(?:in|of)\s+(?P<g>(?:illegal\s+)?(?:gains|profits?|revenues?|income))"
    r"|(?:worth\s+of|in\s+(?:procurement|purchases))\b)", re.I)
NOT_BASIS_AFTER_RE = re.compile(r"^\s*(?:or\s+(?:less|more|above|below)|and\s+(?:above|below))\b", re.I)

COUNT_NOUN_RE = re.compile(
    r"^\s+(?P<adj>(?:(?!(?:of|the|a|an|and|or|to|in|for|on|by|with|from|at|as|is|are)\b)[A-Za-z-]+\s+){0,2}?)(?P<noun>amendment\s+items?|key\s+points?|main\s+contents?"
    r"|guiding\s+ideas?|new\s+articles?|added\s+articles?|sub-?sections?|points?|ideas|principles|paragraphs?|items?"
    r"|articles?|sections?|contents|aspects|areas|parts|tiers|bands|levels|persons?|people|individuals"
    r"|managers|companies|operators|years|months|days|amendments|provisions|laws|categories)(?![A-Za-z])", re.I)
CN_COUNT_POST_RE = re.compile(r"^个?(?P<noun>方面|要点|部分|款|项|条|档)")
CN_PERCENT_PRE_RE = re.compile(r"百分之$")

# Citations.
_ART_NUM = r"\d{1,3}(?![\d]|,\d{3}|\.\d|\s*(?:million|thousand|billion|yuan|元|%|times|x\b))"
_ART_ITEM = rf"{_ART_NUM}(?:\(\d{{1,2}}\))?"  # "59" or "59(3)": each article of a list may name its paragraph
_ART_LIST = rf"{_ART_ITEM}(?:(?:,\s*|\s+and\s+|\s+to\s+|\s*[-–]\s*){_ART_ITEM})*"
_SUB_NUM = r"\(?\d{1,2}\)?"
CITE_HEAD_RE = re.compile(
    rf"(?:\b(?P<ord>{_ORD})\s+(?P<ordkind>paragraph|item)\s+of\s+(?:the\s+)?"
    rf"|\b(?P<subkind>Paragraph|Para\.?|Item|Clause)s?\s+(?P<subnums>{_SUB_NUM}(?:(?:,\s*|\s+and\s+|\s+to\s+"
    rf"|\s*[-–]\s*){_SUB_NUM})*)\s+of\s+(?:the\s+)?)?"
    rf"(?P<oldpre>\b(?:{OLD_ADJECTIVES})\s+)?\Z",
    re.I,
)
CITE_RE = re.compile(
    r"[Aa](?<![A-Za-z][Aa])(?i:rt(?:icle)?s?)\b\.?\s*"
    rf"(?P<nums>{_ART_LIST})"
    r"(?:\s*\((?P<paren>\d{1,2})\)(?:\s*\((?P<paren2>\d{1,2})\))?)?"
    r"(?i:,?\s*(?:paragraph|para\.?|par\.|§|¶)\s*(?P<para2>\d{1,2})(?!\d))?"
    r"(?i:,?\s*(?:items?|subparagraph)\s*\(?(?P<item2>\d{1,2})\)?)?"
    r"(?P<oldpost>(?i:\s+of\s+the\s+(?:current|existing|original|old|former|2016|present|pre-amendment)"
    r"(?:\s+Cybersecurity)?\s+Law))?",
)
CN_OLD_BEFORE_RE = re.compile(r"(?:原|现行(?:法)?(?:的)?|修改前的?)\Z")
CN_CITE_RE = re.compile(
    rf"第(?P<art>{_CN_OR_DIGITS})条"
    rf"(?:第(?P<para>{_CN_OR_DIGITS})款)?(?:第[（(]?(?P<item>{_CN_OR_DIGITS})[)）]?项)?")
# "1. ", "2) ", "(3) " opening a line (after bullets or a heading mark): list formatting, not a claim.
LIST_MARKER_RE = re.compile(r"^[ \t]*(?:[-*•>#]+[ \t]*)*\(?\d{1,2}[.)](?=[ \t])", re.M)
MARKER_RE = re.compile(r"\[(?P<id>art\d{1,3}\.[pi]\d{1,2}|expl\.(?:preamble|\d(?:\.\d)?)|amend\.\d{1,2})\]")
AMEND_ITEM_RE = re.compile(
    r"[AaDdIi](?<![A-Za-z][AaDdIi])(?i:(?:(?<=[Dd])raft\s+a|(?<=[Aa]))mendment\s+items?\s+(?:No\.\s*)?"
    r"(?:\((?P<n>\d{1,3})\)|(?P<nb>\d{1,3})(?!\d))"
    r"|(?<=[Ii])tem\s+(?:\((?P<n2>\d{1,3})\)|(?P<n2b>\d{1,3}))\s+of\s+the\s+(?:draft\s+)?amendment)")
SECTION_RE = re.compile(
    r"[EeSs](?<![A-Za-z][EeSs])(?i:(?<=[Ee])xplanation\s*(?:,\s*|\(\s*|\s+)(?:(?:section|sec\.|§|part)\s*)?"
    r"(?P<s>\d)(?!\d|,\d)(?:\s*\((?P<sub>\d)\)|\.(?P<sub2>\d)(?!\d))?"
    r"|(?<=[Ss])ections?\s+(?P<s3>\d)(?!\d)(?:\s*\((?P<sub3>\d)\)|\.(?P<sub4>\d)(?!\d))?)")
CN_SECTION_RE = re.compile(rf"说明(?:的)?第(?P<s>{_CN_OR_DIGITS})(?:部分|节)")
BARE_SUB_RE = re.compile(
    r"[PpIi](?<![A-Za-z][PpIi])(?i:(?<=[Pp])(?P<pk>aragraphs?|aras?\.)\s+(?P<p>\d{1,2})(?!\d)(?:\s*(?:and|to|or|,|-|–)\s*(?P<p2>\d{1,2})(?!\d))?"
    r"|(?<=[Ii])(?P<ik>tems?)\s+\((?P<i>\d{1,2})\)(?:\s*(?:and|to|or|,|-|–)\s*\((?P<i2>\d{1,2})\))?)")

# Dates: month names and year digits lead, the day before a month is read backwards.
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
EN_DATE_RE = re.compile(
    rf"(?P<m>{_MONTH})\.?,?\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<y>(?:19|20)\d{{2}})(?!\d)")
DAY_BEFORE_RE = re.compile(r"(?<![\d,.])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+\Z")
NUM_DATE_RE = re.compile(r"(?P<cy>(?:19|20)\d{2})(?:年(?:(?P<cm>\d{1,2})月(?:(?P<cd>\d{1,2})日)?)?"
                         r"|-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?!\d))")
YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")


def basis_name(phrase: str | None) -> str | None:
    """'the illegal gains' -> 'illegal gains'; unknown bases keep their own words."""
    if not phrase:
        return None
    named = bases(phrase)
    return named[0] if named else phrase.strip().lower()


def exact(number: str, scale: int = 1) -> int | Fraction:
    """'1.5', 1_000_000 -> 1500000 (int when whole, else an exact Fraction)."""
    value = Fraction(number.replace(",", "")) * scale
    return value.numerator if value.denominator == 1 else value


def scale_of(text: str | None) -> int:
    if not text:
        return 1
    return SCALES.get(text.strip().lower(), 1)


def cn_or_digits(text: str) -> int:
    """A Chinese numeral or plain digits (article numbers in 第五十九条 / 第59条); ValueError otherwise."""
    return int(text) if text.isdigit() else chinese_to_int(text)


def ordinal(word: str) -> int:
    return ORDINALS[word.lower()]

"""Superlatives and bounds: the maximum, the minimum, a cap over every fine; a figure in a foreign
currency.
"""

from __future__ import annotations

import re

from assistant.document.vocabulary._build import FLAGS, alternatives, words

# -- superlatives ---------------------------------------------------------------------------
MAXIMUM_RE = re.compile(words(
    r"maximum|max|highest|largest|biggest|most\s+severe|top\s+(?:fine|band|penalty)|caps?|ceiling|upper\s+limit"
    r"|the\s+most", r"最高|上限|封顶"), FLAGS)
MINIMUM_RE = re.compile(words(
    r"minimum|min|lowest|smallest|floor|lower\s+limit|the\s+least", r"最低|下限"), FLAGS)

# A bound that caps every fine in scope ("capped at", "can never exceed"), not one band's upper end ("up to").
CAP_RE = re.compile(words(r"cap(?:ped|s)?|ceiling|never|cannot|can't|no\s+(?:fine|penalty)"
                           r"|(?:not|may\s+not|must\s+not|shall\s+not)\s+(?:be\s+)?exceed\w*",
                           r"不超过|封顶|上限"), FLAGS)

# A figure in a currency other than the text's yuan.
FOREIGN_CURRENCY_AFTER_RE = re.compile(
    r"\s*(?:(?:US|U\.S\.|American|Hong\s+Kong|HK|Singapore|Australian|Canadian|New\s+Taiwan)\s*)?"
    r"(?:dollars?|euros?|pounds?(?:\s+sterling)?|yen|francs?|rupees?|won)\b|\s*(?:USD|EUR|GBP|HKD|JPY)\b"
    r"|美元|欧元|港元|港币|英镑|日元|美金", FLAGS)
FOREIGN_CURRENCY_BEFORE_RE = re.compile(r"(?:\b(?:USD|EUR|GBP|HKD|JPY)|US\$|HK\$|\$|€|£)\s*\Z")

# -- a question's superlatives ----------------------------------------------------------
QUESTION_MAXIMUM = alternatives(
    r"maximum", r"max", r"most", r"highest", r"top", r"largest", r"biggest", r"worst[- ]case",
    r"upper limit", r"cap(?:ped)?", r"up to (?:what|how|\d|[a-z]+ (?:million|thousand))", r"how big",
    "最高", "上限", "最多")
QUESTION_MINIMUM = alternatives(r"minimum", r"min", r"lowest", r"smallest", r"least", r"at least", r"floor",
                                "最低", "下限")

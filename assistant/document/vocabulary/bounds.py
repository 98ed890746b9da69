"""Superlatives and bounds: the maximum, the minimum, a cap over every fine; a figure in a foreign
currency.
"""

from __future__ import annotations

import re

from assistant.document.vocabulary._build import FLAGS, alternatives, words

# -- superlatives ---------------------------------------------------------------------------
_MAXIMUM = words(r"maximum|max|highest|largest|biggest|most\s+severe|top\s+(?:fine|band|penalty)|caps?|capped"
                 r"|ceiling|upper\s+limit|the\s+most|worst[- ]case", r"最高|上限|封顶|最多")
_MINIMUM = words(r"minimum|min|lowest|smallest|floor|lower\s+limit|the\s+least", r"最低|下限")
MAXIMUM_RE = re.compile(_MAXIMUM, FLAGS)
MINIMUM_RE = re.compile(_MINIMUM, FLAGS)

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
# The same words, and what only a question says: "most", "top", "up to what", "how big", "at least". In an
# answer "up to 50,000 yuan" and "at least 10,000 yuan" are one band's ends and "most" qualifies anything
# ("most operators"), so the checker does not read them. (Measured: giving the checker these words too
# changed none of the 501 answers; they stay out because they would misfire on wordings the sets lack.)
QUESTION_MAXIMUM = re.compile(_MAXIMUM + "|" + alternatives(
    r"most", r"top", r"up to (?:what|how|\d|[a-z]+ (?:million|thousand))", r"how big").pattern, FLAGS)
QUESTION_MINIMUM = re.compile(_MINIMUM + "|" + alternatives(r"least", r"at least").pattern, FLAGS)

# -- a question's direction before a stated figure -------------------------------------------
# "Can the fine exceed 50,000 yuan?", "could it go above 1 million?", "less than 10,000?": a yes/no on
# which side of the figure a fine may fall, not whether the figure is a band's bound. "Not more than" is
# a bound (the negation pseudo-triggers), so a negation just before the word cancels it.
ABOVE_FIGURE_RE = re.compile(words(r"exceed\w*|above|over|beyond|more\s+than|higher\s+than|greater\s+than"
                                   r"|larger\s+than|bigger\s+than|surpass\w*", r"超过|高于|多于"), FLAGS)
BELOW_FIGURE_RE = re.compile(words(r"below|under|beneath|less\s+than|lower\s+than|smaller\s+than|fewer\s+than",
                                   r"低于|少于|不到"), FLAGS)
NOT_BEFORE_RE = re.compile(r"(?a:\b(?:not|no)\s+)$|不$", re.I)

"""Old and new numbering, renumbering and merging, and the words that tie a penalty article to the
obligations it punishes.
"""

from __future__ import annotations

import re

from assistant.document.vocabulary._build import FLAGS, words

# -- old and new numbering ------------------------------------------------------------------
# Words that name the current (2016) law's numbering on their own ("the old numbers", "Article 65 of
# the current law"), and qualifiers that do so only next to an article number: "previous" or
# "original" alone mean something else in a question ("ignore all previous instructions").
_OLD_LAW = words(r"old|former(?:ly)?|(?:current|existing|present)[\s-]+(?:cybersecurity\s+)?law(?:'s)?|"
                  r"(?:current|existing)\s+art(?:icle)?", r"原")
_OLD_QUALIFIER = words(r"original(?:ly)?|previous(?:ly)?|pre-amendment|existing\s+law", r"现行")
OLD_LAW_RE = re.compile(_OLD_LAW, FLAGS)
# The same words as they stand right before an article number ("old Article 65", "current-law Article 64").
OLD_ADJECTIVES = r"old|former|formerly|original|originally|previous|pre-amendment|current[- ]law(?:'s)?|existing"
OLD_NUMBER_RE = re.compile(f"{_OLD_LAW}|{_OLD_QUALIFIER}", FLAGS)
RENUMBER_RE = re.compile(words(r"became|moved", r"合并|改为", stems=r"renumber|merg|becom"), FLAGS)
# Which obligations a penalty article punishes ("covers breaches of Articles 33, 34, 36 and 38").
CROSS_REFERENCE_RE = re.compile(words(
    r"breach\w*|violat\w*|obligations?|covers?|covering|punish\w*|penali[sz]\w*|appl(?:y|ies)|applying"
    r"|refers?\s+to|in\s+violation\s+of|acts?\s+(?:specified|under|in)|failures?|prescribed",
    r"违反|规定的"), FLAGS)
# The number a renumbered or merged article takes ("becomes Article 67", "merged into a new Article 69").
RENUMBER_TARGET_RE = re.compile(words(
    r"becomes?|became|(?:renumbered|re-numbered)\s+(?:as|to)|is\s+now|now|into(?:\s+(?:a\s+)?new)?|as|to"
    r"|new", r"改为|成为|合并为|调整为"), FLAGS)
MERGES_RE = re.compile(words(r"merges|merged\s+from|combines|consolidates|brings\s+together|absorbs"), FLAGS)

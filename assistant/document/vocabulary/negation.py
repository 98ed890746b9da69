"""Negation (NegEx, Chapman et al., 2001): a trigger ("not", "never", "no", "didn't", "without",
没有, 未) opens a scope of a few words that ends early at "but", "and", "or" and at punctuation; a cue
inside that scope is negated. Legal bounds that start with a trigger ("not less than", "no more than",
"not exceeding") are pseudo-triggers, not negations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.document.kinds import Tier
from assistant.document.vocabulary._build import alternatives
from assistant.document.vocabulary.tiers import TIER_RE

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


# -- negation (NegEx): a trigger negates the cues that follow it until a terminator or the window ends ----
QUESTION_NEGATION_TRIGGER = alternatives(r"not", r"no", r"never", r"without", r"neither", r"nor", r"nothing", r"none",
                          r"n't", r"didn't", r"doesn't", r"don't", r"hasn't", r"haven't", r"hadn't", r"wasn't",
                          r"weren't", r"isn't", r"aren't", r"won't",
                          r"wont", r"didnt", r"dont", r"wouldn't", r"leave out", r"except",
                          r"excluding", r"other than", r"rather than", "没有", "未", "不", "无", "并非")
NEGATION_AFTER = re.compile(r"^\s*(?:was|were|is|are)\s+(?:not|never)\b", re.I)  # "functions were not lost"
QUESTION_SCOPE_END = re.compile(r"[.,;:?!，。；？！]|\b(?:but|however|although|though|yet|and then|because|so|"
                       r"which|who|whereas)\b|但|但是|却", re.I)
NEGATION_WINDOW = 6  # words a trigger reaches

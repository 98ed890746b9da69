"""Negation (NegEx, Chapman et al., 2001): a trigger ("not", "never", "no", "didn't", "without",
没有, 未) opens a scope of a few words that ends early at "but", "and", "or" and at punctuation; a cue
inside that scope is negated. Legal bounds that start with a trigger ("not less than", "no more than",
"not exceeding") are pseudo-triggers, not negations.

One implementation for the band parser, the checker and the question reader: the question reader used to
keep its own trigger list and scope ends; the union of both changed none of 501 answers (measured).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.document.kinds import Tier
from assistant.document.vocabulary.tiers import TIER_RE

# One list for questions, answers and the text. Pseudo-triggers are legal bounds and set phrases that
# start with a trigger word but negate nothing ("not less than", 不超过).
_PSEUDO = (r"\b(?:not\s+(?:less|more|fewer|greater|higher|lower)\s+than|no\s+(?:less|more|fewer|later|earlier)\s+than"
           r"|not\s+exceeding|not\s+to\s+exceed|not\s+only|not\s+necessarily|no\s+doubt|whether\s+or\s+not)\b"
           r"|不超过|不少于|不低于|不高于|不得超过|不得低于")
# Questions leave out apostrophes ("didnt", "wont") and exclude with "except", "other than", "leave out".
# 不 negates, but not in 拒不改正 ("refuses to correct"); 无 not in 无论 ("whatever").
_TRIGGER = (r"\b(?:not|never|no|none|nothing|neither|nor|without|cannot|wont|didnt|dont|leave\s+out|except"
            r"|excluding|other\s+than|rather\s+than)\b|(?<=[a-z])n[’']t\b|没有|从未|并未|未|无(?!论)|并非|(?<!拒)不")
NEGATION_TRIGGER_RE = re.compile(rf"(?P<pseudo>{_PSEUDO})|(?P<trigger>{_TRIGGER})", re.I)
# A scope ends at a conjunction that starts a new clause, or at punctuation; a new trigger ("except") ends
# the previous scope too.
SCOPE_END_RE = re.compile(r"\b(?:but|and|or|however|although|though|yet|except|which|who|whereas|because|so)\b"
                          r"|[,;:.!?()\[\]，；：。！？、]|但|却", re.I)
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
        stop = SCOPE_END_RE.search(text, start)
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


# A question's "functions were not lost": the negation follows the cue.
NEGATION_AFTER = re.compile(r"^\s*(?:was|were|is|are)\s+(?:not|never)\b", re.I)
# A question's "leave the managers out": what it leaves out is negated, though no trigger precedes it.
LEAVE_OUT_RE = re.compile(r"\bleave (?:the |our |its |their )?(?P<what>[\w-]+(?: [\w-]+)?) out\b", re.I)

"""What a question asks for: fines, renumbering, a quotation, the reasons; who; which tier.

Plain keyword cues, English and Chinese, shared by the grounded composer. A
condensed follow-up's own words take precedence over the context it carries.
"""

from __future__ import annotations

import re

from assistant.answering.condense import split_followup
from assistant.document import vocabulary
from assistant.document.kinds import Subject, Tier
from assistant.document.vocabulary import OLD_LAW_RE

PENALTY_RE = re.compile(r"fine|penalt|punish|sanction|liab|how much|yuan|rmb|maximum|minimum|highest|lowest|"
                        r"exposure|cost|罚|处罚|多少|calculat|gains|procure|"
                        r"what (?:happens|will happen|would happen|could happen)\b|"
                        r"\bface\b|consequence|worst[- ]case|\bmax\b|\bpay(?:s|ing)?\b|"
                        r"\bbands?\b", re.I)
MULTIPLE_RE = re.compile(r"multiple|times the|\btimes\b|倍", re.I)
SECTIONS_RE = re.compile(r"sections?|main contents|parts|structure|部分", re.I)
RENUMBER_RE = re.compile(rf"{OLD_LAW_RE.pattern}|{vocabulary.RENUMBER_RE.pattern}|new number|what happened|"
                         r"where did|where does|where is|now article|new addition|newly added|新增", re.I)
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


def subjects(question: str) -> tuple[Subject, ...]:
    """(INDIVIDUAL,) when only persons are asked about; otherwise both subjects."""
    own, _ = split_followup(question)
    named = vocabulary.subjects(own) or vocabulary.subjects(question)
    return (Subject.INDIVIDUAL,) if named == {Subject.INDIVIDUAL} else (Subject.ENTITY, Subject.INDIVIDUAL)


def tiers(question: str) -> frozenset[Tier]:
    """The tiers the question's own words cue, else those of the context a follow-up carries."""
    own, _ = split_followup(question)
    return vocabulary.tiers(own) or vocabulary.tiers(question)


def quoted_phrase(question: str) -> str | None:
    """A phrase the user put in quotes ('closure of websites or applications'), if any."""
    for m in re.finditer(r"(?<![A-Za-z])[\"“‘']([^\"”’']{6,80})[\"”’'](?![A-Za-z])", question):
        if " " in m.group(1).strip():
            return m.group(1).strip()
    return None

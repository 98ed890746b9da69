"""Reading a question for its version: the draft, the law in force, or the difference between them.

The scope layer asks `read_version` instead of refusing every adopted-law question;
the adopted-law answerer reads who, which tier and which articles (in which
numbering) from the same question. English and Chinese cues both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.document import corpus, decision
from assistant.document.alignment import alignment, current_to_adopted
from assistant.document.frames import Frame
from assistant.document.kinds import Subject, Tier, Version, Want
from assistant.document.refs import Ref
from assistant.document.vocabulary import (
    DRAFT_IN_QUESTION_RE,
    EFFECTIVE_RE,
    ENTITY_RE,
    IN_FORCE_IN_QUESTION_RE,
    INDIVIDUAL_RE,
    QUESTION_MAXIMUM,
    QUESTION_TIER_CUES,
)

__all__ = ["MONEY_RE", "Target", "read", "read_version", "targets"]

COMPARE_RE = re.compile(
    r"\b(?:what (?:has )?changed|changes?|changed|differ\w*|compared?|comparison|versus|vs\.?|side by side|"
    r"still the same|same as (?:in )?the draft|kept|survived?|dropped|removed|do to|happened to|became of|"
    r"from the draft|since the draft)\b"
    r"|变化|区别|不同|变动|改动|相比|对比|一致|删除了", re.I)
AFTER_DRAFT_RE = re.compile(r"\b(?:from|since|than|after) the (?:second[- ]round )?draft\b|与草案|和草案|草案相比",
                            re.I)
FINE_RE = re.compile(r"\b(?:fines?|fined|penalt\w*|punish\w*|how much|yuan|rmb|sanction\w*|liab\w*)\b"
                     r"|罚款|处罚|罚|多少钱|万元", re.I)
# What only a fine band has: its modality, or the circumstances that choose its tier ("what does 情节严重
# trigger?", "did it switch to 'shall'?"): asked about a penalty article, the bands answer, not its quote.
BAND_PROPERTY_RE = re.compile(r"\b(?:shall|mandatory|compulsory|optional|discretionary)\b|['‘\"“]may['’\"”]"
                              r"|情节严重|拒不改正|特别严重|严重后果|必须|应当", re.I)
MONEY_RE = re.compile(r"\b(?:fines?|fined|how much|yuan|rmb|range)\b|罚款|万元|多少钱|罚多少|罚了多少|怎么罚|如何罚",
                      re.I)  # "罚多少" is how a Chinese question asks the fine
MAX_RE = QUESTION_MAXIMUM
RENUMBER_RE = re.compile(r"\b(?:which article|what article|article number|renumber\w*|now numbered|became|"
                         r"number now|correspond\w*)\b|第几条|哪一条|改为第", re.I)
# The adopted law's tiers are the draft's: one set of cues (the shared vocabulary's), and the mildest tier.
TIER_CUES: tuple[tuple[Tier, re.Pattern[str]], ...] = (
    *QUESTION_TIER_CUES.items(),
    (Tier.BASE, re.compile(r"\b(?:first time|basic|base|fixe[sd]|corrects?|corrected|minor)\b|一般|及时改正", re.I)),
)
DRAFT_ART_RE = re.compile(r"\bdraft(?:'s)?\s+art(?:icle|\.)?\s*(\d+)|\bart(?:icle|\.)?\s*(\d+)\s+of\s+the\s+draft|"
                          r"草案第([零一二三四五六七八九十百]+)条", re.I)
OLD_ART_RE = re.compile(r"\b(?:old|former|original|current[- ]law|2016|previous)(?:\s+law(?:'s)?)?\s+art(?:icle|\.)?"
                        r"\s*(\d+)|原(?:网络安全法)?第([零一二三四五六七八九十百]+)条", re.I)
ART_RE = re.compile(r"\bart(?:icle|\.)?\s*(\d+)(?:\s*\((\d+)\)|,?\s*paragraph\s*(\d+))?|"
                    r"第([零一二三四五六七八九十百]+)条(?:第([零一二三四五六七八九十]+)款)?", re.I)


@dataclass(frozen=True)
class Target:
    """An adopted article the question is about, and the draft article it came from (if named so)."""

    adopted: str | None
    draft: str | None = None
    paragraph: int | None = None
    named_as: str = "adopted"  # "adopted" | "draft" | "current_law" | "content"


def read_version(question: str) -> Version | None:
    """ADOPTED for the law in force, a date of effect or the difference from it; DRAFT when only the draft is named."""
    if IN_FORCE_IN_QUESTION_RE.search(question) or EFFECTIVE_RE.search(question):
        return Version.ADOPTED
    if COMPARE_RE.search(question) and AFTER_DRAFT_RE.search(question):
        return Version.ADOPTED  # "what changed from the draft": measured against what came after it
    return Version.DRAFT if DRAFT_IN_QUESTION_RE.search(question) else None


def read(question: str) -> Frame:
    """The frame of a question about the law in force: version, who, tiers, and what it wants."""
    wants = set()
    if COMPARE_RE.search(question):
        wants.add(Want.COMPARE)
    if FINE_RE.search(question) or BAND_PROPERTY_RE.search(question):
        wants.add(Want.HOW_MUCH)
    if RENUMBER_RE.search(question):
        wants.add(Want.WHICH_ARTICLE)
    subjects = set()
    if INDIVIDUAL_RE.search(question):
        subjects.add(Subject.INDIVIDUAL)
    if ENTITY_RE.search(question):
        subjects.add(Subject.ENTITY)
    tiers = {tier for tier, cue in TIER_CUES if cue.search(question)}
    return Frame(version=read_version(question), subjects=frozenset(subjects), tiers=frozenset(tiers),
                 wants=frozenset(wants))


def _int(text: str) -> int:
    from assistant.document.refs_zh import zh_int

    return int(text) if text.isdigit() else zh_int(text)


def targets(question: str, compare: bool) -> list[Target]:
    """The articles a question names, mapped into the adopted numbering (draft and old numbers translated)."""
    found: list[Target] = []
    spans: list[tuple[int, int]] = []
    aligned = alignment().articles
    for m in DRAFT_ART_RE.finditer(question):
        n = str(_int(next(g for g in m.groups() if g)))
        found += [Target(a, n, None, "draft") for a in aligned.get(n, ())] or [Target(None, n, None, "draft")]
        spans.append(m.span())
    for m in OLD_ART_RE.finditer(question):
        ref = current_to_adopted(Ref(str(_int(next(g for g in m.groups() if g)))), decision.load())
        found.append(Target(ref.article if ref else None, None, None, "current_law"))
        spans.append(m.span())
    draft_articles = corpus.load().articles
    for m in ART_RE.finditer(question):
        if any(s <= m.start() < e for s, e in spans):
            continue
        n = str(_int(m.group(1) or m.group(4)))
        para_text = m.group(2) or m.group(3) or m.group(5)
        para = _int(para_text) if para_text else None
        if compare and n in draft_articles:
            found += [Target(a, n, None, "draft") for a in aligned.get(n, ())]
        else:
            found.append(Target(n, None, para, "adopted"))
    return list(dict.fromkeys(found))

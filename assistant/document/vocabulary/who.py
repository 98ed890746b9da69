"""Who pays: the individual (persons-in-charge, managers, staff) or the entity (the operator, the seller),
and which operator (critical information infrastructure or an ordinary network operator).

One definition of each: the band parser reads the text's subjects, the checker the answers' and the
question reader the question's with the same words (SUBJECT_RE, or SUBJECT_CUES one subject at a time).
"""

from __future__ import annotations

import re

from assistant.document.kinds import Subject
from assistant.document.vocabulary._build import FLAGS, alternatives, words

# The text fines "the directly responsible persons-in-charge and other directly liable personnel"
# (Chinese: 直接负责的主管人员和其他直接责任人员); users say managers, executives, staff, people, the CTO,
# "me personally".
_INDIVIDUAL = words(
    r"responsible\s+(?:persons?|personnel|people|staff|managers?|individuals?)|directly\s+responsible"
    r"|persons?[- ]in[- ]charge|in[- ]charge|liable\s+personnel|individuals?|persons?|people|managers?|executives?"
    r"|directors?|officers?|employees?|staff|personnel|responsible|cto|ceo|cio|ciso|head\s+of\s+\w+|boss"
    r"|personally|myself",
    r"负责的主管人员|直接责任人员|主管人员|责任人员|负责人|负责|个人(?!信息)")
# The unit fined: the operator, provider, seller ("whoever sells or provides ..."). Not "business licence".
_ENTITY = words(
    r"operators?|compan(?:y|ies)|entit(?:y|ies)|enterprises?|business(?:es)?(?!\s+licen)|firms?"
    r"|organi[sz]ations?|providers?|sellers?|resellers?|vendors?|platforms?|whoever|the\s+unit",
    r"运营者|单位|企业|公司|提供者|销售者")
INDIVIDUAL_RE = re.compile(_INDIVIDUAL, FLAGS)
ENTITY_RE = re.compile(_ENTITY, FLAGS)
SUBJECT_RE = re.compile(rf"(?P<individual>{_INDIVIDUAL})|(?P<entity>{_ENTITY})", FLAGS)


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



# "other directly liable personnel": fined alongside the persons-in-charge only where the text says so.
OTHER_PERSONNEL_RE = re.compile(words(
    r"other\s+(?:directly\s+)?(?:liable|responsible)\s+(?:personnel|persons?|staff|employees|individuals)"
    r"|other\s+(?:staff|employees|personnel)", r"其他直接责任人员|其他责任人员"), FLAGS)

# -- which operator, and "I" as the one asking -----------------------------------------------------
PERSONAL = alternatives(r"personally", r"myself", r"i personally", r"me personally", r"could i", r"can i", r"will i")
CII = alternatives(r"(?<!non-)cii", r"(?<!non-)critical information infrastructure",  # "non-CII" is ORDINARY's
                   r"(?<!non-)critical infrastructure", "关键信息基础设施")
NETWORK_OPERATOR = alternatives(r"network operators?")
ORDINARY = alternatives(r"ordinary", r"normal", r"regular", r"general", r"non-cii", "一般")
SUBJECT_CUES: dict[Subject, re.Pattern[str]] = {Subject.INDIVIDUAL: INDIVIDUAL_RE, Subject.ENTITY: ENTITY_RE}

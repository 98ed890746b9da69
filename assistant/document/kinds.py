"""The typed kinds every layer shares: who pays, which tier, may/shall, which basis, which version.

`StrEnum` values are the strings the JSON output and the golden tables already use,
so a kind compares equal to its old bare string while code gains a closed set.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Basis", "BandKind", "Bound", "ClaimKind", "Modality", "Numbering", "RefusalReason", "Subject",
           "Tier", "Verdict", "Version", "Want"]


class Subject(StrEnum):
    """Who a fine is imposed on."""

    ENTITY = "entity"  # the operator, seller, provider: the unit
    INDIVIDUAL = "individual"  # directly responsible persons-in-charge and other directly liable personnel


class Tier(StrEnum):
    """The condition a band belongs to, mildest first."""

    BASE = "base"
    REFUSES_OR_SERIOUS = "refuses_or_serious"
    SERIOUS = "serious"
    PARTICULARLY_SERIOUS = "particularly_serious"


class Modality(StrEnum):
    SHALL = "shall"  # mandatory
    MAY = "may"  # discretionary


class BandKind(StrEnum):
    AMOUNT = "amount"  # a yuan range
    MULTIPLE = "multiple"  # N to M times a basis


class Basis(StrEnum):
    ILLEGAL_GAINS = "illegal gains"
    PROCUREMENT_AMOUNT = "procurement amount"


class Bound(StrEnum):
    """How a figure bounds a fine."""

    RANGE = "range"  # X to Y
    UP_TO = "up_to"  # at most / capped at / cannot exceed
    AT_LEAST = "at_least"  # at least / not less than
    EXACT = "exact"  # a single figure


class Version(StrEnum):
    """Which text an answer or a claim is about."""

    DRAFT = "draft"  # the second-round public-comment draft (March 2025)
    ADOPTED = "adopted"  # the Decision of 28 October 2025, in force 1 January 2026


class Numbering(StrEnum):
    """Which article numbering a reference uses."""

    NEW = "new"  # the draft's (amended) numbering
    CURRENT_LAW = "current_law"  # the 2016 law's numbering ("old Article 65")


class Verdict(StrEnum):
    VERIFIED = "verified"
    CONTRADICTED = "contradicted"
    UNSUPPORTED = "unsupported"


class ClaimKind(StrEnum):
    AMOUNT = "amount"
    RANGE = "range"
    BOUND = "bound"
    MULTIPLE = "multiple"
    MULTIPLE_RANGE = "multiple_range"
    YEAR = "year"
    DATE = "date"
    ARTICLE = "article"
    PARAGRAPH = "paragraph"
    COUNT = "count"
    PERCENT = "percent"
    NUMBER = "number"


class RefusalReason(StrEnum):
    """Why a question is not answered from the text (keys of `refusals.toml`)."""

    OTHER_LAW = "other_law"
    UNRELATED = "unrelated"
    OTHER_VERSION = "other_version"
    NOT_STATED = "not_stated"
    PROMPT_LEAK = "prompt_leak"
    REFERENCED = "referenced"
    NO_SUCH_ARTICLE = "no_such_article"


class Want(StrEnum):
    """What kind of answer a question asks for."""

    HOW_MUCH = "how_much"
    YES_NO = "yes_no"
    WHICH_ARTICLE = "which_article"
    WHAT_HAPPENED = "what_happened"
    WHY = "why"
    LIST = "list"
    COMPARE = "compare"
    QUOTE = "quote"
    CALCULATE = "calculate"

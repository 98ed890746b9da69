"""One vocabulary: the words that say who pays, which tier, which basis, may/shall, old numbering,
a superlative, a negation, and what a question is about. English and Chinese, on word boundaries,
compiled once.

The band parser reads the draft with it, the question reader reads questions with it and the checker
reads answers with it, so one sentence cannot be read three ways. One module per concept; this package
re-exports every public name, so `from assistant.document.vocabulary import X` works for all of them.
"""

from __future__ import annotations

from assistant.document.vocabulary.bases import BASIS_RE, NO_GAINS_RE, bases
from assistant.document.vocabulary.bounds import (
    CAP_RE,
    FOREIGN_CURRENCY_AFTER_RE,
    FOREIGN_CURRENCY_BEFORE_RE,
    MAXIMUM_RE,
    MINIMUM_RE,
    QUESTION_MAXIMUM,
    QUESTION_MINIMUM,
)
from assistant.document.vocabulary.conduct import CONDUCT_SYNONYMS
from assistant.document.vocabulary.modals import MAY_WORDS, MODAL_RE, NOT_MAY, SHALL_WORDS, modal_cues
from assistant.document.vocabulary.negation import (
    LEAVE_OUT_RE,
    NEGATION_AFTER,
    NEGATION_TRIGGER_RE,
    SCOPE_END_RE,
    SCOPE_WORDS,
    NegatedSpan,
    cue_is_negated,
    negated_spans,
    negated_tiers,
)
from assistant.document.vocabulary.numbering import (
    CROSS_REFERENCE_RE,
    MERGES_RE,
    OLD_ADJECTIVES,
    OLD_LAW_RE,
    OLD_NUMBER_RE,
    RENUMBER_RE,
    RENUMBER_TARGET_RE,
)
from assistant.document.vocabulary.questions import ANCHOR, HEADCOUNT, WANT_CUES
from assistant.document.vocabulary.tiers import (
    BASE_CUES,
    BASE_TIER_RE,
    COMPLIED,
    PARTIAL_BEFORE,
    QUESTION_TIER_CUES,
    REFUSED_BEFORE,
    TIER_CUES,
    TIER_RE,
    tier_cues,
    tiers,
)
from assistant.document.vocabulary.versions import (
    DRAFT_IN_ANSWER_RE,
    DRAFT_IN_QUESTION_RE,
    EFFECTIVE_RE,
    IN_FORCE_IN_ANSWER_RE,
    IN_FORCE_IN_QUESTION_RE,
)
from assistant.document.vocabulary.who import (
    CII,
    ENTITY_RE,
    INDIVIDUAL_RE,
    NETWORK_OPERATOR,
    ORDINARY,
    OTHER_PERSONNEL_RE,
    PERSONAL,
    SUBJECT_CUES,
    SUBJECT_RE,
    first_subject,
    last_subject,
    subjects,
)

__all__ = [
    "DRAFT_IN_ANSWER_RE",
    "DRAFT_IN_QUESTION_RE",
    "EFFECTIVE_RE",
    "IN_FORCE_IN_ANSWER_RE",
    "IN_FORCE_IN_QUESTION_RE",
    "ANCHOR",
    "BASE_CUES",
    "BASE_TIER_RE",
    "bases",
    "BASIS_RE",
    "CAP_RE",
    "CII",
    "COMPLIED",
    "CONDUCT_SYNONYMS",
    "CROSS_REFERENCE_RE",
    "cue_is_negated",
    "ENTITY_RE",
    "first_subject",
    "FOREIGN_CURRENCY_AFTER_RE",
    "FOREIGN_CURRENCY_BEFORE_RE",
    "HEADCOUNT",
    "INDIVIDUAL_RE",
    "last_subject",
    "LEAVE_OUT_RE",
    "MAXIMUM_RE",
    "MAY_WORDS",
    "MERGES_RE",
    "MINIMUM_RE",
    "modal_cues",
    "MODAL_RE",
    "negated_spans",
    "negated_tiers",
    "NegatedSpan",
    "NEGATION_AFTER",
    "NEGATION_TRIGGER_RE",
    "NETWORK_OPERATOR",
    "NO_GAINS_RE",
    "NOT_MAY",
    "OLD_ADJECTIVES",
    "OLD_LAW_RE",
    "OLD_NUMBER_RE",
    "ORDINARY",
    "OTHER_PERSONNEL_RE",
    "PARTIAL_BEFORE",
    "PERSONAL",
    "QUESTION_MAXIMUM",
    "QUESTION_MINIMUM",
    "QUESTION_TIER_CUES",
    "REFUSED_BEFORE",
    "RENUMBER_RE",
    "RENUMBER_TARGET_RE",
    "SCOPE_END_RE",
    "SCOPE_WORDS",
    "SHALL_WORDS",
    "SUBJECT_CUES",
    "SUBJECT_RE",
    "subjects",
    "TIER_CUES",
    "tier_cues",
    "TIER_RE",
    "tiers",
    "WANT_CUES",
]

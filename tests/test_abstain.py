"""Abstaining well: unrelated questions that mention fines are refused; in-domain gaps say what is not stated."""

import pytest

from assistant.answering.conduct import best_article
from assistant.answering.gaps import find_gap
from assistant.answering.scope import decide
from assistant.document.kinds import RefusalReason, Version


@pytest.mark.parametrize("question", [
    "What is the fine for parking on the pavement?",
    "How much is the penalty for filing VAT late?",
    "What sentence does a burglar get?",
    "闯红灯罚款多少？",
])
def test_unrelated_questions_with_fines_are_refused(question):
    decision = decide(question)
    assert decision.refuse and decision.reason == RefusalReason.UNRELATED


@pytest.mark.parametrize("question", [
    "What fine does the Food Safety Law set?",
    "How does the draft's top fine compare with the GDPR?",
    "Under the Securities Law, what is the insider trading fine?",
])
def test_other_laws_are_refused(question):
    assert decide(question).reason == RefusalReason.OTHER_LAW


@pytest.mark.parametrize("question,gap", [
    ("Which ministry enforces Article 59?", "agency"),
    ("How many days does an operator get to correct under Article 69?", "period"),
    ("Where do I send comments on the draft?", "comments"),
    ("Can an Article 61 fine be appealed?", "appeal"),
    ("How many records make a data leak massive under the draft?", "definition"),
])
def test_in_domain_gaps_say_what_the_text_does_not_state(question, gap):
    decision = decide(question)
    assert decision.refuse and decision.reason == RefusalReason.NOT_STATED
    assert find_gap(question).name == gap and "not" in decision.detail


@pytest.mark.parametrize("question", [
    "What is the maximum fine for a CII operator that refuses to correct?",
    "How long has the Cybersecurity Law been in force?",
    "When did the Cybersecurity Law first come into force?",
    "Old Article 65: what is it now?",
])
def test_answerable_questions_are_not_refused(question):
    assert not decide(question).refuse


def test_other_rounds_by_ordinal_and_the_future_effective_date():
    assert decide("What did the earlier draft of this amendment say?").reason == RefusalReason.OTHER_VERSION
    when = decide("When will the amendment take effect?")  # the Decision states it: answered from the law in force
    assert not when.refuse and when.version == Version.ADOPTED


@pytest.mark.parametrize("question,article", [
    ("We resold firewalls that were never certified.", "61"),
    ("A CII operator bought a cloud service that never passed security review.", "67"),
    ("Our platform ignored a takedown order for banned posts.", "69"),
    ("An ordinary operator neglected its security protection duties.", "59"),
    ("It was our first mistake, fixed the same day, no harm done.", "72"),
])
def test_conduct_reading_picks_the_provision(question, article):
    assert best_article(question) == article

"""The question reader: negation (NegEx), stated compliance, who, operator kind, follow-ups, tier resolution."""

import pytest

from assistant.answering.condense import MARK
from assistant.answering.reading import read_question, read_sentence, resolve_tiers
from assistant.document.kinds import Bound, Subject, Tier

ALL = set(Tier)
B, R, S, P = Tier.BASE, Tier.REFUSES_OR_SERIOUS, Tier.SERIOUS, Tier.PARTICULARLY_SERIOUS


@pytest.mark.parametrize("question,named,excluded", [
    ("The operator refused to correct its failings.", {R}, set()),
    ("The operator has not refused to correct anything.", set(), {R}),
    ("It fixed the problem as soon as it was told to.", set(), {R}),
    ("We corrected it immediately when ordered.", set(), {R}),
    ("There were no serious consequences, but it ignored the correction order.", {R}, {S, P}),
    ("The leak was massive but main functions were not totally lost.", {S}, {P}),
    ("Only partial loss of function, not a total one.", {S}, {P}),
    ("Circumstances were serious but not particularly serious.", {R}, {P}),
    ("The CII lost all its main functions.", {P}, set()),
    ("It never ignored any order but caused a massive data leakage.", {S}, {R}),
    ("What is the entry-level fine?", {B}, set()),
    ("What happens if it won't rectify?", {R}, set()),
])
def test_tiers_with_negation(question, named, excluded):
    frame = read_sentence(question)
    assert set(frame.tiers) == named and set(frame.excluded_tiers) == excluded


def test_excluding_serious_excludes_the_graver_tier_too():
    assert {S, P} <= set(read_sentence("Nothing serious happened; no serious harm was done.").excluded_tiers)


@pytest.mark.parametrize("question,wanted", [
    ("What can the company itself, not its managers, be fined?", {Subject.ENTITY}),
    ("Just the individuals, not the company: what are the fines?", {Subject.INDIVIDUAL}),
    ("What can the persons-in-charge be fined if the operator refuses? Leave the company out.", {Subject.INDIVIDUAL}),
    ("As head of IT at an operator that refused, what could I personally be fined?", {Subject.INDIVIDUAL}),
    ("What fines apply to the operator and its responsible manager?", {Subject.ENTITY, Subject.INDIVIDUAL}),
    ("What is the penalty for a CII operator that uses unreviewed products?", {Subject.ENTITY, Subject.INDIVIDUAL}),
    ("Compare the tiers for operators, including fines on individuals.", {Subject.ENTITY, Subject.INDIVIDUAL}),
])
def test_subjects(question, wanted):
    assert read_sentence(question).wanted_subjects() == wanted


def test_operator_kind_figures_and_wants():
    frame = read_sentence("Is it true a CII operator's maximum fine is up to 5 million yuan?")
    assert frame.cii is True and frame.bound == Bound.UP_TO and 5_000_000 in frame.amounts
    assert read_sentence("an ordinary network operator").cii is False
    assert read_sentence("CII operators compared with ordinary operators").cii is None
    assert read_sentence("company plus two persons-in-charge").headcount == 2
    assert read_sentence("第五十九条罚款多少？").chinese


def test_follow_up_keeps_the_previous_frame_and_changes_what_it_names():
    previous = "What is the fine when critical information infrastructure loses all main functions?"
    person = read_question(f"and what about our CTO personally?{MARK}{previous})")
    assert set(person.tiers) == {P} and person.wanted_subjects() == {Subject.INDIVIDUAL} and person.cii
    milder = read_question(f"what if it was only a partial loss of function?{MARK}{previous})")
    assert set(milder.tiers) == {S} and resolve_tiers(milder, ALL) == {S}


def test_resolve_tiers():
    assert resolve_tiers(read_sentence("It refused."), ALL) == {R}
    assert resolve_tiers(read_sentence("It fixed it at once; what is the most it can be fined?"), ALL) == {B}
    assert resolve_tiers(read_sentence("What are the fines?"), ALL) == ALL
    assert resolve_tiers(read_sentence("It refused."), {B}) == {B}  # a tier the article lacks is not invented

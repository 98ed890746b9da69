"""Kinds of misreading found by an unseen question set, each tested in several phrasings of our own:
a named paragraph, colloquial refusal, superlatives within the stated conditions, consequence paraphrases,
requests to make something (not to learn), and follow-ups that name only a person."""

import pytest

from assistant.answering.condense import condense, is_followup
from assistant.answering.reading import read_sentence
from assistant.answering.scope import decide
from assistant.document.kinds import RefusalReason, Subject, Tier

R, S, P = Tier.REFUSES_OR_SERIOUS, Tier.SERIOUS, Tier.PARTICULARLY_SERIOUS


def _first(answer_text: str) -> str:
    return answer_text.split("\n", 1)[0]


# -- 1. a named paragraph, persons in a tier that fines only the operator ------------------------------
@pytest.mark.parametrize("question", [
    "Art. 59(1): are directors fined if the operator fixed it right away?",
    "Under Article 59 paragraph 1, if we never refused and caused no harm, can our managers be fined personally?",
    "Article 59(2): our CII operator corrected it as soon as it was told. Can the CTO be fined?",
    "Under paragraph 1 of Article 59, for a first offence, are executives personally liable?",
])
def test_persons_in_the_base_tier_get_a_plain_no(grounded, question):
    answer = grounded.ask(question)
    first = _first(answer.text)
    assert answer.ok and first.startswith("No.")
    assert "persons-in-charge are fined only if it refuses" in first.lower()
    assert "Art. 59(3)" not in first and "200,000" not in first  # no band of another paragraph or tier


@pytest.mark.parametrize("question,paragraph", [
    ("Under Article 59(2), what is the fine for persons-in-charge if the CII operator refuses to fix it?", "59(2)"),
    ("Art. 59(1): the operator won't fix it; what do the managers face?", "59(1)"),
    ("What fines does Article 59 paragraph 3 set for the company?", "59(3)"),
    ("Art. 69(1): what's the fine for the company?", "69(1)"),
    ("Paragraph 2 of Article 59: the CII operator's functions were partly knocked out. Fine for the operator?",
     "59(3)"),  # the serious consequences of the acts of paragraph 2 are fined in paragraph 3
])
def test_a_named_paragraph_leads_with_its_own_bands(grounded, question, paragraph):
    first = _first(grounded.ask(question).text)
    cited = {c for c in ("59(1)", "59(2)", "59(3)", "69(1)", "69(2)") if f"[Art. {c}]" in first}
    assert cited == {paragraph}


# -- 2. colloquial refusal, with negation still honoured --------------------------------------------
@pytest.mark.parametrize("question", [
    "Our operator won't fix the vulnerability. What's the fine?",
    "The company wont fix it after being told. Fine?",
    "We ignored the order to rectify. What fine?",
    "They didn't comply with the correction order; what penalty?",
    "The platform refused to fix the holes it was told about.",
    "Months after the order the operator still hasn't fixed it. Penalty?",
])
def test_colloquial_refusal_is_the_refuse_tier(question):
    assert R in read_sentence(question).tiers
    assert not decide(question).refuse


@pytest.mark.parametrize("question", [
    "We fixed it right away, what is the fine?",
    "The operator did not refuse and corrected the issue promptly.",
    "We never ignored the order to rectify.",
    "It did not refuse to correct anything.",
])
def test_compliance_and_negated_refusal_exclude_the_refuse_tier(question):
    frame = read_sentence(question)
    assert R in frame.excluded_tiers and R not in frame.tiers


# -- 3. superlatives within the stated conditions ----------------------------------------------------
@pytest.mark.parametrize("question,top,absent", [
    ("Our CII operator refused to correct. What's the max fine?", "1,000,000", "10,000,000"),
    ("Worst case fine for an ordinary operator that refuses to fix?", "500,000 yuan", "10,000,000"),
    ("What is the most a CII operator pays if it won't rectify?", "1,000,000", "10,000,000"),
    ("Maximum penalty for a network operator that ignored the correction order?", "500,000 yuan", "2,000,000"),
    ("Worst case for our CTO if our CII operator refused to correct?", "100,000 yuan", "1,000,000"),
])
def test_superlative_within_the_selected_tier(grounded, question, top, absent):
    first = _first(grounded.ask(question).text)
    assert f"Up to {top}" in first and absent not in first


# -- 4. consequence paraphrases -----------------------------------------------------------------------
@pytest.mark.parametrize("question,tier", [
    ("Our CII had part of its functions knocked out due to security lapses.", S),
    ("Some functions of the infrastructure went down.", S),
    ("Our systems went partially down after we neglected security.", S),
    ("Part of its main functions were taken out.", S),
    ("We lost all main functions of the platform.", P),
    ("The infrastructure was completely down for a week.", P),
    ("A total outage of the core functions followed.", P),
    ("The CII's core functions were totally lost.", P),
])
def test_consequence_paraphrases(question, tier):
    assert read_sentence(question).tiers == {tier}


# -- 5. requests to make something are unrelated, domain words or not --------------------------------
@pytest.mark.parametrize("question", [
    "Write a poem about firewalls",
    "Tell me a joke about cybersecurity fines",
    "translate this into French: network operators shall protect data",
    "Could you draw a cybersecurity law mascot?",
    "Sing me a song about network security",
    "Compose a short story on critical information infrastructure",
])
def test_creative_requests_are_unrelated(question):
    decision = decide(question)
    assert decision.refuse and decision.reason == RefusalReason.UNRELATED


@pytest.mark.parametrize("question", [
    "What does the draft say about firewalls?",
    "Which article covers the story of a data leak at a CII operator?",
    "Summarise Article 59 for me",
    "What's the story on the CII fines?",
])
def test_questions_about_the_text_are_not_creative_requests(question):
    assert not decide(question).refuse


# -- 6. a follow-up naming only a person keeps the article and tier ----------------------------------
FIRST = "Our CII operator refused to correct, what's the fine?"


@pytest.mark.parametrize("followup", [
    "ok and personally for our compliance director?",
    "what about the CTO?",
    "okay, and for our head of IT?",
    "and the managers personally?",
])
def test_person_follow_up_keeps_article_and_tier(grounded, corpus, followup):
    assert is_followup(followup)
    history = [{"role": "user", "content": FIRST}, {"role": "assistant", "content": grounded.ask(FIRST).text}]
    condensed = condense(followup, history, corpus)
    assert read_sentence(condensed.split(" (follow-up")[0]).subjects == {Subject.INDIVIDUAL}
    answer = grounded.ask(followup, history)
    first = _first(answer.text)
    assert not answer.refused
    assert "10,000 to 100,000 yuan" in first and "[Art. 59(2)]" in first and "persons-in-charge" in first

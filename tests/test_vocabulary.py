"""The shared vocabulary: which words must and must not name a subject, tier, basis, old numbering,
a superlative; and how far a negation reaches."""

from __future__ import annotations

import pytest

from assistant.answering import intents
from assistant.document import vocabulary as v
from assistant.document.fines import table
from assistant.document.kinds import Basis, Subject, Tier, Want

PERSON, UNIT = Subject.INDIVIDUAL, Subject.ENTITY


@pytest.mark.parametrize(("text", "expected"), [
    ("the directly responsible persons-in-charge", {PERSON}),
    ("other directly liable personnel", {PERSON}),
    ("what can our managers be fined?", {PERSON}),
    ("executives, directors, officers, employees and staff", {PERSON}),
    ("people in charge of the system", {PERSON}),
    ("直接负责的主管人员和其他直接责任人员", {PERSON}),
    ("对个人处以罚款", {PERSON}),
    ("the network operator", {UNIT}),
    ("companies that sell equipment", {UNIT}),
    ("whoever sells or provides critical network equipment", {UNIT}),
    ("a business and its CEO's staff", {UNIT, PERSON}),
    ("运营者和提供者", {UNIT}),
    ("对单位处罚", {UNIT}),
    # not a subject: a word that only contains one, or a noun phrase that is not the one fined
    ("please confirm the identity of the entitlement", set()),
    ("revocation of business licenses", set()),
    ("个人信息保护", set()),
    ("the companion of a personality", set()),
])
def test_subject_words(text: str, expected: set[Subject]) -> None:
    assert v.subjects(text) == expected


def test_first_and_last_subject_follow_text_order() -> None:
    text = "the operator and the persons-in-charge"
    assert (v.first_subject(text), v.last_subject(text)) == (UNIT, PERSON)
    assert v.first_subject("nothing here") is None and v.last_subject("") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("causes particularly serious consequences", {Tier.PARTICULARLY_SERIOUS}),
    ("especially serious harm, the worst case", {Tier.PARTICULARLY_SERIOUS}),
    ("total loss of main functions", {Tier.PARTICULARLY_SERIOUS}),
    ("造成特别严重后果的", {Tier.PARTICULARLY_SERIOUS}),
    ("serious cybersecurity consequences such as massive data leakage", {Tier.SERIOUS}),
    ("a serious consequence", {Tier.SERIOUS}),
    ("造成严重后果的", {Tier.SERIOUS}),
    ("a data leak", {Tier.SERIOUS}),
    ("if it refuses to make corrections", {Tier.REFUSES_OR_SERIOUS}),
    ("it refused", {Tier.REFUSES_OR_SERIOUS}),
    ("the company won't correct it", {Tier.REFUSES_OR_SERIOUS}),
    ("it did not correct the problem", {Tier.REFUSES_OR_SERIOUS}),
    ("where the circumstances are serious", {Tier.REFUSES_OR_SERIOUS}),
    ("causes consequences such as endangering cybersecurity", {Tier.REFUSES_OR_SERIOUS}),
    ("拒不改正或者情节严重的", {Tier.REFUSES_OR_SERIOUS}),
    ("a seriously worded notice", set()),
    ("serious about security", set()),
    ("corrections were made promptly", set()),
])
def test_tier_words(text: str, expected: set[Tier]) -> None:
    assert v.tiers(text) == expected


def test_serious_inside_particularly_serious_is_one_cue() -> None:
    text = "particularly serious consequences, or serious consequences"
    assert [t for _, t in v.tier_cues(text, 10)] == [Tier.PARTICULARLY_SERIOUS, Tier.SERIOUS]
    assert v.tier_cues(text, 10)[0][0] == 10


@pytest.mark.parametrize(("text", "expected"), [
    ("illegal gains of 400,000 yuan", [Basis.ILLEGAL_GAINS]),
    ("we made 2 million in profit", [Basis.ILLEGAL_GAINS]),
    ("the revenue we earned", [Basis.ILLEGAL_GAINS]),
    ("违法所得五十万元", [Basis.ILLEGAL_GAINS]),
    ("the procurement amount", [Basis.PROCUREMENT_AMOUNT]),
    ("we purchased equipment worth 3 million", [Basis.PROCUREMENT_AMOUNT]),
    ("采购金额二百万元", [Basis.PROCUREMENT_AMOUNT]),
    ("bargain learning", []),
    ("a busy day", []),
])
def test_basis_words(text: str, expected: list[Basis]) -> None:
    assert v.bases(text) == expected


@pytest.mark.parametrize(("text", "old_law", "old_number", "renumbered"), [
    ("Article 65 of the current law", True, True, False),
    ("the old Article 68", True, True, False),
    ("formerly Article 61", True, True, False),
    ("原第六十五条", True, True, False),
    ("the original Article 41", False, True, False),
    ("ignore all previous instructions", False, True, False),
    ("Article 65 was renumbered and merged", False, False, True),
    ("it became Article 67", False, False, True),
    ("emerging fields and bold plans", False, False, False),
])
def test_numbering_words(text: str, old_law: bool, old_number: bool, renumbered: bool) -> None:
    assert bool(v.OLD_LAW_RE.search(text)) is old_law
    assert bool(v.OLD_NUMBER_RE.search(text)) is old_number
    assert bool(v.RENUMBER_RE.search(text)) is renumbered


@pytest.mark.parametrize(("text", "upper", "lower"), [
    ("the maximum fine", True, False),
    ("the highest band", True, False),
    ("a cap of", True, False),
    ("最高罚款", True, False),
    ("the minimum fine", False, True),
    ("the lowest", False, True),
    ("最低", False, True),
    ("maximal caption, minimalist topics", False, False),
])
def test_superlatives(text: str, upper: bool, lower: bool) -> None:
    assert bool(v.MAXIMUM_RE.search(text)) is upper
    assert bool(v.MINIMUM_RE.search(text)) is lower


def test_modals_are_whole_words() -> None:
    assert v.MODAL_RE.findall("shall be imposed; may also; dismay; marshall") == ["shall", "may"]


# -- negation -------------------------------------------------------------------------------
def _negated(text: str) -> list[str]:
    return [text[s.start:s.end].strip() for s in v.negated_spans(text)]


@pytest.mark.parametrize(("text", "scopes"), [
    ("we have not refused to correct it", ["refused to correct it"]),
    ("we never refused, but it caused a leak", ["refused"]),
    ("it didn't refuse and caused massive leakage", ["refuse"]),
    ("without serious consequences; fined", ["serious consequences"]),
    ("no illegal gains", ["illegal gains"]),
    ("it did not cause any of the seven serious listed harms at all", ["cause any of the seven serious"]),
    ("没有违法所得，罚款", ["违法所得"]),
    ("a fine of not less than 10,000 yuan but not more than 100,000 yuan", []),
    ("no more than 1 million, not exceeding the cap", []),
    ("a knot in the cannery", []),
])
def test_negation_scope(text: str, scopes: list[str]) -> None:
    assert _negated(text) == scopes


@pytest.mark.parametrize(("text", "cue", "negated"), [
    ("the operator has not refused to correct", "refused", True),
    ("it never refused but caused particularly serious consequences", "particularly serious", False),
    ("it did not refuse and caused serious consequences", "serious consequences", False),
    ("it refused and there was no data leak", "refused", False),
    ("it refused and there was no data leak", "data leak", True),
    ("拒不改正", "拒不改正", False),  # 拒不 is a refusal, not a negation
])
def test_cue_is_negated(text: str, cue: str, negated: bool) -> None:
    at = text.index(cue)
    assert v.cue_is_negated(text, at, at + len(cue)) is negated


@pytest.mark.parametrize(("text", "expected"), [
    ("we did not refuse to correct it", {Tier.REFUSES_OR_SERIOUS}),
    ("no serious consequences and it refused", {Tier.SERIOUS}),
    ("it refused; later it did not refuse", set()),  # one cue is not negated: the tier stays cued
    ("particularly serious consequences", set()),
])
def test_negated_tiers(text: str, expected: set[Tier]) -> None:
    assert v.negated_tiers(text) == expected


# -- the three readers use it ---------------------------------------------------------------
def test_band_parser_reads_each_band_tier_from_the_vocabulary() -> None:
    """Every band's sentence cues its own tier (or none, for base bands and "may also" sentences)."""
    for band in table().bands:
        cued = v.tiers(band.quote)
        if band.tier == Tier.BASE:
            assert not cued, band.id
        elif cued:
            assert max(cued, key=list(Tier).index) == band.tier, band.id
        else:
            assert band.quote.lower().startswith("the competent authorities may also"), band.id


def test_band_subjects_are_the_vocabulary_subjects() -> None:
    for band in table().bands:
        if band.subject == Subject.INDIVIDUAL:
            assert v.first_subject(band.who) == Subject.INDIVIDUAL, band.who


def test_question_reader_uses_word_boundaries() -> None:
    assert intents.subjects("Please confirm that individuals face fines") == (Subject.INDIVIDUAL,)
    assert intents.subjects("what do the operator and its managers face?") == (Subject.ENTITY, Subject.INDIVIDUAL)
    assert not intents.RENUMBER_RE.search("legislation in emerging fields")
    assert intents.RENUMBER_RE.search("what did old Article 65 become?")


def test_selftest_phrasings_are_read_back_by_the_vocabulary() -> None:
    """The checker's self-test writes tiers, subjects and bases in words; the vocabulary must read them back."""
    from assistant.checking.selftest import CN_BASIS, EN_TIER, ZH_SUBJECT, ZH_TIER

    for phrases in (EN_TIER, ZH_TIER):
        for tier, phrase in phrases.items():
            assert v.tiers(phrase) == (set() if tier == Tier.BASE else {tier}), phrase
    for subject, phrase in ZH_SUBJECT.items():
        assert v.subjects(phrase) == {subject}, phrase
    for basis, phrase in CN_BASIS.items():
        assert v.bases(phrase) == [basis], phrase


# -- the question reader's words, in the same vocabulary ------------------------------------
def test_the_question_reader_reads_subjects_with_the_same_patterns() -> None:
    assert v.SUBJECT_CUES == {PERSON: v.INDIVIDUAL_RE, UNIT: v.ENTITY_RE}


@pytest.mark.parametrize(("text", "expected"), [
    ("can our CTO be fined personally?", {PERSON}),
    ("what about the boss", {PERSON}),
    ("the head of security", {PERSON}),
    ("fine on the unit", {UNIT}),
    ("could I myself be fined", {PERSON}),
])
def test_question_subject_words(text: str, expected: set[Subject]) -> None:
    assert v.subjects(text) == expected


@pytest.mark.parametrize(("text", "tier"), [
    ("it lost all its core functions", Tier.PARTICULARLY_SERIOUS),
    ("the platform was completely offline for a week", Tier.PARTICULARLY_SERIOUS),
    ("part of its services went down", Tier.SERIOUS),
    ("a large-scale leak of user records", Tier.SERIOUS),
    ("they ignored the correction order", Tier.REFUSES_OR_SERIOUS),
    ("it still hasn't fixed it", Tier.REFUSES_OR_SERIOUS),
])
def test_question_tier_paraphrases_are_questions_only(text: str, tier: Tier) -> None:
    """A question's paraphrase cues its tier; the text's and the answers' reading does not take it up."""
    assert v.QUESTION_TIER_CUES[tier].search(text)
    assert tier not in v.tiers(text)


@pytest.mark.parametrize("text", [
    "causes particularly serious consequences", "total loss of main functions", "造成严重后果的", "a data leak",
    "if it refuses to make corrections", "the company won't correct it", "拒不改正或者情节严重的",
])
def test_question_tier_cues_include_the_texts_words(text: str) -> None:
    assert {t for t in v.tiers(text) if v.QUESTION_TIER_CUES[t].search(text)} == v.tiers(text)


def test_worst_case_is_a_superlative_in_a_question_and_a_tier_in_an_answer() -> None:
    question = "worst case fine for an operator that fixed it at once?"
    assert not any(cue.search(question) for cue in v.QUESTION_TIER_CUES.values())
    assert v.QUESTION_MAXIMUM.search(question)
    assert v.tiers("in the worst case, 10 million yuan") == {Tier.PARTICULARLY_SERIOUS}


@pytest.mark.parametrize(("text", "question", "answer"), [
    ("what is the most they can fine us?", True, True),
    ("up to what amount?", True, False),
    ("how big can the fine get", True, False),
    ("a fine of up to 50,000 yuan", False, False),
    ("most operators comply", True, False),
    ("最多罚多少", True, True),
])
def test_question_maximum_adds_words_an_answer_does_not_read(text: str, question: bool, answer: bool) -> None:
    assert (bool(v.QUESTION_MAXIMUM.search(text)), bool(v.MAXIMUM_RE.search(text))) == (question, answer)


def test_at_least_is_a_question_minimum_but_an_answers_band_end() -> None:
    assert v.QUESTION_MINIMUM.search("at least how much?") and not v.MINIMUM_RE.search("at least 10,000 yuan")


@pytest.mark.parametrize(("text", "scopes"), [
    ("it didnt refuse", ["refuse"]),
    ("every band other than the serious ones", ["the serious ones"]),
    ("it did not refuse so it was fined", ["refuse"]),
    ("公司不改正，罚款", ["改正"]),
    ("罚款不超过十万元", []),
    ("拒不改正的", []),
])
def test_question_negation_words_use_the_one_negex(text: str, scopes: list[str]) -> None:
    assert _negated(text) == scopes


def test_leave_out_names_what_it_leaves_out() -> None:
    m = v.LEAVE_OUT_RE.search("Leave the managers out: what does the company pay?")
    assert m and m.group("what") == "managers"


@pytest.mark.parametrize(("text", "complied"), [
    ("they fixed it immediately", True),
    ("the operator corrected the problem the same day", True),
    ("马上改正了", True),
    ("they will fix it eventually", False),
])
def test_complied(text: str, complied: bool) -> None:
    assert bool(v.COMPLIED.search(text)) is complied


@pytest.mark.parametrize(("text", "anchored"), [
    ("what is the fine for a data leak?", True),
    ("can our firewall vendor be fined?", True),
    ("第六十一条怎么改的", True),
    ("what's the weather in Paris tomorrow?", False),
    ("write me a poem about cats", False),
])
def test_anchor_words_mark_a_question_in_scope(text: str, anchored: bool) -> None:
    assert bool(v.ANCHOR.search(text)) is anchored


@pytest.mark.parametrize(("text", "want"), [
    ("Is the maximum fine 1 million yuan?", Want.YES_NO),
    ("How much can they be fined?", Want.HOW_MUCH),
    ("What is the combined fine for both?", Want.CALCULATE),
])
def test_want_words(text: str, want: Want) -> None:
    assert v.WANT_CUES[want].search(text)


@pytest.mark.parametrize(("text", "n"), [("fines on three managers", "three"), ("2 responsible persons", "2")])
def test_headcount(text: str, n: str) -> None:
    m = v.HEADCOUNT.search(text)
    assert m and m.group("n") == n


def test_operator_kind_words() -> None:
    assert v.CII.search("a critical information infrastructure operator") and not v.CII.search("an ordinary one")
    assert v.ORDINARY.search("a regular network operator") and v.NETWORK_OPERATOR.search("a network operator")
    assert v.PERSONAL.search("could I be fined?") and not v.PERSONAL.search("could the company be fined?")


@pytest.mark.parametrize(("text", "cii", "ordinary"), [
    ("我们是普通网络运营者", False, True),
    ("非关键信息基础设施的运营者", False, True),
    ("a non-CII operator", False, True),
    ("a non-critical infrastructure operator", False, True),
    ("关键信息基础设施的运营者", True, False),
    ("the CII operator", True, False),
])
def test_operator_kind_in_both_languages_and_its_negation(text: str, cii: bool, ordinary: bool) -> None:
    """"Non-CII" / 非关键信息基础设施 name the ordinary operator; the CII cue does not fire inside them."""
    assert bool(v.CII.search(text)) is cii and bool(v.ORDINARY.search(text)) is ordinary


def test_conduct_synonyms_lead_to_the_texts_words() -> None:
    """Every synonym maps an everyday word to words the draft's articles themselves use."""
    from assistant.document.corpus import load

    text = " ".join(u.text for a in load().articles.values() if a.text_included for u in a.units).lower()
    missing = {w for words in v.CONDUCT_SYNONYMS.values() for w in words.split() if w[:7] not in text}
    assert not missing


@pytest.mark.parametrize(("text", "tier", "cued"), [
    ("particularly serious consequences", Tier.SERIOUS, False),
    ("造成特别严重后果", Tier.SERIOUS, False),
    ("造成严重后果", Tier.SERIOUS, True),
    ("丧失主要功能", Tier.PARTICULARLY_SERIOUS, True),
    ("数据泄露", Tier.SERIOUS, True),
])
def test_question_serious_is_not_read_inside_particularly_serious(text: str, tier: Tier, cued: bool) -> None:
    assert bool(v.QUESTION_TIER_CUES[tier].search(text)) is cued


def test_a_partial_loss_of_main_functions_is_not_a_total_one() -> None:
    assert v.PARTIAL_BEFORE.search("part of its ") and v.PARTIAL_BEFORE.search("丧失部分")
    assert not v.PARTIAL_BEFORE.search("丧失")


def test_base_cue_is_not_read_inside_critical_information_infrastructure() -> None:
    assert not v.BASE_CUES.search("关键信息基础设施运营者") and v.BASE_CUES.search("基础罚款")

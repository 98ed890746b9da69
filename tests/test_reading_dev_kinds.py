"""Kinds of misreading found by the dev probe set (evals/heldout/dev_2026_12.jsonl), each tested in
phrasings of our own that are in no question set."""

import pytest

from assistant.answering.reading import read_sentence
from assistant.document import vocabulary as L
from assistant.document.kinds import Bound, Subject, Tier, Version


# -- 1. English words glued to Chinese characters (mixed questions) ----------------------------------------
@pytest.mark.parametrize("text", ["CII运营者拒不改正怎么罚", "这个CII的运营者", "关键的CII系统"])
def test_english_operator_words_next_to_chinese_are_read(text):
    assert read_sentence(text).cii is True


@pytest.mark.parametrize("text, subject", [
    ("CEO的罚款是多少", Subject.INDIVIDUAL), ("对managers处多少罚款", Subject.INDIVIDUAL),
    ("vendor要罚多少", Subject.ENTITY)])
def test_subject_words_next_to_chinese_are_read(text, subject):
    assert subject in L.subjects(text)


def test_tier_words_next_to_chinese_are_read():
    assert Tier.REFUSES_OR_SERIOUS in read_sentence("运营者refused改正，罚多少？").tiers
    assert Tier.PARTICULARLY_SERIOUS in read_sentence("如果total loss of main functions了呢").tiers


@pytest.mark.parametrize("text", ["identity theft", "recidivist", "subcontractor"])
def test_boundaries_still_hold_inside_english_words(text):
    assert not L.ENTITY_RE.search(text) and not L.CII.search(text)


# -- 2. the law in force read with the shared reader: negations, excluded persons, operator, stated gains ----
def _ranges(a) -> set[tuple[int, int]]:
    return {tuple(c["value"]) for c in a.claims if c["kind"] == "range"}


def _adopted(question: str):
    from assistant.answering.adopted import answer

    a = answer(question)
    assert a.ok and not a.refused
    return a


@pytest.mark.parametrize("question", [
    "Under the law in force, our operator fixed the problem the same day and nothing bad happened. Can our "
    "CTO be fined personally under Article 61?",
    "In the law in force, for an operator that did not refuse and caused no harm, is any executive fined "
    "under Article 61?",
])
def test_in_force_persons_in_a_tier_without_their_fine_get_a_no(question):
    a = _adopted(question)
    assert "No. In the case your question describes (basic violation)" in a.text
    assert not _ranges(a) & {(200000, 1000000), (50000, 200000), (50000, 500000)}


@pytest.mark.parametrize("question, kept, dropped", [
    ("Under the law in force, what is the fine for a CII operator that refuses to correct, not counting its "
     "managers?", (100000, 1000000), {(10000, 100000), (50000, 500000), (10000, 50000)}),
    ("Law in force: an ordinary network operator ignored the rectification order. Fine for the company?",
     (50000, 500000), {(100000, 1000000), (50000, 100000), (10000, 50000)}),
])
def test_in_force_answer_keeps_only_the_operator_and_tier_asked(question, kept, dropped):
    ranges = _ranges(_adopted(question))
    assert kept in ranges and not ranges & dropped


@pytest.mark.parametrize("question, kept, dropped", [
    ("Under the law in force, a distributor pocketed 250,000 yuan selling untested network security products. "
     "What fine?", "1 to 5 times", "20,000 to 100,000"),
    ("Under the law in force, a shop made only 30,000 yuan selling uncertified routers; what can it be fined?",
     "20,000 to 100,000", "1 to 5 times"),
    ("现行法下，销售未经认证的网络关键设备，没有任何利润 (made no profit)，罚多少？",
     "20,000 to 100,000", "1 to 5 times"),
])
def test_in_force_gains_stated_in_everyday_words_choose_the_threshold_band(question, kept, dropped):
    text = _adopted(question).text
    assert kept in text and dropped not in text


# -- 3. a band's Chinese quote carries its own fine, not the other subject's -------------------------------
@pytest.mark.parametrize("question, persons, company", [
    ("Under the law in force, what can each responsible manager be fined when a content platform's violation "
     "has especially serious consequences?", (200000, 1000000), (2000000, 10000000)),
    ("现行法律下，数据大量泄露的，对直接责任人员罚多少？", (50000, 200000), (500000, 2000000)),
])
def test_in_force_quote_for_persons_shows_no_company_figure(question, persons, company):
    from assistant.checking.versioned import QUOTE_RE
    from assistant.document.decision import load

    a = _adopted(question)
    assert persons in _ranges(a) and company not in _ranges(a)
    units = [u.text for u in load().units()]
    assert all(any(m.group("q") in u for u in units) for m in QUOTE_RE.finditer(a.text))


def test_in_force_quote_for_the_company_stops_before_its_persons():
    a = _adopted("Under the law in force, the company's fine only, not its staff: a CII operator used network "
                 "products that failed security review.")
    assert "采购金额一倍以上十倍以下罚款" in a.text and "一万元以上十万元以下" not in a.text


# -- 4. a gap word among the stated facts is not what is asked -----------------------------------------------
@pytest.mark.parametrize("question", [
    "Our vendor signed an NDA with us and then sold us untested routers. What fine does the draft set for it?",
    "We met the regulator's deadline for the fix; nothing leaked. What's the most a regular operator pays?",
])
def test_gap_words_in_stated_facts_do_not_refuse(question):
    from assistant.answering.scope import decide

    assert not decide(question).refuse


@pytest.mark.parametrize("question, gap", [
    ("We are a CII operator. Is there a deadline for making corrections?", "period"),
    ("Who signed the Explanation?", "signature"),
    ("Under Art. 59, how long does an operator have to correct?", "period"),
])
def test_gap_words_in_the_asking_sentence_still_refuse(question, gap):
    from assistant.answering.gaps import find_gap

    assert (g := find_gap(question)) is not None and g.name == gap


# -- 5. "not CII" names the ordinary operator --------------------------------------------------------------
@pytest.mark.parametrize("text, cii", [
    ("We're a regular operator, not CII. Max fine?", False),
    ("Our platform is not critical information infrastructure; what fine?", False),
    ("我们不是关键信息基础设施运营者，罚多少？", False),
    ("As a non-CII operator, what is the fine?", False),
    ("Our CII operator did not refuse to correct.", True),
])
def test_negated_cii_is_the_ordinary_operator(text, cii):
    assert read_sentence(text).cii is cii


# -- 6. a follow-up stays on the law in force until it names the draft ---------------------------------------
@pytest.mark.parametrize("first, followup", [
    ("Under the law in force, what is the fine when a content platform refuses to remove prohibited "
     "information?", "and its responsible managers?"),
    ("现行法下，网络运营者拒不改正的，罚多少？", "那对负责人呢？"),
])
def test_followup_keeps_the_law_in_force(grounded, first, followup):
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": grounded.ask(first).text}]
    answer = grounded.ask(followup, history)
    assert answer.ok and answer.versions == {Version.ADOPTED}
    assert all(c.unit_id.startswith(("adopted.", "decision.", "art")) for c in answer.citations)
    assert any(c.unit_id.startswith("adopted.") for c in answer.citations)


def test_followup_naming_the_draft_leaves_the_law_in_force(grounded):
    first = "Under the law in force, what is the fine for selling uncertified network equipment with no gains?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": grounded.ask(first).text}]
    answer = grounded.ask("and what did the draft say?", history)
    assert Version.ADOPTED not in answer.versions


# -- 7. "personally" beside a question about the company's own fine asks for both --------------------------
@pytest.mark.parametrize("text, wanted", [
    ("What can the operator be fined, and what can I be fined personally?", {Subject.INDIVIDUAL, Subject.ENTITY}),
    ("How much is the fine on the firm, and how much on me personally?", {Subject.INDIVIDUAL, Subject.ENTITY}),
    ("Can I be fined personally if the company refuses?", {Subject.INDIVIDUAL}),
    ("Are fines on the seller's managers personally possible?", {Subject.INDIVIDUAL}),
])
def test_personally_with_the_company_fine_asked_too(text, wanted):
    assert read_sentence(text).wanted_subjects() == wanted


# -- 8. a compliance word after "refused to" / "failed to" is a refusal, not a stated compliance ---------------
@pytest.mark.parametrize("text", [
    "The platform refused to rectify when ordered to. What now?",
    "They failed to fix it promptly after the notice; fine?",
    "Our operator wouldn't correct it when asked.",
])
def test_refusing_to_comply_promptly_is_the_refuse_tier(text):
    frame = read_sentence(text)
    assert Tier.REFUSES_OR_SERIOUS in frame.tiers and Tier.REFUSES_OR_SERIOUS not in frame.excluded_tiers


@pytest.mark.parametrize("text", ["We corrected it as soon as we were told.", "It rectified the gaps right away."])
def test_plain_compliance_still_excludes_the_refuse_tier(text):
    assert Tier.REFUSES_OR_SERIOUS in read_sentence(text).excluded_tiers


# -- 9. a negation leaves a person out only when it governs the noun itself ---------------------------------
@pytest.mark.parametrize("text", [
    "It isn't true that the company ignored the order; what's the fine?",
    "The regulator chose not to fine the operator last year; could it now?",
    "Not once did the operator refuse to correct.",
])
def test_negated_acts_of_the_operator_do_not_leave_it_out(text):
    assert Subject.ENTITY not in read_sentence(text).excluded_subjects


@pytest.mark.parametrize("text, left_out", [
    ("What is the fine, not counting our managers?", Subject.INDIVIDUAL),
    ("Only the firm's exposure please, excluding its executives.", Subject.INDIVIDUAL),
    ("The staff, not the company: what do they pay?", Subject.ENTITY),
    ("不包括主管人员，单位罚多少？", Subject.INDIVIDUAL),
])
def test_negated_persons_are_still_left_out(text, left_out):
    assert left_out in read_sentence(text).excluded_subjects


# -- 10. "can it exceed X?" asks which side of X a fine falls, not whether X is a bound ----------------------
@pytest.mark.parametrize("question, first", [
    ("If a regular network operator corrected it immediately, can its fine be higher than 50,000 yuan?", "No."),
    ("A regular network operator corrected it immediately. Could its fine still exceed 30,000 yuan?", "Yes."),
    ("Would a CII operator that refuses to correct ever pay more than 1,000,000 yuan under Article 59(2)?", "No."),
    ("Could an ordinary operator that fixed the issue straight away be fined under 20,000 yuan?", "Yes."),
])
def test_a_figure_with_a_direction_is_answered_by_side(grounded, question, first):
    answer = grounded.ask(question)
    assert answer.ok and answer.text.startswith(first)


def test_not_more_than_is_a_bound_not_a_direction():
    from assistant.answering.reading import stated_directions

    assert stated_directions("Is it not more than 50,000 yuan?") == []
    assert stated_directions("Can it exceed 50,000 yuan?") == [(50000, Bound.AT_LEAST)]
    assert stated_directions("可以低于一万元吗？") == [(10000, Bound.UP_TO)]


def test_yes_no_is_read_from_the_sentence_that_asks():
    from assistant.document.kinds import Want

    frame = read_sentence("We corrected it at once and nothing leaked. Can our fine exceed 50,000 yuan?")
    assert Want.YES_NO in frame.wants


# -- 11. may/shall asked about a stated band, and as an either-or ---------------------------------------------
@pytest.mark.parametrize("question, first", [
    ("Under Article 69, is the 2,000,000 to 10,000,000 yuan fine optional for the regulator?",
     "No: the fine is mandatory"),
    ("Under Article 61, where gains are 500,000 yuan, is the multiple-based fine mandatory?",
     "No: the fine is discretionary"),
    ("Under Article 67, is the fine on the responsible personnel optional or compulsory?", "The fine is mandatory"),
])
def test_modality_of_the_band_asked(grounded, question, first):
    answer = grounded.ask(question)
    assert answer.ok and answer.text.startswith(first)


def test_a_stated_basis_is_not_a_claimed_fine(grounded):
    answer = grounded.ask("Illegal gains of 60,000 yuan under Article 61: is the fine 30,000 to 100,000 yuan?")
    assert answer.ok and answer.text.startswith("Yes.")


# -- 12. asked about a penalty article's circumstances or modality, the law in force answers with its bands ----
@pytest.mark.parametrize("question, kept", [
    ("Under the law in force, what follows for an operator under Article 61 when 拒不改正?", (50000, 500000)),
    ("In the law in force, is what Article 65 imposes on the responsible staff mandatory?", (10000, 100000)),
])
def test_in_force_band_properties_answer_with_bands(question, kept):
    a = _adopted(question)
    assert kept in _ranges(a) and "Article 6" in a.text and "How the Decision changes it" not in a.text


# -- 13. a fine asked of conduct whose provision sets none: that provision, not the nearest fining one --------
@pytest.mark.parametrize("question, article", [
    ("Law in force: how big a fine does a critical infrastructure operator face for keeping important data on "
     "servers abroad?", "71"),
    ("Under the law in force, how much is the fine when an operator actively mitigated the harm and it was a "
     "first minor offence promptly corrected, or can it be exempted?", "73"),
])
def test_in_force_fine_for_conduct_of_a_provision_without_fines(question, article):
    a = _adopted(question)
    assert f"Article {article} of the law in force sets no fine amount of its own" in a.text
    assert not _ranges(a)


def test_in_force_fine_asked_of_an_article_without_fines_says_so():
    a = _adopted("Under the law in force, what fine does Article 20 on artificial intelligence set?")
    assert "Article 20 of the law in force sets no fine amount of its own" in a.text and not _ranges(a)


# -- 14. a summary of an article's mildest and gravest bands names each band's own subject -------------------
def test_mildest_and_gravest_persons_bands_keep_their_figures(grounded):
    answer = grounded.ask("Article 59(3): what fines can the responsible individuals get?")
    assert answer.ok and "not supported by the text was removed" not in answer.text
    assert "200,000 to 1,000,000 yuan" in answer.text.split("\n", 1)[0]


# -- 15. a quoted phrase is found whatever its number or hyphens; "who counts as" asks for a definition -------
@pytest.mark.parametrize("phrase", ["directly liable personnel", "person in charge", "closures of website",
                                    "suspension of operation for rectification"])
def test_quoted_phrase_found_in_singular_plural_or_unhyphenated(corpus, phrase):
    from assistant.answering.text_answers import phrase_answer

    assert "does not appear" not in phrase_answer(phrase, corpus)[0]


def test_quoted_phrase_absent_is_still_said(corpus):
    from assistant.answering.text_answers import phrase_answer

    assert "does not appear" in phrase_answer("data broker", corpus)[0]


@pytest.mark.parametrize("question", ["Who counts as 'other directly liable personnel'?",
                                      "What exactly counts as a 'specialized cybersecurity product'?"])
def test_who_counts_as_is_a_definition_gap(question):
    from assistant.answering.gaps import find_gap

    assert (g := find_gap(question)) is not None and g.name == "definition"


# -- 16. enforcement records and fines that accrue: facts the texts do not give --------------------------------
@pytest.mark.parametrize("question, gap", [
    ("What's the biggest fine actually imposed under the Cybersecurity Law so far?", "enforcement"),
    ("Are there statistics on Article 59 penalties?", "enforcement"),
    ("Give me some recent cases of CII operators punished under this law.", "enforcement"),
    ("Does the draft fine a non-compliant operator on a daily basis until it fixes things?", "accrual"),
    ("Is the Article 69 fine counted per post of prohibited content, i.e. per violation?", "accrual"),
])
def test_enforcement_and_accrual_are_gaps(question, gap):
    from assistant.answering.gaps import find_gap

    assert (g := find_gap(question)) is not None and g.name == gap


@pytest.mark.parametrize("question", [
    "How many times higher is the top CII fine than the base one?",
    "Our platform's daily operations stopped for a week; what fine applies?",
    "If a company was fined under Article 59 last year, what is the fine now for refusing again?",
])
def test_near_misses_are_not_enforcement_or_accrual_gaps(question):
    from assistant.answering.gaps import find_gap

    g = find_gap(question)
    assert g is None or g.name not in ("enforcement", "accrual")


# -- 17. "the penalty for X" asks X's fine, not the provision on lighter penalties ----------------------------
@pytest.mark.parametrize("question, kept", [
    ("law in force: penalty for selling uncertfied network gear, zero profit?", (20000, 100000)),
    ("Under the law in force, what's the punishment for not stopping transmission of prohibited information?",
     (50000, 500000)),
])
def test_in_force_penalty_for_conduct_is_its_fine(question, kept):
    a = _adopted(question)
    assert kept in _ranges(a) and "第七十三条" not in a.text


# -- 18. "which agency?" about the law in force: the gap, unless the provision names one ---------------------
@pytest.mark.parametrize("question", ["Under the law in force, which regulator fines a CII operator under Article 61?",
                                      "现行法第六十五条由哪个部门处罚？"])
def test_in_force_agency_not_named_is_a_gap(question):
    from assistant.answering.adopted import answer

    a = answer(question)
    assert a.refused and a.ok and "有关主管部门" in a.text


def test_in_force_agency_named_by_the_provision_is_answered():
    from assistant.answering.adopted import answer

    a = answer("Law in force: which authority punishes someone who steals personal information and sells it, "
               "short of a crime?")
    assert not a.refused and "公安机关" in a.text


# -- 19. "罚多少" asks the fine: the provisions that set fines, not a provision that merely names the operator --
@pytest.mark.parametrize("question, kept", [
    ("现行法下，关键信息基础设施运营者拒不改正，单位要罚多少？", (100000, 1000000)),
    ("修改后的法律，网络运营者拒不改正的怎么罚？", (50000, 500000)),
])
def test_in_force_chinese_how_much_goes_to_the_fining_provision(question, kept):
    a = _adopted(question)
    assert kept in _ranges(a) and "第七十一条" not in a.text


@pytest.mark.parametrize(("text", "subjects"), [
    ("In the law in force, what can the managers of a network operator be fined personally if the company "
     "refuses to rectify?", {Subject.INDIVIDUAL}),  # 'of a network operator' says whose managers
    ("Could the head of security at our operator be fined personally?", {Subject.INDIVIDUAL}),
    ("How much could I personally be fined if our operator refuses to correct?", {Subject.INDIVIDUAL}),
    ("What can the operator be fined, and me personally?", {Subject.INDIVIDUAL, Subject.ENTITY}),
])
def test_personally_keeps_the_operator_only_when_its_own_fine_is_asked(text, subjects):
    assert read_sentence(text).subjects == subjects


@pytest.mark.parametrize(("text", "subjects"), [
    ("What fine could our firm face, and me personally?", {Subject.INDIVIDUAL, Subject.ENTITY}),
    ("What could the company pay, and what could I personally pay?", {Subject.INDIVIDUAL, Subject.ENTITY}),
    ("How much could I personally face if the operator refuses?", {Subject.INDIVIDUAL}),
    ("What could the managers face if the operator refuses?", {Subject.INDIVIDUAL}),
])
def test_what_the_operator_could_face_asks_its_own_fine(text, subjects):
    assert read_sentence(text).subjects == subjects

"""Properties: extraction and checking never raise, spans stay inside the text, checks are idempotent."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.checking.checker import check_answer
from assistant.checking.claims import extract_claims

FRAGMENTS = ["Article 59(3)", "Art. 61", "第五十九条第三款", "old Article 65", "amendment item 4",
             "2,000,000 to 10,000,000 yuan", "200,000 to 1,000,000 yuan", "1 to 3 times the illegal gains",
             "1–10x the procurement amount", "up to 5,000,000 yuan", "RMB 50k", "二百万元以上一千万元以下",
             "一倍以上三倍以下", "in 2017", "September 2023", "28 October 2025", "four key points", "3 paragraphs",
             "5%", "on the directly responsible persons-in-charge", "on the operator", "particularly serious",
             "illegal gains of 400,000 yuan", "[Art. 59(3)]", "(Explanation, section 1)", "。", ". ", "; ", "\n",
             "-", "–", "to", "between", "and", "not less than", "but not more than", "以上", "以下", "元", "万", "倍"]
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
legal_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=25).map(" ".join)


@SETTINGS
@given(st.text())
def test_extract_never_raises_and_spans_are_inside(text):
    for c in extract_claims(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        assert c.sentence[0] <= c.start and c.end <= c.sentence[1] <= len(text)


@SETTINGS
@given(legal_text)
def test_spans_inside_on_legal_looking_text(text):
    claims = extract_claims(text)
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for a, b in zip(claims, claims[1:], strict=False):
        assert a.end <= b.start  # claims never overlap
    for c in claims:
        assert text[c.start:c.end] == c.text
        if c.kind in ("amount", "range"):
            assert all(type(v) is int for v in ([c.value] if c.kind == "amount" else c.value))


@SETTINGS
@given(st.one_of(st.text(), legal_text), st.one_of(st.none(), st.text(max_size=40), legal_text),
       st.one_of(st.none(), st.lists(st.sampled_from(["art59.p3", "expl.1", "59", "999", "x", "amend.4", ""]),
                                     max_size=3)))
def test_check_never_raises(text, question, cited):
    report = check_answer(text, question=question, cited=cited)
    assert report.ok == all(c.verdict == "verified" for c in report.claims)
    for c in report.claims:
        assert c.verdict in ("verified", "contradicted", "unsupported")
        assert (c.correction is not None) <= (c.verdict == "contradicted")


@SETTINGS
@given(legal_text, st.one_of(st.none(), legal_text))
def test_rechecking_is_idempotent(text, question):
    first = check_answer(text, question=question)
    again = check_answer(text, question=question)
    assert first == again
    assert first.as_dict() == again.as_dict()


@SETTINGS
@given(st.lists(st.sampled_from([
    "Under Article 59(3), a fine of 2,000,000 to 10,000,000 yuan shall be imposed on the operator "
    "for particularly serious consequences.",
    "Article 61 allows 1 to 3 times the illegal gains.",
    "第六十七条：处采购金额一倍以上十倍以下罚款。",
    "The Cybersecurity Law came into force in 2017 (Explanation, section 1).",
    "Old Article 65 is renumbered as Article 67.",
]), min_size=1, max_size=6))
def test_verified_sentences_stay_verified_when_combined(sentences):
    text = "\n".join(sentences)
    report = check_answer(text)
    assert report.ok, [(c.claim.text, c.verdict) for c in report.problems()]
    assert check_answer(text) == report

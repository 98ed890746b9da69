"""A sentence's cue words read off a window around it are exactly those of the whole text (checking/cues)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.checking import cues
from assistant.checking.claims import extract_claims
from assistant.checking.context import AnswerContext
from assistant.document.corpus import load
from assistant.document.fines import table

WORDS = ["shall", "may", "may not", "must", "not required", "required", "requirequire", "need not",
         "no discretiono discretion", "discretionary", "应当", "可以", "not", "never", "n't", "other", "其他",
         "dollars", " won", "won", "$", "€", "yuan", "Article 59(3)", "a fine of 10,000 to 100,000 yuan", "; ", ". ",
         "\n", "\n- ", "。", "；", "İ", "ſ", "Shall", "MAY", "obliged", "optional", "5,000 yuan"]
text_of = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_of)
def test_window_cues_equal_whole_text_cues(text):
    claims = extract_claims(text)
    ctx = AnswerContext(text, claims, None, None, load(), table())
    low = text.lower()
    for span in {c.sentence for c in claims}:
        found = cues.sentence_cues(ctx, span)
        if len(low) == len(text):
            assert found == cues._from_text(cues._text_cues(ctx, low), span), (text, span)


def test_overlapping_words_are_the_ones_with_a_border():
    assert set(cues.OVERLAPPING) == {"require", "no discretion"}
    assert max(map(len, cues._WORDS)) < cues.PAD


def test_a_cue_belongs_to_the_sentence_it_starts_in():
    text = "A fine of 5,000 yuan may be imposed; not on the other one; other dollars."
    claims = extract_claims(text)
    ctx = AnswerContext(text, claims, None, None, load(), table())
    first = cues.sentence_cues(ctx, claims[0].sentence)
    assert [kind for _, _, kind in first.modals] == ["may"]
    assert (first.negation, first.others, first.foreign) == (False, False, False)

"""The regex pre-check never says "no match" where the pattern matches (checking/prefilter)."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.checking import context, fines, relations, versioned, wording
from assistant.checking.prefilter import Prefiltered, foldable, required_words

GUARDED = {name: p for module in (context, fines, relations, versioned, wording) for name, p in vars(module).items()
           if isinstance(p, Prefiltered)}


def test_the_checker_guards_its_slow_patterns_with_words():
    slow = {"OLD_NUMBERS", "RENUMBERS", "MAXIMUM", "MINIMUM", "IN_FORCE", "CAP", "FINE_WORDS"}
    assert slow <= set(GUARDED)
    assert all(p.words for p in GUARDED.values()), [n for n, p in GUARDED.items() if not p.words]


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\b(?:old|former(?:ly)?)\b|原", {"old", "former", "原"}),
    (r"(?i:Explanation)\s+(\d)", {"explanation"}),
    (r"law in force|in force (?:now|today)", {"law in force", "in force "}),
    (r"\d+(?:yuan)?", None),  # a match may hold no literal at all
    (r"a|b*", None),
    (r"(?<!not\s)serious(?=\s)", {"serious"}),
])
def test_required_words(pattern, words):
    assert required_words(re.compile(pattern, re.I)) == (frozenset(words) if words else None)


def test_odd_case_folds_always_run_the_pattern():
    """'ſ' (long s) and the Kelvin sign match 's' and 'k' under IGNORECASE but do not lower to them."""
    p = Prefiltered(re.compile(r"\bserious\b", re.I))
    for text in ("ſerious", "SERIOUS", "Serious"):
        assert p.search(text) and p.possible(text)
    assert not foldable("\u212a") and foldable("Article 59 罚款")
    assert p.search("nothing here") is None and list(p.finditer("nothing here")) == []


@pytest.mark.parametrize("name", sorted(GUARDED))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_passes_the_precheck(name, data):
    pattern = GUARDED[name].pattern
    text = data.draw(st.from_regex(pattern))
    if pattern.search(text):
        assert GUARDED[name].possible(text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1.", "2)", "(3)", "12.", "- ", "* ", "• ", "#", " ", "\t", "\n", "x", "4.\t",
                                 "\n\n"]), max_size=30).map("".join))
def test_list_markers_are_found_at_line_starts_as_by_a_full_scan(text):
    from assistant.checking.citations import _list_markers
    from assistant.checking.patterns import LIST_MARKER_RE

    assert [m.span() for m in _list_markers(text)] == [m.span() for m in LIST_MARKER_RE.finditer(text)]

"""Draft <-> adopted alignment and the band diff, against golden tables checked by hand."""

import pytest

from assistant.document import corpus, decision
from assistant.document.alignment import Carry, alignment, current_to_adopted, draft_to_current
from assistant.document.band_diff import BandChange, band_links, links_for_draft_article
from assistant.document.refs import Ref

ARTICLES = {  # draft article -> adopted article(s) that carry it
    "59": ("61",), "61": ("63",), "62": ("64",), "63": ("65",), "64": ("62", "65"), "66": ("71",),
    "67": ("67",), "69": ("69",), "71": ("71",), "72": ("73",),
}
PROVISIONS = [  # draft unit -> adopted units, how
    ("art59.p1", ("adopted.art61.p1",), Carry.SAME_ORIGIN),
    ("art59.p2", ("adopted.art61.p2",), Carry.SAME_ORIGIN),
    ("art59.p3", ("adopted.art61.p3",), Carry.SAME_ORIGIN),
    ("art61.p1", ("adopted.art63.p1",), Carry.CONTENT),
    ("art64.p1", ("adopted.art62.p2", "adopted.art65.p2"), Carry.CONTENT),
    ("art67.p1", ("adopted.art67.p1",), Carry.SAME_ORIGIN),
    ("art69.p1", ("adopted.art69.p1",), Carry.SAME_ORIGIN),
    ("art69.p2", ("adopted.art69.p2",), Carry.SAME_ORIGIN),
    ("art69.p3", ("adopted.art69.p3",), Carry.SAME_ORIGIN),
    ("art71.p1", ("adopted.art71.p1",), Carry.SAME_ORIGIN),
    ("art71.i1", ("adopted.art71.i1",), Carry.SAME_ORIGIN),
    ("art71.i2", ("adopted.art71.i2",), Carry.SAME_ORIGIN),
    ("art71.i3", ("adopted.art71.i3",), Carry.SAME_ORIGIN),
    ("art72.p1", ("adopted.art73.p1",), Carry.CONTENT),
    ("art72.p2", (), Carry.NONE),  # discretion benchmarks: not in the adopted law
]
MOVES = [  # draft unit, reference in the draft, reference in the adopted text (all confirmed in the adopted text)
    ("art59.p1", "Art. 21", "Art. 23"), ("art59.p1", "Art. 25", "Art. 27"),
    ("art59.p2", "Art. 33", "Art. 35"), ("art59.p2", "Art. 34", "Art. 36"), ("art59.p2", "Art. 36", "Art. 38"),
    ("art59.p2", "Art. 38", "Art. 40"), ("art61.p1", "Art. 23", "Art. 25"),
    ("art64.p1", "Art. 60, item (1)", "Art. 62, item (1)"), ("art64.p1", "Art. 60, item (2)", "Art. 62, item (2)"),
    ("art64.p1", "Art. 63", "Art. 65"), ("art64.p1", "Art. 59(3)", "Art. 61(3)"),
    ("art67.p1", "Art. 35", "Art. 37"), ("art69.p1", "Art. 47", "Art. 49"), ("art69.p1", "Art. 50", "Art. 52"),
    ("art69.p3", "Art. 48(2)", "Art. 50(2)"), ("art71.i1", "Art. 12(2)", "Art. 13(2)"),
    ("art71.i2", "Art. 22(3)", "Art. 24(3)"), ("art71.i2", "Art. 41", "Art. 43"), ("art71.i2", "Art. 42", "Art. 44"),
    ("art71.i2", "Art. 43", "Art. 45"), ("art71.i3", "Art. 37", "Art. 39"),
]
BANDS = [  # draft band, adopted band, status, changes (field, draft, adopted)
    ("art59.p1.f1", "adopted.art61.p1.f1", "unchanged", ()),
    ("art59.p1.f2", "adopted.art61.p1.f2", "unchanged", ()),
    ("art59.p1.f3", "adopted.art61.p1.f3", "unchanged", ()),
    ("art59.p2.f1", "adopted.art61.p2.f1", "unchanged", ()),
    ("art59.p2.f2", "adopted.art61.p2.f2", "unchanged", ()),
    ("art59.p2.f3", "adopted.art61.p2.f3", "unchanged", ()),
    ("art59.p3.f1", "adopted.art61.p3.f1", "unchanged", ()),
    ("art59.p3.f2", "adopted.art61.p3.f2", "changed", (("modality", "may", "shall"),)),
    ("art59.p3.f3", "adopted.art61.p3.f3", "unchanged", ()),
    ("art59.p3.f4", "adopted.art61.p3.f4", "unchanged", ()),
    ("art61.p1.f1", "adopted.art63.p1.f2", "changed", (
        ("max", "3x", "5x"), ("modality", "may", "shall"),
        ("threshold", "illegal gains more than 100,000 yuan", "illegal gains of 100,000 yuan or more"))),
    ("art61.p1.f2", "adopted.art63.p1.f1", "changed", (("min", "30,000 yuan", "20,000 yuan"),
                                                        ("modality", "may", "shall"))),
    ("art67.p1.f1", "adopted.art67.p1.f1", "unchanged", ()),
    ("art67.p1.f2", "adopted.art67.p1.f2", "unchanged", ()),
    ("art69.p1.f1", "adopted.art69.p1.f1", "unchanged", ()),
    ("art69.p1.f2", "adopted.art69.p1.f2", "unchanged", ()),
    ("art69.p1.f3", "adopted.art69.p1.f3", "changed", (("modality", "may", "shall"),)),
    ("art69.p2.f1", "adopted.art69.p2.f1", "unchanged", ()),
    ("art69.p2.f2", "adopted.art69.p2.f2", "changed", (("modality", "may", "shall"),)),
    (None, "adopted.art65.p1.f1", "new", ()),
    (None, "adopted.art65.p1.f2", "new", ()),
    (None, "adopted.art65.p1.f3", "new", ()),
]


@pytest.fixture(scope="module")
def aligned():
    return alignment()


def test_article_alignment(aligned):
    assert aligned.articles == ARTICLES


def test_provision_alignment(aligned):
    got = [(p.draft_unit, p.adopted_units, p.carry) for p in aligned.provisions if p.draft_unit]
    assert got == PROVISIONS


def test_every_link_quotes_both_texts(aligned):
    draft, dec = corpus.load(), decision.load()
    for link in aligned.provisions:
        if link.draft_unit:
            assert link.draft_quote == draft.unit(link.draft_unit).text
        assert list(link.adopted_quotes) == [dec.unit(u).text for u in link.adopted_units] or not link.draft_unit


def test_renumbering_moves_are_derived_and_confirmed_in_the_adopted_text(aligned):
    got = [(p.draft_unit, m.draft.short(), m.adopted.short()) for p in aligned.provisions for m in p.ref_moves]
    assert got == MOVES
    assert all(m.confirmed for p in aligned.provisions for m in p.ref_moves)


def test_current_law_numbers_move_as_the_decision_says():
    dec = decision.load()
    assert current_to_adopted(Ref("21"), dec) == Ref("23")
    assert current_to_adopted(Ref("12", 2), dec) == Ref("13", 2)
    assert current_to_adopted(Ref("2"), dec) == Ref("2")
    assert current_to_adopted(Ref("63"), dec) == Ref("66")  # after added Article 63, before merged-away 64
    assert current_to_adopted(Ref("69", item=1), dec) == Ref("69")
    assert current_to_adopted(Ref("69", item=2), dec) is None  # not stated by the Decision
    assert current_to_adopted(Ref("72"), dec) is None  # after the merges: left to republication


def test_the_insertion_shift_agrees_with_every_explicit_renumbering_before_the_merges():
    dec = decision.load()
    for item in dec.items:
        for old in item.old:
            if int(old.article) < 64 and len(item.old) == 1:
                shifted = int(old.article) + sum(1 for i in dec.items if i.kind == "article_added"
                                                 and int(i.new) <= int(item.new))
                assert str(shifted) == item.new


def test_draft_numbers_to_current_law():
    draft = corpus.load()
    assert draft_to_current(Ref("63"), draft) == Ref("62")
    assert draft_to_current(Ref("59", 3), draft) == Ref("59", 3)
    assert draft_to_current(Ref("21"), draft) == Ref("21")
    assert draft_to_current(Ref("61"), draft) is None  # added by the draft: no current-law number


def test_band_diff_golden_table():
    got = [(b.draft.id if b.draft else None, b.adopted.id if b.adopted else None, b.status.value,
            tuple((c.field, c.draft, c.adopted) for c in b.changes)) for b in band_links()]
    assert got == BANDS


def test_diff_of_draft_61_shows_the_acceptance_figures():
    rows = links_for_draft_article("61")
    fixed = next(r for r in rows if r.draft and r.draft.kind == "amount")
    assert (fixed.draft.min, fixed.adopted.min, fixed.adopted.max) == (30_000, 20_000, 100_000)
    assert fixed.adopted.article == "63" and fixed.status is BandChange.CHANGED


def test_new_bands_of_adopted_65_belong_to_draft_63():
    rows = links_for_draft_article("63")
    assert [r.status for r in rows] == [BandChange.NEW] * 3

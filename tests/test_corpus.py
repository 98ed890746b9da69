from pathlib import Path

import pytest

from assistant.document.corpus import parse, read_text
from assistant.document.refs import Ref

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "csl_draft_amendment_2.txt"


def test_shipped_copy_matches_shared_corpus_when_present():
    if not SHARED.exists():
        pytest.skip("shared/ corpus not beside this checkout")
    assert read_text() == SHARED.read_text(encoding="utf-8")


def test_eight_amendment_items_with_kinds(corpus):
    kinds = [(i.number, i.kind, i.new) for i in corpus.items]
    assert kinds == [
        (1, "revised", ("59",)), (2, "added", ("61",)), (3, "added", ("64",)),
        (4, "renumbered", ("67",)), (5, "merged", ("69",)), (6, "merged", ("71",)),
        (7, "added", ("72",)), (8, "partial", ("62", "63", "66")),
    ]
    assert corpus.items[4].old == (Ref("68"), Ref("69", item=1))
    assert corpus.items[5].old == (Ref("64", paragraph=1), Ref("66"), Ref("70"))
    assert corpus.items[7].phrase_change == ("closing of websites", "closing of websites or applications")


def test_article_units_have_stable_ids(corpus):
    ids = {n: [u.id for u in a.units] for n, a in corpus.articles.items()}
    assert ids["59"] == ["art59.p1", "art59.p2", "art59.p3"]
    assert ids["61"] == ["art61.p1"]
    assert ids["69"] == ["art69.p1", "art69.p2", "art69.p3"]
    assert ids["71"] == ["art71.p1", "art71.i1", "art71.i2", "art71.i3"]
    assert ids["72"] == ["art72.p1", "art72.p2"]
    assert ids["62"] == ids["63"] == ids["66"] == []


def test_unit_text_is_exact_and_unquoted(corpus):
    p3 = corpus.unit("art59.p3").text
    assert p3.startswith("Anyone who commits the acts specified in the preceding two paragraphs")
    assert p3.endswith("on the directly responsible persons-in-charge.")
    assert p3 in " ".join(read_text().split())
    for unit in corpus.units():
        assert not unit.text.startswith("“") and not unit.text.endswith("”")
    assert corpus.unit("art71.i3").text.startswith("(3) Violating the provisions of Article 37")


def test_renumber_only_articles_have_no_invented_text(corpus):
    for number, old in (("62", Ref("61")), ("63", Ref("62")), ("66", Ref("64", paragraph=2))):
        art = corpus.articles[number]
        assert not art.text_included and art.units == () and art.old == (old,)
    assert "closing of websites or applications" in corpus.articles["62"].note
    assert "closing of websites" not in corpus.articles["66"].note


def test_explanation_sections(corpus):
    ids = [s.id for s in corpus.sections]
    assert ids == ["expl.preamble", "expl.1", "expl.2", "expl.3.1", "expl.3.2", "expl.3.3", "expl.3.4"]
    assert corpus.unit("expl.1").text.startswith("Since the Cybersecurity Law came into force in 2017")
    assert "In September 2023" in corpus.unit("expl.1").text
    assert corpus.unit("expl.3.4").title.endswith("Exempted Administrative Penalties")


def test_renumbering_map_is_exactly_what_the_text_states(corpus):
    pairs = {(e.old.label() if e.old else None, e.new, e.kind) for e in corpus.renumbering}
    assert pairs == {
        ("Article 59", "59", "revised"), (None, "61", "added"), (None, "64", "added"),
        ("Article 65", "67", "renumbered"), ("Article 68", "69", "merged"),
        ("Item (1) of Article 69", "69", "merged"), ("Paragraph 1 of Article 64", "71", "merged"),
        ("Article 66", "71", "merged"), ("Article 70", "71", "merged"), (None, "72", "added"),
        ("Article 61", "62", "renumbered"), ("Article 62", "63", "renumbered"),
        ("Paragraph 2 of Article 64", "66", "renumbered"),
    }
    assert corpus.residual_rule == "the serial numbers of the relevant articles are adjusted accordingly"


def test_referenced_but_not_included(corpus):
    assert set(corpus.referenced) == {"12", "21", "22", "23", "25", "33", "34", "35", "36", "37", "38",
                                      "41", "42", "43", "47", "48", "50", "60", "63"}
    assert corpus.referenced["21"] == ("art59.p1",)


def test_page_residue_is_not_indexed(corpus):
    assert all("发表回复" not in u.text for u in corpus.units())


def test_parse_rejects_a_text_without_explanation():
    with pytest.raises(ValueError):
        parse("1. Article 59 is revised to read:\n\n“x”")


def test_hash_identifies_the_text(corpus):
    assert corpus.sha256 == parse(read_text()).sha256
    assert parse(read_text() + " ").sha256 != corpus.sha256

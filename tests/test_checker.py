"""The checker's verdicts: the composer's phrasings verify, wrong figures are contradicted with the right one."""

import argparse
import io
import json

import pytest

from assistant.checking.checker import check_answer
from assistant.cli import check as check_cli

ART59_3 = ("Under Article 59(3), where the acts cause particularly serious cybersecurity consequences such as total "
           "loss of main functions of critical information infrastructure, the competent authorities shall impose a "
           "fine of 2,000,000 to 10,000,000 yuan on the operator and a fine of 200,000 to 1,000,000 yuan on the "
           "directly responsible persons-in-charge.")
ART61 = ("Article 61: if the illegal gains exceed 100,000 yuan, an additional fine of 1 to 3 times the illegal gains "
         "may be imposed; with illegal gains of 400,000 yuan that is 400,000 to 1,200,000 yuan.")
ART61_Q = "What is the fine if illegal gains are 400,000 yuan?"
ART67 = ("Article 67 (old Article 65): a fine of 1 to 10 times the procurement amount; for a procurement amount of "
         "2,000,000 yuan that is 2,000,000 to 20,000,000 yuan, plus 10,000 to 100,000 yuan on the directly "
         "responsible persons-in-charge and other directly liable personnel.")
EXPL = ("Since the Cybersecurity Law came into force in 2017 ... In September 2023 the Legislative Plan of the "
        "Standing Committee of the 14th National People's Congress was released (Explanation, section 1).")
CHINESE = ("第五十九条第三款：特别严重的，处二百万元以上一千万元以下罚款，"
           "对直接负责的主管人员处二十万元以上一百万元以下罚款。")


def verdicts(report):
    return {c.claim.text: c.verdict for c in report.claims}


def claim(report, text):
    (found,) = [c for c in report.claims if c.claim.text == text]
    return found


@pytest.mark.parametrize("text,question,cited", [
    (ART59_3, None, None),
    (ART61, ART61_Q, None),
    (ART67, None, None),
    (EXPL, None, ["expl.1"]),
    (CHINESE, None, None),
])
def test_composer_phrasings_verify(text, question, cited):
    report = check_answer(text, question=question, cited=cited)
    assert report.ok, [(c.claim.text, c.verdict, c.correction) for c in report.claims if c.verdict != "verified"]
    assert report.claims


def test_evidence_names_the_band_and_quotes_it_exactly(table):
    report = check_answer(ART59_3)
    band = claim(report, "2,000,000 to 10,000,000 yuan")
    (ev_id, quote), = band.evidence
    source = {b.id: b for b in table.bands}[ev_id]
    assert (source.article, source.paragraph, source.subject) == ("59", 3, "entity")
    assert source.tier == "particularly_serious"
    assert quote == source.quote
    person = claim(report, "200,000 to 1,000,000 yuan")
    assert {b.id: b for b in table.bands}[person.evidence[0][0]].subject == "individual"


def test_basis_from_the_question_is_marked_as_such():
    report = check_answer(ART61, question=ART61_Q)
    assert claim(report, "400,000 yuan").evidence == (("question", "400,000 yuan"),)
    assert claim(report, "100,000 yuan").verdict == "verified"


@pytest.mark.parametrize("text,bad,correction", [
    ("Article 59(3) allows fines of up to 5,000,000 yuan for particularly serious consequences.",
     "up to 5,000,000 yuan", "Article 59(3): 2,000,000 to 10,000,000 yuan (entity, particularly serious)"),
    ("The directly responsible persons-in-charge face 2,000,000 to 10,000,000 yuan under Article 59(3).",
     "2,000,000 to 10,000,000 yuan", "Article 59(3): 200,000 to 1,000,000 yuan (individual, particularly serious)"),
    ("Article 61 allows 1 to 10 times the illegal gains.", "1 to 10 times the illegal gains",
     "Article 61: 1 to 3 times the illegal gains (entity, base)"),
    ("See Article 59(5).", "Article 59(5)", "Article 59 has 3 paragraph(s)"),
    ("See Article 999.", "Article 999", "there is no Article 999"),
    ("Article 69: 50,000 to 500,000 yuan for the responsible persons.", "50,000 to 500,000 yuan",
     "Article 69(1): 50,000 to 200,000 yuan (individual, refuses or serious)"),
    ("The maximum fine in the draft is 5,000,000 yuan.", "5,000,000 yuan", "2,000,000 to 10,000,000 yuan"),
    ("Individuals can face up to 10 million yuan under Article 59.", "up to 10 million yuan",
     "200,000 to 1,000,000 yuan (individual"),
    ("Article 72 sets the 10 million yuan fine for data leaks.", "10 million yuan", "Article 72 states no fine"),
    ("第五十九条第一款：拒不改正的，对直接负责的主管人员处五万元以上五十万元以下罚款。", "五万元以上五十万元以下",
     "Article 59(1): 10,000 to 100,000 yuan (individual, refuses or serious)"),
    ("第六十一条：处违法所得一倍以上五倍以下罚款。", "一倍以上五倍以下", "1 to 3 times the illegal gains"),
    ("根据第六十九条，最高罚款为一亿元。", "一亿元", "10,000,000 yuan"),
    ("Article 65 now covers network products.", "Article 65", "now Article 67"),
    ("The Explanation lists five guiding ideas.", "five guiding ideas", "4 guiding ideas"),
    ("Article 59 has four paragraphs.", "four paragraphs", "3 paragraphs"),
    ("The Cybersecurity Law came into force in 2016.", "2016", "2017"),
    ("Since the Cybersecurity Law came into force in 2018, it has provided strong legal guarantees.", "2018", "2017"),
])
def test_wrong_figures_are_contradicted_with_the_right_one(text, bad, correction):
    report = check_answer(text)
    assert not report.ok
    found = claim(report, bad)
    assert found.verdict == "contradicted"
    assert correction in found.correction


@pytest.mark.parametrize("text,question,bad", [
    ("The fine can reach 5% of annual turnover.", None, "5%"),
    ("The draft was published in April 2025.", None, "April 2025"),
    ("Fines range from 10,000 to 10,000,000 yuan across the draft.", None, "from 10,000 to 10,000,000 yuan"),
    ("The draft does not say what happens to Article 40 of the current law.", None, "Article 40 of the current law"),
    ("At exactly 100,000 yuan of illegal gains, the fine is 100,000 to 300,000 yuan under Article 61.",
     "What fine band applies under Article 61 if the illegal gains are exactly 100,000 yuan?",
     "100,000 to 300,000 yuan"),
    ("With illegal gains of exactly 100,000 yuan, Article 61 allows 30,000 to 100,000 yuan.",
     "What if the illegal gains are exactly 100,000 yuan?", "30,000 to 100,000 yuan"),
])
def test_unknowable_figures_are_unsupported(text, question, bad):
    report = check_answer(text, question=question)
    assert not report.ok
    found = claim(report, bad)
    assert (found.verdict, found.correction) == ("unsupported", None)


@pytest.mark.parametrize("text,question,ok", [
    ("The fine would be 2,000,000 to 20,000,000 yuan [Art. 67(1)].",
     "A CII operator bought 2 million yuan worth of network products that never went through security review.", True),
    ("Article 67 allows a fine of up to 20,000,000 yuan.", "采购金额200万，罚款多少？", True),
    ("The fine would be 4,000,000 to 40,000,000 yuan [Art. 67(1)].",
     "A CII operator bought 2 million yuan worth of network products.", False),
    ("Under Article 61 the fine is 1,000,000 to 3,000,000 yuan.", "art. 61 illegal gains 1m -> fine range", True),
    ("With illegal gains of 50,000 yuan, Article 61 allows 30,000 to 100,000 yuan.",
     "If the illegal gains were 50,000 yuan, what fine range applies?", True),
    ("With illegal gains of 50,000 yuan, Article 61 allows 50,000 to 150,000 yuan.",
     "If the illegal gains were 50,000 yuan, what fine range applies?", False),
    ("With illegal gains of 400,000 yuan, Article 61 allows 30,000 to 100,000 yuan.",
     "What if illegal gains are 400,000 yuan?", False),
    ("With illegal gains of 500,000 yuan, Article 61 allows 500,000 to 1,500,000 yuan.",
     "What if illegal gains are 400,000 yuan?", False),
])
def test_computed_amounts_follow_basis_and_threshold(text, question, ok):
    assert check_answer(text, question=question).ok is ok


def test_threshold_rule_correction_names_the_right_band():
    report = check_answer("With illegal gains of 400,000 yuan, Article 61 allows 30,000 to 100,000 yuan.",
                          question="What if illegal gains are 400,000 yuan?")
    fix = claim(report, "30,000 to 100,000 yuan").correction
    assert "exceed 100,000 yuan" in fix and "400,000 to 1,200,000 yuan" in fix


def test_a_basis_other_than_the_question_is_contradicted():
    report = check_answer("With illegal gains of 500,000 yuan, Article 61 allows 500,000 to 1,500,000 yuan.",
                          question="What if illegal gains are 400,000 yuan?")
    assert claim(report, "500,000 yuan").correction == "400,000 yuan (stated in the question)"


@pytest.mark.parametrize("text", [
    "The maximum fine in the draft is 10,000,000 yuan.",
    "The maximum fine any individual can face under the draft is 1,000,000 yuan (Article 59(3) and Article 69(2)).",
    "The highest fixed fine in the draft is 2,000,000 to 10,000,000 yuan, for particularly serious consequences "
    "under Article 59, paragraph 3 [Art. 59(3)] and Article 69, paragraph 2 [Art. 69(2)].",
    "Article 64 applies the Article 59(3) penalties: 500,000 to 2,000,000 yuan for serious consequences and "
    "2,000,000 to 10,000,000 yuan for particularly serious ones.",
    "Under Article 69(3), providers are fined 50,000 to 500,000 yuan; if they refuse to correct, 500,000 to "
    "2,000,000 yuan.",
    "Under Article 59, an ordinary network operator may be fined 10,000 to 50,000 yuan; if it refuses to correct, "
    "the fine is 50,000 to 500,000 yuan and the directly responsible persons-in-charge face 10,000 to 100,000 yuan.",
    "In serious cases under Article 59(3), e.g. massive data leakage, the operator faces RMB 0.5m–2m and managers "
    "RMB 50k–200k.",
    "第六十七条：处采购金额一倍以上十倍以下罚款，对直接负责的主管人员和其他直接责任人员处一万元以上十万元以下罚款。",
    "根据第六十九条，最高罚款为一千万元。",
    "No. The 10,000,000 yuan maximum is in Article 59(3) [Art. 59(3)], not Article 72.",
])
def test_more_correct_phrasings(text):
    report = check_answer(text)
    assert report.ok, [(c.claim.text, c.verdict, c.correction) for c in report.problems()]


def test_context_falls_back_to_cited_then_question():
    text = "The fine is 500,000 to 2,000,000 yuan for serious consequences."
    assert not check_answer(text, cited=["art61.p1"]).ok
    assert check_answer(text, cited=["art59.p3"]).ok
    assert check_answer(text, cited=["59"]).ok
    assert check_answer(text, question="What does Article 59 paragraph 3 provide?").ok
    no_context = claim(check_answer(text), "500,000 to 2,000,000 yuan")
    assert no_context.verdict == "verified" and {e[0] for e in no_context.evidence} == {"art59.p3.f1"}
    any_tier = claim(check_answer("The fine is 500,000 to 2,000,000 yuan."), "500,000 to 2,000,000 yuan")
    assert {e[0] for e in any_tier.evidence} == {"art59.p3.f1", "art69.p1.f2"}


def test_nearest_preceding_citation_is_the_context():
    ok = check_answer("Article 67 covers unreviewed products.\nThe persons-in-charge face 10,000 to 100,000 yuan.")
    bad = check_answer("Article 69 covers prohibited information.\nThe persons-in-charge face 10,000 to 100,000 yuan.")
    assert ok.ok and not bad.ok


@pytest.mark.parametrize("text,ok", [
    ("Old Article 65 became Article 67; Articles 68 and Item (1) of Article 69 were merged into Article 69.", True),
    ("Article 71 has items (1) to (3); item (3) concerns storing data overseas.", True),
    ("Paragraph 2 of Article 64 is renumbered as Article 66.", True),
    ("Article 64 refers to Items (1) and (2) of Article 60 and Article 63.", True),
    ("Article 71 refers to Paragraph 3 of Article 22.", True),
    ("Article 22, paragraph 5 is cited.", False),
    ("Article 71, item (4) covers it.", False),
    ("Art. 71(3) covers overseas storage.", True),
    ("See amendment item 8 and amendment item 9.", False),
    ("See the Explanation, section 3(4).", True),
    ("See the Explanation, section 5.", False),
    ("[art59.p3] [expl.2] [amend.4]", True),
    ("[art59.p9]", False),
    ("The draft has eight amendment items and the Explanation sets out four key points and four main contents.", True),
    ("Article 59 has three paragraphs and Article 71 has three items.", True),
    ("The draft adds three new articles.", True),
    ("The NPC Standing Committee adopted the amended law on 28 October 2025; it takes effect on 1 January 2026.", True),
    ("The draft was published in March 2025.", True),
    ("The 20th National Congress of the Communist Party of China made arrangements.", True),
])
def test_citations_counts_years(text, ok):
    report = check_answer(text)
    assert report.ok is ok, [(c.claim.text, c.verdict, c.correction) for c in report.claims]


def test_status_does_not_override_an_attributed_passage():
    report = check_answer("In March 2025, the Work Report included the revision of the Cybersecurity Law in the "
                          "legislative work tasks for 2026 (Explanation, section 1).")
    assert claim(report, "2026").correction == "2025"


def test_numberless_answer_is_ok_and_report_is_json():
    assert check_answer("The draft strengthens legal liabilities.").as_dict() == {"ok": True, "claims": []}
    data = check_answer(ART67).as_dict()
    assert json.loads(json.dumps(data)) == data
    first = data["claims"][0]
    assert set(first) == {"text", "start", "end", "kind", "value", "verdict", "evidence", "correction",
                          "checked_against"}
    ranges = [c for c in data["claims"] if c["kind"] == "range"]
    assert ranges[0]["value"] == [2_000_000, 20_000_000]


def test_spans_index_the_answer():
    for c in check_answer(ART67 + "\n" + CHINESE).claims:
        assert (ART67 + "\n" + CHINESE)[c.claim.start:c.claim.end] == c.claim.text


# -- CLI -----------------------------------------------------------------------------------------
def run_cli(argv, stdin_bytes, capsys, monkeypatch):
    parser = argparse.ArgumentParser()
    check_cli.add_args(parser)
    args = parser.parse_args(argv)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding="utf-8"))
    code = check_cli.handle(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_json_ok(capsys, monkeypatch):
    code, out, _ = run_cli(["--json", "--question", ART61_Q], ART61.encode(), capsys, monkeypatch)
    data = json.loads(out)
    assert code == 0 and data["ok"] is True and set(data) == {"ok", "claims"}


def test_cli_readable_report_and_exit_one(capsys, monkeypatch):
    code, out, _ = run_cli([], b"Article 61 allows 1 to 10 times the illegal gains.", capsys, monkeypatch)
    assert code == 1
    assert "[contradicted]" in out and "Article 61: 1 to 3 times the illegal gains" in out


def test_cli_cited_ids(capsys, monkeypatch):
    code, _, _ = run_cli(["--cited", "expl.1", "art59.p3"], EXPL.encode(), capsys, monkeypatch)
    assert code == 0


@pytest.mark.parametrize("argv", [[], ["--json"]])
def test_cli_invalid_utf8_is_a_clear_error(argv, capsys, monkeypatch):
    code, out, err = run_cli(argv, b"fine of \xff\xfe yuan", capsys, monkeypatch)
    assert code == 2
    assert "not valid UTF-8" in (json.loads(out)["error"] if argv else err)


def test_cli_empty_input(capsys, monkeypatch):
    code, _, err = run_cli([], b"  \n", capsys, monkeypatch)
    assert code == 2 and "no answer" in err


def test_cli_namespace_without_parser(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(CHINESE.encode()), encoding="utf-8"))
    assert check_cli.handle(argparse.Namespace(question=None, cited=None, json=False, selftest=False)) == 0
    assert "OK: all 3" in capsys.readouterr().out


def test_cli_tolerates_a_parser_that_already_has_json():
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    check_cli.add_args(parser)
    assert parser.parse_args(["--json", "--selftest"]).selftest


def test_numbered_lists_and_article_lists_do_not_raise_false_alarms():
    text = ("Key fines:\n1. Under Article 59(3), 2,000,000 to 10,000,000 yuan on the operator.\n"
            "2) The top band also appears in Articles 59(3) and 69(2).")
    report = check_answer(text)
    assert report.ok, [(c.claim.text, c.verdict) for c in report.problems()]
    assert not check_answer("See Articles 59(3) and 69(5).").ok


def test_every_unit_quoted_word_for_word_passes_and_an_altered_quote_does_not(corpus):
    """A figure inside a verbatim quotation of the draft is the text's own; change one digit and it is judged."""
    fined = [u for u in corpus.units() if " yuan" in u.text]
    assert fined
    for unit in corpus.units():
        report = check_answer(f"{unit.title}: “{unit.text}”")
        assert report.ok, (unit.id, [(c.claim.text, c.verdict) for c in report.problems()])
    for unit in fined:
        altered = unit.text.replace("0,000 yuan", "0,0000 yuan", 1)
        assert not check_answer(f"{unit.title}: “{altered}”").ok, unit.id

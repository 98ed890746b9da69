"""Every field a fine claim states is checked, not only its figure; each kind has a right and a wrong case."""

from __future__ import annotations

import re

import pytest

from assistant.checking.checker import check_answer
from assistant.checking.claims import extract_claims
from assistant.document.kinds import Modality, Subject, Tier

PAIRS = {
    "modality": ("Under Article 69(1), the operator may be fined 50,000 to 500,000 yuan.",
                 "Under Article 69(1), the operator must be fined 50,000 to 500,000 yuan."),
    "modality after": ("Under Article 67, the fine of one to ten times the procurement amount is mandatory.",
                       "Under Article 67, the fine of one to ten times the procurement amount is discretionary."),
    "modality zh": ("根据第五十九条第二款，可以处五万元以上十万元以下罚款。",
                    "根据第五十九条第二款，应当处五万元以上十万元以下罚款。"),
    "base tier": ("Under Article 59(1), the basic violation may be fined 10,000 to 50,000 yuan.",
                  "Under Article 59(1), an operator that corrects at once may be fined 50,000 to 500,000 yuan."),
    "who": ("Under Article 67, other directly liable personnel shall be fined 10,000 to 100,000 yuan.",
            "Under Article 59(2), other directly liable personnel shall be fined 10,000 to 100,000 yuan."),
    "of an operator": ("Under Article 59(1), the persons-in-charge of a refusing operator shall be fined 10,000 to "
                       "100,000 yuan.", "Under Article 59(1), the persons-in-charge of a refusing operator shall be "
                       "fined 50,000 to 500,000 yuan."),
    "carried subject": ("Persons-in-charge under Article 69: 50,000 to 200,000 yuan if the operator refuses to "
                        "correct, and 200,000 to 1,000,000 yuan for particularly serious consequences.",
                        "Persons-in-charge under Article 69: 50,000 to 200,000 yuan if the operator refuses to "
                        "correct, and 2,000,000 to 10,000,000 yuan for particularly serious consequences."),
    "cap": ("Fines under Article 69 never exceed 10,000,000 yuan.",
            "Fines under Article 69 never exceed 2,000,000 yuan."),
    "cap and multiples": ("Under Article 61, a seller without illegal gains is fined at most 100,000 yuan.",
                          "Under Article 61, the fine can never exceed 100,000 yuan."),
    "negation": ("Under Article 59(3), the operator shall be fined 500,000 to 2,000,000 yuan for serious consequences.",
                 "Under Article 59(3), the operator is not fined 500,000 to 2,000,000 yuan for serious consequences."),
    "currency": ("Under Article 59(1), the base fine is 10,000 to 50,000 yuan.",
                 "Under Article 59(1), the base fine is 10,000 to 50,000 US dollars."),
    "currency zh": ("第五十九条第三款最高罚款一千万元。", "第五十九条第三款最高罚款一千万美元。"),
    "cross-reference": ("Article 67 punishes breaches of Article 35.", "Article 67 punishes breaches of Article 36."),
    "cross-reference paragraph": ("Article 64 applies the penalties of Paragraph 3 of Article 59.",
                                  "Article 64 applies the penalties of Paragraph 2 of Article 59."),
    "cross-reference before the penalty": ("违反第三十五条的，依照第六十七条处采购金额一倍以上十倍以下罚款。",
                                           "违反第三十六条的，依照第六十七条处采购金额一倍以上十倍以下罚款。"),
    "quoted provision with its chip": (
        "Whoever commits any of the acts specified in Items (1) and (2) of Article 60 and Article 63 of this Law and "
        "causes the consequences prescribed in Paragraph 3 of Article 59 is punished under it [Art. 64(1)].",
        "Whoever commits any of the acts specified in Items (1) and (2) of Article 61 and Article 63 of this Law and "
        "causes the consequences prescribed in Paragraph 3 of Article 59 is punished under it [Art. 64(1)]."),
    "parenthesis": ("Art. 59(3), serious: ¥500k–¥2m (entity, shall); ¥50k–¥200k (individuals, may).",
                    "Art. 59(3), serious: ¥500k–¥2m (entity, may); ¥50k–¥200k (individuals, may)."),
    "replaces": ("Article 67 replaces old Article 65.", "Article 67 replaces old Article 64."),
    "renumbering": ("Old Article 65 becomes Article 67.", "Old Article 65 becomes Article 66."),
    "renumbering zh": ("原第六十二条改为第六十三条。", "原第六十二条改为第六十四条。"),
    "merge": ("New Article 71 merges Paragraph 1 of old Article 64, Article 66 and Article 70.",
              "New Article 71 merges Paragraph 1 of old Article 64, Article 66 and Article 68."),
    "number words": ("Under Article 59(3), the operator shall be fined half a million to two million yuan for serious "
                     "consequences.", "Under Article 59(3), the operator shall be fined half a million to three "
                     "million yuan for serious consequences."),
    "number words list": ("Article 69(1): fifty thousand to five hundred thousand yuan.",
                          "Article 69(1): fifty thousand to five hundred and fifty thousand yuan."),
    "decimal millions": ("Under Article 69(1), refusal costs RMB 0.5-2 million.",
                         "Under Article 69(1), refusal costs RMB 0.5-5 million."),
}


@pytest.mark.parametrize("kind", sorted(PAIRS))
def test_right_passes_and_wrong_is_contradicted(kind):
    right, wrong = PAIRS[kind]
    assert check_answer(right).ok, check_answer(right).as_dict()
    report = check_answer(wrong)
    assert not report.ok
    assert any(c.verdict == "contradicted" and c.correction for c in report.claims)


def test_checked_against_is_plain_words_without_ids():
    report = check_answer("Under Article 59(3), the directly responsible persons-in-charge shall be fined 200,000 to "
                          "1,000,000 yuan for particularly serious consequences.").as_dict()
    fine = next(c for c in report["claims"] if c["kind"] == "range")
    assert fine["checked_against"] == ["Art. 59(3), directly responsible persons-in-charge, particularly serious "
                                       "consequences, shall, 200,000 to 1,000,000 yuan"]
    for claim in report["claims"]:
        assert not any(re.search(r"\b(?:art\d+\.|expl\.|amend\.)", s) for s in claim["checked_against"])


def test_a_wrong_modality_names_the_right_band():
    report = check_answer("Under Article 69(1), the operator must be fined 50,000 to 500,000 yuan.")
    wrong = next(c for c in report.claims if c.verdict == "contradicted")
    assert "may, 50,000 to 500,000 yuan" in (wrong.correction or "")


def test_frame_fields_are_read():
    from assistant.checking.context import AnswerContext
    from assistant.checking.fields import read_frame
    from assistant.document.corpus import load
    from assistant.document.fines import table

    text = ("Under Article 59(3), persons-in-charge and other directly liable personnel may be fined 50,000 to "
            "200,000 yuan for serious consequences.")
    claims = extract_claims(text)
    ctx = AnswerContext(text, claims, None, None, load(), table())
    i = next(k for k, c in enumerate(claims) if c.kind == "range")
    frame = read_frame(ctx, i)
    assert frame.modality == Modality.MAY and frame.subjects == {Subject.INDIVIDUAL}
    assert frame.tiers == {Tier.SERIOUS} and frame.other_personnel and frame.currency == "CNY"
    assert not frame.negated and [p.article for p in frame.provisions] == ["59"]


@pytest.mark.parametrize(("text", "value"), [
    ("half a million yuan", 500_000), ("fifty thousand to five hundred thousand yuan", (50_000, 500_000)),
    ("two hundred and fifty thousand yuan", 250_000), ("五十万元", 500_000), ("两百万元", 2_000_000),
    ("RMB 0.1-1 million", (100_000, 1_000_000)),
])
def test_number_words_read_exactly(text, value):
    claims = [c for c in extract_claims(text) if c.kind in ("amount", "range")]
    assert len(claims) == 1
    got = claims[0].value
    assert (tuple(got) if isinstance(got, list | tuple) else got) == value
    assert all(isinstance(v, int) for v in (got if isinstance(got, tuple) else (got,)))


def test_tier_hints_cover_every_tier_cue():
    """The tier scan is skipped when no hint word is present: every cue found in real text must hold one."""
    import json
    from pathlib import Path

    from assistant.checking.wording import TIER_HINTS
    from assistant.document.corpus import load
    from assistant.document.vocabulary import TIER_RE

    texts = [u.text for u in load().units()]
    root = Path(__file__).parent
    texts += [json.loads(line)["statement"] for line in (root / "data" / "redteam_statements.jsonl")
              .read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted((root.parent / "evals").glob("*.jsonl")):
        texts += [json.loads(line).get("question", "") for line in path.read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    cues = [m.group() for t in texts for m in TIER_RE.finditer(t)]
    assert len(cues) > 50
    assert all(any(h in cue.lower() for h in TIER_HINTS) for cue in cues), [
        c for c in cues if not any(h in c.lower() for h in TIER_HINTS)]

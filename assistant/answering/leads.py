"""The first sentence of a fine answer: the question as asked, answered from the bands that fit its frame.

"Up to 100,000 yuan: ...", "No. ...", "Yes: ...", or the band itself; the supporting
bands follow it. Every figure is a band bound or a product of a stated basis and a
band's multiples, so the checker verifies it like any other.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answering.chinese import band_sentence, provision
from assistant.answering.fine_answers import basis_amount, cite, frame_of, select_bands
from assistant.answering.reading import resolve_tiers, stated_directions
from assistant.document.fines import FineBand, FineTable
from assistant.document.frames import Frame
from assistant.document.kinds import Basis, Bound, Subject, Tier, Want
from assistant.document.refs import find_refs
from assistant.document.vocabulary import OLD_NUMBER_RE

TIER_LABELS = {Tier.BASE: "basic violation",
               Tier.REFUSES_OR_SERIOUS: "refuses to correct / endangering or serious circumstances",
               Tier.SERIOUS: "serious consequences", Tier.PARTICULARLY_SERIOUS: "particularly serious consequences"}
# a basis the draft never uses: fines as a share of turnover, a percentage, a salary
FOREIGN_BASIS = re.compile(r"\b(?:turnover|percentage|per ?cent|salar(?:y|ies)|wages?)\b|\d\s?%|营业额|百分之", re.I)
MODALITY_Q = re.compile(r"\b(?:mandatory|compulsory|required|obligatory|must|have to|optional|discretion\w*|"
                        r"automatic\w*)\b|必须|强制|可以", re.I)
OPTIONAL_Q = re.compile(r"\b(?:optional|discretion\w*)\b|可以", re.I)
MANDATORY_Q = re.compile(r"\b(?:mandatory|compulsory|required|obligatory|must|have to)\b|必须|强制", re.I)


def _who(band: FineBand) -> str:
    who = re.sub(r"\s*\([^)]*\)", "", band.who)  # "(acts in paragraphs 1 and 2)" belongs to the band's own article
    return who if band.subject == Subject.INDIVIDUAL or who.startswith("whoever") else f"the {who}"


def _figure(band: FineBand, amount: int | None) -> str:
    if band.kind == "multiple":
        text = f"{band.min} to {band.max} times the {band.basis}"
        if amount is not None and (band.threshold is None or amount > band.threshold):
            text += f" ({amount * band.min:,} to {amount * band.max:,} yuan for {amount:,} yuan)"
        return text
    return f"{band.min:,} to {band.max:,} yuan"


def _band_clause(band: FineBand, amount: int | None, head: str = "") -> str:
    """'[head ]for <who>: a fine of X to Y yuan shall/may be imposed (<tier>) [unit]' (who just before the
    figure: the checker reads a figure's subject from the words before it)."""
    modal = "shall" if band.mandatory else "may"
    return (f"{head + ' ' if head else ''}for {_who(band)}: a fine of {_figure(band, amount)} {modal} be imposed "
            f"({TIER_LABELS.get(band.tier, band.tier)}) {cite(band.unit_id)}")


def _primary(bands: list[FineBand], frame: Frame) -> list[FineBand]:
    wanted = frame.wanted_subjects()
    order = [Subject.ENTITY, Subject.INDIVIDUAL] if Subject.ENTITY in wanted else [Subject.INDIVIDUAL]
    for subject in order:
        mine = [b for b in bands if b.subject == subject]
        if mine:
            return mine
    return bands


def _claimed_figures(frame: Frame, question: str) -> list[int]:
    """The fine amounts a question states: not a stated basis ("gains of 99,000 yuan" is no fine)."""
    bases = {basis_amount(question, basis) for basis in Basis} if question else set()
    return [a for a in frame.amounts if a >= 1000 and a not in bases]


def _side_check(question: str, amounts: list[FineBand]) -> str | None:
    """Yes/No for "can it exceed X?" / "can it be below X?": does any band that fits reach past the figure."""
    sides = [(f, side) for f, side in stated_directions(question) if f >= 1000]
    if not sides:
        return None
    figure, side = sides[0]
    past = [b for b in amounts if (b.max > figure if side is Bound.AT_LEAST else b.min < figure)]
    if past:
        band = max(past, key=lambda b: b.max) if side is Bound.AT_LEAST else min(past, key=lambda b: b.min)
        return f"Yes. Under Article {band.article}, {_band_clause(band, None)}."
    band = max(amounts, key=lambda b: b.max) if side is Bound.AT_LEAST else min(amounts, key=lambda b: b.min)
    return f"No. Under Article {band.article}, {_band_clause(band, None)}."


def _stated_check(frame: Frame, bands: list[FineBand], every: list[FineBand], question: str = "") -> str | None:
    """Yes/No for a figure the question states ("up to 50 million, right?", "can it exceed 50,000?")."""
    figures = _claimed_figures(frame, question)
    if not figures or Want.YES_NO not in frame.wants:
        return None
    amounts = [b for b in bands if b.kind == "amount"]
    if not amounts:
        return None
    if side := _side_check(question, amounts):
        return side
    bounds = {b.max for b in amounts} if frame.bound == Bound.UP_TO else {b.min for b in amounts} | {
        b.max for b in amounts}
    top = max(amounts, key=lambda b: b.max)
    if all(f in bounds for f in figures):
        match = top if frame.bound == Bound.UP_TO else amounts[0]
        return f"Yes. Under Article {match.article}, {_band_clause(match, None)}."
    answer = f"No. Under Article {top.article}, {_band_clause(top, None)}."
    others = [b for b in every if b.kind == "amount" and b not in bands]
    holders = [b for b in others if all(f in (b.min, b.max) for f in figures)] or \
        [b for b in others if any(f in (b.min, b.max) for f in figures)]
    if holders:
        answer += " The figure in the question belongs to another band: " + "; ".join(
            _band_clause(b, None) for b in holders) + "."
    return answer


def _modality(question: str, band: FineBand) -> str:
    optional_asked = bool(OPTIONAL_Q.search(question))
    yes = band.mandatory != optional_asked
    kind = "mandatory (“shall”)" if band.mandatory else "discretionary (“may”)"
    if optional_asked and MANDATORY_Q.search(question):  # "optional or required?": an either-or, not a yes/no
        return f"The fine is {kind}: {_band_clause(band, None)}."
    return f"{'Yes' if yes else 'No'}: the fine is {kind}: {_band_clause(band, None)}."


def fine_lead(question: str, articles: list[str], fines: FineTable) -> str | None:
    """One sentence answering the fine question as asked, or None when no band fits."""
    frame = frame_of(question)
    for number in articles:
        bands = fines.effective_for(number)
        if not bands:
            continue
        amount = next((a for b in bands if b.basis and (a := basis_amount(question, b.basis)) is not None), None)
        bands = _named_paragraphs(question, number, bands)
        chosen = select_bands(bands, question, amount)
        if frame.wanted_subjects() == {Subject.INDIVIDUAL} and not any(b.subject == Subject.INDIVIDUAL for b in bands):
            return (f"No. Article {number} sets no fine on individuals; its fines are on {_who(bands[0])} "
                    f"{cite(bands[0].unit_id)}.")
        if frame.wanted_subjects() == {Subject.INDIVIDUAL} and not chosen:
            return _no_personal_fine(question, number, bands)
        if not chosen:
            continue
        main = _primary(chosen, frame)
        if amount is not None and any(b.threshold == amount for b in main):
            return threshold_lead(main, frame)  # the figure the question states is the threshold itself
        if frame.chinese:
            pick = max(main, key=lambda b: b.max) if frame.bound == Bound.UP_TO else main[0]
            return band_sentence(pick, amount)
        named = [b for b in main if b.kind == "amount" and {b.min, b.max} <= set(frame.amounts)]
        stated = _claimed_figures(frame, question)
        if MODALITY_Q.search(question) and Want.YES_NO in frame.wants and (named or not stated):
            return _modality(question, (named or main)[0])  # "is the 50,000-500,000 fine optional?"
        if check := _stated_check(frame, main, bands, question):
            return check
        if frame.bound == Bound.UP_TO:
            top = max(main, key=lambda b: (b.kind == "amount", b.max))
            if top.kind == "amount":
                return _band_clause(top, amount, f"Up to {top.max:,} yuan") + "."
        if frame.bound == Bound.AT_LEAST:
            low = min(main, key=lambda b: (b.kind != "amount", b.min))
            if low.kind == "amount":
                return _band_clause(low, amount, f"At least {low.min:,} yuan") + "."
        if len({b.tier for b in main}) > 1:
            who, who_last = _who(main[0]), _who(main[-1])  # 59(3)'s gravest band fines fewer of the persons
            return (f"Article {number} fines {who} according to the circumstances: the mildest band for {who} is a "
                    f"fine of {_figure(main[0], amount)} {cite(main[0].unit_id)}, the gravest for {who_last} a fine of "
                    f"{_figure(main[-1], amount)} {cite(main[-1].unit_id)}; each band follows.")
        return f"Under Article {number}, {_band_clause(main[0], amount)}."
    return None


def _named_paragraphs(question: str, number: str, bands: list[FineBand]) -> list[FineBand]:
    """The bands of the paragraphs the question names in this article ("Article 59 paragraph 1", "Art. 69(1)")."""
    if OLD_NUMBER_RE.search(question):
        return bands  # a current-law paragraph number says nothing about the draft's paragraphs
    paragraphs = {r.paragraph for m in find_refs(question) for r in m.refs if r.article == number and r.paragraph}
    named = [b for b in bands if b.paragraph in paragraphs]
    if not named:
        return bands
    tiers = frame_of(question).tiers  # consequences named beyond the paragraph: the paragraph that states them
    if tiers and not any(b.tier in tiers for b in named):  # (59(3) applies to the acts of paragraphs 1 and 2)
        named += [b for b in bands if b.tier in tiers]
    return named or bands


def _no_personal_fine(question: str, number: str, bands: list[FineBand]) -> str:
    """'No.' for persons in a tier that fines only the operator, and the condition under which persons are fined."""
    entity_frame = replace(frame_of(question), subjects=frozenset(), excluded_subjects=frozenset())
    tiers = resolve_tiers(entity_frame, {b.tier for b in bands})
    units = {b.unit_id for b in bands if b.tier in tiers}
    operator = [b for b in bands if b.tier in tiers and b.subject == Subject.ENTITY]
    persons = [b for b in bands if b.subject == Subject.INDIVIDUAL and b.unit_id in units] or \
        [b for b in bands if b.subject == Subject.INDIVIDUAL]
    label = " / ".join(TIER_LABELS.get(t, t) for t in sorted(tiers, key=list(Tier).index))
    where = ", ".join(sorted({f"Art. {b.article}({b.paragraph})" for b in bands if b.tier in tiers})) or \
        f"Art. {number}"
    answer = f"No. In the case your question describes ({label}, {where}), the text fines no individuals"
    if operator:
        answer += f"; {_band_clause(operator[0], None)}"
    if persons:
        first = persons[0]
        answer += (f". Persons-in-charge are fined only {first.condition[0].lower() + first.condition[1:]}; then, "
                   f"{_band_clause(first, None)}")
    return answer + "."


def foreign_basis_lead(question: str, fines: FineTable) -> str | None:
    """'No. ...' for a fine on a basis the draft does not use, with the bases it does use."""
    if not FOREIGN_BASIS.search(question):
        return None
    multiples = [b for b in fines.bands if b.kind == "multiple" and b.subject == Subject.ENTITY]
    uses = " and ".join(f"{b.min} to {b.max} times the {b.basis} {cite(b.unit_id)}" for b in multiples)
    return (f"No. The draft sets no fine as a share of turnover, a percentage or a salary; its only fines computed "
            f"from an amount are {uses}; all its other fines are fixed yuan ranges.")


def threshold_lead(bands: list[FineBand], frame: Frame) -> str:
    """Both sides of a threshold rule (Article 61), for a question that states the threshold figure itself."""
    above = next(b for b in bands if b.threshold_rule == "above")
    below = next(b for b in bands if b.threshold_rule != "above")
    limit = above.threshold or 0
    if frame.chinese:
        return (f"{provision(above)}：违法所得超过{limit:,}元的，可以处违法所得{above.min}倍以上{above.max}倍以下罚款；"
                f"没有违法所得或者违法所得不足{limit:,}元的，可以处{below.min:,}元以上{below.max:,}元以下罚款 "
                f"{cite(above.unit_id)}。")
    return (f"Under Article {above.article}, if the illegal gains exceed {limit:,} yuan, a fine of {above.min} to "
            f"{above.max} times the illegal gains may be imposed; if there are none or they are less than {limit:,} "
            f"yuan, a fine of {below.min:,} to {below.max:,} yuan may be imposed {cite(above.unit_id)}.")

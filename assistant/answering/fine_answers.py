"""Fine answers: every applicable band with its condition, may/shall, subject and citation.

Figures come only from FineBand records; computed amounts multiply a band's
multiples by a basis the user stated, applying Article 61's threshold rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.answering.reading import read_question, resolve_tiers
from assistant.checking import claims
from assistant.document.corpus import Corpus
from assistant.document.fines import FineBand, FineTable
from assistant.document.frames import Frame
from assistant.document.kinds import BandKind, Basis, ClaimKind, Subject, Tier
from assistant.document.text import PROVISION_STOPS, first_sentence
from assistant.document.vocabulary import BASIS_RE, MODAL_RE

MEASURES_RE = re.compile(r"order (?:the )?suspension of relevant businesses.*?revocation of business licenses")
ORDERS_RE = re.compile(r"(?P<lead>the competent authorities shall order it to|shall be ordered by the competent "
                       r"authorities to) (?P<what>.+?)(?=, and may impose a fine|, impose a fine|\.$)")


def cite(unit_id: str) -> str:
    return f"[{unit_id}]"


def band_line(band: FineBand, amount: int | None = None) -> str:
    """'  - on <who>: a fine of X to Y yuan shall/may be imposed', under its condition's heading line."""
    modal = "shall" if band.mandatory else "may"
    who = band.who if band.subject == Subject.INDIVIDUAL or band.who.startswith("whoever") else f"the {band.who}"
    if band.kind == BandKind.MULTIPLE:
        line = f"  - on {who}: a fine of {band.min} to {band.max} times the {band.basis} {modal} be imposed"
        return line + (_computed(band, amount) if amount is not None else "") + f" {cite(band.unit_id)}."
    return f"  - on {who}: a fine of {band.min:,} to {band.max:,} yuan {modal} be imposed {cite(band.unit_id)}."


def band_block(bands: list[FineBand], amount: int | None = None) -> list[str]:
    """Bands grouped under their condition, each group headed by the condition and its citation."""
    groups: dict[tuple[str, str], list[FineBand]] = {}
    for band in bands:
        groups.setdefault((band.unit_id, band.condition), []).append(band)
    lines = []
    for (unit_id, condition), members in groups.items():
        if any(b.threshold is not None for b in members):  # a threshold rule stays in the band's own sentence
            lines += [f"- {condition}, on" + band_line(b, amount).removeprefix("  - on") for b in members]
            continue
        lines.append(f"- {condition} {cite(unit_id)}:")
        lines += [band_line(b, amount) for b in members]
    return lines


def _computed(band: FineBand, amount: int) -> str:
    if band.threshold is not None and band.threshold_rule == "above" and amount <= band.threshold:
        return ""
    return f"; with {band.basis} of {amount:,} yuan that is {amount * band.min:,} to {amount * band.max:,} yuan"


@lru_cache(maxsize=256)
def _question_claims(question: str) -> tuple[claims.Claim, ...]:
    """The question's figures, extracted once per question (several answer parts ask for them)."""
    return tuple(claims.extract_claims(question))


def basis_amount(question: str, basis: Basis) -> int | None:
    """The amount the question states for this basis ("illegal gains of 400,000 yuan"), if any."""
    if not BASIS_RE[basis].search(question):
        return None
    values = [c.value for c in _question_claims(question) if c.kind == ClaimKind.AMOUNT and isinstance(c.value, int)]
    return values[0] if values else None


def stated_basis(question: str) -> Basis | None:
    """Which multiple basis the question gives an amount for."""
    for basis in BASIS_RE:
        if basis_amount(question, basis) is not None:
            return basis
    return None


def _threshold_note(bands: list[FineBand], gains: int | None) -> str:
    thresholds = [b for b in bands if b.threshold is not None]
    if not thresholds or gains is None:
        return ""
    limit, unit = thresholds[0].threshold or 0, cite(thresholds[0].unit_id)
    if gains > limit:
        return f"Illegal gains of {gains:,} yuan exceed {limit:,} yuan, so the multiple-based fine applies {unit}."
    if gains < limit:
        return (f"Illegal gains of {gains:,} yuan are less than {limit:,} yuan, so the fine of "
                f"{thresholds[-1].min:,} to {thresholds[-1].max:,} yuan applies {unit}.")
    return (f"The text is silent on illegal gains of exactly {limit:,} yuan: the multiple applies when gains "
            f"exceed {limit:,} yuan and the fixed band when they are less than {limit:,} yuan {unit}.")


@lru_cache(maxsize=256)
def frame_of(question: str) -> Frame:
    return read_question(question)


def operator_units(bands: Sequence[FineBand], cii: bool | None) -> set[str]:
    """Paragraphs written for the other kind of operator (ordinary vs CII: draft 59(1)/(2), adopted 61(1)/(2))
    when the question says which."""
    if cii is None:
        return set()
    kinds = {b.unit_id: "critical information infrastructure" in b.who_english() for b in bands
             if b.subject == "entity" and " or " not in b.who_english() and "operator" in b.who_english()}
    if len(set(kinds.values())) < 2:
        return set()
    return {unit for unit, is_cii in kinds.items() if is_cii != cii}


def select_bands(bands: list[FineBand], question: str, gains: int | None) -> list[FineBand]:
    """The bands that fit the question's frame: who (minus whom it excludes), which operator, which tier, and of a
    gains threshold the side the stated gains fall on. (The law in force's bands: `adopted_select`, with the
    same operator rule and tier resolution.)"""
    frame = frame_of(question)
    other = operator_units(bands, frame.cii)
    pool = [b for b in bands if b.unit_id not in other]
    # the tier is the circumstances' (whoever pays), so it is resolved over every band of the article: persons
    # asked about in a tier that fines only the operator get no band, not the band of another tier
    wanted_tiers = resolve_tiers(frame, {Tier(b.tier) for b in pool})
    chosen = [b for b in pool if b.subject in frame.wanted_subjects() and b.tier in wanted_tiers]
    threshold = next((b.threshold for b in chosen if b.threshold), None)
    if gains is not None and threshold and gains != threshold:
        keep = "above" if gains > threshold else "below_or_none"
        chosen = [b for b in chosen if b.threshold_rule in (None, keep)]
    return chosen


def _measures(bands: list[FineBand], corpus: Corpus) -> list[str]:
    """Orders and non-monetary measures stated with the bands, with the text's own may/shall."""
    out: list[str] = []
    for band in bands:
        if band.subject == Subject.ENTITY and band.tier == Tier.BASE and \
                (m := ORDERS_RE.search(first_sentence(corpus.unit(band.unit_id).text, PROVISION_STOPS))):
            lead = "The competent authorities shall also order it to" if m.group("lead").startswith("the") else \
                "The offender shall also be ordered by the competent authorities to"
            out.append(f"- {lead} {m.group('what')} {cite(band.unit_id)}.")
        if m := MEASURES_RE.search(band.quote):
            modals = MODAL_RE.findall(band.quote[: m.start()])
            out.append(f"- Other measures: the competent authorities {modals[-1] if modals else 'may'} also "
                       f"{m.group(0)} {cite(band.unit_id)}.")
    return list(dict.fromkeys(out))


def _reference_lines(number: str, fines: FineTable) -> list[str]:
    lines = []
    for ref in (r for r in fines.references if r.article == number):
        paras = " and ".join(str(p) for p in ref.target_paragraphs)
        target = (f"Article {ref.target_article}, paragraph {paras}" if len(ref.target_paragraphs) == 1
                  else f"paragraphs {paras} of Article {ref.target_article}")
        verb = "are" if ref.who.startswith("Providers") else "is"
        conduct = ref.quote.split(" shall be punished")[0].strip("“”\" ")  # who, with the obligation breached
        who = conduct if conduct.startswith(ref.who) else ref.who
        lines.append(f"{who} {verb} punished in accordance with {target} {cite(ref.unit_id)}.")
    return lines


def penalty_answer(articles: list[str], question: str, fines: FineTable, corpus: Corpus,
                   named_units: set[str] | None = None) -> list[str]:
    """Every applicable band of the articles, filtered by who and tier when the question says, and to the
    paragraphs the question names ("Article 59 paragraph 1")."""
    lines: list[str] = []
    for number in articles:
        bands = fines.effective_for(number)
        if named_units and any(b.unit_id in named_units for b in bands):
            bands = [b for b in bands if b.unit_id in named_units]
        if not bands:
            continue
        amount = next((a for basis in BASIS_RE if any(b.basis == basis for b in bands)
                       if (a := basis_amount(question, basis)) is not None), None)
        chosen = select_bands(bands, question, amount) or bands
        refs = [r for r in fines.references if r.article == number]
        lines += _reference_lines(number, fines)
        own = fines.for_article(number)
        lines.append(f"Article {refs[0].target_article} (applied by Article {number}):" if refs and not own
                     else f"Article {number}:")
        lines += band_block(chosen, amount)
        lines += _measures(chosen, corpus)
        if note := _threshold_note(chosen, amount):
            lines.append(note)
    return lines


def maximum_answer(fines: FineTable) -> list[str]:
    """The highest fixed bands of the whole draft, and the uncapped multiple-based fines."""
    top, top_ind = fines.maximum(Subject.ENTITY), fines.maximum(Subject.INDIVIDUAL)
    same = [b for b in fines.bands if b.kind == BandKind.AMOUNT and b.max == top.max and b.subject == Subject.ENTITY]
    where = " and ".join(f"Article {b.article}, paragraph {b.paragraph} {cite(b.unit_id)}" for b in same)
    lines = [f"The highest fixed fine in the draft is {top.min:,} to {top.max:,} yuan, for particularly serious "
             f"consequences under {where}."]
    same_ind = [b for b in fines.bands
                if b.kind == BandKind.AMOUNT and b.max == top_ind.max and b.subject == Subject.INDIVIDUAL]
    where_ind = " and ".join(f"Article {b.article}, paragraph {b.paragraph} {cite(b.unit_id)}" for b in same_ind)
    lines.append(f"For the directly responsible persons-in-charge the highest band is {top_ind.min:,} to "
                 f"{top_ind.max:,} yuan, under {where_ind}.")
    for band in (b for b in fines.bands if b.kind == BandKind.MULTIPLE):
        lines.append(f"Multiple-based fines have no fixed cap: Article {band.article} provides {band.min} to "
                     f"{band.max} times the {band.basis} {cite(band.unit_id)}.")
    return lines


def premise_lines(question: str, named: list[str], fines: FineTable) -> list[str]:
    """When the question pins a fine amount on an article whose bands do not contain it, say where it is."""
    amounts = [c.value for c in _question_claims(question) if c.kind in (ClaimKind.AMOUNT, ClaimKind.BOUND)
               and isinstance(c.value, int)]
    bases = {basis_amount(question, basis) for basis in BASIS_RE}  # a stated basis is not a claimed fine
    lines = []
    for amount in (a for a in dict.fromkeys(amounts) if a not in bases):
        holders = [b for b in fines.bands if b.kind == BandKind.AMOUNT and amount in (b.min, b.max)]
        for number in named:
            own = fines.effective_for(number)
            if any(amount in (b.min, b.max) for b in own if b.kind == "amount"):
                continue
            if own or not holders:  # its real bands follow; do not repeat the wrong figure
                lines.append(f"Article {number} sets no fine of the amount in your question; what it provides "
                             f"is set out below.")
                continue
            where = "; ".join(f"Article {b.article}({b.paragraph}), {b.subject}: {b.min:,} to {b.max:,} yuan "
                              f"{cite(b.unit_id)}" for b in holders)
            lines.append(f"Article {number} sets no fine of the amount in your question; that amount is a bound of "
                         f"these bands: {where}.")
    return lines

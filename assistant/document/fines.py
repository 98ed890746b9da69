"""The fine-band table, read from the legal phrasing of the draft.

Bands are not typed in by hand: each comes from a "fine of not less than X yuan
but not more than Y yuan" or "not less than one time but not more than N times
the <basis>" phrase, with subject, tier, may/shall and condition read off the
sentence around it. A hand-checked golden table in the tests guards this.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import Generic, TypeVar

from assistant.document import vocabulary
from assistant.document.corpus import Corpus, Unit, load
from assistant.document.kinds import BandKind, Basis, Subject, Tier
from assistant.document.numerals import ENGLISH_NUMBER_WORD, english_word_to_int
from assistant.document.refs import find_refs
from assistant.document.text import PROVISION_STOPS, sentences
from assistant.document.vocabulary import MODAL_RE

AMOUNT_RE = re.compile(
    r"fine of not less than (?P<min>[\d,]+) yuan but not more than (?P<max>[\d,]+) yuan")
MULTIPLE_RE = re.compile(
    rf"fine of not less than (?P<min>{ENGLISH_NUMBER_WORD}) times? but not more than "
    rf"(?P<max>{ENGLISH_NUMBER_WORD}) times the (?P<basis>[a-z]+ [a-z]+)")
ON_WHOM_RE = re.compile(r"^(?:\s*shall be imposed)?\s*on (?P<who>the [^,.;]+)")
MODAL_AFTER_RE = re.compile(r"^\s*(?P<modal>shall|may) be imposed")
THRESHOLD_RE = re.compile(r"illegal gains (?P<cmp>exceed|are less than) (?P<amount>[\d,]+) yuan")
CONDITION_END_RE = re.compile(
    r",\s*(?:the competent authorities|a fine|an additional fine)|\s+shall\s|\s+may\s")
PRECEDING_TWO = "preceding two paragraphs"
ALSO = "the competent authorities may also"  # a further measure under the condition just stated
TIERS = tuple(Tier)  # mildest first
TIER_LABELS: dict[str, str] = {  # plain words for a reader (tables, the verification panel)
    Tier.BASE: "basic violation",
    Tier.REFUSES_OR_SERIOUS: "refuses to correct / endangering or serious circumstances",
    Tier.SERIOUS: "serious consequences",
    Tier.PARTICULARLY_SERIOUS: "particularly serious consequences",
}


@dataclass(frozen=True)
class BandReference:
    """A provision that applies another provision's bands ("shall be punished in accordance with")."""

    article: str
    paragraph: int
    unit_id: str
    target_article: str
    target_paragraphs: tuple[int, ...]
    who: str
    quote: str


@dataclass(frozen=True)
class FineBand:
    """One fine range as the text states it. Amounts are integers of yuan."""

    id: str
    article: str
    paragraph: int
    unit_id: str
    kind: BandKind
    subject: Subject
    who: str
    tier: Tier
    min: int
    max: int
    basis: Basis | None
    mandatory: bool
    condition: str
    quote: str
    threshold: int | None = None
    threshold_rule: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    def who_english(self) -> str:
        """Who is fined, in English (the draft's own words; the adopted bands give their working translation)."""
        return self.who

    def whom(self) -> str:
        """Who is fined as a sentence names them: 'the network operator', but 'whoever sells …' (no article
        before a pronoun)."""
        who = self.who_english().strip()
        return who if who.split(" ", 1)[0].lower() in {"whoever", "anyone", "any"} else f"the {who}"

    def describe_range(self) -> str:
        if self.kind == BandKind.MULTIPLE:
            return f"{self.min} to {self.max} times the {self.basis}"
        return f"{self.min:,} to {self.max:,} yuan"


def _condition(sentence: str) -> str:
    m = CONDITION_END_RE.search(sentence)
    return (sentence[: m.start()] if m else sentence).strip().rstrip(",")


def _tier(sentence: str, previous: Tier | None) -> Tier:
    """The most severe tier the sentence cues; an "also" sentence without a cue continues the previous one."""
    cued = vocabulary.tiers(sentence)
    if cued:
        return max(cued, key=TIERS.index)
    if previous and sentence.lower().startswith(ALSO):
        return previous
    return Tier.BASE


def _modal(sentence: str, start: int, end: int) -> bool:
    """True for 'shall' (mandatory): the modal right after the phrase, else the nearest before."""
    after = MODAL_AFTER_RE.match(sentence[end:])
    if after:
        return after.group("modal") == "shall"
    before = MODAL_RE.findall(sentence[:start])
    if not before:
        raise ValueError(f"no modal verb governs the fine in: {sentence!r}")
    return before[-1] == "shall"


def _entity_who(paragraph_text: str) -> str:
    m = re.search(r"(?:Where|Whoever|Anyone who)\s+(an? [^,]*?operator[^,]*?)(?:,| fails| commits| uses)",
                  paragraph_text)
    if m:
        return re.sub(r"^an? ", "", m.group(1)).strip()
    m = re.search(r"Whoever, [^,]*, (sells or provides .+?) that ", paragraph_text)
    if m:
        return f"whoever {m.group(1)}"
    if paragraph_text.startswith("Anyone who commits the acts specified in the preceding two paragraphs"):
        return PRECEDING_TWO
    raise ValueError(f"cannot tell who is fined in: {paragraph_text[:80]!r}")


def _threshold(sentence: str) -> tuple[int | None, str | None]:
    m = THRESHOLD_RE.search(sentence)
    if not m:
        return None, None
    rule = "above" if m.group("cmp") == "exceed" else "below_or_none"
    return int(m.group("amount").replace(",", "")), rule


def _times(word: str) -> int:
    value = english_word_to_int(word)
    if value is None:
        raise ValueError(f"not a number word: {word!r}")
    return value


def _band(unit: Unit, sentence: str, m: re.Match[str], kind: BandKind, tier: Tier, condition: str) -> FineBand:
    on = ON_WHOM_RE.match(sentence[m.end():])
    ind = on if on and vocabulary.first_subject(on.group("who")) == Subject.INDIVIDUAL else None
    basis: Basis | None = None
    if kind == BandKind.AMOUNT:
        lo, hi = (int(m.group(g).replace(",", "")) for g in ("min", "max"))
    else:
        lo, hi = (_times(m.group(g)) for g in ("min", "max"))
        basis = Basis(m.group("basis").strip())
    threshold, rule = _threshold(sentence)
    subject = Subject.INDIVIDUAL if ind else Subject.ENTITY
    who = ind.group("who").removeprefix("the ") if ind else _entity_who(unit.text)
    assert unit.article is not None and unit.paragraph is not None
    return FineBand("", unit.article, unit.paragraph, unit.id, kind, subject, who, tier, lo, hi,
                    basis, _modal(sentence, m.start(), m.end()), condition, sentence.strip(),
                    threshold, rule)


def bands_in_unit(unit: Unit) -> list[FineBand]:
    """Every fine band stated in one paragraph, in text order."""
    out: list[FineBand] = []
    previous_tier: Tier | None = None
    previous_condition = ""
    for sentence in sentences(unit.text, PROVISION_STOPS):
        tier = _tier(sentence, previous_tier)
        own = _condition(sentence)
        inherits = sentence.lower().startswith(ALSO)
        condition = previous_condition if inherits and previous_condition else own
        found = [(m, BandKind.AMOUNT) for m in AMOUNT_RE.finditer(sentence)]
        found += [(m, BandKind.MULTIPLE) for m in MULTIPLE_RE.finditer(sentence)]
        for m, kind in sorted(found, key=lambda f: f[0].start()):
            out.append(_band(unit, sentence, m, kind, tier, condition))
        if found:
            previous_tier, previous_condition = tier, condition
    return out


def _references(corpus: Corpus) -> list[BandReference]:
    """'shall be punished in accordance with the provisions of <that paragraph / the preceding two>'."""
    refs: list[BandReference] = []
    for unit in corpus.units():
        if unit.article is None or "punished in accordance with the provisions of" not in unit.text:
            continue
        assert unit.paragraph is not None
        paras: tuple[int, ...]
        if PRECEDING_TWO in unit.text:
            target, paras = unit.article, (unit.paragraph - 2, unit.paragraph - 1)
        else:
            para_refs = [r for m in find_refs(unit.text) for r in m.refs if r.paragraph]
            if not para_refs:
                continue
            target, paras = para_refs[-1].article, (para_refs[-1].paragraph or 0,)
        who = re.split(r"\s+(?:that|who|shall)\s", unit.text, maxsplit=1)[0]
        refs.append(BandReference(unit.article, unit.paragraph, unit.id, target, paras, who, unit.text))
    return refs


Band = TypeVar("Band", bound=FineBand)


@dataclass(frozen=True)
class BandTable(Generic[Band]):
    """Bands of one text and the provisions that apply other provisions' bands; the draft's and the adopted law's
    tables differ only in their band type."""

    bands: tuple[Band, ...]
    references: tuple[BandReference, ...]

    def for_article(self, article: str) -> list[Band]:
        return [b for b in self.bands if b.article == article]

    def applied_by(self, band: FineBand) -> list[BandReference]:
        """References whose target includes this band's paragraph."""
        return [r for r in self.references
                if r.target_article == band.article and band.paragraph in r.target_paragraphs]

    def effective_for(self, article: str) -> list[Band]:
        """Bands that apply to an article, directly or through a reference ("in accordance with", 依照……规定处罚)."""
        direct = self.for_article(article)
        for ref in self.references:
            if ref.article == article:
                direct += [b for b in self.bands if b.article == ref.target_article
                           and b.paragraph in ref.target_paragraphs and b not in direct]
        return direct

    def maximum(self, subject: Subject | None = None) -> Band:
        amounts = [b for b in self.bands if b.kind == BandKind.AMOUNT and subject in (None, b.subject)]
        return max(amounts, key=lambda b: b.max)


class FineTable(BandTable[FineBand]):
    """The draft's fine-band table."""


def build(corpus: Corpus) -> FineTable:
    bands: list[FineBand] = []
    for unit in corpus.units():
        if unit.source == "amendment":
            bands.extend(bands_in_unit(unit))
    bands = [_resolve_who(b, bands) for b in bands]
    numbered = []
    counters: dict[str, int] = {}
    for band in bands:
        counters[band.unit_id] = counters.get(band.unit_id, 0) + 1
        numbered.append(replace(band, id=f"{band.unit_id}.f{counters[band.unit_id]}"))
    return FineTable(tuple(numbered), tuple(_references(corpus)))


def _resolve_who(band: FineBand, bands: list[FineBand]) -> FineBand:
    """'Anyone who commits the acts in the preceding two paragraphs' -> the entities named there."""
    if band.who != PRECEDING_TWO:
        return band
    whos = [b.who for b in bands if b.article == band.article and b.subject == Subject.ENTITY
            and band.paragraph - 2 <= b.paragraph < band.paragraph]
    names = list(dict.fromkeys(whos))
    return replace(band, who=" or ".join(names) + f" (acts in paragraphs {band.paragraph - 2}"
                    f" and {band.paragraph - 1})")


@lru_cache(maxsize=1)
def table() -> FineTable:
    """The band table of the shipped corpus, built once per process."""
    return build(load())

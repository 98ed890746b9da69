"""The fine calculator: a range for an amount under an article whose fine is a multiple of that amount.

Computed from the band table in integers of yuan, and stated as one sentence a
person reads once: the band (article, paragraph, who, may/shall), the condition
the amount meets, and the result, with thousands separators and no internal ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.document.fines import BandTable, FineBand
from assistant.ui.support import escape_md


def multiple_bases(table: BandTable[Any]) -> dict[str, str]:
    """Articles whose fine is a multiple of an amount -> that amount ('61' -> 'illegal gains')."""
    return {b.article: str(b.basis) for b in table.bands if b.kind == "multiple" and b.basis}


def parse_amount(text: str) -> int:
    """'2,000,000', '2 000 000' or '2000000' -> 2000000; anything else is a ValueError with a plain message."""
    cleaned = text.strip().replace(",", "").replace(" ", "").replace("_", "")
    if cleaned.endswith("yuan"):
        cleaned = cleaned[:-4]
    if not cleaned.isdigit():
        raise ValueError("Enter a whole number of yuan, for example 400,000.")
    return int(cleaned)


def _modal(band: FineBand) -> str:
    return "shall" if band.mandatory else "may"


def _on(band: FineBand) -> str:
    return f"on {band.whom()}"


@dataclass(frozen=True)
class Calculation:
    article: str
    basis: str
    amount: int
    low: int | None  # None when the text does not decide (an amount exactly at the threshold)
    high: int | None
    explanation: str  # the condition the amount meets and the rule that follows, in plain words
    bands: tuple[FineBand, ...]
    others: tuple[FineBand, ...] = ()  # bands that apply alongside (e.g. on responsible individuals)

    def summary(self) -> str:
        if self.low is None or self.high is None:
            return self.explanation
        return f"{self.low:,} to {self.high:,} yuan"

    def sentence(self) -> str:
        """Band, condition and result in one safe-markdown sentence, the result in bold."""
        band = self.bands[0]
        where = f"Article {band.article}, paragraph {band.paragraph}"
        if self.low is None or self.high is None:
            return escape_md(f"{where}: {self.explanation[0].upper()}{self.explanation[1:]}")
        return (f"{escape_md(f'{where}: {self.explanation[0].upper()}{self.explanation[1:]}')} Result: "
                f"**{self.low:,} to {self.high:,} yuan** {escape_md(f'{_on(band)} ({_modal(band)} be imposed).')}")

    def also(self) -> list[str]:
        """The fines that apply alongside, one plain line each."""
        return [escape_md(f"Also {_on(b)}: {b.describe_range()} ({_modal(b)} be imposed).")
                for b in self.others]


def _entity_bands(article: str, table: BandTable[Any]) -> tuple[FineBand, list[FineBand]]:
    entity = [b for b in table.for_article(article) if b.subject == "entity"]
    multiple = next((b for b in entity if b.kind == "multiple"), None)
    if multiple is None:
        raise ValueError(f"Article {article} has no multiple-based fine")
    return multiple, entity


def calculate(article: str, amount: int, table: BandTable[Any]) -> Calculation:
    """The fine range for an amount under a multiple-based article, computed from the band table (integers)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("the amount must be a whole number of yuan")
    if amount < 0:
        raise ValueError("the amount cannot be negative")
    multiple, entity = _entity_bands(article, table)
    basis = str(multiple.basis)
    others = tuple(b for b in table.for_article(article) if b.subject == "individual")
    times = f"{multiple.min} to {multiple.max} times the {basis}"
    if multiple.threshold is None:
        text = f"the fine is {times}, and the {basis} is {amount:,} yuan."
        return Calculation(article, basis, amount, amount * multiple.min, amount * multiple.max, text,
                           (multiple,), others)
    limit = multiple.threshold
    fixed = next(b for b in entity if b.threshold_rule == "below_or_none")
    inclusive = multiple.threshold_rule == "at_or_above"  # the law in force: 十万元以上 includes the figure
    if amount > limit or (inclusive and amount == limit):
        verb = "reach" if amount == limit else "exceed"
        text = f"{basis} of {amount:,} yuan {verb} {limit:,} yuan, so the fine is {times}."
        return Calculation(article, basis, amount, amount * multiple.min, amount * multiple.max, text,
                           (multiple,), others)
    if amount < limit:
        which = f"there are no {basis}" if amount == 0 else f"{basis} of {amount:,} yuan are less than {limit:,} yuan"
        text = f"{which}, so the fixed fine applies."
        return Calculation(article, basis, amount, fixed.min, fixed.max, text, (fixed,), others)
    text = (f"the text is silent on {basis} of exactly {limit:,} yuan. It sets {times} when they exceed "
            f"{limit:,} yuan, and {fixed.min:,} to {fixed.max:,} yuan when there are none or they are less than "
            f"{limit:,} yuan.")
    return Calculation(article, basis, amount, None, None, text, (multiple, fixed), others)

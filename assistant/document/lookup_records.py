"""What a citation lookup reads from a query and what it answers: shared by the draft's and the law in force's
lookups (`lookup`, `lookup_in_force`), so neither imports the other's module."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from assistant.document.corpus import Unit

__all__ = ["CURRENT_LAW_ARTICLES", "LookupResult", "Query", "unit_dicts"]

# The Cybersecurity Law of 2016 has 79 articles. Used only to tell "an article
# this draft does not touch" from "no such article"; never shown as a fact.
CURRENT_LAW_ARTICLES = 79


@dataclass(frozen=True)
class Query:
    article: int  # -1 when the number is out of any range (too long, malformed numeral)
    paragraph: int | None = None
    item: int | None = None
    old: bool = False
    token: str = ""  # the article number as written, for messages
    in_force: bool = False  # "of the law in force", "adopted", 现行: the law in force's numbering


@dataclass
class LookupResult:
    query: str
    status: str  # found | in_force | renumbered_only | old_number | referenced | not_in_document | not_found | unparsed
    article: str | None = None
    old_number: str | None = None
    unit_id: str | None = None
    text: str = ""
    note: str = ""
    units: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status not in ("not_found", "unparsed")

    def as_dict(self) -> dict:
        return asdict(self)


def unit_dicts(units: Iterable[Unit]) -> list[dict]:
    """The passages a lookup shows, as its JSON gives them."""
    return [{"id": u.id, "title": u.title, "text": u.text} for u in units]

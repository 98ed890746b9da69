"""Citation lookup in the law in force: "Article 61 of the law in force", "现行第六十一条", "adopted Art. 69(2)".

Since 1 January 2026 an article number most often means the law in force, and its
numbers differ from the draft's (the draft's Article 61 is Article 63 in force; the law
in force's Article 61 is the 2016 Article 59). The Decision restates only the articles it
adds or amends; any other article of the law in force is said to be outside these
documents, with the 2016 number it had, never guessed at.
"""

from __future__ import annotations

from assistant.document import decision
from assistant.document.alignment import alignment, current_to_adopted
from assistant.document.lookup_records import CURRENT_LAW_ARTICLES, LookupResult, Query, unit_dicts
from assistant.document.refs import Ref, old_numbers

__all__ = ["lookup_in_force"]


def _former_number(number: str, dec: decision.Decision) -> str | None:
    """The 2016 article that became this article of the law in force (None when none did, or it is not said)."""
    for old in range(1, CURRENT_LAW_ARTICLES + 1):
        moved = current_to_adopted(Ref(str(old)), dec)
        if moved is not None and moved.article == number:
            return str(old)
    return None


def _untouched(q: Query, query: str, dec: decision.Decision) -> LookupResult:
    number = str(q.article)
    former = _former_number(number, dec)
    if former is None:
        return LookupResult(query, "not_found", note=(
            f"Article {number} of the law in force is not in these documents, and the Decision does not say which "
            f"2016 article it is. The articles the Decision adds or amends are "
            f"{', '.join(sorted(dec.articles, key=int))}."))
    return LookupResult(query, "not_in_document", None, former, note=(
        f"Article {number} of the law in force is not amended by the Decision of 28 October 2025, so its text is "
        f"not in these documents; it was Article {former} of the 2016 law."))


def lookup_in_force(q: Query, query: str) -> LookupResult:
    """An article (paragraph, item) of the law in force, from the Decision's official Chinese text."""
    dec = decision.load()
    number = str(q.article)
    article = dec.articles.get(number)
    if article is None:
        return _untouched(q, query, dec)
    units = [u for u in article.units if q.paragraph in (None, u.paragraph) and q.item in (None, u.item)]
    if article.units and not units:
        return LookupResult(query, "not_found", number, note=(
            f"Article {number} of the law in force has no such paragraph or item in the Decision's text."))
    item = dec.unit(f"decision.item{article.item}")
    shown = units or [item]  # renumbered or a phrase replaced: the Decision's item is its only text here
    olds = ", ".join(r.label() for r in article.old) or None
    drafts = [d for d, adopted in alignment().articles.items() if number in adopted]
    note = (f"Article {number} of the law in force (since 1 January 2026; official Chinese text). Old number "
            f"(2016 law): {old_numbers(article.old)}; Decision item {article.item}."
            + (f" In the draft: Article {' and '.join(drafts)}." if drafts else ""))
    unit_id = shown[0].id if len(shown) == 1 else f"adopted.art{number}"
    return LookupResult(query, "in_force", number, olds, unit_id, "\n\n".join(u.text for u in shown), note,
                        unit_dicts(shown))

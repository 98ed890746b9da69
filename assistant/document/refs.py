"""Finding article / paragraph / item references in legal English.

The draft cites the law in a handful of shapes: "Articles 21 and 25",
"Articles 41 to 43", "Paragraph 3 of Article 59", "Items (1) and (2) of
Article 60". One parser serves the corpus (which articles are referenced),
the renumbering headings and the checker (which article a sentence cites).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.document.text import expand_numbers

_NUM_LIST = r"\d+(?:(?:,\s*|\s+and\s+|\s+to\s+|\s*[-–]\s*)\d+)*"
_SUB = (r"(?:(?:Paragraph|Para\.?|Item)s?\s+(?:\(?\d+\)?(?:,\s*|\s+and\s+)?)+\s+of\s+"
        r"(?:(?:the\s+)?(?:old|former|original|current)\s+)?)")
REF_RE = re.compile(
    rf"(?P<sub>{_SUB})?\bArt(?:icle)?s?\.?\s*(?P<nums>{_NUM_LIST})(?:\((?P<paren>\d+)\))?"
    r"(?:,?\s*(?:paragraph|para\.?|§|¶)\s*(?P<para2>\d+))?"
    r"(?:,?\s*items?\s*\(?(?P<item2>\d+)\)?)?",
    re.IGNORECASE,
)


MAX_NUMBER_DIGITS = 6  # longer numbers are no article, paragraph or item; kept as written, never converted


@dataclass(frozen=True)
class Ref:
    """One cited location: an article and optionally a paragraph or item."""

    article: str
    paragraph: int | None = None
    item: int | None = None

    def label(self) -> str:
        """Human label in the text's own phrasing, e.g. 'Item (1) of Article 69'."""
        if self.item is not None:
            return f"Item ({self.item}) of Article {self.article}"
        if self.paragraph is not None:
            return f"Paragraph {self.paragraph} of Article {self.article}"
        return f"Article {self.article}"

    def short(self) -> str:
        """Compact chip label, e.g. 'Art. 59(3)' or 'Art. 71 item 3'."""
        if self.item is not None:
            return f"Art. {self.article}, item ({self.item})"
        if self.paragraph is not None:
            return f"Art. {self.article}({self.paragraph})"
        return f"Art. {self.article}"


def old_numbers(refs: Sequence[Ref]) -> str:
    """The 2016 article(s) a provision came from, as the views and lookups say it; a new article has none."""
    return ", ".join(r.label() for r in refs) or "none (a new article)"


@dataclass(frozen=True)
class RefMatch:
    """References found at one place in a text, with the span they came from."""

    refs: tuple[Ref, ...]
    start: int
    end: int


def _sub_numbers(sub: str) -> tuple[str, list[int]]:
    """'Items (1) and (2) of ' -> ('item', [1, 2])."""
    kind = "item" if sub.lower().startswith("item") else "paragraph"
    return kind, [int(n) for n in re.findall(r"\d+", sub)]


def find_refs(text: str) -> list[RefMatch]:
    """Every article reference in the text, in order, with its span."""
    found: list[RefMatch] = []
    for m in REF_RE.finditer(text):
        if any(len(n) > MAX_NUMBER_DIGITS for n in re.findall(r"\d+", m.group())):
            whole = tuple(Ref(n) for n in re.findall(r"\d+", m.group("nums")))  # kept whole: never truncated
            found.append(RefMatch(whole, m.start(), m.end()))
            continue
        articles = expand_numbers(m.group("nums"))
        refs: list[Ref] = []
        if m.group("sub") and len(articles) == 1:
            kind, subs = _sub_numbers(m.group("sub"))
            for n in subs:
                if kind == "item":
                    refs.append(Ref(str(articles[0]), item=n))
                else:
                    refs.append(Ref(str(articles[0]), paragraph=n))
        elif len(articles) == 1 and (m.group("paren") or m.group("para2") or m.group("item2")):
            para = m.group("paren") or m.group("para2")
            item = m.group("item2")
            refs.append(Ref(str(articles[0]), int(para) if para else None, int(item) if item else None))
        else:
            refs.extend(Ref(str(a)) for a in articles)
        found.append(RefMatch(tuple(refs), m.start(), m.end()))
    return found


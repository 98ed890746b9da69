"""Extraction stages 1 and 2: citations (articles, paragraphs, items, amendment items, Explanation
sections, unit markers) and dates. They run first and mask what they take, so "Article 59" and
"28 October 2025" never also yield bare numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Protocol

from assistant.checking import patterns as P
from assistant.checking.prefilter import Prefiltered
from assistant.document.kinds import ClaimKind
from assistant.document.refs import Ref
from assistant.document.text import LIST_SEPARATOR_RE, expand_numbers

# "\b[Aa]rt...", written to open with the literal "rt" (which `re` finds fast) and look back for the rest:
# a match starts one character before its span.
SIGNED_ARTICLE_RE = re.compile(r"rt(?<=[Aa]rt)(?<!\w[Aa]rt)(?:icle)?s?\b\.?\s*(?P<n>[-−]\s*\d{1,6})(?!\d)")
HEAD_GROUPS = ("ord", "ordkind", "subkind", "subnums", "oldpre")  # what CITE_HEAD_RE reads before a citation
NO_HEAD: tuple[str | None, ...] = (None,) * len(HEAD_GROUPS)
# Most answers name no amendment item, Explanation section or bare paragraph: skip those scans then.
AMEND_ITEMS, SECTIONS, BARE_SUBS = Prefiltered(P.AMEND_ITEM_RE), Prefiltered(P.SECTION_RE), Prefiltered(P.BARE_SUB_RE)


class Sink(Protocol):
    """What a stage needs from the extractor: the masked text, a way to record a claim, re-masking."""

    masked: str
    folded: str | None  # the lowered text, when lowering keeps offsets (checking.prefilter)

    def add(self, start: int, end: int, kind: ClaimKind, value: Any, **extra: Any) -> None: ...

    def mask(self) -> None: ...

    def free(self, start: int, end: int) -> bool: ...

    def ignore(self, start: int, end: int) -> None: ...


def citations(ex: Sink) -> None:
    """Unit markers, then article references (English and Chinese), then amendment items and
    Explanation sections, then bare "paragraph 3" / "items (1) and (2)" (resolved by the checker)."""
    t = ex.masked
    for m in _list_markers(t):
        ex.ignore(m.start(), m.end())
    for m in P.MARKER_RE.finditer(t):
        ex.add(m.start(), m.end(), ClaimKind.ARTICLE, {"unit": m.group("id")}, unit=m.group("id"))
    ex.mask()
    for m in SIGNED_ARTICLE_RE.finditer(ex.masked):  # "Article -1" names no article, least of all Article 1
        signed = (Ref(m.group("n").replace(" ", "").replace("−", "-")),)
        ex.add(m.start() - 1, m.end(), ClaimKind.ARTICLE, ref_value(signed, False), refs=signed, old=False)
    for m in P.CITE_RE.finditer(ex.masked):
        lead = ex.masked[max(0, m.start() - 20):m.start()].rstrip().lower()
        head = P.CITE_HEAD_RE.search(ex.masked, max(0, m.start() - 80), m.start()) \
            if lead.endswith(P.HEAD_ENDS) else None
        _english_ref(ex, m, head)
    for m in P.CN_CITE_RE.finditer(ex.masked):
        _chinese_ref(ex, m)
    ex.mask()
    for m in AMEND_ITEMS.finditer(ex.masked, ex.folded):
        n = int(m.group("n") or m.group("nb") or m.group("n2") or m.group("n2b"))
        ex.add(m.start(), m.end(), ClaimKind.ARTICLE, {"amendment_item": n}, unit=f"amend.{n}")
    for m in list(SECTIONS.finditer(ex.masked, ex.folded)) + list(P.CN_SECTION_RE.finditer(ex.masked)):
        _section(ex, m)
    ex.mask()
    for m in BARE_SUBS.finditer(ex.masked, ex.folded):
        if m.group("p"):
            refs: tuple[Ref, ...] = tuple(Ref("", int(x)) for x in (m.group("p"), m.group("p2")) if x)
        else:
            items = [int(x) for x in (m.group("i"), m.group("i2")) if x]
            refs = tuple(Ref("", None, i) for i in items)
        ex.add(m.start(), m.end(), ClaimKind.ARTICLE, ref_value(refs, False), refs=refs)
    ex.mask()


def _list_markers(text: str) -> Iterator[re.Match[str]]:
    """LIST_MARKER_RE's matches: it matches only at the start of a line and within it, so it is tried there
    alone (rather than at every position of the text)."""
    pos = 0
    while pos >= 0:
        if m := P.LIST_MARKER_RE.match(text, pos):
            yield m
        pos = text.find("\n", pos)
        pos = pos + 1 if pos >= 0 else -1


def _english_ref(ex: Sink, m: re.Match[str], head: re.Match[str] | None) -> None:
    heads = head.group(*HEAD_GROUPS) if head else NO_HEAD
    refs, old = _english_refs(m.group("nums", "paren", "paren2", "para2", "item2", "oldpost"), heads)
    start = head.start() if head and (heads[2] or heads[0] or heads[4]) else m.start()  # subkind, ord, oldpre
    ex.add(start, m.end(), ClaimKind.ARTICLE, ref_value(refs, old), refs=refs, old=old)


@lru_cache(maxsize=1024)
def _english_refs(cite: tuple[str | None, ...], head: tuple[str | None, ...]) -> tuple[tuple[Ref, ...], bool]:
    """The references a citation's groups name (and its head's: "paragraph 2 of Article 59", "old ..."),
    a pure function of the words: answers repeat their chips ("[Art. 59(1)]"), so each is read once."""
    nums, paren, paren2, para2, item2, oldpost = cite
    h = dict(zip(HEAD_GROUPS, head, strict=True))
    listed = article_list(nums or "")
    articles = [a for a, _ in listed]
    old = bool(h.get("oldpre") or oldpost)
    refs: list[Ref] = []
    if len(listed) > 1 and any(p for _, p in listed):
        refs.extend(Ref(str(a), p) for a, p in listed)
    elif len(articles) == 1 and (h.get("subkind") or h.get("ord")):
        kind = (h.get("subkind") or h.get("ordkind") or "").lower()
        subs = [P.ordinal(h["ord"] or "")] if h.get("ord") else expand_numbers(h["subnums"] or "")
        for n in subs:
            refs.append(Ref(str(articles[0]), item=n) if kind.startswith("item") else Ref(str(articles[0]), n))
    elif len(articles) == 1:
        own = listed[0][1]
        para = own or (int(paren or para2 or 0) or None)
        item = paren2 or item2 or (paren if own else None)
        refs.append(Ref(str(articles[0]), para, int(item) if item else None))
    else:
        refs.extend(Ref(str(a)) for a in articles)
    return tuple(refs), old


def _chinese_ref(ex: Sink, m: re.Match[str]) -> None:
    try:
        art = P.cn_or_digits(m.group("art"))
        para = P.cn_or_digits(m.group("para")) if m.group("para") else None
        item = P.cn_or_digits(m.group("item")) if m.group("item") else None
    except ValueError:
        return
    refs = (Ref(str(art), para, item),)
    before = P.CN_OLD_BEFORE_RE.search(ex.masked, max(0, m.start() - 4), m.start())
    start = before.start() if before else m.start()
    ex.add(start, m.end(), ClaimKind.ARTICLE, ref_value(refs, bool(before)), refs=refs, old=bool(before))


def _section(ex: Sink, m: re.Match[str]) -> None:
    if not ex.free(m.start(), m.end()):
        return
    groups = m.groupdict()
    try:
        top = P.cn_or_digits(groups.get("s") or groups.get("s3") or "")
    except ValueError:
        return
    sub_raw = groups.get("sub") or groups.get("sub2") or groups.get("sub3") or groups.get("sub4")
    sub = int(sub_raw) if sub_raw else None
    unit = f"expl.{top}" + (f".{sub}" if sub else "")
    ex.add(m.start(), m.end(), ClaimKind.ARTICLE, {"section": top, "subsection": sub}, unit=unit)


def dates(ex: Sink) -> None:
    """Dates ("28 October 2025", "September 2023", "2025年10月28日", "2025-10-28") and Chinese years."""
    for m in P.EN_DATE_RE.finditer(ex.masked):
        if m.start() and ex.masked[m.start() - 1].isalpha():
            continue
        day = P.DAY_BEFORE_RE.search(ex.masked, max(0, m.start() - 6), m.start())
        start = day.start() if day and not m.group("d2") else m.start()
        d = m.group("d2") or (day.group("d") if day else None)
        _date(ex, start, m.end(), int(m.group("y")), P.MONTHS[m.group("m")], d)
    ex.mask()
    for m in P.NUM_DATE_RE.finditer(ex.masked):
        if m.start() and (ex.masked[m.start() - 1].isdigit() or ex.masked[m.start() - 1] in ",."):
            continue
        month, day_of_month = m.group("cm") or m.group("im"), m.group("cd") or m.group("id")
        _date(ex, m.start(), m.end(), int(m.group("cy")), int(month) if month else None, day_of_month)
    ex.mask()


def _date(ex: Sink, start: int, end: int, year: int, month: int | None, day: str | None) -> None:
    if month is None:
        ex.add(start, end, ClaimKind.YEAR, year)
    elif 1 <= month <= 12 and (day is None or 1 <= int(day) <= 31):
        ex.add(start, end, ClaimKind.DATE, {"year": year, "month": month, "day": int(day) if day else None})


def article_list(nums: str) -> list[tuple[int, int | None]]:
    """'59(3) and 69(2)' -> [(59, 3), (69, 2)]; '41 to 43' -> [(41, None), (42, None), (43, None)]."""
    if "(" not in nums:
        return [(n, None) for n in expand_numbers(nums)]
    parts = LIST_SEPARATOR_RE.split(nums)
    out = []
    for part in parts[0::2]:
        number, _, para = part.partition("(")
        out.append((int(number), int(para.rstrip(")")) if para else None))
    return out




def ref_value(refs: tuple[Ref, ...], old: bool) -> dict[str, Any]:
    def one(r: Ref) -> dict[str, Any]:
        return {"article": int(r.article) if r.article else None, "paragraph": r.paragraph, "item": r.item,
                "old": old}
    return one(refs[0]) if len(refs) == 1 else {"refs": [one(r) for r in refs]}

"""The adopted amendment: the NPC Standing Committee's Decision of 28 October 2025, as typed records.

The shipped text is extracted from printed gazette pages, so the parse first removes
page furniture (page numbers printed digit by digit between dashes, the running head)
and joins lines that break inside words, then reads items 一 to 十四. Like the draft's
parser it is strict: an item whose shape it does not know raises instead of being
skipped, so a changed text never silently yields fewer records.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from assistant.document.corpus import CitableUnits, Unit
from assistant.document.kinds import Version
from assistant.document.refs import Ref
from assistant.document.refs_zh import find_zh_refs, zh_int

__all__ = ["AdoptedArticle", "ChangeKind", "Decision", "DecisionItem", "clean", "load", "parse", "read_text",
           "version_of_unit"]

DECISION_FILE = "csl_amendment_decision_2025_zh.txt"
UNIT_PREFIXES = ("adopted.", "decision.")  # the Decision's unit ids: adopted articles, then its items and clauses
RUNNING_HEAD = "全国人民代表大会常务委员会公报2025·6"
ENACTING_END = "作如下修改："
COMMENCEMENT_RE = re.compile(r"本决定自(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日起施行。")
ADOPTED_RE = re.compile(r"（(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日第十四届全国人民代表大会常务委员会")
ORDER_RE = re.compile(r"中华人民共和国主席令第(?P<n>[零一二三四五六七八九十百]+)号")
ITEM_HEAD_RE = re.compile(r"^(?P<n>[一二三四五六七八九十]+)、")
# The extraction turned most full-width punctuation half-width; the official text uses full width.
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"})
_NUM = r"[零一二三四五六七八九十百]+"
SUB_ITEM_RE = re.compile(rf"^（(?P<n>{_NUM})）")


class ChangeKind(StrEnum):
    """What one item of the Decision does to the law in force."""

    ARTICLE_ADDED = "article_added"
    RENUMBERED = "renumbered"
    REVISED = "revised"  # the whole article is given a new text
    MERGED = "merged"
    PARAGRAPH_DELETED = "paragraph_deleted"
    PARAGRAPH_ADDED = "paragraph_added"
    PHRASE_REVISED = "phrase_revised"  # "其中的 A 修改为 B"


@dataclass(frozen=True)
class DecisionItem:
    """One numbered item (一、 to 十四、): what it changes, from which current-law numbers to which."""

    number: int
    kinds: tuple[ChangeKind, ...]
    old: tuple[Ref, ...]  # current-law (2016) numbering
    new: str  # the article number in the law as amended
    heading: str  # the item's own words up to the quoted text
    text: str  # the whole item, cleaned
    paragraph: int | None = None  # the paragraph added or deleted
    phrase_change: tuple[str, str] | None = None

    @property
    def kind(self) -> ChangeKind:
        """The main change: merged > added > revised > paragraph/phrase change > renumbered only."""
        order = (ChangeKind.MERGED, ChangeKind.ARTICLE_ADDED, ChangeKind.REVISED, ChangeKind.PARAGRAPH_ADDED,
                 ChangeKind.PARAGRAPH_DELETED, ChangeKind.PHRASE_REVISED, ChangeKind.RENUMBERED)
        return next(k for k in order if k in self.kinds)


@dataclass(frozen=True)
class AdoptedArticle:
    """An article of the law as amended that the Decision names; `full_text` when it gives all of it."""

    number: str
    item: int
    kinds: tuple[ChangeKind, ...]
    old: tuple[Ref, ...]
    full_text: bool
    units: tuple[Unit, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(u.text for u in self.units)


@dataclass(frozen=True)
class Decision(CitableUnits):
    """The Decision parsed: its units are the adopted articles' paragraphs and items, then each item and the
    closing clauses."""

    raw: str
    sha256: str
    title: str
    order_number: int
    adopted_on: str  # ISO date
    in_force_from: str  # ISO date
    items: tuple[DecisionItem, ...]
    articles: dict[str, AdoptedArticle]
    _units: dict[str, Unit] = field(default_factory=dict, repr=False)

    def for_current(self, article: str) -> list[DecisionItem]:
        """Items that take a current-law article (or a part of it) somewhere."""
        return [i for i in self.items if any(r.article == article for r in i.old)]


def clean(raw: str) -> list[str]:
    """Lines without page furniture, running head removed, full-width punctuation restored."""
    out: list[str] = []
    for line in raw.splitlines():
        text = line.strip()
        if text in ("", "—") or text.isdigit():
            continue
        text = text.removeprefix(RUNNING_HEAD).strip()
        out.append(text.translate(_FULL_WIDTH).replace(" ", ""))
    return [t for t in out if t]


def _split_items(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(preamble lines, one joined text per item, closing lines); items must run 一, 二, ... in order."""
    start = next(i for i, line in enumerate(lines) if ENACTING_END in line) + 1
    end = next(i for i, line in enumerate(lines) if COMMENCEMENT_RE.match(line))
    items: list[list[str]] = []
    for line in lines[start:end]:
        m = ITEM_HEAD_RE.match(line)
        if m and zh_int(m.group("n")) == len(items) + 1:
            items.append([line])
        elif items:
            items[-1].append(line)
        else:
            raise ValueError(f"text before item 一: {line!r}")
    return lines[:start], ["".join(i) for i in items], ["".join(lines[end:])]


def _read_heading(number: int, heading: str) -> tuple[tuple[ChangeKind, ...], tuple[Ref, ...], str, int | None,
                                                       tuple[str, str] | None]:
    """Kinds, current-law refs, adopted number, paragraph and phrase change, from the item's own words."""
    if m := re.fullmatch(rf"增加一条，作为第({_NUM})条", heading):
        return (ChangeKind.ARTICLE_ADDED,), (), str(zh_int(m.group(1))), None, None
    if m := re.fullmatch(rf"将(.+)合并，作为第({_NUM})条，修改为", heading):
        return (ChangeKind.MERGED, ChangeKind.REVISED), tuple(find_zh_refs(m.group(1))), \
            str(zh_int(m.group(2))), None, None
    m = re.match(rf"将第({_NUM})条改为第({_NUM})条，(.+)$", heading)
    if not m:
        raise ValueError(f"item {number}: unrecognised heading {heading!r}")
    old, new, rest = (Ref(str(zh_int(m.group(1)))),), str(zh_int(m.group(2))), m.group(3)
    if rest == "修改为":
        return (ChangeKind.RENUMBERED, ChangeKind.REVISED), old, new, None, None
    if p := re.fullmatch(rf"删去第({_NUM})款。", rest):
        return (ChangeKind.RENUMBERED, ChangeKind.PARAGRAPH_DELETED), old, new, zh_int(p.group(1)), None
    if p := re.fullmatch(rf"增加一款，作为第({_NUM})款", rest):
        return (ChangeKind.RENUMBERED, ChangeKind.PARAGRAPH_ADDED), old, new, zh_int(p.group(1)), None
    if p := re.fullmatch(r"其中的“(.+?)”修改为“(.+?)”。", rest):
        return (ChangeKind.RENUMBERED, ChangeKind.PHRASE_REVISED), old, new, None, (p.group(1), p.group(2))
    raise ValueError(f"item {number}: unrecognised change {rest!r}")


def _quoted_paragraphs(body: str) -> list[str]:
    """Each quoted paragraph opens with “ and only the last closes with ”."""
    if not body.startswith("“") or not body.endswith("”"):
        raise ValueError(f"quoted text is not enclosed in quotes: {body[:40]!r}")
    return [p for p in body[:-1].split("“") if p]


def _article_units(number: str, paras: list[str], first: int) -> tuple[Unit, ...]:
    """Paragraph units from `first`; '（一）...' paragraphs are items of the paragraph before."""
    units: list[Unit] = []
    p = first - 1
    for text in paras:
        sub = SUB_ITEM_RE.match(text)
        if sub and p >= first:
            n = zh_int(sub.group("n"))
            units.append(Unit(f"adopted.art{number}.i{n}", "item", "adopted",
                              f"Adopted Article {number}, item ({n})", text, number, p, n))
        else:
            p += 1
            units.append(Unit(f"adopted.art{number}.p{p}", "paragraph", "adopted",
                              f"Adopted Article {number}, paragraph {p}", text, number, p))
    return tuple(units)


def _item(number: int, text: str) -> tuple[DecisionItem, AdoptedArticle]:
    body = text[len(ITEM_HEAD_RE.match(text).group(0)):]  # type: ignore[union-attr]
    heading, colon, quoted = body.partition("：")
    if not colon:
        heading, quoted = body, ""
    kinds, old, new, para, phrase = _read_heading(number, heading)
    item = DecisionItem(number, kinds, old, new, heading, text, para, phrase)
    full = ChangeKind.REVISED in kinds or ChangeKind.ARTICLE_ADDED in kinds
    units = _article_units(new, _quoted_paragraphs(quoted), para or 1) if quoted else ()
    if bool(quoted) != (full or ChangeKind.PARAGRAPH_ADDED in kinds):
        raise ValueError(f"item {number}: quoted text does not fit its kind {kinds}")
    return item, AdoptedArticle(new, number, kinds, old, full, units)


def _item_unit(item: DecisionItem) -> Unit:
    return Unit(f"decision.item{item.number}", "decision_item", "decision", f"Decision item {item.number}",
                item.text, item.new)


def _iso(m: re.Match | None, what: str) -> str:
    if m is None:
        raise ValueError(f"the Decision has no {what}")
    return f"{int(m.group('y')):04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"


def parse(raw: str) -> Decision:
    """Parse the shipped Decision text into items, adopted articles and citable units."""
    lines = clean(raw)
    preamble, item_texts, closing = _split_items(lines)
    head = "".join(preamble)
    order = ORDER_RE.search(head)
    if order is None:
        raise ValueError("the Decision has no Presidential Order number")
    title = next(line for line in preamble if line.startswith("全国人民代表大会常务委员会关于修改"))
    title += next(line for line in preamble if line.startswith("《中华人民共和国网络安全法》的决定"))
    parsed = [_item(n, t) for n, t in enumerate(item_texts, start=1)]
    if len(parsed) != 14:
        raise ValueError(f"expected 14 amendment items, found {len(parsed)}")
    items = tuple(i for i, _ in parsed)
    articles = dict(sorted(((a.number, a) for _, a in parsed), key=lambda kv: int(kv[0])))
    units = {u.id: u for a in articles.values() for u in a.units}
    order_end = next(i for i, line in enumerate(preamble) if "起施行" in line) + 1
    units["decision.order"] = Unit("decision.order", "decision_clause", "decision",
                                   "Presidential Order promulgating the Decision", "".join(preamble[:order_end]))
    units.update({u.id: u for u in map(_item_unit, items)})
    closing_text = closing[0]
    units["decision.commencement"] = Unit("decision.commencement", "decision_clause", "decision",
                                          "Decision, commencement", COMMENCEMENT_RE.search(closing_text).group(0))  # type: ignore[union-attr]
    rest = COMMENCEMENT_RE.sub("", closing_text)
    units["decision.republication"] = Unit("decision.republication", "decision_clause", "decision",
                                           "Decision, republication with renumbered articles", rest)
    return Decision(raw, hashlib.sha256(raw.encode()).hexdigest(), title, zh_int(order.group("n")),
                    _iso(ADOPTED_RE.search(head), "adoption date"), _iso(COMMENCEMENT_RE.search(closing_text),
                                                                          "commencement date"),
                    items, articles, units)


def read_text() -> str:
    """The shipped copy of the Decision (package data)."""
    return resources.files("assistant.data").joinpath(DECISION_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load() -> Decision:
    """The parsed shipped Decision, parsed once per process."""
    return parse(read_text())


def version_of_unit(unit_id: str) -> Version:
    """Which text a unit id belongs to: the Decision's units are the law in force's, every other one the draft's."""
    return Version.ADOPTED if unit_id.startswith(UNIT_PREFIXES) else Version.DRAFT

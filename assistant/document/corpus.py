"""The source text as typed records: amendment items, articles, units, sections.

Everything downstream (fine bands, lookup, index, checker) reads these records,
never the raw text, so the parse is strict: a change in the shipped text that
breaks an expected shape raises instead of silently producing less.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from assistant.document.refs import Ref, find_refs
from assistant.document.text import and_list

CORPUS_FILE = "csl_draft_amendment_2.txt"
EXPLANATION_START = "Explanation on the Draft Amendment"
ITEM_HEAD_RE = re.compile(r"^\s*(\d+)\.\s+(.*\S)\s*$")
SUB_ITEM_RE = re.compile(r"^\((\d+)\)\s*(.*)$", re.S)
DOCUMENT_STATUS = (
    "Answers are about the Draft Amendment to the Cybersecurity Law, second round of public comment "
    "(published March 2025), with its Explanation, unless a question asks about the law in force. The draft is "
    "not the law in force: the NPC Standing Committee adopted the amendment with changes on 28 October 2025 "
    "(in force 1 January 2026), with renumbered articles (the draft's Article 59 became Article 61) and some "
    "different figures; that Decision's official Chinese text is included, and each answer says which version "
    "it is about. Answers are not legal advice."
)


@dataclass(frozen=True)
class Unit:
    """The smallest citable passage: a paragraph, a numbered item or a section."""

    id: str
    kind: str  # "paragraph" | "item" | "section"
    source: str  # "amendment" | "explanation"
    title: str
    text: str
    article: str | None = None
    paragraph: int | None = None
    item: int | None = None

    def ref(self) -> Ref | None:
        """The legal reference of an amendment unit (None for the Explanation)."""
        if self.article is None:
            return None
        return Ref(self.article, None if self.item else self.paragraph, self.item)


@dataclass(frozen=True)
class AmendmentItem:
    """One numbered item of the draft ("4. Article 65 is renumbered as ...")."""

    number: int
    kind: str  # "revised" | "added" | "renumbered" | "merged" | "partial"
    heading: str
    old: tuple[Ref, ...]
    new: tuple[str, ...]
    text: str
    phrase_change: tuple[str, str] | None = None


@dataclass(frozen=True)
class Article:
    """An article of the draft's new numbering that the draft itself names."""

    number: str
    change: str
    amendment_item: int
    old: tuple[Ref, ...]
    text_included: bool
    note: str
    units: tuple[Unit, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(u.text for u in self.units if u.kind == "paragraph" or u.item)

    def paragraph_count(self) -> int:
        return sum(1 for u in self.units if u.kind == "paragraph")

    def item_count(self) -> int:
        return sum(1 for u in self.units if u.kind == "item")


@dataclass(frozen=True)
class RenumberEntry:
    """old -> new, exactly as the text states it; new is None for unstated."""

    old: Ref | None
    new: str | None
    kind: str
    amendment_item: int
    note: str


class CitableUnits:
    """Lookup of a parsed text's citable units by id (the draft's and the Decision's alike), in text order."""

    _units: dict[str, Unit]

    def units(self) -> list[Unit]:
        return list(self._units.values())

    def unit(self, unit_id: str) -> Unit:
        return self._units[unit_id]

    def has_unit(self, unit_id: str) -> bool:
        return unit_id in self._units


@dataclass(frozen=True)
class Corpus(CitableUnits):
    """The draft parsed: amendment paragraphs/items come first among its units, then the Explanation."""

    raw: str
    sha256: str
    title: str
    items: tuple[AmendmentItem, ...]
    articles: dict[str, Article]
    sections: tuple[Unit, ...]
    renumbering: tuple[RenumberEntry, ...]
    referenced: dict[str, tuple[str, ...]]
    residual_rule: str
    _units: dict[str, Unit] = field(default_factory=dict, repr=False)

    def revised_articles(self) -> list[str]:
        """The articles whose new text the draft sets out (revised or added), in order."""
        return [a.number for a in self.articles.values() if a.text_included]

    @property
    def residual_unit(self) -> str:
        """The amendment item that states the residual rule ("the serial numbers ... adjusted accordingly")."""
        return next(f"amend.{i.number}" for i in self.items if i.kind == "partial")

    def articles_of_item(self, number: int) -> list[str]:
        """The new article numbers an amendment item gives (item 8: the renumbered-only articles)."""
        return list(dict.fromkeys(e.new for e in self.renumbering if e.amendment_item == number and e.new))


def section_name(unit: Unit) -> str:
    """An Explanation section's title without its number ('Background of the Revision', 'preamble')."""
    return "preamble" if unit.id == "expl.preamble" else re.sub(r"^Explanation (?:\d\.|\d\(\d\)) ", "", unit.title)


def _paragraphs(block: str) -> list[str]:
    """Blank-line separated paragraphs, whitespace-normalised, residue dropped."""
    paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", block)]
    return [p for p in paras if p and re.search(r"[A-Za-z]", p)]


def _split_items(amendment: str) -> list[tuple[int, str, str]]:
    """(number, heading, body) for each numbered amendment item, in order."""
    lines = amendment.splitlines()
    heads = [(i, m) for i, line in enumerate(lines) if (m := ITEM_HEAD_RE.match(line))]
    out = []
    for k, (i, m) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        out.append((int(m.group(1)), m.group(2), "\n".join(lines[i + 1 : end])))
    numbers = [n for n, _, _ in out]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"amendment items out of order: {numbers}")
    return out


def _heading_kind(heading: str) -> tuple[str, tuple[Ref, ...], tuple[str, ...]]:
    """Classify an item heading and read the old and new numbers it names."""
    if m := re.match(r"Article (\d+) is revised to read", heading):
        return "revised", (Ref(m.group(1)),), (m.group(1),)
    if m := re.match(r"A new article is added as Article (\d+)", heading):
        return "added", (), (m.group(1),)
    if m := re.match(r"Article (\d+) is renumbered as Article (\d+)", heading):
        return "renumbered", (Ref(m.group(1)),), (m.group(2),)
    if m := re.match(r"(.+?) (?:is|are) merged into a new Article (\d+)", heading):
        old = tuple(r for match in find_refs(m.group(1)) for r in match.refs)
        return "merged", old, (m.group(2),)
    if heading.startswith("Partial articles are revised"):
        return "partial", (), ()
    raise ValueError(f"unrecognised amendment heading: {heading!r}")


def _quoted_paragraphs(body: str) -> list[str]:
    """The quoted new article text, one string per paragraph, quotes removed."""
    paras = _paragraphs(body)
    if not paras or not paras[0].startswith("“") or not paras[-1].endswith("”"):
        raise ValueError("article text is not enclosed in quotes")
    paras[0] = paras[0][1:]
    paras[-1] = paras[-1][:-1]
    return paras


def _article_units(number: str, paras: list[str]) -> tuple[Unit, ...]:
    """Paragraph and item units; '(n) ...' lines are items of the paragraph before."""
    units: list[Unit] = []
    p = 0
    for text in paras:
        sub = SUB_ITEM_RE.match(text)
        if sub and p:
            n = int(sub.group(1))
            units.append(Unit(f"art{number}.i{n}", "item", "amendment",
                              f"Article {number}, item ({n})", text, number, p, n))
        else:
            p += 1
            units.append(Unit(f"art{number}.p{p}", "paragraph", "amendment",
                              f"Article {number}, paragraph {p}", text, number, p))
    return tuple(units)


def _partial_entries(number: int, body: str) -> tuple[list[RenumberEntry], tuple[str, str] | None, str]:
    """Read item 8: renumberings, the phrase change and the residual rule."""
    text = " ".join(_paragraphs(body))
    phrase = re.search(r"the phrase “(.+?)” therein is revised to “(.+?)”", text)
    change = (phrase.group(1), phrase.group(2)) if phrase else None
    entries: list[RenumberEntry] = []
    for m in re.finditer(r"(?:(Paragraph (\d+) of )?Article (\d+)) (?:is renumbered )?as Article (\d+)", text):
        old = Ref(m.group(3), int(m.group(2)) if m.group(2) else None)
        note = "renumbered"
        if change and not m.group(1):
            note = f"renumbered; “{change[0]}” revised to “{change[1]}”"
        entries.append(RenumberEntry(old, m.group(4), "renumbered", number, note))
    rule = re.search(r"In addition, ([^.]*adjusted accordingly)\.", text)
    return entries, change, (rule.group(1) if rule else "")


def _explanation_sections(text: str) -> tuple[Unit, ...]:
    """Preamble, numbered sections 1-3 and sub-sections (1)-(4) of section 3."""
    text = re.sub(r"\n([ \t]*\d\.[ \t]+[^\n.]{3,80})\n", r"\n\n\1\n\n", text)
    paras = _paragraphs(text)
    title, rest = paras[0], paras[1:]
    sections: list[tuple[str, str, list[str]]] = [("expl.preamble", f"{title}: preamble", [])]
    top = ""
    for para in rest:
        head = re.fullmatch(r"(\d)\.\s+(.{3,80})", para)
        sub = re.fullmatch(r"\((\d)\)\s+(.{3,120})", para)
        if head and not para.endswith("."):
            top = head.group(1)
            sections.append((f"expl.{top}", f"Explanation {top}. {head.group(2)}", []))
        elif sub and not para.endswith(".") and top:
            sections.append((f"expl.{top}.{sub.group(1)}",
                             f"Explanation {top}({sub.group(1)}) {sub.group(2)}", []))
        else:
            sections[-1][2].append(para)
    return tuple(Unit(sid, "section", "explanation", stitle, "\n\n".join(body))
                 for sid, stitle, body in sections if body)


def _explain_item(kind: str, old: tuple[Ref, ...], number: int) -> str:
    olds = and_list([r.label() for r in old]) if old else ""
    return {
        "revised": f"revised in place by amendment item {number}",
        "added": f"new article added by amendment item {number}",
        "renumbered": f"{olds} renumbered and revised by amendment item {number}",
        "merged": f"{olds} merged and revised by amendment item {number}",
    }[kind]


def _build_articles(items: list[AmendmentItem], bodies: dict[int, str]) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    for item in items:
        if item.kind == "partial":
            continue
        number = item.new[0]
        units = _article_units(number, _quoted_paragraphs(bodies[item.number]))
        articles[number] = Article(number, item.kind, item.number, item.old, True,
                                   _explain_item(item.kind, item.old, item.number), units)
    return articles


def _renumbering(items: list[AmendmentItem], partial: list[RenumberEntry]) -> tuple[RenumberEntry, ...]:
    entries: list[RenumberEntry] = []
    for item in items:
        if item.kind == "added":
            entries.append(RenumberEntry(None, item.new[0], "added", item.number, "new article"))
        elif item.kind in ("revised", "renumbered"):
            note = "revised in place" if item.kind == "revised" else "renumbered and revised"
            entries.append(RenumberEntry(item.old[0], item.new[0], item.kind, item.number, note))
        elif item.kind == "merged":
            for ref in item.old:
                others = and_list([r.label() for r in item.old if r != ref])
                entries.append(RenumberEntry(ref, item.new[0], "merged", item.number,
                                             f"merged with {others} and revised"))
    entries.extend(partial)
    return tuple(entries)


def _renumber_only_articles(partial: list[RenumberEntry], number: int) -> dict[str, Article]:
    """Articles 62, 63, 66: the draft gives only their new number (and a phrase change)."""
    out: dict[str, Article] = {}
    for e in partial:
        assert e.old is not None and e.new is not None
        note = (f"{e.old.label()} of the current law is renumbered as Article {e.new}"
                f" ({e.note}). The draft does not reproduce this article's text.")
        out[e.new] = Article(e.new, "renumbered", number, (e.old,), False, note)
    return out


def _referenced(articles: dict[str, Article]) -> dict[str, tuple[str, ...]]:
    """Articles cited inside the new article texts whose own text the draft lacks."""
    cited: dict[str, list[str]] = {}
    for art in articles.values():
        for unit in art.units:
            for match in find_refs(unit.text):
                for ref in match.refs:
                    if ref.article == art.number:
                        continue
                    target = articles.get(ref.article)
                    if target is None or not target.text_included:
                        ids = cited.setdefault(ref.article, [])
                        if unit.id not in ids:
                            ids.append(unit.id)
    return {k: tuple(v) for k, v in sorted(cited.items(), key=lambda kv: int(kv[0]))}


def _item_units(items: list[AmendmentItem]) -> list[Unit]:
    """Each amendment item's own words ("Article 65 is renumbered as Article 67 ..."), citable."""
    out = []
    for item in items:
        text = item.heading + ":" if item.kind != "partial" else item.heading + ": " + item.text
        article = item.new[0] if len(item.new) == 1 else None
        out.append(Unit(f"amend.{item.number}", "amendment_item", "amendment",
                        f"Amendment item {item.number}", text, article))
    return out


def parse(raw: str) -> Corpus:
    """Parse the full source text into a Corpus."""
    if EXPLANATION_START not in raw:
        raise ValueError("source text has no Explanation part")
    amendment, expl = raw.split(EXPLANATION_START, 1)
    title = amendment.strip().splitlines()[0].strip()
    items: list[AmendmentItem] = []
    bodies: dict[int, str] = {}
    partial: list[RenumberEntry] = []
    rule = ""
    for number, heading, body in _split_items(amendment):
        kind, old, new = _heading_kind(heading)
        bodies[number] = body
        phrase = None
        if kind == "partial":
            partial, phrase, rule = _partial_entries(number, body)
            old = tuple(e.old for e in partial if e.old)
            new = tuple(e.new for e in partial if e.new)
        text = " ".join(_paragraphs(body)).strip("“”")
        items.append(AmendmentItem(number, kind, heading.rstrip(":"), old, new, text, phrase))
    articles = _build_articles(items, bodies)
    articles.update(_renumber_only_articles(partial, items[-1].number))
    articles = dict(sorted(articles.items(), key=lambda kv: int(kv[0])))
    sections = _explanation_sections(EXPLANATION_START + expl)
    units = {u.id: u for a in articles.values() for u in a.units}
    units.update({u.id: u for u in _item_units(items)})
    units.update({u.id: u for u in sections})
    return Corpus(raw, hashlib.sha256(raw.encode()).hexdigest(), title, tuple(items), articles,
                  sections, _renumbering(items, partial), _referenced(articles), rule, units)


def read_text() -> str:
    """The shipped copy of the source text (package data)."""
    return resources.files("assistant.data").joinpath(CORPUS_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load() -> Corpus:
    """The parsed shipped corpus, parsed once per process."""
    return parse(read_text())

"""Fine bands of the adopted law, read from the Decision's Chinese legal phrasing.

"可以处X元以上Y元以下罚款" is a discretionary fine (may), "处……" and "并处……" are
mandatory (shall); "处违法所得一倍以上五倍以下罚款" and "处采购金额一倍以上十倍以下罚款"
are multiples of a basis; "对直接负责的主管人员和其他直接责任人员处……" fines the
individuals. Each clause (between ；/。) carries its own condition, from which the tier
and any gains threshold ("不足十万元", "十万元以上") are read. Nothing is typed in;
a hand-checked golden table in the tests guards the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.document.decision import Decision, load
from assistant.document.fines import BandReference, BandTable, FineBand
from assistant.document.kinds import BandKind, Subject, Tier, Version
from assistant.document.refs_zh import find_zh_refs, zh_int
from assistant.document.zh_terms import BASIS_ZH, INDIVIDUALS_ZH, who_en

__all__ = ["AdoptedBand", "AdoptedTable", "bands_in_unit", "build", "table"]

_NUM = r"[零一二三四五六七八九十百千万]+"
AMOUNT_RE = re.compile(rf"(?P<lead>并可以|可以|并)?处(?P<min>{_NUM})元以上(?P<max>{_NUM})元以下罚款")
MULTIPLE_RE = re.compile(
    rf"(?P<lead>并可以|可以|并)?处(?P<basis>违法所得|采购金额)(?P<min>{_NUM})倍以上(?P<max>{_NUM})倍以下罚款")
THRESHOLD_RE = re.compile(rf"违法所得(?:不足(?P<below>{_NUM})元|(?P<above>{_NUM})元以上)的")
ENTITY_RE = re.compile(r"^(?P<who>[^，；]*?运营者)(?:违反|不履行|处理)")
ACT_RE = re.compile(r"^违反本法第[^，]+?条规定，(?P<act>.+?)的，由")
PRECEDING_RE = re.compile(r"^有前(?P<two>两)?款")
REFERENCE_RE = re.compile(r"依照(?:该款|前两款)规定处罚")


@dataclass(frozen=True)
class AdoptedBand(FineBand):
    """A band of the law in force; `who` is the Decision's Chinese, `who_en` the working English."""

    who_en: str = ""
    version: Version = Version.ADOPTED

    def who_english(self) -> str:
        return self.who_en


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[；。]", text) if c]


def _tier(clause: str) -> Tier:
    if "特别严重" in clause:
        return Tier.PARTICULARLY_SERIOUS
    if clause.startswith("拒不改正"):
        return Tier.REFUSES_OR_SERIOUS
    if "造成" in clause and "严重" in clause:
        return Tier.SERIOUS
    return Tier.BASE


def _condition(clause: str) -> str:
    head, sep, _ = clause.partition("的，")
    return head if sep else clause


def _threshold(clause: str) -> tuple[int | None, str | None]:
    m = THRESHOLD_RE.search(clause)
    if not m:
        return None, None
    if m.group("below"):
        return zh_int(m.group("below")), "below_or_none"
    return zh_int(m.group("above")), "at_or_above"


def entity_who(text: str, previous: list[str]) -> str:
    """Who a paragraph fines: its subject, the act it punishes, or the parties of the paragraphs it refers to."""
    if m := ENTITY_RE.match(text):
        return m.group("who")
    if m := ACT_RE.match(text):
        return m.group("act")
    if m := PRECEDING_RE.match(text):
        named = previous[-2:] if m.group("two") else previous[-1:]
        return "或者".join(dict.fromkeys(named))
    raise ValueError(f"cannot tell who is fined in: {text[:40]!r}")


def _band(unit_id: str, article: str, paragraph: int, clause: str, m: re.Match, who: str) -> AdoptedBand:
    individual = clause[: m.start()].endswith(INDIVIDUALS_ZH)
    subject = Subject.INDIVIDUAL if individual else Subject.ENTITY
    whom = INDIVIDUALS_ZH if individual else who
    basis = BASIS_ZH[m.group("basis")] if "basis" in m.groupdict() else None
    kind = BandKind.MULTIPLE if basis else BandKind.AMOUNT
    threshold, rule = _threshold(clause)
    mandatory = not (m.group("lead") or "").endswith("可以")
    return AdoptedBand("", article, paragraph, unit_id, kind, subject, whom, _tier(clause),
                       zh_int(m.group("min")), zh_int(m.group("max")), basis, mandatory, _condition(clause),
                       clause, threshold, rule, who_en(whom))


def bands_in_unit(unit_id: str, article: str, paragraph: int, text: str, who: str) -> list[AdoptedBand]:
    """Every band stated in one paragraph, in text order."""
    out: list[AdoptedBand] = []
    for clause in _clauses(text):
        found = sorted([*AMOUNT_RE.finditer(clause), *MULTIPLE_RE.finditer(clause)], key=lambda m: m.start())
        out += [_band(unit_id, article, paragraph, clause, m, who) for m in found]
    return out


class AdoptedTable(BandTable[AdoptedBand]):
    """The adopted law's fine-band table (same lookups as the draft's)."""


def _reference(unit_id: str, article: str, paragraph: int, text: str) -> BandReference | None:
    if not REFERENCE_RE.search(text):
        return None
    paras: tuple[int, ...]
    if "依照前两款" in text:
        target, paras = article, (paragraph - 2, paragraph - 1)
    else:
        ref = [r for r in find_zh_refs(text) if r.paragraph][-1]
        target, paras = ref.article, (ref.paragraph or 0,)
    who = re.split(r"，(?:造成|不履行)|的，依照", text, maxsplit=1)[0]
    return BandReference(article, paragraph, unit_id, target, paras, who, text)


def build(decision: Decision) -> AdoptedTable:
    bands: list[AdoptedBand] = []
    refs: list[BandReference] = []
    for article in decision.articles.values():
        whos: list[str] = []
        for unit in (u for u in article.units if u.kind == "paragraph"):
            assert unit.paragraph is not None
            found: list[AdoptedBand] = []
            if AMOUNT_RE.search(unit.text) or MULTIPLE_RE.search(unit.text):
                whos.append(entity_who(unit.text, whos))
                found = bands_in_unit(unit.id, article.number, unit.paragraph, unit.text, whos[-1])
            bands += [replace(b, id=f"{unit.id}.f{k}") for k, b in enumerate(found, start=1)]
            if ref := _reference(unit.id, article.number, unit.paragraph, unit.text):
                refs.append(ref)
    return AdoptedTable(tuple(bands), tuple(refs))


@lru_cache(maxsize=1)
def table() -> AdoptedTable:
    """The band table of the shipped Decision, built once per process."""
    return build(load())

"""Self-test cases for the fields around a figure: may/shall, who, tier, negation, currency, number
format, cross-references and renumbering, in English and Chinese.

Generated from the band table, the provisions' own citations and the renumbering map; a
perturbation changes one field and is kept only when the text shows it false.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.checking.selftest_phrasing import Case, _amount_sentence, _cite, _condition, _who, to_chinese
from assistant.document.corpus import Corpus
from assistant.document.fines import FineBand, FineTable
from assistant.document.refs import find_refs

OTHERS = "other directly liable personnel"


def _en(corpus: Corpus, b: FineBand, form: str, modal: str | None = None, who: str | None = None,
        cond: str | None = None) -> str:
    modal = modal or ("shall" if b.mandatory else "may")
    cond = _condition(b, "en") if cond is None else cond
    return (f"Under {_cite(corpus, b.article, b.paragraph, 'en')}, {cond}a fine of {form} {modal} be imposed "
            f"{who or _who(b, b.subject)}.")


def _zh(corpus: Corpus, b: FineBand, form: str, modal: str = "", who: str | None = None) -> str:
    who = who or ("直接负责的主管人员" if b.subject == "individual" else "违法单位")
    return f"{_cite(corpus, b.article, b.paragraph, 'zh')}：{_condition(b, 'zh')}{modal}对{who}处{form}罚款。"


def band_field_cases(corpus: Corpus, fines: FineTable, b: FineBand) -> Iterator[Case]:
    if b.kind != "amount":
        return
    lo, hi, label = b.min, b.max, f"{b.id} field"
    en, zh = f"{lo:,} to {hi:,} yuan", f"{to_chinese(lo)}元以上{to_chinese(hi)}元以下"
    right, wrong = ("shall", "may") if b.mandatory else ("may", "shall")
    zright, zwrong = ("应当", "可以") if b.mandatory else ("可以", "应当")
    yield Case(_en(corpus, b, en, right), "en", True, f"{label} modality")
    yield Case(_en(corpus, b, en, wrong), "en", False, f"{label} modality swapped")
    yield Case(_zh(corpus, b, zh, zright), "zh", True, f"{label} zh modality")
    yield Case(_zh(corpus, b, zh, zwrong), "zh", False, f"{label} zh modality swapped")
    yield Case(_en(corpus, b, f"{lo:,} to {hi:,} US dollars"), "en", False, f"{label} currency")
    yield Case(_zh(corpus, b, zh.replace("元", "美元")), "zh", False, f"{label} zh currency")
    cite = _cite(corpus, b.article, b.paragraph, "en")
    yield Case(f"Under {cite}, {_condition(b, 'en')}the fine of {en} is not imposed {_who(b, b.subject)}.", "en",
               False, f"{label} negation")
    if hi % 100_000 == 0 and lo % 100_000 == 0:
        form = f"RMB {lo / 1_000_000:g}-{hi / 1_000_000:g} million"
        yield Case(_en(corpus, b, form), "en", True, f"{label} number format")
        yield Case(_en(corpus, b, f"RMB {lo / 100_000:g}-{hi / 100_000:g} million"), "en", False,
                   f"{label} number format x10")
    if b.subject == "individual" and OTHERS not in b.who:
        who = f"on the directly responsible persons-in-charge and {OTHERS}"
        yield Case(_en(corpus, b, en, who=who), "en", False, f"{label} other personnel")
        zh_who = "直接负责的主管人员和其他直接责任人员"
        yield Case(_zh(corpus, b, zh, who=zh_who), "zh", False, f"{label} zh other personnel")
    has_base = any(o.tier == "base" and o.article == b.article and o.paragraph == b.paragraph for o in fines.bands)
    if b.tier != "base" and b.threshold is None and has_base:
        cond = "where the operator corrects at once and causes no harm, "
        yield Case(_en(corpus, b, en, cond=cond), "en", False, f"{label} tier base")


def crossref_cases(corpus: Corpus) -> Iterator[Case]:
    """'Article 59(2) covers breaches of Article 33' for each citation of a penalty paragraph; a neighbour is wrong."""
    for art in corpus.articles.values():
        if not art.text_included:
            continue
        for unit in art.units:
            if unit.kind != "paragraph":
                continue
            cited = {r.article for m in find_refs(unit.text) for r in m.refs if r.article and r.article != art.number}
            everywhere = {r.article for u in art.units for m in find_refs(u.text) for r in m.refs if r.article}
            cite = _cite(corpus, art.number, unit.paragraph, "en")
            for number in sorted(cited):
                yield Case(f"{cite} covers breaches of Article {number}.", "en", True, f"{unit.id} crossref {number}")
                wrong = str(int(number) + 1)
                if wrong not in everywhere and wrong not in corpus.articles:
                    yield Case(f"{cite} covers breaches of Article {wrong}.", "en", False,
                               f"{unit.id} crossref {number} wrong")


def renumbering_cases(corpus: Corpus) -> Iterator[Case]:
    """Each moved article of the map, in English and Chinese; the next number is wrong unless the map has it."""
    for e in corpus.renumbering:
        if e.old is None or e.new is None or e.old.paragraph or e.old.item or e.old.article == e.new:
            continue
        news = {x.new for x in corpus.renumbering if x.old and x.old.article == e.old.article}
        wrong = str(int(e.new) + 1)
        yield Case(f"Old Article {e.old.article} becomes Article {e.new}.", "en", True, f"renumber {e.old.article}")
        zh_old, zh_new = to_chinese(int(e.old.article)), to_chinese(int(e.new))
        yield Case(f"原第{zh_old}条改为第{zh_new}条。", "zh", True, f"renumber {e.old.article} zh")
        if wrong not in news:
            yield Case(f"Old Article {e.old.article} becomes Article {wrong}.", "en", False,
                       f"renumber {e.old.article} wrong")
            yield Case(f"原第{zh_old}条改为第{to_chinese(int(wrong))}条。", "zh", False,
                       f"renumber {e.old.article} zh wrong")


def field_cases(corpus: Corpus, fines: FineTable) -> list[Case]:
    out = [c for b in fines.bands for c in band_field_cases(corpus, fines, b)]
    return out + list(crossref_cases(corpus)) + list(renumbering_cases(corpus))


__all__ = ["field_cases", "_amount_sentence"]

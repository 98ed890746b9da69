"""The self-test's phrasings: correct and perturbed statements generated from the band table and the text.

Every case is generated from the band table and the Explanation's own
sentences, never typed in: for each band several English and Chinese phrasings
with the right citation, subject and tier, and perturbations that change the
fact (x10, /10, another band's range, wrong subject, wrong article, one zero
too many or too few, wrong multiple or basis, wrong year). A perturbation is
kept only if the table shows it is really false, so 100% / 0% is the target.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from assistant.checking.claims import extract_claims
from assistant.document.corpus import Corpus
from assistant.document.fines import FineBand, FineTable
from assistant.document.kinds import BandKind, Basis, ClaimKind, Subject, Tier
from assistant.document.numerals import ENGLISH_UNITS

WORDS = {v: w for w, v in ENGLISH_UNITS.items()}
CN_DIGITS = "零一二三四五六七八九"
CN_BASIS = {Basis.ILLEGAL_GAINS: "违法所得", Basis.PROCUREMENT_AMOUNT: "采购金额"}
EN_TIER = {Tier.PARTICULARLY_SERIOUS: "where particularly serious consequences are caused, ",
           Tier.SERIOUS: "where serious cybersecurity consequences such as massive data leakage are caused, ",
           Tier.REFUSES_OR_SERIOUS: "if it refuses to make corrections, ", Tier.BASE: ""}
ZH_TIER = {Tier.PARTICULARLY_SERIOUS: "造成特别严重后果的，", Tier.SERIOUS: "造成严重后果的，",
           Tier.REFUSES_OR_SERIOUS: "拒不改正的，", Tier.BASE: ""}
ZH_SUBJECT = {Subject.ENTITY: "违法单位", Subject.INDIVIDUAL: "直接负责的主管人员"}


Attempt = tuple[int, int, Subject, str, int | None]  # low, high, subject, article, paragraph


@dataclass(frozen=True)
class Case:
    text: str
    lang: str
    correct: bool
    label: str
    cited: tuple[str, ...] = ()



def to_chinese(n: int) -> str:
    """1_000_000 -> 一百万, 200_000 -> 二十万, 30_000 -> 三万 (the inverse of numerals.chinese_to_int)."""
    if n == 0:
        return "零"

    def section(x: int) -> str:
        out, zero = "", False
        for unit, div in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d = x // div % 10
            if d:
                out += ("零" if zero else "") + CN_DIGITS[d] + unit
                zero = False
            elif out:
                zero = True
        return out

    parts: list[str] = []
    for unit, div in (("亿", 10 ** 8), ("万", 10 ** 4), ("", 1)):
        chunk = n // div % 10_000 if div < 10 ** 8 else n // div
        if chunk:
            if parts and chunk < 1000:
                parts.append("零")
            parts.append(section(chunk) + unit)
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


# -- how the text says it -------------------------------------------------------------------
def _cite(corpus: Corpus, article: str, paragraph: int | None, lang: str) -> str:
    multi = paragraph is not None and corpus.articles[article].paragraph_count() > 1
    if lang == "zh":
        return f"第{to_chinese(int(article))}条" + (f"第{to_chinese(paragraph)}款" if multi and paragraph else "")
    return f"Article {article}({paragraph})" if multi else f"Article {article}"


def _who(band: FineBand, subject: Subject) -> str:
    if subject == Subject.INDIVIDUAL:
        return "on the directly responsible persons-in-charge"
    who = band.who.split(" (")[0] if band.subject == Subject.ENTITY else "operator"
    return f"on {who}" if who.startswith("whoever") else f"on the {who}"


def _en_ranges(lo: int, hi: int) -> list[str]:
    forms = [f"{lo:,} to {hi:,} yuan", f"between {lo:,} and {hi:,} yuan",
             f"not less than {lo:,} yuan but not more than {hi:,} yuan", f"RMB {lo:,}–{hi:,}"]
    if lo % 100_000 == 0 and hi % 100_000 == 0 and lo:
        forms.append(f"{lo / 1_000_000:g} million to {hi / 1_000_000:g} million yuan")
    return forms


def _zh_ranges(lo: int, hi: int) -> list[str]:
    forms = [f"{to_chinese(lo)}元以上{to_chinese(hi)}元以下"]
    if lo % 10_000 == 0 and hi % 10_000 == 0:
        forms.append(f"{lo // 10_000}万元以上{hi // 10_000}万元以下")
    return forms


def _condition(band: FineBand, lang: str) -> str:
    """The threshold bands state their own condition; the others name their tier."""
    if band.threshold is not None:
        if lang == "en":
            return band.condition + ", "
        limit = to_chinese(band.threshold)
        if band.threshold_rule == "above":
            return f"违法所得超过{limit}元的，"
        return f"没有违法所得或者违法所得不足{limit}元的，"
    return (EN_TIER if lang == "en" else ZH_TIER)[band.tier]


def _amount_sentence(corpus: Corpus, band: FineBand, form: str, lang: str, subject: Subject, article: str,
                     paragraph: int | None) -> str:
    cite = _cite(corpus, article, paragraph, lang)
    if lang == "zh":
        return f"{cite}：{_condition(band, lang)}对{ZH_SUBJECT[subject]}处{form}罚款。"
    modal = "shall" if band.mandatory else "may"
    return f"Under {cite}, {_condition(band, lang)}a fine of {form} {modal} be imposed {_who(band, subject)}."


def _multiple_forms(lo: int, hi: int, basis: Basis, lang: str) -> list[str]:
    if lang == "zh":
        return [f"{CN_BASIS[basis]}{to_chinese(lo)}倍以上{to_chinese(hi)}倍以下"]
    return [f"{lo} to {hi} times the {basis}", f"{lo}-{hi} times the {basis}", f"{lo}–{hi}x the {basis}",
            f"not less than {WORDS[lo]} time but not more than {WORDS[hi]} times the {basis}"]


# -- what is true ---------------------------------------------------------------------------
def _bands_at(fines: FineTable, article: str, paragraph: int | None) -> list[FineBand]:
    if paragraph is None:
        return fines.effective_for(article)
    own = [b for b in fines.bands if b.article == article and b.paragraph == paragraph]
    for ref in fines.references:
        if ref.article == article and ref.paragraph == paragraph:
            own += [b for b in fines.bands if b.article == ref.target_article and b.paragraph in ref.target_paragraphs]
    return own


def _true(fines: FineTable, article: str, paragraph: int | None, subject: Subject, tier: Tier, lo: int, hi: int,
          kind: BandKind = BandKind.AMOUNT, basis: Basis | None = None) -> bool:
    return any(b.kind == kind and b.subject == subject and (tier == Tier.BASE or b.tier == tier)
               and (b.min, b.max) == (lo, hi) and (basis is None or b.basis == basis)
               for b in _bands_at(fines, article, paragraph))


# -- cases ----------------------------------------------------------------------------------
def _amount_cases(corpus: Corpus, fines: FineTable, band: FineBand) -> Iterator[Case]:
    other = Subject.INDIVIDUAL if band.subject == Subject.ENTITY else Subject.ENTITY
    tier = Tier.BASE if band.threshold is not None else band.tier
    fine_articles = list(dict.fromkeys(b.article for b in fines.bands)) + [r.article for r in fines.references]
    wrong_article = next((a for a in fine_articles if not any((b.min, b.max) == (band.min, band.max)
                                                              for b in fines.effective_for(a))), None)
    swaps = [(b.min, b.max) for b in fines.bands
             if b.kind == BandKind.AMOUNT and (b.min, b.max) != (band.min, band.max)]
    places = [(band.article, band.paragraph)] + [(r.article, r.paragraph) for r in fines.applied_by(band)]
    for lang, forms in (("en", _en_ranges), ("zh", _zh_ranges)):
        for article, paragraph in places:
            for k, _ in enumerate(forms(band.min, band.max)):
                def say(lo: int, hi: int, subject: Subject = band.subject, art: str = article,
                        para: int | None = paragraph, k: int = k, lang: str = lang) -> str:
                    options = (_en_ranges if lang == "en" else _zh_ranges)(lo, hi) or _zh_ranges(lo, hi)
                    return _amount_sentence(corpus, band, options[min(k, len(options) - 1)], lang, subject, art, para)
                label = f"{band.id} {lang} form{k} at {article}({paragraph})"
                yield Case(say(band.min, band.max), lang, True, label)
                tries: dict[str, Attempt] = {
                    "x10": (band.min * 10, band.max * 10, band.subject, article, paragraph),
                    "/10": (band.min // 10, band.max // 10, band.subject, article, paragraph),
                    "extra zero": (band.min, band.max * 10, band.subject, article, paragraph),
                    "missing zero": (band.min // 10, band.max, band.subject, article, paragraph),
                    "wrong subject": (band.min, band.max, other, article, paragraph)}
                if swaps:
                    swap = next((s for s in swaps if not _true(fines, article, paragraph, band.subject, tier, *s)),
                                None)
                    if swap:
                        tries["swapped band"] = (*swap, band.subject, article, paragraph)
                if wrong_article:
                    tries["wrong article"] = (band.min, band.max, band.subject, wrong_article, None)
                for name, (lo, hi, subject, art, para) in tries.items():
                    if not _true(fines, art, para, subject, tier, lo, hi):
                        yield Case(say(lo, hi, subject, art, para), lang, False, f"{label} {name}")


def _multiple_cases(corpus: Corpus, fines: FineTable, band: FineBand) -> Iterator[Case]:
    assert band.basis is not None
    others = [b for b in fines.bands if b.kind == BandKind.MULTIPLE and b is not band]
    wrong_article = next(a for a in dict.fromkeys(b.article for b in fines.bands)
                         if not any(b.kind == BandKind.MULTIPLE for b in fines.effective_for(a)))
    for lang in ("en", "zh"):
        for k, _ in enumerate(_multiple_forms(band.min, band.max, band.basis, lang)):
            def say(lo: int, hi: int, basis: Basis = band.basis, art: str = band.article,
                    subject: Subject = Subject.ENTITY, k: int = k, lang: str = lang) -> str:
                form = _multiple_forms(lo, hi, basis, lang)[k]
                return _amount_sentence(corpus, band, form, lang, subject, art, None)
            label = f"{band.id} {lang} multiple form{k}"
            yield Case(say(band.min, band.max), lang, True, label)
            tries = {"wrong article": (band.min, band.max, band.basis, wrong_article, Subject.ENTITY),
                     "wrong subject": (band.min, band.max, band.basis, band.article, Subject.INDIVIDUAL)}
            for o in others:
                tries[f"wrong multiple {o.max}"] = (band.min, o.max, band.basis, band.article, Subject.ENTITY)
                if o.basis and o.basis != band.basis:
                    tries["wrong basis"] = (band.min, band.max, o.basis, band.article, Subject.ENTITY)
            for name, (lo, hi, basis, art, subject) in tries.items():
                if not _true(fines, art, None, subject, Tier.BASE, lo, hi, BandKind.MULTIPLE, basis):
                    yield Case(say(lo, hi, basis, art, subject), lang, False, f"{label} {name}")


def _year_cases(corpus: Corpus) -> Iterator[Case]:
    """The Explanation's own dated sentences, cited; then the same sentence one year off."""
    for unit in corpus.sections:
        for claim in extract_claims(unit.text):
            if claim.kind not in (ClaimKind.YEAR, ClaimKind.DATE):
                continue
            year = claim.value if claim.kind == ClaimKind.YEAR else claim.value["year"]
            sentence = unit.text[claim.sentence[0]:claim.sentence[1]].strip()
            at = claim.start - claim.sentence[0] - (len(unit.text[claim.sentence[0]:claim.sentence[1]])
                                                    - len(unit.text[claim.sentence[0]:claim.sentence[1]].lstrip()))
            wrong = sentence[:at] + claim.text.replace(str(year), str(year + 1)) + sentence[at + len(claim.text):]
            label = f"{unit.id} {claim.text}"
            yield Case(sentence, "en", True, label, (unit.id,))
            yield Case(wrong, "en", False, f"{label} wrong year", (unit.id,))
            yield Case(f"说明指出：{year}年。", "zh", True, f"{label} zh", (unit.id,))
            yield Case(f"说明指出：{year + 1}年。", "zh", False, f"{label} zh wrong year", (unit.id,))

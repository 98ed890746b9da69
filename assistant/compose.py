"""The grounded answer composer: answers built only from the text, the band table and the map.

Used by the default `grounded` backend and as the fallback whenever a generative
model's answer fails the checker. Every figure it writes comes from a FineBand or
a quoted passage, and every statement carries a [unit_id] citation marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import claims
from assistant.condense import split_followup
from assistant.corpus import Corpus, Unit, load
from assistant.fines import FineBand, FineTable, table
from assistant.retrieval import route, tokenize

PENALTY_RE = re.compile(r"fine|penalt|punish|sanction|liab|how much|yuan|rmb|maximum|minimum|highest|lowest|"
                        r"exposure|cost|罚|处罚|多少|calculat|gains|procure", re.I)
RENUMBER_RE = re.compile(r"\bold\b|renumber|became|become|moved|merg|new number|former|current law|what happened|"
                         r"where did|where does|where is|now article|原|改为|合并", re.I)
LOOKUP_RE = re.compile(r"\bshow\b|text of|full text|wording|what does .{0,30}\bsay|\bquote|\bread\b|内容|原文", re.I)
WHY_RE = re.compile(r"\bwhy\b|reason|background|purpose|\baim|idea|guiding|principle|main content|explanation|"
                    r"^when\b|legislative plan|rationale|motivat|为什么|背景|目的|说明", re.I)
COMPARE_RE = re.compile(r"compar|differ|\bvs\.?\b|versus|both|which articles|all (?:the )?(?:fines|articles|bands)|"
                        r"each|every|across|比较|区别", re.I)
MODAL_RE = re.compile(r"\b(shall|may)\b")
INDIVIDUAL_RE = re.compile(r"individual|person|manager|executive|director|officer|staff|employee|personnel|"
                           r"responsible|in charge|in-charge|负责|责任人员|个人", re.I)
ENTITY_RE = re.compile(r"compan|operator|firm|entit|business|organi[sz]ation|seller|provider|enterprise|单位|运营者",
                       re.I)
TIER_CUES = (
    ("particularly_serious", re.compile(r"particularly serious|total loss|all (?:of )?its main|main functions|"
                                        r"worst|特别严重|全部丧失", re.I)),
    ("serious", re.compile(r"(?<!particularly )serious (?:cybersecurity )?consequence|massive|data leak|leakage|"
                           r"partial loss|严重后果|大量数据泄露", re.I)),
    ("refuses_or_serious", re.compile(r"refus|won't correct|does not correct|fails? to correct|not correct|"
                                      r"拒不改正|情节严重", re.I)),
)
MAX_RE = re.compile(r"maximum|highest|largest|biggest|most severe|top fine|最高|上限", re.I)
MEASURES_RE = re.compile(r"order (?:the )?suspension of relevant businesses.*?revocation of business licenses")
BASIS_WORDS = {"illegal gains": re.compile(r"gain|revenue|profit|income|所得", re.I),
               "procurement amount": re.compile(r"procure|purchas|bought|buy|contract|采购", re.I)}


@dataclass(frozen=True)
class Composition:
    text: str
    refused: bool = False


def _cite(unit_id: str) -> str:
    return f"[{unit_id}]"


def _subjects(question: str) -> tuple[str, ...]:
    own, _ = split_followup(question)
    if INDIVIDUAL_RE.search(own) or ENTITY_RE.search(own):
        question = own
    ind, ent = bool(INDIVIDUAL_RE.search(question)), bool(ENTITY_RE.search(question))
    if ind and not ent:
        return ("individual",)
    return ("entity", "individual")


def _tiers(question: str) -> set[str]:
    own, _ = split_followup(question)
    own_tiers = {tier for tier, cue in TIER_CUES if cue.search(own)}
    return own_tiers or {tier for tier, cue in TIER_CUES if cue.search(question)}


def _band_line(band: FineBand, amount: int | None = None) -> str:
    modal = "shall" if band.mandatory else "may"
    who = band.who if band.subject == "individual" else f"the {band.who}"
    if band.kind == "multiple":
        line = (f"- {band.condition}: a fine of {band.min} to {band.max} times the {band.basis} {modal} be imposed "
                f"on {who}")
        if amount is not None:
            line += _computed(band, amount)
        return line + f" {_cite(band.unit_id)}."
    return (f"- {band.condition}: a fine of {band.min:,} to {band.max:,} yuan {modal} be imposed on {who} "
            f"{_cite(band.unit_id)}.")


def _computed(band: FineBand, amount: int) -> str:
    if band.threshold is not None and band.threshold_rule == "above" and amount <= band.threshold:
        return ""
    return (f"; with {band.basis} of {amount:,} yuan that is {amount * band.min:,} to "
            f"{amount * band.max:,} yuan")


def _basis_amount(question: str, basis: str) -> int | None:
    if not BASIS_WORDS[basis].search(question):
        return None
    values = [c.value for c in claims.extract_claims(question) if c.kind == "amount" and isinstance(c.value, int)]
    return values[0] if values else None


def _threshold_note(bands: list[FineBand], gains: int | None) -> str:
    thresholds = [b for b in bands if b.threshold is not None]
    if not thresholds or gains is None:
        return ""
    limit = thresholds[0].threshold or 0
    unit = _cite(thresholds[0].unit_id)
    if gains > limit:
        return f"Illegal gains of {gains:,} yuan exceed {limit:,} yuan, so the multiple-based fine applies {unit}."
    if gains < limit:
        return (f"Illegal gains of {gains:,} yuan are less than {limit:,} yuan, so the fine of "
                f"{thresholds[-1].min:,} to {thresholds[-1].max:,} yuan applies {unit}.")
    return (f"The text is silent on illegal gains of exactly {limit:,} yuan: the multiple applies when gains "
            f"exceed {limit:,} yuan and the fixed band when they are less than {limit:,} yuan {unit}.")


def _select_bands(bands: list[FineBand], question: str, gains: int | None) -> list[FineBand]:
    subjects, tiers = _subjects(question), _tiers(question)
    chosen = [b for b in bands if b.subject in subjects]
    if tiers and any(b.tier in tiers for b in chosen):
        chosen = [b for b in chosen if b.tier in tiers]
    if gains is not None and any(b.threshold for b in chosen):
        keep = "above" if gains > (chosen[0].threshold or 0) else "below_or_none"
        if gains != chosen[0].threshold:
            chosen = [b for b in chosen if b.threshold_rule in (None, keep)]
    return chosen


def _measures(bands: list[FineBand]) -> list[str]:
    """Non-monetary measures in the same sentence as an entity band, with the text's own may/shall."""
    out = []
    for band in bands:
        m = MEASURES_RE.search(band.quote)
        if not m or band.subject != "entity":
            continue
        modals = MODAL_RE.findall(band.quote[: m.start()])
        modal = modals[-1] if modals else "may"
        line = f"- Other measures: the competent authorities {modal} also {m.group(0)} {_cite(band.unit_id)}."
        if line not in out:
            out.append(line)
    return out


def penalty_answer(articles: list[str], question: str, fines: FineTable, corpus: Corpus) -> list[str]:
    """Every applicable band of the articles, filtered by who and tier when the question says."""
    lines: list[str] = []
    for number in articles:
        own = fines.for_article(number)
        refs = [r for r in fines.references if r.article == number]
        bands = fines.effective_for(number)
        if not bands:
            continue
        amount = None
        for basis in ("illegal gains", "procurement amount"):
            if any(b.basis == basis for b in bands):
                amount = _basis_amount(question, basis)
        chosen = _select_bands(bands, question, amount) or bands
        header = f"Article {number}"
        for ref in refs:
            paras = " and ".join(str(p) for p in ref.target_paragraphs)
            target = f"Article {ref.target_article}, paragraph {paras}" if len(ref.target_paragraphs) == 1 \
                else f"paragraphs {paras} of Article {ref.target_article}"
            lines.append(f"{ref.who} {'are' if ref.who.startswith('Providers') else 'is'} punished in accordance "
                         f"with {target} {_cite(ref.unit_id)}.")
        if not own and refs:
            header = f"Article {refs[0].target_article} (applied by Article {number})"
        lines.append(f"{header}:")
        lines += [_band_line(b, amount) for b in chosen]
        lines += _measures(chosen)
        note = _threshold_note(chosen if amount is not None else [], amount if amount is not None else None)
        if note:
            lines.append(note)
    return lines


def maximum_answer(fines: FineTable) -> list[str]:
    top, top_ind = fines.maximum("entity"), fines.maximum("individual")
    same = [b for b in fines.bands if b.kind == "amount" and b.max == top.max and b.subject == "entity"]
    where = " and ".join(f"Article {b.article}, paragraph {b.paragraph} {_cite(b.unit_id)}" for b in same)
    multiples = [b for b in fines.bands if b.kind == "multiple"]
    lines = [f"The highest fixed fine in the draft is {top.min:,} to {top.max:,} yuan, for particularly serious "
             f"consequences under {where}.",
             f"For the directly responsible persons-in-charge the highest band is {top_ind.min:,} to "
             f"{top_ind.max:,} yuan {_cite(top_ind.unit_id)}."]
    for band in multiples:
        lines.append(f"Multiple-based fines have no fixed cap: Article {band.article} allows {band.min} to {band.max} "
                     f"times the {band.basis} {_cite(band.unit_id)}.")
    return lines


def renumber_answer(question: str, corpus: Corpus) -> list[str]:
    """What the text says about old numbers named in the question, else the whole map."""
    from assistant.lookup import parse_query

    q = parse_query(question) if re.search(r"\d|第", question) else None
    entries = [e for e in corpus.renumbering if q and e.old and e.old.article == str(q.article)]
    if q and not entries and str(q.article) not in corpus.articles:
        return [f"The draft does not state a new number for Article {q.article} of the current law; it says only "
                f"that {corpus.residual_rule} {_cite('amend.8')}."]
    if not entries:
        entries = list(corpus.renumbering)
    lines = []
    for e in entries:
        src = f"{e.old.label()} of the current law" if e.old else "A new article"
        verb = "is added as" if e.old is None else "becomes"
        lines.append(f"- {src} {verb} Article {e.new} ({e.note}) {_cite(f'amend.{e.amendment_item}')}.")
    if len(entries) > 3:
        lines.append(f"Otherwise the draft says only that {corpus.residual_rule} {_cite('amend.8')}.")
    return lines


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;])\s+(?=[A-Z“])", text) if s.strip()]


def explanation_answer(question: str, units: list[Unit], limit: int = 3) -> list[str]:
    """The Explanation's sentences that best match the question, quoted with their section."""
    wanted = set(tokenize(question))
    scored: list[tuple[float, int, str, Unit]] = []
    for rank, unit in enumerate(u for u in units if u.source == "explanation"):
        for pos, sentence in enumerate(_sentences(unit.text)):
            overlap = len(wanted & set(tokenize(sentence)))
            scored.append((overlap - 0.3 * rank - 0.01 * pos, pos, sentence, unit))
    best = sorted(scored, key=lambda s: -s[0])[:limit]
    best = [b for b in best if b[0] > 0] or best[:1]
    return [f"The Explanation ({_section_name(u)}) states: “{s}” {_cite(u.id)}"
            for _, _, s, u in sorted(best, key=lambda b: (units.index(b[3]), b[1]))]


def _section_name(unit: Unit) -> str:
    return "preamble" if unit.id == "expl.preamble" else re.sub(r"^Explanation (?:\d\.|\d\(\d\)) ", "", unit.title)


def quote_answer(units: list[Unit], corpus: Corpus) -> list[str]:
    lines = []
    for unit in units:
        art = corpus.articles.get(unit.article or "")
        if unit.kind == "amendment_item":
            lines.append(f"Amendment item {unit.id.split('.')[1]}: “{unit.text}” {_cite(unit.id)}")
            continue
        origin = f" ({art.note})" if art and unit.kind == "paragraph" and unit.paragraph == 1 else ""
        lines.append(f"{unit.title}{origin}: “{unit.text}” {_cite(unit.id)}")
    return lines


def _articles(question: str, routed: list[Unit], retrieved: list[Unit], fines: FineTable) -> list[str]:
    """Articles named in the question; else the best-ranked retrieved ones with fines (of the tier asked)."""
    named = [u.article for u in routed if u.article]
    if named:
        return list(dict.fromkeys(named))
    found = list(dict.fromkeys(u.article for u in retrieved if u.article and u.source == "amendment"))
    with_fines = [a for a in found if fines.effective_for(a)]
    tiers = _tiers(question)
    if tiers:
        with_fines = [a for a in with_fines if any(b.tier in tiers for b in fines.effective_for(a))] or with_fines
    return with_fines[: 3 if COMPARE_RE.search(question) else 1] or found[:1]


def compose(question: str, unit_ids: list[str], corpus: Corpus | None = None,
            fines: FineTable | None = None) -> Composition:
    """A cited answer to the question from the retrieved units."""
    corpus, fines = corpus or load(), fines or table()
    retrieved = [corpus.unit(u) for u in unit_ids if corpus.has_unit(u)]
    routed = route(question, corpus)
    refused = _referenced_only(question, routed, corpus)
    if refused:
        return Composition(refused, True)
    articles = _articles(question, routed, retrieved, fines)
    lines: list[str] = []
    if RENUMBER_RE.search(question) and not PENALTY_RE.search(question):
        lines += renumber_answer(question, corpus)
    if PENALTY_RE.search(question):
        if MAX_RE.search(question) and not routed and not _tiers(question):
            lines += maximum_answer(fines)
        else:
            lines += penalty_answer(articles, question, fines, corpus)
    if WHY_RE.search(question) and any(u.source == "explanation" for u in retrieved) and not routed:
        lines += explanation_answer(question, retrieved)
    if LOOKUP_RE.search(question) or not lines:
        picked = routed or [u for u in retrieved[:2]]
        if all(u.source == "explanation" for u in picked) and picked:
            lines += explanation_answer(question, retrieved)
        else:
            lines += quote_answer(picked, corpus)
    return Composition("\n".join(lines))


def _referenced_only(question: str, routed: list[Unit], corpus: Corpus) -> str:
    """A question about an article the draft only references: say its text is not here."""
    from assistant.refs import find_refs

    numbers = [r.article for m in find_refs(question) for r in m.refs]
    absent = [n for n in numbers if n in corpus.referenced and n not in corpus.articles]
    if not absent or routed and any(u.article in numbers for u in routed):
        return ""
    lines = []
    for n in dict.fromkeys(absent):
        where = " ".join(_cite(u) for u in corpus.referenced[n])
        lines.append(f"The text of Article {n} of the Cybersecurity Law is not included in this document: the draft "
                     f"only refers to it {where}. I cannot quote or summarise it from this document.")
    return "\n".join(lines)

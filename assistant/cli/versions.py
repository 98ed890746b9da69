"""CLI views of the adopted law: its bands (`bands --version adopted`) and a draft article against it (`diff`).

Kept apart from `commands.py` so the draft's commands stay as they were; `commands`
only routes here.
"""

from __future__ import annotations

import argparse
import json

from assistant.document import adopted_bands, decision
from assistant.document.alignment import alignment
from assistant.document.band_diff import BandChange, BandLink, links_for_draft_article
from assistant.document.corpus import load
from assistant.document.zh_terms import WORKING_TRANSLATION
from assistant.errors import UserError

ADOPTED_STATUS = ("The adopted amendment: Decision of the NPC Standing Committee of 28 October 2025 (Presidential "
                  "Order No. 61), in force 1 January 2026. Article numbers are those of the law as amended. "
                  "Quotes are the official Chinese; " + WORKING_TRANSLATION)


def _emit(args: argparse.Namespace, data: object, text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text)


def adopted_bands_command(args: argparse.Namespace) -> int:
    """Every band of the adopted law, optionally one article or subject."""
    table = adopted_bands.table()
    bands = [b for b in table.bands if args.article in (None, b.article) and args.subject in (None, b.subject)]
    data = [b.as_dict() | {"applied_by": [{"article": r.article, "paragraph": r.paragraph, "who": r.who}
                                         for r in table.references if r.target_article == b.article
                                         and b.paragraph in r.target_paragraphs]} for b in bands]
    lines = [f"Art. {b.article}({b.paragraph})  {b.subject:<10} {b.tier:<20} {'shall' if b.mandatory else 'may':<5} "
             f"{b.describe_range():<34} {b.who_en}" for b in bands]
    lines += [f"Art. {r.article}({r.paragraph}) applies Article {r.target_article} "
              f"{' and '.join(f'paragraph {p}' for p in r.target_paragraphs)} by reference: {r.who}"
              for r in table.references]
    _emit(args, data, ADOPTED_STATUS + "\n\n" + "\n".join(lines))
    return 0


def _row(link: BandLink) -> str:
    band = link.adopted or link.draft
    assert band is not None
    who = f"{band.subject} {band.tier}"
    if link.status is BandChange.NEW:
        return f"  NEW        {who:<32} adopted Art. {band.article}({band.paragraph}): {band.describe_range()}"
    assert link.draft is not None
    head = f"  {link.status.value.upper():<10} {who:<32} draft Art. {link.draft.article}({link.draft.paragraph}) "
    if link.adopted is None:
        return head + f"{link.draft.describe_range()} -> not in the adopted law"
    tail = f"-> adopted Art. {link.adopted.article}({link.adopted.paragraph}) {link.adopted.describe_range()}"
    changes = "; ".join(f"{c.field}: {c.draft} -> {c.adopted}" for c in link.changes)
    return head + f"{link.draft.describe_range()} {tail}" + (f"  [{changes}]" if changes else "")


def diff_command(args: argparse.Namespace) -> int:
    """A draft article against the adopted provision(s) that carry it, provision by provision and band by band."""
    article = str(args.article).strip()
    if article not in load().articles:
        raise UserError(f"the draft has no Article {article} of its own; draft articles: "
                        f"{', '.join(load().articles)}")
    links = alignment().for_draft_article(article)
    bands = links_for_draft_article(article)
    dec = decision.load()
    data = {"draft_article": article, "adopted_articles": list(alignment().articles.get(article, ())),
            "provisions": [{"draft_unit": p.draft_unit, "adopted_units": list(p.adopted_units),
                            "carry": p.carry.value, "draft_quote": p.draft_quote,
                            "adopted_quotes": list(p.adopted_quotes),
                            "reference_moves": [{"draft": m.draft.short(), "adopted": m.adopted.short()
                                                 if m.adopted else None, "confirmed": m.confirmed}
                                                for m in p.ref_moves]} for p in links],
            "bands": [b.as_dict() for b in bands]}
    adopted = alignment().articles.get(article, ())
    lines = [f"Draft Article {article} -> adopted Article(s) {', '.join(adopted) or 'none'}"]
    for p in links:
        target = ", ".join(dec.unit(u).title for u in p.adopted_units) or "not carried by the adopted law"
        lines.append(f"- {p.draft_unit or 'article (no text in the draft)'} -> {target} [{p.carry.value}]")
        lines += [f"    reference {m.draft.short()} -> {m.adopted.short() if m.adopted else '?'}" for m in p.ref_moves]
    lines.append("Bands:")
    lines += [_row(b) for b in bands] or ["  (no fine bands)"]
    _emit(args, data, ADOPTED_STATUS + "\n\n" + "\n".join(lines))
    return 0

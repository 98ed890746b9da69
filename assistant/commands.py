"""The CLI's commands: each is (help, add_arguments, handler), registered by name.

Handlers print readable text, or JSON with --json, and return an exit code.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from assistant import fines, lookup
from assistant.corpus import DOCUMENT_STATUS


class UserError(Exception):
    """Bad input from the user: reported plainly, exit code 2, never a traceback."""


def _emit(args: argparse.Namespace, data: object, text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text)


def _bands_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--article", help="only this article (new numbering)")
    p.add_argument("--subject", choices=("entity", "individual"))


def _band_row(band: fines.FineBand) -> str:
    modal = "shall" if band.mandatory else "may"
    return (f"Art. {band.article}({band.paragraph})  {band.subject:<10} {band.tier:<20} {modal:<5} "
            f"{band.describe_range():<34} {band.who}")


def _bands(args: argparse.Namespace) -> int:
    table = fines.table()
    bands = [b for b in table.bands if (args.article in (None, b.article))
             and (args.subject in (None, b.subject))]
    data = []
    for band in bands:
        row = band.as_dict()
        row["applied_by"] = [{"article": r.article, "paragraph": r.paragraph, "who": r.who}
                             for r in table.applied_by(band)]
        data.append(row)
    lines = [_band_row(b) for b in bands]
    for ref in table.references:
        targets = " and ".join(f"paragraph {p}" for p in ref.target_paragraphs)
        lines.append(f"Art. {ref.article}({ref.paragraph}) applies Article {ref.target_article} {targets} "
                     f"by reference: {ref.who}")
    _emit(args, data, DOCUMENT_STATUS + "\n\n" + "\n".join(lines))
    return 0


def _lookup_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+", help='e.g. "Article 69", "art 59 para 3", "old Article 65"')


def _lookup(args: argparse.Namespace) -> int:
    result = lookup.lookup(" ".join(args.query))
    text = result.note + ("\n\n" + result.text if result.text else "")
    _emit(args, result.as_dict(), text)
    return 0 if result.ok else 2


Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
REGISTRY: dict[str, Command] = {
    "bands": ("list the fine bands stated in the draft", _bands_args, _bands),
    "lookup": ("look up an article, paragraph or item, or an old article number", _lookup_args, _lookup),
}

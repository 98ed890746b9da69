"""The CLI's commands: each is (help, add_arguments, handler), registered by name.

Handlers print readable text, or JSON with --json, and return an exit code.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from assistant.document import fines, lookup
from assistant.document.corpus import DOCUMENT_STATUS


def _emit(args: argparse.Namespace, data: object, text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text)


def _bands_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--article", help="only this article (new numbering)")
    p.add_argument("--subject", choices=("entity", "individual"))
    p.add_argument("--version", choices=("draft", "adopted"), default="draft",
                   help="draft (March 2025, default) or adopted (the law in force from 1 January 2026)")


def _band_row(band: fines.FineBand) -> str:
    modal = "shall" if band.mandatory else "may"
    return (f"Art. {band.article}({band.paragraph})  {band.subject:<10} {band.tier:<20} {modal:<5} "
            f"{band.describe_range():<34} {band.who}")


def _bands(args: argparse.Namespace) -> int:
    if getattr(args, "version", "draft") == "adopted":
        from assistant.cli import versions

        return versions.adopted_bands_command(args)
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


def _diff_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", help="a draft article number, e.g. 59 (shown against adopted Article 61)")


def _diff(args: argparse.Namespace) -> int:
    from assistant.cli import versions

    return versions.diff_command(args)


def _index_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("build", "status"), help="build (if missing or stale) or report status")
    p.add_argument("--force", action="store_true", help="rebuild even when up to date")


def _index(args: argparse.Namespace) -> int:
    from assistant.retrieval import index, query_embeddings

    if args.action == "status":
        data = index.status() | query_embeddings.choose().as_dict()
        text = "\n".join(f"{k}: {v}" for k, v in data.items())
        _emit(args, data, text)
        return 0 if data.get("fresh") else 1
    from assistant.service import build_index

    info = build_index(force=args.force)
    data = info.__dict__ | query_embeddings.choose().as_dict()
    _emit(args, data, f"{info.message}: {info.count} chunks at {info.location} ({info.seconds:.2f} s); "
                      f"questions embedded by {data['query_embeddings']}")
    return 0


def _ask_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", nargs="*", help="the question (omit with --jsonl)")
    p.add_argument("--llm", help="backend: grounded (default), smollm2, ollama, openai")
    p.add_argument("--jsonl", action="store_true", help="read JSON lines {question, history} from stdin")


def _ask(args: argparse.Namespace) -> int:
    from assistant.cli import ask as ask_cli

    return ask_cli.ask(args)


def _chat_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--llm", help="backend: grounded (default), smollm2, ollama, openai")


def _chat(args: argparse.Namespace) -> int:
    from assistant.cli import ask as ask_cli

    return ask_cli.chat(args)


def _check_args(p: argparse.ArgumentParser) -> None:
    from assistant.cli import check as check_cli

    check_cli.add_args(p)


def _check(args: argparse.Namespace) -> int:
    from assistant.cli import check as check_cli

    return check_cli.handle(args)


def _eval_args(p: argparse.ArgumentParser) -> None:
    from assistant.cli import eval as eval_cli

    eval_cli.add_args(p)


def _eval(args: argparse.Namespace) -> int:
    from assistant.cli import eval as eval_cli

    return eval_cli.handle(args)


def _app_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", type=int, help="port to serve on (Streamlit's default: 8501)")
    p.add_argument("--headless", action="store_true", help="do not open a browser")


def _app(args: argparse.Namespace) -> int:
    """`streamlit run` the page module shipped in the package, with usage statistics off."""
    import subprocess
    import sys
    from importlib.util import find_spec

    spec = find_spec("assistant.ui.page")  # by name: the CLI does not import the UI layer
    if spec is None or spec.origin is None:
        print("The web app is not part of this installation.", file=sys.stderr)
        return 2
    page = spec.origin
    cmd = [sys.executable, "-m", "streamlit", "run", page, "--browser.gatherUsageStats", "false"]
    cmd += ["--server.port", str(args.port)] if args.port else []
    cmd += ["--server.headless", "true"] if args.headless else []
    return subprocess.call(cmd)


Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
REGISTRY: dict[str, Command] = {
    "bands": ("list the fine bands stated in the draft", _bands_args, _bands),
    "lookup": ("look up an article, paragraph or item, or an old article number", _lookup_args, _lookup),
    "diff": ("a draft article against the adopted law, figure by figure", _diff_args, _diff),
    "index": ("build or inspect the Chroma index", _index_args, _index),
    "ask": ("answer a question (or JSON lines with --jsonl)", _ask_args, _ask),
    "chat": ("interactive chat in the terminal", _chat_args, _chat),
    "check": ("check the numbers in an answer read from stdin", _check_args, _check),
    "eval": ("run evaluation question sets and score them", _eval_args, _eval),
    "app": ("start the web app (Streamlit) in the browser", _app_args, _app),
}

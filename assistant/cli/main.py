"""`csl-assistant`: the command line over the library. Every command has --json.

`main(argv) -> int` is what tests call; exit codes: 0 ok, 1 a check failed,
2 bad input (unknown article, unreadable question).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from assistant.cli import commands
from assistant.errors import UserError

Handler = Callable[[argparse.Namespace], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csl-assistant",
        description="Questions and answers on the Draft Amendment to the Cybersecurity Law of the PRC "
                    "(second round of public comment, March 2025). Not the law in force.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, add_args, _) in commands.REGISTRY.items():
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("--json", action="store_true", help="machine-readable output")
        add_args(cmd)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler: Handler = commands.REGISTRY[args.command][2]
    try:
        return handler(args)
    except UserError as exc:
        if getattr(args, "json", False):
            print(json.dumps({"error": str(exc)}, ensure_ascii=False))
        else:
            print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

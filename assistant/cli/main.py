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


def _chosen(argv: Sequence[str]) -> str | None:
    """The command named on the line (the first word not starting with "-"), if it is a known one."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in commands.REGISTRY else None


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that command gets its arguments.

    Some commands define their arguments in modules with heavier imports (check, eval), so
    `bands` and `lookup` should not build every other command's arguments to start.
    """
    parser = argparse.ArgumentParser(
        prog="csl-assistant",
        description="Questions and answers on the Draft Amendment to the Cybersecurity Law of the PRC "
                    "(second round of public comment, March 2025). Not the law in force.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, add_args, _) in commands.REGISTRY.items():
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("--json", action="store_true", help="machine-readable output")
        if only in (None, name):
            add_args(cmd)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(_chosen(argv)).parse_args(argv)
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

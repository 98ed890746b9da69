"""`csl-assistant`: the command line over the library. Every command has --json.

`main(argv) -> int` is what tests call. Exit codes (also in the README):

| code | meaning |
|---|---|
| 0 | success |
| 1 | a check failed (unverified figures, stale index, pass rate under the floor) |
| 2 | bad input (unknown article, unusable question or file, malformed setting or option) |
| 3 | a service is unavailable (the Chroma server cannot be reached) |
| 4 | the index folder cannot be used (a file, a symlink loop, no permission) |
| 5 | an internal error (a bug: one line, never a traceback; CSL_DEBUG=1 shows it) |

Every command's output goes through `assistant.terminal.safe_output`: nothing from
the input reaches the terminal as a control or bidi character.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence

from assistant.cli import commands
from assistant.errors import IndexLocationError, ServiceUnavailable, UserError
from assistant.terminal import safe_output

Handler = Callable[[argparse.Namespace], int]
OK, CHECK_FAILED, BAD_INPUT, SERVICE_UNAVAILABLE, BAD_INDEX_PATH, INTERNAL_ERROR = range(6)
EXIT_CODES = frozenset(range(6))
_FAILURES: tuple[tuple[type[Exception], int], ...] = (
    (UserError, BAD_INPUT), (ServiceUnavailable, SERVICE_UNAVAILABLE), (IndexLocationError, BAD_INDEX_PATH))


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


def _report(args: argparse.Namespace, message: str) -> None:
    """One line: a JSON error object on stdout with --json, else `error: ...` on stderr."""
    message = " ".join(message.split())
    if getattr(args, "json", False):
        print(json.dumps({"error": message}, ensure_ascii=False))
    else:
        print(f"error: {message}", file=sys.stderr)


def _run(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = _parser(_chosen(argv)).parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage line; its codes are 0 (--help) and 2
        return exc.code if isinstance(exc.code, int) else BAD_INPUT
    handler: Handler = commands.REGISTRY[args.command][2]
    try:
        return handler(args)
    except BrokenPipeError:
        return OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise is one line and a documented code, never a traceback
        for kind, code in _FAILURES:
            if isinstance(exc, kind):
                _report(args, str(exc))
                return code
        if os.environ.get("CSL_DEBUG"):
            raise
        _report(args, f"internal error ({type(exc).__name__}: {str(exc)[:300]}); set CSL_DEBUG=1 for details")
        return INTERNAL_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    with safe_output():
        return _run(argv)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

"""`csl-assistant`: the command line over the library (`main(argv) -> int`, `run()` for the console script)."""

from assistant.cli.main import main, run

__all__ = ["main", "run"]

"""Run a command the way a non-root deployment would: file modes apply to it.

As `nobody` when that user can reach this interpreter; otherwise (an interpreter
under /root, say) as uid 0 without the capabilities that bypass file modes, which
is what matters for a read-only folder. None when neither is possible here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from functools import cache

_CAPS = "-dac_override,-dac_read_search,-fowner"


@cache
def prefix() -> tuple[str, ...] | None:
    """The command prefix, or None (the reason is in `why_not`)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    as_nobody = (setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all")
    if _works(as_nobody + (sys.executable, "-c", "import assistant")):
        return as_nobody
    dropped = (setpriv, f"--bounding-set={_CAPS}", f"--inh-caps={_CAPS}")
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o555)
        try:
            probe = dropped + ("/bin/sh", "-c", f"touch {folder}/x")
            if _works(dropped + ("/bin/true",)) and not _works(probe):
                return dropped
        finally:
            os.chmod(folder, 0o755)
    return None


def why_not() -> str:
    return "needs setpriv (util-linux) to drop privileges, or a non-root user"


def _works(cmd: tuple[str, ...]) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=120, env=os.environ,
                              cwd=os.getcwd()).returncode == 0
    except OSError:
        return False

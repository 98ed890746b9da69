"""Start and stop a real Chroma server (`chroma run`) on a free loopback port, for tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.services import free_port, running


def chroma_executable() -> str | None:
    local = Path(sys.executable).with_name("chroma")
    return str(local) if local.exists() else shutil.which("chroma")


@contextlib.contextmanager
def running_server(data_dir: Path, timeout: float = 60.0) -> Iterator[str]:
    """Yield the URL of a Chroma server started for the duration of the block."""
    exe = chroma_executable()
    if exe is None:
        raise RuntimeError("the `chroma` command is not installed (it ships with the chromadb package)")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [exe, "run", "--path", str(data_dir / "data"), "--host", "127.0.0.1", "--port", str(port)]
    with running(cmd, f"{url}/api/v2/heartbeat", data_dir / "chroma-server.log", timeout,
                 env=os.environ | {"ANONYMIZED_TELEMETRY": "False"}):
        yield url

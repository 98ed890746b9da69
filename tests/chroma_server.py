"""Start and stop a real Chroma server (`chroma run`) on a free loopback port, for tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    env = os.environ | {"ANONYMIZED_TELEMETRY": "False"}
    log = open(data_dir / "chroma-server.log", "w")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen([exe, "run", "--path", str(data_dir / "data"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"chroma server did not start; see {data_dir / 'chroma-server.log'}") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()

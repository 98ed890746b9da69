"""Running the real app and a headless Chromium for the browser test, offline and cleanly stopped.

Chromium and chromedriver come from Debian (`chromium`, `chromium-driver`); the
paths are passed explicitly and SE_OFFLINE is set, so Selenium Manager never
tries to download a browser or driver.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    from tests.services import free_port, running
except ImportError:  # run from inside tests/
    from services import free_port, running  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1400,1100")


def browser_problem() -> str | None:
    """None when Chromium, chromedriver and Selenium are usable; tries one apt install as root first."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if missing and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for cmd in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium", "chromium-driver"]):
            subprocess.run(cmd, env=env, capture_output=True, timeout=900, check=False)
        missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if missing:
        return f"{', '.join(missing)} missing and `apt-get install -y chromium chromium-driver` did not provide them"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install selenium)"
    return None


@contextmanager
def streamlit_server(index_dir: Path, log: Path, timeout_s: float = 180, via_cli: bool = False) -> Iterator[str]:
    """`streamlit run app.py` (or, with via_cli, `csl-assistant app`, which runs the page shipped in the
    package) on a free loopback port; yields its URL and always terminates it."""
    port = free_port()
    env = dict(os.environ, CSL_INDEX_DIR=str(index_dir), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               ANONYMIZED_TELEMETRY="False", STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
               STREAMLIT_SERVER_ADDRESS="127.0.0.1", PYTHONPATH=os.pathsep.join(filter(None, (
                   str(ROOT), os.environ.get("PYTHONPATH")))))
    if via_cli:
        cmd = [sys.executable, "-m", "assistant", "app", "--headless", "--port", str(port)]
    else:
        cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port",
               str(port), "--server.address", "127.0.0.1"]
    with running(cmd, f"http://127.0.0.1:{port}/_stcore/health", log, timeout_s, cwd=ROOT, env=env,
                 start_new_session=True):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def chromium(profile_dir: Path, downloads: Path | None = None) -> Iterator[object]:
    """A headless Chromium driven by the Debian chromedriver, with a fresh profile; always quit."""
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile_dir}"):
        options.add_argument(flag)
    if downloads is not None:
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                  "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()

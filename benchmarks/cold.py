"""Cold starts as whole processes: a one-shot `csl-assistant ask`, and the app from `streamlit run` to its first answer.

Every figure is taken for both ways of embedding the question, in the same run: the
ONNX export (the product) and sentence-transformers (the old path, selected with
CSL_QUERY_EMBEDDINGS=sentence-transformers). Peak memory is the process's own
maximum RSS (from wait4, or the server's VmHWM), so nothing else on the machine
counts; wall times are medians of repeated runs and still move with the machine's load.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "What is the maximum fine in Article 59?"
PATHS = {"onnx": "auto", "sentence-transformers": "sentence-transformers"}


def _env(index_dir: Path, path: str) -> dict[str, str]:
    return os.environ | {"CSL_INDEX_DIR": str(index_dir), "CSL_QUERY_EMBEDDINGS": PATHS[path],
                         "PYTHONPATH": str(ROOT)}


# The measured process is started by this small launcher, not by the benchmark itself: a child forked from a
# process holding torch inherits that process's peak RSS (Linux keeps ru_maxrss across exec).
_LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = proc.stderr.read()
_, status, usage = os.wait4(proc.pid, 0)
sys.stderr.buffer.write(err)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    """Wall seconds, the process's own peak RSS in MB, and its stderr."""
    done = subprocess.run([sys.executable, "-c", _LAUNCHER, *cmd], env=env, capture_output=True, check=True)
    wall, peak_kb, code = done.stdout.split()
    if int(code) != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {int(code)}: {done.stderr.decode()[-2000:]}")
    return float(wall), int(peak_kb) / 1024, done.stderr


def one_shot(index_dir: Path, repeat: int = 3) -> dict[str, Any]:
    """`python -m assistant ask` from a cold process, `repeat` times per path, the paths taking turns."""
    cmd = [sys.executable, "-m", "assistant", "ask", "--json", QUESTION]
    runs: dict[str, list[tuple[float, float]]] = {path: [] for path in PATHS}
    for _ in range(repeat):
        for path in PATHS:
            runs[path].append(_run(cmd, _env(index_dir, path))[:2])
    return {path: {"wall_s": round(statistics.median(w for w, _ in rows), 2),
                   "peak_rss_mb": round(statistics.median(m for _, m in rows), 1),
                   "runs": [[round(w, 2), round(m, 1)] for w, m in rows]} for path, rows in runs.items()}


def import_profile(index_dir: Path, path: str = "onnx", top: int = 8) -> dict[str, Any]:
    """Where a one-shot ask's import time goes: self time summed per top-level package (-X importtime)."""
    cmd = [sys.executable, "-X", "importtime", "-m", "assistant", "ask", "--json", QUESTION]
    wall, _, stderr = _run(cmd, _env(index_dir, path))
    per_package: dict[str, int] = defaultdict(int)
    for line in stderr.decode().splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            per_package[parts[2].strip().split(".")[0]] += int(parts[0])
    total = sum(per_package.values()) / 1e6
    ranked = sorted(per_package.items(), key=lambda kv: -kv[1])[:top]
    return {"wall_s_with_importtime": round(wall, 2), "imports_s": round(total, 2),
            "rest_s": round(wall - total, 2), "top_packages_s": {k: round(v / 1e6, 3) for k, v in ranked}}


def _server_peak_rss_mb() -> float | None:
    """Peak RSS (VmHWM) of this process's streamlit child, read from /proc."""
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
            cmdline = (status.parent / "cmdline").read_text()
        except OSError:
            continue
        if "streamlit" in cmdline and f"PPid:\t{os.getpid()}" in text:
            return round(int(text.split("VmHWM:")[1].split()[0]) / 1024, 1)
    return None


def app_first_answer(index_dir: Path, path: str) -> dict[str, Any]:
    """`streamlit run app.py` -> health endpoint answers -> headless Chromium asks one question -> the answer's
    first citation chip is shown. Seconds from spawning the server; the server's peak RSS after that answer."""
    sys.path.insert(0, str(ROOT))
    from tests.browser_helpers import browser_problem, chromium
    from tests.services import free_port, running

    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1"]
    url = f"http://127.0.0.1:{port}"
    env = _env(index_dir, path) | {"STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with running(cmd, f"{url}/_stcore/health", Path(tmp) / "app.log", 180, env=env, cwd=ROOT):
            out: dict[str, Any] = {"ready_s": round(time.perf_counter() - start, 2)}
            problem = browser_problem()
            if problem:
                return out | {"first_answer_s": None, "why": problem, "peak_rss_mb": _server_peak_rss_mb()}
            with chromium(Path(tmp) / "profile") as driver:
                out["first_answer_s"] = round(_ask_in_browser(driver, url, start), 2)
            out["peak_rss_mb"] = _server_peak_rss_mb()
    return out


def _ask_in_browser(driver: Any, url: str, start: float) -> float:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    wait = WebDriverWait(driver, 240, poll_frequency=0.1)
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")))
    box.send_keys(QUESTION)
    box.send_keys(Keys.ENTER)
    wait.until(ec.visibility_of_element_located(
        (By.XPATH, "//div[@data-testid='stChatMessage']//button[contains(., 'Art. 59')]")))
    return time.perf_counter() - start


def bench_cold(index_dir: Path, repeat: int = 3) -> dict[str, Any]:
    """Both paths in the same run, for the one-shot ask and for the app."""
    return {"one_shot_ask": one_shot(index_dir, repeat),
            "app": {path: app_first_answer(index_dir, path) for path in PATHS},
            "one_shot_import_profile": import_profile(index_dir)}

"""`make bench`: how fast it answers, against a floor measured in the same run, and how cost grows.

Prints one table and writes benchmarks/results/latest.json. Every timing is a
median (and p95) over repeated runs after warm-up; ratios are against the floor:
one query embedding with the same model on the same machine.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.config import settings  # noqa: E402
from assistant.document.corpus import Unit, load  # noqa: E402
from assistant.evaluation.runner import load_cases  # noqa: E402
from assistant.retrieval.embeddings import default_embeddings  # noqa: E402
from assistant.retrieval.index import ensure_index  # noqa: E402
from assistant.retrieval.search import Retriever  # noqa: E402
from assistant.service import build_assistant  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "latest.json"


def timed(fn: Callable[[], Any], repeat: int, warmup: int = 2) -> dict[str, float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return stats(samples)


def stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered), 3),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * (len(ordered) - 1) + 0.5))], 3),
            "n": len(ordered)}


def questions() -> list[str]:
    cases, _ = load_cases(sorted((ROOT / "evals").glob("*.jsonl")))
    return [c.question for c in cases if not c.history]


def bench_floor() -> dict[str, float]:
    """One query embedding, uncached: the model's own encode call."""
    emb = default_embeddings()
    return timed(_cycler(questions(), lambda q: emb.embed_documents([q])), repeat=60, warmup=5)


def _cycler(items: list[str], fn: Callable[[str], Any]) -> Callable[[], Any]:
    """A no-argument callable that applies fn to the next item each call (round robin)."""
    state = {"i": 0}

    def call() -> Any:
        state["i"] += 1
        return fn(items[state["i"] % len(items)])

    return call


def bench_answers(assistant: Any) -> dict[str, float]:
    """Each question once, after a warm-up on other text: no query-embedding cache hits."""
    from assistant.retrieval.embeddings import _cached_query

    _cached_query.cache_clear()
    samples = []
    for q in ("warm-up question one about fines", "warm-up two", "warm-up three"):
        assistant.ask(q)
    for q in dict.fromkeys(questions()):
        start = time.perf_counter()
        assistant.ask(q)
        samples.append((time.perf_counter() - start) * 1000)
    return stats(samples)


def bench_retrieval(retriever: Retriever) -> dict[str, dict[str, float]]:
    from assistant.retrieval.embeddings import _cached_query

    def uncached(q: str, m: str) -> Any:
        _cached_query.cache_clear()
        return retriever.search(q, k=6, mode=m)

    return {mode: timed(_cycler(questions(), lambda q, m=mode: uncached(q, m)), repeat=60)
            for mode in ("dense", "lexical", "hybrid")}


def bench_checker() -> dict[str, Any]:
    from assistant.checking.checker import check_answer

    sentence = ("Under Article 59(3), the competent authorities shall impose a fine of 2,000,000 to 10,000,000 yuan "
                "on the operator and 200,000 to 1,000,000 yuan on the directly responsible persons-in-charge. ")
    text = sentence * (2000 // len(sentence.split()) + 1)
    words = len(text.split())
    result = timed(lambda: check_answer(text), repeat=30)
    return result | {"words": words, "claims": len(check_answer(text).claims)}


def bench_index(tmp: Path) -> dict[str, float]:
    cfg = replace(settings(), index_dir=tmp / "cold")
    start = time.perf_counter()
    ensure_index(cfg)
    cold = (time.perf_counter() - start) * 1000
    reuse = timed(lambda: ensure_index(cfg), repeat=5, warmup=1)
    return {"cold_build_ms": round(cold, 1), "reuse_p50_ms": reuse["p50_ms"]}


def _replicated(factor: int) -> list[Unit]:
    units = load().units()
    out = list(units)
    for copy in range(1, factor):
        out += [replace(u, id=f"{u.id}.x{copy}", text=f"{u.text} (synthetic copy {copy})") for u in units]
    return out


def bench_growth(tmp: Path) -> dict[str, Any]:
    """Build time and query latency with the corpus replicated 1x, 10x, 100x (synthetic extra documents)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    emb = default_embeddings()
    out = {}
    for factor in (1, 10, 100):
        units = _replicated(factor)
        client = chromadb.PersistentClient(str(tmp / f"grow{factor}"), ChromaSettings(anonymized_telemetry=False))
        start = time.perf_counter()
        col = client.create_collection("growth", metadata={"hnsw:space": "cosine"}, embedding_function=None)
        texts = [u.text for u in units]
        for i in range(0, len(units), 500):
            col.add(ids=[u.id for u in units[i:i + 500]], documents=texts[i:i + 500],
                    embeddings=emb.embed_documents(texts[i:i + 500]))
        build = (time.perf_counter() - start) * 1000
        query = timed(_cycler(questions(), lambda q, c=col: c.query(query_embeddings=emb.embed_documents([q]),
                                                                     n_results=6)), repeat=30)
        out[f"{factor}x"] = {"chunks": len(units), "build_ms": round(build, 1), "query": query}
    return out


def bench_concurrency(assistant: Any) -> dict[str, Any]:
    """Distinct questions per round, the query-embedding cache cleared before each round."""
    from assistant.retrieval.embeddings import _cached_query

    qs = list(dict.fromkeys(questions()))[:32]
    out = {}
    for threads in (1, 4, 16):
        latencies: list[float] = []

        def one(q: str, sink: list[float] = latencies) -> None:
            start = time.perf_counter()
            assistant.ask(q)
            sink.append((time.perf_counter() - start) * 1000)

        _cached_query.cache_clear()
        start = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(one, qs))
        wall = time.perf_counter() - start
        out[f"{threads}_threads"] = stats(latencies) | {"questions_per_s": round(len(qs) / wall, 1)}
    return out


def bench_cold_start() -> dict[str, Any]:
    env = os.environ | {"CSL_INDEX_DIR": str(settings().index_dir)}
    cmd = [sys.executable, "-m", "assistant", "ask", "--json", "What fines apply for massive data leakage?"]
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    first = (time.perf_counter() - start) * 1000
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    imp = subprocess.run([sys.executable, "-X", "importtime", "-c", "import assistant.service"], env=env,
                         capture_output=True, text=True).stderr.splitlines()
    top = sorted((line for line in imp if "|" in line and line.split("|")[1].strip().isdigit()),
                 key=lambda line: -int(line.split("|")[1]))[:5]
    return {"cli_first_answer_ms": round(first, 1), "cli_peak_rss_mb": round(rss, 1),
            "slowest_imports_us": [" ".join(line.split()) for line in top], **bench_app_ready(env)}


def bench_app_ready(env: dict[str, str]) -> dict[str, Any]:
    """`streamlit run app.py` until its health endpoint answers; peak RSS of the server then."""
    from tests.services import free_port, running

    port = free_port()
    streamlit = Path(sys.executable).with_name("streamlit")
    if not streamlit.exists() or not (ROOT / "app.py").exists():
        return {"app_server_ready_ms": None}
    cmd = [str(streamlit), "run", str(ROOT / "app.py"), "--server.headless", "true", "--server.port", str(port),
           "--server.address", "127.0.0.1"]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, \
            running(cmd, f"http://127.0.0.1:{port}/_stcore/health", Path(tmp) / "app.log", 120, env=env):
        ready = (time.perf_counter() - start) * 1000
        rss = _children_peak_rss_mb()
    return {"app_server_ready_ms": round(ready, 1), "app_peak_rss_mb_at_ready": rss}


def bench_chat_box_in_new_tab(repeat: int = 5) -> dict[str, Any]:
    """Seconds from opening a tab until the chat box takes input, in headless Chromium: the first tab after
    the server starts (the models warm in the background meanwhile), then fresh tabs once the server is warm.
    Target: a new tab usable in under 2 s on 2 cores."""
    from tests.browser_helpers import browser_problem, chromium, streamlit_server

    problem = browser_problem()
    if problem:
        return {"skipped": problem}
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    box = (By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")
    with tempfile.TemporaryDirectory() as tmp, \
            streamlit_server(settings().index_dir, Path(tmp) / "app.log") as url, chromium(Path(tmp) / "p") as driver:
        def open_tab() -> float:
            start = time.perf_counter()
            driver.get(url)  # type: ignore[attr-defined]  # no session link: a new session, as a new tab
            WebDriverWait(driver, 120, poll_frequency=0.05).until(ec.element_to_be_clickable(box))
            return (time.perf_counter() - start) * 1000

        first = open_tab()
        time.sleep(3)  # let the background warm-up finish, as it would while a reader looks at the page
        tabs = [open_tab() for _ in range(repeat)]
    return {"first_tab_ms": round(first, 1), "new_tab": stats(tabs), "target_ms": 2000}


def _children_peak_rss_mb() -> float | None:
    """Peak RSS of this process's streamlit child, read from /proc."""
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
            cmdline = (status.parent / "cmdline").read_text()
        except OSError:
            continue
        if "streamlit" in cmdline and f"PPid:\t{os.getpid()}" in text:
            return round(int(text.split("VmHWM:")[1].split()[0]) / 1024, 1)
    return None


def bench_smollm2() -> dict[str, Any] | None:
    from assistant.backends.smollm import SmolLM2ChatModel, smollm2_problem

    if smollm2_problem():
        return {"skipped": smollm2_problem()}
    from langchain_core.messages import HumanMessage

    model = SmolLM2ChatModel(max_new_tokens=64)
    msgs = [HumanMessage(content="What does a fine of 10,000 yuan mean?")]
    model.invoke(msgs)
    start = time.perf_counter()
    first = None
    n = 0
    for _chunk in model.stream(msgs):
        first = first or time.perf_counter()
        n += 1
    total = time.perf_counter() - start
    return {"ttft_ms": round(((first or start) - start) * 1000, 1), "chunks_per_s": round(n / total, 1)}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        loaded = build_assistant("grounded")
        floor = bench_floor()
        answers = bench_answers(loaded.assistant)
        result: dict[str, Any] = {
            "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
            "floor_query_embedding": floor,
            "warm_answer_grounded": answers | {"ratio_p50_to_floor": round(answers["p50_ms"] / floor["p50_ms"], 2)},
            "retrieval": bench_retrieval(loaded.assistant.retriever),
            "checker_2000_words": bench_checker(),
            "index": bench_index(tmp),
            "growth": bench_growth(tmp),
            "concurrency": bench_concurrency(loaded.assistant),
            "cold_start": bench_cold_start(),
            "app_chat_box_in_new_tab": bench_chat_box_in_new_tab(),
            "smollm2": bench_smollm2(),
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print_table(result)


def print_table(r: dict[str, Any]) -> None:
    floor = r["floor_query_embedding"]["p50_ms"]
    fl = r["floor_query_embedding"]
    rows = [("floor: one query embedding", fl["p50_ms"], fl["p95_ms"]),
            ("warm answer (grounded)", r["warm_answer_grounded"]["p50_ms"], r["warm_answer_grounded"]["p95_ms"])]
    rows += [(f"retrieval {m}", v["p50_ms"], v["p95_ms"]) for m, v in r["retrieval"].items()]
    rows.append(("checker, 2,000 words", r["checker_2000_words"]["p50_ms"], r["checker_2000_words"]["p95_ms"]))
    print(f"machine: {r['machine']['cores']} cores, Python {r['machine']['python']}")
    print(f"{'what':<34}{'p50 ms':>10}{'p95 ms':>10}{'p50/floor':>11}")
    for name, p50, p95 in rows:
        print(f"{name:<34}{p50:>10.2f}{p95:>10.2f}{p50 / floor:>11.2f}")
    print(f"index: cold build {r['index']['cold_build_ms']:.0f} ms, reuse {r['index']['reuse_p50_ms']:.1f} ms")
    for k, v in r["growth"].items():
        print(f"growth {k}: {v['chunks']} chunks, build {v['build_ms']:.0f} ms, "
              f"query p50 {v['query']['p50_ms']:.2f} ms")
    for k, v in r["concurrency"].items():
        print(f"concurrency {k}: p50 {v['p50_ms']:.1f} ms, p95 {v['p95_ms']:.1f} ms, {v['questions_per_s']} q/s")
    print(f"cold start: {json.dumps(r['cold_start'])}")
    print(f"app, chat box usable in a new tab: {json.dumps(r['app_chat_box_in_new_tab'])}")
    print(f"smollm2: {json.dumps(r['smollm2'])}")


if __name__ == "__main__":
    main()

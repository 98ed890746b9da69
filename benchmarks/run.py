"""`make bench`: how fast it answers, against a floor measured in the same run, and how cost grows.

Prints one table and writes benchmarks/results/latest.json. Every timing is a
median (and p95) over repeated runs after warm-up; ratios are against the floor:
one query embedding through the ONNX export (how questions are embedded), with
sentence-transformers' (the old path) measured beside it in the same run. Cold
starts (one-shot ask, app to first answer) are whole processes: `cold.py`.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
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
from assistant.retrieval.index import ensure_index, vector_store  # noqa: E402
from assistant.retrieval.search import Retriever  # noqa: E402
from assistant.service import build_assistant, build_index  # noqa: E402
from benchmarks.cold import bench_cold  # noqa: E402

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


def _cycler(items: list[str], fn: Callable[[str], Any]) -> Callable[[], Any]:
    """A no-argument callable that applies fn to the next item each call (round robin)."""
    state = {"i": 0}

    def call() -> Any:
        state["i"] += 1
        return fn(items[state["i"] % len(items)])

    return call


def bench_answers(assistant: Any, embeddings: Any) -> tuple[dict[str, float], dict[str, float]]:
    """The floor and the warm answer, paired: each question's uncached embedding (the floor) is timed right before
    its answer (no query-vector cache hit), so both move together with the shared machine's load."""
    from assistant.retrieval.embeddings import _cached_query

    for q in ("warm-up question one about fines", "warm-up two", "warm-up three"):
        assistant.ask(q)
        embeddings.embed_documents([q])
    _cached_query.cache_clear()
    floors, answers = [], []
    for q in dict.fromkeys(questions()):
        start = time.perf_counter()
        embeddings.embed_documents([q])
        floors.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        assistant.ask(q)
        answers.append((time.perf_counter() - start) * 1000)
    return stats(floors), stats(answers)


class _Timed:
    """Stands in for one method of an object and keeps how long each call took (the rest passes through)."""

    def __init__(self, target: Any, method: str) -> None:
        self._target, self._method = target, method
        self.calls: list[float] = []

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._target, name)
        if name != self._method:
            return attr

        def timed_call(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self.calls.append((time.perf_counter() - start) * 1000)

        return timed_call


def bench_answer_parts(assistant: Any, retriever: Retriever) -> dict[str, Any]:
    """Where a warm answer's time goes, measured inside real answers: which questions embed and search at all
    (the others are refusals, lookups and adopted-law answers), and for those, the query embedding, Chroma's
    query and everything else (reading the question, BM25, composing, citing, checking), each against the
    floor timed right before it."""
    from assistant.retrieval.embeddings import _cached_query

    store: Any = retriever.store  # its two parts are swapped for timed stand-ins below
    collection, embeddings = store.collection, store.embeddings
    timed_query, timed_embed = _Timed(collection, "query"), _Timed(embeddings, "embed_query")
    paths: dict[str, list[float]] = {"searched": [], "not searched": []}
    parts: dict[str, list[float]] = {"floor": [], "embedding": [], "chroma query": [], "everything else": []}
    _cached_query.cache_clear()
    try:
        store.collection, store.embeddings = timed_query, timed_embed
        for q in dict.fromkeys(questions()):
            start = time.perf_counter()
            embeddings.embed_documents([q])
            floor = (time.perf_counter() - start) * 1000
            before, embedded = len(timed_query.calls), len(timed_embed.calls)
            start = time.perf_counter()
            assistant.ask(q)
            total = (time.perf_counter() - start) * 1000
            searched = len(timed_query.calls) > before
            paths["searched" if searched else "not searched"].append(total)
            if searched:
                embed, query = sum(timed_embed.calls[embedded:]), sum(timed_query.calls[before:])
                for name, value in (("floor", floor), ("embedding", embed), ("chroma query", query),
                                    ("everything else", total - embed - query)):
                    parts[name].append(value)
    finally:
        store.collection, store.embeddings = collection, embeddings
    return {"answers": {k: stats(v) | {"n": len(v)} for k, v in paths.items()},
            "searched_answer_parts": {k: stats(v) for k, v in parts.items()}}


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


def bench_growth(tmp: Path, query: Any) -> dict[str, Any]:
    """Build time and query latency with the corpus replicated 1x, 10x, 100x (synthetic extra documents);
    built with sentence-transformers, queried through `query` (the ONNX export), as the product does."""
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
        search = timed(_cycler(questions(), lambda q, c=col: c.query(query_embeddings=query.embed_documents([q]),
                                                                      n_results=6)), repeat=30)
        out[f"{factor}x"] = {"chunks": len(units), "build_ms": round(build, 1), "query": search}
    return out


def bench_concurrency(assistant: Any) -> dict[str, Any]:
    """32 distinct questions drawn across all the sets, the query-embedding cache cleared before each round."""
    from assistant.retrieval.embeddings import _cached_query

    distinct = list(dict.fromkeys(questions()))
    qs = distinct[:: max(1, len(distinct) // 32)][:32]  # spread over every set (the first 32 are all adopted-law)
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


def _with_ratio(result: dict[str, float], floor: dict[str, float]) -> dict[str, float]:
    return result | {"ratio_p50_to_floor": round(result["p50_ms"] / floor["p50_ms"], 2)}


def main() -> None:
    build_index()  # the index and its ONNX export, so questions are embedded without torch
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        client, _ = ensure_index(settings())
        retriever = Retriever(vector_store(client))
        loaded = build_assistant("grounded", retriever=retriever)
        assert retriever.store.embeddings.backend == "onnx", "the ONNX export is missing: see `index status`"
        onnx = retriever.store.embeddings
        torch_retriever = Retriever(vector_store(client, embeddings=default_embeddings()))
        torch_assistant = build_assistant("grounded", retriever=torch_retriever).assistant
        floor, answers = bench_answers(loaded.assistant, onnx)
        torch_floor, torch_answers = bench_answers(torch_assistant, default_embeddings())
        result: dict[str, Any] = {
            "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
            "query_embeddings": onnx.backend,
            "floor_query_embedding": floor,
            "warm_answer_grounded": _with_ratio(answers, floor),
            "old_path": {"floor_query_embedding": torch_floor,
                         "warm_answer_grounded": _with_ratio(torch_answers, torch_floor)},
            "answer_parts": bench_answer_parts(loaded.assistant, retriever),
            "retrieval": bench_retrieval(retriever),
            "checker_2000_words": bench_checker(),
            "index": bench_index(tmp),
            "growth": bench_growth(tmp, onnx),
            "concurrency": bench_concurrency(loaded.assistant),
            "cold_start": bench_cold(settings().index_dir),
            "app_chat_box_in_new_tab": bench_chat_box_in_new_tab(),
            "smollm2": bench_smollm2(),
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print_table(result)


def _print_parts(parts: dict[str, Any]) -> None:
    """The answer-parts pass has its own floor (timed right before each of its answers): ratios are to that."""
    floor = parts["searched_answer_parts"]["floor"]["p50_ms"]
    print("inside warm answers (a second pass, ratios to its own floor):")
    rows = [(f"answers {k} (n={v['n']})", v) for k, v in parts["answers"].items()]
    rows += [(f"  searched: {k}", v) for k, v in parts["searched_answer_parts"].items()]
    for name, v in rows:
        print(f"{name:<40}{v['p50_ms']:>10.2f}{v['p95_ms']:>10.2f}{v['p50_ms'] / floor:>11.2f}")


def print_table(r: dict[str, Any]) -> None:
    floor = r["floor_query_embedding"]["p50_ms"]
    old = r["old_path"]
    rows = [("floor: one ONNX query embedding", r["floor_query_embedding"]),
            ("warm answer (grounded)", r["warm_answer_grounded"]),
            ("old path: sentence-transformers floor", old["floor_query_embedding"]),
            ("old path: warm answer", old["warm_answer_grounded"])]
    rows += [(f"retrieval {m}", v) for m, v in r["retrieval"].items()]
    rows.append(("checker, 2,000 words", r["checker_2000_words"]))
    print(f"machine: {r['machine']['cores']} cores, Python {r['machine']['python']}; "
          f"questions embedded by {r['query_embeddings']}")
    print(f"{'what':<40}{'p50 ms':>10}{'p95 ms':>10}{'p50/floor':>11}")
    for name, v in rows:
        print(f"{name:<40}{v['p50_ms']:>10.2f}{v['p95_ms']:>10.2f}{v['p50_ms'] / floor:>11.2f}")
    _print_parts(r["answer_parts"])
    print(f"index: cold build {r['index']['cold_build_ms']:.0f} ms, reuse {r['index']['reuse_p50_ms']:.1f} ms")
    for k, v in r["growth"].items():
        print(f"growth {k}: {v['chunks']} chunks, build {v['build_ms']:.0f} ms, "
              f"query p50 {v['query']['p50_ms']:.2f} ms")
    for k, v in r["concurrency"].items():
        print(f"concurrency {k}: p50 {v['p50_ms']:.1f} ms, p95 {v['p95_ms']:.1f} ms, {v['questions_per_s']} q/s")
    cold = r["cold_start"]
    for path, v in cold["one_shot_ask"].items():
        print(f"cold one-shot ask ({path}): {v['wall_s']:.2f} s, peak {v['peak_rss_mb']:.0f} MB  runs {v['runs']}")
    for path, v in cold["app"].items():
        print(f"app ({path}): {json.dumps(v)}")
    print(f"one-shot import profile: {json.dumps(cold['one_shot_import_profile'])}")
    print(f"app, chat box usable in a new tab: {json.dumps(r['app_chat_box_in_new_tab'])}")
    print(f"smollm2: {json.dumps(r['smollm2'])}")


if __name__ == "__main__":
    main()

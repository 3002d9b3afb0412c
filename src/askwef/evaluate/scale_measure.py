"""One library measured in a process of its own (so its memory is the library's): `askwef scale` runs it.

    python -m askwef.evaluate.scale_measure INDEX_DIR QUESTIONS.json [--exact-answers]

Loads the model and the index as the server would (the model on the server's `TORCH_THREADS`),
answers every question once to warm up, then times `search` and `answer` for each (p50, p95; an
answer's wall time and the CPU time the process spent on it, which other jobs on a shared machine
inflate much less), reads its resident memory (VmRSS, VmHWM, and VmRSS split into the heap and the
mapped files' pages), and only then scores every question exactly (every passage and sentence) for
recall@10 of the library's own search against exact search, and the exact path's latency. Prints one
JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path


def percentile(values: list[float], q: float) -> float:
    """Nearest rank: [1, 2, 3, 4] at 0.5 -> 2."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(1, math.ceil(len(ordered) * q)) - 1]


def _timed(fn, items) -> tuple[list[float], list[float]]:
    """Per item: wall ms and the process's CPU ms (every thread of it) spent on fn(item)."""
    wall, cpu = [], []
    for item in items:
        t, c = time.perf_counter(), time.process_time()
        fn(item)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - t) * 1000)
    return wall, cpu


def _ms(fn, items) -> list[float]:
    return _timed(fn, items)[0]


def _p(values: list[float]) -> dict[str, float]:
    return {"p50": round(percentile(values, 0.5), 2), "p95": round(percentile(values, 0.95), 2)}


def rss_mib() -> dict[str, float]:
    """VmRSS (resident now), VmHWM (peak), RssAnon (heap: not shared) and RssFile (mapped file pages:
    shared by the processes that map the same index, and given back by the kernel when memory is short)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:", "RssAnon:", "RssFile:")):
            fields[line.split(":")[0]] = round(int(line.split()[1]) / 1024, 1)
    return fields


def index_bytes(folder: Path) -> int:
    """Bytes of the index folder on disk, a hard-linked file counted once."""
    seen, total = set(), 0
    for path in folder.rglob("*"):
        if path.is_file():
            st = path.stat()
            if st.st_ino not in seen:
                seen.add(st.st_ino)
                total += st.st_size
    return total


def measure(index_dir: Path, questions: list[str], *, exact_answers: bool) -> dict:
    from ..answer import answer_question
    from ..embed import load_model
    from ..engine import Engine
    from ..index import load
    from ..retrieve import Retriever
    from ..serve.limits import limit_threads
    from ..settings import Settings

    started = time.perf_counter()
    limit_threads()  # as each serving process does
    embedder = load_model()
    embedder.encode(["warm the model"])
    model_rss = rss_mib()["VmRSS"]
    settings = Settings(corpus_dir=index_dir, index_dir=index_dir)
    t = time.perf_counter()
    engine = Engine(settings, embedder, load(settings))
    load_s = time.perf_counter() - t
    for q in questions:  # warm: the answering caches and the pages a question touches
        engine.answer(q)
    encode = _ms(lambda q: embedder.encode([q]), questions)
    search = _ms(lambda q: engine.search(q, 10), questions)
    answer, answer_cpu = _timed(lambda q: engine.answer(q), questions)
    memory = rss_mib()
    exact = Retriever(engine.store, embedder, settings, exact=True)
    exact_search = _ms(lambda q: exact.search(q, 10), questions)
    recalls = []
    for q in questions:
        mine = {p.id for p in engine.search(q, 10)}
        truth = [p.id for p in exact.search(q, 10)]
        recalls.append(len(mine & set(truth)) / max(1, len(truth)))
    exact_answer = _ms(lambda q: answer_question(exact, q), questions) if exact_answers else []
    store = engine.store
    return {
        "documents": len(store.documents),
        "passages": len(store.passages),
        "sentences": len(store.sentences),
        "ann": store.manifest.get("ann", {}),
        "index_bytes": index_bytes(index_dir),
        "load_s": round(load_s, 2),
        "rss_mib": memory["VmRSS"],
        "peak_rss_mib": memory["VmHWM"],
        "rss_anon_mib": memory.get("RssAnon"),
        "rss_file_mib": memory.get("RssFile"),
        "model_rss_mib": model_rss,
        "held_bytes": store.nbytes(),
        "encode_ms": _p(encode),
        "search_ms": _p(search),
        "answer_ms": _p(answer),
        "answer_cpu_ms": _p(answer_cpu),
        "exact_search_ms": _p(exact_search),
        "exact_answer_ms": _p(exact_answer) if exact_answer else None,
        "recall_at_10": round(sum(recalls) / max(1, len(recalls)), 4),
        "questions": len(questions),
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m askwef.evaluate.scale_measure")
    parser.add_argument("index_dir")
    parser.add_argument("questions", help="JSON list of questions")
    parser.add_argument("--exact-answers", action="store_true", help="also time answers from exact search")
    args = parser.parse_args(argv)
    questions = json.loads(Path(args.questions).read_text())
    print(json.dumps(measure(Path(args.index_dir), questions, exact_answers=args.exact_answers)))
    return 0


if __name__ == "__main__":  # pragma: no cover - run by askwef scale
    sys.exit(main())

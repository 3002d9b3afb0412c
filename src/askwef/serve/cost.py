"""What an answer costs: the server's CPU time per answer under load, and `answer()` itself in-process.

`askwef loadtest` reads the server's CPU time (user + system, its worker processes included) before
and after the load, and divides by the answers it got: `server_cpu_ms_per_answer`. It then loads the
same index in its own process, with the server's torch threads, and times `answer()` on the same
questions: `answer_ms_in_process` (CPU ms, the same unit; wall ms beside it). Their ratio is what the
request path (HTTP, JSON, Gradio, threads) adds to answering. The mean batch the server encoded questions in comes
from one process's counts before and after the load (`encoding_of`).

>>> cpu_seconds(None) is None
True
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def process_tree(pid: int) -> list[int]:
    """The process and its descendants (uvicorn's worker processes), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds of a process and its descendants so far (None without /proc or pid)."""
    if pid is None:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in process_tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime (fields 14 and 15 of stat)
    return total


def answer_in_process(questions: list[str], *, corpus: str | None, index: str | None, repeat: int = 5) -> dict:
    """`answer()` timed in this process on the server's index, with the server's torch threads."""
    from ..engine import Engine
    from ..settings import Settings
    from .limits import TORCH_THREADS, limit_threads

    limit_threads()
    settings = Settings()
    changes = {k: Path(v) for k, v in (("corpus_dir", corpus), ("index_dir", index)) if v}
    engine = Engine.load(settings.replace(**changes) if changes else settings, build=False, stale_ok=True, log=lambda *_: None)
    for q in questions:
        engine.answer(q)
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(repeat):
        for q in questions:
            engine.answer(q)
    n = repeat * len(questions)
    return {
        "answer_ms_in_process": round((time.process_time() - cpu) * 1000 / n, 2),
        "answer_wall_ms_in_process": round((time.perf_counter() - wall) * 1000 / n, 2),
        "torch_threads": TORCH_THREADS,
    }


def rss_mib(pid: int | None, field: str = "VmHWM") -> float | None:
    """VmHWM (peak resident set) or VmRSS of a process and its worker processes, in MiB, from /proc; psutil without /proc."""
    if pid is None:
        return None
    total = None
    for p in process_tree(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith(field + ":"):
                    total = (total or 0.0) + int(line.split()[1]) / 1024  # kB
        except OSError:
            pass
    if total is not None:
        return round(total, 1)
    try:
        import psutil

        info = psutil.Process(pid).memory_info()
        return round((getattr(info, "peak_wset", None) or info.rss) / 2**20, 1)
    except Exception:
        return None


ENCODING_TRIES = 20
"""Times /healthz is asked after the load for the process whose batch count was read before it (several workers share
one port: each answer comes from any of them); none found, no mean batch is reported."""


def encoding_of(before: dict | None, url: str, timeout: float) -> dict | None:
    """The batch count of the process that gave `before`, asked for up to ENCODING_TRIES times: /healthz reaches one
    process, and with several workers the one after the load may be another than the one before (their counts mixed
    had given a mean batch of 1.0); None when it never answers."""
    if not before:
        return None
    return next((e for e in (encoding(url, timeout) for _ in range(ENCODING_TRIES)) if e and e.get("process") == before.get("process")), None)


def encoding(url: str, timeout: float) -> dict | None:
    """The server's count of shared question batches (/healthz "encoding"); None if it has none."""
    import httpx

    try:
        return httpx.get(url + "/healthz", timeout=timeout).json().get("encoding")
    except (httpx.HTTPError, ValueError):
        return None

"""Load test: many concurrent clients against a running server, through the JSON API and Gradio's queue.

    askwef loadtest                               # starts `askwef serve` on a free loopback port, 32 clients x 60 s
    askwef loadtest --clients 8 --duration 10     # shorter
    askwef loadtest --url http://127.0.0.1:7860   # a server already running (add --pid PID for its memory)

Each client loops until the deadline, one request at a time, each with a timeout: a share of them
(`--gradio-share`, default a quarter) ask through `gradio_client` (/ask, Gradio's queue), the others
POST /api/answer; one API request in twenty is a blank question, which must get a 422. Anything
else (a 5xx, a timeout, a dropped connection, a 200 without an answer) counts as an error.

Reports requests, errors by kind, p50/p95/max latency per route, throughput, the server's peak
resident memory (VmHWM from /proc/PID/status) and its CPU time per answer (`server_cpu_ms_per_answer`,
worker processes included), then times `answer()` in its own process on the same index
(`answer_ms_in_process`, see cost.py), as a table and as JSON (default evals/out/loadtest.json).
Exits 1 when there was any error.

>>> result = run_load("http://127.0.0.1:7860", clients=4, duration=2)       # doctest: +SKIP
>>> result["errors"]                                                          # doctest: +SKIP
0
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .cost import answer_in_process, cpu_seconds, encoding, encoding_of, rss_mib
from .limits import (
    BACKLOG,
    GRADIO_CONCURRENCY,
    GRADIO_QUEUE_SIZE,
    LIMIT_CONCURRENCY,
    WORKER_THREADS,
)

QUESTIONS = (
    "How many green data centres have been established in China?",
    "What accuracy did the State Grid load forecasting system achieve?",
    "How is AI used in retail livestreaming?",
    "What is the talent gap in AI in China?",
    "Which city uses Alibaba City Brain to manage traffic lights?",
    "How does AI help with medical imaging?",
    "What is the role of open-source models?",
    "What is the capital of France?",  # off topic: an abstention is a correct answer too
)
BAD_EVERY = 20
"""Every BAD_EVERY-th API request of a client is a blank question, which must be refused with 422."""
DEFAULT_OUT = Path("evals/out/loadtest.json")


@dataclass(frozen=True)
class Sample:
    """One request: which route, whether it went as it should, how long it took, what came back."""

    route: str  # "api" | "api-bad" | "gradio"
    ok: bool
    seconds: float
    outcome: str  # "200", "422", "503", "ReadTimeout", ...


# --- clients ---------------------------------------------------------------------------------------

def _api_client(url: str, clock: dict, timeout: float, auth, out: list[Sample], start: threading.Barrier, offset: int) -> None:
    import httpx

    with httpx.Client(base_url=url, timeout=timeout, auth=auth) as http:
        start.wait()
        deadline = clock["deadline"]
        n = offset
        while time.monotonic() < deadline:
            n += 1
            bad = n % BAD_EVERY == 0
            body = {"question": "   "} if bad else {"question": QUESTIONS[n % len(QUESTIONS)]}
            t = time.perf_counter()
            try:
                r = http.post("/api/answer", json=body)
                seconds = time.perf_counter() - t
                if bad:
                    ok = r.status_code == 422 and isinstance(r.json().get("detail"), str)
                else:
                    ok = r.status_code == 200 and "abstained" in r.json()
                out.append(Sample("api-bad" if bad else "api", ok, seconds, str(r.status_code)))
            except Exception as exc:  # a timeout or a dropped connection is an error, not a crash
                out.append(Sample("api-bad" if bad else "api", False, time.perf_counter() - t, type(exc).__name__))


def _gradio_client(url: str, clock: dict, timeout: float, auth, out: list[Sample], start: threading.Barrier, offset: int) -> None:
    client = None
    try:
        from gradio_client import Client

        headers = None
        if auth:
            import base64

            headers = {"Authorization": "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()}
        client = Client(url + "/", verbose=False, headers=headers)
    except Exception as exc:
        out.append(Sample("gradio", False, 0.0, f"connect: {type(exc).__name__}"))
    start.wait()
    if client is None:
        return
    deadline = clock["deadline"]
    n = offset
    while time.monotonic() < deadline:
        n += 1
        t = time.perf_counter()
        try:
            job = client.submit(QUESTIONS[n % len(QUESTIONS)], api_name="/ask")
            result = job.result(timeout=timeout)
            out.append(Sample("gradio", isinstance(result, dict) and "abstained" in result, time.perf_counter() - t, "ok"))
        except Exception as exc:
            out.append(Sample("gradio", False, time.perf_counter() - t, type(exc).__name__))
    close = getattr(client, "close", None)
    if callable(close):
        try:
            close()
        except Exception:  # pragma: no cover - closing is best effort
            pass


def run_load(
    url: str,
    *,
    clients: int = 32,
    duration: float = 60.0,
    gradio_share: float = 0.25,
    timeout: float = 120.0,
    auth: tuple[str, str] | None = None,
    pid: int | None = None,
) -> dict:
    """Run `clients` concurrent clients against `url` for `duration` seconds; returns the summary.

    `pid`: the server's process id, for its peak memory (None: not measured).
    """
    if clients < 1 or duration <= 0:
        raise ValueError("need at least one client and a positive duration")
    n_gradio = round(clients * gradio_share) if clients > 1 else 0
    _warm_up(url, timeout, auth)
    encoding_before = encoding(url, timeout)
    rss_before = rss_mib(pid, "VmRSS")
    cpu_before = cpu_seconds(pid)
    samples: list[Sample] = []  # list.append is atomic: the clients share it
    clock: dict[str, float] = {}
    # the clock starts once every client is connected; the barrier's action runs before any is released
    start = threading.Barrier(clients + 1, action=lambda: clock.update(deadline=time.monotonic() + duration))
    threads = []
    for i in range(clients):
        target = _gradio_client if i < n_gradio else _api_client
        t = threading.Thread(target=target, args=(url, clock, timeout, auth, samples, start, i * 7), daemon=True, name=f"askwef-load-{i}")
        t.start()
        threads.append(t)
    try:
        start.wait(timeout=timeout)
    except threading.BrokenBarrierError as exc:
        raise RuntimeError("the clients could not connect in time") from exc
    began = clock["deadline"] - duration
    for t in threads:  # bounded: each request has a timeout, so every client ends by deadline + timeout
        t.join(timeout=max(0.0, began + duration + timeout + 10 - time.monotonic()))
    elapsed = time.monotonic() - began
    cpu = cpu_seconds(pid)
    stuck = sum(t.is_alive() for t in threads)
    result = summarise(
        list(samples), elapsed=elapsed, clients=clients, gradio_clients=n_gradio, duration=duration, stuck=stuck,
        url=url, rss_before=rss_before, rss_peak=rss_mib(pid, "VmHWM"), rss_after=rss_mib(pid, "VmRSS"),
    )
    answers = sum(1 for s in samples if s.ok and s.route != "api-bad")
    after = encoding_of(encoding_before, url, timeout)  # one process's count: the mean batch its questions were encoded in
    if encoding_before and after and after["batches"] > encoding_before["batches"]:
        result["encode_batch_mean"] = round((after["questions"] - encoding_before["questions"]) / (after["batches"] - encoding_before["batches"]), 2)
    result["server_cpu_s"] = round(cpu - cpu_before, 2) if cpu is not None and cpu_before is not None else None
    result["server_cpu_ms_per_answer"] = round(1000 * (cpu - cpu_before) / answers, 2) if result["server_cpu_s"] is not None and answers else None
    return result


def _warm_up(url: str, timeout: float, auth) -> None:
    import httpx

    try:
        r = httpx.post(url + "/api/answer", json={"question": QUESTIONS[0]}, timeout=timeout, auth=auth)
    except httpx.HTTPError as exc:
        raise RuntimeError(f"cannot reach the server at {url} ({type(exc).__name__}: {exc})") from None
    if r.status_code != 200:
        raise RuntimeError(f"the server at {url} does not answer: {r.status_code} {r.text[:200]}")


# --- the summary ------------------------------------------------------------------------------------

def _percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: [1, 2, 3, 4] at 0.5 -> 2."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 1))  # ceil(n * q)
    return ordered[int(rank) - 1]


def summarise(samples: list[Sample], *, elapsed: float, clients: int, gradio_clients: int, duration: float, stuck: int = 0,
              url: str = "", rss_before: float | None = None, rss_peak: float | None = None, rss_after: float | None = None) -> dict:
    """Counts, errors by kind, latency percentiles per route, throughput and memory, as plain JSON."""
    errors = Counter(f"{s.route}: {s.outcome}" for s in samples if not s.ok)
    routes = {}
    for route in sorted({s.route for s in samples}):
        times = [s.seconds * 1000 for s in samples if s.route == route and s.ok]
        routes[route] = {
            "requests": sum(1 for s in samples if s.route == route),
            "errors": sum(1 for s in samples if s.route == route and not s.ok),
            "p50_ms": round(_percentile(times, 0.50), 1),
            "p95_ms": round(_percentile(times, 0.95), 1),
            "max_ms": round(max(times, default=0.0), 1),
        }
    good = [s.seconds * 1000 for s in samples if s.ok and s.route != "api-bad"]
    return {
        "url": url,
        "clients": clients,
        "gradio_clients": gradio_clients,
        "duration_s": duration,
        "elapsed_s": round(elapsed, 2),
        "requests": len(samples),
        "errors": sum(errors.values()) + stuck,
        "error_kinds": dict(errors) | ({"stuck client": stuck} if stuck else {}),
        "p50_ms": round(_percentile(good, 0.50), 1),
        "p95_ms": round(_percentile(good, 0.95), 1),
        "throughput_rps": round(len(good) / elapsed, 2) if elapsed > 0 else 0.0,  # answers, not the refused blanks
        "routes": routes,
        "server_rss_mib": {"before": rss_before, "peak": rss_peak, "after": rss_after},
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "limits": _server_limits(),
    }


def _server_limits() -> dict:
    return {
        "worker_threads": WORKER_THREADS, "gradio_concurrency": GRADIO_CONCURRENCY,
        "gradio_queue_size": GRADIO_QUEUE_SIZE, "limit_concurrency": LIMIT_CONCURRENCY, "backlog": BACKLOG,
    }


def format_table(result: dict) -> str:
    """The summary as a small text table."""
    rss = result["server_rss_mib"]
    lines = [
        f"{result['clients']} clients ({result['gradio_clients']} through Gradio) for {result['duration_s']:g} s against {result['url']}",
        f"{'route':<10} {'requests':>9} {'errors':>7} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}",
    ]
    for route, r in result["routes"].items():
        lines.append(f"{route:<10} {r['requests']:>9} {r['errors']:>7} {r['p50_ms']:>9.1f} {r['p95_ms']:>9.1f} {r['max_ms']:>9.1f}")
    lines.append(
        f"{'all':<10} {result['requests']:>9} {result['errors']:>7} {result['p50_ms']:>9.1f} {result['p95_ms']:>9.1f}"
    )
    lines.append(f"throughput {result['throughput_rps']} answers/s over {result['elapsed_s']} s")
    if result.get("server_cpu_ms_per_answer") is not None:
        lines.append(f"server CPU {result['server_cpu_ms_per_answer']} ms per answer"
                     + (f"; answer() in process {result['answer_ms_in_process']} ms CPU ({result['answer_wall_ms_in_process']} ms wall):"
                        f" the request path costs x{result.get('request_path_over_answer')}" if "answer_ms_in_process" in result else ""))
    if result.get("encode_batch_mean"):
        lines.append(f"questions encoded in shared batches of {result['encode_batch_mean']} on average (serve/batch.py)")
    if rss["peak"] is not None:
        lines.append(f"server memory: {rss['before']} MiB before, peak {rss['peak']} MiB, {rss['after']} MiB after")
    lines.append("errors: none" if not result["errors"] else "errors: " + ", ".join(f"{k} x{v}" for k, v in result["error_kinds"].items()))
    return "\n".join(lines)



# --- starting a server ---------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(*, corpus: str | None = None, index: str | None = None, workers: int = 1, startup_timeout: float = 600.0, log=print):
    """`askwef serve` on a free loopback port in a child process; returns (process, url, log path)."""
    import httpx

    port = free_port()
    argv = [sys.executable, "-m", "askwef.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    argv += (["--corpus", corpus] if corpus else []) + (["--index", index] if index else []) + ["--workers", str(workers)]
    env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    folder = Path(tempfile.mkdtemp(prefix="askwef-loadtest-"))
    env.setdefault("ASKWEF_FEEDBACK", str(folder / "feedback.jsonl"))
    server_log = folder / "server.log"
    with server_log.open("wb") as sink:
        process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    log(f"starting the server (pid {process.pid}, log {server_log}) ...")
    deadline = time.monotonic() + startup_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}; see {server_log}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return process, url, server_log
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    stop_server(process)
    raise RuntimeError(f"the server did not start within {startup_timeout:g} s; see {server_log}")


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# --- the command -----------------------------------------------------------------------------------------

def add_parser(sub) -> None:
    p = sub.add_parser("loadtest", help="concurrent clients against the server: errors, latency, throughput, memory")
    p.add_argument("--url", help="a running server (default: start `askwef serve` on a free loopback port)")
    p.add_argument("--pid", type=int, help="with --url: the server's process id, for its peak memory")
    p.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32)")
    p.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    p.add_argument("--gradio-share", type=float, default=None,
                   help="share of the clients going through Gradio's queue (default 0.25; 0 with --workers above 1: the API only)")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds one request may take before it counts as an error")
    p.add_argument("--out", default=str(DEFAULT_OUT), help=f"JSON summary (default {DEFAULT_OUT})")
    p.add_argument("--corpus", metavar="DIR", help="corpus folder for the server it starts")
    p.add_argument("--index", metavar="DIR", help="index folder for the server it starts")
    p.add_argument("--workers", type=int, default=1, help="worker processes of the server it starts (askwef serve --workers)")
    p.add_argument("--no-in-process", action="store_true", help="skip timing answer() in this process after the load")
    p.add_argument("--json", action="store_true", help="print the JSON summary instead of the table")
    p.set_defaults(func=cmd_loadtest)


def cmd_loadtest(args: argparse.Namespace) -> int:
    if args.gradio_share is None:
        args.gradio_share = 0.25 if args.workers == 1 else 0.0  # several workers serve the JSON API only (askwef serve)
    if not 0 <= args.gradio_share <= 1:
        raise ValueError("--gradio-share must be between 0 and 1")
    auth = None
    if os.environ.get("ASKWEF_AUTH"):
        from .middleware import parse_credentials

        auth = parse_credentials(os.environ["ASKWEF_AUTH"])
    log = (lambda msg: print(msg, file=sys.stderr))
    process = None
    url, pid = args.url, args.pid
    try:
        if url is None:
            process, url, _ = start_server(corpus=args.corpus, index=args.index, workers=args.workers, log=log)
            pid = process.pid
        log(f"{args.clients} clients for {args.duration:g} s against {url} ...")
        result = run_load(url.rstrip("/"), clients=args.clients, duration=args.duration, gradio_share=args.gradio_share,
                          timeout=args.timeout, auth=auth, pid=pid)
    except RuntimeError as exc:  # the server did not start or does not answer: one line, exit 1
        print(f"askwef: error: {exc}", file=sys.stderr)
        return 1
    finally:
        if process is not None:
            stop_server(process)
    if not args.no_in_process:  # after the server stopped: the same index, answer() alone
        log("timing answer() in this process on the same questions ...")
        result |= answer_in_process([q for q in QUESTIONS], corpus=args.corpus, index=args.index)
        if result.get("server_cpu_ms_per_answer"):
            result["request_path_over_answer"] = round(result["server_cpu_ms_per_answer"] / result["answer_ms_in_process"], 2)
    result["workers"] = args.workers
    result["command"] = "askwef loadtest " + " ".join(sys.argv[2:]) if sys.argv[1:2] == ["loadtest"] else "askwef loadtest"
    result["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1) if args.json else format_table(result))
    log(f"wrote {out}")
    return 0 if result["errors"] == 0 else 1


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - `askwef loadtest` is the way in
    parser = argparse.ArgumentParser(prog="askwef-loadtest")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["loadtest", *(argv if argv is not None else sys.argv[1:])])
    return args.func(args)

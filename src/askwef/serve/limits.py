"""The serving limits, in one place: sizes refused, threads and queues, routes closed. README.md,
"Reliability", has the measurements behind the concurrency numbers."""

from __future__ import annotations

MAX_QUESTION_CHARS = 10_000
"""A question (or a history entry) longer than this is refused with 422."""
MAX_BODY_BYTES = 256 * 1024
"""A request body to /api/ larger than this is refused with 413."""
MAX_GRADIO_BODY_BYTES = 4 * 1024 * 1024
"""A request body to Gradio's routes larger than this is refused with 413 (the page sends the chat back each turn)."""
MAX_HISTORY_TURNS = 50

# Concurrency, chosen for 2 cores and questions encoded in shared batches (README.md, "Reliability" has the figures):
WORKER_THREADS = 16
"""Threads running engine calls, API and Gradio together (anyio's default limiter; its own default is 40).
The threads waiting for the model form its next batch (serve/batch.py): `askwef loadtest`, 32 API clients for
30 s on a busy 2-core machine, 4 threads -> batches of 2.0, 18.1 ms server CPU per answer; 8 -> 4.0, 15.2 ms;
16 -> 7.7, 12.0 ms (peak memory 661 -> 686 -> 799 MiB)."""
GRADIO_CONCURRENCY = 4
"""Gradio events of one kind (e.g. /ask) running at once; the others wait in Gradio's queue. Same load with 8
Gradio clients and 16 threads: 2 -> Gradio p50 1,483 ms, 4 -> 1,121 ms."""
GRADIO_QUEUE_SIZE = 64
"""Gradio events waiting at most; one more gets "queue is full" at once rather than a long wait."""
LIMIT_CONCURRENCY = 128
"""Open connections and tasks uvicorn serves at most; beyond it answers 503 at once (memory stays bounded)."""
BACKLOG = 256
"""Connections the kernel holds before uvicorn accepts them (uvicorn's default: 2048)."""
TORCH_THREADS = 1
"""Threads the model uses per serving process. Under load, concurrency comes from requests (and worker
processes), and torch's own threads only spin waiting for a busy core: on this 2-core machine one
question encodes in 17 ms of CPU on 1 thread against 61 ms on 2 while another job runs."""


BATCH_MAX = 16
"""Questions encoded in one forward pass at most (serve/batch.py). CPU per question on this 2-core machine
(all-MiniLM-L6-v2, 1 torch thread, short questions): 12.9 ms alone, 7.6 in twos, 4.8 in fours, 4.2 in eights,
3.5 in sixteens; beyond 16 the padding to the longest question eats the gain."""


def limit_threads() -> None:
    """Each serving process runs the model, numpy's BLAS and faiss's OpenMP on TORCH_THREADS threads each.

    Measured by `askwef scale` at 1,000 reports on this 2-core machine: BLAS on its default 2 threads cost
    a warm answer about 105 ms of CPU, on 1 thread about 62 ms (its threads spin waiting for a core)."""
    import torch
    from threadpoolctl import threadpool_limits

    torch.set_num_threads(TORCH_THREADS)
    threadpool_limits(limits=TORCH_THREADS)


GRADIO_ANALYTICS_EVENTS = 64
"""Events Gradio's queue keeps for its monitoring dashboard, which this app closes (`enable_monitoring=False`,
CLOSED_PREFIXES). Gradio's default keeps 10,000 and, after every event, builds a pandas DataFrame of them all
to summarise (`Queue.compute_analytics_summary`): 1.4 ms of CPU per event with 1,200 kept (40 s of `askwef
loadtest`, 4% of the samples where the server held the GIL), 5.2 ms with 10,000, where a server that has run a
while stays."""


def quiet_gradio_analytics(blocks) -> None:
    """Gradio's queue (`blocks.queue()` made it) keeps GRADIO_ANALYTICS_EVENTS events and never summarises them.

    Its own knobs (GRADIO_ANALYTICS_MAX_EVENTS, GRADIO_ANALYTICS_CACHE_FREQUENCY) are read from the
    environment when the queue is made; these are the attributes they set."""
    queue = blocks._queue
    queue.ANALYTICS_MAX_EVENTS = GRADIO_ANALYTICS_EVENTS
    queue.ANAYLTICS_CACHE_FREQUENCY = 2**62  # (sic: Gradio's spelling) the summary is never recomputed


UVICORN_LIMITS = {"limit_concurrency": LIMIT_CONCURRENCY, "backlog": BACKLOG, "timeout_keep_alive": 5}

CLOSED_PREFIXES = (
    "/gradio_api/upload", "/gradio_api/file=", "/gradio_api/file/", "/gradio_api/proxy=", "/gradio_api/stream/",
    "/gradio_api/process_recording", "/gradio_api/vibe-", "/gradio_api/undo-vibe-", "/gradio_api/dev/",
    "/gradio_api/custom_component/", "/gradio_api/run-history", "/gradio_api/runs", "/monitoring", "/file=", "/upload",
)
"""Gradio routes the page does not use: no file goes in or out of this server, nothing is proxied."""
AUTH_ENV = "ASKWEF_AUTH"
OPEN_PATHS = ("/healthz",)

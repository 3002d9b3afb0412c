"""The HTTP side: one FastAPI app serving the JSON API and the chat page, with optional basic auth.

    POST /api/answer    {"question": "...", "history": [...], "k": 10, "within": "..."} -> the Answer
    POST /api/search    {"question": "...", "k": 10, "within": "..."} -> {"passages": [...]}
    GET  /api/sections  -> {"sections": [...]}  (values for `within`)
    GET  /read          ?doc=&passage=&start=&end= -> the quoted place, highlighted (HTML; see read.py)
    GET  /healthz       -> {"status": "ok", "manifest": {...}, "build": {...}, "encoding": {...}}  (never behind auth)
    GET  /openapi.json  the schema of the routes above
    /                   the chat page (Gradio); its own API for gradio_client: "/ask", "/search"

Bad input (empty question, wrong types, k outside 1..100, malformed JSON, an unknown section) is a
422 and an oversized body a 413, both as {"detail": "one readable line"}; never a 500. Engine calls
are CPU-bound, so the endpoints are plain `def`: FastAPI runs them in its threadpool.

Before every answer or search the engine polls the corpus (`Engine.poll`: a `stat` per corpus file,
at most once a second; a file is hashed only when its stat changed). A change starts a build in a
background thread; meanwhile every request is answered from the last consistent index, and the new
one is swapped in whole once built. `/healthz` (`build`) and the chat page say what is being built
and how far along it is; a build that fails leaves the last index answering and says why.

Limits are set on purpose, for a 2-core machine: enough threads that questions waiting for the model
are encoded together in one batch (`batch.py`), and beyond them work waits in cheap queues (see `limits.py` and
README.md, "Reliability"). Gradio routes the page does not need (uploads, files, proxy, monitoring) are
closed.

>>> app = create_app(Engine.load(Settings()))                     # doctest: +SKIP
>>> serve(host="127.0.0.1", port=7860)                            # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence

import anyio.to_thread
import uvicorn
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..engine import Engine, QuestionError
from .batch import BatchingEmbedder
from ..index import IndexProblem
from ..ingest import IngestError
from ..settings import Settings
from .limits import (
    AUTH_ENV,
    GRADIO_CONCURRENCY,
    GRADIO_QUEUE_SIZE,
    UVICORN_LIMITS,
    WORKER_THREADS,
    limit_threads,
    quiet_gradio_analytics,
)
from .middleware import BasicAuth, BodyLimit, ClosedRoutes, parse_credentials
from .read import READ_PATH, render_context
from .schemas import (
    AnswerOut,
    AnswerRequest,
    ErrorOut,
    HealthOut,
    SearchOut,
    SearchRequest,
    SectionsOut,
)

# --- the app --------------------------------------------------------------------------------------

def _describe(errors) -> str:
    """Pydantic errors as one readable line: 'k: Input should be less than or equal to 100; ...'."""
    parts = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if p != "body"]
        if err.get("type") == "json_invalid":
            parts.append("malformed JSON: " + str(err.get("ctx", {}).get("error", err.get("msg", ""))))
            continue
        msg = str(err.get("msg", "invalid"))
        msg = msg.removeprefix("Value error, ")
        parts.append(f"{'.'.join(loc)}: {msg}" if loc else msg)
    return "; ".join(parts) or "invalid request"


def create_app(
    engine: Engine,
    *,
    auth: str | tuple[str, str] | None = None,
    feedback_path: str | os.PathLike | None = None,
    examples: Sequence[str] | None = None,
    mount_chat: bool = True,
    refresh: bool = True,
) -> FastAPI:
    """The API and (unless mount_chat=False) the chat page over `engine`.

    `auth`: 'user:password' (or a pair) for HTTP basic auth, None for none. `feedback_path`: the votes
    log (default: ASKWEF_FEEDBACK or ./feedback.jsonl). `examples`: the example questions on the page (default: those the index
    answers, `examples.examples_for`).
    `refresh`: poll the corpus before every answer and search, rebuilding the index in the background
    when the corpus, model or settings changed (requests never wait for the build).
    """

    def fresh() -> None:
        if refresh:
            engine.poll(log=_log)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI):
        # the default limiter is per event loop, so it is set here, once the loop runs
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="askwef",
        version=_version(),
        summary="Extractive, cited answers from one policy report, offline.",
        description="Answers are the report's own sentences, quoted verbatim, with section, page and endnotes.",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; the schema stays at /openapi.json
        redoc_url=None,
    )

    errors = {
        422: {"model": ErrorOut, "description": "Invalid input"},
        413: {"model": ErrorOut, "description": "Body too large"},
        503: {"model": ErrorOut, "description": "The index cannot be brought up to date with the corpus"},
    }

    @app.post("/api/answer", response_model=AnswerOut, responses=errors, tags=["answers"])
    def post_answer(request: AnswerRequest) -> dict:
        """Answer a question with the report's own sentences, or abstain (still listing the closest passages)."""
        history = [turn.model_dump() for turn in request.history] if request.history else None
        fresh()
        answer = engine.answer(request.question, history=history, k=request.k, within=request.within)
        return answer.to_dict()

    @app.post("/api/search", response_model=SearchOut, responses=errors, tags=["answers"])
    def post_search(request: SearchRequest) -> dict:
        """The passages that best match a question, best first."""
        fresh()
        passages = engine.search(request.question, request.k, mode=request.mode, within=request.within)
        return {"passages": [p.to_dict() for p in passages]}

    @app.get("/api/sections", response_model=SectionsOut, responses={503: errors[503]}, tags=["answers"])
    def get_sections() -> dict:
        """Every section path in reading order: the values `within` accepts."""
        fresh()
        return {"sections": list(dict.fromkeys(engine.sections()))}

    error_json = {"application/json": {"schema": {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}}}

    @app.get(READ_PATH, response_class=HTMLResponse, tags=["answers"], responses={
        200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "The quoted place as an HTML page"},
        404: {"content": error_json, "description": "No such document and passage in the index"},
        422: {"content": error_json, "description": "Invalid input"},
    })
    def read_in_context(
        doc: str = Query(..., max_length=1000, description="document name, as in a quote"),
        passage: str = Query(..., max_length=100, description="passage id, as in a quote"),
        start: int = Query(0, ge=0, le=10**9, description="the quote's start offset"),
        end: int = Query(0, ge=0, le=10**9, description="the quote's end offset"),
    ):
        """The section (markdown) or printed page (PDF) a quote stands in, the quoted sentence highlighted."""
        page = render_context(engine.store, doc, passage, start, end)
        if page is None:
            return JSONResponse({"detail": "no such document and passage in the index"}, status_code=404)
        return HTMLResponse(page)

    @app.get("/healthz", response_model=HealthOut, tags=["ops"])
    async def healthz() -> dict:  # async: answers even when every worker thread is busy
        """Liveness, what the index in use was built from, and what is being built and how far along. Open even when auth is on."""
        batching = engine.embedder
        encoding = ({"batches": batching.batches, "questions": batching.questions, "process": os.getpid()}
                    if isinstance(batching, BatchingEmbedder) else None)
        return {"status": "ok", "manifest": engine.manifest, "build": engine.status(), "encoding": encoding}

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _describe(exc.errors())}, status_code=422)

    @app.exception_handler(QuestionError)
    async def bad_question(_: Request, exc: QuestionError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(IndexProblem)
    @app.exception_handler(IngestError)
    async def index_problem(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": f"index unavailable: {exc}"}, status_code=503)

    @app.exception_handler(Exception)
    async def internal_error(_: Request, exc: Exception) -> JSONResponse:  # a bug: still JSON, logged by uvicorn
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"}, status_code=500)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and request.url.path.startswith("/api/"):  # FastAPI could not decode the body
            return JSONResponse({"detail": "malformed JSON: the body is not UTF-8 text or is nested too deeply"}, status_code=422)
        return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    if mount_chat:
        import gradio as gr

        from .chat import THEME, FeedbackLog, build_blocks
        from .chat import feedback_path as default_feedback_path
        from .examples import examples_for
        from .render import CSS

        feedback = FeedbackLog(feedback_path or default_feedback_path())
        blocks = build_blocks(engine, feedback=feedback, examples=examples_for(engine) if examples is None else examples, before=fresh)
        blocks.queue(default_concurrency_limit=GRADIO_CONCURRENCY, max_size=GRADIO_QUEUE_SIZE)
        quiet_gradio_analytics(blocks)
        # no allowed_paths, no static paths, no uploads (ClosedRoutes): no file of the machine is served
        app = gr.mount_gradio_app(
            app, blocks, path="/", theme=THEME, css=CSS, footer_links=[], show_error=True, ssr_mode=False,
            allowed_paths=[], enable_monitoring=False, mcp_server=False, pwa=False,
        )

    app.add_middleware(BodyLimit)
    app.add_middleware(ClosedRoutes)
    credentials = parse_credentials(auth) if isinstance(auth, str) or auth is None else auth
    if credentials:
        app.add_middleware(BasicAuth, credentials=credentials)  # added last, so it runs first
    return app


def _log(message: str) -> None:
    print(f"askwef: {message}", file=sys.stderr, flush=True)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("askwef")
    except Exception:  # pragma: no cover - running from a bare checkout
        return "0"


# --- running --------------------------------------------------------------------------------------

def serve(host: str = "127.0.0.1", port: int = 7860, settings: Settings | None = None, *, workers: int = 1, log=print) -> int:
    """Load (building if missing or stale, with progress) and serve until interrupted.

    `workers`: processes serving the same port (uvicorn's workers; the kernel spreads connections over
    them), each with the model and the read-only index on disk (see docs/deploy.md). They serve the
    JSON API only: Gradio keeps a chat's state in the process that started it, and connections are
    spread with no affinity, so the chat page needs one process (or replicas behind a sticky proxy). Auth from
    ASKWEF_AUTH ('user:password'); feedback goes to ASKWEF_FEEDBACK (default ./feedback.jsonl).
    """
    if workers < 1:
        raise ValueError("--workers must be at least 1")
    credentials = parse_credentials(os.environ.get(AUTH_ENV))  # fail before the slow part
    settings = settings or Settings()
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    banner = (f"askwef: chat at http://{shown}:{port}/  API at http://{shown}:{port}/api/answer"
              + ("  (basic auth on)" if credentials else "")
              + (f"  ({workers} worker processes, JSON API only: see docs/deploy.md for the chat page)" if workers > 1 else ""))
    if workers > 1:
        from ..engine import ensure_index
        from ..index import staleness
        from ..settings import MODEL_NAME

        if staleness(settings, MODEL_NAME) is not None:  # built once, here, before the workers load it read-only
            from ..embed import load_model

            ensure_index(settings, load_model(), log=log)
        os.environ["ASKWEF_CORPUS"], os.environ["ASKWEF_INDEX"] = str(settings.corpus_dir), str(settings.index_dir)
        log(banner)
        uvicorn.run("askwef.serve.api:worker_app", factory=True, workers=workers, host=host, port=port, log_level="info", **UVICORN_LIMITS)
        return 0
    limit_threads()
    log("askwef: loading the model and the index (building it if missing or stale) ...")
    # an index older than the corpus answers while the new one builds (poll() starts it at the first request)
    engine = Engine.load(settings, embedder=_batching_model(), log=log, stale_ok=True)
    engine.poll(log=log)  # a corpus changed while the server was down starts building now, in the background
    app = create_app(engine, auth=credentials)
    log(banner)
    uvicorn.run(app, host=host, port=port, log_level="info", **UVICORN_LIMITS)
    return 0


def _batching_model():
    """The model, wrapped so that questions answered at the same time are encoded in one batch (serve/batch.py)."""
    from ..embed import load_model

    return BatchingEmbedder(load_model())


def worker_app() -> FastAPI:
    """One worker process of `serve(workers=N)`: the model, the index at ASKWEF_INDEX (read-only), the JSON API."""
    limit_threads()
    engine = Engine.load(Settings(), embedder=_batching_model(), log=_log, stale_ok=True)
    return create_app(engine, auth=parse_credentials(os.environ.get(AUTH_ENV)), mount_chat=False)


@contextlib.contextmanager
def running(app, host: str = "127.0.0.1", port: int = 0, *, startup_timeout: float = 120.0) -> Iterator[str]:
    """Serve `app` from a background thread; yields its base URL. Port 0 picks a free one.

    For tests and the screenshot command: the server is up (it accepts connections) when this yields.
    """
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on", timeout_graceful_shutdown=1, **UVICORN_LIMITS)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="askwef-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)

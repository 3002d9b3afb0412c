"""The HTTP side: one FastAPI app serving the JSON API and the chat page, with optional basic auth.

    POST /api/answer    {"question": "...", "history": [...], "k": 10, "within": "..."} -> the Answer
    POST /api/search    {"question": "...", "k": 10, "within": "..."} -> {"passages": [...]}
    GET  /api/sections  -> {"sections": [...]}  (values for `within`)
    GET  /healthz       -> {"status": "ok", "manifest": {...}}  (never behind auth)
    GET  /openapi.json  the schema of the routes above
    /                   the chat page (Gradio); its own API for gradio_client: "/ask", "/search"

Bad input (empty question, wrong types, k outside 1..100, malformed JSON, an unknown section) is a
422 and an oversized body a 413, both as {"detail": "one readable line"}; never a 500. Engine calls
are CPU-bound, so the endpoints are plain `def`: FastAPI runs them in its threadpool.

Before every answer or search the engine is refreshed (`Engine.refresh`: a hash of the corpus files
and a look at the manifest, well under a millisecond), so an edited corpus or a rebuilt index is
picked up without a restart and a stale index never answers. An index that cannot be brought up to
date is a 503.

Limits are set on purpose, for a 2-core machine where the model is serialised by a lock: more
threads only add memory and queueing, so work waits in cheap queues instead (see LIMITS below and
README.md, "Reliability"). Gradio routes the page does not need (uploads, files, proxy, monitoring) are
closed.

>>> app = create_app(Engine.load(Settings()))                     # doctest: +SKIP
>>> serve(host="127.0.0.1", port=7860)                            # doctest: +SKIP
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import os
import posixpath
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Annotated, Any, Literal

import anyio.to_thread
import uvicorn
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from .engine import Engine, QuestionError, clean_question
from .index import IndexProblem
from .ingest import IngestError
from .settings import Settings

MAX_QUESTION_CHARS = 10_000
"""A question (or a history entry) longer than this is refused with 422."""
MAX_BODY_BYTES = 256 * 1024
"""A request body to /api/ larger than this is refused with 413."""
MAX_GRADIO_BODY_BYTES = 4 * 1024 * 1024
"""A request body to Gradio's routes larger than this is refused with 413 (the page sends the chat back each turn)."""
MAX_HISTORY_TURNS = 50

# Concurrency, chosen for 2 cores and a model serialised by a lock (README.md, "Reliability" has the figures):
WORKER_THREADS = 4
"""Threads running engine calls, API and Gradio together (anyio's default limiter; its own default is 40)."""
GRADIO_CONCURRENCY = 2
"""Gradio events of one kind (e.g. /ask) running at once; the others wait in Gradio's queue."""
GRADIO_QUEUE_SIZE = 64
"""Gradio events waiting at most; one more gets "queue is full" at once rather than a long wait."""
LIMIT_CONCURRENCY = 128
"""Open connections and tasks uvicorn serves at most; beyond it answers 503 at once (memory stays bounded)."""
BACKLOG = 256
"""Connections the kernel holds before uvicorn accepts them (uvicorn's default: 2048)."""
UVICORN_LIMITS = {"limit_concurrency": LIMIT_CONCURRENCY, "backlog": BACKLOG, "timeout_keep_alive": 5}

CLOSED_PREFIXES = (
    "/gradio_api/upload", "/gradio_api/file=", "/gradio_api/file/", "/gradio_api/proxy=", "/gradio_api/stream/",
    "/gradio_api/process_recording", "/gradio_api/vibe-", "/gradio_api/undo-vibe-", "/gradio_api/dev/",
    "/gradio_api/custom_component/", "/gradio_api/run-history", "/gradio_api/runs", "/monitoring", "/file=", "/upload",
)
"""Gradio routes the page does not use: no file goes in or out of this server, nothing is proxied."""
AUTH_ENV = "ASKWEF_AUTH"
OPEN_PATHS = ("/healthz",)

Question = Annotated[str, Field(strict=True, max_length=MAX_QUESTION_CHARS, description="The question, in plain words.")]
K = Annotated[int | None, Field(strict=True, ge=1, le=100, description="How many supporting passages (1-100; default 10).")]
Within = Annotated[
    str | None,
    Field(strict=True, max_length=1000, description="Restrict to a section path (subsections included) or a document name; see /api/sections."),
]


# --- request and response models ----------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Turn(_Strict):
    """A previous turn: the question and the answer text askwef gave."""

    question: Annotated[str, Field(strict=True, max_length=MAX_QUESTION_CHARS)]
    answer: Annotated[str, Field(strict=True, max_length=MAX_QUESTION_CHARS)] = ""


class Message(_Strict):
    """A previous chat message, as Gradio and most chat UIs keep them."""

    role: Literal["user", "assistant", "system"]
    content: Annotated[str, Field(strict=True, max_length=MAX_QUESTION_CHARS)]


class _Asked(_Strict):
    question: Question

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        clean_question(value)  # raises QuestionError (a ValueError) for a blank question
        return value


class AnswerRequest(_Asked):
    history: list[Turn | Message] | None = Field(
        default=None, max_length=MAX_HISTORY_TURNS,
        description="Previous turns for follow-up questions, oldest first: [{question, answer}] or [{role, content}].",
    )
    k: K = None
    within: Within = None


class SearchRequest(_Asked):
    k: K = None
    within: Within = None
    mode: Literal["hybrid", "dense", "bm25"] = "hybrid"


class EndnoteOut(BaseModel):
    model_config = ConfigDict(extra="allow")  # fields added to the value types later pass through

    number: int
    reference: str
    url: str = ""


class QuoteOut(BaseModel):
    model_config = ConfigDict(extra="allow")  # fields added to the value types later pass through

    text: str
    passage_id: str
    document: str
    section: str
    page: int
    start: int
    end: int
    endnotes: list[int] = []


class PassageOut(BaseModel):
    model_config = ConfigDict(extra="allow")  # fields added to the value types later pass through

    id: str
    text: str
    document: str
    section: str
    page: int
    endnotes: list[int] = []
    score: float = 0.0
    unit: str = ""
    start: int = 0
    end: int = 0


class AnswerOut(BaseModel):
    """The report's own sentences (`text`, `quotes`) with their endnotes, or an abstention (`abstained`, `message`)."""

    model_config = ConfigDict(extra="allow")

    question: str
    text: str
    quotes: list[QuoteOut]
    endnotes: list[EndnoteOut]
    passages: list[PassageOut]
    confidence: float
    abstained: bool
    message: str
    resolved_question: str


class SearchOut(BaseModel):
    passages: list[PassageOut]


class SectionsOut(BaseModel):
    sections: list[str]


class HealthOut(BaseModel):
    status: Literal["ok"]
    manifest: dict[str, Any]


class ErrorOut(BaseModel):
    detail: str


# --- middleware -----------------------------------------------------------------------------------

def parse_credentials(value: str | None) -> tuple[str, str] | None:
    """'user:secret' -> ('user', 'secret'); None or '' -> None (auth off). The password may hold colons."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError(f"{AUTH_ENV} must look like user:password")
    return user, password


class BasicAuth:
    """HTTP basic auth in front of everything (API, chat page, Gradio's own routes) except OPEN_PATHS.

    A plain ASGI middleware rather than BaseHTTPMiddleware, so streamed responses (Gradio's
    server-sent events) pass through untouched.
    """

    def __init__(self, app, credentials: tuple[str, str]) -> None:
        self.app = app
        self.expected = ("Basic " + base64.b64encode(f"{credentials[0]}:{credentials[1]}".encode()).decode()).encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or scope.get("path") in OPEN_PATHS:
            return await self.app(scope, receive, send)
        given = dict(scope.get("headers") or []).get(b"authorization", b"")
        if hmac.compare_digest(given, self.expected):
            return await self.app(scope, receive, send)
        if scope["type"] == "websocket":
            return await send({"type": "websocket.close", "code": 1008})
        response = JSONResponse({"detail": "authentication required"}, status_code=401,
                                headers={"WWW-Authenticate": 'Basic realm="askwef", charset="UTF-8"'})
        return await response(scope, receive, send)


class BodyLimit:
    """Refuse request bodies over `limit` bytes on /api/ (`gradio_limit` on /gradio_api/) with 413,
    whether announced or streamed.

    The (small) body is read here first, so a streamed one is counted before the app parses it.
    """

    def __init__(self, app, limit: int = MAX_BODY_BYTES, gradio_limit: int = MAX_GRADIO_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit
        self.gradio_limit = gradio_limit

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path.startswith("/api/"):
            limit = self.limit
        elif path.startswith("/gradio_api/"):
            limit = self.gradio_limit
        else:
            return await self.app(scope, receive, send)
        if scope.get("method") in ("GET", "HEAD"):
            return await self.app(scope, receive, send)  # Gradio streams events on GET: nothing to buffer
        too_large = JSONResponse({"detail": f"request body over {limit} bytes"}, status_code=413)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return await too_large(scope, receive, send)
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > limit:
                return await too_large(scope, receive, send)
            if not message.get("more_body"):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)


class ClosedRoutes:
    """404 for the Gradio routes in CLOSED_PREFIXES, whatever the method (`//x`, `/./x` spellings too)."""

    def __init__(self, app, prefixes: Sequence[str] = CLOSED_PREFIXES) -> None:
        self.app = app
        self.prefixes = tuple(prefixes)

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            path = posixpath.normpath("/" + scope.get("path", "")).replace("//", "/")
            if path.startswith(self.prefixes) or scope.get("path", "").startswith(self.prefixes):
                if scope["type"] == "websocket":
                    return await send({"type": "websocket.close", "code": 1008})
                return await JSONResponse({"detail": "Not Found"}, status_code=404)(scope, receive, send)
        return await self.app(scope, receive, send)


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
    log (default: ASKWEF_FEEDBACK or ./feedback.jsonl). `examples`: the example questions on the page.
    `refresh`: bring the engine up to date with the corpus before every answer and search (rebuilding
    the index when the corpus, model or settings changed).
    """

    def fresh() -> None:
        if refresh:
            engine.refresh(log=_log)

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

    @app.get("/healthz", response_model=HealthOut, tags=["ops"])
    async def healthz() -> dict:  # async: answers even when every worker thread is busy
        """Liveness, and what the index was built from. Open even when auth is on."""
        return {"status": "ok", "manifest": engine.manifest}

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

        from .chat import CSS, EXAMPLES, THEME, FeedbackLog, build_blocks
        from .chat import feedback_path as default_feedback_path

        feedback = FeedbackLog(feedback_path or default_feedback_path())
        blocks = build_blocks(engine, feedback=feedback, examples=EXAMPLES if examples is None else examples, before=fresh)
        blocks.queue(default_concurrency_limit=GRADIO_CONCURRENCY, max_size=GRADIO_QUEUE_SIZE)
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

def serve(host: str = "127.0.0.1", port: int = 7860, settings: Settings | None = None, *, log=print) -> int:
    """Load (building if missing or stale, with progress) and serve until interrupted.

    Auth from ASKWEF_AUTH ('user:password'); feedback goes to ASKWEF_FEEDBACK (default ./feedback.jsonl).
    """
    credentials = parse_credentials(os.environ.get(AUTH_ENV))  # fail before the slow part
    log("askwef: loading the model and the index (building it if missing or stale) ...")
    engine = Engine.load(settings or Settings(), log=log)
    app = create_app(engine, auth=credentials)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    log(f"askwef: chat at http://{shown}:{port}/  API at http://{shown}:{port}/api/answer"
        + ("  (basic auth on)" if credentials else ""))
    uvicorn.run(app, host=host, port=port, log_level="info", **UVICORN_LIMITS)
    return 0


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

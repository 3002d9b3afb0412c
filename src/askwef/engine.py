"""Engine: the loaded model, index and retriever, ready to search and answer; and keeping them current.

The model is loaded once (in `embed.load_model`) and passed in. What the engine answers from (the
index and its retriever) is one immutable snapshot, replaced whole: a question reads the snapshot
once, so it never mixes two indexes.

Two ways to follow a corpus that changes:

* `refresh()` (the Python API, the CLI): checks the corpus and the index, and when they no longer
  match, brings the index up to date before returning, so a stale index never answers.
* `poll()` (the server): the same check, cheap enough for every request (a `stat` per corpus file,
  see `index.CorpusWatcher`); when it finds a change it starts the build in a background thread and
  returns at once. Questions keep being answered from the last consistent index; the new one is
  swapped in when it is complete. `status()` says what is being built and how far along it is.

>>> engine = Engine.load(Settings())                       # doctest: +SKIP
>>> engine.search("computing power of China", k=3)         # doctest: +SKIP
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .answer import AnswerModels, answer_question, load_models, resolve_followup
from .embed import Embedder, load_model
from .index import CorpusWatcher, IndexCorrupt, IndexProblem, IndexStale, IndexStore, manifest_signature, staleness
from .index import build as build_index
from .index import load as load_index
from .ingest import IngestError
from .retrieve import Retriever
from .settings import Settings
from .types import Answer, Passage

MAX_QUESTION_CHARS = 2000
"""Questions longer than this are cut to it (a question is a sentence or two, not a document)."""
POLL_SECONDS = 1.0
"""The server looks at the corpus at most this often (a request in between reuses the last look)."""
BLAS_THREADS = 1
"""numpy's BLAS threads in a process that loads an engine. Retrieval's matrix products are small (a question
against every passage and sentence), and on more threads they only spin against the model's own threads:
`askwef bench --repeat 20` on a library of the Blueprint report and the two real PDFs (5,231 sentences) on
this 2-core machine gave an answer 2.6x encoding on BLAS's default 2 threads and 1.24x on 1; the report alone
1.35x either way. (Serving processes also put the model on one thread: `serve.limits.limit_threads`.)"""


class QuestionError(ValueError):
    """The question cannot be asked as given (empty, not text); the message says why."""


def clean_question(question: object) -> str:
    """Validate and normalise a question: text, with a word in it, control characters out, at most MAX_QUESTION_CHARS."""
    if not isinstance(question, str):
        raise QuestionError(f"the question must be text, not {type(question).__name__}")
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in question)
    text = " ".join(text.split())
    if not text:
        raise QuestionError("the question is empty; ask something about the report")
    if not any(ch.isalnum() for ch in text):  # "???", "🌊🚀": nothing to look for, yet retrieval always finds something
        raise QuestionError("the question has no words; ask something about the report")
    return text[:MAX_QUESTION_CHARS]


@dataclass(frozen=True)
class Snapshot:
    """What the engine answers from: one loaded index, its retriever, and the manifest file it came from."""

    store: IndexStore
    retriever: Retriever
    signature: tuple | None


class Engine:
    def __init__(self, settings: Settings, embedder: Embedder, store: IndexStore, models: AnswerModels | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.models = models or load_models()  # the fitted answer models (answer/model.json), read once
        self._snapshot = self._make_snapshot(store)
        self._lock = threading.Lock()  # one check or build at a time
        self.watcher = CorpusWatcher(Path(settings.corpus_dir))
        self._build: dict = {"state": "idle"}
        self._builder: threading.Thread | None = None
        self._failed_for: str | None = None  # the corpus hash a background build failed on (not retried until it changes)
        self._last_poll = 0.0

    def _make_snapshot(self, store: IndexStore) -> Snapshot:
        return Snapshot(store, Retriever(store, self.embedder, self.settings), manifest_signature(store.path))

    @classmethod
    def load(cls, settings: Settings | None = None, *, embedder: Embedder | None = None, build: bool = True, log=print,
             stale_ok: bool = False) -> "Engine":
        """Load the index, building it first when it is missing or stale (unless build=False).

        `stale_ok`: an index that is whole but older than the corpus is loaded as it is (the server
        answers from it while `poll()` rebuilds in the background).
        """
        settings = settings or Settings()
        embedder = embedder or load_model()
        limit_blas()
        if stale_ok:
            try:
                store = load_index(settings)
                if store.manifest.get("model") == embedder.name and store.manifest.get("settings_hash") == settings.index_hash():
                    return cls(settings, embedder, store)
            except IndexProblem:
                pass
        return cls(settings, embedder, _open(settings, embedder, build=build, log=log))

    # --- what it answers from -------------------------------------------------------------------

    @property
    def store(self) -> IndexStore:
        return self._snapshot.store

    @property
    def retriever(self) -> Retriever:
        return self._snapshot.retriever

    @property
    def manifest(self) -> dict:
        return self._snapshot.store.manifest

    def _swap(self, store: IndexStore) -> None:
        self._snapshot = self._make_snapshot(store)  # one assignment: a question sees the old or the new, whole

    # --- keeping it current -----------------------------------------------------------------------

    def _problem(self) -> tuple[str | None, str]:
        """(why the loaded index is not current or None, the corpus hash): a stat per file, a hash per changed file."""
        corpus = self.watcher.sha256()
        snap = self._snapshot
        if snap.signature == manifest_signature(self.settings.index_dir) and snap.store.manifest.get("corpus_sha256") == corpus:
            return None, corpus
        reason = staleness(self.settings, self.embedder.name, corpus_hash=corpus)
        return reason or "the index on disk was rebuilt", corpus

    def refresh(self, *, build: bool = True, log=print) -> None:
        """Bring the loaded index up to date (rebuilding if allowed) before returning."""
        with self._lock:
            reason, _ = self._problem()
            if reason is None:
                return
            self._swap(_open(self.settings, self.embedder, build=build, log=log))

    def poll(self, *, log=print) -> None:
        """Start a background build when the corpus or index changed; never waits for one.

        Raises IngestError when the corpus folder cannot be read (the caller decides what to say).
        """
        now = time.monotonic()
        if now - self._last_poll < POLL_SECONDS or (self._builder is not None and self._builder.is_alive()):
            return
        if not self._lock.acquire(blocking=False):
            return
        try:
            self._last_poll = now
            try:
                reason, corpus = self._problem()
            except (IngestError, OSError) as exc:  # the corpus folder is gone: keep answering, say so
                self._build = {"state": "failed", "error": str(exc), "ended_at": _now()}
                return
            if reason is None or corpus == self._failed_for:
                return
            self._build = {"state": "building", "reason": reason, "started_at": _now(), "stage": "starting", "percent": 0.0}
            self._builder = threading.Thread(target=self._background, args=(reason, corpus, log), name="askwef-build", daemon=True)
            self._builder.start()
        finally:
            self._lock.release()

    def _background(self, reason: str, corpus: str, log) -> None:
        started = time.perf_counter()
        log(f"building the index in the background ({reason}); answering from the current one meanwhile")
        try:
            with self._lock:
                if staleness(self.settings, self.embedder.name) is not None:
                    build_index(self.settings, self.embedder, progress=False, log=log, only_if_stale=True, report=self._report)
                self._report(stage="loading", percent=99.0)
                store = load_index(self.settings)
                self._swap(store)
            self._failed_for = None
            self._build = {"state": "idle", "last_build": {"reason": reason, "seconds": round(time.perf_counter() - started, 2), "ended_at": _now()}}
            log(f"the new index is in use ({store.manifest['counts']['documents']} documents)")
        except (IndexProblem, IngestError, OSError) as exc:
            self._failed_for = corpus
            self._build = {"state": "failed", "reason": reason, "error": str(exc), "ended_at": _now()}
            log(f"the background build failed ({exc}); still answering from the index built at {self.manifest.get('built_at')}")

    def _report(self, **progress) -> None:
        done, total = progress.get("done", 0), max(1, progress.get("total", 1))
        share = progress.get("texts_done", 0) / max(1, progress.get("texts_total", 1)) if "texts_total" in progress else 0.0
        percent = progress.pop("percent", None)
        self._build = self._build | progress | {"percent": round(percent if percent is not None else min(98.0, 100 * (done + share) / total), 1)}

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a background build to end; True when none is running."""
        builder = self._builder
        if builder is not None:
            builder.join(timeout)
        return builder is None or not builder.is_alive()

    def status(self) -> dict:
        """What is being built and how far along, and what questions are answered from (for /healthz)."""
        m = self.manifest
        serving = {"built_at": m.get("built_at"), "corpus_sha256": m.get("corpus_sha256"), "documents": m.get("counts", {}).get("documents")}
        return dict(self._build) | {"serving": serving}

    # --- questions ------------------------------------------------------------------------------------

    def sections(self) -> list[str]:
        """Section paths of every document, in reading order (for filters)."""
        return [path for doc in self.store.documents for path, _, _ in doc.sections]

    def check_within(self, within: str | None, store: IndexStore | None = None) -> str | None:
        """A section path (a chapter includes its subsections) or a document name; "" and None mean everything."""
        if within is None or within == "":
            return None
        if not isinstance(within, str):
            raise QuestionError(f"within must be a section path or document name, not {type(within).__name__}")
        store = store or self.store
        if within not in {doc.name for doc in store.documents} and not any(within == p for d in store.documents for p, _, _ in d.sections):
            raise QuestionError(f"within: no section or document called {within!r}; the section paths are listed by GET /api/sections")
        return within

    def search(
        self, question: str, k: int | None = None, *, mode: str = "hybrid", within: str | None = None, history: list | None = None
    ) -> list[Passage]:
        """The best passages for `question`; a follow-up ("and in healthcare?") is read against `history` first."""
        snap = self._snapshot
        q = resolve_followup(clean_question(question), _check_history(history), snap.retriever)
        return snap.retriever.search(q, k=validate_k(k, self.settings.k), mode=mode, within=self.check_within(within, snap.store))

    def answer(self, question: str, *, history: list | None = None, k: int | None = None, within: str | None = None) -> Answer:
        snap = self._snapshot
        q = clean_question(question)
        return answer_question(
            snap.retriever, q, history=_check_history(history), k=validate_k(k, self.settings.k), within=self.check_within(within, snap.store),
            models=self.models,
        )


def limit_blas() -> None:
    """numpy's BLAS on BLAS_THREADS threads for the rest of the process (see BLAS_THREADS)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=BLAS_THREADS, user_api="blas")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _check_history(history: object) -> list | tuple | None:
    if history is not None and not isinstance(history, (list, tuple)):
        raise QuestionError(f"history must be a list of previous turns, not {type(history).__name__}")
    return history


def validate_k(k: int | None, default: int) -> int:
    if k is None:
        return default
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= 100:
        raise QuestionError(f"k must be a whole number from 1 to 100, not {k!r}")
    return k


def ensure_index(settings: Settings, embedder: Embedder, *, build: bool = True, log=print) -> dict | None:
    """Build the index when it does not match corpus, model and settings; with build=False, refuse."""
    reason = staleness(settings, embedder.name)
    if reason is None:
        return None
    if not build:
        raise IndexStale(f"{reason}; run: askwef build --corpus {settings.corpus_dir} --index {settings.index_dir}")
    log(f"building the index ({reason})")
    return build_index(settings, embedder, log=log, only_if_stale=True)


def _open(settings: Settings, embedder: Embedder, *, build: bool, log) -> IndexStore:
    """Load the index, building it first when stale; a damaged one is rebuilt too (unless build=False)."""
    ensure_index(settings, embedder, build=build, log=log)
    try:
        return load_index(settings)
    except IndexCorrupt as exc:
        # subtle: a file cut short can still pass the manifest checks; only loading finds it
        if not build:
            raise
        log(f"rebuilding the index ({exc})")
        build_index(settings, embedder, log=log, reuse=False)  # a damaged index is no base to build on
        return load_index(settings)


# --- module-level convenience: one engine per settings, shared by the process -------------------

_ENGINES: dict[tuple, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def get_engine(settings: Settings | None = None, *, build: bool = True) -> Engine:
    settings = settings or Settings()
    key = (str(Path(settings.corpus_dir).resolve()), str(Path(settings.index_dir).resolve()), settings.hash())
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = Engine.load(settings, build=build)
            _ENGINES[key] = engine
            return engine
    engine.refresh(build=build)
    return engine

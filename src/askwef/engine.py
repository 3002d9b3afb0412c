"""Engine: the loaded model, index and retriever, ready to search and answer.

The model is loaded once (in `embed.load_model`) and passed in; the index is checked against the
corpus, the model and the settings before every use, and rebuilt (or refused) when it does not match,
so a stale index never answers.

>>> engine = Engine.load(Settings())                       # doctest: +SKIP
>>> engine.search("computing power of China", k=3)         # doctest: +SKIP
"""

from __future__ import annotations

import threading
from pathlib import Path

from .answer import AnswerModels, answer_question, load_models, resolve_followup
from .embed import Embedder, load_model
from .index import IndexCorrupt, IndexStale, IndexStore, read_manifest, staleness
from .index import build as build_index
from .index import load as load_index
from .retrieve import Retriever
from .settings import Settings
from .types import Answer, Passage

MAX_QUESTION_CHARS = 2000
"""Questions longer than this are cut to it (a question is a sentence or two, not a document)."""


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


class Engine:
    def __init__(self, settings: Settings, embedder: Embedder, store: IndexStore, models: AnswerModels | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.store = store
        self.models = models or load_models()  # the fitted answer models (answer/model.json), read once
        self.retriever = Retriever(store, embedder, settings)
        self._lock = threading.Lock()

    @classmethod
    def load(cls, settings: Settings | None = None, *, embedder: Embedder | None = None, build: bool = True, log=print) -> "Engine":
        """Load the index, building it first when it is missing or stale (unless build=False)."""
        settings = settings or Settings()
        embedder = embedder or load_model()
        return cls(settings, embedder, _open(settings, embedder, build=build, log=log))

    def refresh(self, *, build: bool = True, log=print) -> None:
        """Reload (rebuilding if allowed) when the corpus or index changed under us."""
        with self._lock:
            reason = staleness(self.settings, self.embedder.name)
            if reason is None and self.store.manifest == read_manifest(self.settings.index_dir):
                return
            self.store = _open(self.settings, self.embedder, build=build, log=log)
            self.retriever = Retriever(self.store, self.embedder, self.settings)

    @property
    def manifest(self) -> dict:
        return self.store.manifest

    def sections(self) -> list[str]:
        """Section paths of every document, in reading order (for filters)."""
        return [path for doc in self.store.documents for path, _, _ in doc.sections]

    def check_within(self, within: str | None) -> str | None:
        """A section path (a chapter includes its subsections) or a document name; "" and None mean everything."""
        if within is None or within == "":
            return None
        if not isinstance(within, str):
            raise QuestionError(f"within must be a section path or document name, not {type(within).__name__}")
        documents = {doc.name for doc in self.store.documents}
        if within not in documents and within not in set(self.sections()):
            raise QuestionError(f"within: no section or document called {within!r}; the section paths are listed by GET /api/sections")
        return within

    def search(
        self, question: str, k: int | None = None, *, mode: str = "hybrid", within: str | None = None, history: list | None = None
    ) -> list[Passage]:
        """The best passages for `question`; a follow-up ("and in healthcare?") is read against `history` first."""
        q = resolve_followup(clean_question(question), _check_history(history), self.retriever)
        return self.retriever.search(q, k=validate_k(k, self.settings.k), mode=mode, within=self.check_within(within))

    def answer(self, question: str, *, history: list | None = None, k: int | None = None, within: str | None = None) -> Answer:
        q = clean_question(question)
        return answer_question(
            self.retriever, q, history=_check_history(history), k=validate_k(k, self.settings.k), within=self.check_within(within),
            models=self.models,
        )


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
        build_index(settings, embedder, log=log)
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

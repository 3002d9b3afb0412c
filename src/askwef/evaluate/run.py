"""The retrieval and answer benchmark: every system asked every golden question, judged, scored, timed.

>>> questions = [GoldenQuestion("q1", "How big is the AI industry?", True, "$70 billion",
...     "It now exceeds $70 billion.", "Introduction", (3,), "fact")]
>>> class Toy:
...     name = "toy"
...     def search(self, question, k):
...         return [Passage("p1", "It now exceeds \\\\$70 billion.", "r.md", "Introduction", 6)]
>>> run = evaluate(questions, [Toy()])
>>> run.systems[0].overall["hit@1"]
1.0

Relevance is judged from the text (`askwef.evaluate.golden.is_relevant`), never from chunk ids, so systems
that cut the report differently are scored on the same questions by the same rule. The outputs
(table, results.json, TREC files, chart, RESULTS.md) are written by `askwef.evaluate.reporting`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ..ingest.text import title_key
from ..types import Answer, Passage
from .golden import (
    Evidence,
    GoldenQuestion,
    Judged,
    contains,
)
from .metrics import (
    budget_recall,
    hit_rate_at_k,
    mean,
    mrr_at_k,
    ndcg_at_k,
    percentile,
    recall_at_k,
)

__all__ = ["System", "EngineSystem", "QuestionResult", "SystemResult", "EvalRun", "evaluate", "score", "METRIC_NAMES"]

K = 10  # ranked list depth: every ranking metric is cut at or below it
BUDGET_CHARS = 1500  # reading budget for budget recall
HIT_KS = (1, 3, 5, 10)


# --- systems -------------------------------------------------------------------------------------


@runtime_checkable
class System(Protocol):
    """What the benchmark needs of a system: a name and ranked search.

    Optional extras: `answer(question) -> Answer` (answer metrics are "n/a" without it);
    `passages`, every passage it can return (the judged pool; without it, the top 100 per question);
    `follows_conversations = True` when `search` and `answer` take `history=` (the earlier turns of a
    conversation: the system's own Answers, or {"question": ...} for a system that does not answer).
    A system without it is asked each turn as it stands.
    """

    name: str

    def search(self, question: str, k: int) -> list[Passage]: ...


class EngineSystem:
    """askwef's Engine in one retrieval mode; only the hybrid system answers."""

    follows_conversations = True

    def __init__(self, engine: Any, mode: str, name: str | None = None, answers: bool = False) -> None:
        self.engine = engine
        self.mode = mode
        self.name = name or mode
        if answers:
            self.answer = lambda question, history=None: engine.answer(question, history=history)
        # every passage of the index is judged, so recall and nDCG know all the relevant ones
        store = getattr(engine, "store", None)
        passages = getattr(store, "passages", None)
        if passages is not None:
            self.passages = tuple(passages)

    def search(self, question: str, k: int, history: list | None = None) -> list[Passage]:
        return list(self.engine.search(question, k=k, mode=self.mode, history=history))


# --- one run -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionResult:
    """One system on one question: what it ranked, how it was judged, what it answered."""

    qid: str
    kind: str
    answerable: bool
    ranked_ids: tuple[str, ...]
    ranked_scores: tuple[float, ...]
    ranked_chars: tuple[int, ...]
    ranked_rel: tuple[bool, ...]
    relevant_ids: tuple[str, ...]  # every relevant passage in the judged pool
    search_ms: float
    answer_text: str | None = None  # None: the system does not answer
    answer_correct: bool | None = None
    endnotes_correct: bool | None = None  # None also when the question has no endnotes
    abstained: bool | None = None
    answer_ms: float | None = None
    document: str = ""
    section_correct: bool | None = None  # a right answer quoting from the labelled section (None: not measured)
    page_correct: bool | None = None  # a right answer quoting from the labelled page (None: not measured)
    answer_where: tuple[tuple[str, int], ...] = ()  # (section path, page) of each quote

    @property
    def n_relevant(self) -> int:
        # subtle: evidence found in none of the system's passages still counts as one relevant
        # passage (never retrieved), so the question scores 0 instead of dropping out; the qrels
        # files carry it as "<qid>:missing" so ranx agrees.
        return max(1, len(self.relevant_ids))


@dataclass(frozen=True)
class SystemResult:
    name: str
    questions: tuple[QuestionResult, ...]
    overall: dict[str, float | None]
    by_kind: dict[str, dict[str, float | None]]
    latency: dict[str, float | None]
    by_document: dict[str, dict[str, float | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class EvalRun:
    """Everything one `evaluate` call measured, in the order the systems were given."""

    questions: tuple[GoldenQuestion, ...]
    systems: tuple[SystemResult, ...]
    k: int = K
    budget: int = BUDGET_CHARS
    info: dict[str, Any] = field(default_factory=dict)


def evaluate(
    questions: Sequence[GoldenQuestion],
    systems: Iterable[System],
    *,
    k: int = K,
    budget: int = BUDGET_CHARS,
    pool_depth: int = 100,
    clock: Callable[[], float] = time.perf_counter,
    progress: Callable[[str], None] | None = None,
    warm_up: bool = True,
) -> EvalRun:
    """Ask every system every question; judge, score overall, per kind and per document; time each call.

    A conversation's turns are asked in file order, each with the system's own earlier answers as
    history (for a system that follows conversations). With `warm_up`, each system answers one
    untimed search first, so lazy loading does not land in p95.
    """
    if k < max(HIT_KS):
        raise ValueError(f"k must be at least {max(HIT_KS)}")
    results = []
    for system in systems:
        if progress:
            progress(f"evaluating {system.name} on {len(questions)} questions")
        if warm_up and questions:
            system.search(questions[0].question, k)
        histories: dict[str, list] = {}
        rows = []
        for q in questions:
            history = histories.setdefault(q.conversation, []) if q.conversation else None
            row, said = _ask(system, q, k=k, pool_depth=pool_depth, clock=clock, history=history)
            if history is not None:
                history.append(said if said is not None else {"question": q.question})
            rows.append(row)
        results.append(_summarize(system.name, tuple(rows), k=k, budget=budget))
    return EvalRun(tuple(questions), tuple(results), k=k, budget=budget)


def _ask(
    system: System, q: GoldenQuestion, *, k: int, pool_depth: int, clock: Callable[[], float], history: list | None = None
) -> tuple[QuestionResult, Answer | None]:
    """Judge one system on one question; also returns its Answer (None when it does not answer)."""
    turns = {"history": list(history)} if history and getattr(system, "follows_conversations", False) else {}
    start = clock()
    found = system.search(q.question, k, **turns)
    search_ms = (clock() - start) * 1000
    ranked = _dedupe(found)[:k]
    evidence = Evidence(q.evidence, q.answer)
    words = evidence.words
    if q.answerable:
        rel = tuple(_judge(p, evidence, words) for p in ranked)
        pool = getattr(system, "passages", None)
        if pool is None:
            pool = _dedupe(system.search(q.question, pool_depth, **turns))
        relevant = {p.id for p in pool if _judge(p, evidence, words)}
        relevant.update(p.id for p, r in zip(ranked, rel) if r)  # the pool may be shallower than k
        relevant_ids = tuple(sorted(relevant))
    else:
        rel, relevant_ids = tuple(False for _ in ranked), ()
    extra: dict[str, Any] = {}
    answer: Answer | None = None
    answer_fn = getattr(system, "answer", None)
    if callable(answer_fn):
        start = clock()
        answer = answer_fn(q.question, **turns)
        extra["answer_ms"] = (clock() - start) * 1000
        extra["answer_text"] = answer.text
        extra["abstained"] = bool(answer.abstained)
        extra["answer_where"] = tuple((quote.section, quote.page) for quote in answer.quotes)
        if q.answerable:
            # the fact may stand in the context shown with the quote (a case study's title, the sentence before)
            shown = f"{answer.text} {getattr(answer, 'context', '') or ''}"
            right = not answer.abstained and contains(shown, q.answer)
            extra["answer_correct"] = right
            if q.endnotes:
                returned = {note.number for note in answer.endnotes}
                extra["endnotes_correct"] = not answer.abstained and set(q.endnotes) <= returned
            if right and q.section:
                extra["section_correct"] = any(in_section(quote.section, q.section) for quote in answer.quotes)
            if right and q.page:
                extra["page_correct"] = any(quote.page == q.page for quote in answer.quotes)
    result = QuestionResult(
        qid=q.id,
        kind=q.kind,
        answerable=q.answerable,
        ranked_ids=tuple(p.id for p in ranked),
        ranked_scores=tuple(float(p.score) for p in ranked),
        ranked_chars=tuple(len(p.text) for p in ranked),
        ranked_rel=rel,
        relevant_ids=relevant_ids,
        search_ms=search_ms,
        document=q.document,
        **extra,
    )
    return result, answer


def in_section(found: str, labelled: str) -> bool:
    """Whether a quote's section path lies in the labelled one (the same, or a subsection of it).

    Headings are compared by `title_key` (numbering, case, punctuation aside), so a label written as
    printed ("2 Strengthening the centre > 2.3 Policy planning") matches however the reader numbers it.

    >>> in_section("3 Scaling AI > Healthcare", "3 Scaling AI"), in_section("3 Scaling AI", "3 Scaling AI > Healthcare")
    (True, False)
    """
    found_keys = [title_key(part) for part in found.split(" > ")]
    labelled_keys = [title_key(part) for part in labelled.split(" > ")]
    return found_keys[: len(labelled_keys)] == labelled_keys


_JUDGED: dict[str, Judged] = {}


def _judge(passage: Passage, evidence: Evidence, words: list[str]) -> bool:
    # passages come back for many questions: tokenize each text once per process
    judged = _JUDGED.get(passage.text)
    if judged is None:
        if len(_JUDGED) > 100_000:
            _JUDGED.clear()
        judged = _JUDGED[passage.text] = Judged(passage.text)
    return judged.relevant(evidence, words)


def _dedupe(passages: Iterable[Passage]) -> list[Passage]:
    """Keep the first occurrence of each passage id (a run file cannot rank one id twice)."""
    seen: set[str] = set()
    out = []
    for p in passages:
        if p.id not in seen:
            seen.add(p.id)
            out.append(p)
    return out


METRIC_NAMES = (
    *(f"hit@{n}" for n in HIT_KS),
    "recall@10",
    "mrr@10",
    "ndcg@10",
    "budget_recall",
    "answer_acc",
    "endnote_acc",
    "abstention",
    "false_abstention",
    "section_acc",
    "page_acc",
)


def score(rows: Sequence[QuestionResult], *, k: int = K, budget: int = BUDGET_CHARS) -> dict[str, float | None]:
    """The metrics of a group of questions (None where nothing was measured)."""
    ranked = [r for r in rows if r.answerable]
    rel = [list(r.ranked_rel) for r in ranked]
    n_rel = [r.n_relevant for r in ranked]
    out: dict[str, float | None] = {"n": float(len(rows)), "n_answerable": float(len(ranked))}
    have_ranked = bool(ranked)
    for n in HIT_KS:
        out[f"hit@{n}"] = hit_rate_at_k(rel, n).mean if have_ranked else None
    out["recall@10"] = recall_at_k(rel, n_rel, 10).mean if have_ranked else None
    out["mrr@10"] = mrr_at_k(rel, 10).mean if have_ranked else None
    out["ndcg@10"] = ndcg_at_k(rel, n_rel, 10).mean if have_ranked else None
    chars = [list(r.ranked_chars) for r in ranked]
    out["budget_recall"] = budget_recall(rel, chars, budget).mean if have_ranked else None
    answered = [r for r in rows if r.abstained is not None]
    out["answer_acc"] = _share(r.answer_correct for r in answered if r.answerable)
    out["endnote_acc"] = _share(r.endnotes_correct for r in answered if r.endnotes_correct is not None)
    out["abstention"] = _share(r.abstained for r in answered if not r.answerable)
    out["false_abstention"] = _share(r.abstained for r in answered if r.answerable)
    out["section_acc"] = _share(r.section_correct for r in answered if r.section_correct is not None)
    out["page_acc"] = _share(r.page_correct for r in answered if r.page_correct is not None)
    return out


def _share(flags: Iterable[bool | None]) -> float | None:
    values = [1.0 if f else 0.0 for f in flags]
    return mean(values) if values else None


def _summarize(name: str, rows: tuple[QuestionResult, ...], *, k: int, budget: int) -> SystemResult:
    kinds = sorted({r.kind for r in rows})
    documents = sorted({r.document for r in rows}) if any(r.document for r in rows) else []
    search = [r.search_ms for r in rows]
    answer = [r.answer_ms for r in rows if r.answer_ms is not None]
    latency = {
        "search_p50_ms": percentile(search, 50) if search else None,
        "search_p95_ms": percentile(search, 95) if search else None,
        "answer_p50_ms": percentile(answer, 50) if answer else None,
        "answer_p95_ms": percentile(answer, 95) if answer else None,
    }
    return SystemResult(
        name=name,
        questions=rows,
        overall=score(rows, k=k, budget=budget),
        by_kind={kind: score([r for r in rows if r.kind == kind], k=k, budget=budget) for kind in kinds},
        latency=latency,
        by_document={doc: score([r for r in rows if r.document == doc], k=k, budget=budget) for doc in documents},
    )

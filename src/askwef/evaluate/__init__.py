"""Evaluate: the benchmark. Every system asked every golden question, judged from the text, scored, timed.

    golden.py     the golden file format and the relevance judge
    metrics.py    ranking and latency metrics as pure functions (definitions as ranx's)
    run.py        systems, one run, per-question results, scores overall and per kind
    baselines.py  the common recipe (1,000/200 recursive splitting, same model, FAISS)
    reporting.py  table, results.json, TREC run and qrels files, chart, RESULTS.md
    cli.py        `askwef eval`
    tune.py       `askwef tune`: the measurements behind the chosen weights (dev split only)

>>> run = evaluate(load_golden("evals/golden.jsonl"), [system])   # doctest: +SKIP
"""

from __future__ import annotations

from .golden import (
    Evidence,
    GoldenFormatError,
    GoldenQuestion,
    Judged,
    contains,
    is_relevant,
    load_golden,
)
from .run import (
    EngineSystem,
    EvalRun,
    QuestionResult,
    System,
    SystemResult,
    evaluate,
    score,
)

__all__ = [
    "evaluate", "score", "System", "EngineSystem", "EvalRun", "QuestionResult", "SystemResult",
    "GoldenQuestion", "GoldenFormatError", "Evidence", "Judged", "contains", "is_relevant", "load_golden",
]

"""Tune: the measurements behind the chosen weights, reproducible with `askwef tune` (dev split only).

1. Fusion grid: Hit@1 / Hit@5 of hybrid retrieval for each dense weight x sentence weight.
2. Confidence: a logistic model of "the report answers this" over the selection features, fit on
   the split (the fitted weights are what `answer.CONFIDENCE_WEIGHTS` holds), and the trade-off
   between abstaining on unanswerable questions and falsely abstaining on answerable ones, for a
   range of thresholds, with the weights currently in the code.

The output is printed and written to evals/TUNING.md. Never tune on the test split.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..answer import (
    CONFIDENCE_WEIGHTS,
    SELECTION_WEIGHTS,
    confidence_features,
    confidence_from,
    select,
)
from ..retrieve import minmax
from ..settings import Settings
from .golden import Evidence, GoldenQuestion, Judged, contains, load_golden

DENSE_WEIGHTS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)
SENTENCE_WEIGHTS = (0.0, 0.3, 0.5, 0.7, 1.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)
FEATURES = ("cosine", "focus", "type_ok", "unknown", "absent", "bias")  # "missing" is a rule (answer.NEAR_MISS_CAP)
# the selection weights searched (fields of answer.SelectionWeights), with their column titles
SELECTION_GRID = {"lexical": (0.25, 0.5, 1.0), "focus": (0.5, 1.0, 1.5), "passage": (0.3, 0.6, 0.9)}
SELECTION_TITLES = {"lexical": "W_LEXICAL", "focus": "W_FOCUS", "passage": "W_PASSAGE"}


def fusion_grid(engine: Any, questions: list[GoldenQuestion]) -> dict[tuple[float, float], tuple[float, float]]:
    """(dense_weight, sentence_weight) -> (Hit@1, Hit@5) over the answerable questions."""
    r = engine.retriever
    judged = [Judged(p.text) for p in r.store.passages]
    rows = []
    for q in questions:
        if not q.answerable:
            continue
        s = r.scores(q.question)
        passage_cos = r._cosines(r.store.passage_index, len(r.store.passages), s.query_vector)
        best = np.full(len(r.store.passages), -1.0, dtype=np.float32)
        np.maximum.at(best, r.sentence_rows, s.sentence_cosine)
        best = np.where(best < -0.5, passage_cos, best)
        evidence = Evidence(q.evidence, q.answer)
        relevant = np.array([j.relevant(evidence) for j in judged])
        rows.append((passage_cos, best, s.bm25, relevant))
    grid = {}
    for w in DENSE_WEIGHTS:
        for ws in SENTENCE_WEIGHTS:
            h1 = h5 = 0
            for passage_cos, best, bm25, relevant in rows:
                fused = w * minmax((1 - ws) * passage_cos + ws * best) + (1 - w) * minmax(bm25)
                order = np.argsort(-fused, kind="stable")
                rank = next((i for i, j in enumerate(order) if relevant[j]), None)
                h1 += rank == 0
                h5 += rank is not None and rank < 5
            grid[(w, ws)] = (h1 / max(1, len(rows)), h5 / max(1, len(rows)))
    return grid


def selection_grid(engine: Any, questions: list[GoldenQuestion]) -> dict[tuple[float, ...], float]:
    """Sentence-selection weights -> share of answerable questions whose chosen text holds the answer.

    The other weights stay as `answer.SELECTION_WEIGHTS` holds them.
    """
    names = list(SELECTION_GRID)
    answerable = [q for q in questions if q.answerable]
    out = {}
    for values in itertools.product(*SELECTION_GRID.values()):
        weights = dataclasses.replace(SELECTION_WEIGHTS, **dict(zip(names, values)))
        hits = 0
        for q in answerable:
            sel = select(engine.retriever, q.question, weights=weights)
            hits += contains(" ".join(engine.store.sentences[i].text for i in sel.chosen), q.answer)
        out[values] = hits / max(1, len(answerable))
    return out


def selection_features(engine: Any, questions: list[GoldenQuestion]) -> list[dict[str, Any]]:
    """Per question: the confidence features of the selected answer, and whether it was right."""
    out = []
    for q in questions:
        sel = select(engine.retriever, q.question)
        if sel.best is None:
            continue
        text = " ".join(engine.store.sentences[i].text for i in sel.chosen)
        feats = confidence_features(sel)
        out.append({"id": q.id, "answerable": q.answerable, "correct": q.answerable and contains(text, q.answer), **feats})
    return out


def fit_logistic(rows: list[dict[str, Any]], names: list[str], *, l2: float = 5e-4, steps: int = 30000, lr: float = 1.0) -> dict[str, float]:
    """Plain gradient descent on the log loss (no intercept penalty): target = answerable."""
    x = np.array([[r[n] for n in names] for r in rows], dtype=np.float64)
    y = np.array([1.0 if r["answerable"] else 0.0 for r in rows])
    w = np.zeros(len(names))
    penalty = np.array([0.0 if n == "bias" else 1.0 for n in names])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= lr * (x.T @ (p - y) / len(y) + l2 * penalty * w)
    return {n: round(float(v), 3) for n, v in zip(names, w)}


def tradeoff(rows: list[dict[str, Any]], weights: dict[str, float]) -> list[tuple[float, float, float, float]]:
    """(threshold, abstention on unanswerable, false abstention on answerable, answer accuracy)."""
    out = []
    for t in THRESHOLDS:
        conf = [confidence_from({n: r[n] for n in (*weights, "missing")}, weights) for r in rows]
        un = [c < t for r, c in zip(rows, conf) if not r["answerable"]]
        ans = [(c < t, r["correct"]) for r, c in zip(rows, conf) if r["answerable"]]
        out.append((t, float(np.mean(un)) if un else 0.0, float(np.mean([a for a, _ in ans])) if ans else 0.0,
                    float(np.mean([(not a) and ok for a, ok in ans])) if ans else 0.0))
    return out


def report(engine: Any, questions: list[GoldenQuestion], split: str) -> str:
    settings = engine.settings
    lines = [f"# Tuning (split: {split}, {len(questions)} questions)", "",
             f"Produced by `askwef tune --split {split}` on {time.strftime('%Y-%m-%d')}; settings hash {settings.hash()}.", "",
             "## Fusion weights: Hit@1 / Hit@5 of hybrid retrieval", "",
             "| dense weight \\ sentence weight | " + " | ".join(str(ws) for ws in SENTENCE_WEIGHTS) + " |",
             "|---" * (len(SENTENCE_WEIGHTS) + 1) + "|"]
    grid = fusion_grid(engine, questions)
    for w in DENSE_WEIGHTS:
        cells = []
        for ws in SENTENCE_WEIGHTS:
            h1, h5 = grid[(w, ws)]
            mark = " **(current)**" if (w, ws) == (settings.dense_weight, settings.sentence_weight) else ""
            cells.append(f"{h1:.3f} / {h5:.3f}{mark}")
        lines.append(f"| {w} | " + " | ".join(cells) + " |")
    lines += ["", "## Sentence selection: answer holds the expected fact (no abstention)", "",
              "| " + " | ".join(SELECTION_TITLES[n] for n in SELECTION_GRID) + " | accuracy |", "|---" * (len(SELECTION_GRID) + 1) + "|"]
    current = tuple(getattr(SELECTION_WEIGHTS, n) for n in SELECTION_GRID)
    for values, acc in sorted(selection_grid(engine, questions).items(), key=lambda kv: -kv[1]):
        mark = " **(current)**" if values == current else ""
        lines.append("| " + " | ".join(str(v) for v in values) + f" | {acc:.3f}{mark} |")
    rows = selection_features(engine, questions)
    names = list(FEATURES)
    fitted = fit_logistic([r for r in rows if not r["missing"]], names)  # near misses are settled by rule
    lines += ["", "## Confidence model", "", f"Fitted on this split: `{fitted}`", "", f"In the code (`answer.CONFIDENCE_WEIGHTS`): `{CONFIDENCE_WEIGHTS}`", "",
              "## Abstention trade-off (weights in the code)", "",
              "| threshold | abstains on unanswerable | false abstention on answerable | answer accuracy |", "|---|---|---|---|"]
    for t, un, fa, acc in tradeoff(rows, CONFIDENCE_WEIGHTS):
        mark = " **(current)**" if abs(t - settings.abstain_threshold) < 1e-9 else ""
        lines.append(f"| {t}{mark} | {un:.3f} | {fa:.3f} | {acc:.3f} |")
    return "\n".join(lines) + "\n"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("tune", help="measure fusion weights and the abstention trade-off on the dev split")
    p.add_argument("--golden", default=str(Path("evals") / "golden.jsonl"), help="golden file (default evals/golden.jsonl)")
    p.add_argument("--split", default="dev", choices=("dev", "all"), help="never the test split")
    p.add_argument("--out", default=str(Path("evals") / "TUNING.md"), help="where to write the report")
    p.add_argument("--corpus", metavar="DIR")
    p.add_argument("--index", metavar="DIR")
    p.add_argument("--no-build", action="store_true")
    p.set_defaults(func=run_cli)
    return p


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    from ..engine import Engine

    questions = [q for q in load_golden(args.golden) if args.split == "all" or q.split == args.split]
    engine = Engine.load(settings, build=not args.no_build)
    text = report(engine, questions, args.split)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print(text)
    return 0

"""Candidate ranker features measured and not kept: does the sentence ranker pick better with them?

Issue 11 asked to measure sentence embeddings with their context. This adds, one at a time, a column
to the ranker's feature rows and compares the ranker's cross-validated top-1 accuracy on the dev
split (the same folds and fit as `askwef tune`):

- `title`: the cosine of the question with the embedding of "unit or section title: sentence";
- `before`: the same with the sentence before it too ("title: sentence before sentence");
- `contrast`: the idf-weighted share of the question's stems the sentence holds, each stem weighed by
  the share of the question's candidates that lack it (words only this sentence holds count most).

    .venv/bin/python evals/ranker_candidates.py            # dev split, real model; ~5 min on 2 cores
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from askwef.answer import load_models
from askwef.answer.features import FEATURES
from askwef.answer.select import prepare, stage_for
from askwef.engine import Engine
from askwef.evaluate.fit import CV_FOLDS, candidate_labels, fit_linear, replay
from askwef.evaluate.golden import load_golden
from askwef.settings import Settings

EXTRA = ("title", "before", "contrast")
CS = (0.3, 1.0, 3.0)


def _context(sentences, i: int, before: bool) -> str:
    s = sentences[i]
    title = s.unit or s.section.split(" > ")[-1]
    prev = sentences[i - 1] if i > 0 else None
    lead = prev.text + " " if before and prev is not None and prev.section == s.section and prev.document == s.document else ""
    return f"{title}: {lead}{s.text}"


def rows_for(engine, models, split: str) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Per answerable dev question: the ranker's rows, the extra columns (EXTRA), the labels."""
    sentences = engine.store.sentences
    questions = [q for q in load_golden(Path("evals/golden.jsonl")) if q.split == split]
    prepared = []
    for item in replay(questions, sentences):
        if item.question.answerable:
            p = prepare(engine.retriever, item.question.question, history=list(item.history) or None, types=models.types)
            prepared.append((item.question, p))
    unique = sorted({i for _, p in prepared for i in p.candidates.indexes})
    vectors = {before: dict(zip(unique, engine.embedder.encode([_context(sentences, i, before) for i in unique]))) for before in (False, True)}
    cache = stage_for(engine.retriever).features
    out = []
    for q, p in prepared:
        idx = p.candidates.indexes
        qv = engine.embedder.encode([p.resolved.question])[0]
        stems = p.query.stems
        held = [cache.stems[i] for i in idx]
        lacked = {t: 1.0 - sum(t in h for h in held) / max(1, len(held)) for t in stems}
        weight = {t: cache.idf.get(t, cache.idf_unknown) * lacked[t] for t in stems}
        total = sum(weight.values()) or 1.0
        extra = np.array([[float(vectors[False][i] @ qv), float(vectors[True][i] @ qv), sum(weight[t] for t in stems if t in h) / total]
                          for i, h in zip(idx, held)], dtype=np.float32).reshape(len(idx), len(EXTRA))
        out.append((p.candidates.matrix, extra, candidate_labels(engine, q, idx)))
    return out


def cross_validated(rows, extra: list[int], c: float) -> float:
    names = FEATURES + tuple(EXTRA[k] for k in extra)
    hits = []
    for fold in range(CV_FOLDS):
        train = [r for i, r in enumerate(rows) if i % CV_FOLDS != fold]
        test = [r for i, r in enumerate(rows) if i % CV_FOLDS == fold]

        def x(r):
            return np.hstack([r[0], r[1][:, extra]])

        model = fit_linear(np.vstack([x(r) for r in train if len(r[2])]), np.concatenate([r[2] for r in train if len(r[2])]), names, c)
        hits += [r[2][int(np.argmax(model.logit(x(r))))] if len(r[2]) else 0 for r in test]
    return float(np.mean(hits))


def main() -> int:
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    engine = Engine.load(Settings(), log=lambda *_: None)
    rows = rows_for(engine, load_models(), split)
    print(f"Ranker top-1, {CV_FOLDS}-fold cross-validated on the {split} split ({len(rows)} answerable questions)\n")
    print("| C | the ranker's features | + " + " | + ".join(EXTRA) + " |")
    print("|---:|---:|" + "---:|" * len(EXTRA))
    for c in CS:
        cells = [cross_validated(rows, [], c)] + [cross_validated(rows, [k], c) for k in range(len(EXTRA))]
        print(f"| {c} | " + " | ".join(f"{v:.3f}" for v in cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

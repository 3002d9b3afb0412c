"""Fit the answer stage's models on golden questions (the dev split): what `askwef tune --fit` writes to model.json.

1. `types`: one logistic regression per kind of answer (number, date, name, money, share) over the
   question's words and word pairs; the label is what the golden answer holds (`answer.holds`).
2. `ranker`: a logistic regression over the candidate features (`answer.features.FEATURES`); a
   candidate is right when it is the evidence sentence or holds the golden answer. Its strength is
   chosen by cross-validation grouped by question (top-1 accuracy).
3. `confidence`: a logistic regression over `answer.CONFIDENCE_FEATURES` of the selection, with the
   types and ranker above; the label is whether the question is answerable.

Conversations are replayed with the earlier turns as askwef answered them (with the models in
model.json before this fit), as the chat and `askwef eval` see them: a follow-up's features about the
last answer ("quoted_before", "previous_unit") are then fit on askwef's own answers, not on the golden
evidence, which is shorter than what askwef quotes.

>>> models, report = fit(engine, load_golden("evals/golden.jsonl"))   # doctest: +SKIP
>>> report["ranker"]["top1_cv"]                                        # doctest: +SKIP
0.68
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..answer import CONFIDENCE_FEATURES, AnswerModels, LinearModel, TypeModel, confidence_features, holds, prepare, select
from ..answer.features import FEATURES
from ..answer.params import ANSWER_TYPES
from ..answer.query import ngrams
from .golden import GoldenQuestion, contains, normalize

RANKER_C = (0.03, 0.1, 0.3, 1.0, 3.0)
TYPES_C = 1.0
CONFIDENCE_C = 0.05
"""The confidence model's regularisation strength (scikit-learn's C; smaller is stronger). Chosen on the dev
split: abstention on unanswerable questions at a false abstention of at most 0.05, with the model fit on the
other folds (5 folds x 30 shuffles): C=1.0 0.442, 0.3 0.447, 0.2 0.452, 0.1 0.458, 0.05 0.462, 0.03 0.461,
0.02 0.461, 0.01 0.464. With 14 features and 175 answerable against 154 unanswerable questions the weaker
penalty fits noise; 0.05 is the middle of the plateau."""
CV_FOLDS = 5


def fit_types(questions: Sequence[GoldenQuestion], c: float = TYPES_C) -> TypeModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    answerable = [q for q in questions if q.answerable]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(ngrams(q.question), 1) for q in answerable])
    weights: dict[str, dict[str, float]] = {}
    bias: dict[str, float] = {}
    for kind in ANSWER_TYPES:
        y = [holds(q.answer, whole=True)[kind] for q in answerable]
        if len(set(y)) < 2:
            weights[kind], bias[kind] = {}, -5.0 if not any(y) else 5.0
            continue
        model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
        weights[kind] = {g: round(float(w), 4) for g, w in zip(vectorizer.feature_names_, model.coef_[0]) if abs(w) >= 1e-3}
        bias[kind] = round(float(model.intercept_[0]), 4)
    return TypeModel(weights, bias)


@dataclass(frozen=True)
class Replayed:
    question: GoldenQuestion
    history: tuple[dict, ...]


def replay(questions: Sequence[GoldenQuestion], sentences=(), *, answer: Callable | None = None) -> list[Replayed]:
    """Each question with the earlier turns of its conversation as history.

    With `answer` (`engine.answer`), the earlier turns carry the answers askwef gave them, as in the chat
    and in `askwef eval`: a follow-up is then fit and measured against what the asker actually saw.
    Without it, each earlier turn's answer is its golden evidence (where that evidence stands)."""
    units = {normalize(s.text): s.unit for s in sentences}
    turns: dict[str, list] = {}
    out = []
    for q in questions:
        history = turns.setdefault(q.conversation, []) if q.conversation else []
        out.append(Replayed(q, tuple(history)))
        if not q.conversation:
            continue
        if answer is not None:
            history.append(answer(q.question, history=list(history) or None))
        else:
            history.append({"question": q.question, "answer": q.evidence, "section": q.section, "unit": units.get(normalize(q.evidence), "") if q.evidence else ""})
    return out


def candidate_labels(engine: Any, q: GoldenQuestion, indexes: Sequence[int]) -> np.ndarray:
    sentences = engine.store.sentences
    return np.array([normalize(sentences[i].text) == normalize(q.evidence) or contains(sentences[i].text, q.answer) for i in indexes], dtype=int)


def _standardised(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean, scale


def fit_linear(x: np.ndarray, y: np.ndarray, names: Sequence[str], c: float) -> LinearModel:
    from sklearn.linear_model import LogisticRegression

    names = list(names)
    x = np.asarray(x, dtype=np.float64)
    mean, scale = _standardised(x)
    if "bias" in names:  # the intercept plays its part
        mean[names.index("bias")], scale[names.index("bias")] = 0.0, 1.0
    model = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    coef = model.coef_[0].copy()
    return LinearModel(tuple(names), tuple(round(float(v), 5) for v in coef), tuple(float(v) for v in mean), tuple(float(v) for v in scale), round(float(model.intercept_[0]), 5))


def ranker_data(engine: Any, items: Sequence[Replayed], types: TypeModel) -> list[tuple[GoldenQuestion, np.ndarray, np.ndarray]]:
    out = []
    for item in items:
        q = item.question
        if not q.answerable:
            continue
        prepared = prepare(engine.retriever, q.question, history=list(item.history) or None, types=types)
        cands = prepared.candidates
        out.append((q, cands.matrix, candidate_labels(engine, q, cands.indexes)))
    return out


def top1(rows, scorer) -> float:
    hits = [y[int(np.argmax(scorer(x)))] if len(y) else 0 for _, x, y in rows]
    return float(np.mean(hits)) if hits else 0.0


def cross_validated_top1(rows, c: float, folds: int = CV_FOLDS) -> float:
    """Top-1 accuracy of the ranker fit on the other folds (questions are never split across folds)."""
    hits = []
    for fold in range(folds):
        train = [r for i, r in enumerate(rows) if i % folds != fold]
        test = [r for i, r in enumerate(rows) if i % folds == fold]
        x = np.vstack([r[1] for r in train if len(r[2])])
        y = np.concatenate([r[2] for r in train if len(r[2])])
        model = fit_linear(x, y, FEATURES, c)
        hits += [r[2][int(np.argmax(model.logit(r[1])))] if len(r[2]) else 0 for r in test]
    return float(np.mean(hits)) if hits else 0.0


def fit(engine: Any, questions: Sequence[GoldenQuestion], *, log=print) -> tuple[AnswerModels, dict]:
    """Fit types, ranker and confidence on `questions` (give it the dev split); returns the models and what was measured."""
    started = time.perf_counter()
    items = replay(questions, engine.store.sentences, answer=engine.answer)  # the earlier turns as askwef answered them
    types = fit_types(questions)
    log(f"answer types fit on {sum(q.answerable for q in questions)} answerable questions")
    rows = ranker_data(engine, items, types)
    scores = {c: cross_validated_top1(rows, c) for c in RANKER_C}
    best_c = max(RANKER_C, key=lambda c: (scores[c], -abs(np.log(c))))
    x = np.vstack([r[1] for r in rows if len(r[2])])
    y = np.concatenate([r[2] for r in rows if len(r[2])])
    ranker = fit_linear(x, y, FEATURES, best_c)
    log(f"ranker: C={best_c}, top-1 (cross-validated) {scores[best_c]:.3f}")
    reach = float(np.mean([bool(r[2].any()) for r in rows])) if rows else 0.0

    neutral = LinearModel(("bias",), (0.0,), (0.0,), (1.0,), 0.0)
    interim = AnswerModels(types, ranker, neutral)
    feats, labels = [], []
    for item in items:
        sel = select(engine.retriever, item.question.question, history=list(item.history) or None, models=interim)
        f = confidence_features(sel, engine.retriever)
        feats.append([f[n] for n in CONFIDENCE_FEATURES])
        labels.append(int(item.question.answerable))
    confidence = fit_linear(np.array(feats), np.array(labels), CONFIDENCE_FEATURES, CONFIDENCE_C)
    provenance = {
        "fit_by": "askwef tune --fit",
        "date": time.strftime("%Y-%m-%d"),
        "questions": len(questions),
        "answerable": int(sum(q.answerable for q in questions)),
        "splits": sorted({q.split for q in questions}),
        "ranker_c": best_c,
        "ranker_top1_cv": round(scores[best_c], 4),
        "seconds": round(time.perf_counter() - started, 1),
    }
    report = {"ranker": {"c_grid": {str(c): round(s, 4) for c, s in scores.items()}, "top1_cv": scores[best_c], "reach": reach}}
    return AnswerModels(types, ranker, confidence, provenance), report

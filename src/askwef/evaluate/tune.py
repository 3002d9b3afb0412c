"""Tune: the measurements behind the chosen weights, reproducible with `askwef tune` (fit on the dev split only).

1. Fusion grid: Hit@1 / Hit@5 of hybrid retrieval for each dense weight x sentence weight.
2. With `--fit`: the answer stage's models fit on the split (`evaluate/fit.py`) and written to
   src/askwef/answer/model.json; the ranker's strength chosen by cross-validation.
3. Sentence ranking: top-1 accuracy of the learned ranker (cross-validated) against the
   hand-weighted score it replaced, and against the best sentence by cosine alone.
4. Runner-ups: answer accuracy (without abstention) and quote length for each gain in the chance of
   holding the answer at which a runner-up sentence is quoted too (`params.RUNNER_UP_GAIN`).
5. Abstention: the trade-off between abstaining on unanswerable and falsely abstaining on answerable
   questions for a range of thresholds, on the tuning split and, for the record, on the held-out
   split (the operating point is chosen on the tuning split).
6. Confidence ablation: the confidence model cross-validated on the tuning split with each feature left
   out, and gradient boosting in its place: how much of the unanswerable it abstains on at a false
   abstention of at most `ABLATION_FALSE_ABSTENTION`; then the logistic and the boosted model, each fit on
   the tuning split at its own threshold, measured on the held-out split (whether the ranking holds).

The output is printed and written to evals/TUNING.md. Never fit on the test split.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..answer import CONFIDENCE_FEATURES, confidence_features, load_models, select
from ..answer.confidence import answer_confidence, ruled_out
from ..answer.features import FEATURES
from ..answer.model import MODEL_PATH
from ..answer.params import ANSWER_TYPES, NEIGHBOUR_GAIN, RUNNER_UP_GAIN
from ..answer.context import context_for
from ..answer.quote import choose
from ..retrieve import minmax
from ..settings import Settings
from .fit import CONFIDENCE_C, CV_FOLDS, Replayed, cross_validated_top1, fit, fit_linear, ranker_data, replay, top1
from .golden import Evidence, GoldenQuestion, Judged, contains, load_golden

DENSE_WEIGHTS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)
SENTENCE_WEIGHTS = (0.0, 0.3, 0.5, 0.7, 1.0)
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
GAINS = (0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 1.01)
NEIGHBOUR_GAINS = (0.0, 0.005, 0.01, 0.02, 0.05)
"""Gains at which the best sentence's neighbour is quoted (params.NEIGHBOUR_GAIN), each at RUNNER_UP_GAIN."""
ABLATION_FALSE_ABSTENTION = 0.05
"""The false abstention the ablation compares models at (the product's bound on answerable questions)."""
BOOSTED = "gradient boosting (100 trees of depth 2), every feature"


def fusion_grid(engine: Any, questions: list[GoldenQuestion]) -> dict[tuple[float, float], tuple[float, float]]:
    """(dense_weight, sentence_weight) -> (Hit@1, Hit@5) over the answerable questions."""
    r = engine.retriever
    judged = [Judged(p.text) for p in r.store.passages]
    rows = []
    for q in questions:
        if not q.answerable:
            continue
        s = r.scores(q.question)
        passage_cos = r.store.passage_vectors.dot(s.query_vector)
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


def _hand_score(m: np.ndarray) -> np.ndarray:
    """The hand-weighted sentence score askwef used before the learned ranker (weights from the old tuning grid)."""
    f = {name: i for i, name in enumerate(FEATURES)}
    kinds = sum(m[:, f[f"asks_{t}_holds"]] - m[:, f[f"asks_{t}_lacks"]] for t in ANSWER_TYPES) * 0.25
    return m[:, f["cosine"]] + m[:, f["lexical"]] + m[:, f["focus"]] + 0.6 * m[:, f["passage_fused"]] + kinds - 0.25 * (m[:, f["kind_caption"]] + m[:, f["kind_heading"]])


def outcomes(engine: Any, items: list[Replayed], models) -> list[dict[str, Any]]:
    """Per replayed question: whether the answer (at each runner-up gain) holds the fact, its length, and its confidence features."""
    rows = []
    sentences = engine.store.sentences
    for item in items:
        q = item.question
        sel = select(engine.retriever, q.question, history=list(item.history) or None, models=models)
        features = confidence_features(sel, engine.retriever)
        right, chars = {}, {}
        # keys: a gain (the neighbour's at NEIGHBOUR_GAIN), or ("neighbour", its gain) at RUNNER_UP_GAIN
        for key in (*GAINS, *(("neighbour", g) for g in NEIGHBOUR_GAINS)):
            gain, neighbour = (RUNNER_UP_GAIN, key[1]) if isinstance(key, tuple) else (key, NEIGHBOUR_GAIN)
            if sel.best is None:
                right[key], chars[key] = False, 0
                continue
            chosen = choose(sentences, sel.prepared.candidates.indexes, sel.probabilities, sel.best, gain=gain, neighbour_gain=neighbour,
                            asked=sel.prepared.query.stems)
            quote = " ".join(sentences[i].text for i in chosen)
            right[key] = q.answerable and contains(quote + " " + context_for(engine.store, tuple(chosen)), q.answer)
            chars[key] = len(quote)
        confidence = answer_confidence(features, models.confidence)
        ruled = ruled_out(sel, engine.retriever, features) is not None
        rows.append({"id": q.id, "kind": q.kind, "answerable": q.answerable, "right": right, "chars": chars, "confidence": confidence, "ruled_out": ruled,
                     "features": [features[n] for n in CONFIDENCE_FEATURES]})
    return rows


def abstention_at(probability: np.ndarray, rows: list[dict[str, Any]], most: float = ABLATION_FALSE_ABSTENTION) -> float:
    """The largest share of unanswerable questions abstained on (below some threshold, or ruled out) while
    abstaining on at most `most` of the answerable ones."""
    return _operating_point(probability, rows, most)[0]


def _operating_point(probability: np.ndarray, rows: list[dict[str, Any]], most: float = ABLATION_FALSE_ABSTENTION) -> tuple[float, float]:
    """(abstention on unanswerable, threshold) at the threshold abstaining on most unanswerable questions
    while abstaining on at most `most` of the answerable ones."""
    answerable = np.array([r["answerable"] for r in rows])
    ruled = np.array([r["ruled_out"] for r in rows])
    best = (0.0, 0.0)
    for t in np.unique(np.concatenate([probability, [0.0]])):
        abstain = (probability < t) | ruled
        if answerable.any() and abstain[answerable].mean() <= most + 1e-9 and (~answerable).any():
            best = max(best, (float(abstain[~answerable].mean()), float(t)))
    return best


def _matrix(rows: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    return np.array([r["features"] for r in rows], dtype=np.float64), np.array([int(r["answerable"]) for r in rows])


def _confidence_model(x: np.ndarray, y: np.ndarray, columns: list[int], boosted: bool = False):
    """A confidence model fit on (x, y): `probability(x)` of answering, logistic (as shipped) or gradient boosting."""
    if boosted:
        from sklearn.ensemble import GradientBoostingClassifier

        model = GradientBoostingClassifier(n_estimators=100, max_depth=2, learning_rate=0.05, subsample=0.8, random_state=0)
        model.fit(x[:, columns], y)
        return lambda z: model.predict_proba(z[:, columns])[:, 1]
    linear = fit_linear(x[:, columns], y, [CONFIDENCE_FEATURES[c] for c in columns], CONFIDENCE_C)
    return lambda z: linear.probability(z[:, columns])


def _cross_validated(rows: list[dict[str, Any]], columns: list[int], boosted: bool = False, folds: int = CV_FOLDS) -> np.ndarray:
    """Each row's probability from the model fit on the other folds (questions fold by position)."""
    x, y = _matrix(rows)
    fold = np.arange(len(rows)) % folds
    p = np.zeros(len(rows))
    for k in range(folds):
        train, test = fold != k, fold == k
        p[test] = _confidence_model(x[train], y[train], columns, boosted)(x[test])
    return p


def ablation(rows: list[dict[str, Any]], folds: int = CV_FOLDS) -> list[tuple[str, float]]:
    """(model, abstention at ABLATION_FALSE_ABSTENTION) of the confidence model cross-validated on `rows`
    (questions fold by position): with every feature, with each left out, and gradient boosting instead."""
    every = list(range(len(CONFIDENCE_FEATURES)))
    out = [("logistic regression, every feature", abstention_at(_cross_validated(rows, every, folds=folds), rows))]
    out += [(f"logistic regression without {CONFIDENCE_FEATURES[c]}", abstention_at(_cross_validated(rows, [i for i in every if i != c], folds=folds), rows))
            for c in every if CONFIDENCE_FEATURES[c] != "bias"]
    out.append((BOOSTED, abstention_at(_cross_validated(rows, every, boosted=True, folds=folds), rows)))
    return out


def held_out_models(rows: list[dict[str, Any]], held: list[dict[str, Any]]) -> list[tuple[str, float, float, float]]:
    """(model, threshold, abstention on unanswerable, false abstention on answerable) on the held-out rows of
    the logistic and the gradient-boosted confidence models, each fit on `rows` with the threshold its
    cross-validated probabilities there give at a false abstention of at most ABLATION_FALSE_ABSTENTION:
    whether the ablation's winner on the tuning split also wins where it was not chosen."""
    every = list(range(len(CONFIDENCE_FEATURES)))
    x, y = _matrix(rows)
    xh, yh = _matrix(held)
    ruled = np.array([r["ruled_out"] for r in held])
    out = []
    for name, boosted in (("logistic regression (shipped)", False), (BOOSTED, True)):
        threshold = _operating_point(_cross_validated(rows, every, boosted), rows)[1]
        abstain = (_confidence_model(x, y, every, boosted)(xh) < threshold) | ruled
        out.append((name, threshold, float(abstain[yh == 0].mean()), float(abstain[yh == 1].mean())))
    return out


def tradeoff(rows: list[dict[str, Any]], gain: float) -> list[tuple[float, float, float, float]]:
    """(threshold, abstention on unanswerable, false abstention on answerable, answer accuracy)."""
    out = []
    for t in THRESHOLDS:
        un = [r["confidence"] < t or r["ruled_out"] for r in rows if not r["answerable"]]
        ans = [(r["confidence"] < t or r["ruled_out"], r["right"][gain]) for r in rows if r["answerable"]]
        out.append((t, float(np.mean(un)) if un else 0.0, float(np.mean([a for a, _ in ans])) if ans else 0.0,
                    float(np.mean([(not a) and ok for a, ok in ans])) if ans else 0.0))
    return out


def report(engine: Any, questions: list[GoldenQuestion], split: str, *, held_out: list[GoldenQuestion], fit_report: dict | None) -> str:
    settings = engine.settings
    models = load_models(MODEL_PATH)
    lines = [f"# Tuning (split: {split}, {len(questions)} questions)", "",
             f"Produced by `askwef tune --split {split}{' --fit' if fit_report else ''}` on {time.strftime('%Y-%m-%d')}; settings hash {settings.hash()}.",
             f"Models in `src/askwef/answer/model.json`: {json.dumps(models.provenance)}.", "",
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

    items = replay(questions, engine.store.sentences, answer=engine.answer)  # once: the ranker's rows and the outcomes below
    rows = ranker_data(engine, items, models.types)
    reach = float(np.mean([bool(r[2].any()) for r in rows])) if rows else 0.0
    lines += ["", "## Sentence ranking: top-1 accuracy on answerable questions", "",
              f"A candidate is right when it is the evidence sentence or holds the answer; the right one is among the candidates for {reach:.3f}.", "",
              "| ranker | top-1 |", "|---|---:|",
              f"| cosine of the sentence alone | {top1(rows, lambda m: m[:, 0]):.3f} |",
              f"| the hand-weighted score it replaced | {top1(rows, _hand_score):.3f} |"]
    for c, score in (fit_report or {}).get("ranker", {}).get("c_grid", {}).items():
        lines.append(f"| logistic regression, C={c} ({CV_FOLDS}-fold cross-validated) | {score:.3f} |")
    if not fit_report:
        lines.append(f"| logistic regression, C={models.provenance.get('ranker_c')} ({CV_FOLDS}-fold cross-validated) | {cross_validated_top1(rows, float(models.provenance.get('ranker_c', 1.0))):.3f} |")
    lines.append(f"| the fitted ranker in model.json (fit on this split: not a fair score) | {top1(rows, lambda m: models.ranker.logit(m)):.3f} |")

    mine = outcomes(engine, items, models)
    lines += ["", "## Runner-ups: answer accuracy without abstention", "",
              "A runner-up sentence is quoted too when its probability times the chance that every sentence already chosen "
              f"misses is at least the gain (at most 3 sentences; the best one's neighbour at {NEIGHBOUR_GAIN}).", "",
              "| gain at which a runner-up is quoted | answer holds the fact | characters quoted (mean) |", "|---|---:|---:|"]
    answerable = [r for r in mine if r["answerable"]]
    for gain in GAINS:
        mark = " **(current)**" if abs(gain - RUNNER_UP_GAIN) < 1e-9 else ""
        lines.append(f"| {gain if gain <= 1 else 'never'}{mark} | {np.mean([r['right'][gain] for r in answerable]):.3f} |"
                     f" {np.mean([r['chars'][gain] for r in answerable]):.0f} |")
    lines += ["", f"The best sentence's neighbour (the sentence right before or after it) at its own gain, other runner-ups at {RUNNER_UP_GAIN}:", "",
              "| gain at which the neighbour is quoted | answer holds the fact | characters quoted (mean) |", "|---|---:|---:|"]
    for g in NEIGHBOUR_GAINS:
        mark = " **(current)**" if abs(g - NEIGHBOUR_GAIN) < 1e-9 else ""
        lines.append(f"| {g}{mark} | {np.mean([r['right'][('neighbour', g)] for r in answerable]):.3f} |"
                     f" {np.mean([r['chars'][('neighbour', g)] for r in answerable]):.0f} |")

    lines += ["", "## Confidence model", "", "Fitted weights (standardised features):", "",
              "| feature | weight |", "|---|---:|"]
    lines += [f"| {n} | {w:+.3f} |" for n, w in zip(models.confidence.features, models.confidence.coef)]
    theirs = outcomes(engine, replay(held_out, engine.store.sentences, answer=engine.answer), models) if held_out else []
    for name, group in ((split, mine), ("test (held out, measured only)", theirs)):
        if not group:
            continue
        lines += ["", f"## Abstention trade-off on {name} ({len(group)} questions)", "",
                  "Whatever the threshold, a question is not answered when it pins a year, quarter or place the quote's passages lack or "
                  "none of its words is in the corpus, or it quotes a term no sentence or heading of the report holds "
                  "(`answer.confidence.ruled_out`).", "",
                  "| threshold | abstains on unanswerable | false abstention on answerable | answer accuracy |", "|---|---|---|---|"]
        for t, un, fa, acc in tradeoff(group, RUNNER_UP_GAIN):
            mark = " **(current)**" if abs(t - settings.abstain_threshold) < 1e-9 else ""
            lines.append(f"| {t}{mark} | {un:.3f} | {fa:.3f} | {acc:.3f} |")
    lines += ["", f"## Confidence ablation on {split} ({CV_FOLDS}-fold cross-validated)", "",
              f"Abstention on unanswerable questions at a false abstention on answerable ones of at most {ABLATION_FALSE_ABSTENTION} "
              "(the threshold chosen on the held-out folds' probabilities; ruled-out questions abstain whatever the model).", "",
              "| confidence model | abstains on unanswerable |", "|---|---:|"]
    lines += [f"| {name} | {un:.3f} |" for name, un in ablation(mine)]
    if theirs:
        lines += ["", "## Confidence models on test (held out, measured only)", "",
                  f"Each fit on {split}, at the threshold its cross-validated probabilities on {split} give at a false abstention of at most "
                  f"{ABLATION_FALSE_ABSTENTION}: does the ablation's ranking of the two models hold where it was not chosen?", "",
                  "| confidence model | threshold | abstains on unanswerable | false abstention on answerable |", "|---|---:|---:|---:|"]
        lines += [f"| {name} | {t:.3f} | {un:.3f} | {fa:.3f} |" for name, t, un, fa in held_out_models(mine, theirs)]
    return "\n".join(lines) + "\n"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("tune", help="fit the answer models and measure weights and abstention (dev split)")
    p.add_argument("--golden", default=str(Path("evals") / "golden.jsonl"), help="golden file (default evals/golden.jsonl)")
    p.add_argument("--split", default="dev", choices=("dev", "all"), help="never the test split")
    p.add_argument("--fit", action="store_true", help="fit the answer models on the split and write src/askwef/answer/model.json")
    p.add_argument("--out", default=str(Path("evals") / "TUNING.md"), help="where to write the report")
    p.add_argument("--corpus", metavar="DIR")
    p.add_argument("--index", metavar="DIR")
    p.add_argument("--no-build", action="store_true")
    p.set_defaults(func=run_cli)
    return p


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    from ..engine import Engine

    golden = load_golden(args.golden)
    questions = [q for q in golden if args.split == "all" or q.split == args.split]
    held_out = [q for q in golden if q.split == "test"] if args.split == "dev" else []
    engine = Engine.load(settings, build=not args.no_build)
    fit_report = None
    if args.fit:
        models, fit_report = fit(engine, questions)
        MODEL_PATH.write_text(json.dumps(models.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        load_models.cache_clear()
        engine.models = models  # the report's conversations are replayed with the answers the new models give
        print(f"wrote {MODEL_PATH}")
    text = report(engine, questions, args.split, held_out=held_out, fit_report=fit_report)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print(text)
    return 0

"""Candidate ranker features measured and not kept: does the sentence ranker pick better with them?

Issue 11 asked to measure sentence embeddings with their context, then features that tell a sentence
from its siblings. This adds, one candidate at a time, columns to the ranker's feature rows and compares
the ranker's cross-validated top-1 accuracy on the dev split (the fit of `askwef tune`, its folds and
SHUFFLES - 1 reshuffles of them; earlier turns of a conversation carry their golden evidence):

- `title`: the cosine of the question with the embedding of "unit or section title: sentence";
- `before`: the same with the sentence before it too ("title: sentence before sentence");
- `contrast`: the idf-weighted share of the question's stems the sentence holds, each stem weighed by
  the share of the question's candidates that lack it (words only this sentence holds count most);
- `within`: its cosine, lexical, lexical_sentence and focus minus the best of its passage's sentences (the
  ranker compares siblings: the case study's opening against the sentence with the figure);
- `near`: the share of the question's stems within three words of a number in the sentence, and whether any
  is (the question's head noun or unit next to a figure: "robots", "workers");
- `year`: whether it holds a year the question names, and whether it holds years but none the question names;
- `predicate`: the idf-weighted share of the question's stems outside its case study's name (`unit_name`) it
  holds ("how do they keep the Dongjiang Lake data centre cool?" -> keep, cool).

None of the last four was kept. This script's table (2026-12-04, dev, 175 answerable questions):

| C | the ranker's features | + title | + before | + contrast | + within | + near | + year | + predicate |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| 0.3 | 0.659 | 0.659 | 0.666 | 0.657 | 0.655 | 0.643 | 0.666 | 0.662 |
| 1.0 | 0.662 | 0.662 | 0.671 | 0.662 | 0.657 | 0.653 | 0.669 | 0.665 |
| 3.0 | 0.659 | 0.661 | 0.667 | 0.662 | 0.659 | 0.654 | 0.666 | 0.661 |

Each moves top-1 by at most 0.01, one or two questions of 175; with the conversations replayed with askwef's
own answers (as `askwef tune` fits) the new four moved it -0.011 to +0.005 (ranker 0.657). Two other models on
the ranker's own features, a listwise logistic (softmax over each question's candidates) and gradient boosting
(HistGradientBoosting), were tried with scratch scripts and did no better; this script does not reproduce them.
What did help is quoting the best sentence's neighbour more often
(params.NEIGHBOUR_GAIN): of the ranker's wrong picks on dev, 21 of 45 had the right sentence in the same passage.

    .venv/bin/python evals/ranker_candidates.py            # dev split, real model; ~5 min on 2 cores
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import numpy as np

from askwef.answer import load_models
from askwef.answer.features import FEATURES
from askwef.answer.followup import unit_name
from askwef.answer.query import stems as stems_of
from askwef.answer.select import prepare, stage_for
from askwef.engine import Engine
from askwef.evaluate.fit import CV_FOLDS, candidate_labels, fit_linear, replay
from askwef.evaluate.golden import load_golden
from askwef.settings import Settings

EXTRA = {"title": 1, "before": 1, "contrast": 1, "within": 4, "near": 2, "year": 2, "predicate": 1}
"""Each candidate and how many columns it adds."""
NEAR_WORDS = 3
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|trillion|half|twice)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
CS = (0.3, 1.0, 3.0)
SHUFFLES = 5
"""Each comparison is cross-validated over this many assignments of questions to folds: one moves top-1 by 0.01."""


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
        m = p.candidates.matrix
        within = np.zeros((len(idx), 4), dtype=np.float32)
        passage = np.array([sentences[i].passage_id for i in idx])
        for pid in set(passage.tolist()):
            at = passage == pid
            for k, name in enumerate(("cosine", "lexical", "lexical_sentence", "focus")):
                col = m[at, FEATURES.index(name)]
                within[at, k] = col - col.max()
        years = set(_YEAR.findall(p.resolved.question))
        extra = np.array([[float(vectors[False][i] @ qv), float(vectors[True][i] @ qv), sum(weight[t] for t in stems if t in h) / total,
                           *within[k], *_near(sentences[i].text, stems), *_years(sentences[i].text, years), _predicate(cache, sentences[i], h, stems)]
                          for k, (i, h) in enumerate(zip(idx, held))], dtype=np.float32).reshape(len(idx), sum(EXTRA.values()))
        out.append((p.candidates.matrix, extra, candidate_labels(engine, q, idx)))
    return out


def _near(text: str, stems) -> tuple[float, float]:
    """(share of the question's stems within NEAR_WORDS words of a number, whether any is); a year is no number."""
    words = _YEAR.sub("", text).split()
    at = [k for k, w in enumerate(words) if _NUMBER.search(w)]
    near = set().union(*(stems_of(" ".join(words[max(0, k - NEAR_WORDS) : k + NEAR_WORDS + 1])) for k in at)) & stems
    return len(near) / max(1, len(stems)), float(bool(near))


def _years(text: str, years: set[str]) -> tuple[float, float]:
    held = set(_YEAR.findall(text))
    return float(bool(held & years)), float(bool(years) and bool(held) and not held & years)


def _predicate(cache, sentence, held, stems) -> float:
    rest = set(stems) - stems_of(unit_name(sentence.unit))
    return cache.weight(rest & held) / cache.weight(rest) if rest else 0.0


def columns(names: list[str]) -> list[int]:
    """The extra columns of the named candidates: ["contrast", "year"] -> [2, 7, 8]."""
    starts = np.cumsum([0, *EXTRA.values()])
    spans = dict(zip(EXTRA, zip(starts, starts[1:])))
    return [c for n in names for c in range(*spans[n])]


def cross_validated(rows, names: list[str], c: float) -> float:
    extra = columns(names)
    names = FEATURES + tuple(f"{n}_{k}" for n in names for k in range(EXTRA[n]))
    hits = []
    for shuffle, fold in itertools.product(range(SHUFFLES), range(CV_FOLDS)):
        # shuffle 0 is askwef tune's assignment (question i in fold i % CV_FOLDS); the others reshuffle the questions
        order = np.random.default_rng(shuffle).permutation(len(rows)) if shuffle else np.arange(len(rows))
        folds = {int(q): k % CV_FOLDS for k, q in enumerate(order)}
        train = [r for i, r in enumerate(rows) if folds[i] != fold]
        test = [r for i, r in enumerate(rows) if folds[i] == fold]

        def x(r):
            return np.hstack([r[0], r[1][:, extra]])

        model = fit_linear(np.vstack([x(r) for r in train if len(r[2])]), np.concatenate([r[2] for r in train if len(r[2])]), names, c)
        hits += [r[2][int(np.argmax(model.logit(x(r))))] if len(r[2]) else 0 for r in test]
    return float(np.mean(hits))


def main() -> int:
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    engine = Engine.load(Settings(), log=lambda *_: None)
    rows = rows_for(engine, load_models(), split)
    print(f"Ranker top-1, {CV_FOLDS}-fold cross-validated x {SHUFFLES} shuffles on the {split} split ({len(rows)} answerable questions)\n")
    print("| C | the ranker's features | + " + " | + ".join(EXTRA) + " |")
    print("|---:|---:|" + "---:|" * len(EXTRA))
    for c in CS:
        cells = [cross_validated(rows, [], c)] + [cross_validated(rows, [name], c) for name in EXTRA]
        print(f"| {c} | " + " | ".join(f"{v:.3f}" for v in cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

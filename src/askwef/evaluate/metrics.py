"""Ranking and latency metrics as pure functions over judged ranked lists.

A ranked list is judged once (see `askwef.evaluate.run`) and becomes a list of booleans, best first:
`[False, True, False]` means the passage at rank 2 is relevant. Every metric takes one such list
per question (plus, where needed, how many relevant passages exist for that question) and returns
`Scores`: the per-question values and their mean.

>>> hit_rate_at_k([[False, True], [False, False]], k=2).per_question
(1.0, 0.0)
>>> mrr_at_k([[False, True], [True]], k=10).mean
0.75

Definitions follow ranx (https://amenra.github.io/ranx/metrics/) so the exported run files can be
cross-checked against it: `hit_rate@k` (ranx `hit_rate`), `recall@k` (ranx `recall`), `mrr@k`
(ranx `mrr`), `ndcg@k` (ranx `ndcg`, Järvelin & Kekäläinen, binary gains, ideal DCG from the
number of relevant passages, cut at k).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "Scores",
    "hit_rate_at_k",
    "recall_at_k",
    "mrr_at_k",
    "ndcg_at_k",
    "budget_recall",
    "mean",
    "percentile",
]


@dataclass(frozen=True)
class Scores:
    """Per-question values of one metric and their mean (0.0 when there are no questions)."""

    per_question: tuple[float, ...]
    mean: float

    @classmethod
    def of(cls, values: Sequence[float]) -> "Scores":
        values = tuple(float(v) for v in values)
        return cls(values, mean(values))


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean, 0.0 for an empty sequence: `mean([1, 0, 0.5]) -> 0.5`."""
    return math.fsum(values) / len(values) if values else 0.0


def _check_k(k: int) -> None:
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")


def hit_rate_at_k(ranked_rel: Sequence[Sequence[bool]], k: int) -> Scores:
    """1.0 when any relevant passage is in the top k, else 0.0 (our headline "Recall@k").

    >>> hit_rate_at_k([[False, False, True], [True], []], k=2).per_question
    (0.0, 1.0, 0.0)
    """
    _check_k(k)
    return Scores.of([1.0 if any(rel[:k]) else 0.0 for rel in ranked_rel])


def recall_at_k(ranked_rel: Sequence[Sequence[bool]], n_relevant: Sequence[int], k: int) -> Scores:
    """Share of a question's relevant passages found in the top k (ranx `recall@k`).

    `n_relevant[i]` counts every relevant passage of question i, retrieved or not; a question with
    none scores 0.0 (as in ranx).

    >>> recall_at_k([[True, False, True], [False, True]], n_relevant=[4, 1], k=2).per_question
    (0.25, 1.0)
    """
    _check_k(k)
    _check_lengths(ranked_rel, n_relevant)
    values = []
    for rel, total in zip(ranked_rel, n_relevant):
        found = sum(1 for r in rel[:k] if r)
        values.append(found / total if total > 0 else 0.0)
    return Scores.of(values)


def mrr_at_k(ranked_rel: Sequence[Sequence[bool]], k: int) -> Scores:
    """Reciprocal rank of the first relevant passage within the top k, 0.0 if none.

    >>> mrr_at_k([[False, False, True], [False, True], [False]], k=2).per_question
    (0.0, 0.5, 0.0)
    """
    _check_k(k)
    values = []
    for rel in ranked_rel:
        first = next((i for i, r in enumerate(rel[:k]) if r), None)
        values.append(0.0 if first is None else 1.0 / (first + 1))
    return Scores.of(values)


def _dcg(gains: Sequence[bool]) -> float:
    # rank i (1-based) is discounted by log2(i + 1); binary gains
    return math.fsum(1.0 / math.log2(i + 2) for i, g in enumerate(gains) if g)


def ndcg_at_k(ranked_rel: Sequence[Sequence[bool]], n_relevant: Sequence[int], k: int) -> Scores:
    """Normalised DCG at k with binary gains; the ideal list puts min(n_relevant, k) hits first.

    Worked example, relevant at ranks 2 and 3, two relevant passages in all:
    DCG = 1/log2(3) + 1/log2(4) = 0.6309 + 0.5 = 1.1309; IDCG = 1/log2(2) + 1/log2(3) = 1.6309;
    nDCG = 0.6934.

    >>> round(ndcg_at_k([[False, True, True]], n_relevant=[2], k=10).mean, 4)
    0.6934
    """
    _check_k(k)
    _check_lengths(ranked_rel, n_relevant)
    values = []
    for rel, total in zip(ranked_rel, n_relevant):
        ideal = _dcg([True] * min(total, k))
        values.append(_dcg(rel[:k]) / ideal if ideal > 0 else 0.0)
    return Scores.of(values)


def budget_recall(ranked_rel: Sequence[Sequence[bool]], ranked_chars: Sequence[Sequence[int]], budget: int) -> Scores:
    """1.0 when a relevant passage starts within the first `budget` characters read, else 0.0.

    Reading walks down the ranked list; a passage "starts within the budget" when the characters of
    the passages above it add up to less than `budget`. A system returning 1,000-character chunks
    gets two looks within 1,500 characters, one returning 300-character passages gets five: bigger
    chunks cannot buy recall.

    >>> budget_recall([[False, False, True], [False, True]], [[1000, 1000, 1000], [300, 300]], 1500).per_question
    (0.0, 1.0)
    """
    if budget < 1:
        raise ValueError(f"budget must be at least 1 character, got {budget}")
    _check_lengths(ranked_rel, ranked_chars)
    values = []
    for rel, chars in zip(ranked_rel, ranked_chars):
        if len(rel) != len(chars):
            raise ValueError("each ranked list needs one character count per passage")
        read, hit = 0, 0.0
        for is_rel, length in zip(rel, chars):
            if read >= budget:
                break
            if is_rel:
                hit = 1.0
                break
            read += length
        values.append(hit)
    return Scores.of(values)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between order statistics (numpy's default).

    >>> percentile([10, 20, 30, 40], 50)
    25.0
    >>> percentile([10, 20, 30, 40], 95)
    38.5
    """
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    if not values:
        return float("nan")
    ordered = sorted(float(v) for v in values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _check_lengths(first: Sequence[object], second: Sequence[object]) -> None:
    if len(first) != len(second):
        raise ValueError(f"one value per question expected: {len(first)} ranked lists, {len(second)} values")

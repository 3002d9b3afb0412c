"""Metrics: hand-worked cases, the docstring examples, and agreement with ranx to 1e-9."""

from __future__ import annotations

import doctest
import math
import random
import warnings

import pytest

from askwef.evaluate import metrics
from askwef.evaluate.metrics import budget_recall, hit_rate_at_k, mrr_at_k, ndcg_at_k, percentile, recall_at_k

T, F = True, False


def test_docstring_examples():
    assert doctest.testmod(metrics).failed == 0


def test_hit_rate_is_any_relevant_in_top_k():
    ranked = [[F, F, T], [T, F], [F, F], []]
    assert hit_rate_at_k(ranked, 1).per_question == (0.0, 1.0, 0.0, 0.0)
    assert hit_rate_at_k(ranked, 3).per_question == (1.0, 1.0, 0.0, 0.0)
    assert hit_rate_at_k(ranked, 3).mean == 0.5


def test_recall_counts_relevant_found_over_all_relevant():
    # 3 relevant in all; two in the top 5
    scores = recall_at_k([[T, F, F, F, T, T]], n_relevant=[3], k=5)
    assert scores.per_question == (pytest.approx(2 / 3),)
    assert recall_at_k([[F]], n_relevant=[0], k=5).mean == 0.0  # nothing to find: 0 (as ranx)


def test_mrr_uses_first_relevant_rank_within_k():
    assert mrr_at_k([[F, F, T, T]], k=10).mean == pytest.approx(1 / 3)
    assert mrr_at_k([[F, F, T]], k=2).mean == 0.0
    assert mrr_at_k([[T], [F, T], [F, F, F, T]], k=10).mean == pytest.approx((1 + 0.5 + 0.25) / 3)


def test_ndcg_hand_worked():
    # relevant at ranks 1 and 3, three relevant in all:
    # DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3) + 1/log2(4) = 2.1309
    expected = 1.5 / (1 + 1 / math.log2(3) + 0.5)
    assert ndcg_at_k([[T, F, T]], n_relevant=[3], k=10).mean == pytest.approx(expected, abs=1e-12)
    # the ideal list is cut at k too: 5 relevant, k=2, both top hits -> perfect
    assert ndcg_at_k([[T, T, F]], n_relevant=[5], k=2).mean == pytest.approx(1.0)
    assert ndcg_at_k([[F, F]], n_relevant=[1], k=10).mean == 0.0


def test_budget_recall_walks_characters_not_ranks():
    # 1,000-char chunks: ranks 1 and 2 start within 1,500 (at 0 and 1,000), rank 3 at 2,000 does not
    assert budget_recall([[F, T, F]], [[1000, 1000, 1000]], 1500).mean == 1.0
    assert budget_recall([[F, F, T]], [[1000, 1000, 1000]], 1500).mean == 0.0
    # 300-char passages: rank 5 starts at 1,200 < 1,500
    assert budget_recall([[F, F, F, F, T]], [[300] * 5], 1500).mean == 1.0
    # a passage starting exactly at the budget is not read
    assert budget_recall([[F, T]], [[1500, 10]], 1500).mean == 0.0
    with pytest.raises(ValueError):
        budget_recall([[T]], [[1, 2]], 100)


def test_percentile_matches_linear_interpolation():
    numpy = pytest.importorskip("numpy")
    rng = random.Random(3)
    for size in (1, 2, 7, 40):
        values = [rng.uniform(0, 100) for _ in range(size)]
        for q in (0, 50, 95, 100):
            assert percentile(values, q) == pytest.approx(float(numpy.percentile(values, q)), abs=1e-9)
    assert math.isnan(percentile([], 50))


def test_empty_and_bad_arguments():
    assert hit_rate_at_k([], 5).mean == 0.0
    with pytest.raises(ValueError):
        hit_rate_at_k([[T]], 0)
    with pytest.raises(ValueError):
        recall_at_k([[T]], n_relevant=[1, 2], k=1)


# --- ranx cross-check -------------------------------------------------------------------------------

RANX_METRICS = ("hit_rate@1", "hit_rate@3", "hit_rate@5", "hit_rate@10", "recall@10", "mrr@10", "ndcg@10")


def ours(ranked_rel: list[list[bool]], n_relevant: list[int]) -> dict[str, tuple[float, ...]]:
    return {
        "hit_rate@1": hit_rate_at_k(ranked_rel, 1).per_question,
        "hit_rate@3": hit_rate_at_k(ranked_rel, 3).per_question,
        "hit_rate@5": hit_rate_at_k(ranked_rel, 5).per_question,
        "hit_rate@10": hit_rate_at_k(ranked_rel, 10).per_question,
        "recall@10": recall_at_k(ranked_rel, n_relevant, 10).per_question,
        "mrr@10": mrr_at_k(ranked_rel, 10).per_question,
        "ndcg@10": ndcg_at_k(ranked_rel, n_relevant, 10).per_question,
    }


def ranx_scores(qrels: dict, run: dict, qids: list[str]) -> dict[str, list[float]]:
    ranx = pytest.importorskip("ranx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numba's type-safety chatter
        scores = ranx.evaluate(ranx.Qrels(qrels), ranx.Run(run), list(RANX_METRICS), return_mean=False, make_comparable=True)
    # ranx returns per-query arrays in the qrels' sorted query order
    order = sorted(qrels)
    return {m: [float(scores[m][order.index(q)]) for q in qids] for m in RANX_METRICS}


def random_case(rng: random.Random, n_questions: int = 60) -> tuple[list[list[bool]], list[int], dict, dict, list[str]]:
    ranked_rel, n_relevant, qrels, run, qids = [], [], {}, {}, []
    for i in range(n_questions):
        qid = f"q{i:03d}"
        depth = rng.choice([0, 1, 3, 10, 12])
        docs = [f"d{j}" for j in rng.sample(range(40), depth)]
        relevant = set(rng.sample(range(40), rng.randint(1, 6)))
        rel = [int(d[1:]) in relevant for d in docs]
        qids.append(qid)
        ranked_rel.append(rel)
        n_relevant.append(len(relevant))
        qrels[qid] = {f"d{j}": 1 for j in relevant}
        # scores strictly decreasing with rank, so ranx sees exactly our order
        run[qid] = {d: float(depth - r) for r, d in enumerate(docs)} or {}
    return ranked_rel, n_relevant, qrels, run, qids


def test_agrees_with_ranx_on_random_runs():
    rng = random.Random(20250101)
    ranked_rel, n_relevant, qrels, run, qids = random_case(rng)
    run = {q: docs for q, docs in run.items() if docs}  # ranx cannot hold an empty ranking; make_comparable adds it
    expected = ranx_scores(qrels, run, qids)
    got = ours(ranked_rel, n_relevant)
    for name in RANX_METRICS:
        for qid, a, b in zip(qids, got[name], expected[name]):
            assert abs(a - b) <= 1e-9, (name, qid, a, b)


def test_agrees_with_ranx_on_exported_files(tmp_path):
    """Our TREC writer's files, read back by ranx, give our numbers."""
    ranx = pytest.importorskip("ranx")
    from askwef.evaluate.reporting import qrels_lines, trec_run_lines
    from askwef.evaluate.run import QuestionResult, SystemResult

    rng = random.Random(7)
    rows = []
    for i in range(40):
        depth = rng.choice([0, 2, 10])
        ids = tuple(f"p{j}" for j in rng.sample(range(30), depth))
        relevant = tuple(sorted(f"p{j}" for j in rng.sample(range(30), rng.randint(0, 4))))
        rows.append(
            QuestionResult(
                qid=f"q{i}",
                kind="fact",
                answerable=True,
                ranked_ids=ids,
                ranked_scores=tuple(0.5 for _ in ids),  # ties in the systems' own scores
                ranked_chars=tuple(100 for _ in ids),
                ranked_rel=tuple(d in relevant for d in ids),
                relevant_ids=relevant,
                search_ms=1.0,
            )
        )
    system = SystemResult("toy", tuple(rows), {}, {}, {})
    (tmp_path / "toy.run").write_text("\n".join(trec_run_lines(system, 10)) + "\n")
    (tmp_path / "toy.qrels").write_text("\n".join(qrels_lines(system)) + "\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        qrels = ranx.Qrels.from_file(str(tmp_path / "toy.qrels"), kind="trec")
        run = ranx.Run.from_file(str(tmp_path / "toy.run"), kind="trec")
        expected = ranx.evaluate(qrels, run, list(RANX_METRICS), return_mean=False, make_comparable=True)
    order = sorted(qrels.keys())
    got = ours([list(r.ranked_rel) for r in rows], [r.n_relevant for r in rows])
    for name in RANX_METRICS:
        for i, row in enumerate(rows):
            assert abs(got[name][i] - float(expected[name][order.index(row.qid)])) <= 1e-9, (name, row.qid)

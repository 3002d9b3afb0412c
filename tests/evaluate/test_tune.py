import numpy as np

from askwef.answer import CONFIDENCE_FEATURES
from askwef.evaluate.tune import BOOSTED, ablation, abstention_at, held_out_models


def _row(answerable: bool, ruled: bool = False, features=None) -> dict:
    return {"answerable": answerable, "ruled_out": ruled, "features": features or [0.0] * len(CONFIDENCE_FEATURES)}


def test_abstention_at_keeps_false_abstention_within_the_bound():
    rows = [_row(True)] * 20 + [_row(False)] * 4 + [_row(False, ruled=True)]
    p = np.array([0.9] * 19 + [0.1] + [0.05, 0.2, 0.95, 0.95, 0.95])
    # abstaining below 0.1 catches 1 of 4 and the ruled-out one; below 0.2 also the answerable 0.1 (1/20 = 0.05, allowed)
    assert abstention_at(p, rows, most=0.0) == 2 / 5
    assert abstention_at(p, rows, most=0.05) == 3 / 5


def _separable(seed: int, n: int = 120, flipped: bool = False) -> list[dict]:
    """Rows whose first feature (best_probability) separates answerable from not; `flipped` reverses it."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        answerable = i % 2 == 0
        f = list(rng.normal(size=len(CONFIDENCE_FEATURES)))
        f[0] = (1.0 if answerable != flipped else -1.0) + 0.1 * rng.normal()
        f[-1] = 1.0  # bias
        rows.append(_row(answerable, features=f))
    return rows


def test_ablation_finds_the_feature_that_separates():
    table = dict(ablation(_separable(0)))
    assert table["logistic regression, every feature"] >= 0.95
    assert table[f"logistic regression without {CONFIDENCE_FEATURES[0]}"] < 0.5
    assert "gradient boosting (100 trees of depth 2), every feature" in table


def test_outcomes_measure_each_gain_of_the_runner_ups_and_of_the_neighbour(mini_engine):
    from askwef.answer import load_models
    from askwef.evaluate.fit import replay
    from askwef.evaluate.golden import GoldenQuestion
    from askwef.evaluate.tune import GAINS, NEIGHBOUR_GAINS, outcomes

    q = GoldenQuestion("t1", "By how much did SeaFarm's yields rise?", True, "12%", "Its yields rose by 12% in 2023.", "", (), "case_study")
    (row,) = outcomes(mini_engine, replay([q]), load_models())
    assert set(row["right"]) == set(GAINS) | {("neighbour", g) for g in NEIGHBOUR_GAINS}
    # a lower gain never quotes less
    never, always = row["chars"][("neighbour", max(NEIGHBOUR_GAINS))], row["chars"][("neighbour", 0.0)]
    assert 0 < never <= always
    assert row["chars"][min(GAINS)] >= row["chars"][max(GAINS)] > 0


def test_held_out_models_fit_on_the_tuning_rows_and_measure_the_held_out_ones():
    table = {name: (t, un, fa) for name, t, un, fa in held_out_models(_separable(0), _separable(1, n=60))}
    assert set(table) == {"logistic regression (shipped)", BOOSTED}
    for threshold, abstains, false_abstains in table.values():
        assert 0.0 < threshold < 1.0 and abstains >= 0.95 and false_abstains <= 0.05
    # held-out rows where the feature means the opposite: every model, fit on the tuning rows, now fails there
    # (the threshold is the highest that abstains on at most 5% of the tuning rows' answerable questions, so about
    # as many of the flipped unanswerable ones, drawn alike, fall under it too)
    for _, abstains, false_abstains in ({n: (t, u, f) for n, t, u, f in held_out_models(_separable(0), _separable(1, n=60, flipped=True))}).values():
        assert abstains <= 0.1 and false_abstains >= 0.95

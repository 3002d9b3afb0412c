"""Confidence: the modelled probability that the chosen sentence answers the question, and the near-miss rule.

>>> confidence_from({"cosine": 0.8, "focus": 1.0, "type_ok": 1.0, "unknown": 0.0, "absent": 0.0, "bias": 1.0, "missing": 0.0}) > 0.9
True
"""

from __future__ import annotations

import numpy as np

from .params import CONFIDENCE_WEIGHTS, NEAR_MISS_CAP
from .select import Selection


def confidence_features(sel: Selection) -> dict[str, float]:
    best = sel.best
    assert best is not None
    return {
        "cosine": best.cosine, "focus": best.focus, "type_ok": float(best.type_ok),
        "missing": float(bool(sel.missing)), "unknown": sel.unknown,
        "absent": sel.absent, "bias": 1.0,
    }


def answer_confidence(sel: Selection) -> float:
    """In 0..1: the modelled probability that the chosen sentence answers the question.

    `unknown` is the weighted share of the question's words that the report never uses at all
    ("population", "semiconductor"): a strong sign the question is about something else; `absent`
    the share its chosen passage never mentions ("electric" cars, AI engineers' "salary").
    """
    return confidence_from(confidence_features(sel))


def confidence_from(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The logistic model over the features, with the near-miss rule on top."""
    weights = CONFIDENCE_WEIGHTS if weights is None else weights
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    p = float(1 / (1 + np.exp(-z)))
    # a near miss (the report gives the figure for another year, quarter, company or country) is
    # decided by rule, not weighed: the quoted text must mention what the question pins
    return min(p, NEAR_MISS_CAP) if features.get("missing") else p

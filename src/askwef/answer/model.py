"""The fitted models of the answer stage, read from `model.json` (written by `askwef tune --fit`, dev split only).

- `types`: P(the answer is a number / a date / a name / money / a share | the question's words);
- `ranker`: a logistic regression over `features.FEATURES`: P(this sentence holds the answer);
- `confidence`: a logistic regression over `CONFIDENCE_FEATURES` of the chosen sentence: P(the report
  answers this question); below `Settings.abstain_threshold` askwef abstains.

Each is plain numbers (standardised logistic regression: weights, means, scales, intercept), applied
with numpy: nothing is unpickled, and a warm answer stays cheap.

>>> m = LinearModel(("a", "b"), (1.0, -1.0), (0.0, 0.0), (1.0, 1.0), 0.0)
>>> m.probability(np.array([[2.0, 1.0]])).round(3).tolist()
[0.731]
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from .query import TypeModel

MODEL_PATH = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class LinearModel:
    features: tuple[str, ...]
    coef: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    intercept: float

    @cached_property
    def _arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(mean, scale, coef) as arrays, made once: every answer applies the model."""
        return np.array(self.mean), np.array(self.scale), np.array(self.coef)

    def logit(self, matrix: np.ndarray) -> np.ndarray:
        mean, scale, coef = self._arrays
        x = (np.asarray(matrix, dtype=np.float64) - mean) / scale
        return x @ coef + self.intercept

    def probability(self, matrix: np.ndarray, offset: np.ndarray | float = 0.0) -> np.ndarray:
        """P(label | row); `offset` is added to each row's logit first (a weight set outside the fit)."""
        return 1.0 / (1.0 + np.exp(-np.clip(self.logit(matrix) + offset, -30, 30)))

    def to_dict(self) -> dict:
        return {"features": list(self.features), "coef": list(self.coef), "mean": list(self.mean), "scale": list(self.scale), "intercept": self.intercept}

    @classmethod
    def from_dict(cls, d: dict) -> "LinearModel":
        return cls(tuple(d["features"]), tuple(d["coef"]), tuple(d["mean"]), tuple(d["scale"]), float(d["intercept"]))


@dataclass(frozen=True)
class AnswerModels:
    types: TypeModel
    ranker: LinearModel
    confidence: LinearModel
    provenance: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "provenance": self.provenance,
            "types": {"weights": self.types.weights, "bias": self.types.bias},
            "ranker": self.ranker.to_dict(),
            "confidence": self.confidence.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "AnswerModels":
        return cls(
            TypeModel(d["types"]["weights"], d["types"]["bias"]),
            LinearModel.from_dict(d["ranker"]),
            LinearModel.from_dict(d["confidence"]),
            d.get("provenance", {}),
        )


@lru_cache(maxsize=4)
def load_models(path: Path = MODEL_PATH) -> AnswerModels:
    return AnswerModels.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

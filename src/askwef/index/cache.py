"""The embedding cache: a text embedded once is never embedded again, by this build or a later one.

Keyed by sha256 of the model name, its dimension and the exact text embedded (a passage with its
heading context, or a sentence), so a changed report re-embeds only the passages that changed, and
a report removed then put back costs nothing. One SQLite file beside the index folder
(`<index parent>/.embeddings.sqlite`): a write is a transaction, so a build killed half-way leaves
the cache valid (it only misses what was not yet committed). The cache is never needed to *read*
an index; deleting it only makes the next build slower.

>>> from askwef.embed import HashEmbedder
>>> cache = EmbeddingCache(":memory:")
>>> vectors = cache.encode(HashEmbedder(dim=8), ["a b", "c"])
>>> cache.encode(HashEmbedder(dim=8), ["a b"]).tolist() == vectors[:1].tolist(), cache.hits
(True, 1)
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import numpy as np

from ..embed import Embedder

BATCH = 64
"""Texts sent to the model at once (what the build always used)."""


def text_key(model: str, dim: int, text: str) -> bytes:
    return hashlib.sha256(f"{model}\0{dim}\0{text}".encode()).digest()[:16]


class EmbeddingCache:
    """Vectors by (model, text) in SQLite; `encode` fills the misses from the model, in batches."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = path
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        self._db = None
        if path is not None:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=60)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")

    def _get(self, keys: list[bytes]) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        if self._db is None:
            return found
        for i in range(0, len(keys), 500):  # SQLite's limit on bound parameters
            part = keys[i : i + 500]
            rows = self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})", part)
            found.update(rows.fetchall())
        return found

    def encode(self, embedder: Embedder, texts: list[str], *, progress=None) -> np.ndarray:
        """Vectors for `texts` (rows in order): from the cache when there, else from the model (then cached).

        `progress(n)` is called as texts are done, cached or embedded.
        """
        out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
        keys = [text_key(embedder.name, embedder.dim, t) for t in texts]
        with self._lock:
            found = self._get(list(set(keys)))
        todo: dict[bytes, list[int]] = {}
        for i, key in enumerate(keys):
            blob = found.get(key)
            if blob is not None and len(blob) == 4 * embedder.dim:
                out[i] = np.frombuffer(blob, dtype=np.float32)
            else:
                todo.setdefault(key, []).append(i)
        self.hits += len(texts) - sum(len(rows) for rows in todo.values())
        if progress:
            progress(len(texts) - sum(len(rows) for rows in todo.values()))
        pending = list(todo.items())
        for start in range(0, len(pending), BATCH):
            batch = pending[start : start + BATCH]
            vectors = embedder.encode([texts[rows[0]] for _, rows in batch])
            for (key, rows), vector in zip(batch, vectors):
                out[rows] = vector
            self.misses += len(batch)
            if self._db is not None:
                with self._lock, self._db:  # one transaction per batch: a kill loses at most this batch
                    self._db.executemany(
                        "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                        [(key, np.ascontiguousarray(v, dtype=np.float32).tobytes()) for (key, _), v in zip(batch, vectors)],
                    )
            if progress:
                progress(sum(len(rows) for _, rows in batch))
        return out

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

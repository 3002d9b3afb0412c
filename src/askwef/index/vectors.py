"""The vectors of a loaded index: one matrix per shard, read in memory or mapped from disk, seen as one.

Retrieval needs two things of them: every row's cosine with a question (exact search, small
libraries) and the rows of a few candidates (large libraries, after ANN). Mapped from disk
(`mmap=True`), a shard's vectors cost memory only for the pages a question touches.

On disk they are half precision (`STORED`): half the bytes, and half the pages a question touches in
a mapped library. Read into memory they become one float32 matrix (a small library scans it whole
with each question); mapped, the rows a question asks for are widened to float32 as they are taken.

>>> v = Vectors([np.eye(2, dtype=np.float32), np.ones((1, 2), np.float32)])
>>> len(v), v.take(np.array([2, 0])).tolist()
(3, [[1.0, 1.0], [1.0, 0.0]])
>>> v.dot(np.array([1.0, 0.0], np.float32)).tolist()
[1.0, 0.0, 1.0]
"""

from __future__ import annotations

import mmap

import numpy as np

STORED = np.float16
"""How shards store vectors: unit vectors in half precision change a cosine by less than 1e-3 (10 bits
of mantissa per component), while a library of 1,000 reports maps 1.6 GB of them instead of 3.3 GB."""


def for_disk(vectors: np.ndarray) -> np.ndarray:
    """Vectors as a shard stores them.

    >>> for_disk(np.array([[0.6, 0.8]], np.float32)).dtype
    dtype('float16')
    """
    return np.ascontiguousarray(vectors, dtype=STORED)


def read_rows(path, *, mapped: bool) -> np.ndarray:
    """A shard's vectors (.npy): read whole, or mapped with the kernel told that access is random.

    subtle: a mapped file is read ahead around every page touched (128 KB and more), so rescoring a
    few thousand scattered rows per question brought gigabytes of a large library into memory.
    """
    rows = np.load(path, mmap_mode="r" if mapped else None, allow_pickle=False)
    handle = getattr(rows, "_mmap", None)
    if handle is not None and hasattr(handle, "madvise"):
        handle.madvise(mmap.MADV_RANDOM)
    return rows


class Vectors:
    """Rows of several matrices as one: `take`, `span`, `dot`, `matrix`, and a faiss-like `search`."""

    def __init__(self, parts: list[np.ndarray], dim: int | None = None) -> None:
        parts = [p for p in parts if len(p)] or [np.zeros((0, dim or (parts[0].shape[1] if parts else 1)), np.float32)]
        self.mapped = any(isinstance(p, np.memmap) for p in parts)
        if not self.mapped:  # in memory: one float32 matrix, one BLAS call
            parts = [np.ascontiguousarray(np.concatenate(parts, axis=0, dtype=np.float32) if len(parts) > 1 else parts[0], dtype=np.float32)]
        # subtle: plain ndarray views of the mapped files; indexing a np.memmap costs ~10 us more per call
        self.parts = [np.asarray(p) for p in parts]
        self.dim = parts[0].shape[1]
        self.starts = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum([len(p) for p in parts], out=self.starts[1:])
        self.ntotal = int(self.starts[-1])

    def __len__(self) -> int:
        return self.ntotal

    def take(self, rows: np.ndarray) -> np.ndarray:
        """float32 rows, in the order asked."""
        rows = np.asarray(rows, dtype=np.int64)
        if len(self.parts) == 1:
            return np.asarray(self.parts[0][rows], dtype=np.float32)
        out = np.empty((len(rows), self.dim), dtype=np.float32)
        order = np.argsort(rows, kind="stable")
        ordered = rows[order]
        which = np.searchsorted(self.starts, ordered, side="right") - 1
        local = ordered - self.starts[which]
        cuts = (np.flatnonzero(np.diff(which)) + 1).tolist()  # one run of rows per part touched
        gathered = [self.parts[which[lo]][local[lo:hi]] for lo, hi in zip([0, *cuts], [*cuts, len(ordered)])]
        out[order] = np.concatenate(gathered) if gathered else out[:0]
        return out

    def span(self, start: int, stop: int) -> np.ndarray:
        """Rows start..stop-1 (they may cross shards), float32."""
        return self.take(np.arange(start, stop))

    def dot(self, q: np.ndarray) -> np.ndarray:
        """The inner product of every row with `q` (cosine: rows and q are unit vectors)."""
        q = np.asarray(q, dtype=np.float32)
        if self.ntotal == 0:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate([np.asarray(p, dtype=np.float32) @ q for p in self.parts])

    def matrix(self) -> np.ndarray:
        """All rows as one float32 matrix (a copy when mapped)."""
        return self.parts[0] if len(self.parts) == 1 and not self.mapped else np.vstack([np.asarray(p, np.float32) for p in self.parts])

    def search(self, q: np.ndarray, k: int):
        """faiss's `index.search` over these rows, exactly: (scores, ids), each of shape (len(q), k)."""
        q = np.atleast_2d(np.asarray(q, dtype=np.float32))
        sims = np.stack([self.dot(row) for row in q]) if self.ntotal else np.zeros((len(q), 0), np.float32)
        k_eff = min(k, self.ntotal)
        order = np.argsort(-sims, axis=1, kind="stable")[:, :k_eff]
        scores = np.take_along_axis(sims, order, axis=1)
        pad = k - k_eff
        if pad:
            scores = np.hstack([scores, np.full((len(q), pad), -np.inf, np.float32)])
            order = np.hstack([order, np.full((len(q), pad), -1, np.int64)])
        return scores.astype(np.float32), order.astype(np.int64)

    def reconstruct_n(self, start: int, n: int) -> np.ndarray:
        return self.span(start, start + n)

    def nbytes(self) -> int:
        """Bytes held in memory (mapped parts count as 0: the kernel pages them in and out)."""
        return 0 if self.mapped else int(sum(p.nbytes for p in self.parts))

"""The vectors of a loaded index: one matrix per shard, read in memory or mapped from disk, seen as one.

Retrieval needs two things of them: every row's cosine with a question (exact search, small
libraries) and the rows of a few candidates (large libraries, after ANN). Mapped from disk
(`mmap=True`), a shard's vectors cost memory only for the pages a question touches.

On disk they are 16-bit fixed point (`STORED`, `SCALE`): half the bytes of float32, so half the
pages a mapped library can bring into memory. Read into memory they become one float32 matrix (a
small library scans it whole with each question); mapped, the rows a question asks for are widened
to float32 as they are taken.

>>> v = Vectors([np.eye(2, dtype=np.float32), np.ones((1, 2), np.float32)])
>>> len(v), v.take(np.array([2, 0])).tolist()
(3, [[1.0, 1.0], [1.0, 0.0]])
>>> v.dot(np.array([1.0, 0.0], np.float32)).tolist()
[1.0, 0.0, 1.0]
"""

from __future__ import annotations

import numpy as np

STORED = np.int16
"""How shards store vectors: a unit vector's components (in [-1, 1]) times SCALE, rounded. A cosine moves by
about 1e-5; float16, the same size, moved it by ~1e-4 and took 5 ms (against 1) to widen the ~8,000 rows a
question rescores at 1,000 reports (numpy converts half precision element by element)."""
SCALE = 32767.0
"""The largest int16: a component of 1.0 is stored as 32767."""
_UNSCALE = np.float32(1.0 / SCALE)  # stored value -> component, as the float32 factor every widening uses


def for_disk(vectors: np.ndarray) -> np.ndarray:
    """Unit vectors as a shard stores them.

    >>> for_disk(np.array([[0.6, -0.8]], np.float32)).tolist()
    [[19660, -26214]]
    """
    return np.ascontiguousarray(np.rint(np.clip(np.asarray(vectors, dtype=np.float32), -1.0, 1.0) * SCALE), dtype=STORED)


def widen(rows: np.ndarray) -> np.ndarray:
    """Stored rows (or float rows) as float32.

    >>> [round(float(x), 4) for x in widen(for_disk(np.array([[0.6, -0.8]], np.float32)))[0]]
    [0.6, -0.8]
    """
    if rows.dtype == STORED:
        out = rows.astype(np.float32)
        out *= _UNSCALE
        return out
    return np.asarray(rows, dtype=np.float32)


def _dot(rows: np.ndarray, q: np.ndarray) -> np.ndarray:
    """rows @ q as float32; stored rows are not widened first (einsum reads int16 as it goes: 2.7x faster)."""
    if rows.dtype == STORED:
        return (np.einsum("ij,j->i", rows, q) * _UNSCALE).astype(np.float32, copy=False)
    return rows @ q


def read_rows(path, *, mapped: bool) -> np.ndarray:
    """A shard's vectors (.npy) as stored: read whole, or mapped (pages load when touched)."""
    return np.load(path, mmap_mode="r" if mapped else None, allow_pickle=False)


class Vectors:
    """Rows of several matrices as one: `take`, `span`, `dot`, `matrix`, and a faiss-like `search`."""

    def __init__(self, parts: list[np.ndarray], dim: int | None = None) -> None:
        parts = [p for p in parts if len(p)] or [np.zeros((0, dim or (parts[0].shape[1] if parts else 1)), np.float32)]
        self.mapped = any(isinstance(p, np.memmap) for p in parts)
        if not self.mapped:  # in memory: one float32 matrix, one BLAS call
            parts = [np.ascontiguousarray(widen(np.concatenate(parts, axis=0) if len(parts) > 1 else parts[0]))]
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
            return widen(self.parts[0][rows])
        out = np.empty((len(rows), self.dim), dtype=np.float32)
        order = np.argsort(rows, kind="stable")
        ordered = rows[order]
        which = np.searchsorted(self.starts, ordered, side="right") - 1
        local = ordered - self.starts[which]
        cuts = (np.flatnonzero(np.diff(which)) + 1).tolist()  # one run of rows per part touched
        gathered = [self.parts[which[lo]][local[lo:hi]] for lo, hi in zip([0, *cuts], [*cuts, len(ordered)])]
        out[order] = np.concatenate(gathered) if gathered else out[:0]
        if self.parts[0].dtype == STORED:
            out *= _UNSCALE
        return out

    def span(self, start: int, stop: int) -> np.ndarray:
        """Rows start..stop-1 (they may cross shards), float32."""
        return self.take(np.arange(start, stop))

    def dot(self, q: np.ndarray) -> np.ndarray:
        """The inner product of every row with `q` (cosine: rows and q are unit vectors)."""
        q = np.asarray(q, dtype=np.float32)
        if self.ntotal == 0:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate([_dot(p, q) for p in self.parts])

    def matrix(self) -> np.ndarray:
        """All rows as one float32 matrix (a copy when mapped)."""
        return self.parts[0] if len(self.parts) == 1 and not self.mapped else np.vstack([widen(p) for p in self.parts])

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

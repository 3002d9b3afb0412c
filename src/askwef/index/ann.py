"""The approximate nearest-neighbour index over passage vectors, for libraries too large to scan.

Below `EXACT_MAX_PASSAGES` passages retrieval scores every passage and sentence exactly (a matrix
product over vectors in memory) and no ANN file is written. Above it, `passages.faiss` holds an
inverted-file index (IVF): passages are grouped around `nlist` centroids and a question scans the
`NPROBE` nearest groups. Its candidates (with BM25's) are then scored exactly from the stored
vectors, so ANN only decides which passages are looked at, never their scores.

IVF rather than HNSW because a library changes one report at a time: IVF adds and removes vectors by
id with the centroids it has (a new report costs its own vectors), while faiss's HNSW cannot remove
and is rebuilt whole. The thresholds and kinds were chosen with `askwef scale` (evals/SCALE.md).

Vector ids are stable across builds: each shard gets a block of ids (`id_base`, in the manifest), so
removing a report removes its block and adding one adds a new block, without renumbering the rest.

>>> choose_kind(5_000), choose_kind(200_000)
('exact', 'ivf-sq8')
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from .vectors import widen

EXACT_MAX_PASSAGES = 20_000
"""Up to this many passages, every question scores every passage and sentence exactly (askwef scale:
an exact scan of 50,000 passages and their sentences stays well inside the latency target)."""
ANN_KIND = "ivf-sq8"
"""IVF with 8-bit scalar-quantised vectors: a quarter of float32's memory; exact rescoring follows anyway."""
NPROBE = 32
"""Centroid groups scanned per question (askwef scale: 64 gave the same recall@10 as 32 at 1,000 reports)."""
CANDIDATES = 800
"""Passages the ANN index proposes per question before exact rescoring (askwef scale, 1,000 reports: recall@10
against exact search 0.944 with 200, 0.978 with 400, 0.992 with 800; NPROBE 32 or 64 made no difference)."""
RETRAIN_GROWTH = 4.0
"""The centroids are trained again once the library holds this many times the passages they were trained on."""


def choose_kind(n_passages: int) -> str:
    return "exact" if n_passages <= EXACT_MAX_PASSAGES else ANN_KIND


def nlist_for(n: int) -> int:
    """About 4 * sqrt(n) centroid groups (faiss's guideline), as a power of two, at most 1,024 (training stays seconds)."""
    return int(min(1024, max(64, 2 ** round(math.log2(4 * math.sqrt(max(n, 1)))))))


def new_index(kind: str, dim: int, training: np.ndarray):
    """An empty IVF index of `kind`, its centroids trained on `training` (a sample of the vectors)."""
    import faiss

    nlist = nlist_for(len(training))
    quantizer = faiss.IndexFlatIP(dim)
    if kind == "ivf-flat":
        index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
    elif kind == "ivf-sq8":
        index = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
    else:
        raise ValueError(f"unknown ANN kind {kind!r}; use exact, ivf-flat or ivf-sq8")
    index.cp.max_points_per_centroid = 64  # train on a sample: minutes become seconds, recall barely moves
    index.cp.seed = 1234
    index.train(np.ascontiguousarray(training, dtype=np.float32))
    index.own_fields = True
    quantizer.this.disown()
    return index


def update(previous, kind: str, dim: int, removed: list[tuple[int, int]], added: list[tuple[int, np.ndarray]],
           all_vectors=None, trained_on: int = 0):
    """The ANN index after removing id ranges `removed` [(start, stop)] and adding `added` [(id_base, vectors)].

    `previous` (an index of this kind, or None) is reused unless the library has outgrown its centroids;
    otherwise a new one is trained and filled from `all_vectors()` (an iterable of (id_base, vectors)).
    Returns (index, trained_on).
    """
    import faiss

    total = sum(len(v) for _, v in added) + (previous.ntotal if previous is not None else 0)
    reuse = previous is not None and total <= RETRAIN_GROWTH * max(trained_on, 1)
    if reuse:
        index = previous
        for start, stop in removed:
            index.remove_ids(faiss.IDSelectorRange(start, stop))
        blocks = added
    else:
        blocks = list(all_vectors())
        sample = _sample(blocks, 64 * nlist_for(sum(len(v) for _, v in blocks)))
        index = new_index(kind, dim, sample)
        trained_on = sum(len(v) for _, v in blocks)
    for base, vectors in blocks:
        if len(vectors):
            ids = np.arange(base, base + len(vectors), dtype=np.int64)
            index.add_with_ids(np.ascontiguousarray(widen(np.asarray(vectors))), ids)
    return index, trained_on


def _sample(blocks: list[tuple[int, np.ndarray]], size: int) -> np.ndarray:
    """An even sample of rows across blocks (deterministic), at most `size` of them."""
    total = sum(len(v) for _, v in blocks)
    step = max(1, total // max(size, 1))
    rows = [widen(np.asarray(v[(-base) % step :: step] if step > 1 else v)) for base, v in blocks if len(v)]
    return np.vstack(rows)[:size] if rows else np.zeros((0, 1), np.float32)


def write(index, path: Path) -> None:
    import faiss

    faiss.write_index(index, str(path))


def read(path: Path, *, mmap: bool = False):
    import faiss

    flags = faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY if mmap else 0
    return faiss.read_index(str(path), flags)


def search(index, query: np.ndarray, k: int, nprobe: int = NPROBE) -> np.ndarray:
    """The ids of the (approximately) `k` best vectors for one query vector, best first."""
    import faiss

    params = faiss.SearchParametersIVF(nprobe=nprobe)
    _, ids = index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k, params=params)
    return ids[0][ids[0] >= 0]

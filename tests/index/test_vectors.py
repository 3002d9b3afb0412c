"""Stored vectors: 16-bit fixed point on disk, float32 out; read whole or mapped, the same rows and the same search."""

from __future__ import annotations

import doctest
from pathlib import Path

import numpy as np

from askwef.index import build, load
from askwef.index import vectors as vectors_module
from askwef.index.vectors import STORED, Vectors, for_disk, read_rows


def _unit(n: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_docstring_examples():
    assert doctest.testmod(vectors_module).failed == 0


def test_rows_read_whole_or_mapped_are_the_stored_rows_as_float32(tmp_path):
    parts = [_unit(5, seed=1), _unit(0), _unit(7, seed=2)]
    paths = []
    for i, part in enumerate(parts):
        paths.append(tmp_path / f"{i}.npy")
        np.save(paths[-1], for_disk(part), allow_pickle=False)
    whole = Vectors([read_rows(p, mapped=False) for p in paths])
    mapped = Vectors([read_rows(p, mapped=True) for p in paths])
    assert not whole.mapped and mapped.mapped and len(whole) == len(mapped) == 12
    assert whole.nbytes() == 12 * 16 * 4 and mapped.nbytes() == 0  # in memory: widened once, to float32
    rows = np.array([11, 0, 6, 4, 5, 0])
    expected = np.vstack(parts)[rows]
    for v in (whole, mapped):
        taken = v.take(rows)
        assert taken.dtype == np.float32 and taken.shape == (6, 16)
        assert np.abs(taken - expected).max() < 2e-5  # fixed point: 1/32767 a step
    assert np.array_equal(whole.take(rows), mapped.take(rows))
    q = _unit(1, seed=3)[0]
    assert np.allclose(whole.dot(q), mapped.dot(q), rtol=0, atol=1e-6) and np.abs(whole.dot(q) - np.vstack(parts) @ q).max() < 1e-4


def test_a_built_index_stores_fixed_point_and_loads_alike_mapped_or_not(mini_settings, hash_embedder):
    build(mini_settings, hash_embedder, progress=False, log=lambda *_: None)
    shard = next((Path(mini_settings.index_dir) / "shards").iterdir())
    assert np.load(shard / "passages.npy").dtype == STORED and np.load(shard / "sentences.npy").dtype == STORED
    whole, mapped = load(mini_settings, mmap=False), load(mini_settings, mmap=True)
    assert not whole.passage_vectors.mapped and mapped.passage_vectors.mapped
    q = hash_embedder.encode(["seaweed farming pens"])[0]
    assert np.allclose(whole.passage_vectors.dot(q), mapped.passage_vectors.dot(q), rtol=0, atol=1e-6)
    assert np.allclose(whole.sentence_vectors.dot(q), mapped.sentence_vectors.dot(q), rtol=0, atol=1e-6)
    assert abs(float(np.linalg.norm(whole.passage_vectors.take(np.array([0]))[0])) - 1) < 1e-3

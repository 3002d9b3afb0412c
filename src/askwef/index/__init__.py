"""Index: build, save, check and load the folder of plain files retrieval reads.

Layout of an index folder (`settings.index_dir`), a read-only artefact once built:

    manifest.json      format version, model, corpus sha256, settings hash, counts, and per document
                       its shard, title, year and block of vector ids: one consistent set
    shards/<shard>/    one per report (see shard.py): passages, sentences, vectors, BM25 tokens
    bm25/              bm25s over context + passage text of every shard
    passages.faiss     only in a large library: the IVF index over passage vectors (see ann.py)

Beside it: `.<name>.lock` (one build at a time) and `.<name>.embeddings.sqlite` (the embedding cache).

    builder.py    the incremental build: reuse unchanged shards, embed new ones, write atomically
    shard.py      one document's shard, written and read
    cache.py      the embedding cache (text hash and model -> vector)
    ann.py        exact search or IVF, chosen by size
    columns.py    compact tables of passages and sentences
    vectors.py    the vectors of all shards seen as one matrix
    lock.py       one build at a time; leftovers of killed builds; the rename into place
    manifest.py   the manifest, the corpus hash (cheaply rechecked), and why an index is stale
    store.py      the loaded index (IndexStore) and loading it
    bm25.py       the BM25 tokenizer shared with retrieval and answering
    errors.py     IndexProblem and its kinds
"""

from __future__ import annotations

from .bm25 import bm25_tokenize
from .builder import build
from .errors import BuildError, IndexCorrupt, IndexMissing, IndexProblem, IndexStale
from .manifest import FILES, FORMAT_VERSION, CorpusWatcher, corpus_sha256, manifest_signature, read_manifest, staleness
from .store import DocumentInfo, IndexStore, load

__all__ = [
    "build", "load", "staleness", "read_manifest", "corpus_sha256", "CorpusWatcher", "manifest_signature", "bm25_tokenize", "IndexStore", "DocumentInfo",
    "IndexProblem", "IndexMissing", "IndexStale", "IndexCorrupt", "BuildError", "FORMAT_VERSION", "FILES",
]

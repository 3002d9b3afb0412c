"""Index: build, save, check and load the folder of plain files retrieval reads.

Layout of an index folder (`settings.index_dir`):

    manifest.json      format version, model, corpus sha256, settings hash, counts, documents
    documents.json     per document: title, source, sections (path, page, units), endnotes
    passages.jsonl     one Passage per line, plus its heading context
    sentences.jsonl    one Sentence per line
    passages.faiss     inner product over unit vectors (cosine), row i = passages.jsonl line i
    sentences.faiss    the same for sentences
    bm25/              bm25s over context + passage text

    builder.py    ingest, chunk, embed, write (atomically)
    lock.py       one build at a time; leftovers of killed builds; the rename into place
    manifest.py   the manifest, the corpus hash, and why an index is stale
    store.py      the loaded index (IndexStore) and loading it
    bm25.py       the BM25 tokenizer shared with retrieval and answering
    errors.py     IndexProblem and its kinds
"""

from __future__ import annotations

from .bm25 import bm25_tokenize
from .builder import build
from .errors import BuildError, IndexCorrupt, IndexMissing, IndexProblem, IndexStale
from .manifest import FILES, FORMAT_VERSION, corpus_sha256, read_manifest, staleness
from .store import DocumentInfo, IndexStore, load

__all__ = [
    "build", "load", "staleness", "read_manifest", "corpus_sha256", "bm25_tokenize", "IndexStore", "DocumentInfo",
    "IndexProblem", "IndexMissing", "IndexStale", "IndexCorrupt", "BuildError", "FORMAT_VERSION", "FILES",
]

"""Build: ingest, chunk, embed and index the corpus, written atomically as a folder of plain files.

A build is written to a temporary folder beside the target and renamed into place, under a file
lock (`lock.py`), so a crash or a second build never leaves half an index where a reader would find it.

>>> build(Settings(), load_model())      # doctest: +SKIP
{'format_version': 1, 'model': 'sentence-transformers/all-MiniLM-L6-v2', ...}
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import numpy as np

from ..chunk import chunk_document
from ..embed import Embedder
from ..ingest import ingest_corpus
from ..settings import INDEX_FIELDS, Settings
from ..types import Document, Passage, Sentence
from .bm25 import save_bm25
from .errors import BuildError
from .lock import build_lock, clean_leftovers, swap_into_place
from .manifest import FORMAT_VERSION, corpus_sha256, read_manifest, staleness


def _build_locked(settings: Settings, embedder: Embedder, *, progress: bool, log) -> dict:
    import faiss
    from tqdm import tqdm

    started = time.perf_counter()
    corpus_dir = Path(settings.corpus_dir)
    corpus_hash = corpus_sha256(corpus_dir)
    docs, problems = ingest_corpus(corpus_dir)
    for problem in problems:
        log(f"warning: {problem}")
    if not docs:
        raise BuildError(f"no readable report in {corpus_dir}" + (f" ({problems[0]})" if problems else "; add .md or .pdf files"))

    passages: list[Passage] = []
    contexts: list[str] = []
    sentences: list[Sentence] = []
    for doc in docs:
        chunks = chunk_document(doc, embedder, settings)
        passages += chunks.passages
        contexts += chunks.contexts
        sentences += chunks.sentences

    def encode(texts: list[str], what: str) -> np.ndarray:
        parts = []
        batch = 64
        bar = tqdm(total=len(texts), desc=f"embedding {what}", unit=what, disable=not progress)
        for i in range(0, len(texts), batch):
            parts.append(embedder.encode(texts[i : i + batch]))
            bar.update(len(texts[i : i + batch]))
        bar.close()
        return np.vstack(parts) if parts else np.zeros((0, embedder.dim), dtype=np.float32)

    passage_vectors = encode([f"{c}\n{p.text}" for c, p in zip(contexts, passages)], "passages")
    sentence_vectors = encode([s.text for s in sentences], "sentences")

    target = Path(settings.index_dir)
    tmp = target.parent / f".tmp-{target.name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        for name, vectors in (("passages", passage_vectors), ("sentences", sentence_vectors)):
            index = faiss.IndexFlatIP(embedder.dim)
            index.add(vectors)
            faiss.write_index(index, str(tmp / f"{name}.faiss"))
        save_bm25(tmp / "bm25", [f"{c}\n{p.text}" for c, p in zip(contexts, passages)])
        _write_jsonl(tmp / "passages.jsonl", [dict(p.to_dict(), context=c) for p, c in zip(passages, contexts)])
        _write_jsonl(tmp / "sentences.jsonl", [s.to_dict() for s in sentences])
        (tmp / "documents.json").write_text(json.dumps([_doc_info(d) for d in docs], ensure_ascii=False, indent=1))
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": embedder.name,
            "dim": embedder.dim,
            "corpus_sha256": corpus_hash,
            "settings_hash": settings.index_hash(),
            "settings": {k: v for k, v in settings.describe().items() if k in INDEX_FIELDS},
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(time.perf_counter() - started, 2),
            "counts": {"documents": len(docs), "passages": len(passages), "sentences": len(sentences)},
            "documents": [{"name": d.name, "title": d.title, "source": d.source, "sha256": d.sha256} for d in docs],
            "problems": problems,
        }
        # the manifest is written last: a folder without it is never taken for an index
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
        swap_into_place(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return manifest


def build(settings: Settings, embedder: Embedder, *, progress: bool = True, log=print, only_if_stale: bool = False) -> dict:
    """Ingest, chunk, embed and index the corpus; write the index atomically. Returns the manifest.

    A second build of the same index waits for the lock. With `only_if_stale`, the index is checked
    again once the lock is held: when another process built it meanwhile, it is not built twice.
    """
    with build_lock(settings):
        clean_leftovers(Path(settings.index_dir))
        if only_if_stale and staleness(settings, embedder.name) is None:
            manifest = read_manifest(Path(settings.index_dir))
            if manifest is not None:
                return manifest
        return _build_locked(settings, embedder, progress=progress, log=log)


def _doc_info(doc: Document) -> dict:
    return {
        "name": doc.name,
        "title": doc.title,
        "source": doc.source,
        "sha256": doc.sha256,
        "year": doc.year,
        "sections": [{"path": s.path, "page": s.page, "units": list(s.units)} for s in doc.sections],
        "endnotes": [e.to_dict() for e in doc.endnotes],
        "warnings": list(doc.warnings),
    }


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

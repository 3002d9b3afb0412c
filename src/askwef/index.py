"""Index: build, save, check and load the folder of plain files retrieval reads.

Layout of an index folder (`settings.index_dir`):

    manifest.json      format version, model, corpus sha256, settings hash, counts, documents
    documents.json     per document: title, source, sections (path, page, units), endnotes
    passages.jsonl     one Passage per line, plus its heading context
    sentences.jsonl    one Sentence per line
    passages.faiss     inner product over unit vectors (cosine), row i = passages.jsonl line i
    sentences.faiss    the same for sentences
    bm25/              bm25s over context + passage text

A build is written to a temporary folder beside the target and renamed into place, under a file
lock, so a crash or a second build never leaves half an index where a reader would find it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .chunk import chunk_document
from .embed import Embedder
from .ingest import corpus_files, ingest_corpus
from .settings import INDEX_FIELDS, Settings
from .types import Document, Endnote, Passage, Sentence

FORMAT_VERSION = 1
_FILES = ("manifest.json", "documents.json", "passages.jsonl", "sentences.jsonl", "passages.faiss", "sentences.faiss")


class IndexProblem(Exception):
    """Base for index problems; the message says what is wrong and what to run."""


class IndexMissing(IndexProblem):
    pass


class IndexStale(IndexProblem):
    pass


class IndexCorrupt(IndexProblem):
    pass


class BuildError(IndexProblem):
    pass


def corpus_sha256(corpus_dir: Path) -> str:
    """One hash over every report file (name and bytes) of the corpus folder."""
    digest = hashlib.sha256()
    for path in corpus_files(corpus_dir):
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class DocumentInfo:
    name: str
    title: str
    source: str
    sha256: str
    sections: tuple[tuple[str, int, tuple[str, ...]], ...]  # (path, page, units)
    endnotes: tuple[Endnote, ...]


@dataclass(frozen=True)
class IndexStore:
    """A loaded index: everything retrieval and answering read, in memory."""

    path: Path
    manifest: dict
    documents: tuple[DocumentInfo, ...]
    passages: tuple[Passage, ...]
    contexts: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    passage_index: object  # faiss.Index
    sentence_index: object  # faiss.Index
    passage_vectors: np.ndarray
    sentence_vectors: np.ndarray
    bm25: object  # bm25s.BM25

    def endnote(self, document: str, number: int) -> Endnote | None:
        for doc in self.documents:
            if doc.name == document:
                return next((e for e in doc.endnotes if e.number == number), None)
        return None


# --- build -------------------------------------------------------------------------------------


def _lock(settings: Settings):
    from filelock import FileLock

    target = Path(settings.index_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(target.parent / f".{target.name}.lock"))


def build(settings: Settings, embedder: Embedder, *, progress: bool = True, log=print, only_if_stale: bool = False) -> dict:
    """Ingest, chunk, embed and index the corpus; write the index atomically. Returns the manifest.

    A second build of the same index waits for the lock. With `only_if_stale`, the index is checked
    again once the lock is held: when another process built it meanwhile, it is not built twice.
    """
    with _lock(settings):
        _clean_leftovers(Path(settings.index_dir))
        if only_if_stale and staleness(settings, embedder.name) is None:
            manifest = read_manifest(Path(settings.index_dir))
            if manifest is not None:
                return manifest
        return _build_locked(settings, embedder, progress=progress, log=log)


def _clean_leftovers(target: Path) -> None:
    """Remove what killed builds left beside the index; called under the lock, so none is running.

    A build killed between its two renames leaves no index and the previous one as `.old-*`: that
    one is put back first, so a build that then fails still leaves the last good index in place.
    """
    olds = sorted(target.parent.glob(f".old-{target.name}-*"), key=lambda p: p.stat().st_mtime)
    if not target.exists() and olds and (olds[-1] / "manifest.json").exists():
        os.replace(olds.pop(), target)
    for path in [*olds, *target.parent.glob(f".tmp-{target.name}-*")]:
        shutil.rmtree(path, ignore_errors=True)


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
        _save_bm25(tmp / "bm25", [f"{c}\n{p.text}" for c, p in zip(contexts, passages)])
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
        _swap_into_place(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return manifest


def _swap_into_place(tmp: Path, target: Path) -> None:
    old = target.parent / f".old-{target.name}-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def _doc_info(doc: Document) -> dict:
    return {
        "name": doc.name,
        "title": doc.title,
        "source": doc.source,
        "sha256": doc.sha256,
        "sections": [{"path": s.path, "page": s.page, "units": list(s.units)} for s in doc.sections],
        "endnotes": [e.to_dict() for e in doc.endnotes],
        "warnings": list(doc.warnings),
    }


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def bm25_tokenize(texts: list[str], *, return_ids: bool = True):
    """The one tokenizer of BM25, for the index and for questions: English stop words out, Snowball stems."""
    import bm25s
    import Stemmer

    return bm25s.tokenize(texts, stopwords="en", stemmer=Stemmer.Stemmer("english"), show_progress=False, return_ids=return_ids)


def _save_bm25(folder: Path, texts: list[str]) -> None:
    import bm25s

    retriever = bm25s.BM25()
    retriever.index(bm25_tokenize(texts), show_progress=False)
    retriever.save(str(folder))


# --- check and load -------------------------------------------------------------------------------


def read_manifest(index_dir: Path) -> dict | None:
    path = Path(index_dir) / "manifest.json"
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"{path} is unreadable ({exc}); rebuild with: askwef build") from exc
    if not isinstance(manifest, dict):
        raise IndexCorrupt(f"{path} is not a manifest; rebuild with: askwef build")
    return manifest


def staleness(settings: Settings, embedder_name: str) -> str | None:
    """Why the index cannot be used as it is (None when it matches corpus, model and settings)."""
    index_dir = Path(settings.index_dir)
    try:
        manifest = read_manifest(index_dir)
    except IndexCorrupt as exc:
        return str(exc)
    if manifest is None:
        return f"no index at {index_dir}"
    missing = [name for name in _FILES if not (index_dir / name).exists()]
    if missing:
        return f"the index at {index_dir} is incomplete (missing {', '.join(missing)})"
    if manifest.get("format_version") != FORMAT_VERSION:
        return f"the index at {index_dir} has format {manifest.get('format_version')}, this askwef reads {FORMAT_VERSION}"
    if manifest.get("model") != embedder_name:
        return f"the index was built with model {manifest.get('model')!r}, not {embedder_name!r}"
    if manifest.get("settings_hash") != settings.index_hash():
        return "the index was built with other chunking settings"
    if manifest.get("corpus_sha256") != corpus_sha256(Path(settings.corpus_dir)):
        return f"the corpus in {settings.corpus_dir} changed since the index was built"
    return None


def load(settings: Settings) -> IndexStore:
    """Read an index folder; raises IndexMissing or IndexCorrupt with a message saying what to run."""
    import bm25s
    import faiss

    index_dir = Path(settings.index_dir)
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexMissing(f"no index at {index_dir}; build it with: askwef build")
    try:
        documents = tuple(_doc_from_json(d) for d in json.loads((index_dir / "documents.json").read_text()))
        rows = [json.loads(line) for line in (index_dir / "passages.jsonl").read_text(encoding="utf-8").splitlines() if line]
        contexts = tuple(r.pop("context") for r in rows)
        passages = tuple(Passage(**{**r, "endnotes": tuple(r["endnotes"])}) for r in rows)
        sentences = tuple(
            Sentence(**{**r, "endnotes": tuple(r["endnotes"])})
            for r in (json.loads(line) for line in (index_dir / "sentences.jsonl").read_text(encoding="utf-8").splitlines() if line)
        )
        passage_index = faiss.read_index(str(index_dir / "passages.faiss"))
        sentence_index = faiss.read_index(str(index_dir / "sentences.faiss"))
        bm25 = bm25s.BM25.load(str(index_dir / "bm25"))
    except Exception as exc:  # any unreadable piece means the whole index is unusable
        raise IndexCorrupt(f"the index at {index_dir} is damaged ({type(exc).__name__}: {exc}); rebuild with: askwef build") from exc
    counts = manifest.get("counts", {})
    if (
        passage_index.ntotal != len(passages)
        or sentence_index.ntotal != len(sentences)
        or counts.get("passages") != len(passages)
        or counts.get("sentences") != len(sentences)
    ):
        raise IndexCorrupt(f"the index at {index_dir} is inconsistent (vector and text counts differ); rebuild with: askwef build")
    passage_vectors = passage_index.reconstruct_n(0, passage_index.ntotal) if passage_index.ntotal else np.zeros((0, manifest.get("dim", 1)), np.float32)
    sentence_vectors = sentence_index.reconstruct_n(0, sentence_index.ntotal) if sentence_index.ntotal else np.zeros((0, manifest.get("dim", 1)), np.float32)
    return IndexStore(
        index_dir, manifest, documents, passages, contexts, sentences, passage_index, sentence_index,
        np.ascontiguousarray(passage_vectors, dtype=np.float32), np.ascontiguousarray(sentence_vectors, dtype=np.float32), bm25,
    )


def _doc_from_json(d: dict) -> DocumentInfo:
    return DocumentInfo(
        d["name"], d["title"], d["source"], d["sha256"],
        tuple((s["path"], int(s["page"]), tuple(s["units"])) for s in d["sections"]),
        tuple(Endnote(**e) for e in d["endnotes"]),
    )

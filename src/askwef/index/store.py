"""A loaded index: everything retrieval and answering read, in memory; and loading it from its folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..settings import Settings
from ..types import Endnote, Passage, Sentence, find_endnote
from .errors import IndexCorrupt, IndexMissing
from .manifest import read_manifest


@dataclass(frozen=True)
class DocumentInfo:
    name: str
    title: str
    source: str
    sha256: str
    sections: tuple[tuple[str, int, tuple[str, ...]], ...]  # (path, page, units)
    endnotes: tuple[Endnote, ...]
    year: int = 0  # the report's publication year (0 unknown)


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

    def endnote(self, document: str, number: int, section: str = "") -> Endnote | None:
        """Note `number` of `document`; with the citing `section`, the note of its chapter when the
        numbering restarts per chapter (`Endnote.scope`)."""
        for doc in self.documents:
            if doc.name == document:
                return find_endnote(doc.endnotes, number, section)
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
        int(d.get("year", 0)),
    )

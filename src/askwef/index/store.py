"""A loaded index: everything retrieval and answering read, in memory (or mapped); and loading it from its folder.

The shards of the manifest are read in its order and laid end to end: passages, sentences and
vectors are compact columns (`columns.py`, `vectors.py`), so a library of a thousand reports fits
in a few GB where a million frozen dataclasses would not. `store.passages[i]` and
`store.sentences[i]` still give a `Passage` and a `Sentence`. A document's passages are one range of
rows (`document_rows`), so a search restricted to one document only reads that range.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..ingest.text import split_numbering
from ..settings import Settings
from ..types import Endnote, Sentence, cited_entries, find_endnote
from .ann import EXACT_MAX_PASSAGES
from .ann import read as read_ann
from .columns import Strings, Table
from .errors import IndexCorrupt, IndexMissing
from .manifest import read_manifest
from .shard import read_shard
from .vectors import Vectors

MMAP_FROM_PASSAGES = EXACT_MAX_PASSAGES
"""Above this many passages, vectors are mapped from disk rather than read (they are then only rescored, never scanned)."""


@dataclass(frozen=True)
class DocumentInfo:
    name: str
    title: str
    source: str
    sha256: str
    sections: tuple[tuple[str, int, tuple[str, ...]], ...]  # (path, page, units)
    endnotes: tuple[Endnote, ...]
    year: int = 0  # the report's publication year (0 unknown)
    references: tuple[Endnote, ...] = ()  # its reference lists' entries, which author-date citations cite

    def page_span(self, section: str, page: int) -> tuple[int, int]:
        """The pages a sentence of `section` may stand on. A PDF's sentences carry the page they are printed on:
        (`page`, `page`). A markdown report knows only where the sections its Contents lists start; a subsection it
        does not list (unnumbered, as "3 Scaling AI ... > Healthcare") was given its chapter's first page, so its
        sentences may stand anywhere up to the page before the next chapter (pp. 16-24, not "p. 16").

        >>> info = DocumentInfo("r.md", "R", "markdown", "", (("1 A", 8, ()), ("1 A > 1.1 B", 8, ()), ("2 D", 16, ()),
        ...                     ("2 D > Health", 16, ()), ("2 D > Energy", 16, ()), ("3 E", 25, ())), ())
        >>> info.page_span("1 A > 1.1 B", 8), info.page_span("2 D > Energy", 16), info.page_span("3 E", 25)
        ((8, 8), (16, 24), (25, 25))
        """
        chapter, _, leaf = section.partition(" > ")
        if self.source != "markdown" or not leaf or split_numbering(leaf.rsplit(" > ", 1)[-1])[0]:
            return page, page
        starts = [start for path, start, _ in self.sections if path == chapter]
        if not starts or starts[0] != page:
            return page, page
        later = next((start for path, start, _ in self.sections if " > " not in path and start > page), None)
        return page, (later - 1 if later else page)


@dataclass(frozen=True)
class IndexStore:
    """A loaded index: everything retrieval and answering read."""

    path: Path
    manifest: dict
    documents: tuple[DocumentInfo, ...]
    passages: Table  # of Passage
    contexts: Strings  # one per passage: the heading context embedded with it
    sentences: Table  # of Sentence, grouped by passage, in reading order
    passage_index: object  # Vectors (exact) or a faiss IVF index (large libraries)
    sentence_index: Vectors
    passage_vectors: Vectors
    sentence_vectors: Vectors
    bm25: object  # bm25s.BM25
    sentence_passage: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # passage row of each sentence
    document_starts: np.ndarray = field(default_factory=lambda: np.zeros(1, np.int64))  # passage rows of document i: [starts[i], starts[i+1])
    id_bases: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # ANN id of document i's first passage
    stem_df: dict = field(default_factory=dict)  # sentence frequency of each stem (answering's idf)
    context_stems: frozenset = frozenset()  # stems of the heading contexts
    _rows: dict = field(default_factory=dict, repr=False, compare=False)  # sorted id keys and their rows, on first use

    @property
    def document_names(self) -> tuple[str, ...]:
        """The names of the index's documents, in its order."""
        return tuple(d.name for d in self.documents)

    @property
    def exact(self) -> bool:
        """True when questions score every passage (no ANN index)."""
        return isinstance(self.passage_index, Vectors)

    def document(self, name: str) -> DocumentInfo | None:
        """What the index keeps of the document `name` (title, sections, notes), or None when it is not in the index."""
        return next((d for d in self.documents if d.name == name), None)

    def endnote(self, document: str, number: int, section: str = "") -> Endnote | None:
        """Note `number` of `document`; with the citing `section`, the note of its chapter when the
        numbering restarts per chapter (`Endnote.scope`)."""
        doc = self.document(document)
        return find_endnote(doc.endnotes, number, section) if doc is not None else None

    def references_cited(self, sentence: Sentence) -> tuple[Endnote, ...]:
        """The reference-list entries `sentence` cites author-date ("(OECD, 2018[2])"), of its chapter's list; a
        number its document lists no entry for is left out, never made up."""
        doc = self.document(sentence.document)
        return cited_entries(doc.references, sentence.text, sentence.section) if doc is not None else ()

    def document_rows(self, name: str) -> range:
        """The passage rows of one document (empty when it is not in the index)."""
        for i, doc in enumerate(self.documents):
            if doc.name == name:
                return range(int(self.document_starts[i]), int(self.document_starts[i + 1]))
        return range(0)

    def document_sentence_rows(self, name: str) -> range:
        """The sentence rows of one document: contiguous, as its passages are (empty when it is not in the index)."""
        rows = self.document_rows(name)
        if not rows:
            return range(0)
        return range(self.passage_sentences(rows.start).start, self.passage_sentences(rows.stop - 1).stop)

    def passage_row(self, passage_id: str) -> int | None:
        """The row of a passage by its id (None when it is not in the index).

        Ids start with 16 hex digits (a sha256 prefix): a sorted array of those as integers finds a row
        in a few microseconds for 8 bytes a passage, where a dict of strings would take ~100.
        """
        if not self._rows and len(self.passages):
            ids = self.passages.columns["id"]
            keys = np.fromiter((_key(ids[i]) for i in range(len(self.passages))), dtype=np.uint64, count=len(self.passages))  # type: ignore[index]
            order = np.argsort(keys, kind="stable")
            self._rows.update(keys=keys[order], order=order)
        if not self._rows:
            return None
        key = np.uint64(_key(passage_id))
        lo = np.searchsorted(self._rows["keys"], key, side="left")
        hi = np.searchsorted(self._rows["keys"], key, side="right")
        for row in self._rows["order"][lo:hi]:
            if self.passages.field("id", int(row)) == passage_id:
                return int(row)
        return None

    def passage_sentences(self, row: int) -> range:
        """The sentence rows of passage `row` (they are contiguous)."""
        lo = int(np.searchsorted(self.sentence_passage, row, side="left"))
        hi = int(np.searchsorted(self.sentence_passage, row, side="right"))
        return range(lo, hi)

    def rows_of_ids(self, ids: np.ndarray) -> np.ndarray:
        """Passage rows of ANN vector ids (each document's block of ids starts at its id_base)."""
        order = np.argsort(self.id_bases, kind="stable")
        which = order[np.searchsorted(self.id_bases[order], ids, side="right") - 1]
        return (self.document_starts[which] + (ids - self.id_bases[which])).astype(np.int64)

    def nbytes(self) -> dict[str, int]:
        """What the loaded index holds in memory, by part (mapped vectors excluded)."""
        return {
            "texts": self.passages.nbytes() + self.sentences.nbytes() + self.contexts.nbytes(),
            "vectors": self.passage_vectors.nbytes() + self.sentence_vectors.nbytes(),
        }


def load(settings: Settings, *, mmap: bool | None = None) -> IndexStore:
    """Read an index folder; raises IndexMissing or IndexCorrupt with a message saying what to run.

    `mmap`: map vectors from disk (default: only for libraries above MMAP_FROM_PASSAGES passages).
    """
    import bm25s

    index_dir = Path(settings.index_dir)
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexMissing(f"no index at {index_dir}; build it with: askwef build")
    entries = manifest.get("documents", [])
    total = int(manifest.get("counts", {}).get("passages", 0))
    mapped = total > MMAP_FROM_PASSAGES if mmap is None else mmap
    try:
        shards = [read_shard(index_dir / "shards" / e["shard"], mmap=mapped) for e in entries]
        if not shards:
            raise ValueError("the manifest lists no document")
        bm25 = bm25s.BM25.load(str(index_dir / "bm25"), mmap=mapped)
        kind = manifest.get("ann", {}).get("kind", "exact")
        ann_index = read_ann(index_dir / "passages.faiss", mmap=mapped) if kind != "exact" else None
    except IndexCorrupt:
        raise
    except Exception as exc:  # any unreadable piece means the whole index is unusable
        raise IndexCorrupt(f"the index at {index_dir} is damaged ({type(exc).__name__}: {exc}); rebuild with: askwef build") from exc

    store = from_shards(index_dir, manifest, shards, bm25, ann_index)
    # subtle: the shards' own tables are copies of what was just concatenated; drop them before
    # handing the freed heap back, or a library of 1,000 reports keeps ~0.8 GB it no longer uses
    del shards
    _release_freed_memory()
    counts = manifest.get("counts", {})
    passages = len(store.passages)
    bm25_docs = int(getattr(bm25, "scores", {}).get("num_docs", passages))
    if (
        counts.get("passages") != passages or counts.get("sentences") != len(store.sentences) or bm25_docs != passages
        or (ann_index is not None and ann_index.ntotal != passages)
    ):
        raise IndexCorrupt(f"the index at {index_dir} is inconsistent (vector and text counts differ); rebuild with: askwef build")
    return store


def from_shards(path: Path, manifest: dict, shards: list, bm25, ann_index=None) -> IndexStore:
    """An index over `shards` (read_shard's, in the order of manifest["documents"]): their tables and vectors
    joined, `bm25` over their passages, exact search unless `ann_index` is given (`load`; one report of a
    library as an index of its own: `library.document_store`)."""
    dim = int(manifest.get("dim", 1))
    passages = Table.concat([s.passages for s in shards])
    sentences = Table.concat([s.sentences for s in shards])
    contexts = Strings.concat([s.contexts for s in shards])
    starts = np.zeros(len(shards) + 1, dtype=np.int64)
    np.cumsum([len(s.passages) for s in shards], out=starts[1:])
    sentence_passage = np.concatenate([s.sentence_passage.astype(np.int32) + np.int32(starts[i]) for i, s in enumerate(shards)])
    passage_vectors = Vectors([s.passage_vectors for s in shards], dim)
    sentence_vectors = Vectors([s.sentence_vectors for s in shards], dim)
    documents = tuple(_doc_from_json(s.info) for s in shards)
    stem_df, context_stems = _stem_statistics([s.info for s in shards])
    return IndexStore(
        path, manifest, documents, passages, contexts, sentences,
        ann_index if ann_index is not None else passage_vectors, sentence_vectors, passage_vectors, sentence_vectors, bm25,
        sentence_passage, starts, np.array([int(e.get("id_base", 0)) for e in manifest.get("documents", [])], dtype=np.int64),
        stem_df, context_stems,
    )


def _stem_statistics(infos: list[dict]) -> tuple[dict[str, int], frozenset]:
    """The library's sentence frequency of each stem and the stems of its heading contexts, from each shard's."""
    stem_df: dict[str, int] = {}
    context_stems: set[str] = set()
    for info in infos:
        for t, c in info.get("stem_df", {}).items():
            stem_df[t] = stem_df.get(t, 0) + c
        context_stems.update(info.get("context_stems", ()))
    return stem_df, frozenset(context_stems)


def _key(passage_id: str) -> int:
    """A passage id's leading 16 hex digits as an integer (0 for an id that does not start with them)."""
    try:
        return int(passage_id[:16], 16)
    except ValueError:
        return 0


def _release_freed_memory() -> None:
    """glibc keeps freed heap pages; reading a large library frees millions of small objects at once."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def _doc_from_json(d: dict) -> DocumentInfo:
    return DocumentInfo(
        d["name"], d["title"], d["source"], d["sha256"],
        tuple((s["path"], int(s["page"]), tuple(s["units"])) for s in d["sections"]),
        tuple(Endnote(**e) for e in d["endnotes"]),
        int(d.get("year") or 0),
        tuple(Endnote(**e) for e in d.get("references", ())),
    )

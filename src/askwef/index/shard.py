"""One document's shard: its passages, sentences, vectors and BM25 tokens, written once and never changed.

A shard is a folder named after its document and a key (sha256 of the index format, the file's name
and bytes, the model and the chunking settings), so an unchanged report keeps its shard across
builds and a build only writes the shards of reports that are new or changed:

    document.json     name, title, source, sha256, year, sections (path, page, units), endnotes,
                      counts, and the statistics answering needs (sentence stem frequencies)
    passages.jsonl    one Passage per line, with its heading context
    sentences.jsonl   one Sentence per line, grouped by passage in reading order
    passages.npy      unit vectors as int16 (vectors.STORED), row i = passages.jsonl line i (allow_pickle=False)
    sentences.npy     the same for sentences
    tokens.json       BM25 tokens of each passage (context + text), so BM25 is rebuilt without re-stemming

>>> shard_key(Path("report.md"), "ab" * 32, "hash-embedder", 64, "0123456789abcdef")   # doctest: +SKIP
'report-md-1f0e...'
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..chunk import Chunks
from ..types import Document, Passage, Sentence
from .bm25 import bm25_tokenize
from .columns import Table, Strings
from .errors import IndexCorrupt
from .vectors import for_disk, read_rows

SHARD_FILES = ("document.json", "passages.jsonl", "sentences.jsonl", "passages.npy", "sentences.npy", "tokens.json")


def shard_key(name: str, sha256: str, model: str, dim: int, settings_hash: str, format_version: int, reader: str = "") -> str:
    """The shard folder for a report file: readable prefix + a hash of everything that shapes its content
    (`reader`: the report reader's version, `manifest.reader_version`)."""
    digest = hashlib.sha256(f"{format_version}\0{name}\0{sha256}\0{model}\0{dim}\0{settings_hash}\0{reader}".encode()).hexdigest()[:16]
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "report"
    return f"{slug}-{digest}"


def doc_info(doc: Document) -> dict:
    """What the index keeps of a document besides its passages (documents.json of format 1, per shard)."""
    return {
        "name": doc.name,
        "title": doc.title,
        "source": doc.source,
        "sha256": doc.sha256,
        "year": getattr(doc, "year", None),
        "sections": [{"path": s.path, "page": s.page, "units": list(s.units)} for s in doc.sections],
        "endnotes": [e.to_dict() for e in doc.endnotes],
        "references": [e.to_dict() for e in getattr(doc, "references", ())],
        "warnings": list(doc.warnings),
    }


def write_shard(folder: Path, doc: Document, chunks: Chunks, passage_vectors: np.ndarray, sentence_vectors: np.ndarray) -> dict:
    """Write one document's shard into `folder` (a new, empty folder); returns its document.json."""
    folder.mkdir(parents=True)
    texts = [f"{c}\n{p.text}" for c, p in zip(chunks.contexts, chunks.passages)]
    tokens = bm25_tokenize(texts, return_ids=False) if texts else []
    sentence_stems = bm25_tokenize([s.text for s in chunks.sentences], return_ids=False) if chunks.sentences else []
    context_stems = bm25_tokenize(sorted(set(chunks.contexts)), return_ids=False) if chunks.contexts else []
    df = Counter(t for stems in sentence_stems for t in set(stems))
    info = doc_info(doc) | {
        "counts": {"passages": len(chunks.passages), "sentences": len(chunks.sentences)},
        # idf of answering is over sentences (a word of a heading only counts once): stored per shard, summed at load
        "stem_df": dict(sorted(df.items())),
        "context_stems": sorted({t for stems in context_stems for t in stems}),
    }
    with (folder / "passages.jsonl").open("w", encoding="utf-8") as f:
        for p, c in zip(chunks.passages, chunks.contexts):
            f.write(json.dumps(dict(p.to_dict(), context=c), ensure_ascii=False) + "\n")
    with (folder / "sentences.jsonl").open("w", encoding="utf-8") as f:
        for s in chunks.sentences:
            f.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
    np.save(folder / "passages.npy", for_disk(passage_vectors), allow_pickle=False)
    np.save(folder / "sentences.npy", for_disk(sentence_vectors), allow_pickle=False)
    (folder / "tokens.json").write_text(json.dumps(tokens, ensure_ascii=False))
    # written last: a shard folder without it is never taken for a shard
    (folder / "document.json").write_text(json.dumps(info, ensure_ascii=False, indent=1))
    return info


@dataclass(frozen=True)
class ShardData:
    """A shard as read back: compact tables, the vectors as stored (int16: vectors.widen makes them float32), in memory or mapped."""

    info: dict
    passages: Table
    contexts: Strings
    sentences: Table
    sentence_passage: np.ndarray  # int32: the row (in this shard) of each sentence's passage
    passage_vectors: np.ndarray
    sentence_vectors: np.ndarray


def read_info(folder: Path) -> dict:
    try:
        info = json.loads((folder / "document.json").read_text())
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"the shard {folder.name} is damaged ({type(exc).__name__}: {exc}); rebuild with: askwef build") from exc
    return info


def read_tokens(folder: Path) -> list[list[str]]:
    return json.loads((folder / "tokens.json").read_text())


def read_shard(folder: Path, *, mmap: bool = False) -> ShardData:
    """Read a shard; `mmap` maps the vectors from disk instead of reading them (pages load when touched)."""
    info = read_info(folder)
    passage_rows = [json.loads(line) for line in (folder / "passages.jsonl").read_text(encoding="utf-8").splitlines() if line]
    contexts = Strings.build([r.pop("context") for r in passage_rows])
    sentence_rows = [json.loads(line) for line in (folder / "sentences.jsonl").read_text(encoding="utf-8").splitlines() if line]
    row_of = {r["id"]: i for i, r in enumerate(passage_rows)}
    sentence_passage = np.fromiter((row_of[r["passage_id"]] for r in sentence_rows), dtype=np.int32, count=len(sentence_rows))
    pv = read_rows(folder / "passages.npy", mapped=mmap)
    sv = read_rows(folder / "sentences.npy", mapped=mmap)
    counts = info.get("counts", {})
    if not (len(passage_rows) == len(pv) == counts.get("passages") and len(sentence_rows) == len(sv) == counts.get("sentences")):
        raise IndexCorrupt(f"the shard {folder.name} is inconsistent (vector and text counts differ); rebuild with: askwef build")
    return ShardData(
        info, Table.from_rows(Passage, passage_rows), contexts, Table.from_rows(Sentence, sentence_rows), sentence_passage, pv, sv
    )

"""Synthetic libraries for `askwef scale`: many distinct reports made from a few real ones.

Synthetic report j is a copy of real report `j % R` (R real reports), made distinct three ways:

* its file name and title are its own ("... (synthetic copy 3)"), so ids and document filters differ;
* every digit of its text is rotated by its copy number c = j // R (0 -> c, 1 -> c+1, ... mod 10),
  which changes the numbers BM25 and answers see while keeping every offset valid (same lengths);
* its vectors are the real report's vectors (all-MiniLM-L6-v2, computed once by a real build),
  each moved by Gaussian noise of norm about `NOISE` and normalised again, so no two copies share a
  vector: cos(original, copy) is about 0.94, between two copies about 0.89.

Copy 0 of each real report is the real report itself. What this measures: every cost that grows
with the library (shard writing and BM25 tokenisation, BM25 and ANN building, load time, memory,
search and answer latency, ANN recall against exact search) on realistic text and realistic vector
geometry. What it does not: the model's embedding cost for new text (measured separately, on the
real reports), or answer quality on a thousand genuinely different reports (the copies share their
words, so BM25 ties among copies, and dense noise decides between them: a harsher test of ANN
recall than distinct reports would be).

>>> rotate_digits("In 2024, 12% of 30 firms", 1)
'In 3135, 23% of 41 firms'
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import numpy as np

from ..chunk import Chunks, passage_id
from ..index.columns import Table
from ..index.shard import ShardData, read_shard, write_shard
from ..index.vectors import widen
from ..types import Document, Endnote, Section

NOISE = 0.35
"""Norm of the noise added to a copy's unit vectors (cos to the original ~ 1/sqrt(1 + NOISE^2) = 0.94)."""


def rotate_digits(text: str, by: int) -> str:
    by %= 10
    if not by:
        return text
    return text.translate(str.maketrans("0123456789", "".join(str((d + by) % 10) for d in range(10))))


def perturb(vectors: np.ndarray, seed: int) -> np.ndarray:
    """Unit vectors moved by Gaussian noise of norm ~NOISE, normalised again (deterministic per seed)."""
    rng = np.random.default_rng(seed)
    noise = rng.standard_normal(vectors.shape).astype(np.float32) * (NOISE / np.sqrt(vectors.shape[1]))
    out = np.asarray(vectors, dtype=np.float32) + noise
    return out / np.linalg.norm(out, axis=1, keepdims=True)


@dataclasses.dataclass(frozen=True)
class RealReport:
    """One real report as its shard holds it: what copies are made from."""

    name: str
    info: dict
    data: ShardData


def read_real(shard_folders: list[Path]) -> list[RealReport]:
    out = []
    for folder in shard_folders:
        data = read_shard(folder)
        out.append(RealReport(data.info["name"], data.info, data))
    return out


def _rows(table: Table) -> list:
    return [table[i] for i in range(len(table))]


def synthetic_name(j: int, real: RealReport) -> str:
    stem = Path(real.name).stem[:40]
    return f"synthetic-{j:04d}-{stem}.md"


def write_copy(folder: Path, j: int, reals: list[RealReport]) -> dict:
    """Write synthetic report j's shard into `folder` (see the module docstring); returns its document.json."""
    real = reals[j % len(reals)]
    copy = j // len(reals)
    name = synthetic_name(j, real)
    info = real.info
    title = info["title"] if copy == 0 else f"{info['title']} (synthetic copy {copy})"
    sha = hashlib.sha256(f"{info['sha256']}\0{j}".encode()).hexdigest()
    sections = tuple(
        Section(name, s["path"], s["path"].split(" > ")[-1], "", 1, int(s["page"]), "", units=tuple(s["units"])) for s in info["sections"]
    )
    endnotes = tuple(Endnote(**e) for e in info["endnotes"])
    doc = Document(name, title, sha, sections, endnotes, source=info.get("source", "markdown"))
    if hasattr(doc, "year"):
        doc = dataclasses.replace(doc, year=info.get("year"))  # type: ignore[call-arg]
    new_ids: dict[str, str] = {}
    taken: set[str] = set()
    passages = []
    for p in _rows(real.data.passages):
        text = rotate_digits(p.text, copy)
        pid = passage_id(name, p.section, text)
        pid = pid if pid not in taken else f"{pid}-{len(taken)}"  # a repeat in one section, as chunk.py does
        taken.add(pid)
        new_ids[p.id] = pid
        passages.append(dataclasses.replace(p, id=pid, text=text, document=name))
    sentences = []
    for s in _rows(real.data.sentences):
        pid = new_ids[s.passage_id]
        sid = hashlib.sha256(f"{pid}\n{s.start}".encode()).hexdigest()[:16]
        sentences.append(dataclasses.replace(s, id=sid, text=rotate_digits(s.text, copy), document=name, passage_id=pid))
    chunks = Chunks(tuple(passages), tuple(real.data.contexts), tuple(sentences))
    pv, sv = widen(real.data.passage_vectors), widen(real.data.sentence_vectors)
    if copy:
        pv, sv = perturb(pv, 2 * j), perturb(sv, 2 * j + 1)
    return write_shard(folder, doc, chunks, pv, sv)

"""The manifest and the checks against it: is the index on disk the one this corpus, model and settings need?

`manifest.json` records the format version, the model, the corpus sha256, the settings hash, the
report reader's version (`reader_version`) and the shard of every document: one manifest describes one
consistent set. `staleness()` says why an index
cannot be used as it is (None when it can).

Hashing every file of a corpus of large PDFs on every request is what made change detection costly.
`CorpusWatcher` hashes a file only when its size, modification time or inode changed since it last
looked (or when it was modified so recently that a second edit in the same clock tick could hide:
git's "racy" rule), so a check is one directory listing and a `stat` per file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
import time
from pathlib import Path

from ..ingest import corpus_files
from ..settings import Settings
from .errors import IndexCorrupt

FORMAT_VERSION = 5
"""5: shard vectors as 16-bit fixed point (index/vectors.py); 4: a report's year in document.json."""
FILES = ("manifest.json", "bm25")
"""Files every index folder has; each document adds shards/<its shard>/ and a large library passages.faiss."""
RACY_SECONDS = 2.0
"""A file modified less than this long before it was looked at is hashed again next time (mtime granularity)."""


@functools.cache
def reader_version() -> str:
    """A hash of the code that turns a report file into passages (the `askwef.ingest` package and `chunk.py`).

    A report's shard is keyed by it and an index records it, so a new version of the reader (a PDF read
    better) makes every report be read again on the next build, not only the changed files; the
    embedding cache keeps the texts that read the same from being embedded again. A hash and not a
    number bumped by hand, which a change to the reader could forget.
    """
    package = Path(__file__).resolve().parent.parent  # askwef/
    files = sorted((package / "ingest").rglob("*.py")) + [package / "chunk.py"]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def combine(named_hashes: list[tuple[str, str]]) -> str:
    """One hash over (file name, file sha256) pairs in name order: the corpus sha256 of the manifest."""
    digest = hashlib.sha256()
    for name, sha in named_hashes:
        digest.update(name.encode() + b"\0")
        digest.update(bytes.fromhex(sha))
    return digest.hexdigest()


def corpus_sha256(corpus_dir: Path) -> str:
    """One hash over every report file (name and bytes) of the corpus folder."""
    return combine([(p.name, file_sha256(p)) for p in corpus_files(corpus_dir)])


class CorpusWatcher:
    """The corpus sha256, recomputed cheaply: a file is re-hashed only when its stat changed.

    >>> watcher = CorpusWatcher(Path("corpus"))      # doctest: +SKIP
    >>> watcher.sha256() == corpus_sha256(Path("corpus"))   # doctest: +SKIP
    True
    """

    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = Path(corpus_dir)
        self._seen: dict[str, tuple[tuple, str]] = {}  # name -> (stat signature, sha256)
        self._lock = threading.Lock()
        self.hashed = 0  # files hashed so far (tests and benchmarks read it)

    def hashes(self) -> list[tuple[str, str]]:
        """(name, sha256) of every report file, in name order."""
        with self._lock:
            out, seen = [], {}
            now = time.time()
            for path in corpus_files(self.corpus_dir):
                st = path.stat()
                signature = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
                known = self._seen.get(path.name)
                racy = now - st.st_mtime_ns / 1e9 < RACY_SECONDS
                if known is None or known[0] != signature or racy:
                    sha = file_sha256(path)
                    self.hashed += 1
                else:
                    sha = known[1]
                seen[path.name] = (signature, sha)
                out.append((path.name, sha))
            self._seen = seen
            return out

    def sha256(self) -> str:
        return combine(self.hashes())


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


def manifest_signature(index_dir: Path) -> tuple | None:
    """The manifest file's identity (inode, size, mtime): it changes whenever a build swaps a new index in."""
    try:
        st = os.stat(Path(index_dir) / "manifest.json")
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def structural_problem(index_dir: Path, manifest: dict, embedder_name: str, settings: Settings) -> str | None:
    """What makes this index unusable whatever the corpus (format, model, settings, missing files); None if nothing."""
    if manifest.get("format_version") != FORMAT_VERSION:
        return f"the index at {index_dir} has format {manifest.get('format_version')}, this askwef reads {FORMAT_VERSION}"
    if manifest.get("model") != embedder_name:
        return f"the index was built with model {manifest.get('model')!r}, not {embedder_name!r}"
    if manifest.get("settings_hash") != settings.index_hash():
        return "the index was built with other chunking settings"
    if manifest.get("reader") != reader_version():
        return "the index was built by another version of askwef's report reader"
    needed = list(FILES) + [f"shards/{d.get('shard')}/document.json" for d in manifest.get("documents", [])]
    if manifest.get("ann", {}).get("kind", "exact") != "exact":
        needed.append("passages.faiss")
    missing = [name for name in needed if not (index_dir / name).exists()]
    if missing:
        return f"the index at {index_dir} is incomplete (missing {', '.join(missing[:3])})"
    return None


def staleness(settings: Settings, embedder_name: str, *, corpus_hash: str | None = None) -> str | None:
    """Why the index cannot be used as it is (None when it matches corpus, model and settings).

    `corpus_hash`: the corpus sha256 when the caller already has it (a CorpusWatcher's).
    """
    index_dir = Path(settings.index_dir)
    try:
        manifest = read_manifest(index_dir)
    except IndexCorrupt as exc:
        return str(exc)
    if manifest is None:
        return f"no index at {index_dir}"
    problem = structural_problem(index_dir, manifest, embedder_name, settings)
    if problem:
        return problem
    current = corpus_hash if corpus_hash is not None else corpus_sha256(Path(settings.corpus_dir))
    if manifest.get("corpus_sha256") != current:
        return f"the corpus in {settings.corpus_dir} changed since the index was built"
    return None

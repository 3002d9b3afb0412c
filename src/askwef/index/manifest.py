"""The manifest and the checks against it: is the index on disk the one this corpus, model and settings need?

`manifest.json` records the format version, the model, the corpus sha256 and the settings hash;
`staleness()` says why an index cannot be used as it is (None when it can).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..ingest import corpus_files
from ..settings import Settings
from .errors import IndexCorrupt

FORMAT_VERSION = 2
FILES = ("manifest.json", "documents.json", "passages.jsonl", "sentences.jsonl", "passages.faiss", "sentences.faiss")


def corpus_sha256(corpus_dir: Path) -> str:
    """One hash over every report file (name and bytes) of the corpus folder."""
    digest = hashlib.sha256()
    for path in corpus_files(corpus_dir):
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


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
    missing = [name for name in FILES if not (index_dir / name).exists()]
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

"""Build: bring the index up to date with the corpus, embedding only what is new, written atomically.

Each report is a shard (`shard.py`) named after its file's bytes, the model and the chunking
settings. A build reuses the shards of the current index whose report did not change (hard links:
no copy, no re-embedding), ingests, chunks and embeds only new or changed reports (and even then
a passage or sentence embedded before, by any build, comes from the embedding cache), drops the
shards of removed reports, then rebuilds what spans the library: BM25, the ANN index of a large
library (updated by id: see `ann.py`) and the manifest.

The new index is written to a temporary folder beside the target and renamed into place under a
file lock (`lock.py`), so a crash or a second build never leaves half an index where a reader would
find it: the last consistent index stays in place until the rename.

>>> build(Settings(), load_model())      # doctest: +SKIP
{'format_version': 2, 'model': 'sentence-transformers/all-MiniLM-L6-v2', ...}
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..chunk import chunk_document
from ..embed import Embedder
from ..ingest import IngestError, corpus_files, ingest_file
from ..ingest.text import title_key
from ..settings import INDEX_FIELDS, Settings
from .ann import choose_kind
from .ann import read as read_ann
from .ann import update as update_ann
from .ann import write as write_ann
from .bm25 import save_bm25
from .cache import EmbeddingCache
from .errors import BuildError
from .lock import build_lock, clean_leftovers, swap_into_place
from .manifest import FORMAT_VERSION, combine, file_sha256, read_manifest, reader_version, staleness, structural_problem
from .shard import read_info, read_tokens, shard_key, write_shard
from .vectors import read_rows

Progress = Callable[..., None]
"""progress(stage=..., document=..., done=..., total=...): what the build is doing, for /healthz."""


def cache_path(settings: Settings) -> Path:
    """The embedding cache of an index: beside its folder, shared by the builds of that folder."""
    target = Path(settings.index_dir)
    return target.parent / f".{target.name}.embeddings.sqlite"


def _previous(target: Path, settings: Settings, embedder: Embedder) -> dict | None:
    """The current index's manifest when its shards can be reused (same format, model and settings)."""
    try:
        manifest = read_manifest(target)
    except Exception:  # noqa: BLE001 - an unreadable manifest: nothing to reuse
        return None
    if manifest is None or structural_problem(target, manifest, embedder.name, settings):
        return None
    return manifest


def _link_tree(source: Path, target: Path) -> None:
    """The shard's files, hard-linked (shards are never written again, so sharing inodes is safe)."""
    target.mkdir(parents=True)
    for path in source.iterdir():
        try:
            os.link(path, target / path.name)
        except OSError:  # a file system without hard links: copy
            shutil.copy2(path, target / path.name)


def reuse_shard(source: Path, target: Path) -> dict | None:
    """Link an unchanged shard into the new index; None (build it afresh) when it is damaged."""
    try:
        _link_tree(source, target)
        info = read_info(target)
        if len(read_tokens(target)) != info["counts"]["passages"]:
            raise ValueError("token count")
        return info
    except Exception:  # noqa: BLE001 - whatever is wrong with it, the report is read again
        shutil.rmtree(target, ignore_errors=True)
        return None


def _build_locked(settings: Settings, embedder: Embedder, *, progress: bool, log, report: Progress, use_cache: bool, reuse: bool) -> dict:
    from tqdm import tqdm

    started = time.perf_counter()
    target = Path(settings.index_dir)
    corpus_dir = Path(settings.corpus_dir)
    files = corpus_files(corpus_dir)
    previous = _previous(target, settings, embedder) if reuse else None
    old = {d["shard"]: d for d in (previous or {}).get("documents", []) + (previous or {}).get("skipped", [])}
    tmp = staging(target)
    cache = EmbeddingCache(cache_path(settings) if use_cache else None)
    problems: list[str] = []
    entries: list[dict] = []
    named: list[tuple[str, str]] = []
    stats = {"reused": 0, "ingested": 0, "texts_cached": 0, "texts_embedded": 0}
    try:
        for n, path in enumerate(files):
            report(stage="reading", document=path.name, done=n, total=len(files))
            sha = file_sha256(path)
            named.append((path.name, sha))
            key = shard_key(path.name, sha, embedder.name, embedder.dim, settings.index_hash(), FORMAT_VERSION, reader_version())
            info = reuse_shard(target / "shards" / key, tmp / "shards" / key) if key in old else None
            if info is not None:
                stats["reused"] += 1
            else:
                try:
                    doc = ingest_file(path)
                except IngestError as exc:
                    problems.append(str(exc))
                    log(f"warning: {exc}")
                    continue
                chunks = chunk_document(doc, embedder, settings)
                texts = [f"{c}\n{p.text}" for c, p in zip(chunks.contexts, chunks.passages)] + [s.text for s in chunks.sentences]
                bar = tqdm(total=len(texts), desc=f"embedding {path.name}", unit="text", disable=not progress)
                done = [0]

                def advance(k: int, name=path.name, total=len(texts), bar=bar, n=n, done=done) -> None:
                    bar.update(k)
                    done[0] += k
                    report(stage="embedding", document=name, done=n, total=len(files), texts_done=done[0], texts_total=total)

                hits, misses = cache.hits, cache.misses
                vectors = cache.encode(embedder, texts, progress=advance)
                bar.close()
                stats["texts_cached"] += cache.hits - hits
                stats["texts_embedded"] += cache.misses - misses
                info = write_shard(tmp / "shards" / key, doc, chunks, vectors[: len(chunks.passages)], vectors[len(chunks.passages) :])
                stats["ingested"] += 1
            entries.append(entry_of(info, key))
        if not entries:
            raise BuildError(f"no readable report in {corpus_dir}" + (f" ({problems[0]})" if problems else "; add .md or .pdf files"))
        report(stage="indexing", document="", done=len(files), total=len(files))
        return finish_library(tmp, target, previous, entries, settings=settings, embedder=embedder, corpus_hash=combine(named),
                              problems=problems, stats=stats, started=started, report=report)
    finally:
        cache.close()
        shutil.rmtree(tmp, ignore_errors=True)


def staging(target: Path) -> Path:
    """A new, empty folder beside the index where the next version is assembled (`.tmp-<name>-<pid>`)."""
    tmp = target.parent / f".tmp-{target.name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "shards").mkdir(parents=True)
    return tmp


def entry_of(info: dict, key: str) -> dict:
    """A document's line in the manifest, from its shard's document.json."""
    return {
        "name": info["name"], "title": info["title"], "source": info["source"], "sha256": info["sha256"],
        "year": info.get("year"), "shard": key, "passages": info["counts"]["passages"], "sentences": info["counts"]["sentences"],
    }


def finish_library(tmp: Path, target: Path, previous: dict | None, entries: list[dict], *, settings: Settings, embedder: Embedder,
                   corpus_hash: str, problems: list[str], stats: dict, started: float, report: Progress = None) -> dict:
    """Everything after the shards: dedupe, BM25, the ANN index, the manifest (last), and the swap into place.

    `tmp` holds the shards of `entries` (staging()); `previous` is the manifest of the index at `target`.
    """
    kept, skipped = _dedupe(entries, problems)
    manifest = _write_library(tmp, target, previous, kept, skipped, embedder)
    manifest |= {
        "corpus_sha256": corpus_hash,
        "settings_hash": settings.index_hash(),
        "reader": reader_version(),
        "settings": {k: v for k, v in settings.describe().items() if k in INDEX_FIELDS},
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "build_seconds": round(time.perf_counter() - started, 2),
        "problems": problems,
        "build": stats,
    }
    # the manifest is written last: a folder without it is never taken for an index
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    (report or _quiet)(stage="swapping", document="", done=len(entries), total=len(entries))
    swap_into_place(tmp, target)
    return manifest


def _dedupe(entries: list[dict], problems: list[str]) -> tuple[list[dict], list[dict]]:
    """A PDF and a markdown file of the same report (same title) are indexed once: the markdown, else the first name."""
    kept: dict[str, dict] = {}
    skipped: list[dict] = []
    for entry in sorted(entries, key=lambda e: (e["source"] != "markdown", e["name"])):
        key = title_key(entry["title"]) or entry["sha256"]
        if key in kept:
            problems.append(f"{entry['name']}: same report as {kept[key]['name']} ({entry['title']!r}); indexing {kept[key]['name']} only")
            skipped.append(entry)
            continue
        kept[key] = entry
    order = {e["name"]: i for i, e in enumerate(entries)}
    return sorted(kept.values(), key=lambda e: order[e["name"]]), skipped


def _write_library(tmp: Path, target: Path, previous: dict | None, kept: list[dict], skipped: list[dict], embedder: Embedder) -> dict:
    """What spans the library: BM25 over every passage, the ANN index when large, the manifest's body."""
    tokens: list[list[str]] = []
    for entry in kept:
        tokens += read_tokens(tmp / "shards" / entry["shard"])
    save_bm25(tmp / "bm25", tokens)

    # stable vector ids: a shard kept from the previous index keeps its block, a new shard gets a new one
    old_bases = {d["shard"]: d["id_base"] for d in (previous or {}).get("documents", []) if "id_base" in d}
    next_id = int((previous or {}).get("next_id", 0))
    for entry in kept:
        if entry["shard"] in old_bases:
            entry["id_base"] = old_bases[entry["shard"]]
        else:
            entry["id_base"] = next_id
            next_id += max(1, entry["passages"])
    total = sum(e["passages"] for e in kept)
    kind = choose_kind(total)
    ann_info = {"kind": kind}
    if kind != "exact":
        old_ann = (previous or {}).get("ann", {})
        prior = read_ann(target / "passages.faiss") if old_ann.get("kind") == kind and (target / "passages.faiss").exists() else None
        keep = {e["shard"] for e in kept}
        removed = [(d["id_base"], d["id_base"] + max(1, d["passages"])) for d in (previous or {}).get("documents", [])
                   if prior is not None and d["shard"] not in keep and "id_base" in d]
        added = [(e["id_base"], _vectors(tmp, e)) for e in kept if prior is None or e["shard"] not in old_bases]
        index, trained_on = update_ann(
            prior, kind, embedder.dim, removed, added,
            all_vectors=lambda: [(e["id_base"], _vectors(tmp, e)) for e in kept], trained_on=int(old_ann.get("trained_on", 0)),
        )
        write_ann(index, tmp / "passages.faiss")
        ann_info = {"kind": kind, "trained_on": trained_on, "nlist": int(index.nlist), "ntotal": int(index.ntotal)}
    return {
        "format_version": FORMAT_VERSION,
        "model": embedder.name,
        "dim": embedder.dim,
        "counts": {"documents": len(kept), "passages": total, "sentences": sum(e["sentences"] for e in kept)},
        "documents": kept,
        "skipped": skipped,
        "next_id": next_id,
        "ann": ann_info,
    }


def _vectors(tmp: Path, entry: dict) -> np.ndarray:
    """A shard's passage vectors as stored, mapped (ann.update widens them a shard at a time)."""
    return read_rows(tmp / "shards" / entry["shard"] / "passages.npy", mapped=True)


def _quiet(**_: object) -> None:
    pass


def build(
    settings: Settings, embedder: Embedder, *, progress: bool = True, log=print, only_if_stale: bool = False,
    report: Progress | None = None, use_cache: bool = True, reuse: bool = True,
) -> dict:
    """Bring the index up to date with the corpus (embedding only new or changed reports); returns the manifest.

    A second build of the same index waits for the lock. With `only_if_stale`, the index is checked
    again once the lock is held: when another process built it meanwhile, it is not built twice.
    `report(stage=, document=, done=, total=, ...)` hears what the build is doing. `use_cache=False`
    embeds every new shard's text afresh (to measure a cold build); `reuse=False` rebuilds every shard
    (a damaged index is no base to build on).
    """
    with build_lock(settings):
        clean_leftovers(Path(settings.index_dir))
        if only_if_stale and staleness(settings, embedder.name) is None:
            manifest = read_manifest(Path(settings.index_dir))
            if manifest is not None:
                return manifest
        return _build_locked(settings, embedder, progress=progress, log=log, report=report or _quiet, use_cache=use_cache, reuse=reuse)

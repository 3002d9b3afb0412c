"""`askwef scale`: what a library costs as it grows, measured, from real reports.

    askwef scale --source corpus/ ../shared/realpdfs/ --sizes 1,10,100,1000

Two parts, each written to evals/scale.json and evals/SCALE.md (with the chart evals/scale.png):

1. **Real reports, real model.** A cold full build of the source reports (no embedding cache, no
   shard reused); then, for each report, the library without it (a removal, timed) and that report
   added back to it, embedded afresh (timed): the cost of adding one report against a full build.
2. **Synthetic libraries** of 1, 10, 100 and 1,000 reports made from the real ones
   (`synthetic.py` says how they are made distinct and what that does and does not measure). At each
   size: build time per report (shards, BM25, ANN: everything but the model, whose cost per report
   part 1 gives), the time to add one report, index bytes, resident memory, search and answer
   p50/p95, recall@10 of the library's search against exact search, and exact search's latency.
   Each library is measured in a process of its own (`scale_measure.py`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..embed import load_model
from ..index import build, read_manifest
from ..index.builder import entry_of, finish_library, reuse_shard, staging
from ..index.lock import build_lock, clean_leftovers
from ..index.manifest import combine
from ..index.shard import shard_key
from ..ingest import corpus_files
from ..settings import Settings
from .synthetic import read_real, synthetic_name, write_copy

DEFAULT_SIZES = (1, 10, 100, 1000)
QUESTIONS_FROM = Path("evals/golden.jsonl")


def _quiet(*_: object, **__: object) -> None:
    pass


def _link_corpus(files: list[Path], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        target = folder / path.name
        if not target.exists():
            try:
                os.link(path, target)
            except OSError:
                shutil.copy2(path, target)


def real_part(sources: list[Path], work: Path, log) -> dict:
    """Cold full build of the sources, then each report removed and added back (embedded afresh)."""
    embedder = load_model()
    corpus = work / "real" / "corpus"
    _link_corpus(sources, corpus)
    full = Settings(corpus_dir=corpus, index_dir=work / "real" / "full" / "current")
    log(f"real: cold full build of {len(sources)} reports ...")
    t = time.perf_counter()
    manifest = build(full, embedder, progress=False, log=_quiet, use_cache=False, reuse=False)
    full_s = time.perf_counter() - t
    docs = {d["name"]: d for d in manifest["documents"]}
    adds = []
    for i, path in enumerate(corpus_files(corpus)):
        if path.name not in docs or len(docs) < 2:
            continue
        base = work / "real" / f"without-{i}"
        _link_corpus([p for p in corpus_files(corpus) if p != path], base / "corpus")
        shutil.copytree(full.index_dir, base / "index" / "current")
        settings = Settings(corpus_dir=base / "corpus", index_dir=base / "index" / "current")
        t = time.perf_counter()
        build(settings, embedder, progress=False, log=_quiet, use_cache=False)
        remove_s = time.perf_counter() - t
        _link_corpus([path], base / "corpus")
        log(f"real: adding {path.name} back to the other {len(docs) - 1} ...")
        t = time.perf_counter()
        added = build(settings, embedder, progress=False, log=_quiet, use_cache=False)
        add_s = time.perf_counter() - t
        assert added["build"]["ingested"] == 1 and added["build"]["reused"] == len(docs) - 1, added["build"]
        adds.append({
            "name": path.name, "passages": docs[path.name]["passages"], "sentences": docs[path.name]["sentences"],
            "remove_s": round(remove_s, 2), "add_s": round(add_s, 2), "add_over_full": round(add_s / full_s, 3),
        })
        shutil.rmtree(base, ignore_errors=True)
    return {
        "reports": len(docs), "passages": manifest["counts"]["passages"], "sentences": manifest["counts"]["sentences"],
        "full_build_s": round(full_s, 2), "adds": adds, "shards": [str(full.index_dir / "shards" / d["shard"]) for d in manifest["documents"]],
        "model_s_per_report": round(full_s / max(1, len(docs)), 2),
    }


def build_synthetic(reals, n: int, target: Path, embedder_name: str, dim: int, *, add_one: bool = False, log=_quiet) -> dict:
    """Build (or, with add_one, grow by one report) the synthetic library of `n` reports at `target`."""
    settings = Settings(corpus_dir=target.parent, index_dir=target)
    with build_lock(settings):
        clean_leftovers(target)
        previous = read_manifest(target) if add_one else None
        started = time.perf_counter()
        tmp = staging(target)
        entries, named = [], []
        stats = {"reused": 0, "ingested": 0, "texts_cached": 0, "texts_embedded": 0}
        old = {d["name"]: d["shard"] for d in (previous or {}).get("documents", [])}
        for j in range(n + (1 if add_one else 0)):
            name = synthetic_name(j, reals[j % len(reals)])
            key = shard_key(name, f"{j:064x}", embedder_name, dim, settings.index_hash(), 2)
            info = reuse_shard(target / "shards" / old[name], tmp / "shards" / old[name]) if name in old else None
            if info is not None:
                key = old[name]
                stats["reused"] += 1
            else:
                info = write_copy(tmp / "shards" / key, j, reals)
                stats["ingested"] += 1
            entries.append(entry_of(info, key))
            named.append((name, info["sha256"]))
            if j and j % 100 == 0:
                log(f"  {j} shards")
        shards_s = time.perf_counter() - started
        manifest = finish_library(tmp, target, previous, entries, settings=settings, embedder=_Named(embedder_name, dim),
                                  corpus_hash=combine(named), problems=[], stats=stats, started=started)
    return manifest | {"shards_s": round(shards_s, 2)}


class _Named:
    """What finish_library needs of the model: its name and dimension (synthetic shards bring their own vectors)."""

    def __init__(self, name: str, dim: int) -> None:
        self.name, self.dim = name, dim


def _questions(path: Path, limit: int) -> list[str]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [r["question"] for r in rows if r.get("split") == "dev"][:limit]  # dev only: the test split is never looked at


def measure_child(index_dir: Path, questions_file: Path, *, exact_answers: bool) -> dict:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    argv = [sys.executable, "-m", "askwef.evaluate.scale_measure", str(index_dir), str(questions_file)]
    done = subprocess.run(argv + (["--exact-answers"] if exact_answers else []), capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"measuring {index_dir} failed: {done.stderr.strip().splitlines()[-1:] or done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def synthetic_part(real: dict, sizes: list[int], work: Path, questions_file: Path, log, keep: bool) -> list[dict]:
    from ..settings import MODEL_NAME

    reals = read_real([Path(p) for p in real["shards"]])
    dim = reals[0].data.passage_vectors.shape[1]
    rows = []
    for n in sizes:
        target = work / "synthetic" / f"n{n}" / "current"
        log(f"synthetic: building {n} report(s) ...")
        t = time.perf_counter()
        manifest = build_synthetic(reals, n, target, MODEL_NAME, dim, log=log)
        build_s = time.perf_counter() - t
        log(f"synthetic: measuring {n} report(s) ({manifest['counts']['passages']} passages, ANN {manifest['ann']['kind']}) ...")
        measured = measure_child(target, questions_file, exact_answers=manifest["counts"]["passages"] <= 100_000)
        measured["load_average"] = round(os.getloadavg()[0], 2)
        t = time.perf_counter()
        grown = build_synthetic(reals, n, target, MODEL_NAME, dim, add_one=True)
        add_s = time.perf_counter() - t
        rows.append(measured | {
            "reports": n, "build_s": round(build_s, 2), "shards_s": manifest["shards_s"],
            "build_s_per_report": round(build_s / n, 3), "add_one_s": round(add_s, 2), "add_reused": grown["build"]["reused"],
        })
        log(f"synthetic: {n}: answer p95 {measured['answer_ms']['p95']} ms, recall@10 {measured['recall_at_10']}, "
            f"RSS {measured['rss_mib']} MiB, add one {add_s:.1f} s")
        if not keep:
            shutil.rmtree(target.parent, ignore_errors=True)
    return rows


def add_parser(sub) -> None:
    p = sub.add_parser("scale", help="build synthetic libraries of 1..1,000 reports and measure cost, latency, memory, recall")
    p.add_argument("--source", nargs="+", default=["corpus"], metavar="PATH", help="real report files or folders (default: corpus/)")
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="library sizes, comma separated (default 1,10,100,1000)")
    p.add_argument("--questions", type=int, default=50, help="timed questions per size, from the golden dev split (default 50)")
    p.add_argument("--work", metavar="DIR", help="where the libraries are built (default: a temporary folder, removed after)")
    p.add_argument("--keep", action="store_true", help="keep the built libraries in --work")
    p.add_argument("--json-out", default="evals/scale.json", help="results as JSON (default evals/scale.json)")
    p.add_argument("--md-out", default="evals/SCALE.md", help="results as markdown with the chart (default evals/SCALE.md)")
    p.add_argument("--no-chart", action="store_true")
    p.add_argument("--remeasure", action="store_true",
                   help="measure again the libraries a --keep run left in --work (they hold one more report: the added one); "
                        "build figures are kept from --json-out")
    p.set_defaults(func=cmd_scale)


def remeasure(args: argparse.Namespace, log) -> dict:
    """The results of --json-out with every kept library in --work measured again (latency, memory, recall)."""
    if not args.work:
        raise ValueError("--remeasure needs --work DIR, the folder a --keep run built its libraries in")
    result = json.loads(Path(args.json_out).read_text())
    work = Path(args.work)
    for row in result["synthetic"]:
        target = work / "synthetic" / f"n{row['reports']}" / "current"
        if not (target / "manifest.json").exists():
            raise ValueError(f"no library kept at {target}; run askwef scale --keep --work {work} first")
        log(f"remeasuring {row['reports']} report(s) ...")
        row.update(measure_child(target, work / "questions.json", exact_answers=row["passages"] <= 100_000))
        row["load_average"] = round(os.getloadavg()[0], 2)
    result["remeasured_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return result


def cmd_scale(args: argparse.Namespace) -> int:
    from .scale_report import write_report

    log = (lambda msg: print(msg, file=sys.stderr, flush=True))
    if args.remeasure:
        result = remeasure(args, log)
        Path(args.json_out).write_text(json.dumps(result, indent=1) + "\n")
        write_report(result, Path(args.md_out), chart=not args.no_chart)
        log(f"wrote {args.json_out} and {args.md_out}")
        return 0

    sources: list[Path] = []
    for item in args.source:
        path = Path(item)
        if not path.exists():
            raise ValueError(f"--source {item}: no such file or folder")
        sources += corpus_files(path) if path.is_dir() else [path]
    if not sources:
        raise ValueError("--source holds no .md or .pdf report")
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not sizes or sizes[0] < 1:
        raise ValueError("--sizes must be whole numbers of at least 1, e.g. 1,10,100,1000")
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="askwef-scale-"))
    questions_file = work / "questions.json"
    work.mkdir(parents=True, exist_ok=True)
    questions_file.write_text(json.dumps(_questions(QUESTIONS_FROM, args.questions)))
    try:
        real = real_part(sources, work, log)
        rows = synthetic_part(real, sizes, work, questions_file, log, args.keep)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
    result = {
        "command": "askwef scale " + " ".join(sys.argv[2:]) if sys.argv[1:2] == ["scale"] else "askwef scale",
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "sources": [p.name for p in sources],
        "real": {k: v for k, v in real.items() if k != "shards"},
        "synthetic": rows,
    }
    Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json_out).write_text(json.dumps(result, indent=1) + "\n")
    write_report(result, Path(args.md_out), chart=not args.no_chart)
    log(f"wrote {args.json_out} and {args.md_out}")
    return 0

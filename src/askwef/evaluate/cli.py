"""`askwef eval`: load the systems, run the benchmark on a golden file, write the outputs.

    askwef eval [--golden PATH] [--split dev|test|holdout|all] [--systems askwef,bm25,dense,common] [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..settings import Settings
from .golden import GoldenFormatError, GoldenQuestion, load_golden
from .reporting import format_table, write_outputs
from .run import EngineSystem, EvalRun, evaluate

# --- provenance ---------------------------------------------------------------------------------


def corpus_hash(corpus_dir: str | Path) -> str:
    """The first 16 hex digits of the corpus hash the index manifest records (`index.corpus_sha256`)."""
    from ..index import corpus_sha256

    return corpus_sha256(Path(corpus_dir))[:16]


# --- command line -------------------------------------------------------------------------------

SYSTEM_NAMES = ("askwef", "bm25", "dense", "common")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `eval` on the CLI's subparsers; the handler is `run_cli(args, settings) -> int`."""
    parser = subparsers.add_parser(
        "eval",
        help="benchmark retrieval and answers on the golden questions",
        description="Run askwef (hybrid), BM25 alone, dense alone and the common recipe on the same golden "
        "questions; print a table and write results.json, TREC run and qrels files, a chart and RESULTS.md.",
    )
    parser.add_argument(
        "--golden", type=Path, nargs="+", default=[Path("evals/golden.jsonl")],
        help="golden JSONL file(s), run as one set (ids must be unique across them; default: evals/golden.jsonl)",
    )
    parser.add_argument("--split", choices=("dev", "test", "holdout", "all"), default="all", help="which questions to run (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("evals/out"), help="folder for results.json, runs, qrels, chart (default: %(default)s)")
    parser.add_argument("--results-md", type=Path, default=Path("evals/RESULTS.md"), help="markdown summary to write (default: %(default)s)")
    parser.add_argument(
        "--systems",
        type=_system_list,
        default=SYSTEM_NAMES,
        help=f"comma-separated subset of {','.join(SYSTEM_NAMES)} (default: all)",
    )
    parser.add_argument("--no-chart", action="store_true", help="do not draw the PNG chart")
    parser.add_argument(
        "--before", type=Path, metavar="RESULTS_JSON",
        help="an earlier run's results.json: RESULTS.md gains askwef's figures per kind before and after (e.g. evals/before/results.json)",
    )
    parser.add_argument("--corpus", metavar="DIR", help="corpus folder (default: ASKWEF_CORPUS or ./corpus)")
    parser.add_argument("--index", metavar="DIR", help="index folder (default: ASKWEF_INDEX or ./index/current)")
    parser.add_argument("--no-build", action="store_true", help="refuse to use a missing or stale index instead of rebuilding it")
    parser.set_defaults(func=run_cli)
    return parser


def _system_list(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in SYSTEM_NAMES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown system(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(SYSTEM_NAMES)}")
    return names


def load_golden_files(files: Sequence[Path]) -> list[GoldenQuestion]:
    """Several golden files as one set: ids must be unique across them."""
    questions: list[GoldenQuestion] = []
    seen: dict[str, Path] = {}
    for path in files:
        for q in load_golden(path):
            if q.id in seen:
                raise GoldenFormatError(f"{path}: id {q.id!r} is also in {seen[q.id]}; ids must be unique across golden files")
            seen[q.id] = Path(path)
            questions.append(q)
    return questions


def select_split(questions: Sequence[GoldenQuestion], split: str) -> list[GoldenQuestion]:
    """`all` keeps every question; `dev`/`test` keep those labelled so."""
    return list(questions) if split == "all" else [q for q in questions if q.split == split]


def build_systems(
    names: Sequence[str], settings: Settings, embedder: Any = None, *, build: bool = True, log: Callable[[str], None] = print
) -> list[Any]:
    """Load the engine and/or the common recipe once and wrap them as systems, in `names` order."""
    if embedder is None:
        from ..embed import load_model

        embedder = load_model()
    systems: dict[str, Any] = {}
    if any(n in ("askwef", "bm25", "dense") for n in names):
        from ..engine import Engine

        engine = Engine.load(settings, embedder=embedder, build=build, log=log)
        systems["askwef"] = EngineSystem(engine, "hybrid", name="askwef", answers=True)
        systems["bm25"] = EngineSystem(engine, "bm25")
        systems["dense"] = EngineSystem(engine, "dense")
    if "common" in names:
        from .baselines import CommonRecipe

        systems["common"] = CommonRecipe.from_corpus(settings.corpus_dir, embedder)
    return [systems[n] for n in names]


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    """`askwef eval`: returns the exit code; user errors are one line on stderr."""
    files = args.golden if isinstance(args.golden, list) else [args.golden]
    try:
        questions = select_split(load_golden_files(files), args.split)
    except GoldenFormatError as exc:
        print(f"askwef eval: {exc}", file=sys.stderr)
        return 2
    if not questions:
        print(f"askwef eval: no questions in split {args.split!r} of {', '.join(map(str, files))}", file=sys.stderr)
        return 2
    say = lambda message: print(message, file=sys.stderr)  # noqa: E731
    try:
        systems = build_systems(args.systems, settings, build=not getattr(args, "no_build", False), log=say)
    except Exception as exc:  # noqa: BLE001 - any load failure is reported as one line
        print(f"askwef eval: cannot load the systems: {exc}", file=sys.stderr)
        return 1
    run = evaluate(questions, systems, progress=say)
    argv = sys.argv[sys.argv.index("eval") + 1 :] if "eval" in sys.argv else []
    command = " ".join(["askwef eval", *(_quote(a) for a in argv)])
    info = {
        "settings_hash": settings.hash(),
        "corpus_hash": corpus_hash(settings.corpus_dir),
        "settings": settings.describe(),
        "golden": ", ".join(str(f) for f in files),
        "golden_sha256": hashlib.sha256(b"".join(Path(f).read_bytes() for f in files)).hexdigest()[:16],
        "split": args.split,
        "command": command,
    }
    run = EvalRun(run.questions, run.systems, run.k, run.budget, info)
    print(format_table(run))
    written = write_outputs(run, args.out, args.results_md, chart=not args.no_chart)
    if args.before is not None and args.results_md is not None:
        from .compare import before_after_markdown
        from .reporting import results_dict

        with Path(args.results_md).open("a", encoding="utf-8") as f:
            f.write("\n" + before_after_markdown(results_dict(run), args.before))
    for path in written:
        say(f"wrote {path}")
    return 0


def _quote(arg: str) -> str:
    return arg if re.fullmatch(r"[\w./=,:-]+", arg) else json.dumps(arg)

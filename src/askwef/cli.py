"""The command line: verbs mirror the pipeline (build, search, ask, eval, serve).

    askwef build [--corpus DIR] [--index DIR] [--if-needed | --full]
    askwef search "question" [-k N] [--json] [--mode hybrid|dense|bm25]
    askwef ask "question" [--json] [--within SECTION]
    askwef eval [--golden PATH] ...
    askwef serve [--host H] [--port P] [--workers N]
    askwef loadtest [--clients N] [--duration S] [--url URL]
    askwef scale [--source PATH ...] [--sizes 1,10,100,1000]

Errors are one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import time
from pathlib import Path

from .settings import Settings

EXIT_USAGE = 2
EXIT_ERROR = 1


class CliError(Exception):
    pass


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    changes = {}
    if getattr(args, "corpus", None):
        changes["corpus_dir"] = Path(args.corpus)
    if getattr(args, "index", None):
        changes["index_dir"] = Path(args.index)
    return settings.replace(**changes) if changes else settings


def _engine(args: argparse.Namespace):
    from .engine import Engine

    log = (lambda msg: print(msg, file=sys.stderr))
    return Engine.load(_settings(args), build=not args.no_build, log=log)


def cmd_build(args: argparse.Namespace) -> int:
    from .embed import load_model
    from .engine import ensure_index
    from .index import build

    settings = _settings(args)
    embedder = load_model()
    log = (lambda msg: print(msg, file=sys.stderr))
    if args.if_needed:
        manifest = ensure_index(settings, embedder, log=log)
        if manifest is None:
            print(f"index at {settings.index_dir} is up to date")
            return 0
    else:
        full = {"reuse": False, "use_cache": False} if args.full else {}
        manifest = build(settings, embedder, progress=not args.quiet, log=log, **full)
    counts = manifest["counts"]
    done = manifest.get("build", {})
    print(
        f"built {settings.index_dir}: {counts['documents']} document(s), {counts['passages']} passages, "
        f"{counts['sentences']} sentences in {manifest['build_seconds']} s"
        + (f" ({done.get('reused', 0)} report(s) unchanged, {done.get('ingested', 0)} read and embedded)" if done else "")
    )
    return 0


def _validate(args: argparse.Namespace) -> None:
    """Refuse a bad question or k before anything slow (model, index) is loaded."""
    from .engine import clean_question, validate_k

    args.question = clean_question(args.question)
    validate_k(args.k, 10)


def cmd_search(args: argparse.Namespace) -> int:
    _validate(args)
    engine = _engine(args)
    passages = engine.search(args.question, args.k, mode=args.mode, within=args.within)
    if args.json:
        print(json.dumps([p.to_dict() for p in passages], ensure_ascii=False, indent=1))
        return 0
    for rank, p in enumerate(passages, 1):
        unit = f" | {p.unit}" if p.unit else ""
        notes = f"  endnotes {', '.join(map(str, p.endnotes))}" if p.endnotes else ""
        print(f"{rank}. [{p.score:.3f}] {p.section} (p. {p.page}){unit}{notes}")
        print(textwrap.indent(textwrap.fill(p.text, 100), "   "))
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    _validate(args)
    engine = _engine(args)
    history = json.loads(Path(args.history).read_text()) if args.history else None
    answer = engine.answer(args.question, history=history, k=args.k, within=args.within)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
        return 0
    if answer.abstained:
        print(answer.message)
        for p in answer.passages[:3]:
            print(f"  - {p.section} (p. {p.page}): {textwrap.shorten(p.text, 160)}")
        return 0
    bold = (lambda t: f"\033[1m{t}\033[0m") if sys.stdout.isatty() else (lambda t: t)
    if answer.about == "contents":  # "list the case studies": numbered, each part by its title, first sentence and place
        from .answer.contents import list_lead, listed_items

        parts = listed_items(answer.quotes)
        print(list_lead(parts) + "\n")
        for n, (title, quotes) in enumerate(parts, 1):
            said = " ".join(q.cited() for q in quotes)
            if title:
                print(("" if n == 1 else "\n") + f"{n}. {bold(title)}")
                print(textwrap.indent(textwrap.fill(said, 96), "   "))
            else:  # a figure: its label line is its title
                print(("" if n == 1 else "\n") + textwrap.fill(f"{n}. {said}", 99, subsequent_indent="   "))
            print(f"   — {quotes[0].source()}")
        if answer.message:  # a list cut short: how many more, and how to ask for them
            print(f"\n{answer.message}")
        _print_close(answer)
        return 0
    if answer.reports:  # asked of several reports: each one's quotes under its title, then its notes
        from .answer.compare import comparison_lead, report_of

        print(comparison_lead(answer) if answer.about == "comparison" else f"({answer.resolved_question})")
        for sub in answer.reports:
            if sub.abstained or not sub.quotes:
                print(f"\n{sub.message}")
                continue
            print(f"\n{bold(report_of(sub))}" + (f"\n({sub.context})" if sub.context else ""))
            _print_quoted(sub, bold)
            _print_references(sub.endnotes)
            _print_works(sub.references)
        print(f"\n{answer.confidence_line()}")
        return 0
    if answer.span:
        print(f"Answer: {bold(answer.span)}\n")
    if answer.context:
        print(textwrap.fill(f"({answer.context})", 100))
    _print_quoted(answer, bold)
    _print_close(answer)
    return 0


def _print_quoted(answer, bold) -> None:
    """Each run of quotes from one place in quotation marks, and under it where it stands with the run's endnote numbers,
    as the chat shows them; the short answer in bold once, in the first run that holds it (a wrapped span stays plain)."""
    from .answer.quote import printed_lines

    marked = not answer.span
    for n, (quotes, notes) in enumerate(answer.runs()):
        if not printed_lines(quotes):
            quote = textwrap.fill("“" + " ".join(q.text for q in quotes) + "”", 100)
        else:  # a figure's lines ("FIGURE 7", its title, its labels) one to a line, as printed
            quote = "\n".join(textwrap.fill(line, 100) for line in ["“" + quotes[0].text, *(q.text for q in quotes[1:])]) + "”"
        if not marked and answer.span in quote:
            quote, marked = quote.replace(answer.span, bold(answer.span), 1), True
        print(("\n" if n else "") + quote)
        print(f"— {quotes[0].source()}" + (f" [{', '.join(map(str, notes))}]" if notes else ""))


def _print_references(endnotes) -> None:
    for e in endnotes:
        print(textwrap.fill(f"[{e.number}] {e.reference}", 100, subsequent_indent="     "))
        if e.url:
            print(f"     {e.url}")


def _print_works(references) -> None:
    """The works the quotes cite by author and date ("(OECD, 2022[3])"), under their own heading: numbered in their
    chapter's reference list, not in the endnotes'."""
    if references:
        print("\nWorks cited (by author and date):")
    _print_references(references)


def _print_close(answer) -> None:
    """What closes an answer in the terminal: its references (after a blank line), the works its quotes cite by author
    and date, then its confidence line."""
    if answer.endnotes:
        print()
    _print_references(answer.endnotes)
    _print_works(answer.references)
    print(f"\n{answer.confidence_line()}")


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(host=args.host, port=args.port, settings=_settings(args), workers=args.workers) or 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Warm latency: encoding a question vs search vs answer, in one process."""
    import statistics

    engine = _engine(args)
    questions = [
        "How many green data centres have been established in China?",
        "What accuracy did the State Grid load forecasting system achieve?",
        "How is AI used in retail livestreaming?",
        "What is the talent gap in AI in China?",
        "Which city uses Alibaba City Brain to manage traffic lights?",
    ]
    for q in questions:  # warm-up
        engine.answer(q)

    def timed(fn) -> float:
        runs = []
        for _ in range(args.repeat):
            for q in questions:
                t = time.perf_counter()
                fn(q)
                runs.append(time.perf_counter() - t)
        return statistics.median(runs) * 1000

    encode = timed(lambda q: engine.embedder.encode([q]))
    search = timed(lambda q: engine.search(q))
    answer = timed(lambda q: engine.answer(q))
    result = {"encode_ms": round(encode, 2), "search_ms": round(search, 2), "answer_ms": round(answer, 2), "answer_over_encode": round(answer / encode, 2)}
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="askwef", description="Extractive, cited answers from a policy report, offline.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{build,search,ask,eval,tune,scale,serve,bench,loadtest}")

    def common(p: argparse.ArgumentParser, *, no_build: bool = True) -> None:
        p.add_argument("--corpus", metavar="DIR", help="corpus folder (default: ASKWEF_CORPUS or ./corpus)")
        p.add_argument("--index", metavar="DIR", help="index folder (default: ASKWEF_INDEX or ./index/current)")
        if no_build:
            p.add_argument("--no-build", action="store_true", help="refuse to use a missing or stale index instead of rebuilding it")

    p = sub.add_parser("build", help="ingest, chunk, embed and index the corpus")
    common(p, no_build=False)
    p.add_argument("--if-needed", action="store_true", help="only when the index is missing or stale")
    p.add_argument("--full", action="store_true", help="read and embed every report afresh (no shard reused, no embedding cache)")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("search", help="passages that match a question, best first")
    common(p)
    p.add_argument("question")
    p.add_argument("-k", type=int, default=10, help="how many passages (1-100, default 10)")
    p.add_argument("--mode", choices=("hybrid", "dense", "bm25"), default="hybrid")
    p.add_argument("--within", metavar="SECTION", help="only this section path (or chapter, or document)")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer a question with the report's own sentences")
    common(p)
    p.add_argument("question")
    p.add_argument("-k", type=int, default=None, help="supporting passages to return (1-100)")
    p.add_argument("--within", metavar="SECTION", help="only this section path (or chapter, or document)")
    p.add_argument("--history", metavar="FILE", help="JSON file of previous turns [{question, answer}] for follow-ups")
    p.add_argument("--json", action="store_true", help="print the whole Answer as JSON")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("serve", help="the chat app and HTTP API (same as python app.py)")
    common(p, no_build=False)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--workers", type=int, default=1, help="processes serving the port, each with the model, on one read-only index (default 1)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("bench", help="warm latency of encode, search and answer")
    common(p)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench)

    from .evaluate.cli import add_parser as add_eval_parser
    from .evaluate.tune import add_parser as add_tune_parser
    from .evaluate.scale import add_parser as add_scale_parser
    from .serve.loadtest import add_parser as add_loadtest_parser

    add_eval_parser(sub)
    add_scale_parser(sub)
    add_tune_parser(sub)
    add_loadtest_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from .engine import QuestionError
    from .index import IndexProblem
    from .ingest import IngestError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command in ("eval", "tune"):
            return int(args.func(args, _settings(args)) or 0)
        return int(args.func(args) or 0)
    except (QuestionError, IndexProblem, IngestError, CliError, ValueError) as exc:
        print(f"askwef: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (OSError, json.JSONDecodeError) as exc:
        print(f"askwef: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("askwef: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

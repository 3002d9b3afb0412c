"""Every PDF under the given folders through askwef's reader, each in a process of its own with a time limit: read,
refused with a one-line message (`IngestError`: encrypted, damaged, no text layer, ...), crashed (any other error: a
traceback a user would see) or hung. The reader must never crash or hang on what publishers, scanners and fuzzers make.

    .venv/bin/python evals/pdf_sweep.py DIR [DIR ...] [--timeout 120] [--out FILE.md]

`bash evals/pdf_sweep.sh` runs it on the test PDFs that pypdf's and pikepdf's source packages ship (fetched from
PyPI): odd encodings, encryption of every kind, broken cross-reference tables, fuzzers' findings.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ONE = r"""
import json, sys, time
from pathlib import Path
from askwef.ingest.files import ingest_file
from askwef.ingest.parsed import IngestError
started = time.perf_counter()
try:
    doc = ingest_file(Path(sys.argv[1]))
    out = {"outcome": "read", "sections": len(doc.sections), "sentences": sum(len(s.sentences) for s in doc.sections)}
except IngestError as exc:
    out = {"outcome": "refused", "message": str(exc)}
except BaseException as exc:  # what the sweep is for: any other error is a crash
    out = {"outcome": "crashed", "message": f"{type(exc).__name__}: {exc}"[:300]}
out["seconds"] = round(time.perf_counter() - started, 2)
print(json.dumps(out))
"""


def sweep_one(path: Path, timeout: float) -> dict:
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", ONE, str(path)], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"outcome": "hung", "seconds": round(time.perf_counter() - started, 1), "message": f"over {timeout:.0f} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"outcome": "crashed", "seconds": round(time.perf_counter() - started, 1),
                "message": (done.stderr.strip().splitlines() or ["no output"])[-1][:300]}
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a PDF may take (default 120)")
    parser.add_argument("--out", type=Path, help="write the results as markdown here")
    args = parser.parse_args(argv)
    pdfs = sorted({p for folder in args.folders for p in ([folder] if folder.is_file() else folder.rglob("*.pdf"))})
    if not pdfs:
        print(f"no PDF under {', '.join(map(str, args.folders))}", file=sys.stderr)
        return 1
    rows = []
    for k, path in enumerate(pdfs, 1):
        result = sweep_one(path, args.timeout)
        rows.append((path, result))
        print(f"[{k}/{len(pdfs)}] {result['outcome']:8} {result['seconds']:6.1f} s  {path}", file=sys.stderr)
    counts = Counter(r["outcome"] for _, r in rows)
    slowest = max(rows, key=lambda row: row[1]["seconds"])
    common = Path(os.path.commonpath([str(p.parent) for p in pdfs]))
    lines = [
        "# The reader on PDFs nobody here made",
        "",
        f"Written by `evals/pdf_sweep.py` on {time.strftime('%Y-%m-%d')}: {len(pdfs)} PDFs, each read in a process of its own "
        f"with a limit of {args.timeout:.0f} s.",
        "",
        "| outcome | PDFs |",
        "|---|---:|",
        *(f"| {outcome} | {counts.get(outcome, 0)} |" for outcome in ("read", "refused", "crashed", "hung")),
        "",
        f"Slowest: {slowest[1]['seconds']} s ({slowest[0].relative_to(common)}).",
        "",
        "| PDF | outcome | seconds | sections | sentences | message |",
        "|---|---|---:|---:|---:|---|",
    ]
    for path, r in rows:
        name = path.relative_to(common)
        message = r.get("message", "").replace(str(path), "FILE").replace("|", "\\|")
        lines.append(f"| {name} | {r['outcome']} | {r['seconds']} | {r.get('sections', '')} | {r.get('sentences', '')} | {message} |")
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        print(text)
    print(" ".join(f"{o} {counts.get(o, 0)}" for o in ("read", "refused", "crashed", "hung")), file=sys.stderr)
    return 0 if not counts.get("crashed") and not counts.get("hung") else 2


if __name__ == "__main__":
    sys.exit(main())

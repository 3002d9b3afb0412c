"""pypdf (askwef's reader) against pdfminer.six and pdfplumber, on columns and figure regions.

    python evals/pdf_libraries.py REPORT.pdf[=GOLDEN.jsonl|=REPORT.md] ... > docs/pdf-libraries.md

Columns: the share of reference sentences found verbatim (case, quotes, dashes and white space
folded; words hyphenated at a line end joined) in each library's text. A sentence read across two
columns, or with a chart label run into it, is not found. References: a golden file's evidence
sentences, or the prose sentences of the markdown the PDF was made from.
Figure regions: drawn objects each library reports (pdfplumber's rects, lines, curves and images;
askwef's Shapes from the same pypdf pass that reads the text) and the numbers-only lines each
leaves in its text (axis ticks, bar labels: askwef sets them aside, the others print them).
Time: seconds to read the whole file, one process, on this machine.

pdfminer.six and pdfplumber are not dependencies of askwef: `pip install pdfminer.six pdfplumber`
to run this comparison.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from askwef.ingest import ingest_file
from askwef.ingest.pdf.regions import numbers_only
from askwef.ingest.text import normalize_for_match


def _fold(text: str) -> str:
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # a word hyphenated at a line end
    return normalize_for_match(text.replace("\u00ad", ""))


def references(pdf: Path, source: str) -> list[str]:
    if source.endswith(".jsonl"):
        rows = [json.loads(line) for line in Path(source).read_text(encoding="utf-8").splitlines() if line.strip()]
        return [r["evidence"] for r in rows if r.get("answerable") and r.get("evidence") and r.get("document", pdf.name) == pdf.name]
    doc = ingest_file(Path(source))
    return [s.text[sp.start : sp.end] for s in doc.sections for sp in s.sentences
            if s.blocks[sp.block].kind == "prose" and len(s.text[sp.start : sp.end].split()) >= 8]


def askwef_text(pdf: Path) -> tuple[str, float, int, int]:
    from pypdf import PdfReader

    from askwef.ingest.pdf.runs import Widths, page_runs

    started = time.perf_counter()
    doc = ingest_file(pdf)
    seconds = time.perf_counter() - started
    text = "\n".join(s.text for s in doc.sections)
    shapes: list = []
    reader = PdfReader(pdf)
    widths = Widths()
    for page in reader.pages:
        page_runs(page, widths, shapes)
    numbers = sum(1 for line in text.splitlines() if numbers_only(line))
    return text, seconds, len(shapes), numbers


def pdfminer_text(pdf: Path) -> tuple[str, float, int, int]:
    from pdfminer.high_level import extract_text

    started = time.perf_counter()
    text = extract_text(str(pdf))
    seconds = time.perf_counter() - started
    return text, seconds, -1, sum(1 for line in text.splitlines() if numbers_only(line))


def pdfplumber_text(pdf: Path) -> tuple[str, float, int, int]:
    import pdfplumber

    started = time.perf_counter()
    parts, drawn = [], 0
    with pdfplumber.open(str(pdf)) as doc:
        for page in doc.pages:
            parts.append(page.extract_text() or "")
            drawn += len(page.rects) + len(page.lines) + len(page.curves) + len(page.images)
    seconds = time.perf_counter() - started
    text = "\n".join(parts)
    return text, seconds, drawn, sum(1 for line in text.splitlines() if numbers_only(line))


def main(argv: list[str]) -> int:
    print("| report | library | read s | references found verbatim | drawn objects | numbers-only lines |")
    print("|---|---|---:|---:|---:|---:|")
    for arg in argv:
        pdf_name, _, source = arg.partition("=")
        pdf = Path(pdf_name)
        refs = [_fold(r) for r in references(pdf, source)]
        for name, read in (("askwef (pypdf)", askwef_text), ("pdfminer.six", pdfminer_text), ("pdfplumber", pdfplumber_text)):
            text, seconds, drawn, numbers = read(pdf)
            folded = _fold(text)
            found = sum(1 for r in refs if r in folded)
            print(f"| {pdf.name} | {name} | {seconds:.1f} | {found} of {len(refs)} ({found / max(1, len(refs)):.0%}) | "
                  f"{drawn if drawn >= 0 else 'n/a'} | {numbers} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

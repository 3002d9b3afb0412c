"""What the reader makes of a report: sections against its outline and Contents, figure text, notes, pages.

    python -m askwef.ingest.survey REPORT.pdf [...] [--golden FILE ...] [--out evals/PDF-RESULTS.md]

For each report, a markdown section: pages and reading time; the outline's and the Contents'
entries found as sections (by title, numbering aside, as a section or a heading in a section's path); sections by depth; sentences indexed and the
share that are fragments (fewer than three words, or mostly numbers: what chart labels and axis
ticks look like); figure-label lines set aside; notes parsed (per chapter or for the whole
document), note markers linked to a note, and markers with no note. With golden files naming the
document: their evidence sentences found verbatim, and of those, the share in the labelled section
(heading by heading, the sentence's section inside the labelled one) and on the labelled printed page.

>>> main(["corpus/report.pdf"])  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from ..types import cited_references
from .conventions import ENDNOTE_HEADINGS, FIGURE
from .files import ingest_file
from .parsed import IngestError
from .text import normalize_for_match, split_numbering, title_key, word_count

FRAGMENT_WORDS = 3
"""A 'sentence' of fewer words is a fragment (a label, a tick, a legend entry), unless it ends like a sentence."""


def _fragment(text: str) -> bool:
    tokens = text.split()
    numeric = sum(1 for t in tokens if re.fullmatch(r"[\W\d]*\d[\W\d]*%?", t))
    return word_count(text) < FRAGMENT_WORDS and not text.rstrip().endswith((".", "?", "!")) or (tokens and numeric / len(tokens) >= 0.5)


def _within(path: str, labelled: str) -> bool:
    """The sentence's section path lies inside the labelled one, heading by heading (numbering aside)."""
    have = [title_key(p) for p in path.split(" > ")]
    want = [title_key(p) for p in labelled.split(" > ")]
    return have[: len(want)] == want


def survey(path: Path, golden: list[dict]) -> list[str]:
    from .pdf.headings import outline_items, page_labels

    started = time.perf_counter()
    try:
        doc = ingest_file(path)
    except IngestError as exc:
        return [f"## {path.name}", "", f"Not indexed: {exc}", ""]
    seconds = time.perf_counter() - started
    out = [f"## {path.name}", "", f"*{doc.title}* ({doc.year or 'year unknown'})", ""]
    # a heading with no text of its own before its first subsection is no Section, but stands in
    # its subsections' paths ('A fragmented strategic framework for PAR > The National Development Plan')
    heads = {p for s in doc.sections for p in s.path.split(" > ")}
    titles = {title_key(s.title) for s in doc.sections} | {title_key(p) for p in heads} | {title_key(split_numbering(p)[1]) for p in heads}
    if path.suffix.lower() == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(path)
        outline = [o for o in outline_items(reader, page_labels(reader, len(reader.pages))) if title_key(o.title) not in ("contents", "tableofcontents")]
        out.append(f"- pages: {len(reader.pages)}; read in {seconds:.1f} s")
        if outline:
            # a note or reference list's bookmark ('Endnotes', each chapter's 'References') is read as notes
            # or set aside, never a section: counted apart
            lists = [o for o in outline if title_key(o.title) in ENDNOTE_HEADINGS]
            rest = [o for o in outline if title_key(o.title) not in ENDNOTE_HEADINGS]
            found = sum(1 for o in rest if title_key(o.title) in titles or title_key(re.sub(r"^\S+\s", "", o.title)) in titles)
            out.append(f"- outline entries found as sections: {found} of {len(rest)} (depth {max(o.level for o in outline)})"
                       + (f"; note and reference lists (no sections): {len(lists)}" if lists else ""))
        else:
            out.append("- outline: none")
    missing = [w for w in doc.warnings if w.startswith("Contents entry not found")]
    depths = Counter(s.level for s in doc.sections)
    out.append(f"- sections: {len(doc.sections)} (" + ", ".join(f"level {k}: {depths[k]}" for k in sorted(depths)) + ")"
               + (f"; Contents entries not found: {len(missing)}" if missing else "; every Contents entry found"))
    numbered = [s for s in doc.sections if s.number]
    out.append(f"- numbered sections: {len(numbered)} (" + ", ".join(s.number for s in numbered[:12]) + (", ..." if len(numbered) > 12 else "") + ")")
    sentences = [(s, sp) for s in doc.sections for sp in s.sentences]
    fragments = sum(1 for s, sp in sentences if _fragment(s.text[sp.start : sp.end]))
    share = fragments / len(sentences) if sentences else 0.0
    out.append(f"- sentences indexed: {len(sentences)}; fragments (labels, ticks): {fragments} ({share:.1%})")
    figures = sum(1 for s in doc.sections for b in s.blocks if b.kind == "caption" and FIGURE.match(s.text[b.start : b.end]))
    out.append(f"- figures (title and caption kept): {figures}")
    linked = sum(len(sp.endnotes) for _, sp in sentences)
    unlinked = sum(1 for w in doc.warnings if "has no entry in the endnote list" in w)
    scoped = sum(1 for e in doc.endnotes if e.scope)
    out.append(f"- notes parsed: {len(doc.endnotes)} ({scoped} scoped to a chapter, {sum(1 for e in doc.endnotes if e.url)} with a URL); "
               f"markers linked to a note: {linked}; markers with no note (reported): {unlinked}")
    if doc.references:
        citing = sum(1 for s, sp in sentences if cited_references(s.text[sp.start : sp.end]))
        lacking = sum(1 for w in doc.warnings if "matches no entry of its chapter's reference list" in w)
        out.append(f"- reference-list entries parsed: {len(doc.references)} ({sum(1 for e in doc.references if e.url)} with a URL); "
                   f"sentences citing author-date: {citing}; citations their chapter's list lacks (reported): {lacking}")
    rows = [r for r in golden if r.get("answerable") and r.get("document", path.name) == path.name and r.get("evidence")]
    if rows:
        found = right_section = right_page = with_page = 0
        for r in rows:
            want = normalize_for_match(r["evidence"])
            hit = next(((s, sp) for s, sp in sentences if want in normalize_for_match(s.text[sp.start : sp.end])
                        or normalize_for_match(s.text[sp.start : sp.end]) in want and len(s.text[sp.start : sp.end]) > 0.6 * len(want)), None)
            if hit is None:
                continue
            found += 1
            s, sp = hit
            right_section += bool(r.get("section")) and _within(s.path, r["section"])
            if "page" in r:
                with_page += 1
                right_page += (sp.page or s.page) == r["page"]
        out.append(f"- golden evidence found verbatim: {found} of {len(rows)}; in the labelled section: {right_section} of {found}; "
                   f"on the labelled printed page: {right_page} of {with_page}")
    out.append("")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m askwef.ingest.survey", description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="+", type=Path)
    parser.add_argument("--golden", nargs="*", type=Path, default=[], help="golden JSONL files (rows naming a document)")
    parser.add_argument("--out", type=Path, help="write the markdown here (default: print it)")
    args = parser.parse_args(argv)
    golden = [json.loads(line) for g in args.golden for line in g.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = ["# What the PDF reader finds", "", f"`python -m askwef.ingest.survey {' '.join(str(p) for p in args.reports)}"
             + (f" --golden {' '.join(str(g) for g in args.golden)}" if args.golden else "") + "`", ""]
    for report in args.reports:
        lines += survey(report, golden)
    text = "\n".join(lines)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

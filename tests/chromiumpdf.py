"""A second, independent test PDF: the corpus markdown rendered to HTML and printed by headless Chromium.

The reportlab PDF (tests/pdfgen.py) is laid out by our own code; this one is not. markdown-it-py
turns the report into HTML (its raw HTML tables and `<sup>` markers kept, so markers are real
superscripts), simple print CSS sets A4 pages, and Chromium's `page.pdf()` adds a running header
and a "page N" footer. Chromium's text runs, fonts (embedded TrueType subsets), spacing and line
breaks differ from reportlab's. The Contents page keeps the report's original page numbers, which
do not match Chromium's pages: a reader must find sections by title, not by page.

`outline=True` asks Chromium for bookmarks (it builds them from the h1-h6 headings, and needs a
tagged PDF); `outline=False` gives a PDF with no outline at all. `columns=True` sets the body in two
CSS columns (headings of chapters across both), the endnote list included: the Blueprint report
"printed to PDF by another tool" (two columns, a running header, page numbers, no outline).

>>> data = chromium_pdf(Path("corpus/blueprint-to-action-china-ai-2025.md"))  # doctest: +SKIP
>>> data[:5]                                                                    # doctest: +SKIP
b'%PDF-'
"""

from __future__ import annotations

import html
import re
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--no-first-run"]
RUNNING_HEADER = "Blueprint to Action: China's Path to AI-Powered Industry Transformation"

CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 20pt; page-break-before: always; margin: 0 0 10pt 0; }
h2 { font-size: 14pt; margin: 12pt 0 6pt 0; }
h3 { font-size: 12pt; margin: 10pt 0 4pt 0; }
p { margin: 0 0 6pt 0; text-align: justify; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 9pt; }
th, td { border: 0.5pt solid #999; padding: 3pt; vertical-align: top; text-align: left; }
sup { font-size: 65%; }
p.toc { display: flex; justify-content: space-between; margin: 0 0 3pt 0; }
a { color: #1a4; text-decoration: none; }
"""

COLUMNS_CSS = """
body { column-count: 2; column-gap: 7mm; column-fill: auto; }
h1 { column-span: all; }
p.toc { column-span: all; }
table { font-size: 8pt; }
"""

HEADER = ('<div style="font-size:7pt; width:100%; text-align:center; color:#555;">'
          f'{html.escape(RUNNING_HEADER)}</div>')
FOOTER = ('<div style="font-size:7pt; width:100%; text-align:right; margin-right:18mm; color:#555;">'
          '<span class="pageNumber"></span></div>')


def markdown_html(md_text: str, css: str = CSS) -> str:
    """The report as an HTML page: markdown-it (tables, raw HTML), the Contents lines as dotted rows."""
    from markdown_it import MarkdownIt

    out: list[str] = []
    rows: list[list[str]] = []

    def flush() -> None:
        # tab-separated rows (the conversion's tables, their cells raw HTML) -> an HTML table
        if rows:
            head, *body = rows
            cells = "".join(f"<th>{c}</th>" for c in head)
            trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in body)
            out.extend(["", f"<table><thead><tr>{cells}</tr></thead><tbody>{trs}</tbody></table>", ""])
            rows.clear()

    # '\$' is markdown for '$'; the report also escapes it inside raw HTML, where markdown does not
    for line in md_text.replace("\\$", "$").splitlines():
        # "Reading guide<TAB>3": a Contents row; markdown would run them all into one paragraph
        if m := re.match(r"^(\S[^\t]*)\t(\d{1,3})\s*$", line):
            out.append(f'<p class="toc"><span>{html.escape(m.group(1))}</span><span>{m.group(2)}</span></p>')
            continue
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            if all(re.fullmatch(r"-+", c) for c in cells):
                continue  # a rule under a one-cell "table"
            if len(cells) == 1 or line.startswith("\t"):  # tab-indented HTML blocks: HTML, not code
                flush()
                out.extend(["", "\n\n".join(cells), ""])
            else:
                rows.append(cells)
            continue
        flush()
        out.append(line)
    flush()
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    body = md.render("\n".join(out))
    return f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(RUNNING_HEADER)}</title>" \
           f"<style>{css}</style></head><body>{body}</body></html>"


SERIF_CSS = "body { font-family: 'Liberation Serif', serif; font-size: 11pt; }"
"""A serif face whose embedded subsets leave every glyph as wide as the font's default width (/DW) out
of their widths (/W): 'o', 'a', 'g', 'y' of Liberation Serif Bold."""


def chromium_pdf(md_path: Path, *, outline: bool = True, contents_page: bool = True, columns: bool = False,
                 css: str = "") -> bytes:
    """Print the markdown report with headless Chromium (Playwright); bookmarks when `outline`,
    the Contents page (heading and rows) left out when not `contents_page`; `css` added last."""
    from playwright.sync_api import sync_playwright

    md_text = Path(md_path).read_text(encoding="utf-8")
    if not contents_page:
        md_text = re.sub(r"(?m)^# Contents\n+(?:[^\n]*\t\d{1,3}\n)+", "", md_text)
    page_html = markdown_html(md_text, (CSS + COLUMNS_CSS if columns else CSS) + css)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.set_content(page_html, wait_until="load")
            return page.pdf(
                format="A4", display_header_footer=True, header_template=HEADER, footer_template=FOOTER,
                margin={"top": "22mm", "bottom": "20mm", "left": "18mm", "right": "18mm"},
                outline=outline, tagged=outline, print_background=False,
            )
        finally:
            browser.close()


if __name__ == "__main__":  # python tests/chromiumpdf.py OUT.pdf [--columns] [--no-outline] [--serif]: the PDF to look at or measure
    import sys

    args = sys.argv[1:]
    report = Path(__file__).resolve().parents[1] / "corpus" / "blueprint-to-action-china-ai-2025.md"
    Path(args[0]).write_bytes(chromium_pdf(report, outline="--no-outline" not in args, columns="--columns" in args,
                                           css=SERIF_CSS if "--serif" in args else ""))

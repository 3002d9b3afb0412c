"""Made pages of lists and numbers set as a page of their own: a back-of-book index after a manual's chapters (entries
ending in page numbers, in two columns under letter headings, as LaTeX's and Texinfo's indexes print them) and a page
of number columns alone (tabula's multicolumn sample). Like `pdfpages`, each writes one small PDF."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as rl_canvas

from pdfpages import saved

WIDTH, HEIGHT = A4


def _prose_page(c: rl_canvas.Canvas, heading: str, lines: list[str]) -> None:
    c.setFont("Times-Bold", 16)
    c.drawString(72, HEIGHT - 90, heading)
    c.setFont("Times-Roman", 11)
    for k, line in enumerate(lines):
        c.drawString(72, HEIGHT - 130 - 14 * k, line)


def book_with_index(path: Path, chapters: list[tuple[str, list[str]]], index_title: str, entries: list[str], *,
                    leaders: bool = False) -> Path:
    """A manual: each chapter (heading, body lines) on a page of its own, then `index_title` over `entries` ('term, 3,
    7'; an entry opening with two spaces is a sub-entry, indented) in two columns, a bold letter heading over each
    letter's group (its first letter, when it is a letter), with a folio at each page's foot. With `leaders` an entry's
    pages stand at the column's right edge after leader dots, as Texinfo sets them."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    for number, (heading, lines) in enumerate(chapters, start=1):
        _prose_page(c, heading, lines)
        c.setFont("Times-Roman", 9)
        c.drawString(WIDTH / 2, 40, str(number))
        c.showPage()
    c.setFont("Times-Bold", 20)
    c.drawString(72, HEIGHT - 90, index_title)
    top, bottom, step = HEIGHT - 130, 80, 12.0
    x, y, letter, column = 72.0, top, "", 0
    for entry in entries:
        first = entry.strip()[0].upper()
        heads = first != letter and first.isalpha() and not entry.startswith(" ")
        if y - (2.2 * step if heads else step) < bottom:
            column += 1
            x, y = (310.0, top) if column % 2 else (72.0, top)
            if not column % 2:
                c.setFont("Times-Roman", 9)
                c.drawString(WIDTH / 2, 40, str(len(chapters) + column // 2))
                c.showPage()
        if heads:
            letter = first
            y -= 0.6 * step
            c.setFont("Times-Bold", 12)
            c.drawString(x, y, letter)
            y -= 1.6 * step
        c.setFont("Times-Roman", 10)
        indent = 10 if entry.startswith(" ") else 0
        term, _, pages = entry.strip().partition(", ")
        if leaders and pages:
            c.drawString(x + indent, y, f"{term} " + ". " * 12)
            c.drawRightString(x + 210, y, pages)
        else:
            c.drawString(x + indent, y, entry.strip())
        y -= step
    c.setFont("Times-Roman", 9)
    c.drawString(WIDTH / 2, 40, str(len(chapters) + column // 2 + 1))
    c.showPage()
    return saved(c, buf, path)


def number_columns_page(path: Path, columns: list[list[int]], *, x0: float = 57.0, pitch: float = 36.0) -> Path:
    """A page of number columns and nothing else: `columns` of numbers, each set top down `pitch` points right of the
    one before, row by row 14 pt apart (a column may be shorter than the first)."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(425, 452))
    c.setFont("Helvetica", 12)
    for k, column in enumerate(columns):
        for row, value in enumerate(column):
            c.drawRightString(x0 + k * pitch + 24, 400 - 14 * row, str(value))
    c.showPage()
    return saved(c, buf, path)

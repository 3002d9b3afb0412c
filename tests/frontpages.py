"""Small made reports for the PDF reader's tests of what comes before the body and how the sections nest: a cover, front
pages drawn by the test, a Contents page, then chapters whose headings may carry bookmarks. Each writes a file with
reportlab; `pdfpages.py` holds the single-page layouts.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as rl_canvas

from pdfpages import bookmarked_pages, saved  # (tests/ is on sys.path)

WIDTH, HEIGHT = A4

TOPICS = ["ministry", "council", "agency", "board", "office", "authority", "service", "department", "trust", "panel"]


def body_lines(topic: str, count: int = 8) -> list[str]:
    """`count` lines of body prose about `topic`, no two alike (a line printed on two pages is a running head)."""
    return [f"Line {j + 1} on the {topic} says what it plans to do over the next ten years and what it has done so far."
            for j in range(count)]


def cover(c: rl_canvas.Canvas, title: str) -> None:
    """A cover page of `c`: the title in 28 pt bold and a month."""
    c.setFont("Helvetica-Bold", 28)
    c.drawString(56, 600, title)
    c.setFont("Helvetica", 10)
    c.drawString(56, 540, "MAY 2021")
    c.showPage()


def contents_page(c: rl_canvas.Canvas, rows: list[tuple[str, int, int]]) -> None:
    """A Contents page of `c`: `rows` (title, page, indent in pt) with dotted leaders."""
    c.setFont("Helvetica-Bold", 20)
    c.drawString(56, 760, "Contents")
    c.setFont("Helvetica", 11)
    for k, (title, page, indent) in enumerate(rows):
        y = 720 - 18 * k
        c.drawString(56 + indent, y, title + " " + ". " * max(3, 40 - len(title) // 2 - indent // 6))
        c.drawRightString(520, y, str(page))
    c.showPage()


def chapter_pages(c: rl_canvas.Canvas, pages: list[list[tuple[str, float, int]]], first_folio: int) -> None:
    """`pages` of `c`, each a list of (text, size, level) lines from the top: level 0 is body text, any other a heading in
    bold, with a bookmark at that outline depth when above 0 (1: the top; below 0: no bookmark). Each page prints its
    folio at its foot, from `first_folio` on."""
    bookmarked_pages(c, pages, first_folio=first_folio, left=56.0, key="c")


def fronted_report(path: Path, title: str, front: list[Callable[[rl_canvas.Canvas], None]], rows: list[tuple[str, int, int]],
                   pages: list[list[tuple[str, float, int]]]) -> Path:
    """A report at `path`: a cover, the `front` pages (each drawn by a callable that ends its page), a Contents page of
    `rows` (none when empty), then `pages` (`chapter_pages`), their folios the physical page numbers."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    cover(c, title)
    for draw in front:
        draw(c)
    if rows:
        contents_page(c, rows)
    chapter_pages(c, pages, 2 + len(front) + (1 if rows else 0))
    return saved(c, buf, path)

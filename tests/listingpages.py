"""Made pages with a code listing set among the text, as a software manual prints its configuration examples (the aprx
manual): for the reader's tests that a listing's bold lines are not read as a table's header. Like `pdfpages`, each
writes one small PDF."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas as rl_canvas

from pdfpages import saved

WIDTH, HEIGHT = A4
LEFT = 57.0  # the text's left edge, points
MEASURE = 480.0
BULLET_INDENT = 18.0  # a bulleted paragraph ("\u2022 ...") stands this far right of the text's edge, as the aprx manual's


def listing_page(path: Path, heading: str, before: list[str], listing: list[list[tuple[float, str]]],
                 after: list[str], *, size: float = 12.0) -> Path:
    """A page: `heading`, the paragraphs `before`, a listing in bold Courier (each line its pieces, (indent, text), set
    at their indents from the text's left edge, as a manual's tab-aligned configuration lines), then the paragraphs
    `after`, all in one size; a paragraph opening with a bullet is indented."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    y = HEIGHT - 80
    c.setFont("Helvetica-Bold", 20)
    c.drawString(LEFT, y, heading)
    y -= 40
    leading = 1.15 * size

    def prose(paragraphs: list[str]) -> None:
        nonlocal y
        c.setFont("Helvetica", size)
        for paragraph in paragraphs:
            indent = BULLET_INDENT if paragraph.startswith("\u2022 ") else 0.0
            for line in simpleSplit(paragraph, "Helvetica", size, MEASURE - indent):
                c.drawString(LEFT + indent, y, line)
                y -= leading
            y -= 0.6 * size

    prose(before)
    y -= size
    c.setFont("Courier-Bold", size)
    for pieces in listing:
        for indent, text in pieces:
            c.drawString(LEFT + indent, y, text)
        y -= 1.1 * size
    y -= 2.5 * size
    prose(after)
    c.showPage()
    return saved(c, buf, path)

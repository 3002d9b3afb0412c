"""Made covers for the reader's title and year tests (`askwef.ingest.pdf.title`, `askwef.ingest.pdf.year`): a cover of
lines set at given sizes and places (its title as artwork leaves only its small lines), bookmarked pages of running
text after it, and the metadata a producer writes (a title, a creation date). Like `pdfpages`, each writes one small
PDF; the creation date is always written, so no test reads the day it runs."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas as rl_canvas

WIDTH, HEIGHT = A4
LEFT, MEASURE, BODY = 72.0, 440.0, 12.0

Cover = list[tuple[str, float, float]]
"""A cover's lines: (text, size, baseline y), set flush left at LEFT in Helvetica-Bold."""


def prose(topic: str, sentences: int = 12) -> list[str]:
    """A paragraph of `sentences` sentences about `topic`, wrapped to lines of body type."""
    text = " ".join(f"The ports publish their {topic} every quarter, and sentence {k + 1} of this part says so again."
                    for k in range(sentences))
    return simpleSplit(text, "Helvetica", BODY, MEASURE)


def covered_report(path: Path, cover: Cover, pages: list[tuple[str, float, list[str]]], *, metadata_title: str = "",
                   created: str = "D:20000101000000") -> Path:
    """A report at `path`: the cover's lines over a drawn panel (the picture a cover's artwork is), then `pages`, each
    (heading, its size, lines of body type) with a top-level bookmark at the heading and its page number at its foot.
    The metadata's title is `metadata_title` ("untitled", reportlab's own, when empty); its creation date `created`."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    c.setFillGray(0.85)
    c.rect(40, 200, WIDTH - 80, 500, fill=1, stroke=0)
    c.setFillGray(0)
    for text, size, y in cover:
        c.setFont("Helvetica-Bold", size)
        c.drawString(LEFT, y, text)
    c.showPage()
    for k, (heading, size, lines) in enumerate(pages):
        key = f"page{k}"
        c.bookmarkHorizontal(key, LEFT, 780 + size)
        c.addOutlineEntry(heading, key, level=0)
        c.setFont("Helvetica-Bold", size)
        c.drawString(LEFT, 780, heading)
        c.setFont("Helvetica", BODY)
        for j, line in enumerate(lines):
            c.drawString(LEFT, 780 - 2 * size - 16 * j, line)
        c.setFont("Helvetica", 9)
        c.drawString(WIDTH / 2, 40, str(k + 2))
        c.showPage()
    return _written(c, buf, path, metadata_title, created)


def drop_cap_page(path: Path, title: list[str], paragraph: list[str], *, cap: float = 36.0) -> Path:
    """A journal article's first page at `path`: its `title` lines in 24 pt, then a paragraph of body type (9.5 pt)
    whose first letter is a drop cap of `cap` points, its first three lines set beside the letter."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 24)
    for k, line in enumerate(title):
        c.drawString(LEFT, 760 - 30 * k, line)
    top = 760 - 30 * len(title) - 40
    c.setFont("Helvetica", cap)
    c.drawString(LEFT, top - 2 * 11.5, paragraph[0][0])
    c.setFont("Helvetica", 9.5)
    for k, line in enumerate(paragraph):
        c.drawString(LEFT + (cap if k < 3 else 0), top - 11.5 * k, line[1:] if k == 0 else line)
    c.showPage()
    return _written(c, buf, path, "", "D:20000101000000")


def _written(c: rl_canvas.Canvas, buf: BytesIO, path: Path, title: str, created: str) -> Path:
    """`c` saved, its metadata's title and creation date set as given, the PDF written at `path`."""
    from pypdf import PdfReader, PdfWriter

    if title:
        c.setTitle(title)
    c.save()
    writer = PdfWriter(clone_from=PdfReader(BytesIO(buf.getvalue())))
    writer.add_metadata({"/CreationDate": created, "/ModDate": created})
    with path.open("wb") as out:
        writer.write(out)
    return path

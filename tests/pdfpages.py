"""Small made pages, one layout each, for the PDF reader's tests: a title and Contents, footnotes at a page's foot,
an outlined manual, columns with narrow gutters, lines set in given fonts. Each draws on a reportlab canvas (or
writes a file) so a test can build exactly the page its case needs; `saved` writes it out. More in `layoutpages.py`,
`wordpages.py`, `typesetpages.py`, `frontpages.py`, `cmappdf.py` and `pdfcmapfont.py`.

The whole report laid out like the white paper is `pdfgen.report_pdf`.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as rl_canvas

WIDTH, HEIGHT = A4


def saved(c: rl_canvas.Canvas, buf: BytesIO, path: Path) -> Path:
    """Save canvas `c` (drawing into `buf`) and write the PDF at `path`; returns `path`."""
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def title_and_contents(c: rl_canvas.Canvas, title: str, rows: list[str]) -> None:
    """Two pages of `c`: a title page, then a Contents page of `rows` ("1 Chapter 1 . . . . 3")."""
    c.setFont("Helvetica-Bold", 20)
    c.drawString(72, 700, title)
    c.showPage()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 780, "Contents")
    c.setFont("Helvetica", 10)
    for k, row in enumerate(rows, start=1):
        c.drawString(72, 750 - 14 * k, row)
    c.showPage()


def bookmarked_pages(c: rl_canvas.Canvas, pages: list[list[tuple[str, float, int]]], *, first_folio: int, left: float = 72.0,
                     key: str = "p") -> None:
    """`pages` of `c`, each a list of (text, size, level) lines from the top: level 0 is body text, any other a heading in
    bold, with a bookmark at that outline depth when above 0 (1: the top); size 0 makes the bookmark only, a negative
    size the bookmark only at the baseline the line would take (`bookmarked_report`). Each page prints its folio at its
    foot, from `first_folio` on."""
    for k, lines in enumerate(pages):
        y = 780.0
        for j, (text, size, level) in enumerate(lines):
            if level > 0:
                c.bookmarkHorizontal(f"{key}{k}l{j}", left, y + (size or 12) if size >= 0 else y)
                c.addOutlineEntry(text, f"{key}{k}l{j}", level=level - 1)
            if size <= 0:
                continue
            c.setFont("Helvetica-Bold" if level else "Helvetica", size)
            c.drawString(left, y, text)
            y -= size * 2 if level else 14
        c.setFont("Helvetica", 9)
        c.drawString(300, 40, str(first_folio + k))
        c.showPage()


def outlined_manual(c: rl_canvas.Canvas, title: str, rows: list[str], pages: list[list[tuple[str, float, int]]]) -> None:
    """A manual as DocBook prints one, on `c`: a title page, a Contents page of `rows` ("Overview . . . 4", set flush:
    its indentation gives no depth), then `pages`, each a list of (text, size, level) lines from the top: level 0 is
    body text, any other a heading in bold, with a bookmark at that outline depth when above 0 (1: the top; -1: a
    heading neither the outline nor the Contents lists, as DocBook's bridgeheads). Each page prints its number at its
    foot, counted from 1 on the title page, so the Contents' numbers are the physical pages'."""
    title_and_contents(c, title, rows)
    bookmarked_pages(c, pages, first_folio=3)



def manual_body(topic: str) -> list[tuple[str, float, int]]:
    """Two lines of a manual's body text about `topic`, as `outlined_manual` takes a page's lines."""
    return [(f"This part of the manual says how the {topic} are entered, reconciled and reported each month.", 10, 0),
            (f"Each account for the {topic} holds the transactions of one year and no more than that.", 10, 0)]


def manual_pdf(path: Path, rows: list[tuple[str, int]], pages: list[list[tuple[str, float, int]]]) -> Path:
    """An outlined manual (`outlined_manual`) whose Contents lists `rows` (title, page) with dotted leaders, at `path`."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    outlined_manual(c, "A Household Finance Manual", [f"{title} . . . . . . . . {page}" for title, page in rows], pages)
    return saved(c, buf, path)


def sentence_texts(doc) -> list[str]:
    """The text of every sentence of `doc`, in reading order."""
    return [s.text[sp.start : sp.end] for s in doc.sections for sp in s.sentences]


def filed_under(doc, words: str) -> str:
    """The path of the section of `doc` holding the sentence that has `words`."""
    return next(s.path for s in doc.sections for sp in s.sentences if words in s.text[sp.start : sp.end])


def footnoted_page(c: rl_canvas.Canvas, heading: str, lines: list[str], note: str, *, size: float, note_size: float,
                   pitch: float = 13.5, wrapped: tuple[str, ...] = ()) -> None:
    """A page of `c`: `heading`, then `lines` in `size` pt, the third carrying a raised marker 1, and at the page's foot
    the footnote `note` in `note_size` pt, its `wrapped` lines under it."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, heading)
    for j, text in enumerate(lines):
        line = c.beginText(72, 750 - pitch * j)
        line.setFont("Helvetica", size)
        line.textOut(text)
        if j == 2:
            line.setFont("Helvetica", 7)
            line.setRise(4)
            line.textOut("1")
        c.drawText(line)
    c.setFont("Helvetica", note_size)
    top = 77 + (note_size + 2) * len(wrapped)
    for k, text in enumerate((note, *wrapped)):
        c.drawString(72, top - (note_size + 2) * k, text)
    c.showPage()


def numbers_drawn_last_page(c: rl_canvas.Canvas, heading: str, lines: list[str], note: str, *, size: float = 12,
                            note_size: float = 11, pitch: float = 13.5) -> None:
    """A page of `c` drawn the way WordPerfect (through PDFWriter) draws one: a line's words first, its raised numbers
    after. `heading`, then `lines` in `size` pt, the third's first word (in italics) carrying marker 1, drawn once the
    line is written; at the page's foot the footnote `note` in `note_size` pt, its number 1 drawn after the note's text, left
    of it, raised onto a baseline of its own (the DMCA summary: 7.2 pt numbers 4.6 pt above the line)."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, heading)
    number_size, rise = 7.2, 4.6
    for j, text in enumerate(lines):
        y = 750 - pitch * j
        c.setFont("Helvetica", size)
        if j != 2:
            c.drawString(72, y, text)
            continue
        first, rest = text.split(" ", 1)
        # one text object: the first word in italics (a run of its own, as the DMCA summary's "copying"), the rest,
        # then back to the first word's end for its number
        line = c.beginText(72, y)
        line.setFont("Helvetica-Oblique", size)
        line.textOut(first)
        line.setFont("Helvetica", size)
        line.textOut(f" {rest}")
        line.setTextOrigin(72 + c.stringWidth(first, "Helvetica-Oblique", size), y + rise)
        line.setFont("Helvetica", number_size)
        line.textOut("1")
        c.drawText(line)
    number = c.stringWidth("1", "Helvetica", number_size)
    c.setFont("Helvetica", note_size)
    c.drawString(72 + number, 77, note)
    c.setFont("Helvetica", number_size)
    c.drawString(72, 77 + rise, "1")
    c.showPage()


def note_callout_page(c: rl_canvas.Canvas, heading: str, lines: list[str], callout: str, steps: list[str], *,
                      size: float = 10) -> None:
    """A page of a manual (GnuCash's guide, DocBook through FOP): `heading`, `lines` of prose in `size` pt, a "Note"
    call-out (its title in 14 pt bold, then `callout`, indented), and numbered `steps` ("1. Open the file.") in the
    body's type at the page's foot."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, heading)
    c.setFont("Helvetica", size)
    y = 750.0
    for text in lines:
        c.drawString(72, y, text)
        y -= 12
    y -= 14
    c.setFont("Helvetica-Bold", 14)
    c.drawString(90, y, "Note")
    y -= 24
    c.setFont("Helvetica", size)
    c.drawString(90, y, callout)
    y = 72 + 24 * (len(steps) - 1)
    for step in steps:
        c.drawString(72, y, step)
        y -= 24
    c.showPage()


COLUMN_TOPICS = ["the water board", "the rail agency", "the health service", "the tax office"]


def column_text(column: int, sentences: int = 9) -> str:
    """A column's text: sentences that name their column, so a test can tell which column a sentence came from."""
    topic = COLUMN_TOPICS[column % len(COLUMN_TOPICS)]
    return " ".join(f"In column {column + 1}, sentence {k + 1} says that {topic} will publish its plan for the "
                    f"year ahead and report on the work it has done so far." for k in range(sentences))


def columns_page(path: Path, columns: int, gutter: float, *, size: float = 9.5, one_tj: bool = False) -> Path:
    """A page under a title set across it: `columns` columns of justified text `gutter` points apart, drawn a baseline
    at a time across the page, as the IRS's instructions are (each column's line in turn; `one_tj`: the baseline's
    lines of all the columns as one TJ string, the columns apart by its adjustments)."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    left, right = 42.0, WIDTH - 42.0
    width = (right - left - (columns - 1) * gutter) / columns
    wrapped = [simpleSplit(column_text(k), "Helvetica", size, width) for k in range(columns)]
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(left, HEIGHT - 80, "Plans of the public bodies for the year ahead")
    for j in range(max(len(w) for w in wrapped)):
        y = HEIGHT - 120 - 1.2 * size * j
        first = min(k for k, lines in enumerate(wrapped) if j < len(lines))  # (the first column with a line here)
        text = c.beginText(left + first * (width + gutter), y)
        text.setFont("Helvetica", size)
        parts: list[str] = []
        parts_end = left + first * (width + gutter)  # where the TJ's last string ends
        for k, lines in enumerate(wrapped):
            if j >= len(lines):
                continue
            line = lines[j]
            last = j == len(lines) - 1
            # justified: the word spaces stretched to the column's width (the last line set ragged)
            spaces = line.count(" ")
            stretch = 0.0 if last or not spaces else (width - stringWidth(line, "Helvetica", size)) / spaces
            x = left + k * (width + gutter)
            if one_tj:
                # each word its own string, the stretched spaces and the jump to the next column as adjustments
                words = line.split(" ")
                at = sum(stringWidth(w, "Helvetica", size) for w in words) + (len(words) - 1) * (stringWidth(" ", "Helvetica", size) + stretch)
                if x > parts_end:
                    parts.append(f"{-1000 * (x - parts_end) / size:.1f}")
                for n, word in enumerate(words):
                    if n:
                        parts.append(f"{-1000 * stretch / size:.1f}")
                    parts.append("(" + (" " if n else "") + word.replace("(", "\\(").replace(")", "\\)") + ")")
                parts_end = x + at
            else:
                text.setTextOrigin(x, y)
                text.setWordSpace(stretch)
                text.textOut(line)
        if one_tj and parts:
            text._code.append("[" + " ".join(parts) + "] TJ")  # (reportlab's text object writes no TJ arrays)
        c.drawText(text)
    c.showPage()
    return saved(c, buf, path)
def set_lines(c: rl_canvas.Canvas, rows: list[tuple], top: float = 780, *, end_page: bool = True) -> None:
    """A page of `c`: `rows` set top-down, each (text, size, bold, gap before in pt) or (text, size, bold, gap, x, font):
    a manual's page in the type each line is set in (a caption a point under the body, a chart's labels, an icon).
    With `end_page` false the page stays open for more."""
    y = top
    for row in rows:
        text, size, bold, gap = row[:4]
        x = row[4] if len(row) > 4 else 72
        font = row[5] if len(row) > 5 else ("Helvetica-Bold" if bold else "Helvetica")
        y -= gap
        c.setFont(font, size)
        c.drawString(x, y, text)
    if end_page:
        c.showPage()


def headed_book(c: rl_canvas.Canvas, chapters: list[tuple[str, list[list[str]]]], *, slug: str = "", above: str = "") -> None:
    """A manual as DocBook prints one (the GnuCash guide): each chapter of `chapters` (title, pages of body lines) opens
    on a page of its own under "Chapter N. Title" in 24 pt bold; its other pages carry the chapter's title as their
    running head, centred at the top in the body's 10 pt type, with no page number; every page prints its folio at its
    foot. `slug`: a proof slug printed on every page 16% down, under a running head "Page N" (the IRS instructions'),
    and `above`: a line printed over it on the first page ('Userid: ...')."""
    folio = 1
    for number, (title, pages) in enumerate(chapters, start=1):
        for k, lines in enumerate(pages):
            if slug:
                c.setFont("Helvetica", 9)
                c.drawString(72, HEIGHT - 0.16 * HEIGHT, slug)
                c.setFont("Helvetica", 12)
                c.drawString(72, HEIGHT - 0.12 * HEIGHT, f"Page {folio} Instructions for the form")
                if above and folio == 1:
                    c.setFont("Helvetica", 9)
                    c.drawString(72, HEIGHT - 0.06 * HEIGHT, above)
            y = HEIGHT - (0.2 * HEIGHT if slug else 110)
            if k == 0:
                c.setFont("Helvetica-Bold", 24)
                c.drawString(72, y, f"Chapter {number}. {title}")
                y -= 40
            elif not slug:
                c.setFont("Helvetica", 10)
                c.drawCentredString(WIDTH / 2, HEIGHT - 60, title)
            c.setFont("Helvetica", 10)
            for text in lines:
                c.drawString(72, y, text)
                y -= 12
            c.drawCentredString(WIDTH / 2, 40, str(folio))
            folio += 1
            c.showPage()
def ruled_grid(c: rl_canvas.Canvas, top: float, widths: list[float], header: list[str], rows: list[list[str]], *,
               shaded: bool = True, bold: bool = False, spanning: str = "", size: float = 10, height: float = 17.2) -> float:
    """A table `c` draws as a grid of rules, with no "Table N" label (a manual's revision history): a rule under every
    row and between every two columns, the header row shaded pale grey when `shaded`, bold when `bold`. With `spanning`,
    a header cell over every column but the first, in a row of its own whose rules between those columns stop under it
    (gpredict's 'Available in' over 'List View', 'Map View', ...), the first header cell set across both header rows.
    Returns the y under the table."""
    x0 = 57.0
    edges = [x0]
    for w in widths:
        edges.append(edges[-1] + w)
    head = (2 if spanning else 1) * height
    bottom = top - head - height * len(rows)
    if shaded:
        c.setFillGray(0.9)
        c.rect(x0, top - head, edges[-1] - x0, head, stroke=0, fill=1)
        c.setFillGray(0)
    c.setLineWidth(0.5)
    c.line(x0, top, edges[-1], top)
    if spanning:
        c.line(edges[1], top - height, edges[-1], top - height)
    for k in range(len(rows) + 1):
        c.line(x0, top - head - k * height, edges[-1], top - head - k * height)
    for k, x in enumerate(edges):
        c.line(x, bottom, x, top if k in (0, 1, len(edges) - 1) or not spanning else top - height)
    font = "Helvetica-Bold" if bold else "Helvetica"
    if spanning:
        c.setFont(font, size)
        c.drawCentredString((edges[1] + edges[-1]) / 2, top - height + 5, spanning)
    for k, text in enumerate(header):
        c.setFont(font, size)
        # (under a spanning cell, the first column's header cell is set halfway down the two header rows, as gpredict's)
        c.drawString(edges[k] + 5, top - head + 5 + (0.5 * height if spanning and k == 0 else 0), text)
    c.setFont("Helvetica", size)
    for r, cells in enumerate(rows):
        for k, text in enumerate(cells):
            c.drawString(edges[k] + 5, top - head - (r + 1) * height + 5, text)
    return bottom


# --- broken PDFs -------------------------------------------------------------------------------


def side_title_notes(c: rl_canvas.Canvas, chapter: str, body: list[tuple[str, int]], groups: list[tuple[str, list[str]]],
                     *, title_drop: float = 18.0) -> None:
    """Two landscape pages of `c` as an InDesign report sets them (Amazon's 2022 sustainability report): a page of
    chapter `chapter`, its `body` lines in 9 pt, each (text, marker) with a raised 5.4 pt marker glued after the text
    when marker > 0; then an "Endnotes" page: the title in 38 pt in the left side column, and its notes in 6 pt, in
    three columns right of it, each group of `groups` (label, notes) opening a column under its 14 pt label, a
    column taking up to eight notes. `title_drop`: how far below the first label's baseline the title's stands (18: a little under the
    first note's, so that it is read after it)."""
    c.setPageSize((1088, 612))
    c.setFont("Helvetica-Bold", 24)
    c.drawString(34, 540, chapter)
    for j, (text, marker) in enumerate(body):
        line = c.beginText(293, 540 - 13 * j)
        line.setFont("Helvetica", 9)
        line.textOut(text)
        if marker:
            line.setFont("Helvetica", 5.4)
            line.setRise(3)
            line.textOut(str(marker))
            line.setRise(0)
        c.drawText(line)
    c.showPage()
    c.setPageSize((1088, 612))
    columns, x, count, number = [293, 551, 810], -1, 8, 1
    for label, notes in groups:
        x, y, count = x + 1 if count else x, 517.0, 0  # a group opens a column
        c.setFont("Helvetica", 14)
        c.drawString(columns[x], y, label)
        y -= 16.3
        for note in notes:
            if count == 8:
                x, y, count = x + 1, 517.0 - 16.3, 0
            c.setFont("Helvetica", 6)
            c.drawString(columns[x], y, f"{number} {note}")
            y, count, number = y - 11, count + 1, number + 1
    c.setFont("Helvetica", 38)
    c.drawString(34, 517.0 - title_drop, "Endnotes")
    c.showPage()
def bookmarked_report(c: rl_canvas.Canvas, title: str, pages: list[list[tuple[str, float, int]]]) -> None:
    """A report with an outline and no Contents page, as a design tool exports one, on `c`: a title page, then `pages`,
    each a list of (text, size, level) lines from the top: level 0 is body text, any other a heading in bold with an
    unnumbered bookmark at that outline depth (1: the top); size 0 makes the bookmark only, its title not printed (a
    chapter opener whose title is a picture); a negative size makes the bookmark only, pointing at the baseline the line
    would take (as a layout engine leaves a heading's bookmark under the page's last line when it moves the heading to
    the next page); a negative level prints a heading in bold with no bookmark (that moved heading)."""
    c.setFont("Helvetica-Bold", 20)
    c.drawString(72, 700, title)
    c.showPage()
    bookmarked_pages(c, pages, first_folio=2)

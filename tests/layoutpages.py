"""More small made pages for the PDF reader's tests (beside `pdfpages.py`, whose helpers they use): units' small
digits, Word's bookmarks on body paragraphs, a guideline whose headings add notes to their Contents titles, two
columns beside a narrow side column."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as rl_canvas

from pdfpages import column_text, saved, set_lines


def small_digits_page(c: rl_canvas.Canvas, heading: str, rows: list[list[tuple[str, float]]], notes: list[str]) -> None:
    """A page of `c`: `heading`, then `rows` in 10 pt, each row's pieces (text, shift): a shifted piece set in 7 pt that
    many points above the line (below it when negative), by a text rise (Ts) when `text` starts with '^', else by a
    text matrix of its own (Tm, as InDesign sets Amazon's 'CO' '2' 'e'); `notes` at the page's foot in 8 pt."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, heading)
    for j, pieces in enumerate(rows):
        y, x = 750 - 14 * j, 72.0
        line = c.beginText(x, y)
        for text, shift in pieces:
            size = 7 if shift else 10
            line.setFont("Helvetica", size)
            line.setRise(shift if text.startswith("^") else 0)
            line.setTextOrigin(x, y if text.startswith("^") else y + shift)
            line.textOut(text.lstrip("^"))
            x += c.stringWidth(text.lstrip("^"), "Helvetica", size)
        c.drawText(line)
    set_lines(c, [(note, 8, False, 10) for note in notes], top=100)


def styled_bookmarks(c: rl_canvas.Canvas, title: str, blocks: list[tuple[list[str], float, bool, bool]]) -> None:
    """A page as Word's "create bookmarks from styles" exports one, on `c`: the title, then `blocks` from the top, each
    (lines, size, bold, bookmarked); a bookmarked block's bookmark carries its lines joined, paragraph or heading."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, title)
    y = 740.0
    for k, (lines, size, bold, bookmarked) in enumerate(blocks):
        if bookmarked:
            c.bookmarkHorizontal(f"b{k}", 72, y + size)
            c.addOutlineEntry(" ".join(lines), f"b{k}", level=0)
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        for line in lines:
            c.drawString(72, y, line)
            y -= size * 1.2
        y -= size
    c.showPage()


def guideline_prose(topic: str, document: str = "guidance", done: str = "planned, checked and reported each year") -> tuple:
    """A line of body text about `topic` ("This part of the `document` says how the `topic` are `done`."), as
    `guideline_pdf` takes a page's lines."""
    return (f"This part of the {document} says how the {topic} are {done}.", 10, False, 24)


def guideline_pdf(path: Path, contents: list[list], pages: list[list[tuple]]) -> Path:
    """A guideline as an InDesign report prints one (the WHO HCV guideline), at `path`: a title page, a Contents over
    the pages of `contents` (rows as printed: "2.1 Roles . . . . 4", or a title wrapped onto the next row; or a line as
    `set_lines` takes it, a page's foot), then `pages`, each a list of lines from the top, (text, size, bold, gap
    before) as `set_lines` takes them, or a heading with a note after its title on its baseline in other type, ((title,
    size), (note, note size), gap before): the title in bold, the note in the body's regular type. No folios: the
    Contents' numbers are the physical pages'."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(72, 700, "Updated Guidance on Household Water Supply")
    c.showPage()
    for k, rows in enumerate(contents):
        set_lines(c, ([("Contents", 20, True, 0)] if k == 0 else []) + [(row, 10, False, 16) if isinstance(row, str) else row
                                                                        for row in rows])
    for lines in pages:
        y = 780.0
        for row in lines:
            y -= row[-1]
            if isinstance(row[0], tuple):
                (title, size), (note, note_size), _ = row
                text = c.beginText(72, y)
                text.setFont("Helvetica-Bold", size)
                text.textOut(f"{title} ")
                text.setFont("Helvetica", note_size)
                text.textOut(note)
                c.drawText(text)
                continue
            c.setFont("Helvetica-Bold" if row[2] else "Helvetica", row[1])
            c.drawString(72, y, row[0])
        c.showPage()
    return saved(c, buf, path)


def side_column_page(path: Path, side: list[str], *, leading: float = 11.0) -> Path:
    """An A4 page of two columns of text (172-362 and 378-553 pt) beside a narrow column of `side`'s short lines in
    smaller type (45-140 pt, on baselines of their own), as a journal sets its authors' affiliations."""
    from reportlab.lib.utils import simpleSplit

    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    for k, (x, w) in enumerate([(172.0, 190.0), (378.0, 175.0)]):
        c.setFont("Helvetica", 9)
        for j, line in enumerate(simpleSplit(column_text(k, 5), "Helvetica", 9, w)):
            c.drawString(x, 760 - leading * j, line)
    c.setFont("Helvetica", 7.5)
    for j, line in enumerate(side):
        c.drawString(45, 704.3 - 9 * j, line)
    c.showPage()
    return saved(c, buf, path)


def _headed_a4(title: str, sentence: str) -> tuple[BytesIO, rl_canvas.Canvas]:
    """An A4 canvas opened with `title` in bold 14 pt and `sentence` in 10 pt under it (the made table pages' opening)."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 780, title)
    c.setFont("Helvetica", 10)
    c.drawString(72, 755, sentence)
    return buf, c


def values_and_chart_page(path: Path, rows: list[tuple[str, str]], bars: list[tuple[str, int]]) -> Path:
    """An A4 page: a heading and a sentence, an unruled table of `rows` (a label in bold 8 pt at 72 pt, its value on
    the label's baseline at 260 pt, 11 pt apart, nothing drawn), then under it a bar chart of `bars` (category, value):
    dark bars on an axis, its ticks '0' to '200' in a run left of it, each bar's value over it, its category under."""
    buf, c = _headed_a4("Release thresholds by pollutant",
                        "A facility reports its releases of a pollutant once they pass the threshold in the table below.")
    for j, (label, value) in enumerate(rows):
        y = 720 - 11 * j
        c.setFont("Helvetica-Bold", 8)
        c.drawString(72, y, label)
        c.setFont("Helvetica", 8)
        c.drawString(260, y, value)
    base, left = 420.0, 110.0
    c.setFont("Helvetica", 7)
    for k, tick in enumerate(range(0, 250, 50)):
        c.drawRightString(left - 6, base + 0.6 * tick - 2, str(tick))
    c.setFillGray(0.2)
    for k, (name, value) in enumerate(bars):
        x = left + 20 + 60 * k
        c.rect(x, base, 30, 0.6 * value, stroke=0, fill=1)
        c.drawCentredString(x + 15, base + 0.6 * value + 4, str(value))
        c.drawCentredString(x + 15, base - 10, name)
    c.showPage()
    return saved(c, buf, path)


def table_beside_prose_page(path: Path, prose: list[list[str]], rows: list[tuple[str, str, str]]) -> Path:
    """A landscape A4 page as Amazon's 2022 report sets its supplier findings (p44): `prose` in columns of short lines
    (9 pt, 13 pt apart, at 40 and 300 pt, each a paragraph wrapped by hand), and in a third column at 560 pt a table's
    title and `rows` (label, value, value) on baselines 15.5 pt apart, its values at 720 and 780 pt, nothing drawn; a
    dark bar chart under the table (the chart-text rules take a page's lone numbers for its ticks)."""
    from reportlab.lib.pagesizes import landscape

    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=landscape(A4))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, 540, "Supplier assessment and performance")
    c.setFont("Helvetica", 9)
    for k, lines in enumerate(prose):
        for j, line in enumerate(lines):
            c.drawString(40 + 260 * k, 500 - 13 * j, line)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(560, 520, "Findings by subcategory (% of all findings)")
    c.setFont("Helvetica", 9)
    c.drawString(560, 505, "The findings of the assessments made each year.")
    for j, (label, first, second) in enumerate(rows):
        y = 480 - 15.5 * j
        c.drawString(560, y, label)
        c.drawString(720, y, first)
        c.drawString(780, y, second)
    base = 480 - 15.5 * len(rows) - 120
    c.setFont("Helvetica", 7)
    for tick in range(0, 100, 25):
        c.drawRightString(584, base + tick - 2, str(tick))
    c.setFillGray(0.2)
    for k, value in enumerate((72, 40, 18)):
        c.rect(600 + 50 * k, base, 30, value, stroke=0, fill=1)
        c.drawCentredString(615 + 50 * k, base - 10, f"{2020 + k}")
    c.showPage()
    return saved(c, buf, path)


def boxed_flowchart_page(path: Path, steps: list[str], doses: list[str]) -> Path:
    """An A4 page: a heading and a sentence, then a flowchart as NCCN's thyroid guideline draws one (PAP-4): `steps`
    in a stroked box 130 pt tall at 72 pt, 12 pt apart, and beside it a box 70 pt tall at 250 pt holding `doses`, each
    level with a step (a number and its unit), the two joined by a connector; a second pair of boxes under them the
    same, a dark arrow drawn down to it."""
    buf, c = _headed_a4("Treatment after surgery",
                        "The steps below follow the first scan; each dose is given as the box beside the step says.")
    c.setLineWidth(0.8)
    for top in (720.0, 540.0):
        c.rect(66, top - 130, 150, 136, stroke=1, fill=0)
        c.rect(244, top - 60, 90, 70, stroke=1, fill=0)
        c.line(216, top - 30, 244, top - 30)
        c.setFont("Helvetica", 8)
        for j, step in enumerate(steps):
            c.drawString(72, top - 12 * j, step)
        for j, dose in enumerate(doses):
            c.drawString(250, top - 12 * j, dose)
    c.setFillGray(0.2)
    path_ = c.beginPath()
    path_.moveTo(131, 575)
    path_.lineTo(151, 575)
    path_.lineTo(141, 555)
    path_.close()
    c.drawPath(path_, stroke=0, fill=1)
    c.showPage()
    return saved(c, buf, path)


def two_column_contents_page(path: Path, title: str, entries: list[tuple[str, str, int]]) -> Path:
    """A US-letter page as REVTeX's auguide sets its Contents (p1): `title` centred, a dark square drawn under it (a
    mark the chart-text rules read a page's lone numbers by), 'CONTENTS', then `entries` (number, title, page) in two
    columns of 10 pt lines 12 pt apart, each entry's number at the column's edge, its title 26 pt in, its page number
    set apart at the column's right edge."""
    from reportlab.lib.pagesizes import letter

    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=letter)
    c.setFont("Helvetica-Bold", 12)
    c.drawCentredString(306, 730, title)
    c.setFillGray(0.2)
    c.rect(296, 690, 20, 20, stroke=0, fill=1)
    c.setFillGray(0)
    c.setFont("Helvetica", 9)
    c.drawCentredString(170, 650, "CONTENTS")
    half = (len(entries) + 1) // 2
    c.setFont("Helvetica", 10)
    for k, (number, name, page) in enumerate(entries):
        left, y = (60.0, 625 - 12 * k) if k < half else (320.0, 625 - 12 * (k - half))
        c.drawString(left, y, number)
        c.drawString(left + 26, y, name)
        c.drawRightString(left + 232, y, str(page))
    c.showPage()
    return saved(c, buf, path)

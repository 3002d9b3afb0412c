"""A table of figures drawn as a grid of rules, with no "Table N" label, as Word exports one (the FDA's funding
table): a bold header of words, one cell wrapped over two lines by a move inside its text object, bands across the
table ('Budget Authority') with no rule between columns, bold rows of figures, and regular cells whose closing space
Word widens by its word spacing (Tw 9.7). Every figure is indexed, in a row led by its label and its column's name."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import saved, sentence_texts as _sentences  # (tests/ is on sys.path)

EDGES = [106.0, 221.0, 282.0, 349.0, 421.0, 506.0]
ROWS = [("Human Drugs", ["$62,567,000", "$64,600,000", "$70,161,000", "$5,561,000"], True),
        ("Center", ["$55,437,000", "$58,000,000", "$63,561,000", "$5,561,000"], False),
        ("Field", ["$7,130,000", "$6,600,000", "$6,600,000", "-"], False)]


def _cell(c, x: float, y: float, lines: list[str], *, bold: bool, spacing: float = 0.0) -> None:
    text = c.beginText(x, y)
    text.setFont("Times-Bold" if bold else "Times-Roman", 10)
    text.setWordSpace(spacing)
    for k, line in enumerate(lines):
        if k:
            text.moveCursor(1.8, 11.5)  # the next line of the cell, by a Td inside the one text object
        text.textOut(line + " ")
    c.drawText(text)


def _table(tmp_path: Path):
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Times-Roman", 12)
    for k, line in enumerate(["The following table identifies the funding history for the review program and the",
                              "levels for the next year, including the increased budget authority and user fees:"]):
        c.drawString(90, 420 - 14 * k, line)
    c.setFont("Times-Bold", 12)
    c.drawString(164, 382, "Funding History for the Review Program")
    c.setLineWidth(0.5)
    rules = [368.0, 321.0, 309.0, 297.0, 285.0, 273.0]
    for y in rules:
        c.line(EDGES[0], y, EDGES[-1], y)
    for x in EDGES:  # (no rule between columns through the band 'Budget Authority')
        c.line(x, 321, x, 368)
        c.line(x, 273, x, 309)
    c.line(EDGES[0], 309, EDGES[0], 321)
    c.line(EDGES[-1], 309, EDGES[-1], 321)
    # (each header cell centred down its cell, as Word sets them: cells of one, two and three lines on other baselines)
    _cell(c, 145, 341, ["Program"], bold=True)
    _cell(c, 234, 347, ["FY 2006", "Actuals"], bold=True)
    _cell(c, 296, 353, ["FY 2007", "President", "Budget"], bold=True)
    _cell(c, 360, 347, ["FY 2008", "Total"], bold=True)
    _cell(c, 430, 353, ["Change", "from 2007", "Budget"], bold=True)
    _cell(c, 268, 311, ["Budget Authority"], bold=True)
    for k, (label, figures, bold) in enumerate(ROWS):
        y = 299 - 12 * k
        _cell(c, 112, y, [label], bold=bold, spacing=0.0 if bold else 9.7)
        for x, figure in zip(EDGES[1:], figures):
            _cell(c, x + 6, y, [figure], bold=bold, spacing=0.0 if bold else 9.7)
    c.setFont("Times-Roman", 12)
    c.drawString(90, 240, "Generic drugs have the same quality, strength, purity and stability as brand-name drugs.")
    c.showPage()
    return ingest_file(saved(c, buf, tmp_path / "funding.pdf"))


def test_every_figure_of_the_table_is_indexed(tmp_path):
    said = " ".join(_sentences(_table(tmp_path)))
    for _, figures, _ in ROWS:
        for figure in figures[:3]:
            assert figure in said


def test_each_row_is_led_by_its_label_and_each_figure_by_its_column(tmp_path):
    rows = [t for t in _sentences(_table(tmp_path)) if "Human Drugs" in t or "Center" in t or "Field" in t]
    assert len(rows) == 3
    human = next(t for t in rows if "Human Drugs" in t)
    assert "FY 2006 Actuals: $62,567,000" in human
    assert "FY 2008 Total: $70,161,000" in human
    assert "Change from 2007 Budget: $5,561,000" in human
    assert "FY 2007 President Budget: $6,600,000" in next(t for t in rows if "Field" in t)

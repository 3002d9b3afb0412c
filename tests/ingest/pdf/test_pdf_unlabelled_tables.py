"""Ruled tables with no "Table N" label over them, found by their rules alone (`ruled.drawn_frames`): a manual's
revision history under its title, a table of check marks captioned under its last row. Each row is one statement, its
cells under their columns' names; a cell of a mark alone is no sentence. Rules around rows with no header set apart,
or column rules through fewer than three rows, are read as text, as before."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from askwef.ingest.pdf.layout import Line
from askwef.ingest.pdf.ruled import frames
from askwef.ingest.pdf.runs import Shape
from pdfpages import ruled_grid, saved  # (tests/ is on sys.path)

HISTORY = [["7 Dec 2017", "2.0", "Updated for Gpredict 2.0 (work in progress)"], ["13 Nov 2011", "1.4", "Updated for Gpredict 1.4"],
           ["1 Mar 2011", "1.3", "Updated for Gpredict 1.3"], ["24 May 2009", "1.0", "First official issue released with Gpredict 1.0"]]

PROSE = ("This manual describes how to track satellites with the program, how to set up its modules and views, and how "
         "to control a radio and an antenna rotator while a satellite passes over the ground station.")


def _sentences(path: Path) -> list[tuple[str, str]]:
    doc = ingest_file(path)
    return [(s.blocks[sp.block].kind, s.text[sp.start:sp.end]) for s in doc.sections for sp in s.sentences]


def _history_pdf(path: Path, *, shaded: bool) -> Path:
    buf = BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(57, 780, "Satellite Tracking User Manual")
    c.setFont("Helvetica", 11)
    c.drawString(57, 740, PROSE[:90])
    c.drawString(57, 727, PROSE[90:])
    c.setFont("Helvetica", 12)
    c.drawString(57, 690, "Revision History")
    y = ruled_grid(c, 680, [82, 52, 348], ["Date", "Issue", "Notes"], HISTORY, shaded=shaded)
    c.setFont("Helvetica", 11)
    c.drawString(57, y - 30, "The program is free software; you can redistribute it under the terms of the licence.")
    c.showPage()
    return saved(c, buf, path)


def test_a_revision_history_under_rules_reads_one_row_a_sentence(tmp_path):
    said = _sentences(_history_pdf(tmp_path / "history.pdf", shaded=True))
    rows = [text for kind, text in said if kind == "row"]
    assert rows == ["Date: 7 Dec 2017 | Issue: 2.0 | Notes: Updated for Gpredict 2.0 (work in progress)",
                    "Date: 13 Nov 2011 | Issue: 1.4 | Notes: Updated for Gpredict 1.4",
                    "Date: 1 Mar 2011 | Issue: 1.3 | Notes: Updated for Gpredict 1.3",
                    "Date: 24 May 2009 | Issue: 1.0 | Notes: First official issue released with Gpredict 1.0"]
    texts = [text for _, text in said]
    assert "2.0" not in texts and "Date" not in texts  # no cell, no header cell a sentence of its own
    assert not any("1.4 13 Nov" in t or "1.0 24 May" in t for t in texts)  # no row glued to the next


def test_rules_around_rows_under_a_header_set_like_them_are_not_read_by_their_rules(tmp_path):
    # (no header told apart: no cell under its column's name; its rows are read by their text, `valuerows.py`, each
    # date with its issue number, which the chart-text rules had dropped)
    said = _sentences(_history_pdf(tmp_path / "plain.pdf", shaded=False))
    texts = [text for _, text in said]
    assert not any("Date: " in t or "Issue: " in t for t in texts)
    assert "7 Dec 2017 | 2.0 | Updated for Gpredict 2.0 (work in progress)" in texts


def test_check_marks_are_part_of_their_row_under_a_header_over_several_columns(tmp_path):
    buf = BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(57, 780, "4.1 Data Fields")
    c.setFont("Helvetica", 11)
    c.drawString(57, 750, "The table below lists the data fields the program can calculate and the views that show them.")
    rows = [["Azimuth [°]", "×", "", "×"], ["Elevation [°]", "×", "×", "×"], ["Ground Track", "", "×", ""],
            ["Footprint [km]", "×", "×", "×"]]
    y = ruled_grid(c, 720, [190, 60, 60, 70], ["Data Field", "List View", "Map View", "Polar View"], rows,
                   bold=True, spanning="Available in")
    c.setFont("Helvetica", 11)
    c.drawString(57, y - 20, "Table 4.1: Data field availability in the different views.")
    c.showPage()
    said = _sentences(saved(c, buf, tmp_path / "marks.pdf"))
    rows_read = [text for kind, text in said if kind == "row"]
    assert rows_read[0] == "Data Field: Azimuth [°] | Available in List View: × | Available in Polar View: ×"
    assert rows_read[2] == "Data Field: Ground Track | Available in Map View: ×"
    assert len(rows_read) == 4 and "×" not in [text for _, text in said]


def _line(text: str, x0: float, y: float) -> Line:
    return Line(0, x0, x0 + 5 * len(text), y, 10.0, False, text)


def _grid(through: int) -> list[Shape]:
    """Rules across a three-column frame of a shaded header and four rows; the rules between its columns through the first
    `through` rows only."""
    ys = [700 - 20 * k for k in range(6)]
    shapes = [Shape(57, y, 540, y, "stroke") for y in ys]
    shapes += [Shape(x, 600, x, 700, "stroke") for x in (57, 540)]
    shapes += [Shape(x, ys[through], x, 700, "stroke") for x in (200, 350)]
    shapes += [Shape(57, 680, 540, 700, "fill", True)]  # the header shaded
    return shapes


def _cells() -> list[Line]:
    lines = [_line(t, x, 686) for t, x in (("Outcome", 62), ("Activity", 205), ("Deadline", 355))]
    for k in range(1, 5):
        lines += [_line(f"Item {k}", 62, 686 - 20 * k), _line(f"Step {k}", 205, 686 - 20 * k), _line(f"2024-0{k}", 355, 686 - 20 * k)]
    return lines


def test_a_frame_needs_its_column_rules_through_three_rows():
    assert [f.drawn for _, f in frames(_cells(), _grid(5), 10.0)] == [True]
    # (a template's column rules through its header and one row, over rows of instructions: no grid)
    assert frames(_cells(), _grid(2), 10.0) == []


def test_a_ruled_table_under_a_figure_caption_ends_the_figure(tmp_path):
    """A table of a chart's properties set right under the chart's caption is the table's rows, not the figure's labels
    (reportlab's line chart properties, p115)."""
    buf = BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(57, 780, "11.7 Line Charts")
    c.setFont("Helvetica", 11)
    c.drawString(57, 750, "Figure 3: A line chart with two lines")
    rows = [["data", "Data to be plotted, list of (lists of) numbers."], ["strokeColor", "Defaults to None."],
            ["fillColor", "Defaults to None."], ["lines.strokeWidth", "Width of the line."]]
    ruled_grid(c, 720, [150, 330], ["Property", "Meaning"], rows, bold=True)
    c.showPage()
    said = _sentences(saved(c, buf, tmp_path / "chart.pdf"))
    # (a cell of nine words: each cell a statement of its own, led by its row's label)
    assert ("row", "Data to be plotted, list of (lists of) numbers.") in said and ("row", "Width of the line.") in said
    assert not any(kind == "caption" for kind, text in said if text != "Figure 3: A line chart with two lines")

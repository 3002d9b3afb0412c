"""Pages of two or three columns a narrow gutter apart, drawn a baseline at a time across the page (the IRS's
instructions for Form 1040-NR: three columns 18 pt apart in 9.5 pt type, each baseline of the three one TJ string):
each column is read on its own, top to bottom, then the next, and no line runs on into the next column."""

from __future__ import annotations

import re

import pytest

from askwef.ingest import ingest_file
from pdfpages import column_text, columns_page, sentence_texts  # (tests/ is on sys.path)


def _sentences(path) -> list[str]:
    doc = ingest_file(path)
    return sentence_texts(doc)


def _expected(columns: int) -> list[str]:
    return [s for k in range(columns) for s in re.findall(r"[^.]+\.", column_text(k)) for s in [s.strip()]]


@pytest.mark.parametrize(("columns", "gutter", "size", "one_tj"), [
    (3, 18.0, 9.5, True),    # the IRS's pages: a TJ for each baseline, the columns apart by its adjustments
    (3, 18.0, 9.5, False),   # the same, each column's line its own string
    (2, 13.5, 9.0, False),   # a white paper's two columns 1.5 em apart
    (2, 13.5, 9.0, True),
])
def test_columns_a_narrow_gutter_apart_are_read_one_after_the_other(tmp_path, columns, gutter, size, one_tj):
    sentences = _sentences(columns_page(tmp_path / "columns.pdf", columns, gutter, size=size, one_tj=one_tj))
    body = [s for s in sentences if s.startswith("In column")]
    assert body == _expected(columns), sentences


def test_a_tables_short_labels_set_in_one_string_with_their_text_stay_on_its_line(tmp_path):
    """NCCN's staging table: each row one TJ, a label 2 em wide ('N0a') and, 8 em to its right, its description. The
    descriptions start at one edge on every row, as a column does, but a label is no column's line."""
    from io import BytesIO

    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from pdfpages import saved

    rows = [(f"N{k}{letter}", f"Nodes of group {k}{letter} show no sign of spread to the neck in this stage.")
            for k in range(4) for letter in "ab"]
    buf = BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 780, "Regional lymph nodes")
    for j, (label, text) in enumerate(rows):
        line = c.beginText(60, 740 - 16 * j)
        line.setFont("Helvetica", 11)
        jump = -1000 * (100 - stringWidth(label, "Helvetica", 11)) / 11
        line._code.append(f"[({label}) {jump:.1f} ({text})] TJ")  # (reportlab's text object writes no TJ arrays)
        c.drawText(line)
    c.showPage()
    sentences = _sentences(saved(c, buf, tmp_path / "table.pdf"))
    for label, text in rows:
        assert f"{label} {text}" in sentences, sentences

"""pdf/front.py: a front page set in two columns is read a column at a time, as the body is (the NCCN guideline's
pages of updates before its first bookmark: read line by line across the page, "Completion thyroidectomy is not
required recommended by the ATA or TI-RADS" ran a line of one column into the other's)."""

from __future__ import annotations

from reportlab.lib.utils import simpleSplit

from askwef.ingest import ingest_file
from frontpages import body_lines, fronted_report  # (tests/ is on sys.path)
from pdfpages import column_text, sentence_texts


def _two_columns(c) -> None:
    """A front page of two columns of 10 pt text, 250 pt wide, 20 pt apart, drawn a baseline at a time across both."""
    columns = [simpleSplit(column_text(k, 4), "Helvetica", 10, 250) for k in range(2)]
    c.setFont("Helvetica", 10)
    for j in range(max(len(lines) for lines in columns)):
        for k, lines in enumerate(columns):
            if j < len(lines):
                c.drawString(56 + k * 270, 760 - 13 * j, lines[j])
    c.showPage()


def test_a_two_column_front_page_is_read_a_column_at_a_time(tmp_path):
    pages = [[("Nodule Evaluation", 18, 1), *[(line, 10, 0) for line in body_lines("nodules")]]]
    doc = ingest_file(fronted_report(tmp_path / "guideline.pdf", "A Thyroid Guideline", [_two_columns], [], pages))
    texts = sentence_texts(doc)
    for column in (1, 2):
        for k in (1, 2, 3, 4):
            assert any(t.startswith(f"In column {column}, sentence {k} says that") and t.endswith("so far.") for t in texts), (column, k)

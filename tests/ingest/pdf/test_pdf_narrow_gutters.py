"""Pages of two or three columns a narrow gutter apart, drawn a baseline at a time across the page (the IRS's
instructions for Form 1040-NR: three columns 18 pt apart in 9.5 pt type, each baseline of the three one TJ string):
each column is read on its own, top to bottom, then the next, and no line runs on into the next column."""

from __future__ import annotations

import re

import pytest

from askwef.ingest import ingest_file
from pdfgen import column_text, columns_page  # (tests/ is on sys.path)


def _sentences(path) -> list[str]:
    doc = ingest_file(path)
    return [s.text[sp.start:sp.end] for s in doc.sections for sp in s.sentences]


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

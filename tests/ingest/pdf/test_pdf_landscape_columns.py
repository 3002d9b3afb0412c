"""Landscape spreads in four columns and a narrow column beside the text (hunt45 finding 2): Amazon's 2022
sustainability report sets 1,088 pt wide pages in four columns 16-20 pt apart, its text in fonts with CMaps of their
own; a journal article sets its authors' affiliations in a narrow column beside the abstract. Each column is read on
its own, top to bottom, then the next; a narrow column's lines do not run into the text beside them."""

from __future__ import annotations

import re

from askwef.ingest import ingest_file
from pdfcmapfont import four_column_spread  # (tests/ is on sys.path)
from layoutpages import side_column_page
from pdfpages import column_text, sentence_texts


def _sentences(path) -> list[str]:
    doc = ingest_file(path)
    return sentence_texts(doc)


def _expected(columns: int, sentences: int) -> list[str]:
    return [s.strip() for k in range(columns) for s in re.findall(r"[^.]+\.", column_text(k, sentences))]


def test_four_columns_of_a_landscape_page_set_in_fonts_with_their_own_cmaps_are_read_one_after_the_other(tmp_path):
    """The fonts' one-byte codes read two at a time gave the wrong glyphs' widths: lines ended short of their column's
    edge and the columns were read across, line by line. A word broken by a new text matrix ('pub' | 'lish') is one
    word; a word shown right after the string before it ends its line where it is printed, not past the gutter."""
    sentences = _sentences(four_column_spread(tmp_path / "spread.pdf"))
    assert [s for s in sentences if s.startswith("In column")] == _expected(4, 6), sentences


def test_a_narrow_column_beside_two_columns_of_text_is_read_apart_from_them(tmp_path):
    """The Turkish journal article, p361: 'Muğla University, immediately after the exercise and 25.59 ± 1.59 before
    the exercise' read the affiliations beside the abstract into it, line by line."""
    side = ["Faculty of Sport", "North University,", "Harbour Town", "Received: 25 May", "Accepted: 30 June"]
    sentences = _sentences(side_column_page(tmp_path / "side.pdf", side))
    assert [s for s in sentences if s.startswith("In column")] == _expected(2, 5), sentences
    assert " ".join(side) in sentences

"""What a report prints before its body: a footnote on a front page is read once, as its note (the NHS Constitution
Handbook's notes 1-3, on pages before its first chapter, were also indexed as prose with their numbers)."""

from __future__ import annotations

from askwef.ingest import ingest_file
from frontpages import body_lines, fronted_report  # (tests/ is on sys.path)
from pdfpages import footnoted_page

NOTE = "1 Health Act 2009: http://www.legislation.gov.uk/ukpga/2009/21/contents"


def _front_page(c) -> None:
    lines = [f"Line {j + 1} of this page says how the handbook explains the rights of patients and staff." for j in range(14)]
    footnoted_page(c, "About this handbook", lines, NOTE, size=10, note_size=8)


def test_a_footnote_on_a_front_page_is_its_note_only(tmp_path):
    pages = [[("1 Introduction", 16, 1), *[(t, 10, 0) for t in body_lines("ministry")]],
             [("2 The plan", 16, 1), *[(t, 10, 0) for t in body_lines("council")]]]
    doc = ingest_file(fronted_report(tmp_path / "front_notes.pdf", "The Patients' Handbook", [_front_page],
                                     [("1 Introduction", 4, 0), ("2 The plan", 5, 0)], pages))
    assert [(n.number, n.reference) for n in doc.endnotes] == [(1, "Health Act 2009:")]
    sentences = [s.text[sp.start : sp.end] for s in doc.sections for sp in s.sentences]
    assert not [t for t in sentences if "Health Act 2009" in t]
    marked = [(s.text[sp.start : sp.end], sp.endnotes) for s in doc.sections for sp in s.sentences if sp.endnotes]
    assert marked == [("Line 3 of this page says how the handbook explains the rights of patients and staff.", (1,))]
    assert any("Line 1 of this page says how the handbook" in t for t in sentences)  # the front page is still read

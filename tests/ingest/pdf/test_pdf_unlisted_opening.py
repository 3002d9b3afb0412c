"""A report with an outline and no Contents page whose first chapter the outline leaves out: the NHS Constitution
Handbook's 'Overview' (bold 26 pt, as its parts' titles) was filed, ten pages of it, under the report's title with
the cover and notices. A heading before the outline's first section, set in that section's heading type and over body
text, opens the body; a notice in other type before it stays front matter."""

from __future__ import annotations

from askwef.ingest import ingest_file
from frontpages import body_lines, fronted_report  # (tests/ is on sys.path)
from pdfpages import filed_under

TITLE = "The Patients' Handbook"


def _notice(c) -> None:
    c.setFont("Helvetica-Bold", 11)
    c.drawString(56, 760, "About this edition")
    c.setFont("Helvetica", 10)
    for j, text in enumerate(body_lines("trust", 3)):
        c.drawString(56, 740 - 14 * j, text)
    c.showPage()


def _overview(c) -> None:
    c.setFont("Helvetica-Bold", 16)
    c.drawString(56, 780, "Overview")
    c.setFont("Helvetica", 10)
    for j, text in enumerate(body_lines("panel")):
        c.drawString(56, 748 - 14 * j, text)
    c.showPage()


def test_a_heading_in_chapter_type_before_the_first_bookmark_opens_a_section(tmp_path):
    pages = [[("Part I: Values", 16, 1), *[(t, 10, 0) for t in body_lines("ministry")]],
             [("Part II: Principles", 16, 1), *[(t, 10, 0) for t in body_lines("council")]]]
    doc = ingest_file(fronted_report(tmp_path / "unlisted.pdf", TITLE, [_notice, _overview], [], pages))
    assert filed_under(doc, "Line 2 on the panel says") == "Overview"
    assert filed_under(doc, "Line 2 on the trust says") == TITLE  # the notice before it: front matter
    assert filed_under(doc, "Line 2 on the ministry says").endswith("Values")
    assert next(s.page for s in doc.sections if s.path == "Overview") == 3

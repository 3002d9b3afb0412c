"""PDFs as word processors and manuals make them: footnotes a point under the body, lists of figures and tables
after the Contents (made with reportlab, as the shapes real PDFs of the hunts printed them)."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import footnoted_page, saved, title_and_contents  # (tests/ is on sys.path)


def test_a_footnote_a_point_under_an_eleven_point_body_is_a_note(tmp_path):
    """Word's styles set notes in 10 pt under an 11 pt body (a LibreOffice manual's five notes were read as prose with
    their numbers, the markers left without an entry)."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    lines = [f"Line {j + 1} says how the program predicts a pass over the ground station." for j in range(20)]
    footnoted_page(c, "1 Ground stations", lines, "1 The default ground station is used when no other is selected for a module.",
                   size=11, note_size=10, pitch=15)
    doc = ingest_file(saved(c, buf, tmp_path / "word.pdf"))
    assert [(n.number, n.reference) for n in doc.endnotes] == [(1, "The default ground station is used when no other is selected for a module.")]
    text = " ".join(s.text for s in doc.sections)
    assert "default ground station" not in text
    assert [n for s in doc.sections for sp in s.sentences for n in sp.endnotes] == [1]
    assert not any("has no entry" in w for w in doc.warnings), doc.warnings


def test_a_list_of_figures_after_the_contents_is_neither_a_section_nor_sentences(tmp_path):
    """A manual's List of Figures and List of Tables (497 rows, "The static accounting equation ......") were a section
    whose rows answered questions; the Contents entry naming the list opens no section either."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    rows = ["List of Figures . . . . . . 3", "List of Tables . . . . . . 3", *(f"{k} Chapter on {t} . . . . . . {k + 3}" for k, t in
                                                                       ((1, "ports"), (2, "farms"), (3, "grids")))]
    title_and_contents(c, "A Guide to Tidal Power", rows)
    y = 780
    for heading, kind in (("List of Figures", "Figure"), ("List of Tables", "Table")):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, y, heading)
        c.setFont("Helvetica", 10)
        for k in range(1, 6):
            c.drawString(72, y - 14 * k, f"{kind} 1.{k}. The static accounting equation of site {k} . . . . . . . . {k + 4}")
        y -= 120
    c.showPage()
    for k, topic in ((1, "ports"), (2, "farms"), (3, "grids")):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, 780, f"{k} Chapter on {topic}")
        c.setFont("Helvetica", 10)
        for j in range(5):
            c.drawString(72, 750 - 13 * j, f"Chapter {k} says what the {topic} must do with tidal power in line {j + 1}.")
        c.showPage()
    doc = ingest_file(saved(c, buf, tmp_path / "lists.pdf"))
    assert [s.title for s in doc.sections] == ["Chapter on ports", "Chapter on farms", "Chapter on grids"], [s.title for s in doc.sections]
    assert not any("accounting equation" in s.text for s in doc.sections)
    assert not any("not found" in w for w in doc.warnings), doc.warnings

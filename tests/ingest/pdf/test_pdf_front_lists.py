"""PDFs as word processors and manuals make them: footnotes a point under the body, lists of figures and tables
after the Contents (made with reportlab, as the shapes real PDFs of the hunts printed them)."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfgen import saved  # (tests/ is on sys.path)


def test_a_footnote_a_point_under_an_eleven_point_body_is_a_note(tmp_path):
    """Word's styles set notes in 10 pt under an 11 pt body (a LibreOffice manual's five notes were read as prose with
    their numbers, the markers left without an entry)."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, "1 Ground stations")
    for j in range(20):
        line = c.beginText(72, 750 - 15 * j)
        line.setFont("Helvetica", 11)
        line.textOut(f"Line {j + 1} says how the program predicts a pass over the ground station.")
        if j == 2:
            line.setFont("Helvetica", 7)
            line.setRise(4)
            line.textOut("1")
        c.drawText(line)
    c.setFont("Helvetica", 10)
    c.drawString(72, 77, "1 The default ground station is used when no other is selected for a module.")
    c.showPage()
    doc = ingest_file(saved(c, buf, tmp_path / "word.pdf"))
    assert [(n.number, n.reference) for n in doc.endnotes] == [(1, "The default ground station is used when no other is selected for a module.")]
    text = " ".join(s.text for s in doc.sections)
    assert "default ground station" not in text
    assert [n for s in doc.sections for sp in s.sentences for n in sp.endnotes] == [1]
    assert not any("has no entry" in w for w in doc.warnings), doc.warnings


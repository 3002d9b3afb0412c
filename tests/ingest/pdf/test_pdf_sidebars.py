"""A box set beside the heading of the section it belongs to (the UK strategy's 'AI and Intellectual Property
(IP)' box, in the left column, beside 'Creating and protecting Intellectual Property' opening the right one):
drawn with reportlab's canvas, two columns, an outline naming the sections."""

from __future__ import annotations

import textwrap
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import saved  # (tests/ is on sys.path)

TEXT = ("Businesses that adopt these technologies report gains in productivity and in the quality of their services, "
        "and the government will publish research into the drivers of adoption and diffusion later this year so that "
        "every region can learn from the firms that have gone furthest. ")
BOX = ("An effective intellectual property system is fundamental to the ambition of the country to be a science "
       "superpower. The office published its call for views and committed to consult on the extent to which "
       "copyright and patents should protect generated inventions and creative works. ")
PROPERTY = ("Intellectual property plays a significant part in building a successful business by rewarding people for "
            "inventiveness and creativity and enabling innovation. ")
PUBLIC = "Artificial intelligence can contribute to solving the greatest challenges the country faces in its public services. "


def _column(c: canvas.Canvas, x: float, y: float, text: str, bottom: float) -> float:
    c.setFont("Helvetica", 10)
    for line in textwrap.wrap(text, 44):
        if y < bottom:
            break
        c.drawString(x, y, line)
        y -= 12
    return y


def _heading(c: canvas.Canvas, x: float, y: float, lines: list[str], key: str, title: str) -> float:
    c.bookmarkHorizontal(key, x, y + 12)
    c.addOutlineEntry(title, key, level=1)
    c.setFont("Helvetica-Bold", 10)
    for line in lines:
        c.drawString(x, y, line)
        y -= 12
    return y - 12


def _report(tmp_path: Path) -> Path:
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.bookmarkPage("deploy")
    c.addOutlineEntry("Deployment of new technologies", "deploy", level=0)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(56, 780, "Deployment of new technologies")
    _column(c, 56, 740, TEXT * 6, 80)
    _column(c, 310, 740, TEXT * 6, 80)
    c.showPage()
    # the box fills the left column; the right column opens with the heading of its section, level with it
    c.setFillGray(0.9)
    c.rect(50, 300, 240, 400, stroke=0, fill=1)
    c.setFillGray(0)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(56, 680, "Intellectual property: call for views")
    _column(c, 56, 656, BOX * 2, 320)
    y = _heading(c, 310, 670, ["Creating and protecting", "intellectual property"], "property", "Creating and protecting intellectual property")
    y = _column(c, 310, y, PROPERTY * 2, 80)
    y = _heading(c, 310, y - 12, ["Using the technologies for the public benefit"], "public", "Using the technologies for the public benefit")
    _column(c, 310, y, PUBLIC * 3, 80)
    c.showPage()
    return saved(c, buf, tmp_path / "sidebar.pdf")


def test_a_box_filling_its_column_beside_a_heading_belongs_to_that_headings_section(tmp_path):
    doc = ingest_file(_report(tmp_path))
    where = {s.text[sp.start : sp.end]: (s.title, sp.unit) for s in doc.sections for sp in s.sentences}
    box = next(t for t in where if t.startswith("The office published its call for views"))
    assert where[box] == ("Creating and protecting intellectual property", "Intellectual property: call for views"), where[box]
    # read after its section's text, before the next section
    property_section = next(s for s in doc.sections if s.title == "Creating and protecting intellectual property")
    assert property_section.text.index("Intellectual property plays") < property_section.text.index("The office published")
    public = next(s for s in doc.sections if s.title == "Using the technologies for the public benefit")
    assert "The office published" not in public.text

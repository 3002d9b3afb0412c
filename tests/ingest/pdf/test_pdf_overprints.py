"""Overprints and turned pages on made pages: a page turned by /Rotate keeps all its text, a line's first letters set
apart are put back, a label printed twice at one place is read once."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.pdfgen import canvas as rl_canvas

from askwef.ingest import ingest_file

from pdfpages import saved  # (tests/ is on sys.path)

LINES = [
    "Selon les données collectées, l'Union européenne a ajouté une puissance raccordée de 7 606,5 MW en 2018.",
    "Parmi les marchés en croissance, l'Inde aurait installé 10,8 GW en 2018 et l'Australie 3,8 GW.",
    "La région comptait 1 543 MW d'énergie solaire installés au 30 juin 2021, le département 47 MWc.",
]


def _text(path: Path) -> str:
    return " ".join(section.text for section in ingest_file(path).sections)


def test_turned_page_keeps_all_its_text(tmp_path: Path) -> None:
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(842, 1191))
    c.setPageRotation(90)  # stored upright, shown landscape: the text is set up the stored page
    c.rotate(90)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(70, -80, "Etat des lieux international")
    c.setFont("Helvetica", 10)
    for k, line in enumerate(LINES):
        c.drawString(70, -110 - 14 * k, line)
    c.showPage()
    text = _text(saved(c, buf, tmp_path / "turned.pdf"))
    for line in LINES:
        assert line.rstrip(".") in text


def test_label_printed_twice_is_read_once(tmp_path: Path) -> None:
    buf = BytesIO()
    c = rl_canvas.Canvas(buf)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 760, "Results")
    c.setFont("Helvetica", 10)
    c.drawString(72, 730, "The survey covered every region of the country in the year under review.")
    for _ in range(2):  # a chart's label drawn twice at one place
        c.drawString(300, 600, "Regional share")
    c.drawString(72, 560, "Most answers came from the capital and its suburbs in the first round.")
    c.showPage()
    assert _text(saved(c, buf, tmp_path / "twice.pdf")).count("Regional share") == 1

"""Words broken at a line end, on a PDF made here: join or keep the hyphen by what the report itself
prints, not by a word list ('super-' + 'vision' is 'supervision' in a report that prints 'supervisory')."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file

PAGE = [
    "Regulation of new technology",
    "",
    "The frameworks establish a tiered approach that lets companies test new products in real",
    "market conditions under the super-",  # a hyphenator's break: 'supervision'
    "vision of regulatory authorities, and every pilot reports to a supervisory",
    "board each quarter, while super-apps from private and public entities carry the",
    "services that citizens use to pay bills and schedule their appointments.",
    "",
    "Mining inspectors took over the over-",  # 'oversight', printed whole below, at a line's start
    "sight of the sites in the north of the country, and the board kept its",
    "oversight duties when the over-arching rules of the sector changed last year.",
    "",
    "The cross-",  # a compound's own hyphen: 'cross' opens compounds and 'border' is a word of the report
    "border flows of data are governed by rules on the border of each of the provinces,",
    "and cross-sector work goes on in the many agencies that share the data.",
]


def _report(tmp_path: Path) -> Path:
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 780.0
    for k, text in enumerate(PAGE):
        c.setFont("Helvetica-Bold" if k == 0 else "Helvetica", 16 if k == 0 else 10)
        c.drawString(56, y, text)
        y -= 24 if k == 0 else 12.5
    c.showPage()
    c.save()
    path = tmp_path / "report.pdf"
    path.write_bytes(buf.getvalue())
    return path


def test_a_break_is_joined_when_the_report_prints_the_word_or_one_that_opens_as_it_does(tmp_path):
    text = " ".join(s.text for s in ingest_file(_report(tmp_path)).sections)
    # 'supervisory' (inside a line) vouches for 'supervision', though 'super' opens 'super-apps'
    assert "under the supervision of regulatory authorities" in text, text
    # 'oversight' is printed whole as a line's first word (the line before it ends without a hyphen)
    assert "took over the oversight of the sites" in text, text
    # no such word: the compound keeps its hyphen
    assert "The cross-border flows of data" in text, text

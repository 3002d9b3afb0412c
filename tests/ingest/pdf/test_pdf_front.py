"""A report's front and back matter read as its text: a title page and an imprint before the Contents,
the imprint at the end (its copy on the back cover not read twice), a back cover repeating the cover.
Real reports say there who published them, when, and how to cite them (the UK strategy's 'Presented
to Parliament ... September 2021' and 'Published in September 2021 by the Office for Artificial
Intelligence', the OECD review's 'Please cite this publication as: ...')."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import saved  # (tests/ is on sys.path)
from askwef.ingest.pdf.layout import Line, mark_imprint

TITLE = "Plan for Testing"
IMPRINT = ["Published in May 2021 by the Office for Testing", "© Crown copyright 2021",
           "This publication is licensed under the terms of the Open Licence.", "ISBN 978-1-5286-2894-5",
           "This publication is available at www.example.gov.uk/official-documents",
           "Any enquiries regarding this publication should be sent to the Office."]


WORDS = ["government", "ministry", "office", "council", "agency", "department", "authority", "board"]


def _prose(c: canvas.Canvas, title: str, page: int) -> None:
    c.setFont("Helvetica-Bold", 16)
    c.drawString(56, 780, title)
    c.setFont("Helvetica", 10)
    for j in range(20):  # no line the same on two pages (a running head), digits aside
        c.drawString(56, 750 - 12.5 * j, f"Line {j + 1} of page {page} says what the {WORDS[page]} plans to do over the next ten years,")
    c.drawString(56, 500, "and what it has done so far.")
    c.showPage()


def _lines(c: canvas.Canvas, lines: list[str], y: float, size: float = 12) -> None:
    c.setFont("Helvetica", size)
    for j, text in enumerate(lines):
        c.drawString(56, y - 1.4 * size * j, text)


def _report(tmp_path: Path) -> Path:
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 40)  # the cover: the title, a series and a month
    c.drawString(56, 600, TITLE)
    _lines(c, ["WHITE PAPER", "MAY 2021"], 500, 10)
    c.showPage()
    c.setFont("Helvetica-Bold", 40)  # the title page
    c.drawString(56, 640, TITLE)
    _lines(c, ["Presented to Parliament", "by the Secretary of State for Science, Innovation and Technology",
               "by Command of His Majesty"], 550, 14)
    _lines(c, ["May 2021"], 480, 14)  # set apart under the statement it dates, as the UK strategy's title page
    _lines(c, ["Command Paper 525"], 120, 14)
    c.showPage()
    c.setFont("Helvetica-Bold", 24)
    c.drawString(56, 760, "Contents")
    c.setFont("Helvetica", 12)
    c.drawString(56, 720, "Introduction " + ". " * 30 + "4")
    c.drawString(56, 700, "The plan " + ". " * 32 + "5")
    c.drawString(56, 680, "Next steps " + ". " * 31 + "6")
    c.showPage()
    _prose(c, "Disclaimer", 3)  # a heading the Contents leaves out, over prose
    _prose(c, "Introduction", 4)
    _prose(c, "The plan", 5)
    _prose(c, "Next steps", 6)
    _lines(c, IMPRINT, 400)  # the imprint, then the back cover repeating three of its lines
    c.showPage()
    _lines(c, [IMPRINT[5], IMPRINT[3], IMPRINT[0], IMPRINT[1]], 200)
    c.showPage()
    return saved(c, buf, tmp_path / "front.pdf")


def test_a_title_page_and_the_closing_imprint_are_read_under_the_reports_title(tmp_path):
    doc = ingest_file(_report(tmp_path))
    spans = [(s, sp, s.text[sp.start : sp.end]) for s in doc.sections for sp in s.sentences]
    front = next(s for s in doc.sections if s.title == TITLE)
    sentence = next((s, sp) for s, sp, text in spans if text.startswith("Presented to Parliament"))
    assert sentence[0] is front and sentence[1].page == 2, (sentence[0].path, sentence[1].page)
    assert "by Command of His Majesty" in front.text and "May 2021" in front.text, front.text
    # the date closes the statement above it, one sentence; the paper's number is not part of it
    dated = "Presented to Parliament by the Secretary of State for Science, Innovation and Technology by Command of His Majesty May 2021"
    assert dated in [text for _, _, text in spans], [text for _, _, text in spans][:4]
    # the imprint once, under the title, on the page it is printed; not the last section's text
    published = [(s.title, sp.page) for s, sp, text in spans if text.startswith("Published in May 2021")]
    assert published == [(TITLE, 8)], published
    # the front matter does not take in the body's first heading that the Contents leaves out
    assert [s.title for s in doc.sections] == [TITLE, "Disclaimer", "Introduction", "The plan", "Next steps"]
    plan = doc.sections[-1]
    assert "Crown copyright" not in plan.text and "Line 1 of page 6" in plan.text, plan.text
    # a URL ending a line does not run into the next sentence's first word
    assert "www.example.gov.uk/official-documents Any enquiries" in front.text, front.text
    # the cover's few words, and the title again, are not read
    assert "WHITE PAPER" not in front.text and TITLE not in front.text, front.text


def _line(text: str, page: int, y: float, size: float = 10, x0: float = 70, x1: float = 300, role: str = "") -> Line:
    return Line(page=page, x0=x0, x1=x1, y=y, size=size, bold=False, text=text, role=role)


def test_front_matter_keeps_a_title_page_and_a_back_cover_not_a_cover():
    from askwef.ingest.pdf.front import front_matter

    cover = [_line("Palestinian Authority", 0, 600, 30), _line("OECD Public Governance Reviews", 0, 650, 19),
             _line("FOR BETTER OUTCOMES", 0, 580, 16)]
    imprint = [_line("Please cite this publication as:", 2, 433, 8), _line("OECD (2024),", 2, 422, 8, 71, 121),
               _line("OECD Public Governance Reviews: Palestinian Authority, OECD Publishing, Paris.", 2, 422, 8, 122.7, 400),
               _line("ISBN 978-92-6", 2, 375, 7, 65, 110.8), _line("4-86512-9 (print)", 2, 375, 7, 110.8, 162),
               _line("© OECD", 2, 217, 8, 65, 95.7), _line("2024", 2, 217, 8, 95.4, 115)]
    contents = [_line("Contents", 3, 700, 30, role="contents")]
    back = [_line("OECD Public Governance Reviews", 9, 732, 14), _line("Palestinian Authority", 9, 705, 20),
            _line("This report analyses the institutional and strategic framework for reform.", 9, 654),
            _line("9HSTCQE*igfbcj+", 9, 48, 33)]
    lines, back_ids = front_matter(cover + imprint + contents, 10.0, [], back)
    texts = [l.text for l in lines]
    assert texts == ["Please cite this publication as:", "OECD (2024), OECD Public Governance Reviews: Palestinian Authority, OECD Publishing, Paris.",
                     "ISBN 978-92-64-86512-9 (print)", "© OECD 2024",
                     "This report analyses the institutional and strategic framework for reform."], texts
    assert back_ids == {id(l) for l in back}
    assert all(l.role == "" and not l.bold for l in lines)
    # a last page that repeats nothing of the front pages is the body's
    lines, back_ids = front_matter(cover + imprint, 10.0, [], back[2:])
    assert not back_ids and "This report analyses" not in " ".join(l.text for l in lines)


def test_an_imprints_fuller_copy_is_read_and_its_repeat_on_the_back_cover_is_not():
    body = [[_line(f"page {k} says something of its own here", k, 700 - 12 * i) for i in range(4)] for k in range(3)]
    closing = [_line(t, 3, 700 - 12 * i) for i, t in enumerate(IMPRINT)]
    back = [_line(t, 5, 300 - 12 * i) for i, t in enumerate([IMPRINT[0], IMPRINT[1], IMPRINT[3], "Any enquiries to: x@y.uk"])]
    pages = body + [closing, [_line("National AI Strategy", 4, 400)], back]
    mark_imprint(pages)
    assert all(line.role == "imprint" for line in pages[3])
    assert all(line.role == "furniture" for line in pages[5])
    assert all(line.role == "" for lines in pages[:3] + [pages[4]] for line in lines)


def test_closing_pages_of_text_that_share_a_few_labels_are_not_an_imprint():
    """A reference card's or a data model's last pages print a few labels alike ('Name:', 'Version: 1.0') among
    dozens of lines of their own: text, not an imprint and its copy (whole pages of it were dropped)."""
    labels = ["Name: the data model", "Version: 1.0 2004", "Author: the agency staff"]
    pages = [[_line(t, k, 700 - 12 * i) for i, t in enumerate(labels + [f"page {k} line {j} of its own text" for j in range(12)])]
             for k in range(3)]
    mark_imprint(pages)
    assert all(line.role == "" for lines in pages for line in lines)


def test_who_published_the_report_is_answered_from_its_front_matter(tmp_path):
    """The front matter says who published the report and when; a question about the report itself reads it as what
    the report says of itself, beside the sentences that open 'This publication ...'."""
    from askwef.embed import HashEmbedder
    from askwef.engine import Engine
    from askwef.settings import Settings

    (tmp_path / "corpus").mkdir()
    _report(tmp_path / "corpus")
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index" / "current")
    engine = Engine.load(settings, embedder=HashEmbedder(), log=lambda *_: None)
    who = engine.answer("who published this report?")
    assert who.about == "document" and "Published in May 2021 by the Office for Testing" in who.text, who.text

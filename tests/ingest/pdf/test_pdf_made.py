"""Small PDFs made here with reportlab's canvas, each with one fault real reports have: words broken at
a line end (join or keep the hyphen by what the report itself prints, not by a word list: 'super-' +
'vision' is 'supervision' in a report that prints 'supervisory'; the hyphen a soft hyphen or U+2010); a table set across a spread of two
pages (the UK strategy's 'Summary of key actions'); a list's labels printed over the numbers the text
layer carries (its 'Actions'); a line's words drawn out of order (the OECD review's 'cross-sectoral'); a landscape page's running foot
(the OECD review's annex tables); a case study's title on a pale band of its own, its text under the band
(the Blueprint printed by Chromium)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import footnoted_page, saved, set_lines, title_and_contents  # (tests/ is on sys.path)


def _text_of(c: canvas.Canvas, buf: BytesIO, path: Path) -> str:
    """The text the reader makes of the PDF drawn on canvas `c` (into `buf`), saved at `path`."""
    return " ".join(s.text for s in ingest_file(saved(c, buf, path)).sections)

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


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _report(tmp_path: Path, hyphen: str = "-", font: str = "Helvetica") -> Path:
    """One page of PAGE's lines, set left-aligned in 10 pt type under a bold title; the hyphenator's
    breaks ('super-', 'over-') printed with `hyphen`."""
    if font != "Helvetica":
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        if not DEJAVU.exists():
            pytest.skip(f"{DEJAVU} not installed (a TrueType font with U+2010)")
        pdfmetrics.registerFont(TTFont(font, str(DEJAVU)))
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 780.0
    for k, text in enumerate(PAGE):
        c.setFont("Helvetica-Bold" if k == 0 else font, 16 if k == 0 else 10)
        c.drawString(56, y, text[:-1] + hyphen if text.endswith(("super-", "over-")) else text)
        y -= 24 if k == 0 else 12.5
    c.showPage()
    return saved(c, buf, tmp_path / "report.pdf")


# the hyphen a line was broken at, as producers print it: ASCII (InDesign, reportlab), a soft hyphen
# (a word processor), U+2010 (Chromium's automatic hyphenation; a TrueType font with the glyph carries it:
# reportlab's own Vera has none)
@pytest.mark.parametrize(("hyphen", "font"), [("-", "Helvetica"), ("\u00ad", "Helvetica"), ("\u2010", "DejaVuSans")])
def test_a_break_is_joined_when_the_report_prints_the_word_or_one_that_opens_as_it_does(tmp_path, hyphen, font):
    text = " ".join(s.text for s in ingest_file(_report(tmp_path, hyphen, font)).sections)
    # 'supervisory' (inside a line) vouches for 'supervision', though 'super' opens 'super-apps'
    assert "under the supervision of regulatory authorities" in text, text
    # 'oversight' is printed whole as a line's first word (the line before it ends without a hyphen)
    assert "took over the oversight of the sites" in text, text
    # no such word: the compound keeps its hyphen
    assert "The cross-border flows of data" in text, text


COLUMNS = [
    ["Investing in the long term", "Publish a framework for the role of government in", "enabling better data availability in the wider economy",
     "Support the development of data science and digital", "skills through the skills bootcamps of the department"],
    ["Ensuring benefits to all regions", "Begin engagement on the draft national strategy for", "technologies in health and social care, through the lab",
     "Publish the defence strategy, through the Ministry of Defence", "Launch a consultation on copyright and patents"],
    ["Governing effectively", "Publish the assurance roadmap of the centre for data", "ethics and innovation before the end of the year",
     "Determine the role of data protection in the wider", "governance following the consultation on data"],
]


def _prose(c, title: str, page: int) -> None:
    c.setFont("Helvetica-Bold", 16)
    c.drawString(56, 780, title)
    c.setFont("Helvetica", 10)
    for j in range(20):
        c.drawString(56, 750 - 12.5 * j, f"Line {j + 1} of page {page} says what the government plans to do over the next ten years,")
    c.drawString(56, 500, "and what it has done so far.")
    c.showPage()


def _spread(tmp_path: Path) -> Path:
    """A table of three columns across a spread, exported as two single pages: each page draws the
    whole spread, shifted by a page's width and clipped, so the middle column starts on the first
    page and runs past its edge, and the second page draws it again starting left of its own edge."""
    width, height = A4
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    _prose(c, "Introduction", 1)
    for page in range(2):
        c.setFont("Helvetica-Bold", 16)
        c.drawString(56, 780, "Summary of key actions" if page == 0 else "Summary of key actions (continued)")
        for k, column in enumerate(COLUMNS):
            x = 100 + 330 * k - page * width
            for j, text in enumerate(column):
                c.setFont("Helvetica-Bold" if j == 0 else "Helvetica", 9.5)
                c.drawString(x, 720 - 14 * j - (8 if j > 2 else 0), text)
        c.showPage()
    _prose(c, "The plan", 4)
    return saved(c, buf, tmp_path / "spread.pdf")


def test_a_table_across_a_spread_is_read_once_column_by_column(tmp_path):
    text = " ".join(s.text for s in ingest_file(_spread(tmp_path)).sections)
    # the middle column, drawn on both pages, is read once, from the page it starts on, whole
    assert text.count("Publish the defence strategy") == 1, text
    assert "Publish the defence strategy, through the Ministry of Defence" in text, text
    # and each column's wrapped lines read on, not interleaved with the next column's
    assert "Begin engagement on the draft national strategy for technologies in health and social care" in text, text
    assert "Publish the assurance roadmap of the centre for data ethics and innovation" in text, text


def test_a_list_label_printed_over_the_items_number_is_not_read_into_its_sentence(tmp_path):
    """A word processor's list: the text layer numbers the items ('1. Work with ...') and the page
    prints its own label ('i') over the number; the label would land in the sentence ('Horizon i Europe')."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(56, 780, "Actions")
    c.setFont("Helvetica", 10)
    y = 750.0
    for k, (first, rest) in enumerate([("1. Work with partners around the world on shared challenges, including Horizon", "Europe to enable collaboration with other researchers in the region."),
                                       ("2. Use of development assistance to support partnerships with the developing", "nations that ask for it, and report on what they achieve each year.")]):
        c.drawString(89, y, first)
        c.drawString(91 - 3 * k, y, "i" * (k + 1))
        c.drawString(107, y - 12, rest)
        y -= 36
    for j in range(8):
        c.drawString(56, y - 12.5 * j, f"Line {j + 1} of the page says what the government plans to do over the next ten years.")
    c.showPage()
    text = _text_of(c, buf, tmp_path / "list.pdf")
    assert "including Horizon Europe to enable collaboration" in text, text
    assert "with the developing nations that ask for it" in text, text
    assert " i " not in text and " ii " not in text, text


def test_a_lines_pieces_drawn_out_of_order_read_left_to_right(tmp_path):
    """The OECD review draws one line as 'leadership of ', 'sectoral', '-', 'the cross', ' ministries ...'
    (each where it belongs on the line, in another order): one line, read left to right."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(56, 780, "Planning")
    c.setFont("Helvetica", 10)
    pieces = ["For the period ahead, the approach is under the leadership of ", "the cross", "-", "sectoral", " ministries and agencies of the government."]
    at = [56.0]
    for piece in pieces:
        at.append(at[-1] + stringWidth(piece, "Helvetica", 10))
    for k in (0, 3, 2, 1, 4):  # a text object each, with no line break (the review's Word export of a right-to-left span)
        piece = c.beginText(at[k], 750)
        piece.textOut(pieces[k])
        c.drawText(piece)
    for j in range(8):
        c.drawString(56, 737.5 - 12.5 * j, f"Line {j + 1} of the page says what the government plans to do over the next ten years.")
    c.showPage()
    text = _text_of(c, buf, tmp_path / "order.pdf")
    assert "under the leadership of the cross-sectoral ministries and agencies" in text, text


def test_a_landscape_pages_running_foot_is_furniture_in_its_wider_margin(tmp_path):
    """A portrait report's running foot, 62 pt up every page, is inside the bottom 8% of a portrait
    page but not of a landscape one (the OECD review's annex tables): still the foot, not text."""
    from reportlab.lib.pagesizes import landscape

    foot = "REVIEWS OF THE PLAN: THE AUTHORITY © 2024"
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for page in range(6):
        size = landscape(A4) if page == 4 else A4
        c.setPageSize(size)
        c.setFont("Helvetica-Bold", 16)
        c.drawString(56, size[1] - 60, f"Chapter {page + 1}" if page != 5 else "Chapter 5 (continued)")
        c.setFont("Helvetica", 10)
        for j in range(12):
            c.drawString(56, size[1] - 90 - 12.5 * j, f"Line {j + 1} of page {page + 1} says what the government plans to do over the next ten years, and")
        last = size[1] - 90 - 12.5 * 12
        c.drawString(56, last, "what it has done so far." if page != 4 else "for each activity carried out, the achievements should")
        c.setFont("Helvetica", 8)
        c.drawString(size[0] / 2 - 100, 62, foot)
        c.drawString(size[0] - 80, size[1] - 30, str(page + 1))
        c.showPage()
    text = _text_of(c, buf, tmp_path / "landscape.pdf")
    assert foot not in text, text


def test_a_page_whose_box_does_not_start_at_the_origin_keeps_its_right_hand_text(tmp_path):
    """Lines are kept by the page's own box: a media box of [40 0 635 842] shows text drawn at x 600."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import RectangleObject

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(600, 300, "Right")
    c.save()
    writer = PdfWriter(clone_from=PdfReader(_report(tmp_path)))
    writer.pages[0].merge_page(PdfReader(BytesIO(buf.getvalue())).pages[0])
    writer.pages[0].mediabox = RectangleObject((40, 0, 635, 842))
    path = tmp_path / "shifted.pdf"
    with path.open("wb") as out:
        writer.write(out)
    text = " ".join(s.text for s in ingest_file(path).sections)
    assert "Right" in text, text


def _case_study(c: canvas.Canvas, top: float, label: str, body_in_band: bool) -> None:
    """A case study in the left half of the page: its bold title on three lines over a pale band, its
    text under the band (a browser prints a title set on a coloured block so) or, `body_in_band`, in it
    (a box)."""
    title = [f"{label} State Grid Corporation of China – AI-driven load", "forecasting for smart grid optimization and", "energy efficiency"]
    body = ["The State Grid Corporation of China developed an AI platform to serve",
            "its headquarters and 27 provincial companies. The system achieved an",
            "accuracy rate of up to 97.8% in day-ahead forecasting in 2024."]
    band = 3 * 12 + 8 + (len(body) * 12 + 6 if body_in_band else 0)
    c.setFillGray(0.93)
    c.rect(50, top - band, 340, band, stroke=0, fill=1)
    c.setFillGray(0)
    y = top - 12
    for text in title:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(56, y, text)
        y -= 12
    y -= 2 if body_in_band else 14
    for text in body:
        c.setFont("Helvetica", 9)
        c.drawString(56, y, text)
        y -= 12


def test_a_title_on_a_band_heads_the_text_under_it(tmp_path):
    """A pale band behind a case study's title alone, its text under the band (the Chromium print's
    'USE CASE 9'), is the title's background: the case study's sentences are its unit, as when the
    band is a box around title and text."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(56, 790, "Renewable energy and utilities")
    c.setFont("Helvetica", 9)
    c.drawString(56, 765, "Utilities face regional and seasonal imbalances in power generation and demand.")
    _case_study(c, 740, "USE CASE 9", body_in_band=False)
    _case_study(c, 560, "USE CASE 10", body_in_band=True)
    path = saved(c, buf, tmp_path / "band.pdf")
    units = {}
    for section in ingest_file(path).sections:
        for s in section.sentences:
            units.setdefault(s.unit.split(":")[0], []).append(section.text[s.start:s.end])
    for label in ("USE CASE 9", "USE CASE 10"):
        assert any("97.8%" in s for s in units.get(label, [])), units


def test_a_marker_set_smaller_and_higher_by_its_own_text_matrix_is_a_marker(tmp_path):
    """InDesign sets a superscript by a text matrix of its own, in the same font scaled smaller and 4 pt higher, with no
    text rise ('... of ATC.' then '6.96 0 0 6.96 x y Tm (12) Tj'), in the same text object as its line: pypdf runs it into
    the line's text ('diagnosis of ATC.12 The appearance'). It is a marker, cut out of the text, kept by its place."""
    import pypdf

    from askwef.ingest.pdf.layout import page_lines
    from askwef.ingest.pdf.runs import Widths, page_runs

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 11)  # registers the font as /F1
    c.drawString(56, 780, "Diagnosis")
    ops = ["BT", "/F1 1 Tf"]
    lines = [("A biopsy is performed to establish the diagnosis of ATC.", "12", " The appearance of ATCs varies widely."),
             ("Molecular techniques may help in some cases of ATC.", "13,14", " Sometimes it is difficult to tell.")]
    for k, (text, marker, rest) in enumerate(lines):
        y = 740 - 15 * k
        x = 56 + c.stringWidth(text, "Helvetica", 11)
        ops += [f"11 0 0 11 56 {y} Tm", f"({text}) Tj", f"6.96 0 0 6.96 {x:.2f} {y + 3.96:.2f} Tm", f"({marker}) Tj",
                f"11 0 0 11 {x + c.stringWidth(marker, 'Helvetica', 6.96):.2f} {y} Tm", f"({rest}) Tj"]
    ops.append("ET")
    c._code.append("\n".join(ops))
    c.showPage()
    path = saved(c, buf, tmp_path / "indesign.pdf")
    page = pypdf.PdfReader(str(path)).pages[0]
    read = {l.text: l.markers for l in page_lines(page_runs(page, Widths()), 0)}
    first = "A biopsy is performed to establish the diagnosis of ATC. The appearance of ATCs varies widely."
    second = "Molecular techniques may help in some cases of ATC. Sometimes it is difficult to tell."
    assert read.get(first) == [(first.index(" The"), 12)], read
    assert read.get(second) == [(second.index(" Sometimes"), 13), (second.index(" Sometimes"), 14)], read


def test_a_watermark_on_every_page_is_not_a_heading_nor_text(tmp_path):
    """A draft prints 'DRAFT' in 90 pt across the middle of every page: a watermark, not a section on each page."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for page in range(4):
        c.setFont("Helvetica-Bold", 16)
        c.drawString(56, 780, f"{page + 1} Chapter {page + 1} on ports")
        c.setFont("Helvetica", 10)
        for j in range(12):
            c.drawString(56, 750 - 13 * j, f"Line {j + 1} of chapter {page + 1} says what the ports plan to do over the coming years.")
        c.setFont("Helvetica", 90)
        c.setFillGray(0.85)
        c.drawString(150, 350, "DRAFT")
        c.setFillGray(0.0)
        c.showPage()
    doc = ingest_file(saved(c, buf, tmp_path / "draft.pdf"))
    assert not any("DRAFT" in s.title or "DRAFT" in s.text for s in doc.sections), [s.title for s in doc.sections]
    assert any("Line 12 of chapter 4" in s.text for s in doc.sections)


def test_a_footnote_whose_small_number_is_glued_to_its_words_is_a_note(tmp_path):
    """LaTeX sets a footnote's number in 6 pt right against its text in 9 pt ('1http://caml.inria.fr/...', no space
    in the text layer) at the page's foot, under a paragraph that goes on on the next page: the footnote is note 1,
    and the paragraph reads on past it ('used in other programs', not 'used in other 1http://... programs')."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 780, "1 Overview")
    for j in range(40):
        line = c.beginText(72, 750 - 13.5 * j)
        line.setFont("Helvetica", 10.9)
        line.textOut(f"Line {j + 1} describes the packaging of objects as components of the system" + ("" if j < 39 else " that can be used in other"))
        if j == 3:  # the marker, raised in smaller type
            line.setFont("Helvetica", 8)
            line.setRise(4)
            line.textOut("1")
        c.drawText(line)
    note = c.beginText(84, 77)
    note.setFont("Helvetica", 6)
    note.setRise(3)
    note.textOut("1")
    note.setRise(0)
    note.setFont("Helvetica", 9)
    note.textOut("http://caml.inria.fr/ocaml/htmlman/index.html")
    c.drawText(note)
    c.showPage()
    c.setFont("Helvetica", 10.9)
    c.drawString(72, 780, "programs, either by dynamic linking of the components or by calls between processes.")
    c.showPage()
    doc = ingest_file(saved(c, buf, tmp_path / "footnote.pdf"))
    text = " ".join(s.text for s in doc.sections)
    assert "that can be used in other programs, either by dynamic linking" in text, text
    assert "http" not in text
    assert [(n.number, n.url) for n in doc.endnotes] == [(1, "http://caml.inria.fr/ocaml/htmlman/index.html")]


def test_footnotes_numbered_again_in_each_chapter_are_each_chapters_own(tmp_path):
    """Three manuals of Debian's packages (the R language definition, the Filesystem Hierarchy Standard, the Policy
    Manual) number footnotes from 1 in each chapter: every marker 1 after the first chapter was resolved to the
    first chapter's note 1, and the later chapters' notes were lost."""
    from askwef.types import find_endnote

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for chapter, topic in ((1, "ports"), (2, "farms")):
        lines = [f"Line {j + 1} of chapter {chapter} says what the {topic} plan to do with tidal power." for j in range(20)]
        footnoted_page(c, f"{chapter} Tidal {topic}", lines, f"1 The {topic} survey of {2020 + chapter} counted every site.",
                       size=10.9, note_size=8)
    doc = ingest_file(saved(c, buf, tmp_path / "chapters.pdf"))
    notes = {(n.scope, n.number): n.reference for n in doc.endnotes}
    assert notes == {("1 Tidal ports", 1): "The ports survey of 2021 counted every site.",
                     ("2 Tidal farms", 1): "The farms survey of 2022 counted every site."}
    cited = [(s.path, find_endnote(doc.endnotes, n, s.path).reference) for s in doc.sections for sp in s.sentences for n in sp.endnotes]
    assert cited == [("1 Tidal ports", "The ports survey of 2021 counted every site."), ("2 Tidal farms", "The farms survey of 2022 counted every site.")]


def test_the_year_is_read_from_the_front_matter_not_a_manuals_history_further_on(tmp_path):
    """The Debian Policy Manual's history ("July 1997"), 13 pages in, dated it once its eight-page Contents was read
    whole: the year is read from the front matter and the body's first pages."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    title_and_contents(c, "A Policy Manual", [f"{k} Chapter {k} . . . . . . . . {k + 2}" for k in range(1, 7)])
    for k in range(1, 7):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, 780, f"{k} Chapter {k}")
        c.setFont("Helvetica", 10)
        text = "The manual was first written in July 1997 by its editors." if k == 6 else f"Chapter {k} says what packages must do."
        for j in range(5):
            c.drawString(72, 750 - 13 * j, text)
        c.showPage()
    assert ingest_file(saved(c, buf, tmp_path / "manual.pdf")).year != 1997


def test_months_in_a_records_sentences_do_not_date_it(tmp_path):
    """The USGS water record (FrameMaker, two pages of a station's data) prints no date line, only the history of its
    gauge in sentences: "... at site 830 ft upstream January 1935 to September 1942, and at present site since October
    1942, ...". It was dated 1942; a month in a sentence dates an event, and the file's creation date dates the record."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)  # (reportlab's invariant files are created on 1 January 2000)
    set_lines(c, [("02148000 TIDAL RIVER NEAR THE PORT", 10, False, 0),
                  ("PERIOD OF RECORD.--January to December 1903 (gage heights only), October 1904 to September 1910.", 10, False, 14),
                  ("Gage-height records collected at site 830 ft upstream January 1935 to September 1942, and at", 10, False, 14),
                  ("present site since October 1942, are contained in reports of the weather service of the port.", 10, False, 14)])
    assert ingest_file(saved(c, buf, tmp_path / "record.pdf")).year == 2000

"""A report with an outline and no Contents page: every bookmark, at every depth and unnumbered, is a section, opened on
its bookmark's page (made with reportlab as a design tool exports a sustainability report: the Amazon 2022 report's
'People', bookmarked on p54, took a small 'People' printed in its year in review on p5, and its six sections held all
2,571 sentences)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import bookmarked_report, saved  # (tests/ is on sys.path)


def _body(topic: str) -> list[tuple[str, float, int]]:
    return [(f"This part of the report says how the {topic} were measured, audited and reported last year.", 10, 0),
            (f"Each figure for the {topic} covers the whole company and every one of its subsidiaries.", 10, 0)]


def _report(tmp_path: Path):
    pages = [
        [("Year in Review", 18, 1), ("Climate", 12, 2), *_body("climate highlights"), ("People", 12, 2), *_body("people highlights")],
        [("Climate", 18, 1), ("Carbon", 14, 2), *_body("carbon emissions"), ("Renewable Energy", 14, 2), *_body("energy purchases")],
        [("Waste", 0, 2), *_body("packaging and waste streams")],
        [("People", 18, 1), ("Safety", 14, 2), *_body("injury rates"), ("Training", 14, 2), *_body("training hours")],
    ]
    return _read(tmp_path, "A Company Sustainability Report", pages)


def _read(tmp_path: Path, title: str, pages, name: str = "report.pdf"):
    """`pages` drawn as a bookmarked report (`pdfpages.bookmarked_report`) and read."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    bookmarked_report(c, title, pages)
    return ingest_file(saved(c, buf, tmp_path / name))


def _filed(doc, words: str) -> str:
    """The path of the section holding the sentence that has `words`."""
    return next(s.path for s in doc.sections for sp in s.sentences if words in s.text[sp.start : sp.end])


def test_every_bookmark_is_a_section_nested_at_its_depth(tmp_path):
    doc = _report(tmp_path)
    assert _filed(doc, "carbon emissions") == "Climate > Carbon"
    assert _filed(doc, "energy purchases") == "Climate > Renewable Energy"
    assert _filed(doc, "injury rates") == "People > Safety"
    assert _filed(doc, "training hours") == "People > Training"
    assert not [w for w in doc.warnings if "not found" in w]


def test_a_title_printed_on_an_earlier_page_does_not_take_the_chapter(tmp_path):
    """'People' is printed small in the year in review (p2) before its chapter (p5): the chapter opens on p5, and the
    climate chapter between is not filed under it."""
    doc = _report(tmp_path)
    assert _filed(doc, "people highlights") == "Year in Review > People"
    assert _filed(doc, "carbon emissions") == "Climate > Carbon"
    assert next(s.page for s in doc.sections if s.path == "People > Safety") == 5


def test_a_bookmark_whose_title_is_not_printed_opens_at_its_page(tmp_path):
    """'Waste' is bookmarked on p4, its title not printed there: its section opens at the top of that page."""
    doc = _report(tmp_path)
    assert _filed(doc, "packaging and waste streams") == "Climate > Waste"
    assert _filed(doc, "energy purchases") == "Climate > Renewable Energy"


def test_a_heading_moved_to_the_next_page_opens_there(tmp_path):
    """'Renewable Energy' is bookmarked under p2's last line and printed at the top of p3 (it did not fit): its section
    opens on p3, and 'Carbon' keeps p2's text (opened at its bookmark on p2, it followed 'Carbon' and left it empty)."""
    pages = [
        [("Climate", 18, 1), ("Carbon", 14, 2), *_body("carbon emissions"), ("Renewable Energy", -14, 2)],
        [("Renewable Energy", 14, -2), *_body("energy purchases")],
        [("People", 18, 1), *_body("injury rates")],
    ]
    doc = _read(tmp_path, "A Company Sustainability Report", pages)
    assert _filed(doc, "carbon emissions") == "Climate > Carbon"
    assert _filed(doc, "energy purchases") == "Climate > Renewable Energy"
    assert next(s.page for s in doc.sections if s.path == "Climate > Renewable Energy") == 3


def test_a_chapter_takes_the_number_of_its_numbered_sections_past_an_unnumbered_one(tmp_path):
    """Chapter 'Key enablers' prints no number; under it an unnumbered figure title comes before 2.1 and 2.2: the chapter
    is 2 (the figure title, first of the run, took the 2 and left the chapter unnumbered)."""
    pages = [
        [("Key enablers", 18, 1), *_body("five enablers"), ("China's five key enablers", 14, 2), *_body("figure sources"),
         ("2.1 Infrastructure", 14, 2), *_body("data centres")],
        [("2.2 Data", 14, 2), *_body("data exchanges")],
    ]
    doc = _read(tmp_path, "A Company Sustainability Report", pages)
    assert _filed(doc, "figure sources") == "2 Key enablers > China's five key enablers"
    assert _filed(doc, "data centres") == "2 Key enablers > 2.1 Infrastructure"
    assert _filed(doc, "data exchanges") == "2 Key enablers > 2.2 Data"


def test_a_heading_broken_over_two_lines_takes_its_bookmarks_spelling(tmp_path):
    """The Ghostscript colour guide's "8.3 DeviceN, Spot Color Customization and Direct Color Re-" "placement": the
    section's title kept the line-end hyphen and the space ("Re- placement"); its bookmark spells "Replacement"."""
    pages = [[("Spot Colors", 18, 1), *_body("spot colours"), ("Direct Color Replacement", 0, 2),
              ("Direct Color Re-", 14, -2), ("placement", 14, -2), *_body("replaced colours")]]
    doc = _read(tmp_path, "A Colour Management Guide", pages, "colour.pdf")
    assert _filed(doc, "replaced colours") == "Spot Colors > Direct Color Replacement"


def test_a_bookmark_named_by_a_merged_files_name_is_no_section_and_its_bookmarks_take_its_place(tmp_path):
    """The NCCN guideline's Discussion, merged in under a bookmark named "ms_Thyroid_2_2020_071520_watermarked.pdf": its
    sections were read under that name or, its destination the cover, under the algorithm's last section."""
    pages = [[("Principles of Radiation", 18, 1), *_body("radiation doses")],
             [("ms_discussion_2020_watermarked.pdf", 0, 1), ("Differentiated Carcinoma", 18, 2), *_body("differentiated tumours"),
              ("Prognosis", 14, 3), *_body("survival rates")],
             [("Anaplastic Carcinoma", 18, 2), *_body("anaplastic tumours")]]
    doc = _read(tmp_path, "A Thyroid Guideline", pages, "guideline.pdf")
    assert _filed(doc, "radiation doses") == "Principles of Radiation"
    assert _filed(doc, "survival rates") == "Differentiated Carcinoma > Prognosis"
    assert _filed(doc, "anaplastic tumours") == "Anaplastic Carcinoma"

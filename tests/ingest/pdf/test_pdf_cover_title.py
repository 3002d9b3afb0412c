"""pdf/title.py and pdf/year.py: the report's title and year are its cover's. A cover whose title is artwork does not
hand the title to the first chapter's heading (which keeps its section), a kicker over the title joins it, a drop cap
is no title, and a foreword recounting earlier dates does not outvote the cover's date (the NHS Constitution, its
Handbook and a Scientific Reports article, hunt46; the USGS water-year report, hunt45)."""

from __future__ import annotations

from askwef.ingest import ingest_file
from coverpages import covered_report, drop_cap_page, prose  # (tests/ is on sys.path)
from pdfpages import filed_under

CHAPTERS = [
    ("The ports belong to the people.", 13.5, prose("harbour accounts", 6)),
    ("1. Principles that guide the ports", 17, prose("tidal principles")),
    ("2. Port values", 17, prose("port values")),
]


def test_a_cover_whose_title_is_artwork_takes_the_metadata_title_and_chapter_1_keeps_its_section(tmp_path):
    """The cover prints only "for England" and a date (its title is a picture): the first chapter's numbered heading,
    the largest type of the first pages, is not the title (it was, and its bookmark was dropped as the cover's, its
    sentences filed under the page before); the metadata's title names the report."""
    cover = [("for England", 13, 58), ("27 July 2015", 13, 42)]
    path = covered_report(tmp_path / "constitution.pdf", cover, CHAPTERS, metadata_title="The Ports Constitution")
    doc = ingest_file(path)
    assert doc.title == "The Ports Constitution"
    assert filed_under(doc, "tidal principles") == "1 Principles that guide the ports"
    assert filed_under(doc, "harbour accounts") == "The ports belong to the people."


def test_a_numbered_chapter_heading_is_no_title_even_without_a_metadata_title(tmp_path):
    cover = [("for England", 13, 58), ("27 July 2015", 13, 42)]
    doc = ingest_file(covered_report(tmp_path / "ports_constitution.pdf", cover, CHAPTERS))
    assert doc.title == "Ports constitution"  # the file's name: reportlab's "untitled" names nothing
    assert filed_under(doc, "tidal principles") == "1 Principles that guide the ports"


def test_an_unnumbered_chapter_heading_over_running_text_gives_way_to_the_metadata_title(tmp_path):
    cover = [("for England", 13, 58)]
    chapters = [("Principles that guide the ports", 17, prose("tidal principles", 30))]
    doc = ingest_file(covered_report(tmp_path / "constitution.pdf", cover, chapters, metadata_title="The Ports Constitution"))
    assert doc.title == "The Ports Constitution"


def test_a_kicker_set_over_the_title_joins_it_and_a_series_name_set_apart_does_not(tmp_path):
    """"THE HANDBOOK TO" (18.5 pt) right over "The Ports Constitution" (25.6 pt): the title was the other report's name."""
    cover = [("THE HANDBOOK TO", 18.5, 684.3), ("The Ports Constitution", 25.6, 656.3), ("for England", 14, 590.5),
             ("January 2019", 14, 573.5)]
    doc = ingest_file(covered_report(tmp_path / "handbook.pdf", cover, CHAPTERS[:1], metadata_title="Handbook 2019"))
    assert doc.title == "The Handbook to The Ports Constitution"
    series = [("Public Governance Reviews", 19, 679.6), ("The Ports Constitution", 30, 633.4)]  # 1.54 sizes apart
    doc = ingest_file(covered_report(tmp_path / "review.pdf", series, CHAPTERS[:1]))
    assert doc.title == "The Ports Constitution"


def test_a_drop_cap_is_no_title(tmp_path):
    """The largest type of a journal's first page is its 36 pt drop cap "S": the title was the file's name."""
    paragraph = prose("ion crystals")
    paragraph[0] = "S" + paragraph[0]
    path = drop_cap_page(tmp_path / "sci_rep.pdf", ["Quantum Computation under", "Micromotion in a Planar Ion Crystal"], paragraph)
    assert ingest_file(path).title == "Quantum Computation under Micromotion in a Planar Ion Crystal"


def test_the_covers_date_outvotes_a_history_recounted_in_the_foreword(tmp_path):
    """The cover prints "January 2019"; the overview after it recounts the history, in sentences and under dates set
    as short lines of their own ("April 2013" over its paragraph, as the Handbook sets "March 2012" and "April 2013"),
    so "April 2013" dates two short lines (the Handbook was dated 2013 by them). The PDF's creation date (2000 here)
    agrees with neither."""
    cover = [("The Ports Handbook", 25.6, 656.3), ("January 2019", 14, 573.5)]
    history = ["April 2013", "The constitution was first published in January 2009 and renewed in April 2013.",
               "The pledges were revised in April 2013, and the staff rights in April 2013 as well.",
               "Technical amendments, April 2013"]
    doc = ingest_file(covered_report(tmp_path / "handbook.pdf", cover, [("Overview", 26, history + prose("overview"))]))
    assert doc.year == 2019


def test_a_printed_year_the_creation_date_agrees_with_outvotes_dates_of_the_record(tmp_path):
    """A water-year report of 2004, made into a PDF in March 2005, whose only page recounts its station's record back to
    1903 ("September 1942" three times): the year is the one the PDF's creation date agrees with, though printed in a
    sentence. Made in 2000, no printed date agrees, and months in sentences date the record's events (DATE_LINE_WORDS,
    test_pdf_made's USGS record): the creation date dates it."""
    record = ["Records were kept from January 1903 to September 1942 at the old site, and from October 1942 on.",
              "The gage was moved in September 1942, and the datum was revised in September 1942 as well.",
              "Water year October 2003 to September 2004: daily mean values follow."]
    pages = [("Wateree River near Camden", 14, record + prose("daily discharges"))]
    doc = ingest_file(covered_report(tmp_path / "wateree.pdf", [], pages, created="D:20050328120000"))
    assert doc.year == 2004
    doc = ingest_file(covered_report(tmp_path / "wateree.pdf", [], pages))  # made in 2000: not the record's 1942
    assert doc.year == 2000


def test_a_chapters_bookmark_equal_to_the_title_keeps_its_section(tmp_path):
    """Only the outline's first bookmark, carrying the title, is the cover's: a chapter bookmarked further on under the
    report's own name is a section."""
    cover = [("Tidal Principles", 26, 656.3)]
    chapters = [CHAPTERS[0], ("Tidal Principles", 17, prose("tidal principles"))]
    doc = ingest_file(covered_report(tmp_path / "principles.pdf", cover, chapters))
    assert doc.title == "Tidal Principles"
    assert filed_under(doc, "tidal principles") == "Tidal Principles"


def test_headings_of_the_titles_size_over_their_paragraphs_are_not_one_title(tmp_path):
    """A note with no cover: its first page holds 16 pt headings over paragraphs (a PyMuPDF change note was titled
    "Pixmap API Change: Display List API Change: ..."). The title is the first heading's block only."""
    first = [("Pixmap Changes", 16, 744), *[(line, 12, 720 - 16 * k) for k, line in enumerate(prose("pixmaps", 4))],
             ("Display List Changes", 16, 560), *[(line, 12, 536 - 16 * k) for k, line in enumerate(prose("lists", 4))]]
    doc = ingest_file(covered_report(tmp_path / "note.pdf", first, [("Text Page Changes", 16, prose("text pages"))]))
    assert doc.title == "Pixmap Changes"


def test_a_picture_cover_with_no_text_gives_the_title_to_the_metadata_not_the_first_chapter(tmp_path):
    """The cover is a picture alone: the first page with text opens a chapter, its heading over running text."""
    chapters = [("Executive summary", 17, prose("port accounts", 30))]
    doc = ingest_file(covered_report(tmp_path / "summary.pdf", [], chapters, metadata_title="The Ports Constitution"))
    assert doc.title == "The Ports Constitution"

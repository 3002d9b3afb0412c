"""pdf/title.py, pdf/year.py and pdf/glyphnames.py: a LaTeX title page's byline is no subtitle and its date is the
report's, an affiliation run on into the title block is no part of the title, and a glyph named by its hex code is
read as its letter (the XFig how-to and the MPICH guides, guard set of stop 48)."""

from __future__ import annotations

from askwef.ingest import ingest_file
from coverpages import covered_report, prose  # (tests/ is on sys.path)

CHAPTERS = [("Getting started", 17, prose("tide tables"))]


def test_an_author_over_their_affiliation_is_no_subtitle_and_the_printed_date_outvotes_a_later_creation_date(tmp_path):
    """The how-to's title page: title, author, department, university, e-mail and date in one size under it (LaTeX's
    maketitle). The author was taken as the subtitle ("Using XFig: Peter Hiscocks"), and the year was the 2019 of a
    re-distilled PDF's creation date, not the "August 17, 2001" the page prints."""
    cover = [("Using the Harbour Tools", 28, 700), ("Peter Quay", 16, 646), ("Department of Marine Engineering", 16, 606),
             ("Harbour Polytechnic University", 16, 588), ("pquay@harbour.example.org", 16, 548), ("August 17, 2001", 16, 508)]
    doc = ingest_file(covered_report(tmp_path / "harbour.pdf", cover, CHAPTERS, created="D:20190321000000"))
    assert doc.title == "Using the Harbour Tools"
    assert doc.year == 2001


def test_a_subtitle_not_followed_by_an_affiliation_stays(tmp_path):
    cover = [("Using the Harbour Tools", 28, 700), ("A guide for pilots", 16, 666), ("January 2019", 16, 560)]
    doc = ingest_file(covered_report(tmp_path / "harbour.pdf", cover, CHAPTERS, created="D:20190321000000"))
    assert doc.title == "Using the Harbour Tools: A guide for pilots"


def test_affiliation_lines_in_the_title_block_are_dropped_and_a_version_line_is_its_subtitle(tmp_path):
    """The MPICH guide's title block: four lines in one size, 1.1 sizes apart, the first with a footnote's asterisk."""
    cover = [("Harbour Tools User's Guide*", 20, 607), ("Version 4.0.2", 20, 585), ("Marine Science Division", 20, 563),
             ("Harbour National Laboratory", 20, 541), ("Ann Quay Bob Pier", 12, 504), ("January 10, 2023", 12, 430)]
    doc = ingest_file(covered_report(tmp_path / "guide.pdf", cover, CHAPTERS, created="D:20230110000000"))
    assert doc.title == "Harbour Tools User's Guide: Version 4.0.2"


def test_a_line_of_the_titles_size_set_far_under_it_is_no_part_of_it_and_an_iso_date_line_dates_it(tmp_path):
    """geobase's cover: "National Hydro Network, Canada, Level 1" "Data Model", then 3.3 sizes lower "Edition 1.0" and
    "2004-08" in the same size (the title ran on into both); its PDF was made in 2003."""
    cover = [("Harbour Network, Level 1", 18, 571), ("Data Model", 18, 550), ("Edition 1.0", 18, 481), ("2004-08", 18, 419)]
    doc = ingest_file(covered_report(tmp_path / "network.pdf", cover, CHAPTERS, created="D:20031105000000"))
    assert doc.title == "Harbour Network, Level 1 Data Model"
    assert doc.year == 2004


def test_a_glyph_named_by_its_hex_code_is_read_as_its_letter(tmp_path):
    """pdfTeX's Type 3 fonts name glyphs by their code ("/x2A", the asterisk): pypdf put the name in the text, and the
    title read "MPICH User’s Guide/x2A". A variant's name reads as its letter's ("/plus.sc", the Adobe Glyph List's rule)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

    cover = [("Harbour Tools Guide*", 24, 700), ("Set in 2019 + more", 16, 660)]
    path = covered_report(tmp_path / "glyphs.pdf", cover, CHAPTERS)
    writer = PdfWriter(clone_from=PdfReader(path))
    for font in writer.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        if font["/BaseFont"] == "/Helvetica-Bold":  # its '*' named '/x2A', its '+' '/plus.sc'
            font[NameObject("/Encoding")] = DictionaryObject({NameObject("/Differences"): ArrayObject(
                [NumberObject(42), NameObject("/x2A"), NameObject("/plus.sc")])})
    with path.open("wb") as out:
        writer.write(out)
    doc = ingest_file(path)
    assert doc.title == "Harbour Tools Guide: Set in 2019 + more"

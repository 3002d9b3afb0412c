"""A short Contents title printed before its section, in a list or as a bold line (made with reportlab as the RTKLIB
manual prints its directory tree: Word, bold program names in the body's type on p5, the appendix "A.5 STR2STR" on
p99): the entry's heading is the one printed at its Contents page, and an entry skipped by an early match is still
looked for at its own. And its Contents, which goes on over its first page past a copyright line and folio."""

from __future__ import annotations

from askwef.ingest import ingest_file
from layoutpages import guideline_pdf, guideline_prose  # (tests/ is on sys.path)
from pdfpages import filed_under


def prose(topic: str) -> tuple[str, float, bool, float]:
    """A line of a manual's body text about `topic` (`guideline_prose`)."""
    return guideline_prose(topic, "manual", "set, checked and written to disk")


def listing(*names: str) -> list[tuple[str, float, bool, float]]:
    """A directory tree's lines: each program's folder in the body's type, bold, as the RTKLIB manual prints them."""
    return [(f"\\{name}", 10, True, 16) for name in names]


def rows(*entries: tuple[str, int]) -> list[list[str]]:
    return [[f"{title} . . . . . . . . {page}" for title, page in entries]]


def section_pages(doc) -> dict[str, int]:
    return {s.path: s.page for s in doc.sections}


def test_a_short_title_printed_in_a_list_pages_before_its_entry_opens_nothing(tmp_path):
    """RTKLIB's p5 lists the folders '\\rtkrcv' .. '\\str2str' (bold, body type), the titles alone of the appendix
    entries A.1 .. A.5 (p90-p99): taken for them, the fifteen entries between were skipped, never looked for again, and
    4,597 of ~4,750 sentences filed under A.5. Each entry is its heading at its Contents page."""
    contents = rows(("1 TOOLS", 3), ("1.1 Installation", 3), ("1.2 Configuration", 4), ("1.3 Logging", 5),
                    ("2 REFERENCE", 6), ("2.1 CONVBIN", 6), ("2.2 STR2STR", 7))
    pages = [[("1 TOOLS", 20, True, 0), ("1.1 Installation", 14, True, 30), prose("package files"),
              *listing("rtknavi", "convbin", "str2str"), prose("folder names")],
             [("1.2 Configuration", 14, True, 0), prose("stream options")],
             [("1.3 Logging", 14, True, 0), prose("trace levels")],
             [("2 REFERENCE", 20, True, 0), ("2.1 CONVBIN", 14, True, 30), prose("conversion flags")],
             [("2.2 STR2STR", 14, True, 0), prose("relayed streams")]]
    doc = ingest_file(guideline_pdf(tmp_path / "manual.pdf", contents, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert filed_under(doc, "folder names") == "1 TOOLS > 1.1 Installation"
    assert filed_under(doc, "stream options") == "1 TOOLS > 1.2 Configuration"
    assert filed_under(doc, "trace levels") == "1 TOOLS > 1.3 Logging"
    assert filed_under(doc, "conversion flags") == "2 REFERENCE > 2.1 CONVBIN"
    assert filed_under(doc, "relayed streams") == "2 REFERENCE > 2.2 STR2STR"
    assert filed_under(doc, "\\str2str") == "1 TOOLS > 1.1 Installation"  # the listing's line stays its text
    pages_of = section_pages(doc)
    assert (pages_of["1 TOOLS > 1.2 Configuration"], pages_of["2 REFERENCE > 2.2 STR2STR"]) == (4, 7)


def test_a_chapter_title_printed_as_a_bold_line_before_its_chapter_does_not_open_it(tmp_path):
    """'Methodology' printed as a bold line in the introduction, four pages before the chapter the Contents lists: the
    chapter opens at its heading, and the introduction's text after the bold line stays the introduction's."""
    contents = rows(("1 Introduction", 3), ("2 Methodology", 7), ("3 Results", 8))
    pages = [[("1 Introduction", 20, True, 0), prose("survey aims"), ("Methodology", 10, True, 24), prose("earlier surveys")],
             [prose("sampling frames")], [prose("response rates")], [prose("field teams")],
             [("2 Methodology", 20, True, 0), prose("weighting methods")],
             [("3 Results", 20, True, 0), prose("headline results")]]
    doc = ingest_file(guideline_pdf(tmp_path / "survey.pdf", contents, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    # (a bold line over prose in a Contents of chapters only is a subsection of the chapter open: "1 Introduction > ...")
    assert filed_under(doc, "earlier surveys").startswith("1 Introduction")
    assert filed_under(doc, "field teams").startswith("1 Introduction")
    assert filed_under(doc, "weighting methods") == "2 Methodology"
    assert section_pages(doc)["2 Methodology"] == 7


def test_entries_skipped_by_an_early_match_are_found_at_their_pages(tmp_path):
    """When the entry's own heading is not printed as its Contents title ('2.1 The STR2STR relay' for '2.1 STR2STR'),
    the early '\\str2str' is taken for it, and 1.2, 1.3 and 2 are skipped; '1.2 Configuration', printed at its page
    after it, shows the match wrong: the sections are read again from there, and only 2.1 is not found."""
    contents = rows(("1 TOOLS", 3), ("1.1 Installation", 3), ("1.2 Configuration", 4), ("1.3 Logging", 5),
                    ("2 REFERENCE", 6), ("2.1 STR2STR", 6))
    pages = [[("1 TOOLS", 20, True, 0), ("1.1 Installation", 14, True, 30), prose("package files"),
              *listing("rtknavi", "str2str"), prose("folder names")],
             [("1.2 Configuration", 14, True, 0), prose("stream options")],
             [("1.3 Logging", 14, True, 0), prose("trace levels")],
             [("2 REFERENCE", 20, True, 0), ("2.1 The STR2STR relay", 14, True, 30), prose("relayed streams")]]
    doc = ingest_file(guideline_pdf(tmp_path / "manual.pdf", contents, pages))
    assert [w for w in doc.warnings if "not found" in w] == ["Contents entry not found in the body: 2.1 STR2STR"]
    assert filed_under(doc, "folder names") == "1 TOOLS > 1.1 Installation"
    assert filed_under(doc, "\\str2str") == "1 TOOLS > 1.1 Installation"
    assert filed_under(doc, "stream options") == "1 TOOLS > 1.2 Configuration"
    assert filed_under(doc, "trace levels") == "1 TOOLS > 1.3 Logging"
    assert filed_under(doc, "relayed streams") == "2 REFERENCE"
    assert [s.path for s in doc.sections].count("1 TOOLS > 1.1 Installation") == 1


def test_a_contents_goes_on_over_its_page_past_a_copyright_line_and_folio_at_its_foot(tmp_path):
    """RTKLIB's Contents page ends in a copyright line and the folio 'i' under its last row, 'A.5 STR2STR ... 99'; the
    list goes on over the page ('Appendix B File Formats ... 101' to 'References ... 179'). Read as the list's end, the
    second page's rows were indexed as 51 'sentences' ('101', 'B.1 Positioning Solution File.....') and appendices B
    to F, 82 of 183 pages, were filed under A.5."""
    contents = [["1 METHODS . . . . . . . . 4", "1.1 Sampling . . . . . . . . 4", "1.2 Weighting . . . . . . . . 5",
                 ("Copyright (C) 2013, The Survey Office. All rights reserved.", 9, False, 600), ("i", 9, False, 30)],
                ["2 RESULTS . . . . . . . . 6", "2.1 Coverage . . . . . . . . 6", "Appendix A Data tables . . . . . . . . 7"]]
    pages = [[("1 METHODS", 20, True, 0), ("1.1 Sampling", 14, True, 30), prose("sampling frames")],
             [("1.2 Weighting", 14, True, 0), prose("weighting methods")],
             [("2 RESULTS", 20, True, 0), ("2.1 Coverage", 14, True, 30), prose("coverage rates")],
             [("Appendix A Data tables", 20, True, 0), prose("data tables")]]
    doc = ingest_file(guideline_pdf(tmp_path / "survey.pdf", contents, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert filed_under(doc, "weighting methods") == "1 METHODS > 1.2 Weighting"
    assert filed_under(doc, "coverage rates") == "2 RESULTS > 2.1 Coverage"
    assert filed_under(doc, "data tables") == "A Data tables"
    assert not [t for s in doc.sections for sp in s.sentences if ". . . ." in (t := s.text[sp.start : sp.end])]

"""Numbering and Contents shapes of manuals (made with reportlab as DocBook and ReportLab print them): an appendix
numbered by its letter as a chapter by its number, a Contents row whose page is printed only on its next row, and a
part that opens on a Contents of its own."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import filed_under, manual_body, manual_pdf, saved, set_lines, title_and_contents  # (tests/ is on sys.path)



def test_an_appendix_is_numbered_by_its_letter_as_a_chapter_by_its_number(tmp_path):
    """"Appendix A: Recent changes" and "A.1. Volumes" (the DRBD guide) are numbered "A" and "A.1", titled after the
    number, and a heading the Contents leaves out, "A.1.1. Udev links", nests under A.1 as "2.1.1" would under "2.1";
    they were titled with their letters and numbered nothing, and A.1.1 was two sentences of A.1."""
    rows = [("1. Loans", 3), ("Appendix A: Recent changes", 4), ("A.1. Volumes", 4), ("A.2. Options", 4)]
    pages = [[("Chapter 1. Loans", 20, 1), *manual_body("loans")],
             [("Appendix A: Recent changes", 20, 1), *manual_body("changes"), ("A.1. Volumes", 16, 2), *manual_body("volumes"),
              ("A.1.1. Udev links", 12, -1), *manual_body("udev links"), ("A.2. Options", 16, 2), *manual_body("options")]]
    doc = ingest_file(manual_pdf(tmp_path / "manual.pdf", rows, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert [(s.number, s.title) for s in doc.sections if s.number.startswith("A")] == [
        ("A", "Recent changes"), ("A.1", "Volumes"), ("A.1.1", "Udev links"), ("A.2", "Options")]
    assert filed_under(doc, "udev links") == "A Recent changes > A.1 Volumes > A.1.1 Udev links"
    assert filed_under(doc, "options") == "A Recent changes > A.2 Options"


def test_an_appendix_titled_references_is_a_section_of_its_own(tmp_path):
    """The R manual's "Appendix A References", books listed in prose, no numbered note list: numbered "A", it is the
    section "A References", not a line of the index before it, which took its sentences."""
    rows = [("1. Loans", 3), ("Index", 4), ("Appendix A References", 5)]
    pages = [[("Chapter 1. Loans", 20, 1), *manual_body("loans")],
             [("Index", 20, 1), *manual_body("index entries")],
             [("Appendix A References", 20, 1),
              ("Richard A. Becker and John M. Chambers (1988), The New S Language. Chapman and Hall, New York.", 10, 0)]]
    doc = ingest_file(manual_pdf(tmp_path / "manual.pdf", rows, pages))
    assert filed_under(doc, "The New S Language") == "A References"
    assert filed_under(doc, "index entries") == "Index"


def test_a_contents_row_without_its_page_is_not_run_into_the_next_row(tmp_path):
    """A chapter's Contents row whose page is not read with it ("Chapter 5 PLATYPUS ... Scripts", its page apart; "8.3
    DocPara(...)", its page shrunk to fit) was joined to the row under it: "5 PLATYPUS ... Scripts 5.1 Design Goals"
    and "8.3 DocPara(...) 8.4 DocAssert(...)", and 5.1 and 8.3 were lost. A row under it numbered as its first
    subsection or as the entry after it is a row of its own."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    title_and_contents(c, "A Layout Library Guide", ["Chapter 1 Page Layout Using Scripts", "1.1 Design Goals . . . . . . . . 3",
                                                      "1.2 DocPara(self, expr, format=None)", "1.3 DocAssert(self, cond) . . . . . . . . 3",
                                                      "Chapter 2 Tables . . . . . . . . 4", "2.1 Table Styles . . . . . . . . 4"])
    prose = [(f"The library lays out {what} from a script, page after page, in the order the script gives them.", 10, False, 14)
             for what in ("paragraphs", "frames", "tables")]
    set_lines(c, [("Chapter 1 Page Layout Using Scripts", 18, True, 0), ("1.1 Design Goals", 14, True, 30), prose[0],
                  ("1.2 DocPara(self, expr, format=None)", 14, True, 30), prose[1], ("1.3 DocAssert(self, cond)", 14, True, 30),
                  ("The assertion stops the build when its condition is false, with the message it is given.", 10, False, 14)])
    set_lines(c, [("Chapter 2 Tables", 18, True, 0), ("2.1 Table Styles", 14, True, 30), prose[2]])
    doc = ingest_file(saved(c, buf, tmp_path / "guide.pdf"))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert filed_under(doc, "lays out paragraphs") == "1 Page Layout Using Scripts > 1.1 Design Goals"
    assert filed_under(doc, "lays out frames") == "1 Page Layout Using Scripts > 1.2 DocPara(self, expr, format=None)"


def test_a_parts_own_contents_is_no_prose_of_the_part(tmp_path):
    """Each part of the GnuCash guide opens on a Contents of its own chapters ("Table of Contents", then rows with
    leaders and pages): its rows, entries the report's Contents lists, were read as the part's sentences (70 in part
    I). They are Contents lines."""
    rows = [("Preface", 3), ("I. Money Matters", 4), ("1. Loans", 5), ("Overview", 5), ("Rates", 5)]
    pages = [[("Preface", 20, 1), *manual_body("preface's points")],
             [("Part I. Money Matters", 24, 1), ("Table of Contents", 17, -1), ("1. Loans . . . . . . . . . . . . . . . . 5", 10, 0),
              ("Overview . . . . . . . . . . . . . . . . 5", 10, 0), ("Rates . . . . . . . . . . . . . . . . 5", 10, 0)],
             [("Chapter 1. Loans", 20, 2), *manual_body("loans"), ("Overview", 16, 3), *manual_body("loan payments"), ("Rates", 16, 3),
              *manual_body("interest rates")]]
    doc = ingest_file(manual_pdf(tmp_path / "manual.pdf", rows, pages))
    sentences = [s.text[sp.start : sp.end] for s in doc.sections for sp in s.sentences]
    assert not [t for t in sentences if ". . . ." in t or "Table of Contents" in t], sentences
    assert filed_under(doc, "interest rates") == "Part I. Money Matters > 1 Loans > Rates"

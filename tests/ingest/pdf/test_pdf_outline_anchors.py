"""A manual whose sections repeat their titles unnumbered ("Overview" in every chapter), read with its outline: each
heading opens the Contents entry the outline puts on the page it is printed on (made with reportlab as DocBook prints
such manuals: the GnuCash guide's "Overview" of chapter 10 had taken the appendix's entry, and 2,392 sentences of
chapters 10 to 17 were filed under it)."""

from __future__ import annotations



from askwef.ingest import ingest_file
from pdfpages import filed_under, manual_body, manual_pdf  # (tests/ is on sys.path)



def test_each_chapters_overview_is_filed_under_its_own_chapter(tmp_path):
    """Chapter 1 prints a heading "Example" that neither its Contents nor its outline lists; chapter 2 lists one. By
    title alone chapter 1's took chapter 2's entry, chapter 2's "Overview" then took chapter 3's, and two chapters were
    never found: the outline puts each entry on its page, and a heading printed on another page is not it."""
    rows = [("I. Money Matters", 3), ("1. Loans", 4), ("Overview", 4), ("2. Investments", 5), ("Overview", 5), ("Example", 5),
            ("3. Budgets", 6), ("Overview", 6)]
    pages = [[("Part I. Money Matters", 24, 1), *manual_body("parts")],
             [("Chapter 1. Loans", 20, 2), *manual_body("loans"), ("Overview", 16, 3), *manual_body("loan payments"), ("Example", 12, -1),
              *manual_body("house mortgages")],
             [("Chapter 2. Investments", 20, 2), *manual_body("investments"), ("Overview", 16, 3), *manual_body("shares"), ("Example", 14, 4),
              *manual_body("stock splits")],
             [("Chapter 3. Budgets", 20, 2), *manual_body("budgets"), ("Overview", 16, 3), *manual_body("budget periods")]]
    doc = ingest_file(manual_pdf(tmp_path / "manual.pdf", rows, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert filed_under(doc, "house mortgages") == "Part I. Money Matters > 1 Loans > Overview"
    assert filed_under(doc, "shares") == "Part I. Money Matters > 2 Investments > Overview"
    assert filed_under(doc, "stock splits") == "Part I. Money Matters > 2 Investments > Overview > Example"
    assert filed_under(doc, "budget periods") == "Part I. Money Matters > 3 Budgets > Overview"
    # the part is no chapter 1 beside "1 Loans": it holds the chapters, under its own label
    assert [(s.number, s.title, s.level) for s in doc.sections if s.title in ("Part I. Money Matters", "Loans")] == [
        ("", "Part I. Money Matters", 1), ("1", "Loans", 2)]


def test_a_contents_row_with_a_running_header_read_into_it_takes_the_title_printed_on_its_page(tmp_path):
    """A running header read into the Contents row after a page break ("A Household Finance Manual 2.0 Terminology"):
    the bookmark of that page and place, "Terminology", printed there, is the entry; unread, its chapter's heading had
    taken the next chapter's "Terminology" and that chapter was never found."""
    rows = [("1. Loans", 3), ("Overview", 3), ("A Household Finance Manual 2.0 Terminology", 3), ("2. Investments", 4),
            ("Overview", 4), ("Terminology", 4)]
    pages = [[("Chapter 1. Loans", 20, 1), *manual_body("loans"), ("Overview", 16, 2), *manual_body("loan payments"), ("Terminology", 16, 2),
              *manual_body("loan terms")],
             [("Chapter 2. Investments", 20, 1), *manual_body("investments"), ("Overview", 16, 2), *manual_body("shares"), ("Terminology", 16, 2),
              *manual_body("share terms")]]
    doc = ingest_file(manual_pdf(tmp_path / "manual.pdf", rows, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert filed_under(doc, "loan terms") == "1 Loans > Terminology"
    assert filed_under(doc, "share terms") == "2 Investments > Terminology"
    assert filed_under(doc, "shares") == "2 Investments > Overview"


def test_a_chapter_keeps_the_number_its_contents_row_lost_or_ran_into_its_title(tmp_path):
    """A Contents row whose number has no neighbour ("7. Budgets" alone) reads it as the title's first word, and one
    set without a space ("7.1Overview") as part of the title: the bookmark "Chapter 7. Budgets" gives the chapter its
    number, and the row's own digits before the bookmark's title "Overview" give the section its number."""
    rows = [("7. Budgets", 3), ("7.1Overview", 3), ("Terminology", 3)]
    pages = [[("Chapter 7. Budgets", 20, 1), *manual_body("budgets"), ("Overview", 16, 2), *manual_body("budget periods"), ("Terminology", 16, 2),
              *manual_body("budget terms")]]
    doc = ingest_file(manual_pdf(tmp_path / "manual.pdf", rows, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert [(s.number, s.title) for s in doc.sections] == [("7", "Budgets"), ("7.1", "Overview"), ("", "Terminology")]
    assert filed_under(doc, "budget periods") == "7 Budgets > 7.1 Overview"

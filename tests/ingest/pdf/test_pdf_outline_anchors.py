"""A manual whose sections repeat their titles unnumbered ("Overview" in every chapter), read with its outline: each
heading opens the Contents entry the outline puts on the page it is printed on (made with reportlab as DocBook prints
such manuals: the GnuCash guide's "Overview" of chapter 10 had taken the appendix's entry, and 2,392 sentences of
chapters 10 to 17 were filed under it)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import outlined_manual, saved  # (tests/ is on sys.path)


def _body(topic: str) -> list[tuple[str, float, int]]:
    return [(f"This part of the manual says how the {topic} are entered, reconciled and reported each month.", 10, 0),
            (f"Each account for the {topic} holds the transactions of one year and no more than that.", 10, 0)]


def _manual(tmp_path: Path, rows: list[tuple[str, int]], pages: list[list[tuple[str, float, int]]]):
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    outlined_manual(c, "A Household Finance Manual", [f"{title} . . . . . . . . {page}" for title, page in rows], pages)
    return ingest_file(saved(c, buf, tmp_path / "manual.pdf"))


def _filed(doc, words: str) -> str:
    """The path of the section holding the sentence that has `words`."""
    return next(s.path for s in doc.sections for sp in s.sentences if words in s.text[sp.start : sp.end])


def test_each_chapters_overview_is_filed_under_its_own_chapter(tmp_path):
    """Chapter 1 prints a heading "Example" that neither its Contents nor its outline lists; chapter 2 lists one. By
    title alone chapter 1's took chapter 2's entry, chapter 2's "Overview" then took chapter 3's, and two chapters were
    never found: the outline puts each entry on its page, and a heading printed on another page is not it."""
    rows = [("I. Money Matters", 3), ("1. Loans", 4), ("Overview", 4), ("2. Investments", 5), ("Overview", 5), ("Example", 5),
            ("3. Budgets", 6), ("Overview", 6)]
    pages = [[("Part I. Money Matters", 24, 1), *_body("parts")],
             [("Chapter 1. Loans", 20, 2), *_body("loans"), ("Overview", 16, 3), *_body("loan payments"), ("Example", 12, -1),
              *_body("house mortgages")],
             [("Chapter 2. Investments", 20, 2), *_body("investments"), ("Overview", 16, 3), *_body("shares"), ("Example", 14, 4),
              *_body("stock splits")],
             [("Chapter 3. Budgets", 20, 2), *_body("budgets"), ("Overview", 16, 3), *_body("budget periods")]]
    doc = _manual(tmp_path, rows, pages)
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert _filed(doc, "house mortgages") == "Part I. Money Matters > 1 Loans > Overview"
    assert _filed(doc, "shares") == "Part I. Money Matters > 2 Investments > Overview"
    assert _filed(doc, "stock splits") == "Part I. Money Matters > 2 Investments > Overview > Example"
    assert _filed(doc, "budget periods") == "Part I. Money Matters > 3 Budgets > Overview"
    # the part is no chapter 1 beside "1 Loans": it holds the chapters, under its own label
    assert [(s.number, s.title, s.level) for s in doc.sections if s.title in ("Part I. Money Matters", "Loans")] == [
        ("", "Part I. Money Matters", 1), ("1", "Loans", 2)]


def test_a_contents_row_with_a_running_header_read_into_it_takes_the_title_printed_on_its_page(tmp_path):
    """A running header read into the Contents row after a page break ("A Household Finance Manual 2.0 Terminology"):
    the bookmark of that page and place, "Terminology", printed there, is the entry; unread, its chapter's heading had
    taken the next chapter's "Terminology" and that chapter was never found."""
    rows = [("1. Loans", 3), ("Overview", 3), ("A Household Finance Manual 2.0 Terminology", 3), ("2. Investments", 4),
            ("Overview", 4), ("Terminology", 4)]
    pages = [[("Chapter 1. Loans", 20, 1), *_body("loans"), ("Overview", 16, 2), *_body("loan payments"), ("Terminology", 16, 2),
              *_body("loan terms")],
             [("Chapter 2. Investments", 20, 1), *_body("investments"), ("Overview", 16, 2), *_body("shares"), ("Terminology", 16, 2),
              *_body("share terms")]]
    doc = _manual(tmp_path, rows, pages)
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert _filed(doc, "loan terms") == "1 Loans > Terminology"
    assert _filed(doc, "share terms") == "2 Investments > Terminology"
    assert _filed(doc, "shares") == "2 Investments > Overview"


def test_a_chapter_keeps_the_number_its_contents_row_lost_or_ran_into_its_title(tmp_path):
    """A Contents row whose number has no neighbour ("7. Budgets" alone) reads it as the title's first word, and one
    set without a space ("7.1Overview") as part of the title: the bookmark "Chapter 7. Budgets" gives the chapter its
    number, and the row's own digits before the bookmark's title "Overview" give the section its number."""
    rows = [("7. Budgets", 3), ("7.1Overview", 3), ("Terminology", 3)]
    pages = [[("Chapter 7. Budgets", 20, 1), *_body("budgets"), ("Overview", 16, 2), *_body("budget periods"), ("Terminology", 16, 2),
              *_body("budget terms")]]
    doc = _manual(tmp_path, rows, pages)
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert [(s.number, s.title) for s in doc.sections] == [("7", "Budgets"), ("7.1", "Overview"), ("", "Terminology")]
    assert _filed(doc, "budget periods") == "7 Budgets > 7.1 Overview"

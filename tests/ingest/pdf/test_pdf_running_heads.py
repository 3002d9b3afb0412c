"""Running heads that name the chapter, and proof slugs, are page furniture (made with reportlab, in the shapes of the
GnuCash guide and the IRS instructions): not sentences, not cut into the sentences that run across a page's foot."""

from __future__ import annotations

import re
from io import BytesIO

import pytest

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import headed_book, saved, sentence_texts as _sentences  # (tests/ is on sys.path)
from typesetpages import two_sided_book

TITLES = ["The Basics", "Investments", "Overview", "Business Features", "Loans", "Capital Gains"]
WORDS = ["household", "business", "savings", "pension", "travel", "garden", "library", "market", "harbour", "school",
         "railway", "museum", "theatre", "bakery", "clinic", "orchard", "studio", "workshop", "vineyard", "airport"]
ACCOUNTS = ["savings", "checking", "credit card", "loan", "equity", "income", "expense", "asset"]


def _pages(chapter: int, count: int) -> list[list[str]]:
    """`count` pages of body lines, each opening with a line of its own (no two pages' lines alike, digits aside); the
    last line of each page but the last ends mid-sentence and the next page's first line finishes it."""
    pages = []
    for k in range(count):
        word = WORDS[(7 * chapter + k) % len(WORDS)]
        lines = [f"The {word} ledger of chapter {chapter} keeps page {k + 1} of its accounts."]
        lines += [f"Line {j + 1} of page {k + 1} says how the {word} ledger keeps each account in balance." for j in range(8)]
        if k + 1 < count:
            lines.append(f"The sentence that chapter {chapter} carries over page {k + 1} goes")
        if k:
            lines[0] = f"on to the {word} page and ends there. {lines[0]}"
        pages.append(lines)
    return pages


def test_a_running_head_that_names_the_chapter_is_not_text(tmp_path):
    """The GnuCash guide heads its pages with the chapter's title, no page number ('The Basics' on 45 pages, then
    'Investments' on 38): about 200 of them were sentences, one quoted in an answer ('Depreciation'), others cut
    into the sentence running over the page ('The Basics default currency for creating new accounts ...')."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    # (no chapter's head on 30% of the pages: as one line repeated, none is a running head)
    chapters = [(title, _pages(n, count)) for n, (title, count) in enumerate(zip(TITLES, [5, 4, 2, 4, 3, 5]), start=1)]
    headed_book(c, chapters)
    doc = ingest_file(saved(c, buf, tmp_path / "guide.pdf"))
    sentences = _sentences(doc)
    assert not [t for t in sentences if any(title in t for title in TITLES)]
    # ('Overview' heads one page only: the chapter's heading ends with it)
    assert [s.title.split(". ")[-1] for s in doc.sections] == TITLES
    for chapter, (_, pages) in enumerate(chapters, start=1):
        for k in range(1, len(pages)):
            word = WORDS[(7 * chapter + k) % len(WORDS)]
            assert f"The sentence that chapter {chapter} carries over page {k} goes on to the {word} page and ends there." in sentences
            assert f"The {word} ledger of chapter {chapter} keeps page {k + 1} of its accounts." in sentences
    assert sum("Line 1 of page" in t for t in sentences) == sum(len(p) for _, p in chapters)


def test_a_line_at_the_top_of_each_page_that_changes_is_text(tmp_path):
    """The first line of each page's text, at one place on every page, is text: it never repeats."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for k in range(8):
        c.setFont("Helvetica", 10)
        c.drawString(72, A4[1] - 60, f"The register records the transfer to the {ACCOUNTS[k]} account.")
        for j in range(20):
            c.drawString(72, A4[1] - 100 - 12 * j, f"Line {j + 1} of page {k + 1} says how the ledger keeps accounts.")
        c.drawCentredString(A4[0] / 2, 40, str(k + 1))
        c.showPage()
    doc = ingest_file(saved(c, buf, tmp_path / "register.pdf"))
    sentences = _sentences(doc)
    for k in range(8):
        assert f"The register records the transfer to the {ACCOUNTS[k]} account." in sentences


def test_a_proof_slug_on_every_page_is_not_text(tmp_path):
    """The IRS instructions print a proof slug on every page under their running head, 16% down the page ('The type
    and rule above prints on all proofs ... MUST be removed before printing.', 86 sentences), and a 'Userid: ...' line
    over the first page's running head (a section of its own)."""
    slug = "The type and rule above prints on all proofs including reproduction proofs. MUST be removed before printing."
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    headed_book(c, [(TITLES[0], _pages(1, 3)), (TITLES[1], _pages(2, 3))], slug=slug,
                above="Userid: ________ DTD INSTR04 Leadpct: 0% Pt. size: 9.5 Draft Ok to Print")
    doc = ingest_file(saved(c, buf, tmp_path / "instructions.pdf"))
    sentences = _sentences(doc)
    assert not [t for t in sentences if "proofs" in t or "MUST" in t or "Userid" in t]
    assert not [s for s in doc.sections if "Userid" in s.title]
    assert f"The sentence that chapter 1 carries over page 1 goes on to the {WORDS[8]} page and ends there." in sentences
    assert sum("Line 1 of page" in t for t in sentences) == 6


BOOK = [("Definitions and overview", [("What is this manual about", 4), ("Who maintains the archive", 1)]),
        ("Getting and installing the system", [("Where can I get the installer", 3), ("What hardware does it need", 2)]),
        ("Keeping your system up to date", [("How do I upgrade the packages", 2)]),
        ("Debian and the kernel", [("Can I install a kernel", 4)]),
        ("Choosing a distribution", [("Which distribution is better for me", 3), ("Can I change to another one", 2)]),
        ("Getting support for Debian", [("Are there any online resources", 4)])]
"""Chapters (title, sections: title, pages), none long enough for its head to be a line printed on 30% of the pages:
each chapter's head is its own, on a run of pages, as in a long manual."""


def _book() -> tuple[list[tuple[str, list[tuple[str, list[list[str]]]]]], list[str]]:
    """`BOOK` with pages of body lines, each page's its own (digits aside), and the sentences carried over from a page
    to the next within a section."""
    chapters, carried, n = [], [], 0
    for title, sections in BOOK:
        parts = []
        for section, count in sections:
            pages = []
            for k in range(count):
                word = WORDS[n % len(WORDS)]
                lines = [f"The {word} section keeps page {n + 1} of its answers."]
                lines += [f"Line {j + 1} of page {n + 1} says how the {word} archive keeps each package." for j in range(6)]
                if k:
                    lines[0] = f"on to the {word} page and ends there. {lines[0]}"
                    carried.append(f"The sentence that the book carries over page {n} goes on to the {word} page and ends there.")
                if k + 1 < count:
                    lines.append(f"The sentence that the book carries over page {n + 1} goes")
                pages.append(lines)
                n += 1
            parts.append((section, pages))
        chapters.append((title, parts))
    return chapters, carried


@pytest.mark.parametrize("sphinx", [False, True])
def test_a_two_sided_books_running_heads_are_not_text(tmp_path, sphinx):
    """LaTeX's book class heads each page with the chapter at the left and the section at the right, in capitals, cut
    with an ellipsis ('CHAPTER 3. CHOOSING A DEBIAN …' beside '3.1. WHICH DEBIAN DISTRIBUTION …'): the Debian FAQ read
    108 of them as sentences and cut the sentences running over a page in two ('... post your questions on CHAPTER
    3.'). Sphinx prints a running foot, '30 Chapter 5. Managing Packages' on left pages and '5.8. Handling bugs 37' on
    right ones (the Debian Developer's Reference: 'Managing Packages thus increases the chances ...'). A chapter
    two pages long, or a section one page long, heads one page only: its heading names it."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    chapters, carried = _book()
    two_sided_book(c, chapters, sphinx=sphinx)
    doc = ingest_file(saved(c, buf, tmp_path / "faq.pdf"))
    sentences = _sentences(doc)
    heads = [t for t in sentences if "CHAPTER" in t or "Chapter" in t or "…" in t or re.search(r"\d\.\d\.", t)
             or any(section in t for _, parts in BOOK for section, _ in parts)]
    assert not heads
    assert [t for t in carried if t not in sentences] == []
    assert sum("Line 1 of page" in t for t in sentences) == sum(count for _, parts in BOOK for _, count in parts)

"""Bookmarks on body paragraphs (Word's "create bookmarks from styles", as the FDA's budget justification was made):
a bookmark whose title its page prints as running text is no heading; its sentences stay prose, under the heading
before it, and no "Contents entry not found" warning names it."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from layoutpages import styled_bookmarks  # (tests/ is on sys.path)
from pdfpages import filed_under, saved, sentence_texts as _sentences

SAVINGS = ["Generic drugs often cost 20 to 70 percent less than their brand-name counterparts. The",
           "promise of significant savings makes timely review of generic drug applications a vital",
           "part of the strategy to reduce the healthcare costs associated with prescription drugs."]
GROWTH = ["The number of applications submitted has been rising fast over the past six years.",
          "It rose by 158 percent, from 307 applications in 2002 to 793 applications in 2006."]
FOOTNOTE = ["1 The 2008 total is $87,102,000. This includes the program's funds and its pay increase."]
RISKS = ["Not funding this initiative limits the generic drugs available to treat diseases of concern.",
         "Government programs rely on the availability of generic drugs to hold down their costs."]


def _doc(tmp_path: Path, *, bookmarked: bool = True):
    blocks = [(["1. Why is this initiative necessary?"], 12, True, True), (GROWTH, 12, False, bookmarked),
              (SAVINGS, 12, False, bookmarked), (FOOTNOTE, 10, False, bookmarked),
              (["2. What are the risks of not funding it?"], 12, True, True), (RISKS, 12, False, False)]
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    styled_bookmarks(c, "Improving Generic Drug Review", blocks)
    return ingest_file(saved(c, buf, tmp_path / f"budget-{bookmarked}.pdf"))


def test_a_bookmarked_paragraph_stays_prose_under_its_heading(tmp_path):
    doc = _doc(tmp_path)
    assert [s.path for s in doc.sections if s.sentences][-2:] == ["1 Why is this initiative necessary?",
                                                                   "2 What are the risks of not funding it?"]
    sentences = _sentences(doc)
    assert "Generic drugs often cost 20 to 70 percent less than their brand-name counterparts." in sentences
    assert filed_under(doc, "promise of significant savings") == "1 Why is this initiative necessary?"
    assert filed_under(doc, "rose by 158 percent") == "1 Why is this initiative necessary?"
    assert not [w for w in doc.warnings if "not found" in w]


def test_a_bookmarked_footnote_opens_no_section(tmp_path):
    """A table's footnote in smaller type, two finished sentences on one line, bookmarked: no section of its own,
    and the text after it stays under the next heading."""
    doc = _doc(tmp_path)
    assert not [s for s in doc.sections if "87,102,000" in s.path]
    assert filed_under(doc, "This includes the program") == "1 Why is this initiative necessary?"
    assert filed_under(doc, "hold down their costs") == "2 What are the risks of not funding it?"


def test_the_same_page_without_the_paragraph_bookmarks_reads_alike(tmp_path):
    """The bookmarks on paragraphs add nothing: the page read without them gives the same sentences and sections."""
    with_marks, without = _doc(tmp_path), _doc(tmp_path, bookmarked=False)
    assert _sentences(with_marks) == _sentences(without)
    assert [s.path for s in with_marks.sections] == [s.path for s in without.sections]

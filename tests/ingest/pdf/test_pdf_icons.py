"""Glyphs with no text in made PDFs: an icon font's picture beside a note, a symbol font's bullets set apart from their
items (the DRBD guide's admonition icons, U+F05A and kin, were headings with no words and cut the note beside them in
two; the DMCA summary's WordPerfect bullets read as sixteen '!' sentences, glued onto the items before them)."""

from __future__ import annotations

import re
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import saved, set_lines  # (tests/ is on sys.path)

INTRO = [f"Line {k} of the text says which node holds the primary role of a replicated resource." for k in range(1, 7)]
NOTE = ["The choice of terms here is not arbitrary. Primary vs. secondary refers to a",
        "concept related to availability of storage, whereas active vs. passive refers to the",
        "availability of an application. It is usually the case that the primary is also active."]


def _sentences(doc) -> list[tuple[str, str]]:
    """(kind, text) of each sentence in reading order."""
    return [(next(b.kind for b in s.blocks if b.start <= sp.start < b.end), s.text[sp.start:sp.end])
            for s in doc.sections for sp in s.sentences]


def test_an_icon_beside_a_note_is_neither_a_heading_nor_a_break_in_its_sentence(tmp_path):
    """A 24 pt private-use glyph (the Symbol font's U+F8E5 here, an icon font's U+F05A in the guide) set left of a
    note's lines, its baseline between the second and the third."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    rows = [("Resource roles", 18, True, 0)] + [(t, 10.5, False, 15.8 if k else 28, 48) for k, t in enumerate(INTRO)]
    rows += [(t, 10.5, False, 15.8 if k else 32, 120) for k, t in enumerate(NOTE)]
    rows += [("\uf8e5", 24, False, -12.8, 66, "Symbol")]  # 3 pt over the note's last line, as the guide sets it
    set_lines(c, rows)
    found = _sentences(ingest_file(saved(c, buf, tmp_path / "guide.pdf")))
    assert not any(re.search("[\ue000-\uf8ff]", text) or not text.strip() for _, text in found), found
    assert ("prose", "Primary vs. secondary refers to a concept related to availability of storage, whereas active vs. "
                     "passive refers to the availability of an application.") in found, found


def test_symbol_bullets_set_apart_from_their_items_are_bullets(tmp_path):
    """'!' bullets 36 pt left of their items' 12 pt lines, the items' wrapped lines at the items' indent."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    rows = [("Introduction", 14, True, 0)] + [(t, 12, False, 13.4 if k else 28, 108) for k, t in enumerate(INTRO)]
    rows += [("The act is divided into three titles:", 12, False, 27, 144)]
    for title, what in (("Title I", "implements the two treaties of 1996"), ("Title II", "limits the liability of online "
                        "service providers"), ("Title III", "creates an exemption for the repair of computers")):
        rows += [("!", 12, False, 27, 144), (f"{title} {what}, as the summary", 12, False, 0, 180),
                 ("below describes it.", 12, False, 13.4, 180)]
    set_lines(c, rows)
    found = _sentences(ingest_file(saved(c, buf, tmp_path / "summary.pdf")))
    assert not any("!" in text for _, text in found), found
    assert [text for kind, text in found if kind == "item"] == [
        "Title I implements the two treaties of 1996, as the summary below describes it.",
        "Title II limits the liability of online service providers, as the summary below describes it.",
        "Title III creates an exemption for the repair of computers, as the summary below describes it."], found


def test_a_large_lone_glyph_in_the_margin_is_no_heading(tmp_path):
    """The tax instructions' margin icon: a 17 pt bold '!' left of the 9.5 pt text on its baseline (65 headings '!')."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    rows = [("What is new", 14, True, 0)] + [(t, 9.5, False, 11 if k else 28, 73) for k, t in enumerate(INTRO)]
    rows += [("!", 16.9, True, -2.5 - 11 * 3, 53)]
    set_lines(c, rows)
    found = _sentences(ingest_file(saved(c, buf, tmp_path / "instructions.pdf")))
    assert not any("!" in text for _, text in found), found
    assert len(found) == len(INTRO), found


def test_an_icon_read_into_its_notes_first_line_is_taken_out(tmp_path):
    """A 24 pt icon on the baseline of its note's 10.5 pt first line, close enough to be read into it (39 of the DRBD
    guide's notes opened with U+F05A: '\\uf05a Very early DRBD versions hijacked ...')."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    rows = [("Resource roles", 18, True, 0)] + [(t, 10.5, False, 15.8 if k else 28, 48) for k, t in enumerate(INTRO)]
    set_lines(c, rows, end_page=False)
    note = c.beginText(100, 640)  # icon and note in one text object, as Asciidoctor's PDF sets them
    note.setFont("Symbol", 24)
    note.textOut("\uf8e5")
    note.moveCursor(20, 0)
    note.setFont("Helvetica", 10.5)
    note.textOut("Very early versions took the device number 43.")
    c.drawText(note)
    c.showPage()
    found = _sentences(ingest_file(saved(c, buf, tmp_path / "guide.pdf")))
    assert ("prose", "Very early versions took the device number 43.") in found, found

"""The last note of an endnote list ends where text after the list begins: a back cover set at the column's edge, left of
the note's number and wrapped lines, after a gap (the Chromium print of the Blueprint report read 'TO IMPROVING THE
STATE OF THE WORLD The World Economic Forum ... www.weforum.org' into its note 66). A note whose lines run out under its
indented number (a LaTeX footnote) and a note's second paragraph at its own indent still go on with it."""

from __future__ import annotations

from io import BytesIO

from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from frontpages import body_lines  # (tests/ is on sys.path)
from pdfpages import saved, set_lines

LAST = "Ministry of Human Resources. (2020). New Career: Analysis Report on the Employment of Engineering Personnel."
BACK = ["COMMITTED TO", "IMPROVING THE STATE", "OF THE WORLD", "The Forum engages the foremost political, business and other",
        "leaders of society to shape global, regional and industry agendas."]


def _report(path, last: list[tuple[str, float, float]], after: list[tuple[str, float, float]]):
    """A body page, then an "Endnotes" page: two notes numbered at 79 pt and wrapped at 90 pt, 9 pt apart, then the
    last note's lines and what follows it, each (text, gap before, x)."""
    buf = BytesIO()
    c = canvas.Canvas(buf)
    set_lines(c, [("1 Introduction", 16, True, 0)] + [(t, 10, False, 14 if k else 28) for k, t in enumerate(body_lines("ministry"))])
    rows = [("Endnotes", 16, True, 0)]
    for n in (1, 2):
        rows += [(f"{n}. Research Institute. (2024). Study number {n} of the industry's", 7, False, 16, 79),
                 (f"chain map and its players in the year {2020 + n}.", 7, False, 9, 90)]
    rows += [(text, 7, False, gap, x) for text, gap, x in last + after]
    set_lines(c, rows)
    return saved(c, buf, path)


def test_a_back_cover_under_the_last_note_is_not_read_into_it(tmp_path):
    last = [("3. Ministry of Human Resources. (2020). New Career: Analysis Report on the", 16, 79),
            ("Employment of Engineering Personnel.", 9, 90)]
    doc = ingest_file(_report(tmp_path / "back.pdf", last, [(t, 20 if k == 0 else 9, 72) for k, t in enumerate(BACK)]))
    notes = {n.number: n.reference for n in doc.endnotes}
    assert sorted(notes) == [1, 2, 3]
    assert notes[3] == LAST, notes[3]


def test_a_notes_own_lines_out_under_its_number_or_after_a_gap_at_its_indent_go_on_with_it(tmp_path):
    # a footnote numbered at 83 pt whose lines run out to the 72 pt margin
    last = [("3. Ministry of Human Resources. (2020). New Career: Analysis Report", 16, 83),
            ("on the Employment of Engineering Personnel.", 9, 72), ("It counts the engineers of every province.", 20, 72)]
    doc = ingest_file(_report(tmp_path / "latex.pdf", last, []))
    assert {n.number: n.reference for n in doc.endnotes}[3] == f"{LAST} It counts the engineers of every province."
    # a second paragraph of the note, after a gap, at the note's own indent
    last = [("3. Ministry of Human Resources. (2020). New Career: Analysis Report on the", 16, 79),
            ("Employment of Engineering Personnel.", 9, 90), ("It counts the engineers of every province.", 20, 90)]
    doc = ingest_file(_report(tmp_path / "second.pdf", last, []))
    assert {n.number: n.reference for n in doc.endnotes}[3] == f"{LAST} It counts the engineers of every province."

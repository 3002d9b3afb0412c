"""Figure captions in made PDFs: a caption is its label line and the lines set like it; the body text after it, in
the body's type, is prose again, however short (a manual's "Thus, the recommended value for the rate option would
be 33M." under "Figure 4. Syncer rate example ..." was read as caption, and answered a question with the next
example's value)."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import saved, set_lines  # (tests/ is on sys.path)

BODY = [f"Line {k} of the text says how the resync controller sets its rate on a busy link." for k in range(1, 9)]


def _kinds(doc) -> dict[str, str]:
    """sentence text -> the kind of paragraph it stands in."""
    return {s.text[sp.start:sp.end]: next(b.kind for b in s.blocks if b.start <= sp.start < b.end)
            for s in doc.sections for sp in s.sentences}


def test_a_short_sentence_in_body_type_after_a_caption_is_prose(tmp_path):
    """drbd's Asciidoctor caption is 10 pt under a 10.5 pt body, no Source line under it; the next sentence is 11
    words, under assembly's MIN_PROSE_WORDS, and was kept in the figure."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    rows = [("Synchronization rate", 16, True, 0)] + [(t, 10.5, False, 16 if k else 28) for k, t in enumerate(BODY)]
    rows += [("Figure 4. Syncer rate example, 110MB/s effective available bandwidth", 10, False, 120),
             ("Thus, the recommended value for the rate option would be 33M.", 10.5, False, 28),
             ("By contrast, a slower disk gives a lower rate.", 10.5, False, 28)]
    set_lines(c, rows)
    kinds = _kinds(ingest_file(saved(c, buf, tmp_path / "manual.pdf")))
    assert kinds["Figure 4. Syncer rate example, 110MB/s effective available bandwidth"] == "caption"
    assert kinds["Thus, the recommended value for the rate option would be 33M."] == "prose", kinds
    assert kinds["By contrast, a slower disk gives a lower rate."] == "prose", kinds


def test_a_figures_own_labels_stay_its_caption_up_to_its_source_line(tmp_path):
    """A report's figure: a bold caption and its chart's labels, both smaller than the body, then its Source line:
    all of it is the figure's, and the body under it is prose (the WEF template's FIGURE 3 and its 'Step 1')."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    rows = [("Strategic roadmap", 16, True, 0)] + [(t, 9, False, 12 if k else 28) for k, t in enumerate(BODY)]
    rows += [("FIGURE 3 The strategic plan in three steps", 7.5, True, 24), ("Step 1", 7.5, False, 60),
             ("Goals are set for the industry", 7.5, False, 11), ("Source: The planning office.", 6.5, False, 20),
             ("Each step is reviewed.", 9, False, 20)]
    set_lines(c, rows)
    kinds = _kinds(ingest_file(saved(c, buf, tmp_path / "report.pdf")))
    assert [kinds[t] for t in ("FIGURE 3 The strategic plan in three steps", "Step 1", "Goals are set for the industry",
                               "Source: The planning office.")] == ["caption"] * 4, kinds
    assert kinds["Each step is reviewed."] == "prose", kinds


def test_a_note_in_body_type_after_a_caption_is_the_bodys(tmp_path):
    """The ReportLab guide's paragraph under a figure opens 'Note: scaling may also move objects ...' in the body's
    type: the body's note, not the figure's Source/Note line."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    rows = [("Scaling", 16, True, 0)] + [(t, 10, False, 12 if k else 28) for k, t in enumerate(BODY)]
    rows += [("Figure 2-4: Scaling the coordinate system", 12, False, 120, 200),
             ("Note: scaling may also move objects off the page.", 10, False, 40)]
    set_lines(c, rows)
    kinds = _kinds(ingest_file(saved(c, buf, tmp_path / "guide.pdf")))
    assert kinds["Figure 2-4: Scaling the coordinate system"] == "caption"
    assert kinds["Note: scaling may also move objects off the page."] == "prose", kinds

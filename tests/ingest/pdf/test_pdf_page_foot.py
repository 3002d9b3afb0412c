"""What stands at a page's foot, as manuals and word processors print it: a numbered list of steps under a "Note"
call-out is body text, not a note list; a footnote whose raised number a word processor draws after its text, on a
baseline of its own, is a note (made with reportlab, in the shapes of the GnuCash guide and the DMCA summary)."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfgen import note_callout_page, saved  # (tests/ is on sys.path)


def test_numbered_steps_under_a_note_call_out_at_a_page_foot_stay_body_text(tmp_path):
    """The GnuCash guide's 110 "Note" call-outs were read as note lists: their prose and the body under them to the
    next heading (843 lines) were set aside, and 17 numbered steps of its procedures became its "notes"."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    lines = [f"Line {j + 1} says how the ledger keeps each account of the household in balance." for j in range(12)]
    steps = ["1. First, create a file to store your real data from the File menu.",
             "2. Sum of digits is a front-weighted depreciation scheme for the asset.",
             "3. Save the file under a name you will remember next year."]
    note_callout_page(c, "Putting It All Together", lines, "This section begins a tutorial that runs through the book.", steps)
    doc = ingest_file(saved(c, buf, tmp_path / "callout.pdf"))
    assert doc.endnotes == ()
    text = " ".join(s.text for s in doc.sections)
    assert "This section begins a tutorial that runs through the book." in text
    assert "Sum of digits is a front-weighted depreciation scheme for the asset." in text
    assert "First, create a file to store your real data" in text


def test_a_note_list_under_a_notes_heading_is_still_read(tmp_path):
    """A "Notes" heading whose first line is a numbered note opens a note list (the OECD review's "1 Since 2007, ...")."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    lines = [f"Line {j + 1} says how the ministry plans its reform of the civil service." for j in range(12)]
    note_callout_page(c, "Reform of the civil service", lines, "1 Since 2007, the ministry has reported each year.", [])
    pdf = saved(c, buf, tmp_path / "notes.pdf")
    data = pdf.read_bytes().replace(b"(Note)", b"(Notes)")
    pdf.write_bytes(data)
    doc = ingest_file(pdf)
    assert [(n.number, n.reference) for n in doc.endnotes] == [(1, "Since 2007, the ministry has reported each year.")]

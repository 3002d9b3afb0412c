"""What stands at a page's foot, as manuals and word processors print it: a numbered list of steps under a "Note"
call-out is body text, not a note list; a footnote whose raised number a word processor draws after its text, on a
baseline of its own, is a note (made with reportlab, in the shapes of the GnuCash guide and the DMCA summary)."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import footnoted_page, note_callout_page, numbers_drawn_last_page, saved  # (tests/ is on sys.path)


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


def test_a_footnote_whose_raised_number_is_drawn_after_its_text_is_a_note(tmp_path):
    """WordPerfect draws a line's raised numbers after its words: the DMCA summary's footnote numbers stood on lines of
    their own above their notes ("1" 4.6 pt above "Pub. L. No. 105-304, ..."), its markers likewise ("copying" "2"), so
    its three notes were read as prose and their markers had no entry."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    lines = [f"Line {j + 1} says what the act changes in the law of copyright for libraries." for j in range(20)]
    lines[2] = "Copying of a work protected by a technological measure is treated apart."
    numbers_drawn_last_page(c, "The Digital Millennium Copyright Act", lines, "Pub. L. No. 105-304, 112 Stat. 2860 (Oct. 28, 1998).")
    doc = ingest_file(saved(c, buf, tmp_path / "wordperfect.pdf"))
    assert [(n.number, n.reference) for n in doc.endnotes] == [(1, "Pub. L. No. 105-304, 112 Stat. 2860 (Oct. 28, 1998).")]
    cited = [(s.text[sp.start:sp.end], sp.endnotes) for s in doc.sections for sp in s.sentences if sp.endnotes]
    assert cited == [("Copying of a work protected by a technological measure is treated apart.", (1,))]
    text = " ".join(s.text for s in doc.sections)
    assert "Pub. L." not in text and "Copying1" not in text
    assert not any("has no entry" in w for w in doc.warnings), doc.warnings


def test_a_footnote_drawn_in_order_still_reads_as_before(tmp_path):
    """A raised number drawn where it stands (reportlab, LaTeX, Word) is read as it was."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    lines = [f"Line {j + 1} says what the act changes in the law of copyright for libraries." for j in range(20)]
    footnoted_page(c, "The Digital Millennium Copyright Act", lines, "1 Pub. L. No. 105-304.", size=12, note_size=10)
    doc = ingest_file(saved(c, buf, tmp_path / "inorder.pdf"))
    assert [(n.number, n.reference) for n in doc.endnotes] == [(1, "Pub. L. No. 105-304.")]


def test_a_word_split_in_the_body_is_joined_by_the_reports_footnotes_too():
    """The DMCA summary prints "would" whole once in its body and once in its footnote 2: read as a note, not prose,
    the footnote still counts in the report's vocabulary, so the body's "woul d" is joined."""
    from askwef.ingest.parsed import Para
    from askwef.ingest.pdf.despace import despace

    paras = [Para("prose", f"Ministries an d agencies met {k} times an d agreed.") for k in range(6)]
    paras += [Para("prose", "Ministries and agencies agreed."), Para("prose", "The station woul d record the songs, and it would play them.")]
    assert despace(paras)[-1].text == "The station woul d record the songs, and it would play them."
    fixed = despace(paras, ["A measure would fall in this second category."])
    assert fixed[-1].text == "The station would record the songs, and it would play them."


def test_a_footnotes_wrapped_line_opening_with_a_number_no_marker_cites_stays_in_its_note(tmp_path):
    """The Debian Policy Manual's note 4 (p. 115) wraps onto a line opening "660 mail spools": it was cut off as a note
    660, which no marker of the page cites."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    lines = [f"Line {j + 1} says how the mail transport agent locks each mailbox it delivers to." for j in range(20)]
    footnoted_page(c, "Mailboxes", lines, "1 There are two traditional permission schemes for mail spools: mode 600 or mode",
                   size=10, note_size=8, wrapped=("660 mail spools to enable the latter model.",))
    doc = ingest_file(saved(c, buf, tmp_path / "wrapped.pdf"))
    assert [(n.number, n.reference) for n in doc.endnotes] == [
        (1, "There are two traditional permission schemes for mail spools: mode 600 or mode 660 mail spools to enable the latter model.")]

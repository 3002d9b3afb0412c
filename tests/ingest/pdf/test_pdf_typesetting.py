"""Typesetting done by hand, in made PDFs: drop caps (a newsletter's 'T' was a section and its word read 'he
Department ...'), bold labelled leads over their text (a handbook's 'Principle 5: ... population.' was prose, a bold
web address a section), a ragged-right line broken short mid-sentence ('... We administer' / '£46.9 billion ...' was
two sentences) and a pull quote set in capitals over three lines (three headings)."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from askwef.ingest.pdf.reader import read_pdf
from pdfpages import saved, sentence_texts as _sentences  # (tests/ is on sys.path)
from typesetpages import drop_cap_page, leads_page, ragged_page

ARTICLES = [
    "Staff and students at the University are being urged to be energy-aware in a bid to slash rising bills. The "
    "University spends around four million pounds on energy and water every year, and an estimated half a million of "
    "that is waste, for example from leaving lights on in unoccupied rooms.",
    "The Department of Urban Planning has scored 23 out of a possible 24 marks in the latest assessment of teaching "
    "quality. The assessors praised its links with the profession and the support its tutors give to part-time "
    "students who study while they work.",
]


def _pdf(tmp_path, name: str, draw) -> object:
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    draw(c)
    return saved(c, buf, tmp_path / name)


def test_a_drop_cap_joins_the_word_it_starts_and_is_no_heading(tmp_path):
    """Two articles, each opening with a 33 pt letter three lines of 10 pt deep."""
    path = _pdf(tmp_path, "newsletter.pdf", lambda c: drop_cap_page(c, "Campus news", ARTICLES))
    doc = ingest_file(path)
    found = _sentences(doc)
    assert "Staff and students at the University are being urged to be energy-aware in a bid to slash rising bills." in found, found
    assert any(s.startswith("The Department of Urban Planning has scored 23 out of a possible 24 marks") for s in found), found
    assert not any(len(s.title) == 1 for s in doc.sections), [s.title for s in doc.sections]
    assert not any(p.kind == "heading" and len(p.text) == 1 for p in read_pdf(path, path.read_bytes()).paras)


PRINCIPLE_5 = ("Principle 5: The service works across organisational boundaries and in partnership with other organisations in "
               "the interest of patients, local communities and the wider population.")
EMPHASIS = ("This sentence is set in bold in the running text for emphasis, and it runs on for well over fourteen words "
            "before it ends.")
URL = "https://www.gov.uk/government/publications/the-armed-forces-covenant"


def test_labelled_bold_leads_are_subheadings_and_a_bold_link_is_not(tmp_path):
    """A handbook's principles in bold 12 pt over their text in 12 pt: long, or ending with a full stop, each is a
    subheading; a bold sentence with no label stays prose, and so does a bold web address under 'visit:'."""
    body = ("This principle makes clear that the service is there for everyone who needs it, whoever they are and "
            "wherever they live. It covers every branch of medical activity, and it exists to address both mental and "
            "physical health, with equal regard to each of them.")
    blocks = [("bold", "Principle 1: The service is available to all"), ("regular", body),
              ("regular", "For further information on the covenant visit:"), ("bold", URL), ("bold", PRINCIPLE_5),
              ("regular", body), ("bold", EMPHASIS), ("regular", body)]
    path = _pdf(tmp_path, "handbook.pdf", lambda c: leads_page(c, "Principles that guide the service", blocks))
    kinds = {p.text: p.kind for p in read_pdf(path, path.read_bytes()).paras}
    assert kinds["Principle 1: The service is available to all"] == "bold", kinds
    assert kinds[PRINCIPLE_5] == "bold", kinds
    assert kinds[EMPHASIS] == "prose", kinds
    assert kinds[URL] == "prose", kinds


PARAGRAPH = ["We provide execution only, advisory services", "and third party investments for individuals",
             "and corporates. We administer", "£46.9 billion of investments in our ISA,", "SIPP and Investment accounts for 652,000",
             "clients, and have arranged investments for", "over a million clients."]
QUOTE = ["“WE AIM TO HELP INVESTORS", "MAKE MORE OF THEIR", "INVESTMENTS”"]
LISTING = ["# Writing meta data to the device /dev/sdb1", "initialising activity log on the device", "and NOT initializing bitmap",
           "New drbd meta data block successfully created"]


def test_a_line_broken_short_mid_sentence_goes_on_with_its_paragraph(tmp_path):
    """An annual report's ragged-right paragraph with one line broken short by hand mid-sentence, the page's furthest
    right text a footer: one sentence; the capitals pull quote under it one paragraph; a listing in Courier whose
    lines look the same keeps its lines apart."""
    path = _pdf(tmp_path, "annual.pdf", lambda c: ragged_page(c, "About us", PARAGRAPH, QUOTE, LISTING,
                                                                "A Company plc Report and Financial Statements 2014"))
    found = _sentences(ingest_file(path))
    assert ("We administer £46.9 billion of investments in our ISA, SIPP and Investment accounts for 652,000 clients, and "
            "have arranged investments for over a million clients.") in found, found
    assert "“WE AIM TO HELP INVESTORS MAKE MORE OF THEIR INVESTMENTS”" in found, found
    quote = [p for p in read_pdf(path, path.read_bytes()).paras if "INVESTORS" in p.text]
    assert [p.kind for p in quote] == ["prose"], quote
    assert "New drbd meta data block successfully created" in found, found  # (its lines run on in lower case)

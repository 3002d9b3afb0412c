"""Where a sentence is printed, as the page says it: a manual's front matter numbered in roman (the PDF's /PageLabels
'ix'-'xv') is cited so, not by its physical page, which the body's printed pages repeat; a table's header row is
printed on its table's page (made with reportlab, labelled with pypdf, in the shape of the GnuCash guide)."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.answer.compose import quote_for
from askwef.ingest import ingest_file
from askwef.types import Sentence
from pdfpages import saved, set_lines  # (tests/ is on sys.path)

ROMAN = ["i", "ii", "iii", "iv"]
ACCOUNTS = ["household", "business", "pension", "travel", "garden", "library"]


def _sentences(doc) -> list[tuple[str, int, str]]:
    return [(s.text[sp.start:sp.end], sp.page, sp.page_label) for s in doc.sections for sp in s.sentences]


def test_front_matter_sentences_are_cited_by_their_roman_label(tmp_path):
    """GnuCash's List of Figures (pp. ix-xv) was quoted as 'p15' and 'p13', the numbers of two body pages."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for k, numeral in enumerate(ROMAN):
        set_lines(c, [("List of Figures" if k == 2 else "About this Guide", 18, True, 0),
                      (f"The front page {numeral} says who wrote the guide and how its {k + 2} parts are laid out.", 10, False, 30),
                      (numeral, 10, False, 700, 300)])
    for k in range(6):
        set_lines(c, [(f"Chapter {k + 1}. Part {k + 1}", 18, True, 0) if k % 3 == 0 else ("Accounts", 14, True, 0),
                      (f"Body page {k + 1} tells how the {ACCOUNTS[k]} ledger is kept in balance each month.", 10, False, 30),
                      (str(k + 1), 10, False, 700, 300)])
    pdf = saved(c, buf, tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=PdfReader(pdf))
    writer.set_page_label(0, 3, "/r")
    writer.set_page_label(4, 9, "/D")
    labelled = tmp_path / "guide.pdf"
    with open(labelled, "wb") as out:
        writer.write(out)
    doc = ingest_file(labelled)
    said = {text: (page, label) for text, page, label in _sentences(doc)}
    for k, numeral in enumerate(ROMAN[1:], start=1):
        text = f"The front page {numeral} says who wrote the guide and how its {k + 2} parts are laid out."
        assert said[text][1] == numeral, (text, said[text])
        sentence = Sentence("id", text, "guide.pdf", "List of Figures", said[text][0], "p", 0, len(text), page_label=said[text][1])
        assert quote_for(sentence, None).pages() == f"p. {numeral}"
    body = "Body page 3 tells how the pension ledger is kept in balance each month."
    assert said[body] == (3, "3")
    sentence = Sentence("id", body, "guide.pdf", "Accounts", 3, "p", 0, len(body), page_label="3")
    assert quote_for(sentence, None).pages() == "p. 3"


def test_a_tables_header_row_in_a_figure_is_printed_on_its_page(tmp_path):
    """GnuCash's 'Account | Number of Shares | Share Price | Total Buy | Total Sell' (Table 9.3, p. 147), a header row
    read under a figure's caption, had page 0 and no label."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    set_lines(c, [("Investments", 18, True, 0), ("The account tree after selling the shares is shown below for the example.", 10, False, 30),
                  (str(1), 10, False, 600, 300)])
    set_lines(c, [("Selling shares", 14, True, 0), ("The sale is entered in the register as the table shows, split by account.", 10, False, 24),
                  ("Figure 9.19. The Account Tree after Selling Shares", 9, False, 24),
                  ("Account", 10, True, 20, 72), ("Number of Shares", 10, True, 0, 200), ("Share Price", 10, True, 0, 330),
                  ("Assets:Bank", 10, False, 14, 72), ("100", 10, False, 0, 200), ("25.00", 10, False, 0, 330),
                  ("Assets:Stock", 10, False, 14, 72), ("-100", 10, False, 0, 200), ("20.00", 10, False, 0, 330),
                  ("Income:Gains", 10, False, 14, 72), ("0", 10, False, 0, 200), ("5.00", 10, False, 0, 330),
                  (str(2), 10, False, 500, 300)])
    doc = ingest_file(saved(c, buf, tmp_path / "table.pdf"))
    sentences = _sentences(doc)
    assert [(p, label) for text, p, label in sentences if text.startswith("Account | Number of Shares")] == [(2, "2")], sentences
    assert all(p >= 1 and label for _, p, label in sentences), sentences

"""A composite (Type0) font whose embedded CMap reads one byte a code (callas pdfToolbox's export of Amazon's
sustainability report): its strings' widths and letters by its own codespace and glyph map, so a raised note marker
after a word is taken out and resolves ('... climate tech startups.3 In ...' stayed glued when every string was read
two bytes a code)."""

from __future__ import annotations

from io import BytesIO

from cmappdf import CMAP, one_byte_cmap_pdf  # (tests/ is on sys.path)
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from askwef.ingest import ingest_file
from askwef.ingest.pdf.cmaps import parse_cmap
from askwef.ingest.pdf.widths import Widths

PROSE = [[(f"Line {j + 1} says how the company invests in new ways to cut the carbon of its deliveries.", 9.0, 0.0)] for j in range(10)]


def test_a_one_byte_cmap_splits_strings_a_byte_a_code():
    codes = parse_cmap(CMAP)
    assert codes is not None
    assert codes.split(b"ab") == [(0x61, 1), (0x62, 1)]
    assert codes.cid(0x61) == 0x61 - 31


def test_a_one_byte_cmap_fonts_widths_and_letters():
    """'startups.' is 9 glyphs: read two bytes a code it was 4 unknown glyphs of the default width and no letters."""
    font = PdfReader(BytesIO(one_byte_cmap_pdf(PROSE))).pages[0]["/Resources"]["/Font"]["/C0"].get_object()
    width, letters = Widths().advance(font, b"startups.", 9.0)
    assert letters == "startups."
    assert abs(width - stringWidth("startups.", "Helvetica", 9.0)) < 0.01


def test_a_raised_marker_in_a_one_byte_cmap_font_resolves_to_its_footnote(tmp_path):
    marked = [("Women-founded firms receive a fraction of the capital flowing into climate startups.", 9.0, 0.0),
              ("3", 5.4, 3.0), (" In November 2022, Amazon made an investment.", 9.0, 0.0)]
    pdf = tmp_path / "onebyte.pdf"
    pdf.write_bytes(one_byte_cmap_pdf(PROSE + [marked] + PROSE, ["3 Crunchbase, funding of climate technology companies, 2022."]))
    doc = ingest_file(pdf)
    said = {s.text[sp.start:sp.end]: sp.endnotes for s in doc.sections for sp in s.sentences}
    assert said["Women-founded firms receive a fraction of the capital flowing into climate startups."] == (3,)
    assert said["In November 2022, Amazon made an investment."] == ()
    assert [(n.number, n.reference) for n in doc.endnotes] == [(3, "Crunchbase, funding of climate technology companies, 2022.")]


def test_a_word_whose_rest_is_placed_by_a_text_matrix_of_its_own_stays_one_word(tmp_path):
    """InDesign sets Amazon's 'm' then a text matrix at the line above and a move back to where 'm' ends: pypdf ends a
    line there, and 'to m' / 'easure them' were two lines ('m' taken into the column to the left)."""
    split = [("To reduce emissions, it is important to be able to m", 9.0, 0.0), ("easure them accurately.", 9.0, None)]
    pdf = tmp_path / "split.pdf"
    pdf.write_bytes(one_byte_cmap_pdf(PROSE + [split] + PROSE))
    doc = ingest_file(pdf)
    said = [s.text[sp.start:sp.end] for s in doc.sections for sp in s.sentences]
    assert "To reduce emissions, it is important to be able to measure them accurately." in said


def test_character_spacing_counts_in_a_composite_fonts_advance():
    """Amazon's export sets Tc -0.02 (text space units) on most strings: 6.8 pt over one line's 38 glyphs at 9 pt."""
    font = PdfReader(BytesIO(one_byte_cmap_pdf(PROSE))).pages[0]["/Resources"]["/Font"]["/C0"].get_object()
    plain, _ = Widths().advance(font, b"a b", 9.0)
    spaced, _ = Widths().advance(font, b"a b", 9.0, (-0.02, 0.5))
    assert abs(spaced - (plain - 3 * 0.02 + 0.5)) < 1e-6  # Tc for each glyph, Tw for the one-byte space


def test_bytes_outside_the_codespace_leave_a_strings_width_to_the_letter_estimate():
    """Amazon's p49 sets link text in a Calibri whose CMap reads only the space (<20> <20>): read a byte a code, each
    an unmapped glyph of the font's /DW (1 em), 'Contact Materials Restricted Substance List' came to 359 pt, not 87.
    A string with a byte the codespace does not hold (here '\x92', the report's right quote) has no advance."""
    font = PdfReader(BytesIO(one_byte_cmap_pdf(PROSE))).pages[0]["/Resources"]["/Font"]["/C0"].get_object()
    assert Widths().advance(font, b"Group\x92s", 9.0) is None
    assert Widths().spaced(font, b"Group\x92s") is None
    assert parse_cmap(CMAP).split(b"Group\x92s") is None
    assert Widths().advance(font, b"Groups", 9.0) is not None

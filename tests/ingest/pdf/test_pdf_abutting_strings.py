"""Justified lines as Acrobat PDFWriter sets a word processor's text (the DMCA summary): each line's first letter, its
stretched middle (word spacing, Tw) and its last letter are strings of their own, each starting where the one before
ends. pypdf leaves Tw out of its widths and puts a space between them ('section 120 4', 'Assuranc e', 'imple -'); the
reader measures the strings with Tw and reads the words whole, and keeps the spaces the strings show."""

from __future__ import annotations

from askwef.ingest import ingest_file
from wordpages import word_processor_page  # (tests/ is on sys.path)

PARAGRAPHS = [
    "In addition, it is a criminal offense to violate section 1201 or 1202 wilfully and for purposes of commercial "
    "advantage or private financial gain. Under section 1204 penalties range up to a $500,000 fine or up to five years "
    "imprisonment for a first offense, and up to a $1,000,000 fine or up to ten years imprisonment for subsequent "
    "offenses. Nonprofit libraries, archives and educational institutions are entirely exempted from criminal liability.",
    "Title III, the \u201cComputer Maintenance Competition Assurance Act,\u201d creates an exemption for making a copy "
    "of a computer program by activating a computer for purposes of maintenance or repair. The exemption is limited to "
    "the lawful owner or lessee of a machine who authorizes a copy made by \u201crepairing\u201d the machine, and it "
    "applies only where the copy is destroyed right after the repair is done by the service provider.",
]


def _text(path) -> str:
    doc = ingest_file(path)
    return " ".join(s.text[sp.start:sp.end] for s in doc.sections for sp in s.sentences)


def test_a_justified_lines_last_letter_set_by_itself_stays_in_its_word(tmp_path):
    text = _text(word_processor_page(tmp_path / "summary.pdf", "Criminal Penalties", PARAGRAPHS))
    words = set(" ".join(PARAGRAPHS).split())
    read = text.split()
    assert [w for w in read if w not in words] == [], text
    assert "Under section 1204 penalties range up to a $500,000 fine" in text


def test_curly_quotes_are_measured_by_the_fonts_widths(tmp_path):
    """A line's middle string with '“' (WinAnsi 0x93, which pypdf's widths key by the byte): measured as the default
    width, the line's last letter stood 2 pt apart and was read as a word of its own."""
    text = _text(word_processor_page(tmp_path / "quotes.pdf", "Computer Maintenance", PARAGRAPHS[1:], font="Helvetica"))
    assert "Competition Assurance Act,\u201d creates" in text
    assert [w for w in text.split() if w not in set(PARAGRAPHS[1].split())] == [], text


def test_words_set_apart_by_moves_keep_their_spaces(tmp_path):
    """Each word its own string, a fifth of an em past the one before (no space characters): a gap is a word space."""
    from wordpages import words_apart_page

    text = _text(words_apart_page(tmp_path / "apart.pdf", "Criminal Penalties", PARAGRAPHS[:1]))
    assert text.split() == PARAGRAPHS[0].split(), text

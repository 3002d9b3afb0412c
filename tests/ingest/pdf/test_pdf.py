"""The PDF reader against the markdown reader, on a PDF of the report generated with reportlab.

The generated PDF (tests/pdfgen.py) has what the real white paper has: an outline, a Contents page,
page labels, a running header and page-number footer, two-column pages, tables, superscript endnote
markers, hyphenated line breaks and an endnote list. Reading it must give the markdown's sections,
pages, endnotes and endnote links. Broken PDFs must fail with one clear line.
"""

from __future__ import annotations

import re
import shutil
from io import BytesIO
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

import pdfgen  # noqa: E402  (tests/ is on sys.path)
from askwef.ingest import IngestError, ingest_corpus, ingest_file  # noqa: E402
from askwef.ingest.text import normalize_for_match, title_key  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
REPORT_MD = ROOT / "corpus" / "blueprint-to-action-china-ai-2025.md"


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pdfs")
    (folder / "report.pdf").write_bytes(pdfgen.report_pdf(REPORT_MD))
    return folder


@pytest.fixture(scope="session")
def md_doc():
    return ingest_file(REPORT_MD)


@pytest.fixture(scope="session")
def pdf_doc(pdf_dir):
    return ingest_file(pdf_dir / "report.pdf")


def _sentences(doc) -> dict[str, set[str]]:
    return {s.path: {normalize_for_match(s.text[sp.start : sp.end]) for sp in s.sentences} for s in doc.sections}


def _units(doc) -> list[tuple[str, ...]]:
    """Units by section (a figure is no unit in either reading: its text runs in its section)."""
    return [s.units for s in doc.sections]


def _links(doc) -> set[tuple[str, int]]:
    return {(s.path, n) for s in doc.sections for sp in s.sentences for n in sp.endnotes}


# --- structure -----------------------------------------------------------------------------------


def test_title_and_source(pdf_doc, md_doc):
    assert pdf_doc.source == "pdf"
    assert pdf_doc.title == md_doc.title


def test_sections_match_the_markdown(pdf_doc, md_doc):
    assert [s.path for s in pdf_doc.sections] == [s.path for s in md_doc.sections]
    assert not [w for w in pdf_doc.warnings if "Contents entry not found" in w]
    industries = [s.title for s in pdf_doc.sections if s.path.startswith("3 Scaling AI innovation in industries > ")]
    assert industries == ["Industrial manufacturing", "Automotive and autonomous transport", "Retail", "Healthcare",
                          "Finance", "Renewable energy and utilities", "Public services"]
    assert _units(pdf_doc) == _units(md_doc)


def _pages_as_printed(doc, md_doc) -> None:
    """A section has the markdown Contents' page; one the Contents does not list (chapter 3's
    'Retail') has the page its heading is printed on, where the markdown can only give its chapter's."""
    from askwef.ingest.markdown import read_markdown

    listed = {title_key(e.title) for e in read_markdown(REPORT_MD.read_text(encoding="utf-8")).contents}
    assert [s.path for s in doc.sections] == [s.path for s in md_doc.sections]
    moved = [(s, m) for s, m in zip(doc.sections, md_doc.sections) if s.page != m.page]
    assert not [s.path for s, _ in moved if title_key(s.title) in listed]
    assert all(m.page < s.page == s.sentences[0].page for s, m in moved), [(s.path, s.page, m.page) for s, m in moved]


def test_pages_are_the_printed_labels(pdf_dir, pdf_doc, md_doc):
    from pypdf import PdfReader

    _pages_as_printed(pdf_doc, md_doc)
    reader = PdfReader(pdf_dir / "report.pdf")
    assert reader.page_labels[:3] == ["i", "1", "2"]  # physical page n is printed n-1
    reading_guide = next(s for s in pdf_doc.sections if s.title == "Reading guide")
    physical = next(reader.get_destination_page_number(o) for o in reader.outline if not isinstance(o, list) and o.title == "Reading guide")
    assert reading_guide.page == int(reader.page_labels[physical]) == physical


def test_sentences_match_the_markdown(pdf_doc, md_doc):
    md, pdf = _sentences(md_doc), _sentences(pdf_doc)
    total = sum(len(v) for v in md.values())
    found = sum(len(v & pdf.get(path, set())) for path, v in md.items())
    assert found / total >= 0.98, f"{found}/{total} markdown sentences found verbatim in the PDF's sections"


# --- endnotes ------------------------------------------------------------------------------------


def test_endnote_list_parsed_from_the_pdf(pdf_doc, md_doc):
    assert len(pdf_doc.endnotes) == len(md_doc.endnotes) == 66
    assert [(e.number, e.url) for e in pdf_doc.endnotes] == [(e.number, e.url) for e in md_doc.endnotes]


def test_every_endnote_marker_linked(pdf_doc, md_doc):
    md, pdf = _links(md_doc), _links(pdf_doc)
    assert pdf == md
    assert not [w for w in pdf_doc.warnings if "endnote marker" in w]
    # markers are superscripts, not text: "by 2027.33" never appears
    assert "2027.33" not in " ".join(s.text for s in pdf_doc.sections)


# --- page layout ---------------------------------------------------------------------------------


def test_no_running_header_or_page_numbers(pdf_doc, md_doc):
    for section, md_section in zip(pdf_doc.sections, md_doc.sections):
        # the title is printed on top of every page, and named once in the Reading guide's list
        assert section.text.count(pdfgen.RUNNING_HEADER) == md_section.text.count(pdfgen.RUNNING_HEADER), section.path
        for block in section.blocks:
            assert not re.fullmatch(r"\d{1,3}", section.text[block.start : block.end]), (section.path, block)


def test_hyphenated_line_breaks_rejoined(pdf_dir, pdf_doc, md_doc):
    from pypdf import PdfReader

    md_text = " ".join(s.text for s in md_doc.sections)
    pdf_text = " ".join(s.text for s in pdf_doc.sections)
    raw = "\n".join(p.extract_text() for p in PdfReader(pdf_dir / "report.pdf").pages)
    breaks = re.findall(r"\b([a-z]{2,})-\n([a-z]{2,})\b", raw)
    soft = [(a, b) for a, b in breaks if re.search(rf"\b{a}{b}\b", md_text) and not re.search(rf"\b{a}-{b}\b", md_text)]
    assert len(soft) >= 30  # the generator hyphenates for real
    rejoined = [(a, b) for a, b in soft if re.search(rf"\b{a}{b}\b", pdf_text) and not re.search(rf"\b{a}- ?{b}\b", pdf_text)]
    assert len(rejoined) >= 0.95 * len(soft), sorted(set(soft) - set(rejoined))
    assert "AI-powered" in pdf_text and "AIpowered" not in pdf_text


def test_two_column_page_read_in_column_order(pdf_dir, pdf_doc):
    from pypdf import PdfReader

    # this sentence runs from the bottom of the left column to the top of the right one
    sentence = ("In response to these demands, China is prioritizing sustainable energy solutions to power AI while "
                "minimizing its environmental impact.")
    section = next(s for s in pdf_doc.sections if s.number == "2.4")
    assert normalize_for_match(sentence) in normalize_for_match(section.text)
    page = PdfReader(pdf_dir / "report.pdf").pages[section.page]  # 0-based index n is printed n (the cover is i)
    xs: list[float] = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: xs.append(cm[4] + tm[4]) if text.strip() else None)
    assert any(x > 300 for x in xs) and any(x < 100 for x in xs)  # really two columns


def test_tables_kept_as_rows(pdf_doc):
    section = next(s for s in pdf_doc.sections if s.title == "Industrial manufacturing")
    rows = [section.text[b.start : b.end] for b in section.blocks if b.kind == "row"]
    assert any(r.startswith("Selected scenarios and solutions in industrial manufacturing – Production optimization: AI-equipped robots")
               for r in rows), rows
    assert all(b.unit == "TABLE 1: Selected scenarios and solutions in industrial manufacturing" for b in section.blocks if b.kind == "row")


@pytest.mark.parametrize("variant", [{"contents_page": False}, {"contents_page": False, "outline": False}])
def test_without_contents_page_or_outline(tmp_path, md_doc, variant):
    """No Contents page: sections come from the outline; no outline either: from heading sizes."""
    path = tmp_path / "variant.pdf"
    path.write_bytes(pdfgen.report_pdf(REPORT_MD, **variant))
    doc = ingest_file(path)
    _pages_as_printed(doc, md_doc)
    assert _links(doc) == _links(md_doc)


# --- broken PDFs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make, reason",
    [
        (pdfgen.encrypted_pdf, "encrypted PDF; decrypt it first (e.g. qpdf --decrypt) or supply the unencrypted file"),
        (pdfgen.truncated_pdf, "truncated or damaged PDF ("),
        (pdfgen.image_only_pdf, "no text layer (scanned image?); it needs OCR before askwef can index it"),
        (pdfgen.zero_page_pdf, "the PDF has no pages"),
        (lambda: b"GIF89a not a pdf", "not a PDF file"),
    ],
)
def test_broken_pdf_is_one_clear_line(tmp_path, make, reason):
    path = tmp_path / "x.pdf"
    path.write_bytes(make())
    with pytest.raises(IngestError) as err:
        ingest_file(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and reason in message
    assert "\n" not in message


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_owner_password_only_pdf_still_reads(tmp_path, algorithm):
    """A PDF that restricts printing or copying with an owner password opens for anyone, whatever its cipher:
    publishers' PDFs use AES, which pypdf reads with the `cryptography` package (a dependency)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdfgen.simple_pdf("Readable text about AI adoption in China."))))
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
    out = BytesIO()
    writer.write(out)
    (tmp_path / "open.pdf").write_bytes(out.getvalue())
    from askwef.ingest.pdf import read_pdf

    report = read_pdf(tmp_path / "open.pdf", out.getvalue())
    assert "Readable text about AI adoption" in " ".join(p.text for p in report.paras)


def test_corpus_with_a_broken_pdf_still_indexes_the_markdown(tmp_path):
    shutil.copy(REPORT_MD, tmp_path / REPORT_MD.name)
    (tmp_path / "scan.pdf").write_bytes(pdfgen.image_only_pdf())
    docs, problems = ingest_corpus(tmp_path)
    assert [d.name for d in docs] == [REPORT_MD.name]
    assert len(problems) == 1 and "scan.pdf: no text layer" in problems[0]


def test_pdf_and_markdown_of_the_same_report_keep_the_markdown(tmp_path, pdf_dir):
    shutil.copy(REPORT_MD, tmp_path / REPORT_MD.name)
    shutil.copy(pdf_dir / "report.pdf", tmp_path / "report.pdf")
    docs, problems = ingest_corpus(tmp_path)
    assert [d.name for d in docs] == [REPORT_MD.name]
    assert len(problems) == 1 and problems[0].startswith("report.pdf: same report as " + REPORT_MD.name)
    assert title_key(ingest_file(tmp_path / "report.pdf").title) == title_key(docs[0].title)

"""The PDF reader on a PDF it was not written against: the report printed by headless Chromium.

tests/chromiumpdf.py renders the corpus markdown to HTML and prints it with Chromium (embedded
TrueType subsets with ligatures, text runs whose estimated widths run long, superscripts as
smaller raised runs, a running header and page-number footer, an endnote list drawn as an HTML
ordered list). The Contents page keeps the report's original page numbers, which are not Chromium's
pages; sections are found by title and get the page their heading is printed on. Reading it must
give (nearly) the markdown's sections, endnotes and endnote links, with and without an outline.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("playwright")
pytest.importorskip("markdown_it")

import chromiumpdf  # noqa: E402  (tests/ is on sys.path)
from askwef.ingest import ingest_file  # noqa: E402
from askwef.ingest.text import normalize_for_match, title_key  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
REPORT_MD = ROOT / "corpus" / "blueprint-to-action-china-ai-2025.md"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(chromiumpdf.CHROMIUM).exists() and not shutil.which("chromium"), reason="no chromium"),
]


@pytest.fixture(scope="session")
def chromium_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("chromium_pdfs")
    (folder / "outline.pdf").write_bytes(chromiumpdf.chromium_pdf(REPORT_MD, outline=True))
    (folder / "plain.pdf").write_bytes(chromiumpdf.chromium_pdf(REPORT_MD, outline=False))
    (folder / "bookmarks-only.pdf").write_bytes(chromiumpdf.chromium_pdf(REPORT_MD, outline=True, contents_page=False))
    return folder


@pytest.fixture(scope="session")
def md_doc():
    return ingest_file(REPORT_MD)


@pytest.fixture(scope="session", params=["outline", "plain"])
def chromium_doc(request, chromium_dir):
    return ingest_file(chromium_dir / f"{request.param}.pdf")


def _sentences(doc) -> dict[str, set[str]]:
    return {s.path: {normalize_for_match(s.text[sp.start : sp.end]) for sp in s.sentences} for s in doc.sections}


def _units(doc) -> list[tuple[str, ...]]:
    """Units by section (a figure is no unit in either reading: its text runs in its section)."""
    return [s.units for s in doc.sections]


def _links(doc) -> set[tuple[str, int]]:
    return {(s.path, n) for s in doc.sections for sp in s.sentences for n in sp.endnotes}


def test_the_generator_makes_what_we_test(chromium_dir):
    from pypdf import PdfReader

    with_outline, plain = PdfReader(chromium_dir / "outline.pdf"), PdfReader(chromium_dir / "plain.pdf")
    assert "Chrome" in str(with_outline.metadata.get("/Creator", ""))
    assert len(with_outline.outline) > 5 and not plain.outline


def test_sections_and_pages(chromium_doc, md_doc):
    assert [s.path for s in chromium_doc.sections] == [s.path for s in md_doc.sections]
    assert _units(chromium_doc) == _units(md_doc)
    assert not chromium_doc.warnings
    # Chromium's pages are not the report's Contents numbers: a section gets the page its heading
    # is printed on (no page labels here, so the physical page)
    pages = [s.page for s in chromium_doc.sections]
    assert pages == sorted(pages)
    assert pages != [s.page for s in md_doc.sections]


def test_a_section_page_shows_its_heading(chromium_dir, chromium_doc):
    from pypdf import PdfReader

    reader = PdfReader(chromium_dir / "outline.pdf")
    texts = [" ".join(page.extract_text().split()).replace("\ufb01", "fi").replace("\ufb00", "ff") for page in reader.pages]
    chapters = [s for s in chromium_doc.sections if s.level == 1 and s.title != "Disclaimer"]
    assert len(chapters) >= 10
    for section in chapters:
        assert section.title in texts[section.page - 1], section.path


def test_endnotes_match_the_markdown(chromium_doc, md_doc):
    md_notes = {e.number: e.url for e in md_doc.endnotes}
    notes = {e.number: e.url for e in chromium_doc.endnotes}
    assert sorted(notes) == sorted(md_notes)
    assert sum(notes[n] == url for n, url in md_notes.items()) >= 65  # 28: a link with a space markdown-it does not parse


def test_endnote_links_and_sentences(chromium_doc, md_doc):
    md_links = _links(md_doc)
    assert _links(chromium_doc) == md_links
    md_s, s = _sentences(md_doc), _sentences(chromium_doc)
    total = sum(len(v) for v in md_s.values())
    found = sum(len(v & s.get(path, set())) for path, v in md_s.items())
    assert found / total >= 0.9


def test_title_from_the_page_after_a_small_print_cover(chromium_doc, md_doc):
    assert chromium_doc.source == "pdf"
    assert chromium_doc.title == md_doc.title


def test_no_contents_page_the_bookmarks_give_the_sections(chromium_dir, md_doc):
    # no Contents page: the bookmarks give the sections; the cover bookmark (the report's title) is
    # not one, titles are read as printed ('governance approach', not the bookmark's
    # 'governanceapproach'), and a chapter takes its number from its numbered subsections. Chapters
    # 3 and 4 print no number and have no numbered subsection: they stay unnumbered, and without a
    # number assemble() does not give them their body-heading subsections (19 of 30 titles found).
    doc = ingest_file(chromium_dir / "bookmarks-only.pdf")
    titles = [s.path.split(" > ")[-1] for s in doc.sections]
    md_titles = [s.path.split(" > ")[-1] for s in md_doc.sections]
    bare = {t.split(" ", 1)[1] if t[:1].isdigit() else t for t in md_titles}
    assert len({t.split(" ", 1)[1] if t[:1].isdigit() else t for t in titles} & bare) >= 19
    paths = {s.path for s in doc.sections}
    assert "1 China's national strategy and governance approach > 1.1 Strategic roadmap for AI development" in paths
    assert "2 Key enablers in the AI ecosystem" in paths
    # the cover's text may stand as front matter under the report's title, never as a chapter of sections
    assert not any(s.path.split(" > ")[0] == md_doc.title and s.level > 1 for s in doc.sections)
    assert [s.path for s in doc.sections if title_key(s.title) == title_key(md_doc.title)] in ([], [doc.sections[0].path])


def test_a_page_of_contributors_reads_each_name_with_its_title(chromium_doc):
    """The last page holds only contributors in small type, no line reaching the column's edge: each
    bold name and its title are one sentence, as in the markdown."""
    contributors = next(v for path, v in _sentences(chromium_doc).items() if path == "Contributors")
    assert normalize_for_match("Ya-Qin Zhang Chair Professor and Dean, Tsinghua University") in contributors
    assert normalize_for_match("Kaizhu Huang Director, Data Science Research Center, Duke Kunshan University") in contributors
    assert normalize_for_match("Jeff Jianfeng Cao Senior Research Fellow, Tencent Research Institute, Tencent") in contributors
    # a title cut by the column's end goes on at the top of the next
    assert normalize_for_match("Shi Piao Executive Director, Digital Economy and Green Innovation Research Center, Ant Group Research Institute") in contributors


@pytest.fixture(scope="session")
def columns_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("chromium_columns") / "columns.pdf"
    path.write_bytes(chromiumpdf.chromium_pdf(REPORT_MD, outline=False, columns=True))
    return ingest_file(path)


def test_a_table_in_a_pages_right_column_keeps_each_cell_whole_with_its_endnote(columns_doc, md_doc):
    """Printed in two columns, a table set in a page's right column: its header keeps its page column, which
    once made the table read as one of three columns and cut its cells' last lines off, with their markers."""
    whole = ("China's AI-driven drug R&D sector is projected to reach $187 million in 2024, making up 12% of the "
             "global market, with 30% annual growth.")
    found = [sp.endnotes for s in columns_doc.sections for sp in s.sentences if s.text[sp.start : sp.end] == whole]
    assert found == [(49,)]
    assert _links(columns_doc) >= {link for link in _links(md_doc) if link[1] in (35, 47, 48, 49, 60)}


def test_in_two_columns_every_sentence_keeps_its_unit(columns_doc, md_doc):
    """A case study's title printed on a band of its own, its text under the band ('USE CASE 9'): the
    band is no box, so the case study's sentences are its unit, as in the markdown."""
    def units(doc) -> dict[tuple[str, str], str]:
        return {(s.path, s.text[sp.start : sp.end]): sp.unit for s in doc.sections for sp in s.sentences}

    md, columns = units(md_doc), units(columns_doc)
    assert len(md.keys() & columns.keys()) >= 0.95 * len(md)
    assert {k: (md[k], u) for k, u in columns.items() if k in md and md[k] != u} == {}


@pytest.fixture(scope="session")
def serif_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("chromium_serif") / "serif.pdf"
    path.write_bytes(chromiumpdf.chromium_pdf(REPORT_MD, outline=False, columns=True, css=chromiumpdf.SERIF_CSS))
    return ingest_file(path)


def test_a_serif_print_whose_fonts_leave_default_widths_out_reads_as_the_markdown(serif_doc, md_doc):
    """Liberation Serif's subsets give no width for glyphs as wide as the font's default (/DW): counted as
    0, runs ended short of their letters, so a case study's title line read as two cells of a table
    ('GAC Honda - enhancing quality inspection with' | 'AI-driven visual') and words came apart
    ('e-commer ce'). Its page of contributors sets names and titles short of the gutter, each column on
    baselines of its own: two columns, though no line fills one."""
    def units(doc) -> dict[tuple[str, str], str]:
        return {(s.path, s.text[sp.start : sp.end]): sp.unit for s in doc.sections for sp in s.sentences}

    md, serif = units(md_doc), units(serif_doc)
    # (the page of contributors too: its two columns of names and titles, each on baselines of its own)
    assert len(md.keys() & serif.keys()) >= 0.99 * len(md)
    assert {k: (md[k], u) for k, u in serif.items() if k in md and md[k] != u} == {}
    assert {u for u in serif.values() if u.startswith("USE CASE")} == {u for u in md.values() if u.startswith("USE CASE")}

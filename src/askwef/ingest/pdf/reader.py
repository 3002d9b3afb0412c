"""The PDF reader: a report PDF -> `ParsedReport` (title, Contents, paragraphs, endnotes), with pypdf.

The pipeline: `runs` and `layout` turn each page into lines in reading order (columns, tables,
superscript endnote markers, running headers and page numbers set aside); `headings` marks the
headings and finds the Contents (its page, else the outline, else the heading sizes), and `anchors`
ties each Contents entry the outline lists to the page its bookmark points at; `notes` reads
the endnote list after the "Endnotes" heading and takes URLs from link annotations; `paragraphs`
joins the remaining lines. The title is the cover's (`title`).

A file that cannot be read raises `IngestError` with one line: the file and the reason (encrypted,
truncated or damaged, no text layer, no pages).

>>> report = read_pdf(Path("report.pdf"), Path("report.pdf").read_bytes())  # doctest: +SKIP
>>> report.contents[0]                                                      # doctest: +SKIP
ContentsEntry(number='', title='Reading guide', page=3)
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from io import BytesIO
from pathlib import Path

from ...types import Endnote
from ..conventions import ENDNOTE_HEADINGS
from ..parsed import IngestError, ParsedReport
from ..text import title_key
from .anchors import anchored
from .backindex import mark_back_index
from .bookmarks import as_bookmarked, carried_over, merged_files, open_at_bookmarks
from .captions import mark_figure_ends
from .citations import attach_citations
from .columns import reading_order
from .contents import contents_page, figure_lists, inner_contents
from .continued import continue_tables
from .despace import despace
from .dropcaps import join_drop_caps
from .entryheads import mark_entry_headings
from .front import dated, front_matter
from .glyphnames import name_glyphs
from .headings import (
    contents_from_headings,
    contents_from_outline,
    mark_headings,
    merge_outline,
    numbered_chapters,
    outline_items,
    page_labels,
    pages_where_printed,
    section_items,
)
from .heads import mark_heads
from .icons import without_icons
from .layout import Line, body_size, mark_furniture, mark_imprint, on_page, page_lines
from .notelists import chapter_pages
from .notes import foot_links, footnotes, link_targets, linked_markers, read_notes, resolve_ibid, with_link_targets
from .opening import opening
from .overprints import without_overprints
from .paramarks import without_paragraph_bookmarks
from .pages import printed_labels
from .paragraphs import hyphen_vocabulary, paragraphs
from .powers import unit_powers
from .regions import mark_regions
from .rotation import display_frame
from .ruled import mark_ruled_tables
from .runs import Widths, page_runs
from .sidebars import sidebars_beside_headings
from .title import cover_title
from .year import publication_year

MAX_PAGES = 3000
"""Pages a report may have (the longest policy reports run to about 1,000): past it the file is refused
before any page is read."""

MAX_SECONDS = 120.0
"""CPU seconds one PDF may take to read (the 196-page OECD review takes about 10 s on 2 cores): past it
reading stops with one line and the other documents still index. CPU time of the reading thread, not
wall time: on a machine busy with other work (the OECD review once took 120 s of wall time at a load
average of 12) a sound report is not refused, while a pathological one still burns CPU to the bound."""

MAX_PAGE_CONTENT_BYTES = 8_000_000
"""Drawing instructions one page may have once inflated (a dense chart page has a few hundred
kilobytes): pypdf parses a page's instructions all at once, so a page past this is skipped."""

MAX_NESTING = 500
"""How deep arrays and dictionaries may nest in the file (real PDFs nest a handful of levels): deeper
is a hostile file, refused before pypdf recurses into it."""

_DEEP = re.compile(rb"(?:\[\s*){%d,}|(?:<<\s*(?:/[^\s<>\[\]()/%%]+\s*)?){%d,}" % (MAX_NESTING, MAX_NESTING))

MAX_STREAM_BYTES = 50_000_000
"""What one stream may inflate to (pypdf's own default is 75 MB): a decompression bomb stops here."""


class _Deadline:
    """Raises IngestError once the reading thread has used `seconds` of CPU; checked every 2,000 content-stream operators."""

    def __init__(self, path: Path, seconds: float):
        self.path, self.seconds, self.count = path, seconds, 0
        self.start = time.thread_time()
        self.page = 0

    def tick(self) -> None:
        self.count += 1
        if self.count % 2000 == 0:
            self.check()

    def check(self) -> None:
        if time.thread_time() - self.start > self.seconds:
            raise IngestError(f"{self.path}: reading stopped after {self.seconds:.0f} s of CPU at page {self.page + 1} "
                              "(a slow or pathological PDF); not indexed")


# --- opening -----------------------------------------------------------------------------------


def _open(path: Path, data: bytes):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(f"{path}: not a PDF file (it does not start with %PDF)")
    if _DEEP.search(data):
        raise IngestError(f"{path}: its objects nest more than {MAX_NESTING} levels deep (a damaged or hostile PDF); not indexed")
    try:
        reader = PdfReader(BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, OSError) as exc:
        raise IngestError(f"{path}: truncated or damaged PDF ({_reason(exc)})") from exc
    except RecursionError as exc:
        raise IngestError(f"{path}: its objects nest too deeply to read (a damaged or hostile PDF); not indexed") from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")  # an owner password only: readable by anyone
        except (DependencyError, FileNotDecryptedError, NotImplementedError, PdfReadError):
            opened = 0
        if not opened:
            raise IngestError(f"{path}: encrypted PDF; decrypt it first (e.g. qpdf --decrypt) or supply the unencrypted file")
    try:
        count = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        raise IngestError(f"{path}: truncated or damaged PDF ({_reason(exc)})") from exc
    if count == 0:
        raise IngestError(f"{path}: the PDF has no pages")
    if count > MAX_PAGES:
        raise IngestError(f"{path}: {count} pages, more than the {MAX_PAGES} a report may have; split the file or check it is not damaged")
    return reader


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


# --- the reader --------------------------------------------------------------------------------


def read_pdf(path: Path, data: bytes, *, seconds: float | None = None) -> ParsedReport:
    """Read a report PDF into a ParsedReport; raises IngestError (one line: file and reason).
    Reading stops after `seconds` (MAX_SECONDS by default)."""
    from pypdf.errors import LimitReachedError

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # pypdf's repair warnings: our errors and warnings say it once
    try:
        with _limits():
            return _read(path, data, _Deadline(path, MAX_SECONDS if seconds is None else seconds))
    except LimitReachedError as exc:
        raise IngestError(f"{path}: a stream inflates past the {MAX_STREAM_BYTES // 1_000_000} MB limit (a decompression bomb?); "
                          "not indexed") from exc
    except RecursionError as exc:
        raise IngestError(f"{path}: its objects nest too deeply to read (a damaged or hostile PDF); not indexed") from exc
    except MemoryError as exc:
        raise IngestError(f"{path}: reading it ran out of memory (a pathological PDF); not indexed") from exc
    finally:
        logger.setLevel(level)


def _limits():
    """pypdf's decompression limits lowered to MAX_STREAM_BYTES, for this read (pypdf 7's
    configuration); an older pypdf keeps its own limits."""
    try:
        from pypdf import apply_configuration

        return apply_configuration(zlib_maximum_output_length=MAX_STREAM_BYTES, lzw_maximum_output_length=MAX_STREAM_BYTES,
                                   run_length_maximum_output_length=MAX_STREAM_BYTES, maximum_declared_stream_length=MAX_STREAM_BYTES)
    except (ImportError, TypeError):
        return contextlib.nullcontext()


def _read(path: Path, data: bytes, deadline: _Deadline) -> ParsedReport:
    from pypdf.errors import PdfReadError

    reader = _open(path, data)
    widths = Widths()
    pages: list[list[Line]] = []
    shapes: list[list] = []
    sizes: list[tuple[float, float]] = []
    warnings: list[str] = []
    for index in range(len(reader.pages)):
        deadline.page = index
        deadline.check()
        drawn: list = []
        try:
            page = reader.pages[index]
            _, shown = display_frame(page.get("/Rotate"), tuple(page.mediabox))  # the page as shown (/Rotate)
            sizes.append((shown[2] - shown[0], shown[3] - shown[1]))
            contents = page.get_contents()
            size = len(contents.get_data()) if contents is not None else 0
            if size > MAX_PAGE_CONTENT_BYTES:
                warnings.append(f"page {index + 1}: {size / 1e6:.1f} MB of drawing instructions, over the "
                                f"{MAX_PAGE_CONTENT_BYTES // 1_000_000} MB a page may have; skipped")
                pages.append([])
                shapes.append(drawn)
                continue
            xs, ys = sorted((float(shown[0]), float(shown[2]))), sorted((float(shown[1]), float(shown[3])))
            bounds = (xs[0], ys[0], xs[1], ys[1])  # a box need not start at 0, 0
            # (a drop cap joins its word first: it stands over the line under its baseline, as an overprint would)
            name_glyphs(page)  # ('/x2A', a glyph's name pypdf cannot read, is its '*')
            lines = on_page(page_lines(page_runs(page, widths, drawn, deadline.tick), index), bounds)
            lines = without_icons(without_overprints(join_drop_caps(lines)))
            # a spread's page: its text runs on past the page's right edge, the columns to its end
            sizes[-1] = (max([sizes[-1][0]] + [l.x1 for l in lines]), sizes[-1][1])
            pages.append(lines)
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
            if index == 0:
                raise IngestError(f"{path}: truncated or damaged PDF ({_reason(exc)})") from exc
            warnings.append(f"page {index + 1}: cannot be read ({_reason(exc)}); skipped")
            pages.append([])
            sizes.append(sizes[-1] if sizes else (595.0, 842.0))
        shapes.append(drawn)
    if not any(pages) and warnings:
        raise IngestError(f"{path}: no page could be read ({warnings[0]}); not indexed")
    if not any(pages):
        raise IngestError(f"{path}: no text layer (scanned image?); it needs OCR before askwef can index it")

    explicit = "/PageLabels" in reader.trailer["/Root"]
    labels = printed_labels(pages, sizes, page_labels(reader, len(pages)), explicit)
    mark_furniture(pages, sizes, labels)
    mark_heads(pages, sizes)
    mark_imprint(pages)
    body = body_size(pages)
    carried = None  # a ruled table the page before ends with
    for index, lines in enumerate(pages):
        # before its steps' numbers look like a chart's labels
        pages[index], carried = mark_ruled_tables(lines, shapes[index], body, carried)
        lines = pages[index]
        mark_regions(lines, shapes[index], sizes[index], body)
    title = cover_title(pages, body, _metadata_title(reader))
    outline = merged_files(outline_items(reader, labels))  # (a merged-in document's bookmark named by its file is none)
    ordered = [reading_order(lines, sizes[i]) for i, lines in enumerate(pages)]
    sidebars_beside_headings(ordered)
    continue_tables(ordered)
    flat = [line for lines in ordered for line in lines if line.role not in ("furniture", "imprint")]
    imprint = [line for lines in ordered for line in lines if line.role == "imprint"]
    outline = without_paragraph_bookmarks(outline, flat, body)  # (Word bookmarks every styled paragraph)
    mark_headings(flat, body, outline)
    vocabulary = hyphen_vocabulary(flat)

    contents, after = contents_page(flat, body)
    figure_lists(flat, after)
    inner_contents(flat, after, {title_key(e.title) for e in contents} | {title_key(item.title) for item in outline})
    if not contents:
        # no Contents page: the outline, else the largest repeated heading size, gives the sections;
        # the body starts on the first section's page (the cover is not a section)
        outline = carried_over(outline, flat, labels)  # a heading that did not fit is printed on the next page
        contents, first_page = contents_from_outline(outline, flat, title)
        contents = as_bookmarked(contents, section_items(outline, title))  # a title's line-end break as its bookmark spells it
        bookmarked = bool(contents)
        if not bookmarked:
            contents, first_page = contents_from_headings(flat, labels, title)
        contents = numbered_chapters(contents)
        if bookmarked:  # each opens at its bookmark's page, its title printed there or not
            flat = open_at_bookmarks(flat, contents, section_items(outline, title))
        after = next((i for i, l in enumerate(flat) if l.page >= first_page), 0)
        after = opening(flat, after, title, body) if bookmarked else after  # a first chapter the outline leaves out
    else:
        # sections the Contents lists may be printed before it (the OECD review's Foreword): the body
        # starts at the first entry's heading when that stands before the Contents page
        first = title_key(contents[0].title)
        before = next((i for i, l in enumerate(flat[:after]) if l.role == "heading" and title_key(l.text) == first), None)
        after = before if before is not None else after
        contents = anchored(contents, outline, flat)  # the outline says where each entry is printed
        mark_entry_headings(contents, flat[after:], body)  # a heading with a note in body type after its title
        contents = pages_where_printed(merge_outline(contents, outline, title, flat, body), flat[after:], labels)
    mark_back_index(flat[after:], {title_key(e.title) for e in contents})  # an index's entries are no sentences
    chapters = {title_key(e.title) for e in contents if (e.level or e.number.count(".") + 1) == 1 and title_key(e.title) not in ENDNOTE_HEADINGS}
    notes, entry_lines, references, reference_lines = read_notes(flat[after:], chapters, vocabulary)
    # (a report without a Contents, outline or repeated heading sizes: its largest headings open its chapters)
    top = max((l.size for l in flat[after:] if l.role == "heading"), default=0.0)
    opened = chapters or {title_key(l.text) for l in flat[after:] if l.role == "heading" and l.size >= top - 0.5}
    foot, foot_lines = footnotes(ordered, body, vocabulary, chapter_pages(flat[after:], opened))
    known = {(n.scope, n.number) for n in notes}
    notes += [n for n in foot if (n.scope, n.number) not in known]
    unit_powers(flat, {n.number for n in notes})  # 'mi' + marker 2 with no note 2: 'mi²' (before links make notes of markers)
    links = link_targets(reader)
    notes = with_link_targets(notes, {**foot_lines, **entry_lines}, links)
    references = with_link_targets(references, reference_lines, links)
    notes += linked_markers(flat[after:], {n.number for n in notes}, links)
    notes += foot_links(ordered, links, body, {n.number for n in notes}, shapes)
    notes = resolve_ibid(notes)
    last = [l for l in flat[after:] if l.page == flat[-1].page] if flat else []
    front, back = front_matter(flat[:after], body, imprint, last)
    body_lines = [l for l in flat[after:] if l.role != "notes" and id(l) not in back]
    mark_figure_ends(body_lines, body)
    # each front page its own paragraphs: a title page's last line does not run on into the imprint
    paras = [p for page in sorted({l.page for l in front}) for p in dated(paragraphs([l for l in front if l.page == page], body, vocabulary, labels))]
    paras = attach_citations(despace(paras + paragraphs(body_lines, body, vocabulary, labels), [n.reference for n in notes]))
    # the front matter and the body's first pages (YEAR_PAGES): a manual's history further on ("July 1997") is no date of it
    start = flat[after].page if after < len(flat) else 0
    year = publication_year([l for l in flat[: after + 200] if l.page <= start + YEAR_PAGES], reader)
    return ParsedReport(title, tuple(contents), tuple(paras), tuple(_ordered(notes)), tuple(warnings), year, tuple(_ordered(references)))


YEAR_PAGES = 2
"""The body's pages read for the publication year after its first (an imprint may follow the Contents): the Debian
Policy Manual's history, 13 pages in, dated it 1997 once its eight-page Contents was read whole."""


def _ordered(notes: list[Endnote]) -> list[Endnote]:
    """Notes in reading order of their lists; one note per (scope, number)."""
    seen: set[tuple[str, int]] = set()
    out = []
    for note in notes:
        if (note.scope, note.number) not in seen:
            seen.add((note.scope, note.number))
            out.append(note)
    return out


def _metadata_title(reader) -> str:
    try:
        meta = reader.metadata
        return str(meta.title).strip() if meta and meta.title else ""
    except Exception:  # noqa: BLE001
        return ""

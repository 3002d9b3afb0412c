"""The PDF reader: a report PDF -> `ParsedReport` (title, Contents, paragraphs, endnotes), with pypdf.

The pipeline: `runs` and `layout` turn each page into lines in reading order (columns, tables,
superscript endnote markers, running headers and page numbers set aside); `headings` marks the
headings and finds the Contents (its page, else the outline, else the heading sizes); `notes` reads
the endnote list after the "Endnotes" heading and takes URLs from link annotations; `paragraphs`
joins the remaining lines. The title is the largest text of the first page with text larger than
the body (a cover may hold only small print); else the metadata title.

A file that cannot be read raises `IngestError` with one line: the file and the reason (encrypted,
truncated or damaged, no text layer, no pages).

>>> report = read_pdf(Path("report.pdf"), Path("report.pdf").read_bytes())  # doctest: +SKIP
>>> report.contents[0]                                                      # doctest: +SKIP
ContentsEntry(number='', title='Reading guide', page=3)
"""

from __future__ import annotations

import logging
from io import BytesIO
from pathlib import Path

from ..endnotes import parse_endnotes
from ..parsed import IngestError, ParsedReport
from ..text import word_count
from .headings import (
    contents_from_headings,
    contents_from_outline,
    contents_page,
    mark_headings,
    numbered_chapters,
    outline_items,
    page_labels,
    pages_where_printed,
)
from .layout import Line, body_size, mark_furniture, page_lines, reading_order
from .notes import endnote_entries, endnotes_heading, link_targets, with_link_targets
from .paragraphs import hyphen_vocabulary, paragraphs
from .runs import Widths, page_runs

# --- opening -----------------------------------------------------------------------------------


def _open(path: Path, data: bytes):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(f"{path}: not a PDF file (it does not start with %PDF)")
    try:
        reader = PdfReader(BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, OSError) as exc:
        raise IngestError(f"{path}: truncated or damaged PDF ({_reason(exc)})") from exc
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
    return reader


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


# --- the reader --------------------------------------------------------------------------------


def read_pdf(path: Path, data: bytes) -> ParsedReport:
    """Read a report PDF into a ParsedReport; raises IngestError (one line: file and reason)."""

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # pypdf's repair warnings: our errors and warnings say it once
    try:
        return _read(path, data)
    finally:
        logger.setLevel(level)


def _read(path: Path, data: bytes) -> ParsedReport:
    from pypdf.errors import PdfReadError

    reader = _open(path, data)
    widths = Widths()
    pages: list[list[Line]] = []
    sizes: list[tuple[float, float]] = []
    warnings: list[str] = []
    for index in range(len(reader.pages)):
        try:
            page = reader.pages[index]
            box = page.mediabox
            sizes.append((float(box.width), float(box.height)))
            pages.append(page_lines(page_runs(page, widths), index))
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
            if index == 0:
                raise IngestError(f"{path}: truncated or damaged PDF ({_reason(exc)})") from exc
            warnings.append(f"page {index + 1}: cannot be read ({_reason(exc)}); skipped")
            pages.append([])
            sizes.append(sizes[-1] if sizes else (595.0, 842.0))
    if not any(pages):
        raise IngestError(f"{path}: no text layer (scanned image?); it needs OCR before askwef can index it")

    labels = page_labels(reader, len(pages))
    mark_furniture(pages, sizes, labels)
    body = body_size(pages)
    title = _title(pages, reader, body)
    outline = outline_items(reader, labels)
    ordered = [reading_order(lines, sizes[i]) for i, lines in enumerate(pages)]
    flat = [line for lines in ordered for line in lines if line.role != "furniture"]
    mark_headings(flat, body, outline)
    vocabulary = hyphen_vocabulary(flat)

    contents, after = contents_page(flat, body)
    if not contents:
        # no Contents page: the outline, else the largest repeated heading size, gives the sections;
        # the body starts on the first section's page (the cover is not a section)
        contents, first_page = contents_from_outline(outline, flat, title)
        if not contents:
            contents, first_page = contents_from_headings(flat, labels, title)
        contents = numbered_chapters(contents)
        after = next((i for i, l in enumerate(flat) if l.page >= first_page), 0)
    else:
        contents = pages_where_printed(contents, flat[after:], labels)
    endnotes_at = endnotes_heading(flat, after)
    body_lines = flat[after:endnotes_at] if endnotes_at is not None else flat[after:]
    endnotes = []
    if endnotes_at is not None:
        texts, entry_lines = endnote_entries(flat[endnotes_at + 1 :], vocabulary)
        endnotes = with_link_targets(parse_endnotes(texts), entry_lines, link_targets(reader))
    paras = paragraphs(body_lines, body, vocabulary)
    return ParsedReport(title, tuple(contents), tuple(paras), tuple(endnotes), tuple(warnings))


# --- title ------------------------------------------------------------------------------------


def _title(pages: list[list[Line]], reader, body: float) -> str:
    """The largest text of the first page with text larger than the body (a cover may hold only a
    small line or two, the title on the page after), among the first three; else the metadata title."""
    seen = 0
    for lines in pages:
        lines = [l for l in lines if l.role != "furniture"]
        if not lines:
            continue
        seen += 1
        if seen > 3:
            break
        top = max(l.size for l in lines)
        if top < 1.15 * body:
            continue
        parts = [l.text for l in sorted(lines, key=lambda l: -l.y) if abs(l.size - top) < 0.5]
        if parts and word_count(" ".join(parts)) >= 2:
            return " ".join(parts)
        break
    try:
        meta = reader.metadata
        return str(meta.title).strip() if meta and meta.title else ""
    except Exception:  # noqa: BLE001
        return ""

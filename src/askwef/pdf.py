"""The PDF reader: a report PDF -> `ParsedReport` (title, Contents, paragraphs, endnotes), with pypdf.

pypdf's text visitor gives each run of text with its position, font and size. From those:

- lines are rebuilt from runs on one baseline; a run that is smaller, digits only and raised (text
  rise or baseline) is an endnote marker, kept as `Para.markers`, not as text;
- running headers and footers (a line repeated at the same place on many pages) and lone page
  numbers at the top or bottom of a page are dropped;
- two-column pages are read left column, then right column, between full-width lines;
- a table (a bold header row of short cells, then cells at the header's x positions) becomes a
  "table_header" and one "row" per row, its bullets as items;
- lines are joined into paragraphs; a word hyphenated at a line end is joined again
  ("trans-" + "formation"), a real hyphen stays ("AI-" + "powered" when "AI-powered" is used
  elsewhere in the report, or the first part is upper case);
- sections come from the outline (bookmarks) when the PDF has one, else from heading sizes and
  bold lines; the Contents page is parsed when there is one, else built from the outline, with the
  printed page labels;
- the endnote list after the "Endnotes" heading is parsed by `ingest.parse_endnotes`.

>>> report = read_pdf(Path("report.pdf"), Path("report.pdf").read_bytes())  # doctest: +SKIP
>>> report.contents[0]                                                      # doctest: +SKIP
ContentsEntry(number='', title='Reading guide', page=3)
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from statistics import median

from .ingest import ContentsEntry, IngestError, Para, ParsedReport, parse_endnotes
from .text import Cleaned, ends_sentence, parse_marker_numbers, split_numbering, starts_lowercase, title_key, word_count

_ENDNOTE_KEYS = {"endnotes", "notes", "references", "bibliography"}
_BULLETS = "•\x7f▪■●◦‣∙·"
_BULLET_LINE = re.compile(rf"^\s*[{_BULLETS}]\s*")
_MARKER_TEXT = re.compile(r"^\s*\d{1,3}(?:\s*[,\-–]\s*\d{1,3})*\s*$")
_LONE_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_CONTENTS_ROW = re.compile(r"^\s*(?P<title>\S.*?)[\s.·…_]*[\t ](?P<page>\d{1,4})\s*$")
_ENDNOTE_START = re.compile(r"^\s*(\d{1,3})[.)]\s+\S")
_URLISH = re.compile(r"(?:https?://|www\.)\S*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


# --- runs and lines ----------------------------------------------------------------------------


@dataclass
class _Run:
    text: str
    x: float
    y: float
    size: float
    bold: bool
    rise: float
    width: float
    ends_line: bool


@dataclass
class _Line:
    page: int  # physical page index
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    text: str
    markers: list[tuple[int, int]] = field(default_factory=list)
    runs: list[_Run] = field(default_factory=list)
    column: int = 0  # 0 full width / single column, 1 left, 2 right
    role: str = ""  # "" body, "heading", "table", "contents", "furniture"
    level: int = 0


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
    ]


class _Widths:
    """Text widths from the PDF's font resources (pypdf knows the metrics of the standard 14 fonts)."""

    def __init__(self) -> None:
        self._fonts: dict[int, object] = {}

    def width(self, font_dict, text: str, size: float) -> float:
        font = self._fonts.get(id(font_dict))
        if font is None and font_dict is not None:
            try:
                from pypdf.generic._font import Font

                font = Font.from_font_resource(font_dict)
            except Exception:  # noqa: BLE001 - any odd font falls back to an estimate
                font = False
            self._fonts[id(font_dict)] = font
        if font:
            try:
                return font.get_text_width(text) * size / 1000  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001
                pass
        return 0.5 * size * len(text)


def _page_runs(page, widths: _Widths) -> list[_Run]:
    """The text runs of a page, in content order, with their position, size, weight and text rise."""
    runs: list[_Run] = []
    state = {"rise": 0.0, "rises": [], "saved": []}

    def before(operator, operands, cm, tm):
        if operator == b"q":  # the text rise is graphics state: saved and restored with it
            state["saved"].append(state["rise"])
        elif operator == b"Q":
            state["rise"] = state["saved"].pop() if state["saved"] else 0.0
        elif operator == b"Ts" and operands:
            try:
                state["rise"] = float(operands[0])
            except (TypeError, ValueError):
                pass
        elif operator in (b"Tj", b"TJ", b"'", b'"'):
            state["rises"].append(state["rise"])

    def visit(text, cm, tm, font_dict, font_size):
        rises, state["rises"] = state["rises"], []
        clean = _CONTROL.sub("", text.replace("\r", "\n").rstrip("\n"))
        if not clean.strip():
            if text.endswith("\n") and runs:
                runs[-1].ends_line = True
            return
        m = _mult(tm, cm)
        scale_y = math.hypot(m[2], m[3]) or 1.0
        scale_x = math.hypot(m[0], m[1]) or 1.0
        size = float(font_size) * scale_y
        name = str(font_dict.get("/BaseFont", "")) if font_dict is not None else ""
        rise = max(rises, default=0.0) * scale_y
        width = widths.width(font_dict, clean, float(font_size)) * scale_x
        runs.append(_Run(clean, m[4], m[5], size, bool(_BOLD_FONT.search(name)), rise, width, text.endswith("\n")))

    page.extract_text(visitor_text=visit, visitor_operand_before=before)
    return runs


def _lines(runs: list[_Run], page_no: int) -> list[_Line]:
    """Runs on one baseline and side by side -> lines; superscript markers are taken out of the text."""
    groups: list[list[_Run]] = []
    x_end = 0.0
    for run in runs:
        cur = groups[-1] if groups else None
        if cur is not None and not cur[-1].ends_line:
            first = cur[0]
            size = max(r.size for r in cur)
            same_base = abs(run.y - first.y) <= 0.3 * size or (run.size < 0.9 * size and -0.2 * size <= run.y - first.y <= 0.7 * size)
            # runs that pypdf reports at the previous run's x (the text matrix did not move) follow on
            same_x = abs(run.x - cur[-1].x) < 0.5
            continues = same_x or (x_end - 2 <= run.x <= x_end + 1.8 * max(size, run.size))
            if same_base and continues:
                if run.x > x_end + 0.15 * run.size and not cur[-1].text.endswith(" ") and not run.text.startswith(" "):
                    run.text = " " + run.text  # a gap on the page is a space in the text
                cur.append(run)
                # reportlab-style runs all carry the line's start x: their width adds up
                x_end = x_end + run.width if same_x else run.x + run.width
                continue
        groups.append([run])
        x_end = run.x + run.width
    lines: list[_Line] = []
    for group in groups:
        chars = Counter()
        for r in group:
            chars[round(r.size, 1)] += len(r.text.strip())
        body = max(chars, key=lambda s: (chars[s], s))
        text = ""
        markers: list[tuple[int, int]] = []
        kept: list[_Run] = []
        for r in group:
            raised = r.rise > 0.05 * body or r.y - group[0].y > 0.15 * body
            if text.strip() and r.size < 0.9 * body and raised and _MARKER_TEXT.match(r.text):
                end = len(text.rstrip())
                markers.extend((end, n) for n in parse_marker_numbers(r.text.replace("–", "-")))
                continue
            text += r.text
            kept.append(r)
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        text = re.sub(r"\s+", " ", stripped)  # offsets of markers: only leading space matters for runs we build
        markers = [(max(0, min(o - lead, len(text))), n) for o, n in markers]
        x0 = min(r.x for r in group)
        width = sum(r.width for r in group)
        lines.append(_Line(
            page=page_no, x0=x0, x1=x0 + width, y=group[0].y, size=body,
            bold=all(r.bold for r in kept if r.text.strip()), text=text, markers=markers, runs=group,
        ))
    return lines


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
    from pypdf.errors import PdfReadError

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
    widths = _Widths()
    pages: list[list[_Line]] = []
    sizes: list[tuple[float, float]] = []
    warnings: list[str] = []
    for index in range(len(reader.pages)):
        try:
            page = reader.pages[index]
            box = page.mediabox
            sizes.append((float(box.width), float(box.height)))
            pages.append(_lines(_page_runs(page, widths), index))
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
            if index == 0:
                raise IngestError(f"{path}: truncated or damaged PDF ({_reason(exc)})") from exc
            warnings.append(f"page {index + 1}: cannot be read ({_reason(exc)}); skipped")
            pages.append([])
            sizes.append(sizes[-1] if sizes else (595.0, 842.0))
    if not any(pages):
        raise IngestError(f"{path}: no text layer (scanned image?); it needs OCR before askwef can index it")

    labels = _labels(reader, len(pages))
    _mark_furniture(pages, sizes, labels)
    body = _body_size(pages)
    title = _title(pages, reader)
    outline = _outline(reader, labels)
    ordered = [_reading_order(lines, sizes[i], body) for i, lines in enumerate(pages)]
    flat = [line for lines in ordered for line in lines if line.role != "furniture"]
    _mark_headings(flat, body, outline)
    vocabulary = _hyphen_vocabulary(flat)

    contents, after = _contents(flat, body)
    if not contents:
        # no Contents page: the outline, else the largest repeated heading size, gives the sections;
        # the body starts on the first section's page (the cover is not a section)
        contents, first_page = _contents_from_outline(outline)
        if not contents:
            contents, first_page = _contents_from_headings(flat, labels)
        after = next((i for i, l in enumerate(flat) if l.page >= first_page), 0)
    endnotes_at = _endnotes_heading(flat, after)
    body_lines = flat[after:endnotes_at] if endnotes_at is not None else flat[after:]
    endnotes = parse_endnotes(_endnote_lines(flat[endnotes_at + 1 :], vocabulary)) if endnotes_at is not None else []
    paras = _paragraphs(body_lines, body, vocabulary)
    return ParsedReport(title, tuple(contents), tuple(paras), tuple(endnotes), tuple(warnings))


def _labels(reader, count: int) -> list[str]:
    """The printed label of every page ("i", "1", ...); the physical number when the PDF has none."""
    try:
        labels = list(reader.page_labels)
    except Exception:  # noqa: BLE001 - a broken /PageLabels tree: fall back to physical numbers
        labels = []
    if len(labels) != count:
        labels = [str(i + 1) for i in range(count)]
    return labels


def _page_number(labels: list[str], index: int) -> int:
    label = labels[index] if 0 <= index < len(labels) else ""
    return int(label) if label.isdigit() else index + 1


# --- page furniture and layout -----------------------------------------------------------------


def _mark_furniture(pages: list[list[_Line]], sizes: list[tuple[float, float]], labels: list[str]) -> None:
    """Running headers/footers (same text, digits aside, same place on many pages) and lone page numbers."""
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    for lines in pages:
        for line in lines:
            key = re.sub(r"\d+", "#", line.text.casefold())
            seen[(key, round(line.y / 6))].add(line.page)
    threshold = max(3, int(0.3 * len(pages)))
    for lines in pages:
        if not lines:
            continue
        height = sizes[lines[0].page][1]
        for line in lines:
            band = line.y > 0.9 * height or line.y < 0.08 * height
            key = re.sub(r"\d+", "#", line.text.casefold())
            repeated = len(seen[(key, round(line.y / 6))]) >= threshold
            if band and (repeated or _is_page_number(line.text, line.page, labels)):
                line.role = "furniture"


def _is_page_number(text: str, index: int, labels: list[str]) -> bool:
    """'17' on the page labelled 17 (or near its physical number), 'iv', 'Page 3 of 30'; not a year."""
    if not _LONE_PAGE_NUMBER.match(text):
        return False
    digits = re.findall(r"\d+", text)
    if not digits:
        return True  # roman
    n = int(digits[0])
    printed = labels[index] if index < len(labels) else ""
    return str(n) == printed or abs(n - (index + 1)) <= 3


def _body_size(pages: list[list[_Line]]) -> float:
    chars: Counter = Counter()
    for lines in pages:
        for line in lines:
            if line.role != "furniture":
                chars[round(line.size, 1)] += len(line.text)
    return max(chars, key=lambda s: chars[s]) if chars else 10.0


def _title(pages: list[list[_Line]], reader) -> str:
    """The largest text on the first page with text; else the metadata title."""
    for lines in pages:
        lines = [l for l in lines if l.role != "furniture"]
        if not lines:
            continue
        top = max(l.size for l in lines)
        parts = [l.text for l in sorted(lines, key=lambda l: -l.y) if abs(l.size - top) < 0.5]
        if parts and word_count(" ".join(parts)) >= 2:
            return " ".join(parts)
        break
    try:
        meta = reader.metadata
        return str(meta.title).strip() if meta and meta.title else ""
    except Exception:  # noqa: BLE001
        return ""


def _reading_order(lines: list[_Line], size: tuple[float, float], body: float) -> list[_Line]:
    """Top to bottom; on two-column stretches the left column first. Tables keep their rows."""
    lines = sorted(lines, key=lambda l: (-round(l.y, 1), l.x0))
    width = size[0]
    _mark_tables(lines)
    starts = Counter(round(l.x0) for l in lines if l.role not in ("furniture", "table") and 0.4 * width < l.x0 < 0.62 * width)
    if not starts or max(starts.values()) < 2:
        return lines
    gutter = max(starts, key=lambda x: starts[x]) - 2
    if sum(1 for l in lines if l.role == "" and l.x1 <= gutter + 4 and l.x0 < 0.3 * width) < 2:
        return lines  # text starting mid-page, but no left column beside it
    out: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []

    def flush() -> None:
        out.extend(left)
        out.extend(right)
        left.clear()
        right.clear()

    for line in lines:
        if line.role in ("furniture", "table"):
            if line.role == "table":
                flush()
            out.append(line) if line.role == "table" else None
            continue
        if line.x0 >= gutter:
            line.column = 2
            right.append(line)
        elif line.x1 <= gutter + 4:
            line.column = 1
            left.append(line)
        else:
            flush()
            out.append(line)
    flush()
    furniture = [l for l in lines if l.role == "furniture"]
    return out + furniture


def _mark_tables(lines: list[_Line]) -> None:
    """Find table regions: a row of 2+ short bold cells, then lines at those cells' x positions."""
    by_y: dict[float, list[_Line]] = defaultdict(list)
    for line in lines:
        if line.role != "furniture":
            by_y[round(line.y)].append(line)
    done: set[int] = set()
    ys = sorted(by_y, reverse=True)
    for y in ys:
        row = sorted(by_y[y], key=lambda l: l.x0)
        if len(row) < 2 or id(row[0]) in done or not all(l.bold and word_count(l.text) <= 6 for l in row):
            continue
        columns = [l.x0 for l in row]
        if columns[-1] - columns[0] < 60:
            continue
        region = [l for l in lines if l.role != "furniture" and l.y < y - 0.5]
        members: list[_Line] = []
        last_y = y
        for line in region:
            if last_y - line.y > 4 * line.size + 8:
                break
            if line.x0 < columns[0] - 3 or (line.x0 < columns[1] - 3 and line.x1 > columns[1] + 3):
                break
            if re.match(r"^(Sources?|Notes?)\s*:", line.text) or (members and abs(line.size - members[0].size) > 0.3):
                break
            members.append(line)
            last_y = line.y
        if not members:
            continue
        for l in row:
            l.role = "table"
            l.level = -1  # the header row
        for l in members:
            l.role = "table"
            l.column = max(i for i, x in enumerate(columns) if l.x0 >= x - 3)
        row[0].runs = row[0].runs  # the header keeps its cells as separate lines
        done.update(id(l) for l in row)


# --- headings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _OutlineItem:
    title: str
    level: int
    page: int  # physical index
    number: int  # printed page
    top: float | None = None  # the destination's y, when it gives one


def _outline(reader, labels: list[str]) -> list[_OutlineItem]:
    items: list[_OutlineItem] = []

    def walk(nodes, depth: int) -> None:
        for node in nodes:
            if isinstance(node, list):
                walk(node, depth + 1)
                continue
            try:
                index = reader.get_destination_page_number(node)
            except Exception:  # noqa: BLE001 - a dangling bookmark is skipped
                continue
            title = re.sub(r"\s+", " ", str(getattr(node, "title", "") or "")).strip()
            try:
                top = float(node.top) if getattr(node, "top", None) is not None else None
            except (TypeError, ValueError):
                top = None
            if title and index is not None and index >= 0:
                items.append(_OutlineItem(title, depth + 1, index, _page_number(labels, index), top))

    try:
        walk(reader.outline, 0)
    except Exception:  # noqa: BLE001
        return []
    return items


def _mark_headings(lines: list[_Line], body: float, outline: list[_OutlineItem]) -> None:
    """Outline titles found on their page become headings at the outline's level; big text is a heading too."""
    for item in outline:
        key = title_key(item.title)
        candidates = [i for i, l in enumerate(lines) if l.page == item.page and l.role == ""]
        if item.top is not None:  # the destination points at the heading: look there first
            candidates.sort(key=lambda i: (lines[i].y > item.top + 2, abs(item.top - lines[i].y)))
        for i in candidates:
            joined = ""
            for j in range(i, min(i + 4, len(lines))):
                if lines[j].page != item.page or lines[j].role:
                    break
                joined = f"{joined} {lines[j].text}".strip()
                if title_key(joined) == key:
                    for k in range(i, j + 1):
                        lines[k].role, lines[k].level = "heading", item.level
                    break
                if len(title_key(joined)) >= len(key):
                    break
            else:
                continue
            if lines[i].role == "heading":
                break
    sizes = sorted({round(l.size, 1) for l in lines if l.role == "" and l.size >= 1.15 * body}, reverse=True)
    for line in lines:
        if line.role == "" and line.size >= 1.15 * body and not _MARKER_TEXT.match(line.text):
            line.role, line.level = "heading", 2 + sizes.index(round(line.size, 1))


# --- contents ------------------------------------------------------------------------------------


def _contents(lines: list[_Line], body: float) -> tuple[list[ContentsEntry], int]:
    """The Contents page's entries and the index of the first line after them (0 when there is none)."""
    start = next((i for i, l in enumerate(lines[:400]) if title_key(l.text) == "contents" and l.size >= body), None)
    if start is None:
        return [], 0
    entries: list[ContentsEntry] = []
    i = start + 1
    last = start
    pending = ""
    while i < len(lines):
        line = lines[i]
        if line.page - lines[start].page > 1:
            break
        same = [line]
        while i + 1 < len(lines) and abs(lines[i + 1].y - line.y) < 2 and lines[i + 1].page == line.page:
            i += 1
            same.append(lines[i])
        text = "\t".join(l.text for l in sorted(same, key=lambda l: l.x0))
        text = f"{pending} {text}".strip() if pending else text
        if m := _CONTENTS_ROW.match(text):
            number, bare = split_numbering(m.group("title").replace("\t", " ").strip())
            entries.append(ContentsEntry(number, bare, int(m.group("page"))))
            last, pending = i, ""
        elif word_count(text) <= 14 and not ends_sentence(text) and not pending and len(same) == 1 and line.role != "heading":
            pending = text  # a title wrapped onto the next line
        else:
            break
        i += 1
    if len(entries) < 3:
        return [], 0
    for line in lines[start : last + 1]:
        line.role = "contents"
    return entries, last + 1


def _contents_from_outline(outline: list[_OutlineItem]) -> tuple[list[ContentsEntry], int]:
    """Chapters and numbered subsections of the outline, with the printed page of their destination;
    and the physical index of the first one's page."""
    entries: list[ContentsEntry] = []
    parent = ""
    for item in outline:
        number, bare = split_numbering(item.title)
        if item.level == 1:
            parent = number
            entries.append(ContentsEntry(number, bare, item.number))
        elif item.level == 2 and number and parent and number.startswith(parent + "."):
            entries.append(ContentsEntry(number, bare, item.number))
    return entries, min((item.page for item in outline), default=0)


def _contents_from_headings(lines: list[_Line], labels: list[str]) -> tuple[list[ContentsEntry], int]:
    """No Contents page, no outline: chapters are the headings of the largest size used for three or
    more headings (the cover title is bigger but alone); numbered subsections ("2.4 ...") join them."""
    headings: list[tuple[_Line, str]] = []
    for i, line in enumerate(lines):
        if line.role != "heading":
            continue
        prev = lines[i - 1] if i else None
        if prev is not None and prev.role == "heading" and prev.page == line.page and abs(prev.size - line.size) < 0.3 and headings:
            headings[-1] = (headings[-1][0], f"{headings[-1][1]} {line.text}")
            continue
        headings.append((line, line.text))
    counts = Counter(round(l.size, 1) for l, _ in headings)
    chapter_size = max((s for s, n in counts.items() if n >= 3), default=None)
    if chapter_size is None:
        return [], 0
    entries: list[ContentsEntry] = []
    first_page = None
    parent = ""
    for line, text in headings:
        number, bare = split_numbering(text)
        if round(line.size, 1) == chapter_size:
            parent = number
            entries.append(ContentsEntry(number, bare, _page_number(labels, line.page)))
            first_page = line.page if first_page is None else first_page
        elif number and parent and number.startswith(parent + "."):
            entries.append(ContentsEntry(number, bare, _page_number(labels, line.page)))
    return entries, first_page or 0


def _endnotes_heading(lines: list[_Line], after: int) -> int | None:
    for i in range(len(lines) - 1, after - 1, -1):
        if lines[i].role == "heading" and title_key(lines[i].text) in _ENDNOTE_KEYS:
            return i
    return None


# --- joining lines -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Vocabulary:
    """What the report's own lines say about hyphens, lower case: 'ai-powered' seen inside a line,
    plain words, and the parts hyphenated words are made of ('cross' from 'cross-border')."""

    hyphenated: frozenset[str]
    plain: frozenset[str]
    parts: frozenset[str]


def _hyphen_vocabulary(lines: list[_Line]) -> _Vocabulary:
    hyphenated: set[str] = set()
    plain: set[str] = set()
    for line in lines:
        words = line.text.split()
        for i, w in enumerate(words):
            w = w.strip(".,;:()\"'“”‘’").casefold()
            if i == 0 or (i == len(words) - 1 and w.endswith("-")):
                continue  # a line's first and last words may be halves of a broken word
            if "-" in w.strip("-"):
                hyphenated.add(w)
            elif w.isalpha():
                plain.add(w)
    parts = {p for w in hyphenated for p in w.split("-") if p}
    return _Vocabulary(frozenset(hyphenated), frozenset(plain), frozenset(parts))


def _join(left: str, right: str, vocabulary: _Vocabulary) -> tuple[str, int]:
    """Join two lines: 'trans-' + 'formation' -> 'transformation'; the second line's offset is returned.

    A hyphen at a line end stays when the report writes the word with it elsewhere; it goes when the
    report uses the joined word. Otherwise it stays when the first half is a word of the report
    ('service-' + 'oriented'), an acronym or holds a digit ('AI-', '5G-'), and goes when it is a
    fragment ('trans-' + 'formation').
    """
    if m := _URLISH.search(left):
        url = m.group(0)
        first = right.split(" ", 1)[0]
        if url.endswith("://") or not first.startswith(("http", "www.")) and (not url.endswith((".", ",", ";")) or ("/" in first and not first[:1].isupper())):
            return left + right, len(left)
    if re.search(r"[A-Za-z0-9]-$", left) and right[:1].isalpha():
        head = re.search(r"([\w\-]*)-$", left).group(1)
        tail = re.match(r"[\w\-]*", right).group(0)
        last_part = head.split("-")[-1]
        joined_h = f"{head}-{tail}".casefold()
        joined = f"{head}{tail}".casefold()
        v = vocabulary
        head_word, tail_word = last_part.casefold(), tail.split("-")[0].casefold()
        keep = joined_h in v.hyphenated or (
            joined not in v.plain
            and (
                "-" in tail  # 'vehicle-' + 'road-city'
                or (len(head_word) >= 3 and (head_word in v.plain or head_word in v.parts))
                or last_part.isupper() or any(c.isdigit() for c in last_part)
                or not right[:1].islower()
            )
        )
        if keep:
            return left + right, len(left)
        return left[:-1] + right, len(left) - 1
    if not left:
        return right, 0
    return left + " " + right, len(left) + 1


# --- paragraphs --------------------------------------------------------------------------------


@dataclass
class _Open:
    kind: str
    text: str
    markers: list[tuple[int, int]]
    last: _Line
    first: _Line


def _paragraphs(lines: list[_Line], body: float, vocabulary) -> list[Para]:
    paras: list[Para] = []
    current: _Open | None = None
    leading = _leading(lines)
    i = 0

    def close() -> None:
        nonlocal current
        if current is not None and current.text.strip():
            paras.append(_finish(current))
        current = None

    while i < len(lines):
        line = lines[i]
        if line.role in ("furniture", "contents"):
            i += 1
            continue
        if line.role == "table":
            close()
            j = i
            while j < len(lines) and lines[j].role == "table":
                j += 1
            paras.extend(_table(lines[i:j], vocabulary))
            i = j
            continue
        if line.role == "heading":
            text = line.text
            j = i + 1
            while j < len(lines) and lines[j].role == "heading" and lines[j].page == line.page and abs(lines[j].size - line.size) < 0.3 \
                    and 0 < lines[j - 1].y - lines[j].y < 2 * line.size and lines[j].level == line.level:
                text = _join(text, lines[j].text, vocabulary)[0]
                j += 1
            close()
            paras.append(Para("heading", text, level=max(1, line.level)))
            i = j
            continue
        bullet = _BULLET_LINE.match(line.text)
        kind = "item" if bullet else "prose"
        text = line.text[bullet.end():] if bullet else line.text
        cut = bullet.end() if bullet else 0
        markers = [(max(0, o - cut), n) for o, n in line.markers]
        if current is not None and not bullet and _continues(current, line, leading, body):
            joined, at = _join(current.text, text, vocabulary)
            current.text = joined
            current.markers += [(o + at, n) for o, n in markers]
            current.last = line
        else:
            close()
            style = "bold" if line.bold else kind
            current = _Open(style if kind == "prose" else kind, text, list(markers), line, line)
        i += 1
    close()
    return paras


def _leading(lines: list[_Line]) -> dict[float, float]:
    gaps: dict[float, list[float]] = defaultdict(list)
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and a.column == b.column and abs(a.size - b.size) < 0.3 and 0 < a.y - b.y < 3 * a.size:
            gaps[round(a.size, 1)].append(a.y - b.y)
    return {s: median(g) for s, g in gaps.items()}


def _continues(current: _Open, line: _Line, leading: dict[float, float], body: float) -> bool:
    """Whether `line` goes on with the open paragraph (same style, normal line gap, or across a column)."""
    last = current.last
    if abs(last.size - line.size) >= 0.3 or last.bold != line.bold:
        return False
    if current.kind == "item" and line.x0 <= current.first.x0 + 2 and last.page == line.page and last.column == line.column:
        return False  # an item's continuation is indented past its bullet
    same_flow = last.page == line.page and last.column == line.column and last.y > line.y
    if same_flow:
        gap = last.y - line.y
        normal = leading.get(round(line.size, 1), 1.2 * line.size)
        if gap > normal * 1.3:
            return False
        return True
    # a new column or page: go on only with a sentence cut in the middle
    return not ends_sentence(current.text) and (starts_lowercase(line.text) or current.text.endswith("-"))


def _finish(p: _Open) -> Para:
    text = p.text.strip()
    markers = tuple((min(o, len(text)), n) for o, n in p.markers)
    if p.kind == "bold":
        if word_count(text) <= 14 and not text.endswith("."):
            return Para("bold", text)
        return Para("prose", text, markers)
    return Para(p.kind, text, markers)


def _table(lines: list[_Line], vocabulary) -> list[Para]:
    """Table lines (header cells first) -> a "table_header" and one "row" per row, bullets as items."""
    header = [l for l in lines if l.level == -1]
    cells = [l for l in lines if l.level != -1]
    out: list[Para] = []
    if header:
        out.append(Para("table_header", " | ".join(l.text for l in sorted(header, key=lambda l: l.x0))))
    rows: list[tuple[list[_Line], list[_Line]]] = []
    previous_first: _Line | None = None
    for line in sorted(cells, key=lambda l: (l.page, -l.y, l.x0)):
        if line.column == 0:
            starts = previous_first is None or previous_first.page != line.page or previous_first.y - line.y > 1.25 * 1.3 * line.size
            if starts or not rows:
                rows.append(([line], []))
            else:
                rows[-1][0].append(line)
            previous_first = line
        elif rows:
            rows[-1][1].append(line)
    for first, rest in rows:
        head = ""
        for l in first:
            head = _join(head, l.text, vocabulary)[0] if head else l.text
        items: list[Cleaned] = []
        text, markers = "", []
        for l in rest:
            bullet = _BULLET_LINE.match(l.text)
            body = l.text[bullet.end():] if bullet else l.text
            cut = bullet.end() if bullet else 0
            m = [(max(0, o - cut), n) for o, n in l.markers]
            if bullet or not text:
                if text:
                    items.append(Cleaned(text, tuple(markers)))
                text, markers = body, m
            else:
                text, at = _join(text, body, vocabulary)
                markers += [(o + at, n) for o, n in m]
        if text:
            items.append(Cleaned(text, tuple(markers)))
        out.append(Para("row", head, items=tuple(items)))
    return out


# --- endnotes ------------------------------------------------------------------------------------


def _endnote_lines(lines: list[_Line], vocabulary) -> list[str]:
    """Endnote list lines -> one line per entry ('17. China Mobile. (2023). ... https://...')."""
    entries: list[str] = []
    for line in lines:
        if line.role in ("furniture", "contents"):
            continue
        if line.role == "heading" and entries:
            break
        if _ENDNOTE_START.match(line.text):
            entries.append(line.text)
        elif entries:
            entries[-1] = _join(entries[-1], line.text, vocabulary)[0]
    return entries

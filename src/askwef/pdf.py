"""The PDF reader: a report PDF -> `ParsedReport` (title, Contents, paragraphs, endnotes), with pypdf.

`pdflayout` turns each page into lines in reading order (columns, tables, superscript endnote
markers, running headers and page numbers set aside). From those lines:

- sections come from the outline (bookmarks) when the PDF has one: each title found where its
  destination points becomes a heading at the outline's depth; text clearly larger than the body
  is a heading too, a bold-only short line a "bold" paragraph;
- the Contents page is parsed when there is one ("Title .... 12", "Title<tab>12"); else the Contents
  entries are built from the outline, or from the headings of the chapter size, with printed page
  labels, so `assemble()` finds the sections. Either way a section's page is the printed page of
  the heading carrying its title, when found: a Contents page may list another edition's pages
  (a web page printed to PDF keeps the original report's numbers);
- the title is the largest text of the first page with text larger than the body (a cover may
  hold only small print); else the metadata title;
- lines are joined into paragraphs and list items; a word hyphenated at a line end is joined again
  ("trans-" + "formation"), a real hyphen stays ("service-" + "oriented");
- table lines become a "table_header" and one "row" per row, its bullets as items;
- a line stopping well short of the text block's right edge ends its paragraph before a capital
  (list items whose bullets are drawn, not written); a dash opening a line after a finished
  sentence, or in a table cell, is a bullet;
- the list after the "Endnotes" heading is parsed by `ingest.parse_endnotes`, one line per entry;
  an entry carrying a web link annotation takes its target as the URL (the printed one may be
  shortened or cut).

A file that cannot be read raises `IngestError` with one line: the file and the reason (encrypted,
truncated or damaged, no text layer, no pages).

>>> report = read_pdf(Path("report.pdf"), Path("report.pdf").read_bytes())  # doctest: +SKIP
>>> report.contents[0]                                                      # doctest: +SKIP
ContentsEntry(number='', title='Reading guide', page=3)
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from statistics import median

from .ingest import ContentsEntry, IngestError, Para, ParsedReport, parse_endnotes
from .pdflayout import MARKER_TEXT, Line, Widths, body_size, mark_furniture, page_lines, page_runs, reading_order
from .text import Cleaned, ends_sentence, split_numbering, starts_lowercase, title_key, word_count

_ENDNOTE_KEYS = {"endnotes", "notes", "references", "bibliography"}
_BULLETS = "•\x7f▪■●◦‣∙·"
_BULLET_LINE = re.compile(rf"^\s*[{_BULLETS}]\s*")
_DASH_ITEM = re.compile(r"^\s*[–—-]\s+(?=\S)")
_CONTENTS_ROW = re.compile(r"^\s*(?P<title>\S.*?)[\s.·…_]*[\t ](?P<page>\d{1,4})\s*$")
_ENDNOTE_START = re.compile(r"^\s*(\d{1,3})[.)]\s+\S")
_URLISH = re.compile(r"(?:https?://|www\.)\S*$")


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

    labels = _labels(reader, len(pages))
    mark_furniture(pages, sizes, labels)
    body = body_size(pages)
    title = _title(pages, reader, body)
    outline = _outline(reader, labels)
    ordered = [reading_order(lines, sizes[i]) for i, lines in enumerate(pages)]
    flat = [line for lines in ordered for line in lines if line.role != "furniture"]
    _mark_headings(flat, body, outline)
    vocabulary = _hyphen_vocabulary(flat)

    contents, after = _contents(flat, body)
    if not contents:
        # no Contents page: the outline, else the largest repeated heading size, gives the sections;
        # the body starts on the first section's page (the cover is not a section)
        contents, first_page = _contents_from_outline(outline, flat, title)
        if not contents:
            contents, first_page = _contents_from_headings(flat, labels, title)
        contents = _numbered_chapters(contents)
        after = next((i for i, l in enumerate(flat) if l.page >= first_page), 0)
    else:
        contents = _pages_where_printed(contents, flat[after:], labels)
    endnotes_at = _endnotes_heading(flat, after)
    body_lines = flat[after:endnotes_at] if endnotes_at is not None else flat[after:]
    endnotes = []
    if endnotes_at is not None:
        texts, entry_lines = _endnote_entries(flat[endnotes_at + 1 :], vocabulary)
        endnotes = _with_link_targets(parse_endnotes(texts), entry_lines, _links(reader))
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


def _mark_headings(lines: list[Line], body: float, outline: list[_OutlineItem]) -> None:
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
        if line.role == "" and line.size >= 1.15 * body and not MARKER_TEXT.match(line.text):
            line.role, line.level = "heading", 2 + sizes.index(round(line.size, 1))


# --- contents ------------------------------------------------------------------------------------


def _contents(lines: list[Line], body: float) -> tuple[list[ContentsEntry], int]:
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


def _pages_where_printed(contents: list[ContentsEntry], lines: list[Line], labels: list[str]) -> list[ContentsEntry]:
    """Each Contents entry gets the printed page of the heading that carries its title, when found
    in order: a Contents page copied from another edition (a reprint, a web page printed to PDF)
    lists pages this file does not have. An entry whose heading is not found keeps its number."""
    headings: list[tuple[str, int]] = []
    for i, line in enumerate(lines):
        if line.role != "heading" and not (line.role == "" and line.bold and word_count(line.text) <= 14):
            continue
        prev = lines[i - 1] if i else None
        if prev is not None and headings and prev.role == line.role and prev.page == line.page and abs(prev.size - line.size) < 0.3 \
                and 0 < prev.y - line.y < 2 * line.size:
            text = f"{headings[-1][0]} {line.text}"
            headings.append((text, line.page))  # a title wrapped over two lines: both readings kept
        headings.append((line.text, line.page))
    out: list[ContentsEntry] = []
    at = 0
    for entry in contents:
        key = title_key(entry.title)
        found = next((j for j in range(at, len(headings)) if title_key(split_numbering(headings[j][0])[1]) == key), None)
        if found is None:
            out.append(entry)
            continue
        at = found + 1
        out.append(ContentsEntry(entry.number, entry.title, _page_number(labels, headings[found][1])))
    return out


def _contents_from_outline(outline: list[_OutlineItem], lines: list[Line], title: str) -> tuple[list[ContentsEntry], int]:
    """Chapters and numbered subsections of the outline, with the printed page of their destination;
    and the physical index of the first one's page. A top bookmark carrying the report's title is
    the cover: its children are chapters. Titles are taken as printed on the page (a browser's
    bookmark drops the space where a heading wrapped: 'governanceapproach')."""
    cover = [i for i, item in enumerate(outline) if item.level == 1 and title and title_key(item.title) == title_key(title)]
    items = []
    for i, item in enumerate(outline):
        if cover and i == cover[0]:
            continue
        inside = cover and i > cover[0] and all(o.level > 1 for o in outline[cover[0] + 1 : i + 1])
        items.append(_OutlineItem(item.title, item.level - 1, item.page, item.number, item.top) if inside else item)
    entries: list[ContentsEntry] = []
    parent = ""
    for item in items:
        number, bare = split_numbering(_printed_title(item, lines))
        if item.level == 1:
            parent = number
            entries.append(ContentsEntry(number, bare, item.number))
        elif item.level == 2 and number and (not parent or number.startswith(parent + ".")):
            entries.append(ContentsEntry(number, bare, item.number))
    return entries, min((item.page for item in items), default=0)


def _printed_title(item: _OutlineItem, lines: list[Line]) -> str:
    """The heading lines on the bookmark's page that spell its title, joined with spaces; else the title."""
    key = title_key(item.title)
    on_page = [l for l in lines if l.page == item.page and l.role == "heading"]
    for i in range(len(on_page)):
        text = ""
        for line in on_page[i : i + 4]:
            text = f"{text} {line.text}".strip()
            if title_key(text) == key:
                return text
            if len(title_key(text)) >= len(key):
                break
    return item.title


def _numbered_chapters(entries: list[ContentsEntry]) -> list[ContentsEntry]:
    """A chapter printed without its number takes it from its numbered subsections ('1.1', '1.2'
    under it make it '1'), and a subsection follows its chapter in the Contents."""
    out = list(entries)
    for i, entry in enumerate(out):
        if entry.number or "." in entry.number:
            continue
        children = []
        for later in out[i + 1 :]:
            if "." not in later.number:
                break
            children.append(later.number.split(".")[0])
        if children and len(set(children)) == 1 and not any(e.number == children[0] for e in out):
            out[i] = ContentsEntry(children[0], entry.title, entry.page)
    return out


def _contents_from_headings(lines: list[Line], labels: list[str], title: str = "") -> tuple[list[ContentsEntry], int]:
    """No Contents page, no outline: chapters are the headings of the largest size used for three or
    more headings (the cover title is bigger but alone); numbered subsections ("2.4 ...") join them."""
    headings: list[tuple[Line, str]] = []
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
        if title and title_key(text) == title_key(title) and not entries:
            continue  # the report's title, not a chapter
        if round(line.size, 1) == chapter_size:
            parent = number
            entries.append(ContentsEntry(number, bare, _page_number(labels, line.page)))
            first_page = line.page if first_page is None else first_page
        elif number and "." in number and (not parent or number.startswith(parent + ".")):
            entries.append(ContentsEntry(number, bare, _page_number(labels, line.page)))
    return entries, first_page or 0


def _endnotes_heading(lines: list[Line], after: int) -> int | None:
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


def _hyphen_vocabulary(lines: list[Line]) -> _Vocabulary:
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
        head_word = last_part.casefold()
        keep = joined_h in v.hyphenated or (
            joined not in v.plain
            and (
                "-" in tail  # 'vehicle-' + 'road-city'
                or "-" in head  # 'order-to-' + 'delivery'
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
    last: Line
    first: Line


def _paragraphs(lines: list[Line], body: float, vocabulary) -> list[Para]:
    paras: list[Para] = []
    current: _Open | None = None
    leading = _leading(lines)
    edges = _right_edges(lines)
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
        if bullet is None and (dash := _DASH_ITEM.match(line.text)) and not starts_lowercase(line.text[dash.end():]) \
                and (current is None or current.kind == "item" or ends_sentence(current.text)):
            bullet = dash  # '– Ecosystem enablers: ...' after a finished sentence; not '– such as' mid-sentence
        kind = "item" if bullet else "prose"
        text = line.text[bullet.end():] if bullet else line.text
        cut = bullet.end() if bullet else 0
        markers = [(max(0, o - cut), n) for o, n in line.markers]
        if current is not None and not bullet and _continues(current, line, leading, body, edges):
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


def _leading(lines: list[Line]) -> dict[float, float]:
    gaps: dict[float, list[float]] = defaultdict(list)
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and a.column == b.column and abs(a.size - b.size) < 0.3 and 0 < a.y - b.y < 3 * a.size:
            gaps[round(a.size, 1)].append(a.y - b.y)
    return {s: median(g) for s, g in gaps.items()}


def _right_edges(lines: list[Line]) -> dict[tuple[int, int], float]:
    """Where body lines end on each page and column: the right edge of the text block."""
    edges: dict[tuple[int, int], float] = {}
    for line in lines:
        if line.role == "":
            key = (line.page, line.column)
            edges[key] = max(edges.get(key, 0.0), line.x1)
    return edges


def _continues(current: _Open, line: Line, leading: dict[float, float], body: float, edges: dict[tuple[int, int], float]) -> bool:
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
        # a line that stops well short of the text block's right edge ends its paragraph when a
        # capital follows: list items whose bullets are drawn, not written ("- AI becomes a key
        # driver ..." printed by a browser), and lines of a figure
        right = edges.get((last.page, last.column), last.x1)
        if last.x1 < right - 0.3 * (right - last.x0) and not starts_lowercase(line.text) \
                and not re.search(r"[,;:\-–(]$|\b(?:and|or|of|the|a|an|to|in)$", last.text):
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


def _table(lines: list[Line], vocabulary) -> list[Para]:
    """Table lines (header cells first) -> a "table_header" and one "row" per row, bullets as items."""
    header = [l for l in lines if l.level == -1]
    cells = [l for l in lines if l.level != -1]
    out: list[Para] = []
    if header:
        out.append(Para("table_header", " | ".join(l.text for l in sorted(header, key=lambda l: l.x0))))
    rows: list[tuple[list[Line], list[Line]]] = []
    previous_first: Line | None = None
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
            # in a cell, a dash opening a line is a bullet too ('– AI forecasts ...')
            bullet = _BULLET_LINE.match(l.text) or _DASH_ITEM.match(l.text)
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


def _endnote_entries(lines: list[Line], vocabulary) -> tuple[list[str], dict[int, list[Line]]]:
    """Endnote list lines -> one line per entry ('17. China Mobile. (2023). ... https://...'), and
    each entry's lines by its number."""
    entries: list[str] = []
    by_number: dict[int, list[Line]] = {}
    current: list[Line] = []
    for line in lines:
        if line.role in ("furniture", "contents"):
            continue
        if line.role == "heading" and entries:
            break
        if m := _ENDNOTE_START.match(line.text):
            entries.append(line.text)
            current = by_number.setdefault(int(m.group(1)), [])
            current.append(line)
        elif entries:
            entries[-1] = _join(entries[-1], line.text, vocabulary)[0]
            current.append(line)
    return entries, by_number


def _links(reader) -> dict[int, list[tuple[tuple[float, float, float, float], str]]]:
    """Web links of the PDF's link annotations by physical page: ((x0, y0, x1, y1), uri)."""
    links: dict[int, list[tuple[tuple[float, float, float, float], str]]] = defaultdict(list)
    for index, page in enumerate(reader.pages):
        try:
            for ref in page.get("/Annots") or []:
                annot = ref.get_object()
                action = annot.get("/A")
                action = action.get_object() if action is not None else None
                if annot.get("/Subtype") != "/Link" or not action or "/URI" not in action:
                    continue
                uri = str(action["/URI"]).strip()
                x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
                if uri.startswith(("http://", "https://")):
                    links[index].append(((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), uri))
        except Exception:  # noqa: BLE001 - a broken annotation: the printed URL is used
            continue
    return links


def _with_link_targets(endnotes, entry_lines: dict[int, list[Line]], links) -> list:
    """An endnote whose lines carry a web link annotation takes its target as the URL: the printed
    URL may be cut, shortened ('ge-healthcare.com/...'), or decoded ('%20' shown as a space)."""
    from dataclasses import replace

    out = []
    for note in endnotes:
        targets = [
            uri
            for line in entry_lines.get(note.number, [])
            for (x0, y0, x1, y1), uri in links.get(line.page, [])
            if y0 - 2 <= line.y <= y1 + 2 and x0 <= line.x1 + 2 and line.x0 <= x1 + 2
        ]
        out.append(replace(note, url=targets[0]) if targets and targets[0] != note.url else note)
    return out

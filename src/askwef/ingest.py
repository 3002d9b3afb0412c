"""Ingest: a report file -> `Document` (sections in reading order, cleaned text, sentences, endnotes).

Two stages. A *reader* turns a file into a `ParsedReport`: its Contents entries, its body as a flat
list of `Para`s (headings, prose, list items, table rows) and its endnote list. `assemble()` then
builds the section tree from those, and is shared by every reader (markdown here, PDF in `pdf.py`):

- sections are the Contents entries, found in the body in Contents order by title; a chapter the
  Contents lists without subsections gets its subsections from body headings that introduce prose
  ("3 Scaling AI innovation in industries > Healthcare");
- "CASE STUDY 1", "USE CASE 3" start a named unit inside the section; a table's rows carry its title;
- paragraphs the conversion split mid-sentence are joined again;
- figures (from "FIGURE N" to their "Source:" line) never open sections, and their note markers are
  figure-local, not endnotes.

>>> doc = ingest_file(Path("corpus/blueprint-to-action-china-ai-2025.md"))  # doctest: +SKIP
>>> doc.sections[5].path                                                        # doctest: +SKIP
"1 China's national strategy and governance approach"
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .text import (
    Cleaned,
    clean_inline,
    ends_sentence,
    split_numbering,
    split_sentences,
    starts_lowercase,
    title_key,
    word_count,
)
from .types import Block, Document, Endnote, Section, SentenceSpan

SUPPORTED_SUFFIXES = (".md", ".markdown", ".pdf")


class IngestError(Exception):
    """A file that cannot be ingested; the message names the file and the reason."""


@dataclass(frozen=True)
class Para:
    """One paragraph as a reader found it, markup already removed.

    kind: "heading" (with `level`), "bold" (a bold-only line: maybe a heading), "prose", "item",
    "row" (a table row: `text` is the row's first cell, `items` the list items of the others),
    "table_header".
    """

    kind: str
    text: str
    markers: tuple[tuple[int, int], ...] = ()
    level: int = 0
    items: tuple[Cleaned, ...] = ()


@dataclass(frozen=True)
class ContentsEntry:
    number: str
    title: str
    page: int


@dataclass(frozen=True)
class ParsedReport:
    title: str
    contents: tuple[ContentsEntry, ...]
    paras: tuple[Para, ...]
    endnotes: tuple[Endnote, ...]
    warnings: tuple[str, ...] = ()


# --- markdown reader -------------------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s*(?:[-*+•–—]|\d+[.)])\s+(?=\S)")
_CONTENTS_LINE = re.compile(r"^\s*(?P<title>\S.*?)[\s.·…_]*[\t ](?P<page>\d{1,4})\s*$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|\|?[\s:\-|\t]*-{2,}[\s:\-|\t]*)$")
_BOLD_ONLY = re.compile(r"^\s*(?:\*\*|<b>|<strong>)(?P<t>[^*<]+?)(?:\*\*|</b>|</strong>)\s*$", re.IGNORECASE)
_HTML_PARA = re.compile(r"</?(?:p|div|tr|td|th|table|tbody|thead|br)\b[^>]*>", re.IGNORECASE)
_LI = re.compile(r"<li\b[^>]*>(.*?)</li>", re.IGNORECASE | re.DOTALL)
_BULLET = re.compile(r"^\s*[-–—•*]\s+")
_ENDNOTE_KEYS = {"endnotes", "notes", "references", "bibliography"}
_URL_ANGLE = re.compile(r"<(https?://[^>]+)>")
_URL_BARE = re.compile(r"https?://\S+")


def _heading_text(raw: str) -> str:
    return clean_inline(raw).text


def read_markdown(text: str) -> ParsedReport:
    """Split a converted report into title, Contents, body paragraphs and endnotes."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings = [(i, len(m.group(1)), _heading_text(m.group(2))) for i, line in enumerate(lines) if (m := _HEADING.match(line))]
    title = next((t for _, level, t in headings if level == 1 and title_key(t) != "contents"), "")

    contents: list[ContentsEntry] = []
    body_start = 0
    contents_at = next((i for i, _, t in headings if title_key(t) == "contents"), None)
    if contents_at is not None:
        j = contents_at + 1
        while j < len(lines) and not _HEADING.match(lines[j]):
            if m := _CONTENTS_LINE.match(clean_inline(lines[j]).text + " " if "\t" not in lines[j] else lines[j]):
                number, bare = split_numbering(clean_inline(m.group("title")).text)
                contents.append(ContentsEntry(number, bare, int(m.group("page"))))
            j += 1
        body_start = j

    endnotes_at = next((i for i, _, t in reversed(headings) if title_key(t) in _ENDNOTE_KEYS and i >= body_start), None)
    body_end = endnotes_at if endnotes_at is not None else len(lines)
    endnotes = parse_endnotes(lines[endnotes_at + 1 :]) if endnotes_at is not None else []
    paras = _paragraphs(lines[body_start:body_end])
    return ParsedReport(title, tuple(contents), tuple(paras), tuple(endnotes))


def _paragraphs(lines: list[str]) -> list[Para]:
    paras: list[Para] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            paras.extend(_classify(" ".join(s.strip() for s in buffer)))
            buffer.clear()

    for line in lines:
        if not line.strip():
            flush()
        elif m := _HEADING.match(line):
            flush()
            text = _heading_text(m.group(2))
            if text:
                paras.append(Para("heading", text, level=len(m.group(1))))
        elif "\t" in line or _HTML_PARA.search(line) or _RULE.match(line):
            flush()
            paras.extend(_classify(line))
        elif _LIST.match(line):
            flush()
            buffer.append(line)
        else:
            buffer.append(line)
    flush()
    return paras


def _classify(raw: str) -> list[Para]:
    """One raw paragraph (maybe a table row or an HTML fragment) -> Paras."""
    if _RULE.match(raw):
        return []
    if "\t" in raw:
        cells = [c for c in raw.split("\t")]
        if any(_LI.search(c) for c in cells):
            head = clean_inline(cells[0]).text
            items = tuple(_list_item(li) for c in cells[1:] for li in _LI.findall(c))
            return [Para("row", head, items=tuple(i for i in items if i.text))]
        if not _HTML_PARA.search(raw):
            texts = [clean_inline(c).text for c in cells]
            if sum(1 for t in texts if t) >= 2 and all(word_count(t) <= 8 for t in texts):
                return [Para("table_header", " | ".join(t for t in texts if t))]
        return [p for c in cells for p in _classify(c) if c.strip()]
    if _HTML_PARA.search(raw):
        return [p for piece in _HTML_PARA.split(raw) if piece.strip() for p in _classify(piece)]
    if m := _BOLD_ONLY.match(raw):
        text = clean_inline(m.group("t")).text
        if text and word_count(text) <= 14 and not text.endswith("."):
            return [Para("bold", text)]
    cleaned = clean_inline(_LIST.sub("", raw, count=1) if _LIST.match(raw) else raw)
    if not cleaned.text:
        return []
    return [Para("item" if _LIST.match(raw) else "prose", cleaned.text, cleaned.markers)]


def _list_item(raw: str) -> Cleaned:
    cleaned = clean_inline(raw)
    m = _BULLET.match(cleaned.text)
    if not m:
        return cleaned
    cut = m.end()
    return Cleaned(cleaned.text[cut:], tuple((max(0, o - cut), n) for o, n in cleaned.markers))


def parse_endnotes(lines: list[str]) -> list[Endnote]:
    """The numbered endnote list: '17. China Mobile. (2023). *Digital...*. <https://...>.' -> Endnote."""
    entries: list[tuple[int, list[str]]] = []
    gap = False
    for line in lines:
        if not line.strip():
            gap = True
            continue
        if m := re.match(r"^\s*(\d{1,3})[.)]\s+(.*)$", line):
            entries.append((int(m.group(1)), [m.group(2)]))
        elif _RULE.match(line) or _HEADING.match(line) or gap or not entries:
            if entries:
                break
            continue
        else:
            entries[-1][1].append(line.strip())
        gap = False
    return [_endnote(number, " ".join(parts)) for number, parts in entries]


def _endnote(number: int, raw: str) -> Endnote:
    """The reference reads as author, date, title, publisher; its first link (of any form) becomes `url`."""
    links: list[tuple[int, int, str]] = []
    for m in re.finditer(r"\[[^\]]*\]\(([^)]+)\)", raw):
        links.append((m.start(), m.end(), m.group(1)))
    for m in _URL_ANGLE.finditer(raw):
        links.append((m.start(), m.end(), m.group(1)))
    for m in _URL_BARE.finditer(raw):
        if not any(s <= m.start() < e for s, e, _ in links):
            links.append((m.start(), m.end(), m.group(0)))
    url, text = "", raw
    if links:
        start, end, target = min(links)
        url = target.replace("\\_", "_").replace("\\", "").strip().rstrip(".,;>").replace(" ", "%20")
        if url and not url.startswith(("http://", "https://")):
            url = "http://" + url
        text = raw[:start] + raw[end:]
    text = re.sub(r"\[([^\]]*)\]\(([^)]+)\)", lambda m: m.group(2), text)  # further links read as their targets
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"\s+([.,;])", r"\1", clean_inline(text).text).strip()
    return Endnote(number, re.sub(r"\.\.$", ".", text), url)


# --- assembly: paragraphs -> sections ------------------------------------------------------------

_UNIT = re.compile(r"^(CASE STUDY|USE CASE|CASE|BOX|SPOTLIGHT)\s+(\d+)\b[\s:.–—-]*(.*)$")
_FIGURE = re.compile(r"^(FIGURE|Figure|EXHIBIT|Exhibit|CHART|Chart)\s+(\d+)\b\s*[|:.–—-]?\s*(.*)$")
_TABLE = re.compile(r"^(TABLE|Table)\s+(\d+)\b\s*[|:.–—-]?\s*(.*)$")
_SOURCE = re.compile(r"^(Sources?|Notes?)\s*:", re.IGNORECASE)
_MIN_PROSE_WORDS = 12


def _is_prose(p: Para | None, min_words: int = _MIN_PROSE_WORDS) -> bool:
    return p is not None and p.kind == "prose" and word_count(p.text) >= min_words and not _SOURCE.match(p.text)


def _join(a: Para, b: Para) -> Para:
    shift = len(a.text) + 1
    return Para("prose", a.text + " " + b.text, a.markers + tuple((o + shift, n) for o, n in b.markers))


def rejoin_paragraphs(paras: list[Para], keys: set[str]) -> list[Para]:
    """Join paragraphs the conversion split mid-sentence ("...lower" + "maintenance costs ...")."""
    out: list[Para] = []
    for p in paras:
        prev = out[-1] if out else None
        if prev is not None and p.kind == "prose" and not _SOURCE.match(p.text) and not _TABLE.match(p.text):
            if prev.kind == "prose" and not ends_sentence(prev.text) and not _FIGURE.match(prev.text) and not _TABLE.match(prev.text):
                if starts_lowercase(p.text) or (word_count(prev.text) >= 20 and word_count(p.text) >= 3):
                    out[-1] = _join(prev, p)
                    continue
            if prev.kind in ("heading", "bold") and starts_lowercase(p.text) and title_key(prev.text) not in keys:
                # a heading that runs on into the next line: "Clarifying the strategy" + "and roadmaps ..."
                out[-1] = _join(Para("prose", prev.text), p)
                continue
        out.append(p)
    return out


@dataclass
class _SectionBuilder:
    path: str
    title: str
    number: str
    level: int
    page: int
    blocks: list[tuple[str, str, str, tuple[tuple[int, int], ...], tuple[Cleaned, ...]]] = field(default_factory=list)
    # each block: (kind, text, unit, markers, items-for-rows)


def assemble(name: str, sha256: str, report: ParsedReport, source: str = "markdown") -> Document:
    """Build the section tree of a parsed report; see the module docstring for the rules."""
    warnings = list(report.warnings)
    entries = [e for e in report.contents if title_key(e.title) not in _ENDNOTE_KEYS]
    keys = {title_key(e.title) for e in entries}
    listed_children = {e.number.split(".")[0] for e in entries if "." in e.number}
    first_page = min((e.page for e in entries), default=1)
    paras = rejoin_paragraphs(list(report.paras), keys)

    sections: list[_SectionBuilder] = []
    chapter: _SectionBuilder | None = None
    next_entry = 0
    unit = ""
    in_figure = False
    table_label = ""
    table_unit = ""
    title_candidate = ""
    consumed: set[int] = set()

    def open_section(title: str, number: str, page: int, parent: _SectionBuilder | None) -> _SectionBuilder:
        label = f"{number} {title}".strip()
        path = f"{parent.path} > {label}" if parent else label
        builder = _SectionBuilder(path, title, number, 2 if parent else 1, page)
        sections.append(builder)
        return builder

    def add(kind: str, text: str, markers=(), items=(), unit_name: str | None = None) -> None:
        if sections:
            u = unit if unit_name is None else unit_name
            sections[-1].blocks.append((kind, text, u, tuple(markers), tuple(items)))

    for i, p in enumerate(paras):
        if i in consumed:
            continue
        nxt = next((paras[j] for j in range(i + 1, len(paras)) if j not in consumed), None)
        text = p.text
        headingish = p.kind in ("heading", "bold")

        # a figure runs from "FIGURE N" to its Source/Note line (or the next real paragraph)
        if in_figure and (_SOURCE.match(text) or (_is_prose(p) and ends_sentence(text)) or (headingish and title_key(text) in keys)):
            in_figure = False
            if _SOURCE.match(text):
                add("caption", text)
                continue
        if m := _FIGURE.match(text):
            in_figure, unit, table_unit = True, "", ""
            add("caption", text)
            continue
        if in_figure or _SOURCE.match(text):
            add("item" if p.kind == "item" else "caption", text)
            continue

        if headingish:
            key = title_key(text)
            match = next((j for j in range(next_entry, len(entries)) if title_key(entries[j].title) == key), None)
            if match is not None:
                e = entries[match]
                next_entry = match + 1
                unit, table_unit = "", ""
                if "." in e.number:
                    parent = next((s for s in reversed(sections) if s.level == 1 and s.number == e.number.split(".")[0]), chapter)
                    open_section(e.title, e.number, e.page, parent)
                else:
                    chapter = open_section(e.title, e.number, e.page, None)
                continue
        m_unit = _UNIT.match(text) if p.kind != "item" else None
        if m_unit:
            rest = m_unit.group(3).strip()
            if not rest and nxt is not None and nxt.kind in ("heading", "bold", "prose") and word_count(nxt.text) <= 25:
                rest = nxt.text
                consumed.add(paras.index(nxt, i + 1))
            unit = f"{m_unit.group(1)} {m_unit.group(2)}: {rest}".strip().rstrip(":")
            table_unit = ""
            continue
        if m := _TABLE.match(text):
            table_label = f"{m.group(1).upper()} {m.group(2)}"
            title_candidate = m.group(3).strip()
            unit, table_unit = "", ""
            add("caption", text)
            continue
        if headingish:
            numbered_chapter = chapter is not None and chapter.number and sections and (
                sections[-1] is chapter or sections[-1].path.startswith(chapter.path + " > ")
            )
            if numbered_chapter and chapter.number not in listed_children and _is_prose(nxt):
                open_section(text, "", chapter.page, chapter)
                unit, table_unit = "", ""
                continue
            if not sections and _is_prose(nxt):
                chapter = None
                open_section(text, "", max(1, first_page - 1), None)
                continue
            if not entries and p.kind == "heading" and p.level <= 2 and title_key(text) != title_key(report.title):
                # no Contents to follow: top-level headings are chapters, second-level their subsections
                number, bare = split_numbering(text)
                if p.level == 1 or chapter is None:
                    chapter = open_section(bare, number, 1, None)
                else:
                    open_section(bare, number, chapter.page, chapter)
                unit, table_unit = "", ""
                continue
            unit = ""
            title_candidate = text
            add("heading", text)
            continue
        if p.kind == "table_header":
            title = title_candidate or table_label
            table_unit = f"{table_label}: {title}" if table_label and title and title != table_label else (title or table_label)
            continue
        if p.kind == "row":
            prefix = f"{title_candidate} – {text}: " if title_candidate else f"{text}: "
            add("row", prefix, (), p.items, unit_name=table_unit)
            continue
        if table_unit and p.kind != "row":
            table_unit = ""
        add(p.kind, text, p.markers)

    for e in entries[next_entry:]:
        warnings.append(f"Contents entry not found in the body: {e.number} {e.title}".replace("  ", " "))
    known = {n.number for n in report.endnotes}
    built = tuple(_finish(name, s, known, warnings) for s in sections)
    built = tuple(s for s in built if s.text)
    return Document(name, report.title, sha256, built, tuple(report.endnotes), source, tuple(warnings))


def _finish(document: str, b: _SectionBuilder, known: set[int], warnings: list[str]) -> Section:
    """Lay the blocks end to end as the section text and find the sentences and their endnotes."""
    parts: list[str] = []
    blocks: list[Block] = []
    spans: list[SentenceSpan] = []
    units: list[str] = []
    offset = 0
    for index, (kind, text, unit, markers, items) in enumerate(b.blocks):
        if unit and unit not in units:
            units.append(unit)
        pieces: list[tuple[int, Cleaned]] = []  # (offset of the piece in the block, piece)
        if kind == "row":
            block_text = text
            for item in items:
                if block_text and not block_text.endswith(" "):
                    block_text += " "
                pieces.append((len(block_text), item))
                block_text += item.text
        else:
            block_text = text
            pieces.append((0, Cleaned(text, markers)))
        if not block_text.strip():
            continue
        if parts:
            offset += 2  # "\n\n" between blocks
        blocks.append(Block(offset, offset + len(block_text), kind, unit))
        block_no = len(blocks) - 1
        for at, piece in pieces:
            sentence_spans = split_sentences(piece.text)
            notes: list[list[int]] = [[] for _ in sentence_spans]
            for pos, number in piece.markers if kind != "caption" else ():
                if number not in known:
                    warnings.append(f"{b.path}: endnote marker {number} has no entry in the endnote list")
                    continue
                target = next((k for k, (s, e) in enumerate(sentence_spans) if pos <= e), len(sentence_spans) - 1)
                if target >= 0 and number not in notes[target]:
                    notes[target].append(number)
            for (s, e), ns in zip(sentence_spans, notes):
                spans.append(SentenceSpan(offset + at + s, offset + at + e, block_no, tuple(ns), unit))
        parts.append(block_text)
        offset += len(block_text)
    return Section(
        document=document, path=b.path, title=b.title, number=b.number, level=b.level, page=b.page,
        text="\n\n".join(parts), blocks=tuple(blocks), sentences=tuple(spans), units=tuple(units),
    )


# --- files and folders -------------------------------------------------------------------------


def ingest_file(path: Path) -> Document:
    """Read one report file (.md or .pdf) into a Document; raises IngestError naming file and reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    sha = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .pdf import read_pdf  # pypdf is only needed for PDFs

        doc = assemble(path.name, sha, read_pdf(path, data), source="pdf")
        if not doc.sections:
            raise IngestError(f"{path}: no text found to index")
        return doc
    if suffix not in (".md", ".markdown"):
        raise IngestError(f"{path}: unsupported file type {suffix or '(none)'}; use .md or .pdf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    doc = assemble(path.name, sha, read_markdown(text))
    if not doc.sections:
        raise IngestError(f"{path}: no text found to index")
    return doc


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The report files of a corpus folder, sorted; hidden files and other types are skipped."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise IngestError(f"corpus folder {corpus_dir} does not exist; set ASKWEF_CORPUS or pass --corpus DIR")
    return sorted(p for p in corpus_dir.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED_SUFFIXES)


def ingest_corpus(corpus_dir: Path) -> tuple[list[Document], list[str]]:
    """Every readable report of the folder, and one line per problem (unreadable file, duplicate report).

    A file that cannot be read is reported and skipped; the others still index. When a PDF and a
    markdown file hold the same report (same title), the markdown is kept and the user is told.
    """
    problems: list[str] = []
    docs: list[Document] = []
    for path in corpus_files(corpus_dir):
        try:
            docs.append(ingest_file(path))
        except IngestError as exc:
            problems.append(str(exc))
    kept: dict[str, Document] = {}
    for doc in sorted(docs, key=lambda d: (d.source != "markdown", d.name)):
        key = title_key(doc.title) or doc.sha256
        if key in kept:
            problems.append(f"{doc.name}: same report as {kept[key].name} ({doc.title!r}); indexing {kept[key].name} only")
            continue
        kept[key] = doc
    order = {d.name: i for i, d in enumerate(docs)}
    return sorted(kept.values(), key=lambda d: order[d.name]), problems

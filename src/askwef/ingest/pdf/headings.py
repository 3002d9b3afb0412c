"""Headings and the Contents: the outline (bookmarks), the Contents page, heading sizes, page labels.

- outline titles found where their destination points become headings at the outline's depth; text
  clearly larger than the body is a heading too;
- the Contents page is parsed when there is one ("Title .... 12", "Title<tab>12", a title wrapped
  onto the next line); else entries are built from the outline, or from the headings of the chapter
  size; a chapter printed without its number takes it from its numbered subsections;
- a section's page is the printed page of the heading carrying its title, when found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..conventions import CONTENTS_ROW, MARKER_TEXT
from ..parsed import ContentsEntry
from ..text import ends_sentence, split_numbering, title_key, word_count
from .layout import Line


def page_labels(reader, count: int) -> list[str]:
    """The printed label of every page ("i", "1", ...); the physical number when the PDF has none."""
    try:
        labels = list(reader.page_labels)
    except Exception:  # noqa: BLE001 - a broken /PageLabels tree: fall back to physical numbers
        labels = []
    if len(labels) != count:
        labels = [str(i + 1) for i in range(count)]
    return labels


def page_number(labels: list[str], index: int) -> int:
    label = labels[index] if 0 <= index < len(labels) else ""
    return int(label) if label.isdigit() else index + 1


# --- headings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutlineItem:
    title: str
    level: int
    page: int  # physical index
    number: int  # printed page
    top: float | None = None  # the destination's y, when it gives one


def outline_items(reader, labels: list[str]) -> list[OutlineItem]:
    items: list[OutlineItem] = []

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
                items.append(OutlineItem(title, depth + 1, index, page_number(labels, index), top))

    try:
        walk(reader.outline, 0)
    except Exception:  # noqa: BLE001
        return []
    return items


def mark_headings(lines: list[Line], body: float, outline: list[OutlineItem]) -> None:
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


def contents_page(lines: list[Line], body: float) -> tuple[list[ContentsEntry], int]:
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
        if m := CONTENTS_ROW.match(text):
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


def pages_where_printed(contents: list[ContentsEntry], lines: list[Line], labels: list[str]) -> list[ContentsEntry]:
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
        out.append(ContentsEntry(entry.number, entry.title, page_number(labels, headings[found][1])))
    return out


def contents_from_outline(outline: list[OutlineItem], lines: list[Line], title: str) -> tuple[list[ContentsEntry], int]:
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
        items.append(OutlineItem(item.title, item.level - 1, item.page, item.number, item.top) if inside else item)
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


def _printed_title(item: OutlineItem, lines: list[Line]) -> str:
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


def numbered_chapters(entries: list[ContentsEntry]) -> list[ContentsEntry]:
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


def contents_from_headings(lines: list[Line], labels: list[str], title: str = "") -> tuple[list[ContentsEntry], int]:
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
            entries.append(ContentsEntry(number, bare, page_number(labels, line.page)))
            first_page = line.page if first_page is None else first_page
        elif number and "." in number and (not parent or number.startswith(parent + ".")):
            entries.append(ContentsEntry(number, bare, page_number(labels, line.page)))
    return entries, first_page or 0

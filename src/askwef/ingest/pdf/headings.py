"""Headings and the Contents: the outline (bookmarks), the Contents page, heading sizes, page labels.

- outline titles found where their destination points become headings at the outline's depth; text
  clearly larger than the body is a heading too;
- the Contents page (read in `contents.py`) merged with the outline; with no Contents page, entries
  are built from the outline, or from the headings of the chapter size; a chapter printed without its number takes it from its numbered subsections;
- a section's page is the printed page of the heading carrying its title, when found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..conventions import MARKER_TEXT
from ..parsed import ContentsEntry
from ..contentspages import first_fitting, page_offset
from ..text import ends_sentence, split_numbering, title_key, word_count
from .align import aligned
from .contents import CONTENTS_TITLES
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
    left: float | None = None  # and its x


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
            # InDesign leaves tabs, line separators and ETX (\x03) in bookmark titles
            title = re.sub(r"[\s\x00-\x1f\u2028\u2029]+", " ", str(getattr(node, "title", "") or "")).strip()
            top, left = (_coordinate(node, name) for name in ("top", "left"))
            if title and index is not None and index >= 0:
                items.append(OutlineItem(title, depth + 1, index, page_number(labels, index), top, left))

    try:
        walk(reader.outline, 0)
    except Exception:  # noqa: BLE001
        return []
    return items


def _coordinate(node, name: str) -> float | None:
    try:
        return float(getattr(node, name)) if getattr(node, name, None) is not None else None
    except (TypeError, ValueError):
        return None


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
    _mark_display(lines, body)
    sizes = sorted({round(l.size, 1) for l in lines if l.role == "" and not l.display and l.size >= 1.15 * body}, reverse=True)
    for line in lines:
        if line.role == "" and not line.display and line.size >= 1.15 * body and not MARKER_TEXT.match(line.text):
            line.role, line.level = "heading", 2 + sizes.index(round(line.size, 1))


def _mark_display(lines: list[Line], body: float) -> None:
    """Large type that reads as sentences (a standfirst, a pull quote in quotation marks) is display
    text, not a heading: lines of one size set together, more than DISPLAY_WORDS words or a finished
    sentence of more than eight, or opening with a quotation mark."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.role != "" or line.size < 1.15 * body:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].role == "" and lines[j].page == line.page and abs(lines[j].size - line.size) < 0.3 \
                and 0 < lines[j - 1].y - lines[j].y < 2 * line.size:
            j += 1
        text = " ".join(l.text for l in lines[i:j])
        words = word_count(text)
        if words > DISPLAY_WORDS or (words > 8 and ends_sentence(text) and not text.rstrip().endswith(":")) or text.lstrip()[:1] in "“\"‘":
            for l in lines[i:j]:
                l.display = True
        i = j


DISPLAY_WORDS = 20
"""A heading is at most this many words (the longest of the OECD review's is 17); larger type
running longer is a standfirst or a pull quote."""


# --- contents ------------------------------------------------------------------------------------


def merge_outline(
    contents: list[ContentsEntry], outline: list[OutlineItem], title: str, lines: list[Line] | None = None, body: float = 0.0
) -> list[ContentsEntry]:
    """The Contents entries, with the outline's deeper entries the Contents does not list placed
    where the outline has them (the OECD review's Contents lists two levels, its outline four).

    An outline entry matching a Contents entry by title gives nothing new (the Contents has the
    numbers: outlines often lack them); the others, deeper than any level the Contents lists and
    whose heading introduces prose (not a figure's label, a signature or a list's title), become
    entries at the outline's depth, shifted to the Contents' levels. `lines`: the body's lines, where
    that prose is looked for (without them every deeper entry is kept); `body`: their type size
    (`layout.body_size`)."""
    if not outline or not contents:
        return contents
    keys = [title_key(e.title) for e in contents]
    shift = Counter()
    # outline index -> contents index, both in order ("References" closes every chapter)
    matched = _aligned([title_key(split_numbering(item.title)[1]) for item in outline], keys)
    for j, k in matched.items():
        level = contents[k].level or (contents[k].number.count(".") + 1)
        shift[level - outline[j].level] += 1
    if not matched:
        return contents
    delta = shift.most_common(1)[0][0]
    deepest = max(e.level or (e.number.count(".") + 1) for e in contents)
    out: list[ContentsEntry] = []
    done = -1
    kept: set[int] = set(matched)  # outline entries that are sections: a deeper one needs its parent kept
    for j, item in enumerate(outline):
        if j in matched:
            k = matched[j]
            if k > done:
                out.extend(contents[done + 1 : k + 1])
                done = k
            continue
        key = title_key(item.title)
        if key in CONTENTS_TITLES or key == title_key(title) or done < 0:
            continue
        level = max(1, item.level + delta)  # (a part above its chapters: a fifth level)
        parent = next((p for p in range(j - 1, -1, -1) if outline[p].level < item.level), None)
        if level <= deepest or parent not in kept or (lines is not None and not _introduces_prose(item, lines, body)):
            continue  # the Contents lists this level: a heading it leaves out is not a section of its own
        kept.add(j)
        number, bare = split_numbering(item.title)
        if not number and lines is not None:  # an outline without numbers: the heading prints its own ('1.3 ...')
            number = split_numbering(_printed_title(item, lines))[0]
        out.append(ContentsEntry(number, bare, item.number, level, anchored=True))  # at the bookmark's page
    out.extend(contents[done + 1 :])
    if any(e.level for e in out):  # levels for all, so assemble nests them
        out = [e if e.level else replace(e, level=e.number.count(".") + 1) for e in out]
    return out


def _aligned(outline_keys: list[str], contents_keys: list[str]) -> dict[int, int]:
    """The most outline entries matched to Contents entries of the same title, both in order (a longest
    common subsequence); a first match ahead let the OECD review's outline's 'References' of Annex A
    (the Contents lists none) take Annex B's, and Annex B and its subsections were lost.

    >>> _aligned(["a", "refs", "b", "x", "refs"], ["a", "b", "x", "refs"])
    {0: 0, 2: 1, 3: 2, 4: 3}
    """
    return aligned(len(outline_keys), len(contents_keys), lambda j, k: outline_keys[j] == contents_keys[k] and bool(outline_keys[j]))


HEADING_BLOCK_LINES = 4
"""Lines one heading may run over, a label above it included (the UK strategy's 'AI presents unique' /
'opportunities and' / 'challenges'; 'Pillar 1:' over a title on two lines)."""


def pages_where_printed(contents: list[ContentsEntry], lines: list[Line], labels: list[str]) -> list[ContentsEntry]:
    """Each Contents entry gets the printed page of the heading that carries its title, when found in order: a Contents
    page copied from another edition (a reprint, a web page printed to PDF) lists pages this file does not have. An entry
    whose heading is not found keeps its number; one printed far before its page and at it again takes the one at it."""
    headings: list[tuple[str, int]] = []
    block: list[str] = []  # the lines of the heading being read, one under the other
    for i, line in enumerate(lines):
        if line.role != "heading" and not (line.role == "" and line.bold and word_count(line.text) <= 14):
            block = []
            continue
        prev = lines[i - 1] if i else None
        if prev is not None and block and prev.page == line.page and 0 < prev.y - line.y < 2 * max(prev.size, line.size) \
                and (abs(prev.size - line.size) < 0.3 and prev.role == line.role or "heading" in (prev.role, line.role)):
            block.append(line.text)
        else:
            block = [line.text]
        # a title wrapped over lines, or a label over it in other type ('Pillar 1:' over 'Investing in
        # the long-term' over 'needs of the AI ecosystem'): every reading ending at this line is kept
        headings += [(" ".join(block[k:]), line.page) for k in range(max(0, len(block) - HEADING_BLOCK_LINES), len(block))]
    printed = [(j, page_number(labels, page), text) for j, (text, page) in enumerate(headings)]  # (index, printed page, text)
    out: list[ContentsEntry] = []
    at = 0
    used: set[int] = set()
    where: list[int | None] = []  # the heading each entry was found at
    for entry in contents:  # (`contentspages.first_fitting`: not a title in a list pages before the heading at its page)
        offset = page_offset((o.page, e.page) for o, e, w in zip(out, contents, where) if w is not None)
        found = first_fitting(entry, (printed[j] for j in range(at, len(printed)) if j not in used), offset)
        where.append(found)
        if found is None:
            out.append(entry)
            continue
        used.add(found)
        # the next entry is looked for from the top of this heading's page: two entries the Contents lists on one page may
        # be printed there in the other order (the UK's 'Commercialisation', before 'Pillar 2', is printed under its title)
        at = next(j for j in range(found + 1) if headings[j][1] == headings[found][1])
        out.append(replace(entry, page=page_number(labels, headings[found][1])))
    # two entries of one page printed in the other order are read in the order printed: the body is
    # read in print order, and an entry looked for before the heading it follows is never found
    for i in range(1, len(out)):
        if where[i] is not None and where[i - 1] is not None and where[i] < where[i - 1]:
            out[i - 1], out[i] = out[i], out[i - 1]
            where[i - 1], where[i] = where[i], where[i - 1]
    return out


def contents_from_outline(outline: list[OutlineItem], lines: list[Line], title: str) -> tuple[list[ContentsEntry], int]:
    """Every entry of the outline, at every level, numbered or not, nested at its depth and anchored at the printed
    page of its destination (its heading is the one printed there: the Amazon report's 'People', bookmarked on p54,
    took a small 'People' printed on p5, and the 1,581 sentences between went under it); and the physical index of
    the first one's page. The outline's first bookmark, carrying the report's title, is the cover: its children are
    chapters (a chapter's bookmark further on is a section, whatever the title); the Contents' own bookmark is no
    section. Titles are taken as printed (a browser's bookmark drops the space where a heading wrapped: 'governanceapproach')."""
    items = section_items(outline, title)
    entries = [ContentsEntry(*split_numbering(_printed_title(item, lines)), item.number, item.level, anchored=True) for item in items]
    cover = _cover(outline, title)  # (the body starts at the Contents' bookmark: the title page before it is front matter)
    return entries, min((item.page for i, item in enumerate(outline) if i not in cover), default=0)


def _cover(outline: list[OutlineItem], title: str) -> list[int]:
    return [i for i, item in enumerate(outline[:1]) if item.level == 1 and title and title_key(item.title) == title_key(title)]


def section_items(outline: list[OutlineItem], title: str) -> list[OutlineItem]:
    """The outline's entries that are sections: not a cover bookmark carrying the report's title (its children, one
    level up, are the chapters), nor the Contents' own."""
    cover = _cover(outline, title)
    items = []
    for i, item in enumerate(outline):
        if cover and i == cover[0] or title_key(item.title) in CONTENTS_TITLES:
            continue
        inside = cover and i > cover[0] and all(o.level > 1 for o in outline[cover[0] + 1 : i + 1])
        items.append(replace(item, level=item.level - 1) if inside else item)
    return items


PROSE_LOOKAHEAD = 60
"""Lines after a bookmark's heading searched for its first prose line: a table of a page (the OECD
review's table of online portals under 'Digitalisation in the PA' runs 40 lines)."""

PROSE_WORDS = 8
"""Words of a line of body type that make it prose under a bookmark's heading (not '2020' under 'Step 1')."""

WRAPPED_WORDS = 4
"""Words each of two successive lines of body type needs to be a paragraph wrapped in a narrow column (the
WEF template sets six a line: "China's advanced information and communication" under '2.1 ...')."""


def _introduces_prose(item: OutlineItem, lines: list[Line], body: float) -> bool:
    """Whether the bookmark's heading, on its page, is followed by a line of prose (eight words or more),
    in body type, at once or after a table's lines (set smaller, or ruled: the GnuCash guide's 'Check Items Group' is
    read before the rest of the table printed above it) or a bold subheading (the OECD review's
    'Digitalisation in the PA' opens on a table of portals); a chart's labels, a plain line in body
    type or larger (a timeline's '2020' under 'Step 1') or another heading before any prose: no."""
    key = title_key(item.title)
    for i, line in enumerate(lines):
        if line.page != item.page or line.role != "heading":
            continue
        text, j = line.text, i + 1
        while title_key(text) != key and j < len(lines) and lines[j].role == "heading" and len(title_key(text)) < len(key):
            text, j = f"{text} {lines[j].text}", j + 1
        if title_key(text) == key:
            window = [following for following in lines[j : j + PROSE_LOOKAHEAD] if following.role != "table"]
            for k, following in enumerate(window):
                wrapped = k + 1 < len(window) and _body_prose(window[k + 1], body) and word_count(window[k + 1].text) >= WRAPPED_WORDS
                if _body_prose(following, body) and (word_count(following.text) >= PROSE_WORDS
                                                     or wrapped and word_count(following.text) >= WRAPPED_WORDS):
                    return True
                if following.role in ("heading", "figure") or (following.size > body - 0.25 and not following.bold):
                    return False  # not a table's smaller cells, nor a bold subheading
            return False
    return False


def _body_prose(line: Line, body: float) -> bool:
    """A line of running text: body type, not bold, no heading, label or table cell."""
    return line.role == "" and not line.bold and line.size > body - 0.25


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
            if entry.level and later.level:  # the outline's depth: the numbered ones of the entries under it
                if later.level <= entry.level:
                    break  # (the blueprint's unnumbered 'China's five key enablers of AI' under chapter 2, before 2.1)
                if "." in later.number:
                    children.append(later.number.split(".")[0])
                continue
            if "." not in later.number:
                break
            children.append(later.number.split(".")[0])
        if children and len(set(children)) == 1 and not any(e.number == children[0] for e in out):
            out[i] = replace(entry, number=children[0])
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

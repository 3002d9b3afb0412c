"""Where a document's note lists stand, and which chapter each page belongs to (`notes.py` reads them).

A heading titled as a note list ("Notes", "Note", "Endnotes", "References", `conventions.ENDNOTE_HEADINGS`) opens
one when its first line is a note's (a number), or always for a reference list; it runs to the next heading (a note
list through the labels grouping its notes, `listlayout.py`).
"""

from __future__ import annotations

from ..conventions import ENDNOTE_HEADINGS, NOTE_ENTRY_START, REFERENCE_HEADINGS
from ..text import split_numbering, title_key
from .layout import Line
from .listlayout import NUMBER_START, in_columns, is_label, numbered_text, side_title_start

CHAPTER_TITLE_LINES = 5
"""A chapter's title wraps over up to this many heading lines (the OECD review's chapter 3 over four:
joined over three, its notes were taken for chapter 2's and its note 1 lost to chapter 2's)."""


LIST_END_SIZE = 1.5
"""A line set this many times larger than a list's heading ends the list: the next chapter's number, printed huge on
its opening page before its title (the OECD review's "3" at 65 pt, read into chapter 2's last note)."""


def note_sections(lines: list[Line], chapters: set[str]) -> list[tuple[int, int, str, str]]:
    """Where note lists and reference lists stand: (first line, end, heading key, chapter title).

    A list runs from its heading to the next heading, or to a line set much larger than it (LIST_END_SIZE).
    `chapters` are the title keys of the chapters; the chapter is the last one opened before. A note list set out
    beyond one column under its heading (`listlayout.py`: its title in a side column, labels grouping its notes, its
    notes in columns the page's order interleaved) is put in reading order in `lines` itself."""
    out: list[tuple[int, int, str, str]] = []
    chapter = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        chapter = _chapter_opened(lines, i, chapters) or chapter
        if line.role == "heading" and title_key(line.text) in ENDNOTE_HEADINGS:
            k = side_title_start(lines, i)
            if k < i and _opens_list([line] + lines[k:i] + lines[i + 1:], 0):
                lines[k : i + 1] = [line] + lines[k:i]  # the side title before the lines read ahead of it
                i = k
        if line.role == "heading" and title_key(line.text) in ENDNOTE_HEADINGS and _opens_list(lines, i):
            reference = title_key(line.text) in REFERENCE_HEADINGS
            j, size = i + 1, 0.0
            while j < len(lines) and lines[j].size <= LIST_END_SIZE * line.size and (
                    lines[j].role != "heading" or not reference and is_label(lines, j, line, size)):
                if lines[j].role not in ("heading", "furniture", "contents"):
                    size = max(size, lines[j].size)
                j += 1
            if j < len(lines) and lines[j].role == "heading":  # the next heading's side column: its lines read before it
                j = max(i + 1, side_title_start(lines, j))
            if not reference:
                lines[i + 1 : j] = in_columns(lines[i + 1 : j])
            out.append((i, j, title_key(line.text), chapter))
            i = j
            continue
        i += 1
    return out


def _chapter_opened(lines: list[Line], i: int, chapters: set[str]) -> str:
    """The title of the chapter whose heading opens at line `i` (over up to CHAPTER_TITLE_LINES lines), or ""."""
    line = lines[i]
    if line.role != "heading":
        return ""
    joined = line.text
    for j in range(i + 1, min(i + CHAPTER_TITLE_LINES, len(lines))):
        if title_key(joined) in chapters or lines[j].role != "heading" or lines[j].page != line.page:
            break
        joined = f"{joined} {lines[j].text}"
    return joined if title_key(joined) in chapters else ""


def _opens_list(lines: list[Line], i: int) -> bool:
    """Whether the heading at line `i`, titled as a note or reference list, opens one. A note list opens with a
    numbered note: a numbered chapter titled so ("VII. FOOTNOTES" of the REVTeX guide, how to write footnotes, dropped
    as notes once its number was read) needs "1." or "1)", an unnumbered heading a number its words follow ("1 Since
    2007, ..." of the OECD review's "Note"), raised or not. A "Note" call-out of a manual opens with prose (GnuCash's
    guide: 110 of them, and the 843 lines under them to the next heading, among them 17 numbered steps of its
    procedures, were taken as notes). A reference list may open with anything (the OECD review's "[2]")."""
    after = next((l for l in lines[i + 1:] if l.role != "heading"), None)
    if after is not None and split_numbering(lines[i].text)[0]:
        return bool(NOTE_ENTRY_START.match(after.text))
    first = next((l for l in lines[i + 1:] if l.role not in ("heading", "furniture", "contents", "figure")), None)
    if title_key(lines[i].text) in REFERENCE_HEADINGS or first is None:
        return True
    return bool(NUMBER_START.match(numbered_text(first)))


def chapter_pages(lines: list[Line], chapters: set[str]) -> dict[int, str]:
    """Each page's chapter: the title of the last chapter opened by the end of the page ("" before the first)."""
    out: dict[int, str] = {}
    chapter = ""
    for i, line in enumerate(lines):
        chapter = _chapter_opened(lines, i, chapters) or chapter
        out[line.page] = chapter
    return out

"""How a note list is laid out on its page, beyond one column under its heading (`notelists.py` finds the lists).

- its heading set in a side column left of the list (InDesign's title column: every page of Amazon's 2022
  sustainability report prints its title so), read after the list's first lines, which stand higher on the page:
  the heading is taken back before them;
- labels grouping the notes by chapter ("Sustainability", "People"), headings smaller than the list's, with notes
  after them: the list runs on through them;
- the notes set in columns side by side that the page's reading order interleaved: read column by column, each
  column starting at the left edge where its notes' numbers stand.
"""

from __future__ import annotations

import re
from statistics import median

from ..conventions import ENDNOTE_HEADINGS
from ..text import title_key
from .layout import Line

SIDE_TOP = 1.0
"""How far above a side title's baseline, in its sizes, the list's lines read before it may stand: within the title's
own height (Amazon's "Endnotes", 38 pt at y 499.5, after its group label at 517.1 and note 1's first line at 500.8)."""

EDGE_TOLERANCE = 1.0
"""Points within which the numbers opening a column's notes share their left edge (Amazon's p79: 292.5, 551.0, 809.6
in three columns; a number right-aligned in its box, '9' beside '10', stands half a figure, 3 pt at 6 pt, right)."""

NUMBER_WIDTH = 0.6
"""A figure's width in type sizes, for the slack EDGE_TOLERANCE gives a right-aligned note number."""

NUMBER_START = re.compile(r"^\s*(\d{1,3})(?:[.)]\s*|\s+)(?=\S)")
"""A note's first line: its number, then its words ("1. Huang, S.", "1 Since 2007", "3) ...")."""


def side_title_start(lines: list[Line], i: int) -> int:
    """Where the list under the heading at `i` begins in reading order: `i`, or the first of the lines just before it
    that stand on its page wholly right of it, smaller than it and not above its top (the heading set in a side
    column and read after them)."""
    head = lines[i]
    k = i
    while k > 0:
        before = lines[k - 1]
        if before.page != head.page or before.x0 < head.x1 or before.size >= head.size \
                or before.y > head.y + SIDE_TOP * head.size or before.role in ("furniture", "contents"):
            break
        k -= 1
    return k


def is_label(lines: list[Line], j: int, head: Line, size: float) -> bool:
    """Whether the heading at `j`, inside a list under `head` whose lines are set at most `size`, labels a group of
    its notes: smaller than the list's heading, not titled as a list, on the page of the line before it, and followed
    up to the next heading by lines no larger than the notes, one of them opening a note with its number."""
    line = lines[j]
    if line.size >= head.size or title_key(line.text) in ENDNOTE_HEADINGS or j == 0 or lines[j - 1].page != line.page:
        return False
    after = []
    for other in lines[j + 1:]:
        if other.role == "heading" or other.page != line.page:
            break
        if other.role not in ("furniture", "contents"):
            after.append(other)
    limit = size if size else line.size
    return bool(after) and all(l.size <= limit + 0.5 for l in after) \
        and any(NUMBER_START.match(numbered_text(l)) for l in after)


LABEL_LARGER = 1.2
"""A line in a note list set this many times larger than its notes, before a note, labels a group of them (Amazon's
p79: "Sustainability", "People" in 14 pt over notes in 6 pt); it is no part of the note before it."""


def without_labels(lines: list[Line]) -> list[Line]:
    """A note list's lines without the labels grouping its notes: headings, and lines set LABEL_LARGER than the notes
    followed by one opening a note."""
    sizes = [l.size for l in lines if l.role != "heading" and NUMBER_START.match(numbered_text(l))]
    if not sizes:
        return lines
    size = median(sizes)
    def label(k: int) -> bool:
        line = lines[k]
        return line.role == "heading" or line.size > LABEL_LARGER * size and k + 1 < len(lines) \
            and bool(NUMBER_START.match(numbered_text(lines[k + 1])))
    return [l for k, l in enumerate(lines) if not label(k)]


def in_columns(lines: list[Line]) -> list[Line]:
    """A list's lines, on each page read column by column when its notes open at several left edges side by side
    (each clear of the lines of the one before) and the order given interleaves them; in the order given otherwise."""
    out: list[Line] = []
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    for page_lines in pages.values():
        out += _page_in_columns(page_lines)
    return out


def _page_in_columns(lines: list[Line]) -> list[Line]:
    opening = [l for l in lines if l.role != "heading" and NUMBER_START.match(numbered_text(l))]
    edges: list[float] = []
    for x in sorted(l.x0 for l in opening):
        if not edges or x > edges[-1] + EDGE_TOLERANCE + NUMBER_WIDTH * median(l.size for l in opening):
            edges.append(x)
    if len(edges) < 2:
        return lines
    # a column starts clear of the one before: most of the lines at the edge before end left of it
    for left, right in zip(edges, edges[1:]):
        ends = [l.x1 for l in lines if left - EDGE_TOLERANCE <= l.x0 < right - EDGE_TOLERANCE]
        if median(ends) >= right:
            return lines
    def column(line: Line) -> int:
        return max((k for k, e in enumerate(edges) if line.x0 >= e - EDGE_TOLERANCE), default=0)
    # read column by column already (the Blueprint's last notes beside the back cover's address): kept as it is
    opened = [column(l) for l in opening]
    if all(a <= b for a, b in zip(opened, opened[1:])):
        return lines
    return sorted(lines, key=lambda l: (column(l), -l.y))


def numbered_text(line: Line) -> str:
    """A note line's text with its number apart from its words: a number the line opens with as a marker
    ('1' raised: `Line.markers`), or in smaller type than the words it is glued to (LaTeX sets a footnote's number
    so: '1' in 6 pt, then 'http://caml.inria.fr/...' in 9 pt, read '1http://caml.inria.fr/...')."""
    if line.markers and line.markers[0][0] == 0:
        return f"{line.markers[0][1]} {line.text}"
    runs = [r for r in line.runs if r.text.strip()]
    if len(runs) >= 2 and runs[0].text.strip().isdigit() and runs[0].size < 0.9 * max(r.size for r in runs[1:]):
        number = runs[0].text.strip()
        if line.text.startswith(number):
            return f"{number} {line.text[len(number):].lstrip()}"
    return line.text

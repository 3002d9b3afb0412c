"""Reading order: lines of a page -> the order a reader follows, column by column.

- a Contents row printed as a title and, far to its right, a page number on the same baseline is
  one line ("Foreword<tab>4"), not text in two columns;
- a gutter is a vertical strip no line crosses, with lines on both sides (at least three each) and
  the lines on its right starting at a common left edge; lines that cross it (a chapter title, a
  full-width figure) cut the page into bands, and each band is read left column, then right;
- a column may hold a gutter of its own (three columns), read the same way;
- tables keep their rows; page furniture goes last.

>>> order = reading_order(lines, (595.0, 842.0))  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import Counter

from ..conventions import PAGE_NUMBER_LINE
from .layout import Line, mark_tables

MIN_COLUMN_LINES = 2
"""Lines needed on each side of a gutter, starting at one left edge on its right (a page of two
columns has dozens; a column's last two lines may run over to the top of the next)."""

MAX_CROSSING_SHARE = 0.2
"""At most this share of a page's lines may cross its gutter: chapter titles, full-width figures and
tables of a two-column page (a one-column page has most of its lines across the middle)."""


def reading_order(lines: list[Line], size: tuple[float, float]) -> list[Line]:
    """Top to bottom; on stretches with columns, each column in turn. Tables keep their rows."""
    lines = sorted(lines, key=lambda l: (-round(l.y, 1), l.x0))
    mark_tables(lines)
    furniture = [l for l in lines if l.role == "furniture"]
    body = _join_page_numbers([l for l in lines if l.role != "furniture"])
    return _order(body, 0.0, size[0], depth=0) + furniture


_LEADERS = re.compile(r"^[\s.·…_]{3,}(?:\t?\s*(?:\d{1,4}|[ivxlc]{1,6}))?\s*$")


_LEADER_TAIL = re.compile(r"[.·…_](?:\s*[.·…_]){2,}\s*$")


def _join_page_numbers(lines: list[Line]) -> list[Line]:
    """'Foreword' ... '4' on one baseline, the number alone and right of everything else, or dotted
    leaders drawn apart from their title: one line ('Foreword<tab>4', 'Foreword . . . .<tab>4')."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        # (the number alone reads as figure text: numbers only; next to a title it is a page number)
        if prev is not None and prev.role == "" and line.role in ("", "figure") and abs(line.y - prev.y) < 0.3 * line.size \
                and line.x0 > prev.x1 - 1 and not PAGE_NUMBER_LINE.match(prev.text) \
                and ((PAGE_NUMBER_LINE.match(line.text) and (line.x0 - prev.x1 > 2 * line.size or _LEADER_TAIL.search(prev.text)))
                     or _LEADERS.match(line.text)):
            joiner = "\t" if PAGE_NUMBER_LINE.match(line.text) else " "
            prev.text = f"{prev.text}{joiner}{line.text}"
            prev.x1 = line.x1
            prev.runs = prev.runs + line.runs
            continue
        out.append(line)
    return out


def _order(lines: list[Line], left_edge: float, right_edge: float, depth: int) -> list[Line]:
    gutter = _gutter(lines, left_edge, right_edge) if depth < 2 else None
    if gutter is None:
        return lines
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []

    def flush() -> None:
        out.extend(_order(left, left_edge, gutter, depth + 1))
        out.extend(_order(right, gutter, right_edge, depth + 1))
        left.clear()
        right.clear()

    column = 1 if depth == 0 else None
    for line in lines:
        if line.role == "table" and line.x0 < gutter < line.x1:
            flush()
            out.append(line)
        elif line.x1 <= gutter + 3:
            left.append(line)
            if column:
                line.column = 1
        elif line.x0 >= gutter - 3:
            right.append(line)
            if column:
                line.column = 2
        else:
            flush()
            out.append(line)
    flush()
    return out


def _gutter(lines: list[Line], left_edge: float, right_edge: float) -> float | None:
    """The x of a gutter between left_edge and right_edge, or None."""
    text = [l for l in lines if l.role in ("", "heading") and l.x1 - l.x0 > 2]
    if len(text) < 3 * MIN_COLUMN_LINES:
        return None
    width = right_edge - left_edge
    best: tuple[int, int, float] | None = None  # (crossing, -balance, x)
    runs: list[float] = []
    for step in range(int(0.25 * width), int(0.75 * width) + 1, 2):
        x = left_edge + step
        crossing = sum(1 for l in text if l.x0 < x - 1 and l.x1 > x + 1)
        left = sum(1 for l in text if l.x1 <= x + 1)
        right = sum(1 for l in text if l.x0 >= x - 1)
        if left < MIN_COLUMN_LINES or right < MIN_COLUMN_LINES or crossing > MAX_CROSSING_SHARE * len(text):
            continue
        key = (crossing, -min(left, right), x)
        if best is None or key[:2] < best[:2]:
            best, runs = key, [x]
        elif key[:2] == best[:2] and runs and x - runs[-1] <= 2:
            runs.append(x)
    if best is None:
        return None
    x = (runs[0] + runs[-1]) / 2
    starts = Counter(round(l.x0) for l in text if l.x0 >= x - 1)
    common = max(starts.values())
    if common < MIN_COLUMN_LINES:
        return None  # text to the right, but no column edge: scattered labels, not a column
    return x

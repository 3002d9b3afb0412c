"""Column gutters a page's runs show, before they are joined into lines: where a page draws its columns a baseline
at a time across the page (the IRS's instructions draw a line of each of three columns in turn, one TJ for all
three), runs of two columns stand on one baseline a gutter apart, and `layout.page_lines` must not join them.

A gutter is where many runs start at one x (the next column's left edge) with text on their baseline ending short of
it, a gutter's width or more before, from a column of its own width: more such runs than runs that cross that x.

>>> from askwef.ingest.pdf.runs import Run
>>> rows = [r for y in range(700, 640, -10) for r in (Run("left column text", 40, y, 9, False, 0, 160, False),
...                                                   Run("right column text", 215, y, 9, False, 0, 160, True))]
>>> column_gutters(rows)
[Gutter(left=200, right=215, top=709, bottom=641)]
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from .runs import Run

GUTTER_MIN = 1.0
"""A gutter's width at least, in type sizes (wider than any word space: a justified line's stretch to about half an
em). The IRS's instructions set 18 pt at 9.5 pt type, about 1.9; a white paper's two columns 1.5 em or more."""

GUTTER_STARTS = 5
"""Runs at least that start at a column's left edge with text ending a gutter before them on their baseline (the
IRS's pages have 40 to 60 a column); a table's cells or a list's numbers stand beside a few lines only."""

COLUMN_MIN = 8.0
"""A column's width at least, in type sizes: text beside a gutter runs from this far left of it or further (a
column of the IRS's instructions is 17 em wide; a list's bullet or number stands an em or two before its text), and
the runs that start at the next column's edge are half as wide or wider (a line of text, where a Contents page's
numbers, set flush at its right, or a table's figures are a few letters wide); so is the text before them, on half
their lines at least (a column's lines; NCCN's staging table, p6, sets labels 'N0a', 'N1b' 2 em wide before their
descriptions)."""


@dataclass(frozen=True)
class Gutter:
    left: float  # where the column before it ends: the right edge of its lines
    right: float  # where the column after it starts
    top: float  # the baselines of the highest and the lowest line beside it: a table above or under the columns
    bottom: float  # keeps its cells on their rows (TraceMonkey's p. 12: a table across the page over two columns)


def column_gutters(runs: list[Run]) -> list[Gutter]:
    """The gutters between columns the page's runs show, left to right; [] on a page of one column."""
    text = [r for r in runs if r.width > 0 and any(c.isalnum() for c in r.text)]
    if len(text) < 2 * GUTTER_STARTS:
        return []
    sizes = Counter()
    for r in text:
        sizes[round(r.size, 1)] += len(r.text)
    size = max(sizes, key=lambda s: (sizes[s], s))
    by_y = sorted(text, key=lambda r: r.y)
    ys = [r.y for r in by_y]
    starts = Counter(round(r.x) for r in text)
    out: list[Gutter] = []
    for edge in sorted(x for x, n in starts.items() if n >= GUTTER_STARTS):
        ends: list[float] = []
        beside: list[float] = []
        neighbours: list[float] = []  # the width of the text before each
        for r in text:
            if abs(r.x - edge) > 1 or r.width < COLUMN_MIN / 2 * size:
                continue
            low, high = bisect_left(ys, r.y - 0.3 * size), bisect_left(ys, r.y + 0.3 * size + 1e-6)
            before = [o for o in by_y[low:high] if o is not r and o.x < r.x and o.x + o.width <= r.x - GUTTER_MIN * size]
            if before and not any(o.x < r.x - 1 and o.x + o.width > r.x - GUTTER_MIN * size for o in by_y[low:high] if o is not r) \
                    and min(o.x for o in before) <= r.x - COLUMN_MIN * size:
                nearest = max(before, key=lambda o: o.x + o.width)
                ends.append(nearest.x + nearest.width)
                neighbours.append(nearest.width)
                beside.append(r.y)
        crossing = sum(1 for r in text if r.x < edge - 1 and r.x + r.width > edge + 1)
        widths = sorted(neighbours)
        if len(ends) >= GUTTER_STARTS and len(ends) > crossing and widths[len(widths) // 2] >= COLUMN_MIN / 2 * size:
            out.append(Gutter(left=round(max(ends), 1), right=edge, top=max(beside) + size, bottom=min(beside) - size))
    return out


def across(gutters: list[Gutter], end: float, start: float, y: float) -> bool:
    """Whether a run that starts at `start` on baseline `y` stands across a gutter from the text before it, which
    ends at `end`."""
    return any(end <= g.left + 1 and start >= g.right - 1 and g.bottom <= y <= g.top for g in gutters)

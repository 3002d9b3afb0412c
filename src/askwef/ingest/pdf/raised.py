"""Raised numbers a page draws after the line they belong to, put back into it.

WordPerfect (through PDFWriter) draws a line's words first and its superscript numbers after: a note marker after
the rest of its line ("unauthorized copying " " of a copyrighted work. ..." then "2" at the end of "copying"), a
footnote's number after the note's first line, left of it ("Pub. L. No. 105-304, ..." then "1"). Read in drawing
order each number was a line of its own: the marker was lost, and the footnote did not open with its number, so it
was read as prose. A number that stands alone, smaller than a line whose glyphs it is raised into, at a boundary of
that line's runs (where one ends or the first begins), is set back there with its rise: then it is a marker, or a
note's number before its text, as if drawn in order.
"""

from __future__ import annotations

from dataclasses import replace

from ..conventions import MARKER_TEXT
from .runs import Run

RAISED_SMALLER = 0.9
"""A raised number is set under this share of its line's size (the DMCA summary: 7.2 pt numbers, 12 pt body and
11 pt notes; `layout.page_lines` takes a marker under 0.9 of its line's size too)."""

RAISED_LOW, RAISED_HIGH = 0.15, 0.7
"""A raised number's baseline stands this many of its line's sizes above the line's: within the line's capitals
(the DMCA summary: 4.6 pt over 12 pt and 11 pt lines, 0.38 and 0.42; `layout.page_lines` joins a raised number
drawn in order within 0.7)."""

RAISED_GAP = 0.5
"""How far (in sizes of its line) a raised number may stand from the end of the run it follows, or from the start of
the run it precedes (the DMCA summary: 0.0 to 0.25 pt; estimated widths may be a little long or short)."""


def with_raised_numbers(groups: list[list[Run]]) -> list[list[Run]]:
    """Each group of runs that is a lone raised number, moved into the group (a line) it is raised into, at the
    boundary of runs where it stands, on that line's baseline with its height as rise."""
    out = [list(g) for g in groups]
    moved: set[int] = set()
    for k, group in enumerate(out):
        if len(group) != 1 or not MARKER_TEXT.match(group[0].text) or not group[0].text.strip():
            continue
        number = group[0]
        hosts = [(h, at) for h, host in enumerate(out) if h != k and h not in moved and (at := _place(number, host)) is not None]
        if len(hosts) != 1:
            continue
        h, at = hosts[0]
        base = max(out[h], key=lambda r: r.size)
        out[h].insert(at, replace(number, y=base.y, rise=number.y - base.y + number.rise))
        moved.add(k)
    return [g for k, g in enumerate(out) if k not in moved]


def _place(number: Run, host: list[Run]) -> int | None:
    """Where in `host` the raised number stands: the index of the run it goes before, or None when it is not raised
    into that line at one of its run boundaries."""
    if not host or (len(host) == 1 and MARKER_TEXT.match(host[0].text)):
        return None
    base = max(host, key=lambda r: r.size)
    size = base.size
    if not (number.size < RAISED_SMALLER * size and RAISED_LOW * size <= number.y - base.y <= RAISED_HIGH * size):
        return None
    gap = RAISED_GAP * size
    if abs(number.x + number.width - host[0].x) <= gap and number.x < host[0].x:
        return 0
    end = 0.0
    for at, run in enumerate(host, start=1):
        # runs that pypdf reports at the previous run's x (the text matrix did not move) follow on (`layout.page_lines`)
        end = end + run.width if at > 1 and abs(run.x - host[at - 2].x) < 0.5 else run.x + run.width
        if abs(number.x - end) <= gap:
            return at
    return None

"""Where a figure's caption ends: body type again after a caption set apart from the body.

Assembly reads a figure from its label line ("Figure 4. Syncer rate example ...") to its Source line, or to the
next paragraph of MIN_PROSE_WORDS words; a manual puts no Source line under its figures, and its next sentence,
however short, was read as caption ("Thus, the recommended value for the rate option would be 33M."). A PDF
shows more: a caption set in a type of its own (another size or weight than the body's) is its label line and
the lines set like it; the first line after it in the body's type, or a heading that is not the caption's own
line, ends the figure (`Line.ends_figure`; the paragraphs reader puts a "figure_end" paragraph before it).
Lines between, smaller or bolder than the body (a chart's labels, a figure's subtitle), are the figure's, as
they were. A caption set in the body's own type says nothing: the figure is read as before.
"""

from __future__ import annotations

from ..conventions import FIGURE, SOURCE, TABLE
from .layout import Line

SKIPPED = ("furniture", "contents", "figure", "notes", "imprint")
"""Roles the paragraphs reader skips: page furniture, Contents rows, chart labels found by position, notes."""

SAME_TYPE = 0.3
"""Sizes (pt) closer than this are one type size, as the paragraphs reader joins lines (`paragraphs._continues`)."""

CAPTION_LEADING = 1.6
"""Baseline gap (in type sizes) within which a line set like the caption is its wrapped line, as a heading's
(`paragraphs.HEADING_LEADING`): a manual's figure title under a centred caption 38 pt off is a heading of its own
(the ReportLab guide's 12 pt "Figure 2-2: The Coordinate System", then "Moving the origin: the translate method")."""


def body_type(line: Line, body: float) -> bool:
    """A line set in the body's type: the body's size, the regular weight, in the flow (not a heading or table)."""
    return line.role == "" and abs(line.size - body) < SAME_TYPE and not line.bold


def _own_line(last: Line, line: Line) -> bool:
    """`line` wraps the caption whose line `last` is: same page, size and weight, right under it."""
    return line.page == last.page and abs(line.size - last.size) < SAME_TYPE and line.bold == last.bold \
        and 0 < last.y - line.y <= CAPTION_LEADING * last.size


def mark_figure_ends(lines: list[Line], body: float) -> None:
    """Set `ends_figure` on the first line in the body's type, or the first heading, after each figure caption
    set apart from the body (see the module docstring). A Source or Note line set apart from the body closes its
    figure itself (assembly reads it); a Source or Note line in the body's type is the body's ('Note: scaling may
    also move objects ... off the page', the ReportLab guide's paragraph under a figure)."""
    for i, line in enumerate(lines):
        if line.role not in ("", "heading") or not FIGURE.match(line.text) or body_type(line, body):
            continue
        last = line
        for nxt in lines[i + 1:]:
            if nxt.role in SKIPPED:
                continue
            if FIGURE.match(nxt.text) or TABLE.match(nxt.text):
                break
            if last is not None and _own_line(last, nxt):
                last = nxt
                continue
            last = None  # the caption's own lines ended
            if body_type(nxt, body) or nxt.role == "heading":
                nxt.ends_figure = True
                break
            if SOURCE.match(nxt.text):
                break

"""Overprints: a short line printed over the start of a longer one on its baseline is not read.

A list's visible label set over the number the text layer carries ('i' over '1. Work with partners ...' in the UK
strategy) would cut the sentence it lands in. A line's first letters set as a piece of their own and standing before
the rest (InDesign's 'r' + 'equired ...', the LaTeX logo's 'L' + 'ATEX') are the line's, not an overprint.
"""

from __future__ import annotations

from dataclasses import replace

from .layout import Line


def without_overprints(lines: list[Line]) -> list[Line]:
    """Lines less a short one printed over the start of a longer one on its baseline (at least half its
    width inside the other's): a list's visible label set over the number the text layer carries ('i' over
    '1. Work with partners ...' in the UK strategy), which read in would cut the sentence it lands in.

    >>> [l.text for l in without_overprints([Line(0, 89, 524, 554, 10, False, "1. Work with partners"), Line(0, 91, 93, 554, 10, False, "i")])]
    ['1. Work with partners']
    """
    by_y = sorted(lines, key=lambda l: l.y)
    dropped: set[int] = set()
    leading: dict[int, Line] = {}  # a longer line's first letters, set as a line of their own before it
    for i, line in enumerate(by_y):
        for other in by_y[i + 1:]:
            if other.y - line.y >= 0.3 * max(line.size, other.size):
                break
            short, long_ = (line, other) if len(line.text) < len(other.text) else (other, line)
            inside = min(short.x1, long_.x1) - max(short.x0, long_.x0)
            # (where the longer line starts: a label; a cell further along is another line whose
            # estimated width ran long)
            if inside >= 0.5 * (short.x1 - short.x0) > 0 and short.x0 < long_.x0 + 2 * long_.size:
                dropped.add(id(short))
                if _leads(short, long_) and id(long_) not in leading:
                    leading[id(long_)] = short
    return [_joined(leading[id(l)], l) if id(l) in leading else l for l in lines if id(l) not in dropped]


def _joined(first: Line, rest: Line) -> Line:
    """A line with its first letters put back ('r' + 'equired to achieve ...'): a word space only where the piece's
    own text ends in one ('• WHO ' + 'Guidelines ...')."""
    gap = " " if first.runs and first.runs[-1].text[-1:].isspace() else ""
    shift = len(first.text) + len(gap)
    return replace(rest, x0=first.x0, text=first.text + gap + rest.text, runs=first.runs + rest.runs,
                   markers=first.markers + [(at + shift, n) for at, n in rest.markers], marker_boxes=first.marker_boxes + rest.marker_boxes)


NARROWEST_LETTER = 0.2
"""The advance of the narrowest letter, in type sizes ('i', 'l', '.': 0.22 em in Helvetica and Calibri, 0.25 to 0.28 in
Times): a line's first letters, set as a piece of their own, end this far along for each letter, at least, before its
next piece starts. The UK strategy's labels stand 1.0 to 2.9 pt before the '1.' they print over ('ii', 'iii' at 10 pt:
0.05 to 0.1 em a letter); Amazon's report sets 'r' 3.0 pt (0.33 em) before 'equired ...', 'sign' 15.6 pt (0.43 em a
letter) before 'ing The Climate Pledge ...' (InDesign; the pieces' estimated widths run long and cover the rest)."""


def _leads(short: Line, long_: Line) -> bool:
    """The short line stands before the longer one's start with room for its letters: the line's first letters set
    apart, not a label printed over it."""
    return long_.x0 - short.x0 >= NARROWEST_LETTER * len(short.text.strip()) * short.size

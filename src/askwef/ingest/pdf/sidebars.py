"""A box beside the heading it belongs to: read after that heading's text, not before the heading.

A two-column layout sets a sidebar in one column beside the section it illustrates, the section's heading
opening the other column level with the box: the UK strategy's box 'AI and Intellectual Property (IP): Call
for Views and Government Response' fills the left column of its page, and 'Creating and protecting
Intellectual Property' opens the right one. Column by column, the box comes first and is filed under the
section before. When a box fills its column (no other line of that column on the page), is not run on
from the page before, and the next column opens with a heading (bold lines, `HEADING_WORDS` words or
fewer, above more text) standing within the box's height, the box is read after that heading's text on
the page: up to the column's next bold line after text in the regular weight, or the column's end.

>>> pages = [sidebars_beside_headings(lines) for lines in pages]  # doctest: +SKIP
"""

from __future__ import annotations

from itertools import takewhile

from ..text import word_count
from .layout import Line

HEADING_WORDS = 12
"""Words a heading opening a column may have ('Creating and protecting Intellectual Property': 5); a bold
column top of more is emphasised text (the UK strategy sets whole sentences in bold)."""


def sidebars_beside_headings(pages: list[list[Line]]) -> None:
    """Each page's lines (in reading order) with a box that fills its column moved after the text of the
    heading that opens the next column beside it; `pages` is changed in place."""
    for index, lines in enumerate(pages):
        previous = next((l for l in reversed(pages[index - 1]) if l.role != "furniture"), None) if index else None
        for box in sorted({l.box for l in lines if l.box}):
            members = [l for l in lines if l.box == box]
            column = members[0].column
            if column == 0 or any(l.column != column for l in members) or (previous is not None and previous.box):
                continue
            if any(l.column == column and l.box != box and l.role != "furniture" for l in lines):
                continue  # the box does not fill its column
            last = max(i for i, l in enumerate(lines) if l.box == box)
            after = [l for l in lines[last + 1 :] if l.role != "furniture"]
            beside = list(takewhile(lambda l: l.column not in (0, column) and l.column == after[0].column, after))
            at = _heading_text_end(beside, members)
            if at is None:
                continue
            rest = [l for l in lines if l.box != box]
            k = next(i for i, l in enumerate(rest) if l is beside[at - 1]) + 1
            lines[:] = rest[:k] + members + rest[k:]


def _heading_text_end(beside: list[Line], box: list[Line]) -> int | None:
    """How many of the next column's lines the heading opening it and its text take, or None when the column
    does not open with a heading level with the box."""
    head = 0
    while head < len(beside) and beside[head].bold:
        head += 1
    if not head or head == len(beside) or word_count(" ".join(l.text for l in beside[:head])) > HEADING_WORDS:
        return None
    top, bottom = max(l.y for l in box), min(l.y for l in box)
    if not bottom <= beside[0].y <= top + beside[0].size:
        return None
    end = next((i for i in range(head + 1, len(beside)) if beside[i].bold and not beside[i - 1].bold), len(beside))
    return end

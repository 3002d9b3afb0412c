"""Where the body of a report without a Contents page starts, when its outline leaves out its first chapter.

With no Contents page the body starts at the outline's first section (`headings.contents_from_outline`): what is
printed before it is front matter, read as text under the report's title. A report may open with a chapter the outline
does not list, set as its chapters are: the NHS Constitution Handbook's 'Overview' (page 2, bold 26 pt as 'Part I: NHS
Values', ten pages, about 200 sentences) was filed under the title with its cover and notices. The body starts at the
first heading before the outline's first section that is set in that section's heading type (size and weight), is not
the cover's (the first page) nor the report's title nor a Contents or list heading, and has body text under it: that
heading opens a section of its own (`assemble`). Pages printed before it stay front matter.

>>> after = opening(flat, after, title, body)  # doctest: +SKIP
"""

from __future__ import annotations

from ..text import title_key, word_count
from .contents import CONTENTS_TITLES, LIST_TITLES
from .layout import Line

SAME_TYPE = 0.5
"""Points within which a heading's size is the first section's heading's: 'Overview' and 'Part I: NHS Values' are both
26.0 pt in the NHS Constitution Handbook."""

BODY_TYPE = 1.0
"""Points within which the line under such a heading is in the body's type (12 pt prose under the Handbook's 'Overview')."""

PROSE_WORDS = 6
"""Words the line under it must have to be body text, not a subtitle or a date."""


def opening(lines: list[Line], after: int, title: str, body: float) -> int:
    """The index in `lines` where the body starts: `after` (the outline's first section), or an earlier heading in its
    heading's type (see the module's docstring)."""
    if after >= len(lines) or not after:
        return after
    first = next((l for l in lines[after:] if l.page == lines[after].page and l.role == "heading"), None)
    if first is None:
        return after
    skipped = CONTENTS_TITLES | LIST_TITLES | {title_key(title)}
    for i, line in enumerate(lines[:after]):
        if line.role != "heading" or line.page == lines[0].page or abs(line.size - first.size) > SAME_TYPE or line.bold != first.bold:
            continue
        nxt = lines[i + 1]
        if title_key(line.text) not in skipped and nxt.page == line.page and nxt.role == "" and abs(nxt.size - body) <= BODY_TYPE \
                and word_count(nxt.text) >= PROSE_WORDS:
            return i
    return after

"""Sections opened where the outline points, for a report read without a Contents page.

With no Contents page, every bookmark is a section anchored at its page (`headings.contents_from_outline`). Its heading
is found there when the page prints its title on heading lines one under the other; a bookmark whose title the page
does not print so (a chapter's title set in two columns' reading order, 'Renewable' / 'Goals' / 'Energy' on the
Amazon report's p22, or not printed at all) still opens its section on that page: a heading line carrying its title is
put where the bookmark's destination points (its top, when it gives one, else the page's top), after the headings of
the entries before it on that page, so the sections keep the outline's order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..parsed import ContentsEntry
from ..text import printed_as, split_numbering
from .headings import HEADING_BLOCK_LINES, OutlineItem, page_number
from .layout import Line

DESTINATION_SLACK = 2.0
"""Points a destination's top may sit below the baseline of the first line it points at (the Amazon report's bookmarks
point 2-5 points above their heading's baseline; `headings.mark_headings` takes the same slack)."""

DESTINATION_LEFT_SLACK = 12.0
"""Points a line may start left of its destination's x and still be under it: the REVTeX guide's bookmark 'Using the
AMS packages' points at x 323, y 213 on p11, at its heading in the right column (x 323); read in the left column's order
first, the line at y 209 (x 54) took it, mid-sentence. Its left column's headings point at x 73-87, over body lines at
54-64."""

ABOVE_PAGE = 100.0
"""Points above the page's highest line where an opened section's heading line is set: no heading of the page is read
as its wrapped second line, nor text under it as its run-on sentence (`paragraphs.HEADING_LEADING`, `RUN_ON_GAP`)."""


def carried_over(outline: list[OutlineItem], lines: list[Line], labels: list[str]) -> list[OutlineItem]:
    """The outline, a bookmark whose destination lies below every line of its page, and whose title the page does not
    print on heading lines, pointing at the top of the next page that has lines: its heading did not fit and was
    printed there (the generated WEF report's 'Public services', bookmarked 86 points up p21 under its last line at 93,
    printed at the top of p22; anchored on p21 it opened there, after 'Renewable energy and utilities', and left that
    section empty). A title printed on the page stays there: on two columns the heading that did not fit the first
    heads the second ('Algorithms and model sophistication', bookmarked under p25's left column)."""
    spans: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        spans.setdefault(line.page, [i, i])[1] = i + 1
    pages = sorted(spans)
    out = []
    for item in outline:
        after = next((p for p in pages if p > item.page), None)
        if item.top is not None and item.page in spans and after is not None:
            start, end = spans[item.page]
            below = any(l.y <= item.top + DESTINATION_SLACK for l in lines[start:end])
            if not below and _spelled(lines, start, end, ContentsEntry(*split_numbering(item.title), item.number)) is None:
                item = replace(item, page=after, number=page_number(labels, after), top=None)
        out.append(item)
    return out


FILE_NAME = re.compile(r"^\S+\.(?:pdf|docx?|pptx?|xlsx?|indd|qxp|rtf|odt|tex|fm|book)$", re.I)
"""A bookmark titled by a file name ("ms_Thyroid_2_2020_071520_watermarked.pdf"): a document merged into the PDF (its own
bookmarks kept under one named by its file), no heading the report prints."""


def merged_files(outline: list[OutlineItem]) -> list[OutlineItem]:
    """The outline without the bookmarks titled by a file name (FILE_NAME), their descendants lifted into their place:
    each level of them one under the level above it, a level the outline skips (a bookmark with no destination, left
    out) closed up. The NCCN guideline's Discussion was merged in under its file's name, pointing at the cover, its
    "Overview" bookmark pointing nowhere: its sections, under a heading never found, were nested under the algorithm's
    last section ("Principles of Radiation ... (THYR-C) > Epidemiology", 850 sentences).

    >>> [(i.title, i.level) for i in merged_files([OutlineItem("Staging", 1, 9, 9), OutlineItem("ms_x.pdf", 1, 0, 1),
    ...     OutlineItem("Epidemiology", 3, 12, 2), OutlineItem("Update", 3, 13, 3), OutlineItem("Differentiated", 2, 14, 4),
    ...     OutlineItem("Prognosis", 3, 15, 5), OutlineItem("Annex", 1, 20, 9)])]
    [('Staging', 1), ('Epidemiology', 1), ('Update', 1), ('Differentiated', 1), ('Prognosis', 2), ('Annex', 1)]
    """
    out: list[OutlineItem] = []
    merged: int | None = None  # the level of the file's bookmark being read under
    stack: list[tuple[int, int]] = []  # (a descendant's level in the outline, the level it takes)
    for item in outline:
        if merged is not None and item.level <= merged:
            merged = None
        if FILE_NAME.match(item.title.strip()):
            merged, stack = item.level, []
            continue
        if merged is not None:
            while stack and stack[-1][0] > item.level:
                stack.pop()
            level = stack[-1][1] if stack and stack[-1][0] == item.level else (stack[-1][1] + 1 if stack else merged)
            if stack and stack[-1][0] == item.level:
                stack.pop()
            stack.append((item.level, level))
            item = replace(item, level=level)
        out.append(item)
    return out


def open_at_bookmarks(lines: list[Line], entries: list[ContentsEntry], items: list[OutlineItem]) -> list[Line]:
    """`lines` with a heading line for each entry (one per outline item, in order) whose title its page does not print on
    heading lines; `entries` and `items` are parallel."""
    out = list(lines)
    cursor = 0  # where the entry before this one opened
    for entry, item in zip(entries, items):
        start = next((i for i, l in enumerate(out) if l.page == item.page), None)
        if start is None:
            continue
        if cursor > start and out[cursor - 1].page == item.page:
            start = cursor
        elif cursor > start:
            continue  # the outline goes back a page: its order is not the print's
        end = next((i for i in range(start, len(out)) if out[i].page != item.page), len(out))
        found = _spelled(out, start, end, entry)
        if found is not None:
            cursor = found
            continue
        at = start
        if item.top is not None:  # the first line under the destination, in its column (not left of its x)
            at = next((i for i in range(start, end) if out[i].y <= item.top + DESTINATION_SLACK
                       and (item.left is None or out[i].x0 >= item.left - DESTINATION_LEFT_SLACK)), start)
        model = out[at] if at < end else out[start]
        top = max(l.y for l in out[start:end]) if end > start else model.y
        line = replace(model, y=top + ABOVE_PAGE, text=f"{entry.number} {entry.title}".strip(), role="heading",
                       level=max(1, entry.level), markers=[], runs=[], marker_boxes=[], bold=False, display=False,
                       bullet=False, cell=False, ends_figure=False, box=0, table_row=-1, table_column=0, table_cell=0)
        out.insert(at, line)
        cursor = at + 1
    return out


def as_bookmarked(entries: list[ContentsEntry], items: list[OutlineItem]) -> list[ContentsEntry]:
    """The entries (one per outline item, in order), each title's word broken at a line end ('Direct Color Re-'
    'placement', a heading of the Ghostscript color guide printed over two lines) joined as its bookmark spells it
    ('Direct Color Replacement'); a hyphen the bookmark keeps ('Spot-' 'Color' as 'Spot-Color') stays, without the space.
    A break the bookmark does not spell ('pre- and post-processing') stays as printed.

    >>> as_bookmarked([ContentsEntry("8.3", "Direct Color Re- placement", 39)], [OutlineItem("Direct Color Replacement", 2, 39, 39)])[0].title
    'Direct Color Replacement'
    """
    if len(entries) != len(items):
        return entries
    out = []
    for entry, item in zip(entries, items):
        spelled = item.title.casefold()

        def whole(m: re.Match) -> str:
            for word in (f"{m.group(1)}{m.group(2)}", f"{m.group(1)}-{m.group(2)}"):
                if re.search(rf"(?<![\w-]){re.escape(word.casefold())}(?![\w-])", spelled):
                    return word
            return m.group(0)

        out.append(replace(entry, title=re.sub(r"(\w+)- (\w+)", whole, entry.title)))
    return out


def _spelled(lines: list[Line], start: int, end: int, entry: ContentsEntry) -> int | None:
    """The index after the heading lines, one to HEADING_BLOCK_LINES in a row from `start` to `end`, that print the entry;
    None when none do."""
    for i in range(start, end):
        text = ""
        for j in range(i, min(i + HEADING_BLOCK_LINES, end)):
            if lines[j].role != "heading":
                break
            text = f"{text} {lines[j].text}".strip()
            if printed_as(entry.number, entry.title, text):
                return j + 1
    return None

"""PDF page layout: text runs -> lines in reading order, page furniture marked.

- runs on one baseline, side by side, become a `Line`, but not across a column's gutter the page's runs show
  (`gutters.py`: a page that draws a baseline of each column in turn); a run that is smaller, digits only and
  raised (text rise or a higher baseline) is an endnote marker: kept in `Line.markers`, not in
  the text ("by 2027." + superscript "33" -> text "by 2027.", marker (8, 33));
- running headers and footers (same text, digits aside, at the same place on many pages) and lone
  page numbers at the top or bottom of a page are marked "furniture";
- a table (a row of two or more short bold cells, then lines under them) is marked "table", each
  line with the column it stands in;
- (reading order, columns: `columns.py`; figures and boxes: `regions.py`.)

>>> lines = page_lines(page_runs(page, Widths()), 0)  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from ..conventions import MARKER_TEXT, PAGE_NUMBER_LINE
from ..text import collapse_space, parse_marker_numbers, word_count
from .gutters import GUTTER_MIN, Gutter, across, column_gutters
from .powers import SUBSCRIPT, as_power, is_subscript, mass_number
from .raised import with_raised_numbers
from .runs import Run


@dataclass
class Line:
    page: int  # physical page index
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    text: str
    markers: list[tuple[int, int]] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    column: int = 0  # the page column: 0 full width / single column, 1 left, 2 right (`columns.py`)
    role: str = ""  # "" body, "heading", "table", "contents", "furniture", "figure" (chart labels), "notes", "imprint"
    level: int = 0
    box: int = 0  # 1.. for the lines of a shaded or framed box (a case study, a sidebar), per page
    display: bool = False  # set larger than the body and not a heading: a standfirst or a pull quote
    marker_boxes: list[tuple[int, float, float]] = field(default_factory=list)  # (number, x, y) of each marker
    bullet: bool = False  # opened by a bullet the page draws as a shape (a browser's list disc), not as text
    cell: bool = False  # the lines of a diagram's filled cell, joined: a paragraph of its own
    ends_figure: bool = False  # the first line of body text after a figure's caption (`captions.py`)
    table_column: int = 0  # a table line's column of cells, 0 (row labels), 1, ... (`mark_tables`, `grid.py`)
    table_row: int = -1  # a ruled table's row, 0 the first (`ruled.py`); -1 in a table found by its text alone
    table_cell: int = 0  # in a ruled table, the cell of its column within the row; -1: a row across the table
    table_span: int = 0  # a ruled table's header cell over this many columns more than its own (`ruled.py`)

CLOSING_PUNCTUATION = re.compile(r"^[,.;:!?)\]](?:\s|$)")
"""A run opening with punctuation that closes a word or a clause, then a space or its end: ', and',
'.', ')'. Not '.5' or '...', which may open a word."""

HYPHEN_GAP = 0.35
"""A gap (in type sizes) next to a hyphen must be this wide to be a word space: a word processor sets
a compound's hyphen as its own run a little off the estimated end of the word before it ('e' '-'
'transactions'); a spaced dash ('2020 - 2022') has a full space, 0.25 em or more, and its own space
character as a rule."""


def _at_hyphen(left: str, right: str) -> bool:
    """The gap between a word and the hyphen that follows it: 'e' | '-transactions', 'in' | '-depth'
    (after a hyphen, 'policy-' | 'and law-making', a space is as likely as none: the usual gap rules)."""
    return right.startswith("-") and left[-1:].isalnum()


def _glued_hyphen(runs: list[Run], index: int) -> bool:
    """A hyphen set as a run of its own that the next run's letters follow with no gap ('non' '-'
    'compliance'): a compound's hyphen, whatever gap the estimated width of the word before it leaves
    (a Word layer's justified lines run past their letters' widths)."""
    run = runs[index]
    if run.text != "-" or index + 1 >= len(runs):
        return False
    after = runs[index + 1]
    return abs(after.y - run.y) < 0.3 * run.size and after.text[:1].isalpha() and abs(after.x - (run.x + run.width)) < 0.1 * run.size


def _in_line_order(runs: list[Run]) -> list[Run]:
    """Runs drawn out of order along one baseline, left to right, when in that order they make one
    unbroken line: the OECD review draws 'leadership of ', 'sectora', '-', 'the cross', ' l ministries'
    (read as four lines: 'the cross' after 'sectora' in the paragraph). A stretch that does not close
    up so (two columns, a label over a number) keeps the order it is drawn in."""
    out: list[Run] = []
    i = 0
    while i < len(runs):
        j = i + 1
        while j < len(runs) and abs(runs[j].y - runs[i].y) <= 0.1 * runs[i].size and abs(runs[j].size - runs[i].size) < 0.1 * runs[i].size:
            j += 1
        stretch = runs[i:j]
        if any(b.x < a.x - 0.5 for a, b in pairwise(stretch)):
            ordered = sorted(stretch, key=lambda r: r.x)
            if all(-1.0 <= b.x - (a.x + a.width) <= 0.5 * a.size for a, b in pairwise(ordered)):
                stretch = ordered
        out.extend(stretch)
        i = j
    return out


def page_lines(runs: list[Run], page_no: int) -> list[Line]:
    """Runs on one baseline and side by side -> lines; superscript markers are taken out of the text."""
    runs = _in_line_order(runs)
    groups: list[list[Run]] = []
    x_end = 0.0
    gutters: list[Gutter] | None = None  # found when two runs on a baseline stand a gutter's width apart
    for index, run in enumerate(runs):
        cur = groups[-1] if groups else None
        if cur is not None and not cur[-1].ends_line:
            first = max(cur, key=lambda r: r.size)  # the line's baseline: its largest run, not a raised marker before it
            size = first.size
            same_base = abs(run.y - first.y) <= 0.3 * size or (run.size < 0.9 * size and -0.2 * size <= run.y - first.y <= 0.7 * size) \
                or (size < 0.9 * run.size and -0.2 * run.size <= first.y - run.y <= 0.7 * run.size)  # a raised number, then its text
            # runs that pypdf reports at the previous run's x (the text matrix did not move) follow on, or at the x of
            # a run before it on its baseline (a string of another font between them placed where it ends: the WEF
            # template's 'e-Message (' at the line's start, '融安' after it, then 'e' at the line's start again)
            same_x = abs(run.x - cur[-1].x) < 0.5 or any(abs(run.x - r.x) < 0.5 and abs(run.y - r.y) <= 0.1 * run.size for r in cur)
            # estimated widths can run long (embedded font subsets): a run further right than the
            # previous one's start, and not past the estimated end plus a gap, follows on
            continues = same_x or (max(cur[-1].x + 0.5, min(x_end - 2, cur[-1].x + 0.5 * cur[-1].width)) <= run.x <= x_end + 1.8 * max(size, run.size))
            # two short bold cells a padding apart (a table's header row): not one line
            cells = run.bold and cur[-1].bold and not same_x and run.x > x_end + 0.6 * run.size \
                and word_count(run.text) <= 6 and word_count("".join(r.text for r in cur)) <= 6
            if run.glued:  # a piece of the run before, as pypdf gave it: on its line, as it was, but across a gutter
                same_base, continues, cells = True, True, False
            if same_base and continues and not cells and run.x - x_end >= GUTTER_MIN * size:
                # a gap wider than a word space: the next column's text, where the page shows a gutter there
                gutters = column_gutters(runs) if gutters is None else gutters
                continues = not across(gutters, x_end, run.x, run.y)
            if same_base and continues and not cells:
                if CLOSING_PUNCTUATION.match(run.text):
                    # a link's or a word's box may end short of where its comma is set ('(GPAI) ,'):
                    # no word space stands before closing punctuation
                    cur[-1].text = cur[-1].text.rstrip() if cur[-1].text.strip() else cur[-1].text
                elif not _glued_hyphen(runs, index) and run.x > x_end + (HYPHEN_GAP if _at_hyphen(cur[-1].text, run.text) else 0.15) * run.size \
                        and not cur[-1].text.endswith(" ") and not run.text.startswith(" "):
                    run.text = " " + run.text  # a gap on the page is a space in the text
                cur.append(run)
                # reportlab-style runs all carry the line's start x: their width adds up
                x_end = x_end + run.width if same_x else run.x + run.width
                continue
        groups.append([run])
        x_end = run.x + run.width
    lines: list[Line] = []
    for group in with_raised_numbers(groups):
        chars = Counter()
        for r in group:
            chars[round(r.size, 1)] += len(r.text.strip())
        body = max(chars, key=lambda s: (chars[s], s))
        text = ""
        markers: list[tuple[int, int]] = []
        spots: list[tuple[int, float, float]] = []
        kept: list[Run] = []
        base = max(group, key=lambda r: r.size).y
        for k, r in enumerate(group):
            raised = r.rise > 0.05 * body or r.y - group[0].y > 0.15 * body
            glued = bool(text.strip()) and not text[-1:].isspace() and not r.text[:1].isspace()
            # a unit's power or a formula's subscript, set right after its letters, stays in the text ('mi²', 'CO₂'), and
            # an isotope's mass number before its symbol ('¹³¹I')
            small = None
            if raised and r.size < 0.9 * body:
                small = (as_power(text, r.text.strip()) if glued else None) or mass_number(text, r.text, group[k + 1].text if k + 1 < len(group) else "")
            if glued and not raised and is_subscript(text, r.text.strip(), r.size, base - r.y - r.rise, body):
                small = r.text.strip().translate(SUBSCRIPT)
            if small:
                text += small + (" " if r.text[-1:].isspace() else "")
                kept.append(r)
                continue
            if text.strip() and r.size < 0.9 * body and raised and MARKER_TEXT.match(r.text):
                end = len(text.rstrip())
                numbers = parse_marker_numbers(r.text.replace("–", "-"))
                markers.extend((end, n) for n in numbers)
                spots.extend((n, r.x + r.width / 2, r.y + r.rise + r.size / 2) for n in numbers)
                if r.text[-1:].isspace():
                    text += " "  # the word space set inside the marker's run ('growing,12,13 despite'), not 'growing,despite'
                continue
            text += r.text
            kept.append(r)
        cleaned = collapse_space(text, markers)  # one space between words, markers moved along
        if not cleaned.text:
            continue
        text, markers = cleaned.text, list(cleaned.markers)
        x0 = min(r.x for r in group)
        x1 = max(x0 + sum(r.width for r in group), max(r.x + r.width for r in group))
        lines.append(Line(
            page=page_no, x0=x0, x1=x1, y=group[0].y, size=body,
            bold=all(r.bold for r in kept if r.text.strip()), text=text, markers=markers, runs=group, marker_boxes=spots,
        ))
    return lines



def on_page(lines: list[Line], box: tuple[float, float, float, float]) -> list[Line]:
    """The lines that start on the page (its box: left, bottom, right, top): a spread exported as single
    pages (a table across two pages) draws its whole width on each, clipped, so a line that starts off
    the page is the other page's text, read there, not twice; a line that starts on the page and runs
    past its edge stays whole.

    >>> [l.text for l in on_page([Line(0, 500, 700, 700, 9, False, "here"), Line(0, -114, 184, 700, 9, False, "there")], (0, 0, 595, 842))]
    ['here']
    """
    left, bottom, right, top = box
    return [l for l in lines if left - OFF_PAGE <= l.x0 < right and bottom - OFF_PAGE <= l.y <= top + OFF_PAGE]


OFF_PAGE = 1.0
"""Points a line may start outside the page's box and still be the page's (rounding at its edge)."""


# --- page furniture and layout -----------------------------------------------------------------


def mark_furniture(pages: list[list[Line]], sizes: list[tuple[float, float]], labels: list[str]) -> None:
    """Running headers/footers (same text, digits aside, same place on many pages), a chapter's running
    head (any text where the report's running head stands, in its type: the UK strategy heads its even
    pages with the chapter's title, 'AI presents unique opportunities and challenges' on two pages,
    where 'National AI Strategy' heads thirty odd ones), lone page numbers and watermarks."""
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    printed: dict[str, set[int]] = defaultdict(set)  # the same by text alone, wherever on the page
    for lines in pages:
        for line in lines:
            place = _place(line)
            seen[place].add(line.page)
            printed[place[0]].add(line.page)
    threshold = max(3, int(0.3 * len(pages)))
    # where the report prints its running heads: the place and type of a head set on many pages (a
    # heading printed at the top of a page is set larger or bolder than its running head)
    slots = {_slot(line) for lines in pages for line in lines if len(seen[_place(line)]) >= threshold}
    # margins are set in points, not in shares of a page: a landscape page (the OECD review's annex tables) prints
    # its foot and folio as far from its edges as the report's upright pages do, so the bands are the typical page's
    # (its folio, 12% down a 595 pt page, is in the band so); the same text anywhere in its wider margins is the
    # running head or foot too (LANDSCAPE_MARGIN)
    typical = float(np.median([h for _, h in sizes])) if sizes else 0.0
    marked = max(threshold, WATERMARK_PAGES * len(pages))
    for lines in pages:
        if not lines:
            continue
        height = sizes[lines[0].page][1]
        page_size = float(np.median([l.size for l in lines]))
        for line in lines:
            place = _place(line)
            if len(seen[place]) >= marked and line.size >= WATERMARK_SIZE * page_size:
                line.role = "furniture"  # a watermark ('DRAFT' in 90 pt across every page), wherever it stands
                continue
            band = in_band(line, height, typical)
            repeated = len(seen[place]) >= threshold or _slot(line) in slots
            # not a number alone there (a chapter's number, a year), which any folio would seem to repeat
            margin = line.y > (1 - LANDSCAPE_MARGIN) * height or line.y < LANDSCAPE_MARGIN * height
            if band and (repeated or _is_page_number(line.text, line.page, labels)) \
                    or margin and len(printed[place[0]]) >= threshold and re.search(r"[^\d\s#]", place[0]):
                line.role = "furniture"


WATERMARK_PAGES = 0.5
WATERMARK_SIZE = 2.0
"""A line printed at one place on half the pages or more, in type twice the page's usual size or larger, is a
watermark, wherever it stands: a draft's 'DRAFT' set in 90 pt across the middle of every page was read as a heading,
a section on each page (found on a LaTeX class's sample). A report's own text does not repeat so."""

HEAD_BAND = 0.1
FOOT_BAND = 0.08
"""The page's top tenth and bottom 8%, in shares of the typical page's height: where running heads and feet stand
(`mark_furniture`, and `heads.py` for chapters' heads)."""


def in_band(line: Line, height: float, typical: float) -> bool:
    """Whether `line` stands where running heads or feet do, on a page `height` high (`typical`: the usual page's)."""
    return height - line.y < HEAD_BAND * typical or line.y < FOOT_BAND * typical


LANDSCAPE_MARGIN = 0.15
"""Share of a page's height at its top and at its bottom where a line printed on many pages, wherever
it stands there, is the running head or foot: a landscape page in a portrait report (the OECD review's
annex tables) sets its foot 10% up the page and its folio 12% down, outside the 8% and 10% bands."""


def _place(line: Line) -> tuple[str, int]:
    """A line's text (digits aside: a running head's page number) and its place on the page (6 pt bands)."""
    return re.sub(r"\d+", "#", line.text.casefold()), round(line.y / 6)


def _slot(line: Line) -> tuple[int, int, bool]:
    """Where and in what type a line is set: its place on the page (6 pt bands), size and weight."""
    return round(line.y / 6), round(line.size), line.bold


IMPRINT_PAGES = 3
"""The closing pages where a report prints its imprint (publisher, copyright, licence, ISBN) and
repeats it on the back cover."""

IMPRINT_SHARED = 3
"""Lines of two words or more that two of the closing pages both print: the imprint repeated, not text."""

IMPRINT_SHARE = 0.5
"""The share of the shorter page's lines (of two words or more) the two pages print alike, at least: a back cover
repeats most of what it prints (the UK strategy's, 5 of its 7 lines). Pages of text that share a few labels print
little alike (a reference card's three pages, 2 to 7 of 238 to 270 lines; a data model's diagram pages, 'Name:'
'Version:', 9 of 26): read as an imprint and its copy, whole pages of them were dropped."""


def mark_imprint(pages: list[list[Line]]) -> None:
    """The imprint: closing pages that print three or more of the same lines, half the shorter one's or more (the UK strategy's
    'Published in September 2021 by ...', '© Crown copyright 2021', ISBN on its last page and again on
    the back cover) are not the last section's text. The copy of most lines is the "imprint" (read as
    the report's front matter, `front.py`: who published it, when), the others furniture, the whole
    page. Body text is not repeated on another page; running heads are furniture already."""
    closing = [lines for lines in pages[-IMPRINT_PAGES:] if lines]
    texts = [{" ".join(l.text.split()).casefold() for l in lines if l.role != "furniture" and len(l.text.split()) >= 2} for lines in closing]
    copies = [k for k in range(len(closing)) if any(j != k and len(texts[k] & other) >= max(IMPRINT_SHARED, IMPRINT_SHARE * min(len(texts[k]), len(other)))
                                                   for j, other in enumerate(texts))]
    kept = max(copies, key=lambda k: (sum(1 for l in closing[k] if l.role != "furniture"), -k), default=None)
    for k in copies:
        for line in closing[k]:
            line.role = "imprint" if k == kept and line.role != "furniture" else "furniture"


def _is_page_number(text: str, index: int, labels: list[str]) -> bool:
    """'17' on the page labelled 17 (or near its physical number), 'iv', 'Page 3 of 30'; not a year."""
    if not PAGE_NUMBER_LINE.match(text):
        return False
    digits = re.findall(r"\d+", text)
    if not digits:
        return True  # roman
    n = int(digits[0])
    printed = labels[index] if index < len(labels) else ""
    return str(n) == printed or abs(n - (index + 1)) <= 3


def body_size(pages: list[list[Line]]) -> float:
    chars: Counter = Counter()
    for lines in pages:
        for line in lines:
            if line.role != "furniture":
                chars[round(line.size, 1)] += len(line.text)
    return max(chars, key=lambda s: chars[s]) if chars else 10.0


TABLE_SPREAD = 4.5
"""How far (in type sizes) a header row's first and last cells stand apart at least: 40 pt at the
Blueprint's 9 pt, 24 pt for a browser's 5.3 pt table in a narrow column; closer bold words are one
phrase, not cells."""


def mark_tables(lines: list[Line]) -> None:
    """Find table regions: a row of 2+ short bold cells, then lines at those cells' x positions."""
    by_y: dict[float, list[Line]] = defaultdict(list)
    for line in lines:
        if line.role != "furniture":
            by_y[round(line.y)].append(line)
    done: set[int] = set()
    ys = sorted(by_y, reverse=True)
    for y in ys:
        row = sorted(by_y[y], key=lambda l: l.x0)
        if len(row) < 2 or id(row[0]) in done or any(l.role == "table" for l in row) \
                or not all(l.bold and word_count(l.text) <= 6 for l in row) \
                or max(l.size for l in row) - min(l.size for l in row) > 0.5:  # a chapter number beside its title is no header row
            continue
        columns = [l.x0 for l in row]
        if columns[-1] - columns[0] < TABLE_SPREAD * max(l.size for l in row):  # a narrow table in small type spreads less
            continue
        region = [l for l in lines if l.role != "furniture" and l.y < y - 0.5]
        members = table_members(region, columns, y)
        if not members:
            continue
        mark_table(row, members, columns)
        done.update(id(l) for l in row)


def table_members(region: list[Line], columns: list[float], top: float | None) -> list[Line]:
    """The lines under a header row (at `top`; None: from the top of a page) that stand in its columns."""
    members: list[Line] = []
    last_y = top
    for line in region:
        if last_y is not None and last_y - line.y > 4 * line.size + 8:
            break
        if line.x0 < columns[0] - 3 or (line.x0 < columns[1] - 3 and line.x1 > columns[1] + 3):
            break
        if re.match(r"^(Sources?|Notes?)\s*:", line.text) or (members and abs(line.size - members[0].size) > 0.3) or line.table_row >= 0:
            break
        members.append(line)
        last_y = line.y
    return members


def mark_table(header: list[Line], members: list[Line], columns: list[float]) -> None:
    for l in header:
        l.role = "table"
        l.level = -1  # the header row
    for l in members:
        l.role = "table"
        l.table_column = max(i for i, x in enumerate(columns) if l.x0 >= x - 3)

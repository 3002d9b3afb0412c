"""Reading order: lines of a page -> the order a reader follows, column by column.

- a Contents row printed as a title and, far to its right, a page number on the same baseline is
  one line ("Foreword<tab>4"), not text in two columns;
- a gutter is a vertical strip no line crosses, with lines on both sides (at least three each) and
  the lines on its right starting at a common left edge; lines that cross it (a chapter title, a
  full-width figure) cut the page into bands, and each band is read left column, then right; a column of
  text found so may hold a gutter of its own, between columns of text (three columns: the IRS's instructions);
- tables keep their rows; page furniture goes last.

>>> order = reading_order(lines, (595.0, 842.0))  # doctest: +SKIP
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from statistics import median

from ..conventions import PAGE_NUMBER_LINE
from .grid import mark_wide_tables
from .layout import Line, mark_tables

MIN_COLUMN_LINES = 2
"""Lines needed on each side of a gutter, starting at one left edge on its right (a page of two
columns has dozens; a column's last two lines may run over to the top of the next)."""

CENTRE_TOLERANCE = 4
"""Points within which all the lines beside a column share their axis to be read as one centred block (the UK
strategy's foreword sets each minister's name and title centred beside the text, their centres within 2
points; the OECD review's tables centre their cells on several axes, 90 points apart)."""



def reading_order(lines: list[Line], size: tuple[float, float]) -> list[Line]:
    """Top to bottom; on stretches with columns, each column in turn. Tables keep their rows."""
    lines = sorted(lines, key=lambda l: (-round(l.y, 1), l.x0))
    furniture = [l for l in lines if l.role == "furniture"]
    body = _join_page_numbers([l for l in lines if l.role != "furniture"])
    # a table across a page of one column looks like two columns of text: found first, it keeps its cells
    body = mark_wide_tables(body)
    if _gutter(body, 0.0, size[0]) is None:
        mark_tables(body)  # one column: a table may run the page's width (with columns, each column's own)
    return _left_first(_order(body, 0.0, size[0], depth=0)[0]) + furniture


BASELINE_TOLERANCE = 1.0
"""Points within which a line wholly left of the one before it in top-down order shares its baseline: the OECD
review's acronyms list sets "NCSSIA" 0.1 pt under the first line of its long form, which had come first ("National
Cross-Sectoral Strategy for Integrity and Anti- / NCSSIA / Corruption")."""


def _left_first(lines: list[Line]) -> list[Line]:
    """Lines in reading order, each pair next to one another whose second stands wholly left of the first and at most
    BASELINE_TOLERANCE under it swapped: left to right on one baseline (in reading order, not before the columns are
    found: there a line of the left column a little under one of the right would move ahead of it, and the columns'
    stretches change)."""
    out = list(lines)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.page == b.page and 0 < a.y - b.y <= BASELINE_TOLERANCE and b.x1 < a.x0:
            out[i], out[i + 1] = b, a
    return out


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


MAX_COLUMNS = 4
"""Columns a stretch of a page is read in at most: a gutter is looked for again in each column found (the IRS's
instructions set three, 163 pt wide with 18 pt gutters; Amazon's 2022 sustainability report four on a landscape
page, 240 pt wide with 16-20 pt gutters)."""

MIDDLE = (0.35, 0.65)
"""Where across a stretch its gutter is looked for first (shares of its width): two columns of a page, or the middle
one of four."""

ASIDE = (0.1, 0.9)
"""Where else a gutter between columns of text may stand (shares of the stretch's width): two columns in the left half
of a landscape page beside a photograph (Amazon's report, p39: 34-284 and 293-539 pt of 1,088), a narrow column of
affiliations beside an abstract (the Turkish journal article, p361: 45-141 and 172-524 pt of 595)."""


def _order(lines: list[Line], left_edge: float, right_edge: float, depth: int, first: int = 1) -> tuple[list[Line], int]:
    """The lines in reading order and how many columns side by side they make at most; column numbers from `first`
    (left to right: `Line.column`), set on stretches of columns (depth 0 leaves a page of one column at 0)."""
    found = _best_gutter(lines, left_edge, right_edge, depth) if depth < MAX_COLUMNS - 1 else None
    if found is None:
        return lines, 1
    gutter, right_start = found
    right_end = max((l.x1 for l in lines if l.x0 >= gutter - 3), default=right_edge)
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    most = 1

    def flush() -> None:
        nonlocal most
        if depth == 0 and left and not right:  # lines between full-width ones with nothing beside them: short lines of
            for line in left:                  # one column (the OECD review's bullets under a table of two columns)
                line.column = 0
        for side in (left, right):  # a table set inside one column (the page-wide search saw both columns)
            if any(l.role == "" for l in side):
                mark_tables(side)
        ordered, count = _order(left, left_edge, gutter, depth + 1, first) if left else ([], 1)
        if right:
            for line in right:
                line.column = first + count
        ordered_right, count_right = _order(right, gutter, right_edge, depth + 1, first + count) if right else ([], 0)
        most = max(most, count + count_right if left and right else 1)
        out.extend(ordered + ordered_right)
        left.clear()
        right.clear()

    sides = _row_sides(lines, min(gutter, right_start))
    for line in lines:
        if line.role == "table" and sides.get(line.table_row, 0) < 0:  # a row set in one column: read with that column
            left.append(line)
            line.column = first
        elif line.role == "table" and sides.get(line.table_row, 0) > 0:
            right.append(line)
            line.column = first + 1
        elif line.role == "table":  # a table across the page (`mark_wide_tables`): its rows in place
            flush()
            out.append(line)
        elif line.x0 < min(gutter, right_start) - 3 and (line.x1 <= gutter + 3 or line.x1 < right_start + 0.5 * (right_end - right_start)):
            # (a long URL may run past its column's edge into the next: it still belongs to its column)
            left.append(line)
            line.column = first
        elif line.x0 >= min(gutter, right_start) - 3:
            right.append(line)
            line.column = first + 1
        else:
            flush()
            out.append(line)
    flush()
    return out, most


def _row_sides(lines: list[Line], gutter: float) -> dict[int, int]:
    """For each row of a table found by its rules or its values (`Line.table_row`), the side of `gutter` all its lines
    stand on: -1 left, 1 right, 0 across (read in place). A table set in one column beside columns of text (Amazon's
    2022 report, p44: findings by subcategory beside two columns of prose) is read with its column: in place, its rows
    had cut the prose beside it apart between them."""
    rows: dict[int, list[Line]] = {}
    for line in lines:
        if line.role == "table" and line.table_row >= 0:
            rows.setdefault(line.table_row, []).append(line)
    return {k: -1 if all(l.x1 <= gutter + 3 for l in own) else 1 if all(l.x0 >= gutter - 3 for l in own) else 0
            for k, own in rows.items()}


def _best_gutter(lines: list[Line], left_edge: float, right_edge: float, depth: int) -> tuple[float, float] | None:
    """The gutter a stretch is read by: the one in its middle (`MIDDLE`), else one off the middle (`ASIDE`) between
    columns of text (`_text_columns`, a narrow one beside a wide one) that few lines cross, also where the middle one
    pairs few of the lines the other pairs (ASIDE_PAIRS)."""
    middle = _gutter(lines, left_edge, right_edge, strict=depth > 0, keyed=True)
    if middle is not None and middle[2][0] * ASIDE_PAIRS >= len(lines):
        return middle[:2]
    aside = _gutter(lines, left_edge, right_edge, strict=True, keyed=True, span=ASIDE, side=True)
    if aside is not None and (middle is None or aside[2][0] > ASIDE_PAIRS * middle[2][0]):
        return aside[:2]
    return middle[:2] if middle is not None else None


ASIDE_CROSSING = 0.25
"""Lines across a gutter off the middle, at most, for each line it pairs: a page's running title or a heading across
the columns (Amazon's report, p59: the chapter's name over 61 lines in two columns); the IRS's tip boxes, set in a
column beside the text of the column before, are crossed by that column's lines (39 across, 11 paired)."""

ASIDE_PAIRS = 2
"""A gutter off the middle is taken over one in the middle where it pairs this many times the lines (the Turkish
journal article, p361: a gutter in the middle pairs the head's six lines, the journal's name beside the article's
kind; the one beside the affiliations 57); where the middle one pairs half the stretch's lines or more, it stands
(the IRS's instructions: the gutter between columns 2 and 3, crossed by one line, not the one before column 2)."""


def _gutter(lines: list[Line], left_edge: float, right_edge: float, strict: bool = False, *, keyed: bool = False,
            span: tuple[float, float] = MIDDLE, side: bool = False):
    """The x of a gutter between left_edge and right_edge and where its right column starts, or None (`keyed`: and
    the lines it pairs and, negated, crosses).

    Lines crossing a candidate x cut the page into bands; a band with lines on both sides of x and
    none across is a stretch of two columns. The gutter is the x with the most lines in such
    stretches (then the fewest crossing), and its right column must start at one left edge.

    `strict` (inside a column already found): both sides must be columns of text (`_text_columns`), not a table's
    cells, which stand beside one another in a column as columns do on a page; `side`: one of them may be narrow, set
    on baselines of its own, and few lines cross the gutter (ASIDE_CROSSING). `span`: where across the stretch to look
    (shares of its width)."""
    text = sorted((l for l in lines if l.role in ("", "heading") and l.x1 - l.x0 > 2), key=lambda l: -l.y)
    if len(text) < 2 * MIN_COLUMN_LINES:
        return None
    width = right_edge - left_edge
    best: tuple[int, int] | None = None  # (side by side, -crossing)
    runs: list[float] = []
    starts_at: dict[float, list[float]] = {}
    for step in range(int(span[0] * width), int(span[1] * width) + 1, 2):
        x = left_edge + step
        paired, crossing, left, right, starts = 0, 0, 0, 0, []
        band: list[float] = []
        ends: list[float] = []
        left_spans: list[tuple[float, float, float]] = []  # (x0, x1, size) of the band's lines on each side
        right_spans: list[tuple[float, float, float]] = []
        left_ys: list[float] = []
        right_ys: list[float] = []
        for l in text + [None]:
            if l is None or (l.x0 < x - 1 and l.x1 > x + 1):
                # a column's lines run to its edge (justified or ragged); a table's first cells stop short
                filled = sorted(ends)[int(0.8 * (len(ends) - 1))] >= x - 0.2 * (x - left_edge) if ends else False
                if left >= MIN_COLUMN_LINES and right >= MIN_COLUMN_LINES and (filled or _apart(left_ys, right_ys)) \
                        and (not strict or filled and _text_columns(left_spans, right_spans, x, left_ys, right_ys, side)):
                    paired += left + right
                    starts += band
                crossing += l is not None
                left, right, band, ends, left_ys, right_ys, left_spans, right_spans = 0, 0, [], [], [], [], [], []
            elif l.x1 <= x + 1:
                left += 1
                ends.append(l.x1)
                left_ys.append(l.y)
                left_spans.append((l.x0, l.x1, l.size))
            else:
                right += 1
                band.append((round(l.x0), round((l.x0 + l.x1) / 2)))
                right_ys.append(l.y)
                right_spans.append((l.x0, l.x1, l.size))
        if paired < 2 * MIN_COLUMN_LINES or side and crossing > ASIDE_CROSSING * paired:
            continue
        key = (paired, -crossing)
        if best is None or key > best:
            best, runs, starts_at = key, [x], {x: starts}
        elif key == best and runs and x - runs[-1] <= 2:
            runs.append(x)
            starts_at[x] = starts
    if best is None:
        return None
    x = (runs[0] + runs[-1]) / 2
    starts = Counter(start for start, _ in starts_at[runs[0]])
    if starts and max(starts.values()) >= MIN_COLUMN_LINES:
        found = x, float(max(starts, key=lambda k: starts[k]))
        return (*found, best) if keyed else found
    # a block set centred beside the text (a portrait's name and title): its lines share a centre, not an
    # edge; a table's cells centred in several columns stand on several axes
    centres = [centre for _, centre in starts_at[runs[0]]]
    if len(centres) >= MIN_COLUMN_LINES and max(centres) - min(centres) <= CENTRE_TOLERANCE:
        found = x, float(min(start for start, _ in starts_at[runs[0]]))
        return (*found, best) if keyed else found
    return None  # text to the right, but no column edge: scattered labels, not a column


TEXT_COLUMN_WIDTH = 8.0
"""A column of text's lines, in type sizes, are this wide at least (their median): the IRS's columns' lines 15 em,
where a table's cells set in a column ('Japanese', 'Japan', '/usr/share/man/ja_JP.jis' in the FHS's tables, a
check mark in gpredict's) are a few words."""


SIDE_COLUMN_WIDTH = 5.0
"""A narrow column's lines beside a column of text, in type sizes, are this wide at least (their median): the Turkish
journal article's affiliations, 'Muğla University,' 7 em, 'The School of Physical' 9 em; a list's numbers or bullets
are an em or two."""


SIDE_COLUMN_LINES = 4
"""Lines each side of a gutter off the middle has at least where the two stand on baselines of their own but need no
common right edge (the Turkish journal article's affiliations: 13 lines; Amazon's report, p39: 27 and 21); the OECD
review's monitoring template sets two lines of instructions beside a table's cells."""


def _text_columns(left: list[tuple[float, float, float]], right: list[tuple[float, float, float]], x: float,
                  left_ys: list[float] = (), right_ys: list[float] = (), side: bool = False) -> bool:
    """Whether the lines either side of a gutter at x, (x0, x1, size) each, are columns of text: wide lines on both
    sides (TEXT_COLUMN_WIDTH), most of the right side's running to one right edge (the left side's: the caller).
    `side` (a gutter off the middle): one side may be a narrow column (SIDE_COLUMN_WIDTH) beside a column of text, and
    the two must stand on baselines of their own both ways (`_apart`), SIDE_COLUMN_LINES lines each or more, with no
    common right edge needed (Amazon's report sets short paragraphs and bullets in a ragged column): a glossary's terms
    and a table's cells stand on their definitions' and their row's baselines (the WHO guideline's glossary, p xiii:
    terms 8 em wide, read as a column of their own before)."""
    if not right or not left:
        return False
    size = median(s for _, _, s in left + right)
    narrow, wide = sorted(median(x1 - x0 for x0, x1, _ in spans) for spans in (left, right))
    if wide < TEXT_COLUMN_WIDTH * size or narrow < (SIDE_COLUMN_WIDTH if side else TEXT_COLUMN_WIDTH) * size:
        return False
    if side:
        return min(len(left), len(right)) >= SIDE_COLUMN_LINES and _apart(list(left_ys), list(right_ys)) \
            and _apart(list(right_ys), list(left_ys))
    ends = sorted(x1 for _, x1, _ in right)
    return ends[int(0.2 * (len(ends) - 1))] >= ends[-1] - 0.2 * (ends[-1] - x)


def _apart(left: list[float], right: list[float]) -> bool:
    """Whether two sides' lines stand on baselines of their own: at most ALIGNED_SHARE of the right side's
    lines on a baseline of the left's. Two columns of short lines (a page of contributors' names and
    titles, set in a type that keeps them short of the column's edge) are set each on its own; a table's
    cells share their row's baselines."""
    ys = sorted(left)
    at = (bisect_left(ys, y - BASELINE_TOLERANCE) for y in right)
    shared = sum(1 for y, i in zip(right, at) if i < len(ys) and ys[i] <= y + BASELINE_TOLERANCE)
    return shared <= ALIGNED_SHARE * len(right)


ALIGNED_SHARE = 0.25
"""Share of a band's right-hand lines at most on the left-hand lines' baselines for the band to read as
two columns though its left lines stop short of the gutter (the Blueprint's contributors printed by
Chromium in Liberation Serif or Sans: names and titles set 10 pt apart, the two columns' baselines
1.5-3.5 pt apart)."""

BASELINE_TOLERANCE = 0.5
"""Points within which two lines stand on one baseline."""


def right_edges(lines: list[Line]) -> dict[tuple[int, int], float]:
    """Where body lines end on each page and column: the right edge of the text block. A box's lines set across the
    page count only where no running text does (the UK strategy's box 'What are technical standards ...' spans the
    page over a column of text, whose full lines then looked short and ended paragraphs mid-sentence)."""
    edges: dict[tuple[int, int], float] = {}
    boxed: dict[tuple[int, int], float] = {}
    for line in lines:
        if line.role == "":
            key = (line.page, line.column)
            into = boxed if line.box else edges
            into[key] = max(into.get(key, 0.0), line.x1)
    return {**boxed, **edges}


def column_edges(lines: list[Line], edges: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """`edges`, where a page's lines all stop short (a page of contributors' names and titles, set in
    small type: no line reaches the column's edge) raised to the edge the report's other pages give
    the column with the same left edge (their median)."""
    lefts: dict[tuple[int, int], float] = {}
    for line in lines:
        if line.role == "":
            key = (line.page, line.column)
            lefts[key] = min(lefts.get(key, line.x0), line.x0)
    blocks: dict[tuple[int, int], list[tuple[int, float]]] = defaultdict(list)  # (column, left edge) -> (page, right edge)
    for (page, column), right in edges.items():
        blocks[(column, round(lefts[(page, column)]))].append((page, right))
    out = dict(edges)
    for (page, column), right in edges.items():
        others = [r for p, r in blocks[(column, round(lefts[(page, column)]))] if p != page]
        if others:
            out[(page, column)] = max(right, median(others))
    return out

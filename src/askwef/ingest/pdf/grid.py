"""Tables set across a page: a header row of three or more bold cells over cells of wrapped lines.

Printed across a page of one column, such a table looks like two columns of text to the gutter search
(`columns.py`), so its cells were read column by column or line by line across cells, a cell's sentence
cut into pieces between its neighbours'. Found before the gutter search, its lines keep their cells:

- the header: three or more short bold cells on one baseline, in one size, spread over the page, and the
  bold lines of the same size under them (a header cell wrapped: 'Level of alignment per' 'PAR area');
- the cells: the lines under the header, in one size, up to a source or note line, a line in other type,
  or a gap; the columns are where those lines start (a bullet's wrapped lines, indented, in its column),
  one per header cell, each starting between the header cell before's end and its own cell's start
  (header cells are set left-aligned or centred over their columns);
- a line pypdf ran across two cells ('Palestinian Authority Ministry of ...') is cut at the run that
  starts the next column;
- rows: `row_openings` (a first cell's line after more than a cell's line gap opens a row).

Its lines become paragraphs in `rows.py`.

>>> body = mark_wide_tables(lines)  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..conventions import BULLET_LINE
from ..text import word_count
from .layout import TABLE_SPREAD, Line

WIDE_HEADER_CELLS = 3
"""Header cells a table set across a page needs to be found before the page's columns: a two-column page
shows at most two bold headings side by side (the OECD review's 'Country | Relevant Institutions | Online
Portals' and 'Level of alignment per PAR area | NDP | GRA | Assessment')."""

CORNERED_HEADER_CELLS = 2
"""Header cells a table needs when its first column, of row labels, has no header cell (an empty corner):
the UK strategy's 'Summary of key actions', two pillars over 'Short term (next 3 months):', 'Medium term
...'. Two bold headings over two columns of text have no third column left of the first: no table."""

CELL_INDENT = 2.0
"""Type sizes within which lines starting near one another start in one column: a bullet's wrapped lines
stand 11 pt (1.3 sizes of 8.5 pt) right of the bullet in the OECD review's tables; its columns stand
90 pt or more apart."""

HEADER_WORDS = 10
"""Words a header cell may have: the UK strategy's 'Investing in the Long Term Needs of the AI
Ecosystem' over its key actions; a bold line beside others of more is a phrase of text, not a cell."""

HEADER_LEADING = 1.6
"""Type sizes under a header line within which a bold line of its size is the header cell wrapped (the
OECD review's 'PAR area' 11 pt under 'Level of alignment per', 9 pt type)."""

ROW_GAP = 8.0
"""Type sizes between two of a table's lines beyond which the table has ended: the UK strategy's key
actions leave 55 pt (5.8 sizes) between a row's last action and the next row's first."""

BLOCK_LEADING = 1.3
"""Type sizes above a two-cell header row within which a line of its size, in its columns, makes the row a row of a
block: the aprx manual's listing lines stand 1.1 sizes apart; a header opens its table, under a gap or a title."""

_SOURCE = re.compile(r"^(Sources?|Notes?)\s*:")


def mark_wide_tables(lines: list[Line]) -> list[Line]:
    """`lines` (top down) with the lines of each table across the page marked "table", each with its
    column (header lines level -1), a line run across two cells cut in two."""
    out = list(lines)
    bold = Counter(round(l.y) for l in lines if l.bold and l.role == "")
    # (only baselines with bold lines enough for a header row: a page of text has few)
    baselines = {round(l.y, 1) for l in lines if sum(bold[round(l.y) + d] for d in (-1, 0, 1)) >= CORNERED_HEADER_CELLS}
    for y in sorted(baselines, reverse=True):
        row = sorted((l for l in out if abs(l.y - y) < 0.3 * l.size and l.role == ""), key=lambda l: l.x0)
        if not _header_row(row) or (len(row) < WIDE_HEADER_CELLS and _mid_block(out, row)):
            continue
        found = _table(out, row)
        if found is None:
            continue
        header, members, columns = found
        for l in header:
            l.role, l.level = "table", -1
            l.table_column = _column_of(l.x0 + 0.5 * (l.x1 - l.x0), columns, header=True)
        cut: list[Line] = []
        for l in members:
            cut.extend(_cut(l, columns))
        for l in cut:
            l.role, l.level = "table", 0
            l.table_column = _column_of(l.x0, columns)
        out = [l for l in out if not any(l is m for m in members)] + [l for l in cut]
        out.sort(key=lambda l: (-round(l.y, 1), l.x0))
    return out


def _header_row(row: list[Line]) -> bool:
    """Two or more short bold cells in one size, side by side, spread over the page (two only over a
    column of row labels: `_columns`)."""
    if len(row) < CORNERED_HEADER_CELLS or not all(l.bold and word_count(l.text) <= HEADER_WORDS for l in row):
        return False
    if max(l.size for l in row) - min(l.size for l in row) > 0.5:
        return False
    if any(b.x0 < a.x1 for a, b in zip(row, row[1:])):
        return False
    return row[-1].x0 - row[0].x0 >= TABLE_SPREAD * max(l.size for l in row)


def _mid_block(lines: list[Line], row: list[Line]) -> bool:
    """A line of the row's size just above it, at a line's leading, with a piece starting where each of its cells
    starts: the row is a row of a block of aligned lines (a listing's bold code, 'filter -p/prfx  # substractive
    filters' under 'filter  p/prfx  # additive filters'), not the header opening a table. Only a two-cell header is
    checked: it takes every line under it down to a gap as its rows, so a listing's line read as one swallowed the
    paragraphs after the listing (the aprx manual)."""
    size = max(l.size for l in row)
    above = [l for l in lines if all(l is not r for r in row) and abs(l.size - size) < 0.3
             and 0.3 * size < l.y - row[0].y < BLOCK_LEADING * size]
    return all(any(abs(l.x0 - cell.x0) < CELL_INDENT * size for l in above) for cell in row)


def _table(lines: list[Line], row: list[Line]) -> tuple[list[Line], list[Line], list[float]] | None:
    """(header lines, cell lines, column starts) of the table under header `row`, or None."""
    size = max(l.size for l in row)
    top = row[0].y
    below = [l for l in lines if l.y < top - 0.3 * size and l.role in ("", "figure")]
    header = list(row)
    last = top
    for l in below:  # the header's wrapped cells
        if l.bold and abs(l.size - size) < 0.5 and last - l.y < HEADER_LEADING * size and row[0].x0 - size <= l.x0 <= row[-1].x1:
            header.append(l)
            last = l.y
        elif last - l.y >= HEADER_LEADING * size or not l.bold:
            break
    members: list[Line] = []
    # (row labels without a header cell stand left of the first one)
    wide = len(row) >= WIDE_HEADER_CELLS
    left = row[0].x0 - 3 * size if wide else min(l.x0 for l in lines) - 3
    right = row[-1].x1 + 4 * size if wide else max(l.x1 for l in lines) + 3
    for l in below:
        if l.y >= last - 0.3 * size or any(l is h for h in header):
            continue
        previous = members[-1].y if members else last
        if _SOURCE.match(l.text) or previous - l.y > ROW_GAP * l.size or l.x0 < left or l.x1 > right \
                or (members and abs(l.size - members[0].size) > 0.3) or l.size > size + 0.5 or _band(l, row, members):
            break
        members.append(l)
    columns = _columns(members, row)
    if columns is None:
        return None
    return header, members, columns


def _band(line: Line, row: list[Line], members: list[Line]) -> bool:
    """A bold line across a two-cell header's second cell's start, starting where no cell above starts: a band
    over the table's next part (Table 2.2's 'Overarching goals for PAR in the Financial Reform cluster')."""
    return line.bold and len(row) < WIDE_HEADER_CELLS and line.x0 < row[1].x0 - line.size < row[1].x0 + line.size < line.x1 \
        and all(abs(line.x0 - m.x0) > CELL_INDENT * line.size for m in members)


def _columns(members: list[Line], row: list[Line]) -> list[float] | None:
    """Where the cells' columns start: the members' left edges, those within CELL_INDENT sizes of one
    another one column, each under the header cell whose window it stands in (between the header cell
    before's end and its own cell's start: header cells are set left-aligned or centred). A column with
    no line (a table run on to a page where some cells are empty) starts at its header cell. None unless
    every cluster has its header cell and two or more do."""
    if not members:
        return None
    size = members[0].size
    starts: list[list[float]] = []
    for x in sorted(l.x0 for l in members):
        if starts and x - starts[-1][-1] <= CELL_INDENT * size:
            starts[-1].append(x)
        else:
            starts.append([x])
    corner = len(starts) > 1 and starts[1][0] <= row[0].x0 + 3  # a column of labels left of the first header cell
    if corner:
        labels, starts = starts[0], starts[1:]
    elif len(row) < WIDE_HEADER_CELLS:
        if not _labelled(members, starts, row):
            return None
        return [starts[0][0], starts[1][0]]
    columns: list[float | None] = [None] * len(row)
    for group in starts:
        x = group[0]
        cell = next((i for i, c in enumerate(row) if x <= c.x0 + 3 and (i == 0 or x >= row[i - 1].x1 - 3)), None)
        if cell is None or columns[cell] is not None:
            return None
        columns[cell] = x
    if sum(c is not None for c in columns) < 2 - corner:
        return None
    return ([labels[0]] if corner else []) + [c if c is not None else h.x0 for c, h in zip(columns, row)]


def _labelled(members: list[Line], starts: list[list[float]], row: list[Line]) -> bool:
    """Two header cells over a column of bold row labels and a column of text in the regular weight (the OECD
    review's Table 2.1: 'Coverage of PAR areas' centred over 'Civil service', 'Anticorruption', ...;
    'PAR-related priority measures ...' over their bullets, indented a little): a table, read row by row. Two
    bold headings over two columns of running text are not: neither column is all bold row labels."""
    if len(row) != 2 or len(starts) < 2:
        return False
    size = members[0].size
    first = [l for l in members if l.x0 <= starts[0][-1] + 0.5]
    rest = [l for l in members if l.x0 > starts[0][-1] + 0.5]
    # (the second column's bullets and their wrapped lines, indented further, may be clusters of their own)
    return row_labels(first, rest) and not all(l.bold for l in rest) \
        and starts[0][0] <= row[0].x0 + 3 and row[0].x1 - 3 <= starts[1][0] <= row[1].x0 + CELL_INDENT * size


def row_labels(first: list[Line], rest: list[Line]) -> bool:
    """Whether a first column's lines are row labels: two or more, all bold (Table 2.1's), or each level with a
    bullet the next column opens (Table 2.2's 'Civil Service area', regular weight); running text is not."""
    level = all(any(abs(l.y - r.y) < 0.3 * l.size and BULLET_LINE.match(r.text) for r in rest if r.page == l.page) for l in first)
    return bool(first) and (level or (len(first) >= 2 and all(l.bold for l in first)))


def _column_of(x: float, columns: list[float], header: bool = False) -> int:
    """The column a line starting (a header cell: centred) at x stands in."""
    if header:
        return min(range(len(columns)), key=lambda i: abs(columns[i] - x) if x >= columns[i] - 3 else 1e9)
    return max([i for i, c in enumerate(columns) if x >= c - 3], default=0)


def _cut(line: Line, columns: list[float]) -> list[Line]:
    """A line pypdf ran across cells, cut at the first run that starts a column right of the line's own:
    'Palestinian Authority Ministry of Telecommunications ...' -> 'Palestinian Authority', 'Ministry of ...'."""
    starts = [c for c in columns if c > line.x0 + 3 and c < line.x1 - 3]
    runs = [r for r in line.runs if r.text.strip()]
    if not starts or len(runs) < 2:
        return [line]
    cut = next((k for k, r in enumerate(runs) if k and abs(r.x - starts[0]) < 3), None)
    if cut is None:
        return [line]
    first, rest = cut_at(line, runs, cut)
    return [first] + _cut(rest, columns)


def cut_at(line: Line, runs: list, k: int) -> tuple[Line, Line]:
    """`line` cut in two before its `k`th run of `runs` (its runs with text), each piece its runs' extent and text."""
    head, tail = runs[:k], runs[k:]
    first = replace(line, x1=head[-1].x + head[-1].width, text=" ".join("".join(r.text for r in head).split()), runs=head, markers=[])
    rest = replace(line, x0=tail[0].x, text=" ".join("".join(r.text for r in tail).split()), runs=tail, markers=[])
    return first, rest


def table_rows(cells: list[Line], opens: set[int] | None = None) -> list[tuple[list[Line], list[Line]]]:
    """A table's rows, (first cell's lines, other cells' lines), page by page; the ids of the lines that
    open a cell go in `opens` (a cell's paragraphs are items of their own). A first cell is its column's
    lines within a cell's line gap (the smallest gap between lines of one column: 10.1 pt in the OECD
    review's portals table, whose rows are 12.2 pt apart; when no line wraps, each line). Two rows part
    just above the next label when every other column opens a cell beside it (a row set at its label's
    top), else at the widest gap between lines of any column from one label's last line down to the
    next's first (a label centred on its row: the UK strategy's 'Short term (next 3 months):' beside its
    actions); every other cell goes whole to the row where it starts. Lines above a page's first label
    go on the row before when a row's gap parts them from it (a table run on to a new page)."""
    gaps = []
    for column in {l.table_column for l in cells}:
        own = by_rows([l for l in cells if l.table_column == column])
        gaps += [a.y - b.y for a, b in zip(own, own[1:]) if a.page == b.page and a.y - b.y > 0.5 * a.size]
    leading = min(gaps, default=0.0)
    rows: list[tuple[list[Line], list[Line]]] = []
    for page in sorted({l.page for l in cells}):
        on = by_rows([l for l in cells if l.page == page])
        size = on[0].size
        firsts = [l for l in on if l.table_column == 0]
        single = all(any(abs(f.y - l.y) < 0.3 * l.size for f in firsts) for l in on)
        labels: list[list[Line]] = []
        for line in firsts:
            if labels and not single and labels[-1][-1].y - line.y <= leading + 0.1 * size:
                labels[-1].append(line)
            else:
                labels.append([line])
        others = [l for l in on if l.table_column != 0]
        if not labels:
            (rows[-1][1].extend(others) if rows else rows.append(([], others)))
            continue
        cuts = [(b[0].y + 0.5 * size, leading) if _level_with(on, b[0], leading + 0.1 * size) else _widest_gap(on, a[-1].y, b[0].y, size)
                for a, b in zip(labels, labels[1:])]
        top = _widest_gap(on, float("inf"), labels[0][0].y, size)
        earlier = rows[-1] if rows and top is not None and top[1] > leading + 0.1 * size else None
        start = len(rows)
        rows.extend((label, []) for label in labels)
        for cell in _cells(others, leading + 0.1 * size):
            if earlier is not None and cell[0].y > top[0]:
                earlier[1].extend(cell)  # (a cell run on from the page before: the same item)
                continue
            if opens is not None:
                opens.add(id(cell[0]))  # a cell's paragraph: its own item
            k = sum(1 for cut in cuts if cut is not None and cell[0].y < cut[0])
            rows[start + k][1].extend(cell)
    return rows


def _cells(lines: list[Line], gap: float) -> list[list[Line]]:
    """Each column's lines in runs no wider apart than `gap`: a cell, kept whole in the row where it
    starts (a cell set across three rows, centred on them: the OECD review's 'Good integrity coverage.
    Transparency, accountability, and ...' beside 'Integrity', 'Transparency and accountability' and
    'Engagement with the civil society')."""
    out: list[list[Line]] = []
    for column in sorted({l.table_column for l in lines}):
        for line in (l for l in lines if l.table_column == column):
            if out and out[-1][-1].table_column == column and out[-1][-1].y - line.y <= gap:
                out[-1].append(line)
            else:
                out.append([line])
    return out


def _level_with(lines: list[Line], label: Line, gap: float) -> bool:
    """Whether every other column with lines there opens a cell on the label's baseline (a row set at its
    label's top: the row starts there, whatever gaps its cells leave above, as the OECD review's
    committees table sets 'Main PAR institutions not included: ...' 22 pt under its row's other lines)."""
    columns = {l.table_column for l in lines if l.table_column != 0}
    if not columns:
        return False
    for column in columns:
        own = [l for l in lines if l.table_column == column]
        at = next((k for k, l in enumerate(own) if abs(l.y - label.y) < 0.3 * l.size), None)
        if at is None or (at and own[at - 1].y - own[at].y <= gap):
            return False
    return True


def _widest_gap(lines: list[Line], upper: float, lower: float, size: float) -> tuple[float, float] | None:
    """(the y halfway across, its height) of the widest gap between baselines from `upper` down to
    `lower` (the lowest of equals), or None with no gap there."""
    ys = sorted({round(l.y, 1) for l in lines if lower - 0.3 * size <= l.y <= upper + 0.3 * size}, reverse=True)
    best: tuple[float, float] | None = None
    for a, b in zip(ys, ys[1:]):
        if a - b > 0.3 * size and (best is None or a - b >= best[1]):
            best = ((a + b) / 2, a - b)
    return best


def by_rows(cells: list[Line]) -> list[Line]:
    """A table's cells top down, those on one baseline left to right; a cell set a fraction of a point
    off its row's baseline is on it (the OECD review's 'Saudi Arabia' 0.2 pt under its institution)."""
    out: list[tuple[int, float, float, Line]] = []
    for line in sorted(cells, key=lambda l: (l.page, -l.y)):
        base = out[-1][1] if out and out[-1][0] == line.page and abs(out[-1][1] - line.y) < 0.25 * line.size else line.y
        out.append((line.page, base, line.x0, line))
    return [l for _, _, _, l in sorted(out, key=lambda t: (t[0], -t[1], t[2]))]


def wide_table(lines: list[Line]) -> bool:
    """A table of three or more columns (`grid.py`): its cells and header read column by column. Its cells'
    columns (`Line.table_column`), not its header's: a header cell over no cell does not make it wide."""
    return any(l.table_column >= 2 for l in lines if l.level != -1)

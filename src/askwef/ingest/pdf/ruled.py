"""Ruled tables: a table under its "Table N" label whose rows the page draws as rules across it, its columns as
rules between them (the OECD review's tables, in its house style: a thin rule under every row, a short upright one
between each pair of cells).

Read as text, such a table's cells were read column by column, or a line of the left cell run into the line of the
right cell beside it ("Setting of annual and multi-annual strategic priorities of the government Co-ordinating the
identification of thematic annual and multi-annual", Table 3.1), and its numbered steps taken for a chart's labels
(Table 4.1's "1.", "3.1."). The rules say where each cell is:

- the *frame*: the rules under the label line (within LABEL_REACH sizes of it), as wide as the widest of them and
  across most of the text (`MIN_WIDTH`), down to the last rule before a "Source:" line, a line outside the frame,
  or a gap taller than any row (`MAX_ROW`);
- its *columns*: the upright rules inside the frame (a table with none is left to `grid.py`);
- its *rows*: the bands between rules across the whole frame; a rule across one column only parts that column's
  cells within the row (a cell of the left column beside four of the right).

A table with no label (a manual's revision history, a table captioned under its last row) is found by its rules alone
(`drawn_frames`): a grid whose column rules part three rows or more (`MIN_ROWS`), under a header row set apart (bold or
shaded), from the highest to the lowest reach of its column rules.

Its lines are marked "table" with their column and row (`Line.table_column`, `Line.table_row`, `Line.table_cell`);
the first row under the label is the header when its cells are short (`HEADER_WORDS`). A table the page ends with may
run on at the top of the next, under a rule as wide, with no label. `rows.py` makes them paragraphs.

>>> mark_ruled_tables(lines, shapes, 10.0)  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..conventions import SOURCE, TABLE
from ..text import word_count
from .grid import cut_at, mark_wide_tables
from .layout import Line
from .regions import numbers_only
from .runs import Shape

RULE_THICKNESS = 2.5
"""Points a rule is at most thick: the OECD review's row rules are 0.7 pt fills, its top and bottom rules 1.5 pt."""

RULE_JOIN = 2.0
"""Points between two pieces of a rule on one level that make one rule (the OECD review draws a row's rule in three
pieces, left cell, the joint, right cell, 0.7 pt apart at most)."""

LABEL_REACH = 3.0
"""Body sizes under the table's label line within which its first rule stands (Table 3.1's 12 pt label 12 pt above it)."""

MIN_WIDTH = 0.6
"""The share of the page's text width a frame spans at least: a table across the page. A table inside one column of
two is left to `grid.py` and `columns.py`, which read that column's stretch."""

MAX_ROW = 0.35
"""The share of the page's height a row may take at most: past it the rules are another table's or a chart's."""

MIN_ROWS = 3
"""Rows parted by every rule between its columns, with cells side by side, a frame with no label needs to be read as a
table (gpredict's revision history has 7 with its header, the OECD review's monitoring templates 2): rules around a
line or two are a box or a chart's grid, not a table."""

HEADER_WORDS = 12
"""Words a header cell may have (Table 3.1's 'Mandate and functions of the General Secretariat of the Council of
Ministers'): longer, the first row is the table's first row of cells."""


@dataclass(frozen=True)
class Rule:
    """A horizontal rule (`y`, from `x0` to `x1`) or an upright one (`x`, from `y0` to `y1`), its pieces joined."""

    at: float
    start: float
    end: float


def rules(shapes: list[Shape]) -> tuple[list[Rule], list[Rule]]:
    """(horizontal rules top down, upright rules left to right): thin fills or strokes, pieces on one level joined."""
    flat = [(round((s.y0 + s.y1) / 2, 1), s.x0, s.x1) for s in shapes
            if s.kind != "image" and s.y1 - s.y0 <= RULE_THICKNESS and s.x1 - s.x0 > RULE_THICKNESS]
    upright = [(round((s.x0 + s.x1) / 2, 1), s.y0, s.y1) for s in shapes
               if s.kind != "image" and s.x1 - s.x0 <= RULE_THICKNESS and s.y1 - s.y0 > RULE_THICKNESS]
    return _joined(flat, reverse=True), _joined(upright, reverse=False)


def _joined(pieces: list[tuple[float, float, float]], *, reverse: bool) -> list[Rule]:
    out: list[Rule] = []
    for at, start, end in sorted(pieces, key=lambda p: (-p[0] if reverse else p[0], p[1])):
        last = out[-1] if out else None
        if last is not None and abs(last.at - at) <= RULE_JOIN / 2 and start <= last.end + RULE_JOIN:
            out[-1] = Rule(last.at, last.start, max(last.end, end))
        else:
            out.append(Rule(at, start, end))
    return out


@dataclass(frozen=True)
class Frame:
    """A ruled table: its extent, the x of the rules between its columns, the y of the rules across it (top down) and
    of the rules across one column only, per column."""

    x0: float
    x1: float
    top: float
    bottom: float
    columns: tuple[float, ...]
    rows: tuple[float, ...]
    parts: tuple[tuple[float, ...], ...]
    joints: tuple[tuple[tuple[float, float], ...], ...]  # per rule between columns, its pieces (y0, y1)
    drawn: bool = False  # found by its rules alone, with no label over it (`drawn_frames`)

    def column(self, x: float) -> int:
        """The column a line starting at `x` stands in (0 the first)."""
        return sum(1 for c in self.columns if x >= c - 1.0)

    def parted(self, row: int) -> tuple[bool, ...]:
        """Per rule between columns, whether it parts the cells of `row` (a row across the table has none)."""
        upper, lower = self.rows[row], self.rows[row + 1]
        middle = (upper + lower) / 2
        return tuple(any(y0 - 1 <= middle <= y1 + 1 for y0, y1 in pieces) for pieces in self.joints)

    def row(self, y: float) -> int:
        """The row a line at `y` stands in (0 the first)."""
        return sum(1 for r in self.rows if y < r) - 1

    def part(self, column: int, row: int, y: float) -> int:
        """The cell of `column` within `row` a line at `y` stands in: the short rules above it within the row."""
        return sum(1 for r in self.parts[column] if y < r < self.rows[row])


def frames(lines: list[Line], shapes: list[Shape], body: float, carried: Frame | None = None) -> list[tuple[Line | None, Frame]]:
    """Each ruled table of a page, with its label line; first, with no label, the table `carried` on from the page
    before when the page's first rule, above all its text, spans it."""
    flat, upright = rules(shapes)
    if len(flat) < 3 or not upright:
        return []
    text = [l for l in lines if l.role not in ("furniture",)]
    if not text:
        return []
    left, right = min(l.x0 for l in text), max(l.x1 for l in text)
    out: list[tuple[Line | None, Frame]] = []
    first = flat[0]
    if carried is not None and first.at > max(l.y for l in text) and abs(first.start - carried.x0) <= 3 and abs(first.end - carried.x1) <= 3:
        frame = _frame(first, flat, upright, text, body)
        if frame is not None:
            out.append((None, frame))
    for label in (l for l in text if TABLE.match(l.text) and l.role in ("", "heading")):
        under = [r for r in flat if label.y - LABEL_REACH * body < r.at < label.y]
        if not under:
            continue
        first = max(under, key=lambda r: (r.end - r.start, r.at))
        if first.end - first.start < MIN_WIDTH * (right - left):
            continue
        frame = _frame(first, flat, upright, text, body)
        if frame is not None:
            out.append((label, frame))
    return out + [(None, f) for f in drawn_frames(flat, upright, text, body, [f for _, f in out], shapes)]


def drawn_frames(flat: list[Rule], upright: list[Rule], lines: list[Line], body: float, found: list[Frame], shapes: list[Shape]) -> list[Frame]:
    """Ruled tables with no "Table N" label over them, found by their rules alone: a frame (`_frame`) from any rule
    across most of the text, outside the tables already `found`, whose rows hold cells side by side in MIN_ROWS rows or
    more under a header row set apart (`_headed`): a manual's revision history under 'Revision History', gpredict's
    Table 4.1 captioned under its last row."""
    left, right = min(l.x0 for l in lines), max(l.x1 for l in lines)
    out: list[Frame] = []
    for rule in flat:
        if rule.end - rule.start < MIN_WIDTH * (right - left) or any(f.bottom - RULE_JOIN <= rule.at <= f.top + RULE_JOIN for f in found + out):
            continue
        frame = _frame(rule, flat, upright, lines, body)
        if frame is None:
            continue
        # (the table is where its columns' rules run: rules across the page over and under it, a running head's and
        # foot's, are no rows of it, nor the text between them and the table)
        reach = [u for u in upright if frame.x0 + 3 < u.at < frame.x1 - 3 and u.start >= frame.bottom - RULE_JOIN and u.end <= frame.top + RULE_JOIN]
        low, high = min(u.start for u in reach) - RULE_JOIN, max(u.end for u in reach) + RULE_JOIN
        within = [r for r in flat if low <= r.at <= high]
        top = next((r for r in within if r.end - r.start >= MIN_WIDTH * (right - left)), None)
        frame = _frame(top, within, upright, lines, body) if top is not None else None
        if frame is not None and not _figures_in(frame, lines):
            # (it ends at a row no rule between columns crosses: a title over the next table; in a table of figures, a
            # band over the rows under it: the FDA's 'Budget Authority', 'User Fees')
            crossed = [any(u.start - 1 <= (a + b) / 2 <= u.end + 1 for u in reach) for a, b in zip(frame.rows, frame.rows[1:])]
            end = crossed.index(False) if False in crossed else len(crossed)
            frame = _frame(top, [r for r in within if r.at >= frame.rows[end]], upright, lines, body)
        if frame is not None and _side_by_side(frame, lines) >= MIN_ROWS and _headed(frame, lines, shapes):
            out.append(replace(frame, drawn=True))
    return out


def _headed(frame: Frame, lines: list[Line], shapes: list[Shape]) -> bool:
    """Whether a frame's first row is a header set apart (`_set_apart`): with no label over it, the header says the rules
    draw a table. Rules around rows with none are read as text: the OECD review's abbreviations, two columns of terms and
    their meanings, each row one line ('PESTLE (analysis) Political, Economic, ...'), and its Annex C templates, whose
    header cells are set like their cells."""
    inside = [l for l in lines if frame.bottom < l.y < frame.top and frame.x0 - RULE_JOIN <= l.x0 and l.x1 <= frame.x1 + RULE_JOIN]
    return _set_apart([l for l in inside if frame.row(l.y) == 0], [l for l in inside if frame.row(l.y) == 1], shapes) \
        or _figures_in(frame, lines)


def _figures_in(frame: Frame, lines: list[Line]) -> bool:
    """Whether the frame's first row is a header of words over rows of figures (`over_figures`)."""
    rows: dict[int, list[Line]] = {}
    for l in lines:
        if frame.bottom < l.y < frame.top and frame.x0 - RULE_JOIN <= l.x0 and l.x1 <= frame.x1 + RULE_JOIN:
            rows.setdefault(frame.row(l.y), []).append(l)
    return over_figures(rows)


def _side_by_side(frame: Frame, lines: list[Line]) -> int:
    """How many of the frame's rows every rule between its columns parts, with text in two or more columns: a grid.
    (The OECD review's monitoring templates draw their columns' rules through a header and a row of column numbers
    only, over rows of instructions, 'Column 1' beside its text: no grid of three rows.)"""
    columns: dict[int, set[int]] = {}
    for l in lines:
        if frame.bottom < l.y < frame.top and l.x0 >= frame.x0 - RULE_JOIN and l.x1 <= frame.x1 + RULE_JOIN:
            columns.setdefault(frame.row(l.y), set()).add(frame.column(l.x0))
    return sum(1 for row, held in columns.items() if len(held) >= 2 and all(frame.parted(row)))


def _frame(first: Rule, flat: list[Rule], upright: list[Rule], lines: list[Line], body: float) -> Frame | None:
    x0, x1 = first.start, first.end
    width = x1 - x0
    inside = [r for r in flat if r.at <= first.at and r.start >= x0 - RULE_JOIN and r.end <= x1 + RULE_JOIN]
    page_height = max((l.y for l in lines), default=800.0)
    across = [first.at]
    for r in inside:
        if r.at >= across[-1] or r.end - r.start < 0.95 * width:
            continue
        between = [l for l in lines if r.at < l.y < across[-1]]
        if across[-1] - r.at > MAX_ROW * page_height or any(l.x0 < x0 - RULE_JOIN or l.x1 > x1 + RULE_JOIN or SOURCE.match(l.text)
                                                            for l in between):
            break
        across.append(r.at)
    if len(across) < 3:
        return None
    top, bottom = across[0], across[-1]
    joints = [u for u in upright if x0 + 3 < u.at < x1 - 3 and u.start >= bottom - RULE_JOIN and u.end <= top + RULE_JOIN]
    merged: list[float] = []
    for c in sorted(u.at for u in joints):
        if not merged or c - merged[-1] > 3:
            merged.append(c)
    if not merged:
        return None
    segments = tuple(tuple((u.start, u.end) for u in joints if abs(u.at - c) <= 3) for c in merged)
    edges = [x0, *merged, x1]
    parts = tuple(
        tuple(r.at for r in inside if bottom < r.at < top and r.end - r.start < 0.95 * width
              and r.start >= edges[k] - RULE_JOIN - 1 and r.end <= edges[k + 1] + RULE_JOIN + 1)
        for k in range(len(edges) - 1))
    return Frame(x0, x1, top, bottom, tuple(merged), tuple(across), parts, segments)


def mark_ruled_tables(lines: list[Line], shapes: list[Shape], body: float, carried: Frame | None = None) -> tuple[list[Line], Frame | None]:
    """`lines` with each ruled table's lines marked "table" (a line pypdf ran across two cells cut in two): its column,
    its row (`table_row`: 0 the first, the header when `level` is -1) and, in a column a short rule parts, its cell
    (`table_cell`; -1 for a row across the whole table, a band over the rows under it). `carried`: the table the page
    before ended with, which may run on at the top of this one (Table A C.1); returned: the one this page ends with,
    when no text stands under it."""
    found = frames(lines, shapes, body, carried)
    if not found:
        return lines, None
    out = list(lines)
    unread: list[Frame] = []
    for label, frame in found:
        members = [l for l in out if l.role in ("", "heading", "figure") and frame.bottom < l.y < frame.top
                   and l.x0 >= frame.x0 - RULE_JOIN and l.x1 <= frame.x1 + RULE_JOIN]
        # (a table of figures is read by its rules: read by its text, a bold row of figures was taken for a header)
        if not members or _read_by_text(members) and not _figures_in(frame, members):
            unread.append(frame)
            continue
        by_row: dict[int, list[Line]] = {}
        for line in members:
            by_row.setdefault(frame.row(line.y), []).append(line)
        parted = {row: _parted(frame, row, own) for row, own in by_row.items()}  # once per row, not per line
        pieces: list[Line] = []
        for line in members:
            row = frame.row(line.y)
            cuts = [c for c, on in zip(frame.columns, parted[row]) if on]
            for piece in _split(line, cuts):
                piece.role, piece.level = "table", 0
                piece.table_row = row
                piece.table_column = frame.column(piece.x0)
                piece.table_cell = frame.part(piece.table_column, row, piece.y) if any(parted[row]) else -1
                pieces.append(piece)
        first = [p for p in pieces if p.table_row == 0]
        # (a frame with no label has a header only when it is set apart: `drawn_frames` found none without)
        rows: dict[int, list[Line]] = {}
        for p in pieces:
            rows.setdefault(p.table_row, []).append(p)
        headed = label is not None or frame.drawn and (_set_apart(first, rows.get(1, []), shapes) or over_figures(rows))
        if headed and first and all(p.table_cell >= 0 for p in first) and len({p.table_column for p in first}) >= 2 and all(
                word_count(" ".join(l.text for l in first if l.table_column == k)) <= HEADER_WORDS for k in {p.table_column for p in first}):
            for p in first:
                p.level = -1
                _spanned(p, frame)
        out = [l for l in out if not any(l is m for m in members)] + pieces
    out.sort(key=lambda l: (-round(l.y, 1), l.x0))
    last = found[-1][1]
    # (a frame found by its rules alone and left to `grid.py` runs on to no page: the OECD review's Table 2.3, p25)
    ends = not any(l.role not in ("furniture", "table") and l.y < last.bottom for l in out) \
        and not (last.drawn and any(f is last for f in unread))
    return out, (last if ends else None)


def _spanned(line: Line, frame: Frame) -> None:
    """A header cell over several columns: the rules between them stop under it (gpredict's Table 4.1 sets 'Available in'
    over 'List View', 'Map View', ... whose rules start under it). Its column becomes the first it spans, `table_span`
    the columns it spans past that one."""
    middle = line.y + 0.3 * line.size
    drawn = [any(y0 - 1 <= middle <= y1 + 1 for y0, y1 in pieces) for pieces in frame.joints]
    if not any(line.x0 + 1 < c < line.x1 - 1 and not on for c, on in zip(frame.columns, drawn)):
        return
    first = max((k + 1 for k, (c, on) in enumerate(zip(frame.columns, drawn)) if on and c <= line.x0 + 1), default=0)
    last = min((k for k, (c, on) in enumerate(zip(frame.columns, drawn)) if on and c >= line.x1 - 1), default=len(frame.columns))
    line.table_column, line.table_span = first, last - first


def _set_apart(first: list[Line], second: list[Line], shapes: list[Shape]) -> bool:
    """Whether a table's first row is set apart from the row under it as a header: all bold over a row that is not, or
    shaded (a pale fill behind its lines) over a row that is not (gpredict's 'Date | Issue | Notes', regular weight on
    grey). A table with no label has only this to show its header by."""
    def shaded(lines: list[Line]) -> bool:
        return bool(lines) and all(any(s.light and s.kind == "fill" and s.x0 - 1 <= l.x0 and l.x1 <= s.x1 + 1 and s.y0 <= l.y <= s.y1
                                       for s in shapes) for l in lines)
    if not first or not second:
        return False
    return (all(l.bold for l in first) and not all(l.bold for l in second)) or (shaded(first) and not shaded(second))


def over_figures(rows: dict[int, list[Line]]) -> bool:
    """Whether a table's first row is a header of words over MIN_ROWS rows or more of figures (a label, then two or
    more cells of numbers only): the FDA's funding table sets its header and half its rows in bold, a band
    ('Budget Authority') under the header, and no shading. A marker set small in a header cell ('Total' '1') is no
    figure."""
    first = rows.get(0, [])
    top = max((l.size for l in first), default=0.0)
    if not first or any(numbers_only(l.text) and l.size > MARKER_SIZE * top for l in first):
        return False
    figures = 0
    for row, own in rows.items():
        cells = sorted(own, key=lambda l: l.x0)
        figures += row > 0 and len(cells) >= 3 and not numbers_only(cells[0].text) and all(numbers_only(c.text) for c in cells[1:])
    return figures >= MIN_ROWS


MARKER_SIZE = 0.8
"""A number set smaller than this share of its header row's type is a note's marker, not a figure (the FDA's 'Total'
'1', 6.5 pt in a 10 pt header)."""


def _parted(frame: Frame, row: int, lines: list[Line]) -> tuple[bool, ...]:
    """Per rule between columns, whether it parts `row`: drawn across it, or (a header the page draws no rule in:
    'No.', 'Step', 'Institution') the row's lines stand on both sides of it and none across it."""
    drawn = frame.parted(row)
    return tuple(on or (any(l.x1 < c for l in lines) and any(l.x0 > c for l in lines) and not any(l.x0 < c < l.x1 for l in lines))
                 for on, c in zip(drawn, frame.columns))


def _read_by_text(members: list[Line]) -> bool:
    """Whether `grid.py` finds the table by its text alone (a header row of bold cells over cells it can part into rows
    by their gaps): it reads rows set a line apart with no rule between them (Table 3.3's 'Permanent/ temporary' and
    'Political / technical'), which the rules alone would read as one."""
    copies = [replace(l) for l in members]
    return any(l.role == "table" for l in mark_wide_tables(copies))


def _split(line: Line, cuts: list[float]) -> list[Line]:
    """A line cut where a run starts right of a rule between columns ('... of the government' | 'Co-ordinating ...')."""
    runs = [r for r in line.runs if r.text.strip()]
    for cut in cuts:
        if not line.x0 < cut < line.x1:
            continue
        at = next((k for k, r in enumerate(runs) if k and r.x >= cut - 0.5), None)
        if at is None:
            continue
        first, rest = cut_at(line, runs, at)
        return [first] + _split(rest, cuts)
    return [line]

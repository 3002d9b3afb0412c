"""A table's lines as paragraphs: its header, then one "row" per row, each cell read whole (`grid.py` finds the tables
and their cells' columns).

- a cell's wrapped lines are one text; its bullets (or a dash opening a line) are items of their own;
- a header repeated on a page the table runs on to is read once;
- under a header that names two or more columns of cells, each cell is a row of its own, led by its row's label and
  its column's name: the OECD review's Table 3.3 compares two committees row by row ("Permanent/ temporary",
  "Accountability line"), and a cell ("Temporary, to finalise its work by June 2023", "President") says which
  committee it is about only by its column.

>>> paras = table_paras(lines, vocabulary, mark)  # doctest: +SKIP
"""

from __future__ import annotations

from ..conventions import BULLET_LINE, DASH_ITEM
from ..parsed import Para
from ..text import Cleaned
from .grid import by_rows, row_labels, table_rows, wide_table
from .hyphens import Vocabulary, join_lines
from .layout import Line


def table_paras(lines: list[Line], vocabulary: Vocabulary, mark) -> list[Para]:
    """Table lines (header cells first) -> a "table_header" and one "row" per row: its first cell, then
    each other cell read whole, column by column (a cell's wrapped lines are one text), bullets as items.
    A header repeated on a page the table runs on to is read once."""
    first_page = min(l.page for l in lines)
    header = [l for l in lines if l.level == -1 and l.page == first_page]
    cells = [l for l in lines if l.level != -1]
    out: list[Para] = []
    if header:
        # a header cell wrapped: a line under another, overlapping it ('Level of alignment per' 'PAR area')
        heads: list[list[Line]] = []
        for l in sorted(header, key=lambda l: (-l.y, l.x0)):
            cell = next((c for c in heads if c[-1].y > l.y + 0.3 * l.size and l.x0 < c[-1].x1 and c[-1].x0 < l.x1), None)
            cell.append(l) if cell is not None else heads.append([l])
        heads.sort(key=lambda c: c[0].x0)
        out.append(Para("table_header", " | ".join(" ".join(l.text for l in c) for c in heads)))
    named = _column_names([" ".join(l.text for l in c) for c in heads] if header else [], cells)
    opens: set[int] = set()
    if wide_table(lines):
        rows = table_rows(cells, opens)
    else:
        rows = []
        previous_first: Line | None = None
        wrap = _label_wrap(cells)
        for line in by_rows(cells):  # (a label set a fraction of a point under its first bullet: one row)
            if line.table_column == 0:
                starts = previous_first is None or previous_first.page != line.page or previous_first.y - line.y > wrap * line.size
                if starts or not rows:
                    rows.append(([line], []))
                else:
                    rows[-1][0].append(line)
                previous_first = line
            elif rows:
                rows[-1][1].append(line)
    for first, rest in rows:
        head = ""
        for l in first:
            head = join_lines(head, l.text, vocabulary)[0] if head else l.text
        anchor = first[0] if first else rest[0]
        cells_of: dict[int, list[Cleaned]] = {}  # each cell whole, left to right (a table of two columns: one cell)
        for column in sorted({l.table_column for l in rest}):
            own = cells_of.setdefault(column, [])
            text, markers = "", []
            for l in (l for l in rest if l.table_column == column):
                # in a cell, a dash opening a line is a bullet too ('– AI forecasts ...')
                bullet = BULLET_LINE.match(l.text) or DASH_ITEM.match(l.text)
                body = l.text[bullet.end():] if bullet else l.text
                cut = bullet.end() if bullet else 0
                m = [(max(0, o - cut), n) for o, n in l.markers]
                if bullet or not text or id(l) in opens:
                    if text:
                        own.append(Cleaned(text, tuple(markers)))
                    text, markers = body, m
                else:
                    text, at = join_lines(text, body, vocabulary)
                    markers += [(o + at, n) for o, n in m]
            if text:
                own.append(Cleaned(text, tuple(markers)))
        pages = (((0,) + mark(anchor)),)
        if named and any(cells_of.values()):
            # under named columns, each cell a row of its own led by the row's label and its column's name
            # ("Permanent/ temporary – Administrative Committee")
            out += [Para("row", _led(head, named.get(c, "")), items=tuple(own), pages=pages) for c, own in cells_of.items() if own]
        else:
            out.append(Para("row", head, items=tuple(i for own in cells_of.values() for i in own), pages=pages))
    return out


def _column_names(heads: list[str], cells: list[Line]) -> dict[int, str]:
    """The name of each column of cells, from the header cells, when the table has two or more such columns and the
    header names each (one header cell per column, with or without one over the row labels first); else {}. A cell
    of the OECD review's Table 3.3, "Temporary, to finalise its work by June 2023", says which committee it is about
    only by its column."""
    columns = sorted({l.table_column for l in cells if l.table_column})
    if len(columns) < 2 or len(heads) not in (len(columns), len(columns) + 1):
        return {}
    return dict(zip(columns, heads[len(heads) - len(columns):]))


def _led(label: str, column: str) -> str:
    """A row's label and a column's name, as a cell's lead ("Accountability line – Higher Committee ...")."""
    label = label.rstrip(": ")
    return f"{label} – {column}" if label and column else (label or column)


def _label_wrap(cells: list[Line]) -> float:
    """Type sizes under a row label within which the next label line is the label wrapped: 1.6 (a line and a
    quarter at a leading of 1.3); for bold row labels beside cells in the regular weight (`_labelled`), the
    cells' own line gap (a column's smallest, and a tenth of a size): the OECD review's Table 2.1 wraps its
    lines 10.1 pt apart and sets 'Anticorruption' and 'Transparency and accountability' 12.6 pt apart, two rows."""
    labels = [l for l in cells if l.table_column == 0]
    rest = [l for l in cells if l.table_column]
    if not labels or not row_labels(labels, rest) or all(l.bold for l in rest):
        return 1.25 * 1.3
    gaps = []
    for column in {l.table_column for l in cells}:
        own = by_rows([l for l in cells if l.table_column == column])
        gaps += [a.y - b.y for a, b in zip(own, own[1:]) if a.page == b.page and a.y - b.y > 0.5 * a.size]
    return min(gaps, default=1.25 * 1.3 * labels[0].size) / labels[0].size + 0.1

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

from ..conventions import BULLET_LINE, DASH_ITEM, NUMBERED_ITEM
from ..parsed import Para
from ..text import Cleaned, ends_sentence, word_count
from .grid import by_rows, row_labels, table_rows, wide_table
from .hyphens import Vocabulary, join_lines
from .layout import Line


def table_paras(lines: list[Line], vocabulary: Vocabulary, mark) -> list[Para]:
    """Table lines (header cells first) -> a "table_header" and one "row" per row: its first cell, then
    each other cell read whole, column by column (a cell's wrapped lines are one text), bullets as items.
    A header repeated on a page the table runs on to is read once."""
    if any(l.table_row >= 0 for l in lines):
        # (a table the page draws as a grid of rules is no figure's labels: a figure captioned over it ends there, as
        # reportlab's line chart, whose table of properties was read as the chart's captions, its cells dropped)
        return [Para("figure_end", "")] + _ruled_paras(lines, vocabulary, mark)
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
        # (printed on the page its first cell stands on, as its rows are)
        out.append(Para("table_header", " | ".join(" ".join(l.text for l in c) for c in heads), pages=(((0,) + mark(heads[0][0])),)))
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
        # each cell whole, left to right (a table of two columns: one cell)
        cells_of = {column: _cell_texts([l for l in rest if l.table_column == column], vocabulary, opens=opens)
                    for column in sorted({l.table_column for l in rest})}
        pages = (((0,) + mark(anchor)),)
        if named and any(cells_of.values()):
            # under named columns, each cell a row of its own led by the row's label and its column's name
            # ("Permanent/ temporary – Administrative Committee")
            out += [Para("row", _led(head, named.get(c, "")), items=tuple(own), pages=pages) for c, own in cells_of.items() if own]
        else:
            out.append(Para("row", head, items=tuple(i for own in cells_of.values() for i in own), pages=pages))
    return out


LABEL_WORDS = 8
"""Words a ruled table's first column may have in its middle cell (the median) to be its rows' labels (Table 4.1's
step numbers, Table A A.2's services); longer, it is a column of cells like the others (Table 3.1's functions of the
Prime Minister's Office beside the General Secretariat's). Also the words of a row across the table that is a band
over the rows under it ('Monitoring'), not a note."""


def _ruled_paras(lines: list[Line], vocabulary: Vocabulary, mark) -> list[Para]:
    """A ruled table's paragraphs (`ruled.py` found its rows and columns by the rules the page draws): its header, then
    each row's cells whole, led by the row's label and the column's name; a row across the table (a band: 'Monitoring')
    leads the rows under it. A table of short cells (`ROW_WORDS`) reads each row of two or more cells as one statement
    ('Date: 7 Dec 2017 | Issue: 2.0 | Notes: ...')."""
    cells: dict[tuple[int, int, int, int], list[Line]] = {}
    for l in sorted(lines, key=lambda l: (l.page, -l.y, l.x0)):
        cells.setdefault((l.page, l.table_row, l.table_column, l.table_cell), []).append(l)
    texts = {key: _cell_texts(own, vocabulary, numbered=True) for key, own in cells.items()}
    header = {key[2]: " ".join(t.text for t in texts[key]) for key, own in cells.items() if own[0].level == -1}
    # a header cell over several columns names each ('Available in'; once, though repeated on the page the table runs on to)
    # (its lines top down: the FDA's 'FY 2008' over 'Initiative')
    over: dict[int, list[str]] = {}
    for column, span, text in dict.fromkeys((l.table_column, l.table_span, l.text) for l in lines if l.table_span):
        header[column] = " ".join(header[column].replace(text, "", 1).split())
        for k in range(column, column + span + 1):
            over.setdefault(k, []).append(text)
    for k, spanning in over.items():
        header[k] = " ".join([*spanning, header.get(k, "")]).strip()
    out: list[Para] = []
    if header:
        first = min((own[0] for own in cells.values() if own[0].level == -1), key=lambda l: (l.page, -l.y, l.x0))
        out.append(Para("table_header", " | ".join(header[k] for k in sorted(header)), pages=(((0,) + mark(first)),)))
    body = [key for key, own in cells.items() if own[0].level != -1]
    firsts = sorted(word_count(" ".join(t.text for t in texts[key])) for key in body if key[2] == 0 and key[3] >= 0)
    labelled = bool(firsts) and firsts[len(firsts) // 2] <= LABEL_WORDS and len({key[2] for key in body}) >= 2
    short = all(word_count(t.text) <= ROW_WORDS for key in body if key[3] >= 0 for t in texts[key])
    band = ""
    for row in sorted({key[:2] for key in body}):
        keys = sorted(key for key in body if key[:2] == row)
        anchor = cells[keys[0]][0]
        pages = (((0,) + mark(anchor)),)
        if all(key[3] == -1 for key in keys):  # a row across the table
            said = [t for key in keys for t in texts[key]]
            if word_count(" ".join(t.text for t in said)) <= LABEL_WORDS:
                band = " ".join(t.text for t in said)
            else:
                out.append(Para("row", band, items=tuple(said), pages=pages))
            continue
        if short and len(keys) >= 2:
            # a row of short cells (dates, versions, marks): one statement, each cell under its column's name
            out.append(Para("row", band, items=(_row_text([(header.get(key[2], ""), texts[key]) for key in keys]),), pages=pages))
            continue
        label = " ".join(t.text for key in keys if key[2] == 0 for t in texts[key]) if labelled else ""
        lead = _led(band, label) if band and label else (band or label)
        columns = sorted({key[2] for key in keys if key[2] > 0 or not labelled})
        for column in columns:
            own = tuple(t for key in keys if key[2] == column for t in texts[key])
            if own:
                out.append(Para("row", _led(lead, header.get(column, "")), items=own, pages=pages))
    return out


ROW_WORDS = 8
"""Words each cell of a ruled table may have at most for each of its rows of two or more cells to read as one statement,
its cells side by side ('Date: 7 Dec 2017 | Issue: 2.0 | Notes: Updated for Gpredict 2.0 (work in progress)', 8 words
the longest in gpredict's revision history; Table 4.1's check marks, none): a cell of a date, a version or a mark is no
sentence. A table with longer cells (the OECD review's Table 3.1, 37 words) reads each cell as a statement of its own,
led by its row's label and its column's name."""


def _row_text(cells: list[tuple[str, list[Cleaned]]]) -> Cleaned:
    """A row's cells as one text, left to right, each after its column's name ('Issue: 2.0'), joined by ' | '; their
    endnote markers kept."""
    text, markers = "", []
    for name, own in cells:
        for t in own:
            text += " | " if text else ""
            if name:
                text += f"{name.rstrip(': ')}: "
            markers += [(o + len(text), n) for o, n in t.markers]
            text += t.text
    return Cleaned(text, tuple(markers))


def _cell_texts(lines: list[Line], vocabulary: Vocabulary, *, opens: set[int] | frozenset[int] = frozenset(), numbered: bool = False) -> list[Cleaned]:
    """A cell's text: its wrapped lines joined, each bullet (or a dash opening a line: '– AI forecasts ...') an item of
    its own, as is a line in `opens` (ids of lines `grid.table_rows` found opening an item) and, when `numbered` (a
    ruled table's cells), a list number after a finished sentence ('1. Steer and oversee ...', '2. Take or propose ...')."""
    out: list[Cleaned] = []
    text, markers = "", []
    for l in lines:
        bullet = BULLET_LINE.match(l.text) or DASH_ITEM.match(l.text)
        if numbered and bullet is None and (not text or ends_sentence(text) or text.rstrip().endswith(":")):
            bullet = NUMBERED_ITEM.match(l.text)
        body = l.text[bullet.end():] if bullet else l.text
        m = [(max(0, o - (bullet.end() if bullet else 0)), n) for o, n in l.markers]
        if text and (bullet or id(l) in opens):
            out.append(Cleaned(text, tuple(markers)))
            text, markers = "", []
        if text:
            text, at = join_lines(text, body, vocabulary)
            markers += [(o + at, n) for o, n in m]
        else:
            text, markers = body, m
    if text:
        out.append(Cleaned(text, tuple(markers)))
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

"""Rows of a table set without rules: a label in words and its values on one baseline, row under row.

A threshold table ('Methane (CH4)' | '100 000 - -') or a spec sheet ('Fuel tank' | '31.7 gal (120 L)') drawn with no
grid of rules looked like a chart to `regions.py`: its number cells read as a chart's ticks, and a spec block near a
photograph and its headings' dark bands as a figure's labels. Its rows are found by their own evidence:

- a *row*: a short line with letters (the label) and, on its baseline to its right, short lines in its type (the
  values: a number, a measure, a word or two); a value set level with the middle of a label wrapped on two lines
  ('Chlorine and inorganic compounds' / '(as HCl)' beside '10 000 - -') is that label's;
- a *table*: ROWS or more such rows, their labels starting at one left edge, each within ROW_PITCH sizes of the
  last: a grid repeated down the page;
- a value stops at the next text column: a left edge where several lines start that are mostly not level with the
  labels (a spec sheet's next block, a page's next column);
- what stays a chart: a row with a mark drawn between its label and its values or under them (a bar, a dot, a
  heatmap's cell; a pale cell or a row's own full-width band is no mark), an axis's ticks (no label level with them), a Contents
  page's page numbers (most rows end a cell in one, rising down each column of them);
- what stays a flowchart: an upright rule drawn between a row's label and its values, or a frame drawn round one cell
  (boxes joined by connectors; a table drawn with rules between its columns is `ruled.py`'s);
- what stays `grid.py`'s or `layout.mark_tables`': a table their header rows find, read whole, its header too.

`regions.mark_regions` reads such a table's lines as a table ("table", the label column 0, its values column 1) when
the chart-text rules would drop any of them; `rows.py` then reads each row as its label and its values.

"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..text import ends_sentence, word_count
from .grid import mark_wide_tables
from .layout import Line, mark_tables
from .runs import Shape

ROWS = 3
"""Rows a table of labels and values has at least: eu-eprtr's smallest group has 6; two labelled numbers level with
each other may be a chart's pair of annotations."""

ROW_PITCH = 3.2
"""Type sizes within which a table's next row stands under the last (baseline to baseline): eu-eprtr's rows 1.3 sizes
apart, 1.9 across a wrapped label; cat-excavator's spec rows 1.7, 3.0 over a sub-heading line ('Hydraulic tank:')."""

LABEL_WORDS = 8
"""Words a row's label has at most ('Chlorine and inorganic compounds' 4, cat-excavator's 'Engine oil w/filter change'
4, lcms-tutorial's 'cmsFloat32Number' 1); a longer line is a sentence of text."""

VALUE_WORDS = 6
"""Words (tokens with a letter: a measure's numbers are no words) one value line has at most (cat-excavator's '9 ft
10 in (3.0 m)' 4, 'Variable displacement tandem' 3; 'Native int on most 32-bit architectures' in lcms-tutorial's
Basic Types, 6)."""

SIZE_TOLERANCE = 1.05
"""Points a value's type may differ from its label's: lcms-tutorial's Basic Types sets 'Yes'/'No' in 10 pt beside
11 pt type names."""

LEVEL = 0.3
"""Type sizes within which two lines share a baseline."""

WRAP = 1.6
"""Type sizes within which a label's next line is the label wrapped (eu-eprtr: 9.7 pt at 8 pt, 1.2 sizes)."""

EDGE = 2.0
"""Points within which lines start at one left edge."""

COLUMN_LINES = 3
"""Lines starting at one left edge, mostly not level with a table's labels, that make it the next text column: the
values stop short of it (cat-excavator's middle block at x=223, beside the engine rows)."""

GUTTER = 2.0
"""Type sizes a table's values stand right of its labels at least, in its most crowded row: columns of text are set a
gutter apart (quark-newsletter's four columns 1.4 sizes, irs-i1040nr's two 1.3); lcms-tutorial's Basic Types leaves
2.3, cat-excavator's dimension rows 2.0, eu-eprtr 3.9 and more. (who-hcv's dosing table, 1.1, is left as it was.)"""

CAP, DESCENT = 0.7, 0.2
"""A line's letters reach this share of its type size above and below its baseline (cap height, descenders): a mark
in that band is on the row; lcms-tutorial's Basic Types draws its header's 3 pt rule 1.6 sizes over its first row's
baseline, 0.9 sizes over with its first row's 11 pt type."""

_LEADER = re.compile(r"(?:\. ?){4}")

_PAGE_NUMBER = re.compile(r"^\d{1,4}$")


@dataclass(frozen=True)
class ValueRow:
    labels: tuple[Line, ...]  # top down: a wrapped label's lines
    values: tuple[Line, ...]  # left to right


def value_tables(lines: list[Line], shapes: list[Shape]) -> list[list[ValueRow]]:
    """The unruled tables of labels and values on one page (`lines` in any order; only body lines, role "")."""
    free = [l for l in lines if l.role == ""]
    rows = [r for r in (_row(l, free) for l in free) if r is not None]
    values = {id(v) for r in rows for v in r.values}
    rows = [r for r in rows if id(r.labels[0]) not in values]  # ('No' | 'Byte' is the end of a row, not one)
    rows += _centred_rows(free, rows)
    tables: list[list[ValueRow]] = []
    for row in sorted(rows, key=lambda r: -r.labels[0].y):
        head = row.labels[0]
        table = next((t for t in tables if abs(t[-1].labels[0].x0 - head.x0) <= EDGE and abs(t[-1].labels[0].size - head.size) <= 0.3
                      and t[-1].labels[-1].y - head.y <= ROW_PITCH * head.size), None)
        table.append(row) if table is not None else tables.append([row])
    found = [t for t in tables if len(t) >= ROWS and not _page_numbers(t) and not any(_marked(r, shapes) for r in t)
             and not _beside_text(t, lines) and min(r.values[0].x0 - max(l.x1 for l in r.labels) for r in t) >= GUTTER * t[0].labels[0].size]
    return found


def unheaded(tables: list[list[ValueRow]], lines: list[Line]) -> list[list[ValueRow]]:
    """The `tables` neither `grid.py` (a header row of bold cells spread over the page) nor `layout.mark_tables` reads
    later, in `columns.reading_order`, from `lines` as they stand (once the chart's text is marked): such a table is
    theirs, header and all (reportlab's parameter tables, 'Parameter' 'Meaning' 'Default': read here, each row's
    meaning was cut from its name and the header glued to every row)."""
    if not tables:
        return tables
    others = _headed_tables(lines)
    return [t for t in tables if not any(_overlaps(l, o) for r in t for l in (*r.labels, *r.values) for o in others)]


def _headed_tables(lines: list[Line]) -> list[Line]:
    copies = sorted((replace(l) for l in lines if l.role != "furniture"), key=lambda l: (-round(l.y, 1), l.x0))
    read = mark_wide_tables(copies)
    mark_tables(read)
    return [l for l in read if l.role == "table"]


def _overlaps(line: Line, other: Line) -> bool:
    return abs(line.y - other.y) < LEVEL * line.size and line.x0 < other.x1 and other.x0 < line.x1


def _beside_text(table: list[ValueRow], lines: list[Line]) -> bool:
    """Whether a line of running text (more than LABEL_WORDS words) shares a row's baseline: the table stands in a
    column beside the page's text (amazon-sr2022's table of projects by country beside two columns of prose), and a
    table's lines, read in place, would cut that text's lines apart."""
    own = {id(l) for r in table for l in (*r.labels, *r.values)}
    return any(id(l) not in own and word_count(l.text) > LABEL_WORDS and abs(l.y - r.labels[0].y) < LEVEL * l.size
               for r in table for l in lines)


def _words(text: str) -> int:
    return sum(1 for t in text.split() if any(c.isalpha() for c in t))


def _short_label(line: Line) -> bool:
    return any(c.isalpha() for c in line.text) and word_count(line.text) <= LABEL_WORDS and _cell(line)


def _cell(line: Line) -> bool:
    """A cell's text: no finished sentence (the OECD review's monitoring template sets its instructions, 'Key risks to
    implementation of the action' / 'and its corresponding activities.', side by side) and no Contents leader dots (the
    WEF template's Contents sets '. . . . 4' level with each title)."""
    return not ends_sentence(line.text) and not _LEADER.search(line.text)


def _row(label: Line, lines: list[Line]) -> ValueRow | None:
    """The row `label` opens: the short lines level with it to its right, up to the next text column."""
    if not _short_label(label):
        return None
    level = sorted((l for l in lines if l is not label and abs(l.y - label.y) < LEVEL * label.size and l.x0 >= label.x1 + 0.3 * label.size
                    and abs(l.size - label.size) <= SIZE_TOLERANCE), key=lambda l: l.x0)
    values: list[Line] = []
    for line in level:
        if _words(line.text) > VALUE_WORDS or not _cell(line) or _column_start(line, label, lines):
            break
        values.append(line)
    return ValueRow((label,), tuple(values)) if values else None


def _column_start(line: Line, label: Line, lines: list[Line]) -> bool:
    """Whether `line` starts a text column of its own: COLUMN_LINES or more lines near it start at its left edge, most
    of them level with no line at the label's edge (a table's value column is level with its labels, row by row)."""
    reach = 2 * ROW_PITCH * label.size
    same = [l for l in lines if abs(l.x0 - line.x0) <= EDGE and abs(l.y - line.y) <= reach]
    if len(same) < COLUMN_LINES:
        return False
    labels = [l for l in lines if abs(l.x0 - label.x0) <= EDGE]
    level = sum(1 for l in same if any(abs(o.y - l.y) < LEVEL * l.size for o in labels))
    return level < len(same) / 2


def _centred_rows(lines: list[Line], rows: list[ValueRow]) -> list[ValueRow]:
    """Rows whose values stand level with the middle of a label wrapped on two lines: a value line level with no label,
    between a label line and the line under it at the same edge (WRAP sizes apart), neither opening a row already."""
    taken = {id(l) for r in rows for l in (*r.labels, *r.values)}
    out: list[ValueRow] = []
    for upper in lines:
        if id(upper) in taken or not _short_label(upper):
            continue
        lower = next((l for l in lines if id(l) not in taken and abs(l.x0 - upper.x0) <= EDGE and abs(l.size - upper.size) <= 0.3
                      and 0 < upper.y - l.y <= WRAP * upper.size and _short_label(l)), None)
        if lower is None:
            continue
        values = sorted((l for l in lines if id(l) not in taken and lower.y < l.y < upper.y and l.x0 >= max(upper.x1, lower.x1) + 0.3 * upper.size
                         and abs(l.size - upper.size) <= SIZE_TOLERANCE and _words(l.text) <= VALUE_WORDS and _cell(l)), key=lambda l: l.x0)
        if values and all(abs(v.y - values[0].y) < LEVEL * v.size for v in values) and not _column_start(values[0], upper, lines):
            out.append(ValueRow((upper, lower), tuple(values)))
            taken.update({id(upper), id(lower)} | {id(v) for v in values})
    return out


def _page_number(line: Line) -> int | None:
    """The page number a Contents entry's line ends in: a last word of digits only, after a word that is no number
    ('Changes in REVTEX 4.2 2', '11'; not '236 185', a number set in groups of digits)."""
    words = line.text.split()
    if not words or not _PAGE_NUMBER.match(words[-1]) or (len(words) > 1 and words[-2].replace(",", "").isdigit()):
        return None
    return int(words[-1])


def _page_numbers(table: list[ValueRow]) -> bool:
    """A Contents page's entries and page numbers: most rows end a cell in a page number, and the numbers that end at
    one right edge rise down the page. REVTeX's auguide sets two columns of entries, a row reading 'I.1.' | 'Changes
    in REVTEX 4.2 2' | 'VI.4.' | 'Numbering displayed equations' | '11' (a page number in each column)."""
    numbered = [[(l.x1, n) for l in (*r.labels, *r.values) if (n := _page_number(l)) is not None] for r in table]
    if 2 * sum(1 for cells in numbered if cells) <= len(table):
        return False
    ends: list[list[int]] = []  # the page numbers at one right edge, top down
    edges: list[float] = []
    for x1, n in (cell for cells in numbered for cell in cells):
        k = next((k for k, e in enumerate(edges) if abs(e - x1) <= EDGE), None)
        if k is None:
            edges.append(x1)
            ends.append([n])
        else:
            ends[k].append(n)
    return all(a <= b for column in ends for a, b in zip(column, column[1:]))


def _boxed(row: ValueRow, shapes: list[Shape], top: float, bottom: float) -> bool:
    """A flowchart's row: the sides of two boxes drawn between its label and its values, upright strokes of unlike
    spans (nccn-thyroid's PAP-4: 'radioiodine imaging' in a box 130 pt tall, 'RAI uptake' in one 70 pt tall; a grid's
    rules between columns span its rows alike, gnucash's 'Account' | 'Number of' | 'Share Price'), or a stroked frame
    round some of its cells and not all (irs-i1040nr p7: a column's prose beside a framed table, level with its rows)."""
    cells = (*row.labels, *row.values)
    gap = (max(l.x1 for l in row.labels), row.values[0].x0)
    sides: list[tuple[float, float]] = []  # the upright strokes' spans in the gap, one per span
    for s in shapes:
        if s.kind != "stroke" or s.y1 < bottom or s.y0 > top:
            continue
        if s.x1 - s.x0 < 1.5 and gap[0] <= s.x0 <= gap[1] and s.y1 - s.y0 >= top - bottom \
                and not any(abs(a - s.y0) <= EDGE and abs(b - s.y1) <= EDGE for a, b in sides):
            sides.append((s.y0, s.y1))
        framed = [l for l in cells if s.x0 <= l.x0 and l.x1 <= s.x1 and s.y0 <= l.y <= s.y1]
        if s.x1 - s.x0 >= 1.5 and s.y1 - s.y0 >= 1.5 and framed and len(framed) < len(cells):
            return True
    return len(sides) >= 2


def _marked(row: ValueRow, shapes: list[Shape]) -> bool:
    """A mark drawn between a row's label and its values or under them: a bar, a dot, a heatmap's cell, in a colour
    darker than a shading (`Shape.light`: eu-eprtr shades each cell, the row labels' too, near white). A fill under
    the whole row, its label too, is the row's band; a rule is a stroke or a fill thinner than 1.5 pt."""
    label, last = row.labels[0], row.values[-1]
    # (the letters' band, descender to cap height: a header's thick rule a point over the first row is no mark)
    top = max(l.y for l in row.labels) + CAP * label.size
    bottom = min(l.y for l in (*row.labels, *row.values)) - DESCENT * label.size
    if _boxed(row, shapes, top, bottom):
        return True
    for s in shapes:
        if s.kind != "fill" or s.light or s.x1 - s.x0 < 1.5 or s.y1 - s.y0 < 1.5 or s.y1 < bottom or s.y0 > top:
            continue
        if s.x0 <= label.x0 + EDGE and s.x1 >= last.x1 - EDGE:
            continue  # the row's shading
        if s.x1 > min(l.x1 for l in row.labels) and s.x0 < last.x1:
            return True
    return False


def number_grid(lines: list[Line], numbers: list[Line], charted: bool) -> list[ValueRow]:
    """The rows of a page of number columns and nothing else (`numbers`: its numbers-only lines), top down, each row's
    first cell its label and the others its values, left to right: a grid of ROWS or more baselines, every one holding two cells or more, on a page that draws no
    chart (`charted`) and prints no other text. Its lines read as a chart's ticks and bar values, so a PDF of such
    pages (tabula's multicolumn sample: six columns of numbers) kept no text at all and failed to index; read as a
    table's rows they are what the page says."""
    text = [l for l in lines if l.role in ("", "heading")]
    if charted or not numbers or len(numbers) != len(text):
        return []
    rows: list[list[Line]] = []
    for line in sorted(numbers, key=lambda l: -l.y):
        if rows and abs(rows[-1][0].y - line.y) < LEVEL * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    if len(rows) < ROWS or any(len(row) < 2 for row in rows):
        return []
    cells = [sorted(row, key=lambda l: l.x0) for row in rows]
    return [ValueRow((row[0],), tuple(row[1:])) for row in cells]

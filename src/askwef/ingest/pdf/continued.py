"""Tables run on to the next page: the lines opening it that stand in the table's columns are its rows.

- a table whose rows run over, or whose header row ends a page (its rows all on the next): the columns are
  its header cells' starts (left-aligned);
- a header row repeated at a page's foot over the columns of the table's earlier part on that page, its cells
  centred over them (the OECD review's Table 2.2: 'Relevant PAR area | Specific objectives' under its third
  cluster's band, 'Transparency and accountability' and its bullets on the next page): the columns are
  where that part's cells start, and the next page's lines are taken top down, so that a source line the
  column order puts between a row's label and its bullets does not end the table.

>>> continue_tables(pages)  # doctest: +SKIP
"""

from __future__ import annotations

from ..text import word_count
from .layout import TABLE_SPREAD, Line, mark_table, table_members


def continue_tables(pages: list[list[Line]]) -> None:
    """Mark the rows of tables run on to the next page; `pages` (each in reading order) changed in place."""
    for page, following in zip(pages, pages[1:]):
        body = [l for l in page if l.role != "furniture"]
        rest = [l for l in following if l.role != "furniture"]
        if not body or not rest or rest[0].role == "table":
            continue
        last = body[-1]
        if last.role == "table":
            header = [l for l in body if l.role == "table" and l.level == -1]
            header = [l for l in header if abs(l.y - min(h.y for h in header)) < 0.5]  # the page's last table
            if len(header) < 2:
                continue  # a table begun on an earlier page still: its columns are not at hand
            columns = sorted(l.x0 for l in header)
            row: list[Line] = []
            top_down = False
        else:
            row = sorted((l for l in body if abs(l.y - last.y) < 0.5 and l.role == ""), key=lambda l: l.x0)
            if len(row) < 2 or not all(l.bold and word_count(l.text) <= 6 for l in row) \
                    or max(l.size for l in row) - min(l.size for l in row) > 0.5 or last not in row:
                continue
            columns = [l.x0 for l in row]
            if columns[-1] - columns[0] < TABLE_SPREAD * max(l.size for l in row):
                continue
            earlier = _earlier_columns(body, row)
            top_down = bool(earlier)
            if top_down:
                columns, rest = earlier, sorted(rest, key=lambda l: (-round(l.y, 1), l.x0))
        members = table_members(rest, columns, None)
        # rows, not a paragraph at the page's edge: lines in the first column and in another
        if any(l.x0 >= columns[1] - 3 for l in members) and any(l.x0 < columns[1] - 3 for l in members):
            mark_table(row, members, columns)
            if top_down:  # (the rows first, then the rest in reading order)
                ids = {id(l) for l in members}
                following[:] = members + [l for l in following if id(l) not in ids]


def _earlier_columns(body: list[Line], row: list[Line]) -> list[float]:
    """Where the cells start of the table on this page whose header `row` repeats (its cells' texts), one
    start per cell column; [] when no table on the page has that header or its columns are not `row`'s."""
    heads = {" ".join(l.text.split()) for l in body if l.role == "table" and l.level == -1}
    if not heads or not {" ".join(l.text.split()) for l in row} <= heads:
        return []
    cells = [l for l in body if l.role == "table" and l.level != -1]
    columns = sorted({l.table_column for l in cells})
    if len(columns) != len(row):
        return []
    return [min(l.x0 for l in cells if l.table_column == k) for k in columns]

"""ruled.py on drawn shapes and lines made by hand: rules joined from their pieces, a table's frame under its label,
its columns from the upright rules, its rows from the rules across it, a short rule parting one column's cells."""

from __future__ import annotations

from askwef.ingest.pdf.layout import Line
from askwef.ingest.pdf.ruled import Rule, frames, mark_ruled_tables, rules
from askwef.ingest.pdf.runs import Shape


def _across(y: float, x0: float = 60.0, x1: float = 520.0, middle: float = 290.0) -> list[Shape]:
    """A rule across the table in three pieces: left cell, the joint, right cell (as the OECD review draws them)."""
    return [Shape(x0, y, middle - 0.35, y + 0.7, "fill", True), Shape(middle - 0.35, y, middle + 0.35, y + 0.7, "fill", True),
            Shape(middle + 0.35, y, x1, y + 0.7, "fill", True)]


def _line(text: str, x0: float, y: float, *, bold: bool = False, x1: float | None = None) -> Line:
    return Line(0, x0, x1 if x1 is not None else x0 + 4.5 * len(text), y, 8.5, bold, text)


def _page():
    shapes = [*_across(700), *_across(680), *_across(640), *_across(600)]
    shapes += [Shape(289.65, y0, 290.35, y1, "fill", True) for y0, y1 in ((680, 700), (600, 640))]  # none across 'Monitoring'
    shapes += [Shape(290.35, 620, 520, 620.7, "fill", True)]  # a short rule: two cells of the right column in one row
    lines = [_line("Table 3.1. Shared responsibilities", 60, 712, bold=True),
             _line("Prime Minister Office", 100, 688, bold=True), _line("General Secretariat", 350, 688, bold=True),
             _line("Monitoring", 270, 658),
             _line("Oversight of the ministries", 65, 628), _line("Results framework", 295, 628), _line("Issuing instructions", 295, 608),
             _line("Source: Author's own elaboration.", 60, 588)]
    return lines, shapes


def test_rules_join_their_pieces_and_keep_short_ones_apart():
    flat, upright = rules(_page()[1])
    assert flat[0] == Rule(700.4, 60.0, 520.0) and len(flat) == 5
    assert Rule(620.4, 290.35, 520.0) in flat
    assert [round(u.at, 1) for u in upright] == [290.0, 290.0]


def test_a_frame_under_its_label_has_its_columns_rows_and_parted_cells():
    lines, shapes = _page()
    [(label, frame)] = frames(lines, shapes, 10.0)
    assert label.text.startswith("Table 3.1.")
    assert (frame.x0, frame.x1, frame.columns) == (60.0, 520.0, (290.0,))
    assert len(frame.rows) == 4 and frame.row(688) == 0 and frame.row(658) == 1 and frame.row(608) == 2
    assert [frame.parted(k) for k in range(3)] == [(True,), (False,), (True,)]
    assert frame.part(1, 2, 628) == 0 and frame.part(1, 2, 608) == 1


def test_marked_lines_carry_column_row_and_cell_and_the_header_its_level():
    lines, shapes = _page()
    marked, carried = mark_ruled_tables(lines, shapes, 10.0)
    by_text = {l.text: l for l in marked}
    assert by_text["Prime Minister Office"].level == -1 and by_text["General Secretariat"].table_column == 1
    assert by_text["Monitoring"].table_cell == -1
    assert (by_text["Issuing instructions"].table_row, by_text["Issuing instructions"].table_cell) == (2, 1)
    assert by_text["Oversight of the ministries"].table_column == 0
    assert by_text["Source: Author's own elaboration."].role == "" and carried is None  # text under the table: nothing runs on


def test_a_line_run_across_two_cells_is_cut_at_the_rule_between_them():
    from askwef.ingest.pdf.runs import Run

    lines, shapes = _page()
    runs = [Run("Oversight of the ministries ", 65, 628, 8.5, False, 0.0, 120.0, False),
            Run("Results framework", 295, 628, 8.5, False, 0.0, 70.0, False)]
    lines[4] = Line(0, 65, 365, 628, 8.5, False, "Oversight of the ministries Results framework", runs=runs)
    del lines[5]
    marked, _ = mark_ruled_tables(lines, shapes, 10.0)
    cells = {(l.table_column, l.table_cell): l.text for l in marked if l.table_row == 2}
    assert cells[(0, 0)] == "Oversight of the ministries" and cells[(1, 0)] == "Results framework"

"""Figures and boxes: where a page draws a chart or shades a box, and which lines stand in them.

- a *figure region* is a cluster of drawn shapes with an image or three or more solid marks (bars,
  slices, symbols); lines in it that read as labels (numbers, ticks, short names, legends: no
  sentence) are figure text, marked "figure" and never indexed; a sentence printed in a figure
  (a roadmap's step, an infographic's statement) stays;
- a numbers-only line (axis ticks "0 25 50 75 100", a bar label "64") is figure text anywhere;
- a *box* is a pale fill or a frame around three or more lines, narrower than most of the page:
  its lines get the box's number, so a case study or sidebar becomes its own unit and a paragraph
  never runs into or out of it.

>>> mark_regions(lines, shapes, (595.0, 842.0), 9.5)  # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from ..conventions import FIGURE, SOURCE, TABLE
from ..text import ends_sentence, word_count
from .layout import Line
from .runs import Shape
from .valuerows import number_grid, unheaded, value_tables

FIGURE_LABEL_WORDS = 5
"""A line of at most this many words, with no full stop, inside a figure is a label (a category, a
legend entry, an axis title); longer lines are read as sentences of the figure."""

LABEL_SIZE = 0.5
"""A line near a chart but outside its marks set more than this (pt) larger than the largest type inside
the marks is not one of its labels (the WEF template: labels 6 pt, a timeline's steps 7.5 pt)."""

LABEL_BODY_SHARE = 0.75
"""Type this much smaller than the body's, near a chart, is one of its labels whatever the type of the marks' own
labels: the OECD review's category names (6.8 pt, body 10 pt) beside bars whose values are set in 6.1 pt."""

LABEL_REACH = 24.0
"""How far (pt) outside a chart's marks its labels may stand: category names under the axis, a legend
below them, an axis title above (two lines of 7-9 pt type). A heading counts only inside the marks."""

NUMERIC_TOKEN = re.compile(r"^[(\[]?[-–+]?[$€£¥]?\d[\d,.]*(?:%|[kKmMbB]n?|bn|x|pp)?[)\]]?$|^[-–]$")
"""What an axis tick, a bar label or a year reads like: '64', '25%', '$1.2bn', '2023', '(3)'."""


@dataclass(frozen=True)
class Region:
    x0: float
    y0: float
    x1: float
    y1: float

    def holds(self, line: Line, margin: float = 4.0) -> bool:
        cx = (line.x0 + min(line.x1, line.x0 + 400)) / 2
        return self.x0 - margin <= cx <= self.x1 + margin and self.y0 - margin <= line.y <= self.y1 + margin

    def near(self, line: Line, reach: float) -> bool:
        """Whether some of `line` stands within `reach` of the region: a category label set right-aligned against a
        bar chart's axis, long enough that its middle lies far left of the bars ("Relations within government (i.e.,
        with states, provinces, municipal" in the OECD review's Figure A B.1), is beside it all the same."""
        return line.x1 >= self.x0 - reach and line.x0 <= self.x1 + reach and self.y0 - reach <= line.y <= self.y1 + reach


def numbers_only(text: str) -> bool:
    """'0 25 50 75 100', '64', '2018 2020 2022', '25%' -> True; 'Figure 2', '5G networks' -> False."""
    tokens = text.replace("\t", " ").split()
    return bool(tokens) and all(NUMERIC_TOKEN.match(t) for t in tokens)


def _clusters(shapes: list[Shape], gap: float = 20.0) -> list[list[Shape]]:
    """Shapes whose boxes come within `gap` of each other, grouped (single link)."""
    groups: list[list[Shape]] = []
    boxes: list[list[float]] = []
    for shape in sorted(shapes, key=lambda s: (-s.y1, s.x0)):
        joined = None
        for k, b in enumerate(boxes):
            if shape.x0 <= b[2] + gap and shape.x1 >= b[0] - gap and shape.y0 <= b[3] + gap and shape.y1 >= b[1] - gap:
                if joined is None:
                    joined = k
                    groups[k].append(shape)
                    b[:] = [min(b[0], shape.x0), min(b[1], shape.y0), max(b[2], shape.x1), max(b[3], shape.y1)]
                else:  # the shape bridges two groups: merge them
                    groups[joined] += groups[k]
                    o = boxes[joined]
                    boxes[joined] = [min(o[0], b[0]), min(o[1], b[1]), max(o[2], b[2]), max(o[3], b[3])]
                    groups[k], boxes[k] = [], [0, 0, -1, -1]
        if joined is None:
            groups.append([shape])
            boxes.append([shape.x0, shape.y0, shape.x1, shape.y1])
    return [g for g in groups if g]


def figure_regions(shapes: list[Shape], size: tuple[float, float]) -> list[Region]:
    width, height = size
    marks = [s for s in shapes if not s.light and (s.x1 - s.x0) * (s.y1 - s.y0) < 0.5 * width * height]
    regions: list[Region] = []
    for group in _clusters(marks):
        solid = [s for s in group if s.kind == "fill" and s.x1 - s.x0 >= 1.5 and s.y1 - s.y0 >= 1.5]
        images = [s for s in group if s.kind == "image" and (s.x1 - s.x0) >= 40 and (s.y1 - s.y0) >= 40]
        if len(solid) >= 3 or images:
            regions.append(Region(min(s.x0 for s in group), min(s.y0 for s in group), max(s.x1 for s in group), max(s.y1 for s in group)))
    return regions


BACKGROUND_SHARE = 0.85
"""A fill at least this share of the page's width and of its height is the page's background, not a box."""


def box_regions(shapes: list[Shape], size: tuple[float, float]) -> list[Region]:
    """Pale fills and framing rectangles big enough to hold text, but not the page's background."""
    width, height = size
    out: list[Region] = []
    for s in shapes:
        w, h = s.x1 - s.x0, s.y1 - s.y0
        framed = s.kind == "stroke" and w > 60 and h > 30
        # not the page's background: a fill nearly as large as the page (a box may fill most of one: the OECD review's
        # Box 3.1, 465 by 561 pt on a 595 by 842 page, half its area)
        if (s.light or framed) and w >= 0.25 * width and h >= 30 and not (w >= BACKGROUND_SHARE * width and h >= BACKGROUND_SHARE * height):
            region = Region(s.x0, s.y0, s.x1, s.y1)
            if not any(abs(r.x0 - region.x0) < 3 and abs(r.y1 - region.y1) < 3 for r in out):
                out.append(region)
    return out


def mark_bullets(lines: list[Line], shapes: list[Shape]) -> list[Shape]:
    """Mark the body lines a drawn bullet opens (`Line.bullet`): a small round or square mark, no
    wider than BULLET_SIZE of the line's type size, just left of the line's first letter (within
    BULLET_GAP sizes) at the height of its lower-case letters. A browser draws a list's discs so; the
    text layer has no bullet, and an item that ends a sentence would run into the next. Returns the
    shapes that are not bullets (a list's discs are no chart's marks)."""
    bullets: set[int] = set()
    for line in lines:
        if line.role != "":
            continue
        for k, s in enumerate(shapes):
            w, h = s.x1 - s.x0, s.y1 - s.y0
            middle = (s.y0 + s.y1) / 2
            if s.kind in ("fill", "stroke") and 0.1 * line.size <= min(w, h) and max(w, h) <= BULLET_SIZE * line.size \
                    and max(w, h) <= 2 * min(w, h) and 0 < line.x0 - s.x1 <= BULLET_GAP * line.size \
                    and line.y < middle < line.y + 0.7 * line.size:
                if any(o is not s and 0 < abs(o.x0 - s.x0) <= LEGEND_REACH * line.size and abs((o.y0 + o.y1) / 2 - middle) < 0.5 * line.size
                       and abs((o.x1 - o.x0) - w) < 0.5 and abs((o.y1 - o.y0) - h) < 0.5 for o in shapes):
                    break  # a legend: another such mark in the row ('■ % GDP ■ % Expenditure')
                line.bullet = True
                bullets.add(k)
                break
    return [s for k, s in enumerate(shapes) if k not in bullets]


BULLET_SIZE = 0.6
"""A drawn bullet is at most this share of its line's type size across (the Chromium print: a 2 pt
disc by 6.7 pt type); a larger mark beside a line is an icon or a chart's symbol."""

LEGEND_REACH = 15.0
"""A mark like a bullet with another like it on its row within this many type sizes is a chart legend's
key (the OECD review's '% GDP' / '% Expenditure'); a list's bullets stand one under the other (a
column of a two-column page is further off)."""

BULLET_GAP = 2.0
"""How far (in type sizes) a drawn bullet may stand left of its item's first letter (the Chromium
print: 0.8)."""


def join_cells(lines: list[Line], shapes: list[Shape], size: tuple[float, float]) -> None:
    """A diagram's cells: a filled rectangle narrower than a box (under a quarter of the page) holding
    two or more lines of one size, one under the other, is one statement ('Strong' / 'domestic AI' /
    'capabilities to' / 'address' / 'National' / 'Security issues' in the UK strategy's strategy
    diagram, whose five cells side by side interleave line by line). Its lines become one `Line.cell`
    line, in place of the first."""
    width, height = size
    cells: list[Shape] = []
    for s in shapes:
        w, h = s.x1 - s.x0, s.y1 - s.y0
        if s.kind == "fill" and CELL_MIN_WIDTH <= w < 0.25 * width and h < 0.25 * height \
                and not any(abs(c.x0 - s.x0) < 1 and abs(c.y0 - s.y0) < 1 and abs(c.x1 - s.x1) < 1 and abs(c.y1 - s.y1) < 1 for c in cells):
            cells.append(s)
    for s in sorted(cells, key=lambda c: (c.x1 - c.x0) * (c.y1 - c.y0)):  # the innermost cell first
        inside = sorted((l for l in lines if l.role == "" and not l.cell and s.x0 - 1 <= l.x0 and l.x1 <= s.x1 + 1 and s.y0 <= l.y <= s.y1),
                        key=lambda l: (-l.y, l.x0))
        if len(inside) < 2 or max(l.size for l in inside) - min(l.size for l in inside) > 0.3 \
                or any(a.y - b.y > CELL_LEADING * a.size or a.y - b.y < 0.5 * a.size for a, b in pairwise(inside)):
            continue
        text, markers = inside[0].text, list(inside[0].markers)
        for line in inside[1:]:
            glue = "" if text.endswith("-") else " "
            markers += [(o + len(text) + len(glue), n) for o, n in line.markers]
            text = f"{text}{glue}{line.text}"
        first = inside[0]
        merged = replace(first, x0=min(l.x0 for l in inside), x1=max(l.x1 for l in inside), text=text, markers=markers,
                         runs=[r for l in inside for r in l.runs], cell=True)
        drop = {id(l) for l in inside[1:]}
        lines[:] = [merged if l is first else l for l in lines if id(l) not in drop]


CELL_MIN_WIDTH = 40.0
"""A cell is at least this wide (pt): a narrower fill is a bar or a symbol."""

CELL_LEADING = 1.6
"""A cell's lines stand at most this many type sizes apart (solid or close set)."""


def mark_regions(lines: list[Line], shapes: list[Shape], size: tuple[float, float], body: float) -> None:
    """Join the lines of a diagram's cells (`Line.cell`), mark the lines drawn bullets open
    (`Line.bullet`), figure text ("figure") and the lines of boxes (`Line.box`) on one page."""
    join_cells(lines, shapes, size)
    shapes = mark_bullets(lines, shapes)
    figures = figure_regions(shapes, size)
    panels = chart_panels(box_regions(shapes, size), figures, lines)
    figures += panels
    # the chart's own type: not its title or source line, which a panel's edge may hold ('FIGURE 3 ...'
    # set on it made the template's timeline steps under the panel, in the title's size, its labels)
    titles = _title_lines(lines)
    tables = value_tables(lines, shapes)  # (found before the chart's labels are marked: read as a table if any is)
    label_sizes = [max((l.size for l in lines if r.holds(l) and id(l) not in titles), default=0.0) for r in figures]
    numbers: list[Line] = []
    for line in lines:
        if line.role not in ("", "heading") or id(line) in titles:
            continue
        if numbers_only(line.text) and not line.markers:
            numbers.append(line)
            continue
        reach = 4.0 if line.role == "heading" or line.bold else LABEL_REACH
        # outside the marks, only type no larger than the chart's own labels labels it: a timeline's
        # 'Step 1' under a chart is set in the figure's text size
        if any(r.holds(line, 4.0) or r.near(line, reach) and line.size <= max(labels + LABEL_SIZE, LABEL_BODY_SHARE * body)
               for r, labels in zip(figures, label_sizes)) \
                and _label(line, body) and not _running_text(line, lines):
            line.role = "figure"
    _wrapped_labels(lines, body)
    grid = number_grid(lines, numbers, bool(figures))  # a page of number columns alone: its rows, not a chart's ticks
    taken = {id(l) for row in grid for l in (*row.labels, *row.values)}
    numbers = [l for l in numbers if id(l) not in taken]
    for line in numbers:  # once the labels are known: a step's number is read between its words
        if not _step_number(line, lines, figures):
            line.role = "figure"
    # an unruled table of labels and values the chart's rules took for labels and ticks (most of its rows: a number or
    # two in columns of text, level with each other, leave the text as it was), unless a header row makes it a table
    tables = [t for t in tables if 2 * sum(any(l.role == "figure" for l in (*row.labels, *row.values)) for row in t) >= len(t)]
    number = max((l.table_row for l in lines), default=-1)
    for table in unheaded(tables, lines) + ([grid] if grid else []):
        for row in table:  # each row its own, as a ruled table's (`rows.py` reads it as one statement)
            number += 1
            for column, own in ((0, row.labels), *((k, (v,)) for k, v in enumerate(row.values, start=1))):
                for l in own:  # (each value a cell: a row of short cells is one statement, its label first)
                    l.role, l.level, l.table_column, l.table_row, l.table_cell = "table", 0, column, number, 0
    boxes = [b for b in box_regions(shapes, size) if b not in panels and sum(1 for l in lines if l.role in ("", "heading") and b.holds(l, 1.0)) >= 3
             and not _title_band(b, lines)]
    boxes.sort(key=lambda b: (b.x1 - b.x0) * (b.y1 - b.y0))  # a line in nested boxes belongs to the inner one
    for line in lines:
        if line.role in ("", "heading", "table"):  # (a ruled table in a box, `ruled.py`, is the box's)
            for k, b in enumerate(boxes, start=1):
                if b.holds(line, 1.0):
                    line.box = k
                    break


def _wrapped_labels(lines: list[Line], body: float) -> None:
    """A label's wrapped lines are figure text too: a short line in the label's size and weight right under a figure
    line (within RUNNING_LEADING sizes) and overlapping it ("Relations within government (i.e., with states,
    provinces, municipal" over "governments)", right-aligned against the bars, its second line far from them)."""
    labels = [l for l in lines if l.role == "figure" and not numbers_only(l.text)]
    while labels:
        found = [l for l in lines if l.role == "" and _label(l, body) and any(
            f.page == l.page and abs(f.size - l.size) <= 0.3 and f.bold == l.bold and 0 < f.y - l.y <= RUNNING_LEADING * l.size
            and l.x0 < f.x1 and l.x1 > f.x0 for f in labels)]
        for line in found:
            line.role = "figure"
        labels = found


def _title_band(box: Region, lines: list[Line]) -> bool:
    """A pale band behind a title alone: every line it holds bold, TITLE_BAND_WORDS words at most, no full
    stop, and the text the title heads set right under the band, outside it, in the regular weight. The band
    is the title's background, not a box: the Chromium print sets 'USE CASE 9 State Grid Corporation of
    China - AI-driven ...' on a band, its text under it; read as a box, the case study's unit held its
    title and none of its sentences. A box broken over a page whose first part holds only its title (the
    WEF template's case study at a page's foot) has no text under it."""
    held = [l for l in lines if l.role in ("", "heading") and box.holds(l, 1.0)]
    text = " ".join(l.text for l in held)
    if not held or not all(l.bold for l in held) or word_count(text) > TITLE_BAND_WORDS or ends_sentence(text):
        return False
    return any(l.role == "" and not l.bold and not box.holds(l, 1.0) and 0 < box.y0 - l.y <= TITLE_BAND_GAP * l.size
               and l.x0 < box.x1 and l.x1 > box.x0 for l in lines)


TITLE_BAND_WORDS = 25
"""Words a title set on a band holds at most (the Chromium print's longest case-study title on one:
19); the UK strategy's boxes of bold key actions hold 60 and more."""

TITLE_BAND_GAP = 3.0
"""Type sizes below a band's lower edge within which the first line of the text its title heads stands
(the Chromium print: 1 size, its paragraph's top margin)."""


def chart_panels(boxes: list[Region], figures: list[Region], lines: list[Line]) -> list[Region]:
    """Boxes that are a chart's panel, not a sidebar: a pale fill holding a chart's marks and no line of
    prose (more than FIGURE_LABEL_WORDS words). The OECD review sets each chart on a pale panel with
    its category labels beside the bars; read as a box, 'MENA', 'Jordan', 'PA employment' became a unit
    of their own. The panel is the figure's region: its labels are figure text."""
    def inside(r: Region, b: Region) -> bool:
        return b.x0 - 2 <= r.x0 and r.x1 <= b.x1 + 2 and b.y0 - 2 <= r.y0 and r.y1 <= b.y1 + 2

    return [b for b in boxes if any(inside(r, b) for r in figures)
            and not any(l.role in ("", "heading") and b.holds(l, 1.0) and word_count(l.text) > FIGURE_LABEL_WORDS
                        and not numbers_only(l.text) for l in lines)]


def _titles(line: Line) -> bool:
    """A figure's or table's title, or its source line: not one of its labels."""
    return bool(FIGURE.match(line.text) or TABLE.match(line.text) or SOURCE.match(line.text))


def _title_lines(lines: list[Line]) -> set[int]:
    """Ids of the lines of figures' and tables' titles and source lines, a title's wrapped lines too:
    set under it at its left edge, in its size and weight, a line gap apart ('FIGURE 1 | Research
    framework for the AI-powered industry' over 'transformation in China', on the chart's panel)."""
    titles = [l for l in lines if _titles(l)]  # a few a page: the loop below stays linear in the lines
    found = {id(l) for l in titles}
    for line in sorted(lines, key=lambda l: (l.page, -l.y)) if titles else ():
        if id(line) in found or line.role not in ("", "heading"):
            continue
        if any(t.page == line.page and abs(t.x0 - line.x0) <= 2 and abs(t.size - line.size) <= 0.3
               and t.bold == line.bold and 0 < t.y - line.y <= RUNNING_LEADING * line.size for t in titles):
            titles.append(line)
            found.add(id(line))
    return found


def _running_text(line: Line, lines: list[Line]) -> bool:
    """A line of a paragraph that a chart's marks reach (a wide chart beside the column, labels in
    its margin): it stands at the column's left edge, nearly as wide as a line of the same size a
    line gap above or below it that reads as a sentence's line (more words than a label).
    'optimization, predictive maintenance, intelligent quality' between two lines of prose is text;
    a legend's or an axis's short names are not. A paragraph's last line may be short, when the line over
    it, in its weight, leaves its sentence unfinished: the UK strategy's 'data science and artificial
    intelligence', ending a case study's bold title over a photograph, is no label of the photograph."""
    for other in lines:
        if other is line or other.role not in ("", "heading") or abs(other.size - line.size) > 0.3 or abs(other.x0 - line.x0) > 2:
            continue
        if 0 < abs(other.y - line.y) <= RUNNING_LEADING * line.size and word_count(other.text) > FIGURE_LABEL_WORDS \
                and not numbers_only(other.text) and (line.x1 - line.x0 >= RUNNING_WIDTH * (other.x1 - other.x0)
                                                      or other.y > line.y and other.bold == line.bold and not ends_sentence(other.text)):
            return True
    return False


def _step_number(line: Line, lines: list[Line], figures: list[Region]) -> bool:
    """A number that is a timeline's content, not a chart's tick: one number outside every chart's
    marks, in a column of words, a heading or label a line gap above it at its left edge and a
    line of words a line gap below ('Step 1' / '2020' / '• AI technology and applications ...').
    An axis's ticks stand among numbers or in a row; a bar's value stands inside its chart."""
    if len(line.text.split()) != 1 or any(r.holds(line) for r in figures):
        return False

    def neighbour(direction: int) -> Line | None:
        near = [o for o in lines if o is not line and o.page == line.page and o.role in ("", "heading")
                and 0 < direction * (o.y - line.y) <= RUNNING_LEADING * max(o.size, line.size)
                and o.x0 - 2 <= max(line.x0, o.x0) <= o.x1 and abs(o.x0 - line.x0) <= STEP_INDENT * line.size]
        return min(near, key=lambda o: abs(o.y - line.y)) if near else None

    above, below = neighbour(1), neighbour(-1)
    # the column may end under it (the step's lines go on in the next)
    return all(o is not None and not numbers_only(o.text) and any(c.isalpha() for c in o.text) for o in (above, below or above))


STEP_INDENT = 1.5
"""How far (in type sizes) the lines around a timeline's number may start from it: a heading at its
edge, a bulleted line whose bullet hangs there."""

RUNNING_LEADING = 1.6
"""Line gap (in type sizes) within which two lines belong to one paragraph: body text is set at about
1.2 to 1.4 times its size."""

RUNNING_WIDTH = 0.6
"""A paragraph's line spans most of the measure of the lines around it; a chart label is short."""


def _label(line: Line, body: float) -> bool:
    text = line.text.strip()
    words = word_count(text)
    if words <= FIGURE_LABEL_WORDS and not ends_sentence(text):
        return True
    return line.size < 0.8 * body and words <= 2 * FIGURE_LABEL_WORDS and not ends_sentence(text)

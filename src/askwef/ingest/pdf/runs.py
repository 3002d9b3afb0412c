"""Text runs: what pypdf's text visitor shows on a page, with the extent of each run.

The visitor reports each run of text with its text matrix, font and size. A run's extent comes from
the font's widths; for a Type0 font (browsers embed subsets so) from the glyphs each string shows
and where it is placed, so justified lines and table cells keep their true extent; a run pypdf
joined across a wide gap is split there; ligature glyphs ('ﬁ') become their letters.

The same pass records what the page draws besides text (`Shape`: filled and stroked paths, images),
so figures and shaded boxes can be found where they are drawn.

>>> runs = page_runs(page, Widths())  # doctest: +SKIP
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..conventions import BOLD_FONT_NAME, CONTROL_CHARACTERS, HYPHENS, LIGATURES, SOFT_HYPHEN
from .abutting import closed_up, outer_moves
from .pieces import on_baselines, one_line, raised_pieces, split_at_gaps, tj_parts, trailing_spaces
from .rotation import display_frame
from .widths import Widths

__all__ = ["Run", "Shape", "Widths", "page_runs"]


@dataclass
class Run:
    text: str
    x: float
    y: float
    size: float
    bold: bool
    rise: float
    width: float
    ends_line: bool
    glued: bool = False  # cut from the run before it (one of pypdf's) at a gap on its baseline: one line with it but across a gutter


@dataclass(frozen=True)
class Shape:
    """Something drawn: a filled or stroked path, or an image, by its bounding box (page space).

    `light` is a fill (or image) of a pale colour: the shading of a box or a page, not a bar."""

    x0: float
    y0: float
    x1: float
    y1: float
    kind: str  # "fill" | "stroke" | "image"
    light: bool = False


def _lightness(operands) -> float | None:
    """The lightness (0 black .. 1 white) of a colour set with g, rg or k (and their sc forms)."""
    try:
        values = [float(v) for v in operands]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        return values[0]
    if len(values) == 3:
        return sum(values) / 3
    if len(values) == 4:
        return (1 - min(1.0, values[3])) * (1 - max(values[:3]))
    return None


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def _glyph_text(text: str) -> str:
    """A run's letters as the page prints them: no control characters, ligatures as their letters,
    every hyphen as '-', a soft hyphen only where it ends the run: 'ﬁnal\u00ad' -> 'final-'."""
    text = CONTROL_CHARACTERS.sub("", text).translate(LIGATURES).translate(HYPHENS)
    end = len(text.rstrip())
    if text[:end].endswith(SOFT_HYPHEN):
        return text[: end - 1].replace(SOFT_HYPHEN, "") + "-" + text[end:]
    return text.replace(SOFT_HYPHEN, "")


def _respaced(clean: str, spaced: list[str]) -> str:
    """pypdf's text of a run, with the spaces the strings' own word gaps show when they spell the same
    letters: 'ArtificialIntelligence(AI)is' -> 'Artificial Intelligence (AI) is'. A word gap after
    the last letter stays ('2022.' then the gap before the next run's 'The'): the next run may
    start right where the gap ends, with no space of its own."""
    candidate = _glyph_text("".join(spaced))
    if candidate.count(" ") > clean.count(" ") and candidate.replace(" ", "") == clean.replace(" ", ""):
        lead = " " if clean.startswith(" ") else ""
        return lead + " ".join(candidate.split()) + (" " if clean.endswith(" ") or candidate.endswith(" ") else "")
    return clean


_FILL = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_STROKE = {b"S", b"s"}
_PATH = {b"m", b"l", b"c", b"v", b"y"}


def page_runs(page, widths: Widths, shapes: list[Shape] | None = None, tick=None) -> list[Run]:
    """The text runs of a page, in content order, with their position, size, weight and text rise.

    When `shapes` is a list, what the page draws is appended to it. `tick` is called for every
    operator (a reader's deadline check)."""
    runs: list[Run] = []
    state = {"rise": 0.0, "rises": [], "saved": [], "font": None, "size": 0.0, "ends": [], "at": None, "offset": 0.0, "advance": 0.0,
             "path": [], "fill": 0.0, "spaced": [], "tc": 0.0, "tw": 0.0, "tz": 1.0}
    try:
        fonts = page["/Resources"]["/Font"]
    except Exception:  # noqa: BLE001 - no font resources: widths are estimated
        fonts = {}
    try:
        xobjects = page["/Resources"].get("/XObject") or {}
    except Exception:  # noqa: BLE001
        xobjects = {}

    # a form XObject's content is reported in the form's own space (pypdf starts it with a fresh
    # matrix): its text and marks are placed by the form's /Matrix and the matrix in effect where
    # it is drawn. forms: (form space -> page, the form's fonts, its XObjects) of each form being read
    forms: list[tuple[list[float], dict, dict]] = []
    pending: list = []  # a form drawn ("Do"), entered at its first operator
    drawing: list[bool] = []  # for each "Do" being read: whether it drew a form
    try:  # a page turned by its /Rotate is read as it is shown (`rotation.py`)
        shown, _ = display_frame(page.get("/Rotate"), tuple(page.mediabox))
    except Exception:  # noqa: BLE001 - no usable box: the stored frame
        shown = None

    def placed(cm) -> list[float]:
        cm = _mult(cm, forms[-1][0]) if forms else cm
        return _mult(cm, shown) if shown else cm

    def enter(operands, cm) -> bool:
        """A form is drawn: its transformation is kept until its content is read."""
        try:
            xobject = (forms[-1][2] if forms else xobjects)[operands[0]].get_object()
            if xobject.get("/Subtype") != "/Form":
                return False
            matrix = [float(v) for v in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0])]
            resources = xobject.get("/Resources")
            resources = resources.get_object() if resources is not None else {}
            own_fonts = resources.get("/Font") or (forms[-1][1] if forms else fonts)
            own_xobjects = resources.get("/XObject") or {}
        except Exception:  # noqa: BLE001 - an unreadable form: its content stays where pypdf puts it
            return False
        pending.append((_mult(matrix, cm), own_fonts.get_object() if hasattr(own_fonts, "get_object") else own_fonts,
                        own_xobjects.get_object() if hasattr(own_xobjects, "get_object") else own_xobjects))
        return True

    def after(operator, operands, cm, tm):
        if operator == b"Do" and drawing and drawing.pop():
            if pending:
                pending.pop()  # an empty form
            elif forms:
                forms.pop()

    def point(x, y, cm) -> tuple[float, float]:
        return cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5]

    def graphics(operator, operands, cm) -> None:
        if operator == b"re" and len(operands) == 4:
            x, y, w, h = (float(v) for v in operands)
            state["path"].append([point(x, y, cm), point(x + w, y, cm), point(x + w, y + h, cm), point(x, y + h, cm)])
        elif operator in _PATH and len(operands) >= 2:
            values = [float(v) for v in operands]
            if operator == b"m" or not state["path"]:
                state["path"].append([])
            state["path"][-1] += [point(values[k], values[k + 1], cm) for k in range(0, len(values) - 1, 2)]
        elif operator in _FILL or operator in _STROKE:
            fill = operator in _FILL
            for x0, y0, x1, y1 in subpath_boxes(state["path"]):
                shapes.append(Shape(x0, y0, x1, y1, "fill" if fill else "stroke", fill and state["fill"] > 0.8))
            state["path"] = []
        elif operator == b"n":
            state["path"] = []  # a clipping path: nothing drawn
        elif operator in (b"g", b"rg", b"k", b"sc", b"scn"):
            light = _lightness(operands)
            state["fill"] = light if light is not None else state["fill"]
        elif operator == b"Do" and operands:
            try:
                subtype = (forms[-1][2] if forms else xobjects)[operands[0]].get_object().get("/Subtype")
            except Exception:  # noqa: BLE001 - an XObject of a form's own resources
                subtype = None
            if subtype == "/Image":
                corners = [point(x, y, cm) for x in (0, 1) for y in (0, 1)]
                xs, ys = [p[0] for p in corners], [p[1] for p in corners]
                shapes.append(Shape(min(xs), min(ys), max(xs), max(ys), "image"))
        elif operator == b"INLINE IMAGE":
            corners = [point(x, y, cm) for x in (0, 1) for y in (0, 1)]
            xs, ys = [p[0] for p in corners], [p[1] for p in corners]
            shapes.append(Shape(min(xs), min(ys), max(xs), max(ys), "image"))

    def before(operator, operands, cm, tm):
        if tick is not None:
            tick()
        if pending:
            forms.append(pending.pop())  # the first operator of a form's content
        cm = placed(cm)
        if operator == b"Do" and operands:
            drawing.append(enter(operands, cm))
        if shapes is not None and operator not in (b"Tj", b"TJ", b"Tf", b"Td", b"TD", b"Tm", b"T*", b"BT", b"ET"):
            try:
                graphics(operator, operands, cm)
            except (TypeError, ValueError, IndexError):
                state["path"] = []
        if operator == b"q":  # the text state is graphics state: saved and restored with it
            state["saved"].append((state["rise"], state["fill"], state["tc"], state["tw"], state["tz"]))
        elif operator == b"Q":
            state["rise"], state["fill"], state["tc"], state["tw"], state["tz"] = state["saved"].pop() if state["saved"] else (0.0, state["fill"], 0.0, 0.0, 1.0)
        elif operator == b"Tz" and operands:  # horizontal scaling, in percent: every advance scales with it
            try:
                state["tz"] = float(operands[0]) / 100
            except (TypeError, ValueError):
                pass
        elif operator in (b"Tc", b"Tw") and operands:
            try:
                state[operator.decode().lower()] = float(operands[0])
            except (TypeError, ValueError):
                pass
        elif operator == b'"' and len(operands) >= 3:
            try:
                state["tw"], state["tc"] = float(operands[0]), float(operands[1])
            except (TypeError, ValueError):
                pass
        elif operator == b"Ts" and operands:
            try:
                state["rise"] = float(operands[0])
            except (TypeError, ValueError):
                pass
        elif operator == b"Tf" and len(operands) >= 2:
            try:
                state["font"], state["size"] = (forms[-1][1] if forms else fonts)[operands[0]].get_object(), float(operands[1])
            except Exception:  # noqa: BLE001 - a font of a form's own resources: estimated
                state["font"] = None
        if operator in (b"Tj", b"TJ", b"'", b'"'):
            state["rises"].append(state["rise"])
            state["spaced"].append(widths.spaced(state["font"], operands[-1] if operands else b""))
            # where this string ends on the page: browsers place every glyph (justified lines
            # included), so a run ends where its last string does, not at start + letter widths
            string = operands[-1] if operands else b""
            shown = widths.advance(state["font"], string, state["size"], (state["tc"], state["tw"]))
            if shown is not None:
                advance, letters = shown
                m = _mult(tm, cm)
                # strings shown one after another without a move start where the last one ended
                # (pypdf reports the text matrix as it was set, not advanced)
                at = (round(m[4], 3), round(m[5], 3))
                state["offset"] = state["offset"] + state["advance"] if state.get("at") == at else 0.0
                state["at"], state["advance"] = at, advance
                scale = (math.hypot(m[0], m[1]) or 1.0) * state["tz"]
                start = m[4] + state["offset"] * scale
                simple = getattr(widths.font(state["font"]), "sub_type", "") != "Type0"
                size = state["size"] * (math.hypot(m[2], m[3]) or 1.0)
                # a TJ that jumps a column's gutter (the IRS's instructions set each baseline of three columns as one
                # TJ): a string for each stretch, so the gap between them shows (`pieces.split_at_gaps`)
                for k, (skip, part) in enumerate(tj_parts(string, state["size"])):
                    moved = widths.advance(state["font"], part, state["size"], (state["tc"], state["tw"])) if part is not string else shown
                    if moved is None:
                        continue
                    start += skip * scale
                    lead, trail = outer_moves(part, state["size"])  # where its letters begin and end (`abutting.py`)
                    # (and what Tw widens its closing spaces by, which a run's extent leaves out: `visit`)
                    blank = trailing_spaces(part) * max(0.0, state["tw"]) * scale if simple else 0.0
                    state["ends"].append((start, start + moved[0] * scale, m[5], moved[1], simple, size, k > 0,
                                          start + lead * scale, start + (moved[0] - trail) * scale, blank))
                    start += moved[0] * scale

    def visit(text, cm, tm, font_dict, font_size):
        cm = placed(cm)
        rises, state["rises"] = state["rises"], []
        ends, state["ends"] = state["ends"], []
        # ligature glyphs ('ﬁ' in 'artiﬁcial', as embedded font subsets map them) are their letters
        spaced, state["spaced"] = state["spaced"], []
        clean = _glyph_text(text.replace("\r", "\n").rstrip("\n"))
        if spaced and all(isinstance(t, str) for t in spaced):
            clean = _respaced(clean, spaced)
        if not clean.strip():
            if text.endswith("\n") and runs:
                runs[-1].ends_line = True
            return
        m = _mult(tm, cm)
        at = (round(m[4], 3), round(m[5], 3))
        if runs and runs[-1].ends_line and state.get("shown_at_before") == at and runs[-1].text.strip() != clean.strip():
            # pypdf reports a string's text in two pieces from the one place, the first ended as a line (Word 2016
            # sets a matrix inside the text object: '[(P)-2(ixmap)] TJ' came as 'P' + newline, then 'ixmap' at 'P''s
            # place, and the overprint rule dropped the 'P'): the text did not move, the line goes on; the same text
            # drawn twice at one place (a chart's label) is an overprint
            runs[-1].ends_line = False
        state["shown_at_before"] = at
        scale_y = math.hypot(m[2], m[3]) or 1.0
        scale_x = math.hypot(m[0], m[1]) or 1.0
        size = float(font_size) * scale_y
        if runs and runs[-1].ends_line and _goes_on(runs[-1], m[4], m[5], size):
            runs[-1].ends_line = False
        name = str(font_dict.get("/BaseFont", "")) if font_dict is not None else ""
        rise = max(rises, default=0.0) * scale_y
        width = widths.width(font_dict, clean, float(font_size)) * scale_x
        bold = bool(BOLD_FONT_NAME.search(name))
        x = m[4]
        raised = raised_pieces(clean, ends, size, m[5]) if len(ends) > 1 else None
        if raised:  # a marker set smaller and higher by its own text matrix, which pypdf runs into the line's text
            for k, (piece, start, end, own, up) in enumerate(raised):
                runs.append(Run(piece, start, m[5], own, bold, up, end - start, k == len(raised) - 1 and text.endswith("\n")))
            return
        if ends and any(e[4] for e in ends) and not one_line(ends, clean, m[4], m[5]) and not on_baselines(ends, clean, m[4], m[5], size):
            ends = []  # a simple font's strings elsewhere than the run says (reportlab): letter widths
        if len(ends) > 1:  # a space pypdf put between strings whose letters meet (its widths leave out Tw)
            clean = closed_up(clean, ends, size)
        if ends and max(e[1] for e in ends) > m[4]:
            if ends[0][0] > x + 1:
                # pypdf puts a space it inserted for a gap where the gap starts, and a string shown after another
                # without a move where the text matrix was set (Amazon's report: a link's 'UNGPs' at its line's start,
                # so the line ran on 160 pt past its end, across the gutter)
                x = ends[0][0]
            # a run ends at its last letter: a word space Tw widens at its end shows nothing (the FDA's table cells, 'Field '
            # set with Tw 9.7, ran 97 pt past their letters, over the next columns)
            blank = ends[-1][9] if ends[-1][1] >= max(e[1] for e in ends) else 0.0
            width = max(e[1] for e in ends) - x - blank
            pieces = split_at_gaps(clean, ends, size)
            if len(pieces) > 1:  # table cells pypdf ran together: one run per cell
                for k, (piece, start, end, base, glued) in enumerate(pieces):
                    last = k == len(pieces) - 1
                    runs.append(Run(piece, start, base, size, bold, rise, end - start - (blank if last else 0.0),
                                    last and text.endswith("\n"), glued))
                return
        runs.append(Run(clean, x, m[5], size, bold, rise, width, text.endswith("\n")))

    page.extract_text(visitor_text=visit, visitor_operand_before=before, visitor_operand_after=after)
    return runs


GOES_ON = 0.1
"""Type sizes a string may start off where the run before it ends, on its baseline, and go on from it: InDesign sets
a new text matrix inside a word ('m' then 'easure them' 0.01 pt on, 'To red' then 'uce', 'custome' | 'rs as possible'
and 'de' | 'cision-making' 0.1 pt apart), and pypdf ends a line there; a word space is 0.25 em or more. (Not
`abutting.ABUT_GAP`, which takes out a space pypdf put inside one run between two strings whose letters meet.)"""


def _goes_on(before: Run, x: float, y: float, size: float) -> bool:
    """Whether a string drawn at (x, y) goes on from the run before it: on its baseline, of its size, and starting
    where its letters end (GOES_ON), not a line of its own that pypdf ended."""
    return abs(y - before.y) < 0.01 * size and abs(before.size - size) < 0.01 * size and before.rise == 0 \
        and abs(x - (before.x + before.width)) <= GOES_ON * size


CHART_PIECES = 3
"""A path of this many upright rectangles or more is a chart's bars, each its own mark; fewer is one
mark: the UK strategy draws its footnotes' letters as outlines, an 'i' as two rectangles (stem and
dot), and a dot taken for its own mark stands raised like a footnote's number."""


def subpath_boxes(path: list[list[tuple[float, float]]]) -> list[tuple[float, float, float, float]]:
    """The marks one painted path makes: a bar chart drawn as one path, its bars the pieces (each
    opened by 're' or 'm', every one an upright rectangle), is a mark per bar, as when each bar is its
    own path; any other path (a letter drawn as outlines, a slice, a line) is one mark, its extent.

    >>> bar = lambda x, h: [(x, 0), (x + 5, 0), (x + 5, h), (x, h)]
    >>> subpath_boxes([bar(0, 20), bar(10, 30), bar(20, 25)])
    [(0, 0, 5, 20), (10, 0, 15, 30), (20, 0, 25, 25)]
    >>> subpath_boxes([bar(0, 20), bar(10, 30), [(20, 0), (22, 30), (25, 0)]])
    [(0, 0, 25, 30)]
    """
    pieces = [piece for piece in path if piece]
    if not pieces:
        return []
    boxes = [(min(p[0] for p in piece), min(p[1] for p in piece), max(p[0] for p in piece), max(p[1] for p in piece)) for piece in pieces]
    if len(pieces) >= CHART_PIECES and all(_upright_rectangle(piece) for piece in pieces):
        return boxes
    return [(min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))]


def _upright_rectangle(piece: list[tuple[float, float]]) -> bool:
    """Corners only, two xs and two ys: 're', or 'm' and three or four 'l' around a box."""
    xs = {round(p[0], 1) for p in piece}
    ys = {round(p[1], 1) for p in piece}
    return len(piece) in (4, 5) and len(xs) == 2 and len(ys) == 2

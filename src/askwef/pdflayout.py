"""PDF page layout: pypdf text runs -> lines in reading order, page furniture marked.

The text visitor of pypdf reports each run of text with its text matrix, font and size. Here:

- a run's extent comes from the font's widths; for a Type0 font (browsers embed subsets so) from
  the glyphs each string shows and where it is placed, so justified lines and table cells keep
  their true extent; a run pypdf joined across a wide gap is split there; ligature glyphs
  ('ﬁ') become their letters;
- runs on one baseline, side by side, become a `Line`; a run that is smaller, digits only and
  raised (text rise or a higher baseline) is an endnote marker: kept in `Line.markers`, not in
  the text ("by 2027." + superscript "33" -> text "by 2027.", marker (8, 33));
- running headers and footers (same text, digits aside, at the same place on many pages) and lone
  page numbers at the top or bottom of a page are marked "furniture";
- a table (a row of two or more short bold cells, then lines under them) is marked "table", each
  line with the column it stands in;
- a page with a column gutter is read left column then right column, between full-width lines.

>>> lines = reading_order(page_lines(page_runs(page, Widths()), 0), (595.0, 842.0))  # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .text import collapse_space, parse_marker_numbers, word_count

MARKER_TEXT = re.compile(r"^\s*\d{1,3}(?:\s*[,\-–]\s*\d{1,3})*\s*$")
_LONE_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)

# --- runs and lines ----------------------------------------------------------------------------


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


@dataclass
class Line:
    page: int  # physical page index
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    text: str
    markers: list[tuple[int, int]] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    column: int = 0  # 0 full width / single column, 1 left, 2 right
    role: str = ""  # "" body, "heading", "table", "contents", "furniture"
    level: int = 0


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
    ]


class Widths:
    """Text widths from the PDF's font resources (pypdf knows the metrics of the standard 14 fonts).

    A composite (Type0) font, as browsers embed them, keys its widths by glyph id, not by letter:
    the letters are mapped back through the font's ToUnicode map ('D' -> glyph 0x27 -> 770 units).
    """

    def __init__(self) -> None:
        self._fonts: dict[int, object] = {}
        self._glyphs: dict[int, dict[str, float]] = {}

    def width(self, font_dict, text: str, size: float) -> float:
        key = id(font_dict)
        font = self._fonts.get(key)
        if font is None and font_dict is not None:
            try:
                from pypdf.generic._font import Font

                font = Font.from_font_resource(font_dict)
            except Exception:  # noqa: BLE001 - any odd font falls back to an estimate
                font = False
            self._fonts[key] = font
            self._glyphs[key] = _letter_widths(font) if font else {}
        if font:
            letters = self._glyphs.get(key) or {}
            if letters:
                default = float(getattr(font, "space_width", 0) or 500) if " " not in letters else letters[" "]
                return sum(letters.get(c, default) for c in text) * size / 1000
            try:
                return font.get_text_width(text) * size / 1000  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001
                pass
        return 0.5 * size * len(text)


    def advance(self, font_dict, string, size: float) -> tuple[float, str] | None:
        """How far a Tj/TJ string of a Type0 font moves the text position (text space), and its
        letters; None when the font is not a Type0 font or unknown (letter widths are estimated)."""
        if font_dict is None:
            return None
        self.width(font_dict, "", size)  # loads the font
        font = self._fonts.get(id(font_dict))
        if not font or getattr(font, "sub_type", "") != "Type0":
            return None
        glyphs = getattr(font, "character_widths", None) or {}
        letters = getattr(font, "character_map", None) or {}
        total = 0.0
        text = ""
        for part in string if isinstance(string, list) else [string]:
            if isinstance(part, (int, float)):
                total -= float(part) / 1000 * size  # a TJ adjustment
                continue
            raw = part.original_bytes if hasattr(part, "original_bytes") else bytes(part) if isinstance(part, (bytes, bytearray)) else None
            if raw is None:
                return None
            for i in range(0, len(raw) - 1, 2):
                code = chr(raw[i] << 8 | raw[i + 1])
                total += float(glyphs.get(code, 0.0)) / 1000 * size
                letter = letters.get(code, "")
                text += letter if isinstance(letter, str) else ""
        return total, text


def _letter_widths(font) -> dict[str, float]:
    """Letter -> width of a Type0 font whose widths are keyed by glyph code; {} for a simple font."""
    if getattr(font, "sub_type", "") != "Type0":
        return {}
    widths = getattr(font, "character_widths", None) or {}
    letters: dict[str, float] = {}
    for code, letter in (getattr(font, "character_map", None) or {}).items():
        if isinstance(letter, str) and len(letter) == 1 and code in widths and letter not in letters:
            letters[letter] = float(widths[code])
    return letters


def page_runs(page, widths: Widths) -> list[Run]:
    """The text runs of a page, in content order, with their position, size, weight and text rise."""
    runs: list[Run] = []
    state = {"rise": 0.0, "rises": [], "saved": [], "font": None, "size": 0.0, "ends": [], "at": None, "offset": 0.0, "advance": 0.0}
    try:
        fonts = page["/Resources"]["/Font"]
    except Exception:  # noqa: BLE001 - no font resources: widths are estimated
        fonts = {}

    def before(operator, operands, cm, tm):
        if operator == b"q":  # the text rise is graphics state: saved and restored with it
            state["saved"].append(state["rise"])
        elif operator == b"Q":
            state["rise"] = state["saved"].pop() if state["saved"] else 0.0
        elif operator == b"Ts" and operands:
            try:
                state["rise"] = float(operands[0])
            except (TypeError, ValueError):
                pass
        elif operator == b"Tf" and len(operands) >= 2:
            try:
                state["font"], state["size"] = fonts[operands[0]].get_object(), float(operands[1])
            except Exception:  # noqa: BLE001 - a font of a form's own resources: estimated
                state["font"] = None
        elif operator in (b"Tj", b"TJ", b"'", b'"'):
            state["rises"].append(state["rise"])
            # where this string ends on the page: browsers place every glyph (justified lines
            # included), so a run ends where its last string does, not at start + letter widths
            shown = widths.advance(state["font"], operands[-1] if operands else b"", state["size"])
            if shown is not None:
                advance, letters = shown
                m = _mult(tm, cm)
                # strings shown one after another without a move start where the last one ended
                # (pypdf reports the text matrix as it was set, not advanced)
                at = (round(m[4], 3), round(m[5], 3))
                state["offset"] = state["offset"] + state["advance"] if state.get("at") == at else 0.0
                state["at"], state["advance"] = at, advance
                scale = math.hypot(m[0], m[1]) or 1.0
                start = m[4] + state["offset"] * scale
                state["ends"].append((start, start + advance * scale, m[5], letters))

    def visit(text, cm, tm, font_dict, font_size):
        rises, state["rises"] = state["rises"], []
        ends, state["ends"] = state["ends"], []
        # ligature glyphs ('ﬁ' in 'artiﬁcial', as embedded font subsets map them) are their letters
        clean = _CONTROL.sub("", text.replace("\r", "\n").rstrip("\n")).translate(_LIGATURES)
        if not clean.strip():
            if text.endswith("\n") and runs:
                runs[-1].ends_line = True
            return
        m = _mult(tm, cm)
        scale_y = math.hypot(m[2], m[3]) or 1.0
        scale_x = math.hypot(m[0], m[1]) or 1.0
        size = float(font_size) * scale_y
        name = str(font_dict.get("/BaseFont", "")) if font_dict is not None else ""
        rise = max(rises, default=0.0) * scale_y
        width = widths.width(font_dict, clean, float(font_size)) * scale_x
        bold = bool(_BOLD_FONT.search(name))
        x = m[4]
        if ends and max(e[1] for e in ends) > m[4]:
            if ends[0][0] > x + 1 and clean.startswith(" "):
                x = ends[0][0]  # pypdf puts a space it inserted for a gap where the gap starts
            width = max(e[1] for e in ends) - x
            pieces = _split_at_gaps(clean, ends, size)
            if len(pieces) > 1:  # table cells pypdf ran together: one run per cell
                for k, (piece, start, end) in enumerate(pieces):
                    last = k == len(pieces) - 1
                    runs.append(Run(piece, start, m[5], size, bold, rise, end - start, last and text.endswith("\n")))
                return
        runs.append(Run(clean, x, m[5], size, bold, rise, width, text.endswith("\n")))

    page.extract_text(visitor_text=visit, visitor_operand_before=before)
    return runs


def _split_at_gaps(text: str, shown: list[tuple[float, float, float, str]], size: float) -> list[tuple[str, float, float]]:
    """A run whose strings jump right by more than two letter heights on one baseline (table cells,
    which pypdf joins with a space) -> its pieces with their extents: 'Application Solutions in
    China' -> [('Application', 60, 108), ('Solutions in China', 140, 192)]. The strings' own letters
    must spell the run (spaces aside), else the run stays whole."""
    groups: list[list[tuple[float, float, float, str]]] = [[shown[0]]]
    for previous, current in zip(shown, shown[1:]):
        if abs(current[2] - previous[2]) < 0.5 and current[0] - previous[1] > 2 * size:
            groups.append([current])
        else:
            groups[-1].append(current)
    if len(groups) == 1:
        return [(text, shown[0][0], shown[-1][1])]
    spelled = ["".join(s[3] for s in g).translate(_LIGATURES).replace(" ", "") for g in groups]
    if "".join(spelled) != text.replace(" ", ""):
        return [(text, shown[0][0], max(s[1] for s in shown))]
    pieces: list[tuple[str, float, float]] = []
    at = 0
    for group, letters in zip(groups, spelled):
        count, end = 0, at
        while end < len(text) and count < len(letters):
            count += text[end] != " "
            end += 1
        pieces.append((text[at:end].strip(), group[0][0], group[-1][1]))
        at = end
    return [p for p in pieces if p[0]]


def page_lines(runs: list[Run], page_no: int) -> list[Line]:
    """Runs on one baseline and side by side -> lines; superscript markers are taken out of the text."""
    groups: list[list[Run]] = []
    x_end = 0.0
    for run in runs:
        cur = groups[-1] if groups else None
        if cur is not None and not cur[-1].ends_line:
            first = cur[0]
            size = max(r.size for r in cur)
            same_base = abs(run.y - first.y) <= 0.3 * size or (run.size < 0.9 * size and -0.2 * size <= run.y - first.y <= 0.7 * size)
            # runs that pypdf reports at the previous run's x (the text matrix did not move) follow on
            same_x = abs(run.x - cur[-1].x) < 0.5
            # estimated widths can run long (embedded font subsets): a run further right than the
            # previous one's start, and not past the estimated end plus a gap, follows on
            continues = same_x or (max(cur[-1].x + 0.5, min(x_end - 2, cur[-1].x + 0.5 * cur[-1].width)) <= run.x <= x_end + 1.8 * max(size, run.size))
            # two short bold cells a padding apart (a table's header row): not one line
            cells = run.bold and cur[-1].bold and not same_x and run.x > x_end + 0.6 * run.size \
                and word_count(run.text) <= 6 and word_count("".join(r.text for r in cur)) <= 6
            if same_base and continues and not cells:
                if run.x > x_end + 0.15 * run.size and not cur[-1].text.endswith(" ") and not run.text.startswith(" "):
                    run.text = " " + run.text  # a gap on the page is a space in the text
                cur.append(run)
                # reportlab-style runs all carry the line's start x: their width adds up
                x_end = x_end + run.width if same_x else run.x + run.width
                continue
        groups.append([run])
        x_end = run.x + run.width
    lines: list[Line] = []
    for group in groups:
        chars = Counter()
        for r in group:
            chars[round(r.size, 1)] += len(r.text.strip())
        body = max(chars, key=lambda s: (chars[s], s))
        text = ""
        markers: list[tuple[int, int]] = []
        kept: list[Run] = []
        for r in group:
            raised = r.rise > 0.05 * body or r.y - group[0].y > 0.15 * body
            if text.strip() and r.size < 0.9 * body and raised and MARKER_TEXT.match(r.text):
                end = len(text.rstrip())
                markers.extend((end, n) for n in parse_marker_numbers(r.text.replace("–", "-")))
                continue
            text += r.text
            kept.append(r)
        cleaned = collapse_space(text, markers)  # one space between words, markers moved along
        if not cleaned.text:
            continue
        text, markers = cleaned.text, list(cleaned.markers)
        x0 = min(r.x for r in group)
        x1 = max(x0 + sum(r.width for r in group), max(r.x + r.width for r in group))
        lines.append(Line(
            page=page_no, x0=x0, x1=x1, y=group[0].y, size=body,
            bold=all(r.bold for r in kept if r.text.strip()), text=text, markers=markers, runs=group,
        ))
    return lines



# --- page furniture and layout -----------------------------------------------------------------


def mark_furniture(pages: list[list[Line]], sizes: list[tuple[float, float]], labels: list[str]) -> None:
    """Running headers/footers (same text, digits aside, same place on many pages) and lone page numbers."""
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    for lines in pages:
        for line in lines:
            key = re.sub(r"\d+", "#", line.text.casefold())
            seen[(key, round(line.y / 6))].add(line.page)
    threshold = max(3, int(0.3 * len(pages)))
    for lines in pages:
        if not lines:
            continue
        height = sizes[lines[0].page][1]
        for line in lines:
            band = line.y > 0.9 * height or line.y < 0.08 * height
            key = re.sub(r"\d+", "#", line.text.casefold())
            repeated = len(seen[(key, round(line.y / 6))]) >= threshold
            if band and (repeated or _is_page_number(line.text, line.page, labels)):
                line.role = "furniture"


def _is_page_number(text: str, index: int, labels: list[str]) -> bool:
    """'17' on the page labelled 17 (or near its physical number), 'iv', 'Page 3 of 30'; not a year."""
    if not _LONE_PAGE_NUMBER.match(text):
        return False
    digits = re.findall(r"\d+", text)
    if not digits:
        return True  # roman
    n = int(digits[0])
    printed = labels[index] if index < len(labels) else ""
    return str(n) == printed or abs(n - (index + 1)) <= 3


def body_size(pages: list[list[Line]]) -> float:
    chars: Counter = Counter()
    for lines in pages:
        for line in lines:
            if line.role != "furniture":
                chars[round(line.size, 1)] += len(line.text)
    return max(chars, key=lambda s: chars[s]) if chars else 10.0


def reading_order(lines: list[Line], size: tuple[float, float]) -> list[Line]:
    """Top to bottom; on two-column stretches the left column first. Tables keep their rows."""
    lines = sorted(lines, key=lambda l: (-round(l.y, 1), l.x0))
    width = size[0]
    _mark_tables(lines)
    starts = Counter(round(l.x0) for l in lines if l.role not in ("furniture", "table") and 0.4 * width < l.x0 < 0.62 * width)
    if not starts or max(starts.values()) < 2:
        return lines
    gutter = max(starts, key=lambda x: starts[x]) - 2
    if sum(1 for l in lines if l.role == "" and l.x1 <= gutter + 4 and l.x0 < 0.3 * width) < 2:
        return lines  # text starting mid-page, but no left column beside it
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []

    def flush() -> None:
        out.extend(left)
        out.extend(right)
        left.clear()
        right.clear()

    for line in lines:
        if line.role == "furniture":
            continue
        if line.role == "table":
            flush()
            out.append(line)
            continue
        if line.x0 >= gutter:
            line.column = 2
            right.append(line)
        elif line.x1 <= gutter + 4:
            line.column = 1
            left.append(line)
        else:
            flush()
            out.append(line)
    flush()
    furniture = [l for l in lines if l.role == "furniture"]
    return out + furniture


def _mark_tables(lines: list[Line]) -> None:
    """Find table regions: a row of 2+ short bold cells, then lines at those cells' x positions."""
    by_y: dict[float, list[Line]] = defaultdict(list)
    for line in lines:
        if line.role != "furniture":
            by_y[round(line.y)].append(line)
    done: set[int] = set()
    ys = sorted(by_y, reverse=True)
    for y in ys:
        row = sorted(by_y[y], key=lambda l: l.x0)
        if len(row) < 2 or id(row[0]) in done or not all(l.bold and word_count(l.text) <= 6 for l in row):
            continue
        columns = [l.x0 for l in row]
        if columns[-1] - columns[0] < 40:
            continue
        region = [l for l in lines if l.role != "furniture" and l.y < y - 0.5]
        members: list[Line] = []
        last_y = y
        for line in region:
            if last_y - line.y > 4 * line.size + 8:
                break
            if line.x0 < columns[0] - 3 or (line.x0 < columns[1] - 3 and line.x1 > columns[1] + 3):
                break
            if re.match(r"^(Sources?|Notes?)\s*:", line.text) or (members and abs(line.size - members[0].size) > 0.3):
                break
            members.append(line)
            last_y = line.y
        if not members:
            continue
        for l in row:
            l.role = "table"
            l.level = -1  # the header row
        for l in members:
            l.role = "table"
            l.column = max(i for i, x in enumerate(columns) if l.x0 >= x - 3)
        done.update(id(l) for l in row)

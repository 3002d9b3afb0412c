"""A run's strings cut into pieces where the page shows they are apart: strings that jump right across a gap on one
baseline (table cells pypdf runs together) and strings set smaller and higher by a text matrix of their own (InDesign's
superscript markers). Each string is (start, end, baseline, letters, simple font, size), as `runs.page_runs` records
them; a piece stands where its strings' letters are in the run's text (`_spelled_spans`), else the run stays whole.

>>> split_at_gaps("Application Solutions in China", [(60, 108, 700, "Application", True, 9), (140, 192, 700, "Solutions in China", True, 9)], 9)
[('Application', 60, 108, 700, False), ('Solutions in China', 140, 192, 700, False)]
"""

from __future__ import annotations

from ..conventions import LIGATURES
from .powers import SUB_LOW, SUB_SMALLER


def one_line(shown: list[tuple], text: str, x: float, y: float) -> bool:
    """The strings of a run shown from its start on its baseline, spelling its letters: their extent is
    the run's. reportlab's runs after a line's first all report the line's start, their strings
    placed after the strings before them: their letter widths add up instead (`page_lines`)."""
    spelled = "".join(s[3] for s in shown).translate(LIGATURES).replace(" ", "")
    return abs(shown[0][0] - x) < 0.5 and all(abs(s[2] - y) < 0.5 for s in shown) and spelled == text.replace(" ", "")


RAISED_SIZE = 0.85
"""A string set at most this share of its run's size, and higher (`RAISED_RISE`), is a marker of its own."""

RAISED_RISE = 0.1
"""Sizes of the run a string's baseline stands above the run's, at least, to be raised: an InDesign export sets
a superscript by its own text matrix, 6.96 pt type 3.96 pt above an 11.04 pt line ('ATC.' '488'), no text rise."""


def raised_pieces(text: str, shown: list[tuple], size: float, base: float) -> list[tuple[str, float, float, float, float]] | None:
    """A run pypdf made of strings some of which are set smaller and higher by their own text matrix (InDesign's
    superscripts: 'in these patients with ATC.' '488'), or digits smaller and lower (a formula's subscript: Amazon's
    'equivalent (CO' '2' 'e)', which pypdf read 'CO 2e'), cut into pieces: (text, start, end, size, rise) for each
    stretch of strings raised, lowered or not (a lowered piece's rise below 0); None when no string is raised or
    lowered, or when the strings' letters do not spell the run (spaces aside)."""
    if not all(len(s) > 5 for s in shown):
        return None
    up = [1 if s[5] < RAISED_SIZE * size and s[2] - base > RAISED_RISE * size else -1 if _lowered(shown, k, size) else 0
          for k, s in enumerate(shown)]
    if not any(up):
        return None
    groups: list[list[int]] = [[0]]
    for k in range(1, len(shown)):
        (groups[-1].append(k) if up[k] == up[groups[-1][-1]] else groups.append([k]))
    spans = _spelled_spans(text, [[shown[k] for k in g] for g in groups])
    if spans is None:
        return None
    pieces: list[tuple[str, float, float, float, float]] = []
    for group, (at, end) in zip(groups, spans):
        first = shown[group[0]]
        shifted = up[group[0]] != 0  # raised or lowered: its own size and rise
        piece = text[at:end].strip() if shifted else text[at:end]
        if piece.strip():
            pieces.append((piece, first[0], max(shown[k][1] for k in group), first[5] if shifted else size,
                           first[2] - base if shifted else 0.0))
    if spans[-1][1] < len(text) and pieces:  # the spaces after the last letters
        piece, start, end, own, rise = pieces[-1]
        pieces[-1] = (piece + text[spans[-1][1]:], start, end, own, rise)
    return pieces


def _lowered(shown: list[tuple], k: int, size: float) -> bool:
    """Whether string k is digits set smaller than the run and lower than the string before it, starting where that
    one ends (GLUED sizes): a subscript ('CO' then '2'). Not a string on a lower baseline of a run pypdf made of
    several (the IRS's columns: a fraction's '1' and '2' after the text of the column to their right)."""
    if k == 0:
        return False
    before, s = shown[k - 1], shown[k]
    return s[3].strip().isdigit() and s[5] < SUB_SMALLER * size and before[5] >= SUB_SMALLER * size \
        and before[2] - s[2] >= SUB_LOW * size and abs(s[0] - before[1]) <= GLUED * size


GLUED = 0.15
"""Type sizes a subscript may start off where the string before it ends (Amazon's 'CO' then '2': 0.0 to 0.1 pt)."""


def _spelled_spans(text: str, groups: list[list[tuple]]) -> list[tuple[int, int]] | None:
    """Where in `text` each group of strings stands (its letters counted, spaces aside), or None when the strings'
    letters do not spell the text."""
    spelled = ["".join(s[3] for s in g).translate(LIGATURES).replace(" ", "") for g in groups]
    if "".join(spelled) != text.replace(" ", ""):
        return None
    spans: list[tuple[int, int]] = []
    at = 0
    for letters in spelled:
        count, end = 0, at
        while end < len(text) and count < len(letters):
            count += text[end] != " "
            end += 1
        spans.append((at, end))
        at = end
    return spans


TJ_GAP = 1000
"""A TJ adjustment moving the next string right by this many thousandths of an em or more opens a gap wider than
any word space (justified lines space words by up to about 500): the IRS's instructions set a baseline of three
columns as one TJ, the columns 1,370 to 15,800 apart ('trade' -1478.5 'personal representative')."""


def trailing_spaces(string) -> int:
    """How many one-byte spaces a Tj/TJ string (or a part of a TJ's array) ends with: word spacing (Tw) widens them."""
    last = next((p for p in reversed(string) if not isinstance(p, (int, float))), b"") if isinstance(string, list) else string
    raw = last.original_bytes if hasattr(last, "original_bytes") else bytes(last) if isinstance(last, (bytes, bytearray)) else b""
    return len(raw) - len(raw.rstrip(b" "))


def tj_parts(string, size: float) -> list[tuple[float, object]]:
    """A TJ's array cut at each adjustment of TJ_GAP or more: (the move before it in text space at `size`, the part);
    any other string whole, [(0.0, string)]."""
    if not isinstance(string, list) or not any(isinstance(p, (int, float)) and -float(p) >= TJ_GAP for p in string):
        return [(0.0, string)]
    parts: list[tuple[float, object]] = []
    skip, part = 0.0, []
    for item in string:
        if isinstance(item, (int, float)) and -float(item) >= TJ_GAP and part:
            parts.append((skip, part))
            skip, part = -float(item) / 1000 * size, []
        elif isinstance(item, (int, float)) and not part:
            skip -= float(item) / 1000 * size  # a move before any letters
        else:
            part.append(item)
    if part:
        parts.append((skip, part))
    return parts


PIECE_GAP = 1.0
"""A gap between two strings of a run, in type sizes, wider than this cuts the run in two (a word space is about a
quarter of an em, a justified one up to half; the IRS's columns stand 1.4 em apart or more where their lines meet)."""

CELL_GAP = 2.0
"""A gap between two strings (Tj, TJ) of a run, in type sizes, wider than this parts table cells pypdf runs together:
the pieces are runs of their own. Narrower gaps, and gaps inside one TJ (a bullet's tab, the IRS's columns), keep
the pieces on one line (`Run.glued`) unless the page shows a column's gutter between them (`layout.page_lines`)."""


WRAP_DROP = 0.9
"""Type sizes a string's baseline stands below the string before it, at least, to start a line of its own (a line's
leading is 1.1 sizes or more, the FDA's table's 1.14; a superscript stands 0.3-0.4 sizes up, the IRS's columns, drawn
a baseline of each in turn, 0.7 pt apart)."""

WRAP_BACK = 2.0
"""Type sizes left of where the string before it ended a string a line lower starts, at least, to start a line of its
own (the FDA's 'Actuals' starts 36 pt, 3.6 sizes, left of where 'FY 2006 ' ends; a note's text after its marker starts
where the marker ends)."""


def split_at_gaps(text: str, shown: list[tuple], size: float) -> list[tuple[str, float, float, float, bool]]:
    """A run whose strings jump right by more than PIECE_GAP type sizes on one baseline (table cells, columns, which
    pypdf joins with a space), or back left (the IRS draws a right column's line, then the middle one's 0.1 pt lower;
    pypdf joins strings less than a line apart, and the IRS's columns set their baselines 0.7 pt apart) -> its pieces with their extents, baselines and whether
    each is glued to the one before (`CELL_GAP`): 'Application Solutions in China' -> [('Application', 60, 108, 700,
    False), ('Solutions in China', 140, 192, 700, False)]. The strings' own letters must spell the run (spaces aside),
    else the run stays whole."""
    groups: list[list[tuple]] = [[shown[0]]]
    glued: list[bool] = [False]
    for previous, current in zip(shown, shown[1:]):
        gap = current[0] - previous[1]
        # back left of where the piece starts: the next column's line drawn first (not a string set a little left of
        # where the estimated widths of those before it end: NCCN's 'Up' ' ' then 'to' 20 pt left of that end)
        back = current[0] < groups[-1][0][0] - 0.5
        if gap > PIECE_GAP * size or back or _wrapped(previous, current, size):  # (a marker raised by its own baseline goes on with its word)
            groups.append([current])
            in_tj = len(current) > 6 and current[6]
            glued.append(abs(current[2] - previous[2]) < 0.5 and not back and (in_tj or gap <= CELL_GAP * size))
        else:
            groups[-1].append(current)
    if len(groups) == 1:
        return [(text, shown[0][0], shown[-1][1], shown[0][2], False)]
    spans = _spelled_spans(text, groups)
    if spans is None:
        return [(text, shown[0][0], max(s[1] for s in shown), shown[0][2], False)]
    # (the space after a piece's last letter stays: 'The ' then a run 'Plan' set right after it)
    ends = [at for at, _ in spans[1:]] + [len(text)]
    pieces = [(text[at:stop].lstrip(), group[0][0], max(s[1] for s in group), group[0][2], join)
              for group, (at, _), stop, join in zip(groups, spans, ends, glued)]
    return [p for p in pieces if p[0].strip()]


def on_baselines(shown: list[tuple], text: str, x: float, y: float, size: float) -> bool:
    """Whether the strings of a run, shown from its start, spell its letters on more than one baseline, jumping from one
    to the next across a gap or back left (pypdf joins strings drawn less than a line apart into one run: the IRS's
    three columns, drawn a baseline of each in turn): their extents are their own, the run is cut there
    (`split_at_gaps`). A marker raised by its own baseline right after its word is no such jump."""
    spelled = "".join(s[3] for s in shown).translate(LIGATURES).replace(" ", "")
    return abs(shown[0][0] - x) < 0.5 and abs(shown[0][2] - y) < 0.5 and spelled == text.replace(" ", "") \
        and any(abs(b[2] - a[2]) >= 0.5 and (b[0] - a[1] > PIECE_GAP * size or b[0] < a[0] - 0.5) or _wrapped(a, b, size)
                for a, b in zip(shown, shown[1:]))


def _wrapped(previous: tuple, current: tuple, size: float) -> bool:
    """A string a line lower than the one before it, starting left of where that one ended: a cell's text wrapped (the
    FDA's table sets 'FY 2006 ' then 'Actuals' by a Td 11.5 pt down, 1.8 pt right of its start; read as one line it ran
    73 pt, past its column's rule)."""
    return previous[2] - current[2] > WRAP_DROP * size and current[0] < previous[1] - WRAP_BACK * size

"""Drop caps: a paragraph's first letter set large, sunk into the lines beside it, is joined to its word.

A drop cap is a line (or a line's first run) of one letter, at least DROP_CAP_RATIO times the size of the text
beside it, whose top stands level with the top of a line just right of it, that line's baseline at least
DROP_CAP_DEPTH sizes above the letter's (the letter goes down beside the lines under it), the line going on with
the word the letter starts ('T' + 'he University was', 'S' + 'calable quantum computation'). Read apart, the letter
was a heading (a section titled 'T' over a newsletter's articles) and the word lost its first letter ('he Department
of ...'). The letter goes back at the start of that line, at the line's size, and the line starts where the letter
does.

>>> page = join_drop_caps(lines)  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import replace

from .layout import Line
from .runs import Run

DROP_CAP_RATIO = 2.0
"""How many times the size of the text beside it a drop cap is set, at least: three lines deep it is 4-5 times it (the
Quark newsletter's 41 pt letters beside 9 pt text, the journal article's 36.4 pt 'S' beside 9.3 pt); two lines deep,
about twice."""

DROP_CAP_DEPTH = 0.8
"""Type sizes (of the text beside it) the letter's baseline stands below the first line's, at least: a drop cap sinks
a line or more (the newsletter's, two lines of 10.8 pt leading); a letter on the first line's baseline is a raised
initial or a heading's word."""

CAP_HEIGHT = 0.7
"""A capital's height in type sizes (0.66-0.75 in common text faces): where a letter's top stands above its baseline."""

TOP_TOLERANCE = 0.6
"""Type sizes (of the text beside it) within which the letter's top and the first line's capitals' top stand level:
the journal article's 'S' tops 1.9 pt (0.2 sizes) under its line's, the newsletter's within 1 pt; the next line down
is 1.1-1.3 sizes lower."""

NEAR = (-0.5, 1.5)
"""Where the line beside a drop cap starts, in its type sizes from the letter's right edge (the letter's width is
estimated): the newsletter's lines start 1.1 pt inside its letters' estimated edge, the journal article's 2.5 pt right
of its 'S'."""


def join_drop_caps(lines: list[Line]) -> list[Line]:
    """One page's lines with each drop cap (see the module docstring) joined to the word it starts."""
    out = list(lines)
    for line in lines:
        parts = _split_initial(line)
        if parts is None:
            continue
        letter, rest = parts
        first = _beside(letter, [o for o in out if o is not line] + ([rest] if rest is not None else []))
        if first is None:
            continue
        at = next(k for k, o in enumerate(out) if o is line)
        out[at : at + 1] = [rest] if rest is not None else []
        at = next(k for k, o in enumerate(out) if o is first)
        out[at] = _with_letter(first, letter)
    return out


def _split_initial(line: Line) -> tuple[Line, Line | None] | None:
    """A line of one large letter: (that line, None); a line whose first run is one large letter and whose other runs
    are text beside it, on the baseline the letter sits on (a drop cap read with the last line it sinks to): (the
    letter as a line of its own, the rest); else None."""
    if _letter(line.text):
        return line, None
    runs = [r for r in line.runs if r.text.strip()]
    if len(runs) < 2 or not _letter(runs[0].text) or runs[0].size < DROP_CAP_RATIO * line.size:
        return None
    head = runs[0]
    text = line.text.lstrip()[1:]
    cut = len(line.text) - len(text)
    rest = text.lstrip()
    cut += len(text) - len(rest)
    letter = Line(page=line.page, x0=head.x, x1=head.x + head.width, y=line.y, size=head.size, bold=head.bold, text=head.text.strip(),
                  runs=[head])
    remains = replace(line, x0=runs[1].x, text=rest, runs=runs[1:], markers=[(max(0, o - cut), n) for o, n in line.markers])
    return letter, remains


def _letter(text: str) -> bool:
    text = text.strip()
    return len(text) == 1 and text.isalpha()


def _beside(letter: Line, lines: list[Line]) -> Line | None:
    """The line whose word `letter` starts: just right of it, its top level with the letter's, above its baseline."""
    top = letter.y + CAP_HEIGHT * letter.size
    found = [line for line in lines if line.page == letter.page and line.size > 0 and letter.size >= DROP_CAP_RATIO * line.size
             and NEAR[0] * line.size <= line.x0 - letter.x1 <= NEAR[1] * line.size
             and line.y - letter.y >= DROP_CAP_DEPTH * line.size
             and abs(line.y + CAP_HEIGHT * line.size - top) <= TOP_TOLERANCE * line.size and _goes_on(line.text)]
    return min(found, key=lambda line: abs(line.y + CAP_HEIGHT * line.size - top), default=None)


def _goes_on(text: str) -> bool:
    """A line that goes on with a word: it opens with a lower-case letter ('he University'), or a word in capitals (the
    first word set in capitals after its initial: 'HE UNIVERSITY')."""
    words = text.split()
    if not words or not words[0][:1].isalpha():
        return False
    word = "".join(ch for ch in words[0] if ch.isalpha())
    return words[0][0].islower() or len(word) >= 2 and word.isupper()


def _with_letter(line: Line, letter: Line) -> Line:
    """`line` with `letter` at its start, at the line's size and weight (a word of its text), starting where it does."""
    ch = letter.text.strip()
    run = Run(ch, letter.x0, line.y, line.size, line.bold, 0.0, letter.x1 - letter.x0, False)
    return replace(line, text=ch + line.text, runs=[run] + list(line.runs),
                   markers=[(o + 1, n) for o, n in line.markers])

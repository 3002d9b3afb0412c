"""A ragged-right line that stops short in the middle of a sentence does not end its paragraph.

`paragraphs` ends a paragraph at a line that stops well short of its text block's right edge when a capital opens the
next line and its first word would have fit (list items whose bullets are drawn, not written; the lines of a figure; a
listing's lines). A designer also breaks a line short by hand in running text ('... and corporates. We administer' /
'£46.9 billion of investments ...' in an annual report, the amount kept on one line), and a text block's edge may be
set by other text further right (that page's footer). Such a line goes on with its paragraph when the sentence is not
finished and the paragraph's own lines say it is running text:

- the paragraph is wrapped: a line of it before the short one ended short of the paragraph's own right edge (another
  of its lines sets it) because the next line's first word had no room there, and none ended with room to spare (a
  listing's or a form's lines end where their content does); and the next line is a full one again (it reaches within
  LINE_SHARE of the paragraph's measure);
  a listing's lines in a typewriter face (`fixed_pitch`) never go on so;
- or a quotation is open (a pull quote set in capitals over lines: '“WE AIM TO HELP INVESTORS' / 'MAKE MORE OF
  THEIR' / 'INVESTMENTS”'): its lines go on to the closing mark.
"""

from __future__ import annotations

from ..text import ends_sentence
from .layout import Line

LINE_SHARE = 0.7
"""Share of the paragraph's measure (from the next line's left edge to the paragraph's right edge) the next line
reaches to be a full line of it, as `paragraphs._short` measures a short line against the block's."""

SAME_PITCH = 0.01
"""Share within which the mean advance of a letter is the same on lines of a typewriter face: the DRBD guide's listing
lines measure 0.500 em each, the R manual's 0.525; a text face's vary by several per cent from line to line (the
annual report's 0.357-0.400)."""

WIDE_PITCH = 0.6
"""Mean advance of a letter (in type sizes) past which a line is set in a typewriter face: ReportLab's user guide's
listings measure 0.64-0.77 (runs of spaces read as one); text faces' average 0.35-0.5."""

OWN_EDGE = 0.5
"""Points within which a line ending at the paragraph's right edge sets that edge: its break says nothing of room."""


def cut_mid_sentence(current, line: Line) -> bool:
    """Whether `line` goes on with the open paragraph `current` (`paragraphs._Open`: its text, first and last lines,
    its count of wrapped lines), whose last line stops short of the block's edge: see the module."""
    if ends_sentence(current.text):
        return False
    if _open_quote(current.text):
        return True
    right = _right(current, line)
    return current.wraps > 0 and not fixed_pitch(current.first, current.last, line) and line.x1 >= right - (1 - LINE_SHARE) * (right - line.x0)


def wraps(current, line: Line) -> int:
    """The open paragraph's count of wrapped lines (`_Open.wraps`) once `line` joins it: one more when its last line
    ended short of the paragraph's right edge (set by another of its lines) with no room there for `line`'s first word,
    or at its column's foot; -1 from the first that ended with room to spare (the text is broken by hand: a listing)."""
    last = current.last
    if current.wraps < 0:
        return -1
    if last.page != line.page or last.column != line.column:
        return current.wraps + 1
    right = _right(current, line)
    if right - last.x1 < OWN_EDGE:
        return current.wraps  # the paragraph's widest line so far: no evidence either way
    return -1 if room_for(last, line, right) else current.wraps + 1


def room_for(last: Line, line: Line, right: float) -> bool:
    """Whether the first word of `line` would have fit at the end of `last` before `right` (widths estimated from
    `line`'s own letters): when it would not, the line broke because the word was too long, not because a paragraph
    ended mid-sentence ('... wider work on Digital Research' / 'Infrastructure.' in the UK strategy, the full stop not
    yet set)."""
    words = line.text.split()
    if not words:
        return True
    per_char = (line.x1 - line.x0) / len(line.text)
    return right - last.x1 >= (len(words[0]) + 1) * per_char


def fixed_pitch(*lines: Line) -> bool:
    """Lines set in a typewriter face (a listing, a terminal's output): their letters' mean advance is the same on every
    line, within SAME_PITCH, or wider than any text face's (WIDE_PITCH)."""
    pitches = [(line.x1 - line.x0) / len(line.text) / line.size for line in lines if line.text and line.size > 0]
    return bool(pitches) and (min(pitches) >= WIDE_PITCH or max(pitches) - min(pitches) <= SAME_PITCH * max(pitches))


def _right(current, line: Line) -> float:
    """The paragraph's own right edge: where its first, last or next line ends, the furthest."""
    return max(current.first.x1, current.last.x1, line.x1)


def _open_quote(text: str) -> bool:
    """A typographic quotation mark opened and not yet closed ('’' also ends an elision, so a '‘' is open only when
    more of them than of '’' stand in the text)."""
    return text.count("“") > text.count("”") or text.count("«") > text.count("»") or text.count("‘") > text.count("’")

"""Glyphs that say nothing: icon fonts' pictures and symbol fonts' bullets, set as lines of their own.

- lone glyphs (one symbol, no letter or digit, or only private-use code points), alike at one indent, each on the
  baseline of a line of text just right of it, are those lines' bullets (`Line.bullet`, as a drawn disc is): a
  WordPerfect symbol font's bullet reads as "!" in its text layer, set 36 pt left of its item (the DMCA summary's
  sixteen "!" sentences, glued onto the items before them);
- a lone glyph set larger than the text beside it is a picture, dropped (the tax instructions' margin '!');
- any other line with no readable text, only private-use code points (an icon font's admonition icons, U+F05A
  'info' and U+F071 'warning' beside an Asciidoctor note) is dropped: it was a heading with no words, and an icon
  set between two lines of its note cut the note's sentence in two.
"""

from __future__ import annotations

import unicodedata

from .layout import Line

PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0x10FFFF))
"""Unicode's private-use code points: a font without a ToUnicode entry for a glyph leaves them (icon fonts, the
Symbol font's bullet U+F0B7); they name no character."""

BULLET_REACH = 4.0
"""Type sizes from a lone glyph's left edge within which the text beside it starts, for the glyph to be its bullet:
the DMCA summary sets its bullet 36 pt (3 sizes of 12 pt) left of the item; a list's hanging indent is 1-3 sizes."""

BULLET_SIZE = 1.5
"""A bullet is set about its text's size, at most this many times it (the DMCA summary's "!" in its items' 12 pt);
an icon beside a note is larger (the DRBD guide's 24 pt icons beside 10.5 pt notes): a picture, not a bullet."""

LIST_ITEMS = 2
"""Glyphs alike at one indent, each opening a line of text at one indent, that make a list: a lone dash or sign beside
a line once is a word of the text set apart (a justified line's '–' in 'Digital Banks – China', the Blueprint's note
54), or a table's cell beside the next column's line."""

SAME_BASELINE = 0.3
"""Type sizes within which two lines share a baseline (as `overprints.without_overprints` takes them)."""


def _private(ch: str) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in PRIVATE_USE)


def unreadable(text: str) -> bool:
    """Text with no character to read: only private-use code points (and spaces)."""
    text = text.strip()
    return bool(text) and all(_private(ch) or ch.isspace() for ch in text)


def lone_glyph(text: str) -> bool:
    """One symbol alone ('!', '•', '➢', '–'), or private-use code points only: no letter, digit, word, mathematical
    or currency sign ('≲', '$' in a table of symbols say something)."""
    text = text.strip()
    if unreadable(text):
        return True
    return len(text) == 1 and unicodedata.category(text)[0] in "PS" and unicodedata.category(text) not in ("Sm", "Sc")


def _beside(glyph: Line, lines: list[Line]) -> Line | None:
    """The line of text on `glyph`'s baseline that starts just right of it (within BULLET_REACH of its sizes)."""
    beside = [l for l in lines if l is not glyph and not lone_glyph(l.text) and abs(l.y - glyph.y) < SAME_BASELINE * glyph.size
              and glyph.x0 < l.x0 <= glyph.x0 + BULLET_REACH * glyph.size]
    return min(beside, key=lambda l: l.x0) if beside else None


def without_icons(lines: list[Line]) -> list[Line]:
    """One page's lines less its icons and symbol bullets (see the module docstring): lone glyphs that open lines of
    text, LIST_ITEMS or more alike at one indent, their text at one indent, mark those lines `bullet`; a lone glyph
    more than BULLET_SIZE times the text beside it, and a line of private-use glyphs alone, are dropped."""
    opened: dict[tuple[str, int], list[tuple[Line, Line]]] = {}
    dropped: set[int] = set()
    for glyph in lines:
        if not lone_glyph(glyph.text) or (item := _beside(glyph, lines)) is None:
            continue
        if glyph.size <= BULLET_SIZE * item.size:
            opened.setdefault((glyph.text.strip(), round(glyph.x0)), []).append((glyph, item))
        else:  # a picture beside the text: the tax instructions' 17 pt '!' over 'CAUTION' in the margin
            dropped.add(id(glyph))
    for pairs in opened.values():
        if len(pairs) >= LIST_ITEMS and max(i.x0 for _, i in pairs) - min(i.x0 for _, i in pairs) <= 1:
            for glyph, item in pairs:
                item.bullet = True
                dropped.add(id(glyph))
    dropped |= {id(l) for l in lines if unreadable(l.text)}
    for line in lines:
        _strip_icon(line)
    return [l for l in lines if id(l) not in dropped]


def _strip_icon(line: Line) -> None:
    """An icon set on the baseline of its note's first line, close enough to be read into it ('\uf05a Very early DRBD
    versions ...', 39 of the DRBD guide's notes): its private-use glyphs, in a run more than BULLET_SIZE times the
    line's size, are taken out of the text (a bullet-sized one, the Symbol font's U+F0B7, stays: it opens an item)."""
    runs = [r for r in line.runs if r.text.strip()]
    if not runs or not unreadable(runs[0].text) or runs[0].size <= BULLET_SIZE * line.size:
        return
    rest = line.text.lstrip()
    while rest and (_private(rest[0]) or rest[0].isspace()):
        rest = rest[1:]
    if rest:
        cut = len(line.text) - len(rest)
        line.text, line.markers = rest, [(max(0, o - cut), n) for o, n in line.markers]

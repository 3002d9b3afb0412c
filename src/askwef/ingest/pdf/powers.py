"""Small digits that belong to a unit or a formula, not note markers: 'mi²', 'ft³/s', 'CO₂e'.

A raised small number is taken out of a line as a note marker (`layout.page_lines`). A unit's power is one too, by
its look: the USGS water report's '5,070 mi' + raised '2' was read '5,070 mi' and six markers 2 and 3 with no note.
What tells them apart is where they stand and what the document's notes say:

- a digit set lower than its line, smaller, right after a letter, is a subscript (a chemical formula: Amazon's 'CO'
  + lowered '2' + 'e'); no note marker is set below the line;
- a raised 2 or 3 right after a unit of length that follows a number and a space ('5,070 mi', '400,000 ft') is the
  unit's power (a note marker is set after the word or the clause, not between a quantity and its power);
- a raised number right after a unit or a formula's symbols, when no note list or footnote of the document has that
  number, is the power or the formula's count (`unit_powers`, once the notes are read);
- a raised number set right before an element's symbol, with no space between, is its mass number (the NCCN
  guideline's '¹³¹I', read 'exposure toI.' and 992 markers with no note): a note marker follows its word.

Each stays in the text as the PDF shows it, a Unicode superscript or subscript digit, as pdftotext keeps it in place.

>>> as_power("DRAINAGE AREA.--5,070 mi", "2")
'²'
>>> as_power("a levy of £20m", "2") is None
True
"""

from __future__ import annotations

import re

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")

UNITS = frozenset({"mi", "ft", "yd", "m", "km", "cm", "mm", "µm", "μm", "nm"})
"""Units of length whose square and cube measure areas and volumes (the USGS water report: 'mi²' drainage areas,
'ft³/s' discharges; 'm²', 'km²' in land and building reports). Not 'in', a word a marker may follow."""

FORMULAS = frozenset({"CO", "CH", "N", "NO", "SO", "NH", "SF", "H", "O"})
"""A formula's symbols a count may follow (CO₂, CH₄, N₂O, NOₓ, SO₂, NH₃, SF₆, H₂O, O₃: the greenhouse gases and air
pollutants climate and energy reports name)."""

POWERS = frozenset({2, 3})
"""A unit's powers: squared and cubed."""

SUB_LOW = 0.1
"""Sizes of its line a subscript's baseline stands below the line's, at least (Amazon's 'CO₂e': 7.65 pt type
1.35 pt below a 9 pt line, 0.15); text on one baseline differs by rounding only."""

SUB_SMALLER = 0.9
"""A subscript is set under this share of its line's size (Amazon: 7.65 pt in a 9 pt line, 0.85)."""

_TOKEN = re.compile(r"(?:^|(?<=[^A-Za-zµμ]))([A-Za-zµμ]{1,3})$")
_QUANTITY = re.compile(r"(?:^|[^£$€¥\d.,])\d[\d,.]*\s+([A-Za-zµμ]{1,3})$")


def as_power(before: str, digits: str) -> str | None:
    """The superscript a raised number after `before` is, when it is a unit's power after a quantity ('5,070 mi' then
    '2' -> '²'); None for a marker. A sum of money is no quantity of a unit ('£20m', '$5 m')."""
    m = _QUANTITY.search(before)
    if not m or m.group(1) not in UNITS or not digits.isdigit() or int(digits) not in POWERS:
        return None
    return digits.translate(SUPERSCRIPT)


MASS_AFTER = re.compile(r"[A-Z][a-z]?(?![a-z])")
"""An element's symbol a mass number is set before ('I', 'Tc', 'F-FDG', 'Is' for iodines): one capital, one small
letter at most, not a word's first letters ('The')."""

MASS_BEFORE = re.compile(r"(?:^|[^\W\d_]|[\s(\[/–,;:)\]-])$")
"""What stands before a mass number: a word, a comma, semicolon or colon, a closing bracket, and its space (which the
text layer may not show: 'exposure to' + '131' + 'I.', 'However,' + '123' + 'I is', '(or without)' + '131' + 'I'), an
opening bracket, a dash or a slash. Not a sentence's stop, which a note marker follows ('ambulatory.264 However')."""

SPACED_AFTER = ",;:)]"
"""Punctuation a word space follows, put back before a mass number set right after it."""


def mass_number(before: str, digits: str, after: str) -> str | None:
    """The text a raised number set right before an element's symbol is, a mass number ('exposure to' + raised
    '131' + 'I.' -> ' ¹³¹', read 'exposure to ¹³¹I.'); None for a note marker, which is set after its word, a space or
    the line's end after it. The space before it the text layer leaves out is put back."""
    spaced, digits = digits[:1].isspace(), digits.lstrip()
    if not before.strip() or not digits.isdigit() or not MASS_AFTER.match(after) or not MASS_BEFORE.search(before):
        return None
    return (" " if spaced or before[-1:].isalpha() or before[-1:] in SPACED_AFTER else "") + digits.translate(SUPERSCRIPT)


def is_subscript(before: str, digits: str, size: float, drop: float, line_size: float) -> bool:
    """A digit set smaller and lower than its line, right after a letter ('CO' then '2'): a formula's subscript."""
    return digits.isdigit() and before[-1:].isalpha() and size < SUB_SMALLER * line_size and drop >= SUB_LOW * line_size


def unit_powers(lines, noted: set[int]) -> None:
    """Markers that are a unit's power or a formula's count, put back into their lines' text as superscripts: a
    number right after a unit of length or a formula's symbols that no note of the document has (`noted`)."""
    for line in lines:
        if not line.markers:
            continue
        text, markers = line.text, list(line.markers)
        k = 0
        while k < len(markers):
            at, number = markers[k]
            token = _TOKEN.search(text[:at])
            unit = token is not None and (token.group(1) in UNITS and number in POWERS or token.group(1) in FORMULAS)
            if not unit or number in noted or _money(text[:at]):
                k += 1
                continue
            digits = str(number).translate(SUPERSCRIPT)
            text = text[:at] + digits + text[at:]
            del markers[k]
            markers = [(o + len(digits) if o >= at else o, n) for o, n in markers]
            spot = next((j for j, box in enumerate(line.marker_boxes) if box[0] == number), None)
            if spot is not None:  # no longer a marker whose spot a link may make a note (`notes.linked_markers`)
                del line.marker_boxes[spot]
        if len(markers) != len(line.markers):
            line.text, line.markers = text, markers


def _money(before: str) -> bool:
    """'£20m', '$5 m': a sum, its 'm' millions."""
    return re.search(r"[£$€¥]\s?\d[\d,.]*\s?[A-Za-z]{1,3}$", before) is not None

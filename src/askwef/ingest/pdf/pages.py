"""Printed page numbers: the number a reader sees on the page, which is what a quote cites.

A PDF's page labels (`/PageLabels`) say it when the producer wrote them; many producers do not, and
the printed numbers then run ahead of or behind the physical ones (the OECD review prints 5 on its
6th page, the UK strategy 25 on its 27th). The number printed in a page's top or bottom band ("25",
"16 |", "| 137", "Page 3") is read on every page; the offset most pages agree on gives every page its
number, unnumbered ones (dividers, full-page figures) included. Explicit labels that agree with the
printed numbers are kept as they are ("i", "ii", "1", ...).

>>> printed_labels(pages, sizes, ["1", "2", "3"], explicit=False)  # doctest: +SKIP
['-1', '0', '1']
"""

from __future__ import annotations

import re
from collections import Counter

from .layout import Line

_NUMBER = re.compile(r"^\W{0,3}(?:page\s+)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?\W{0,3}$", re.IGNORECASE)

BAND = 0.1
"""The top and bottom tenth of a page, where running heads and folios are printed."""


def printed_number(line: Line, height: float) -> int | None:
    if not (line.y > (1 - BAND) * height or line.y < BAND * height):
        return None
    m = _NUMBER.match(line.text.strip())
    return int(m.group(1)) if m else None


def printed_labels(pages: list[list[Line]], sizes: list[tuple[float, float]], labels: list[str], explicit: bool) -> list[str]:
    """The printed number of every page as a string; `labels` when they agree with the print or
    nothing is printed."""
    offsets: Counter = Counter()
    agree = 0
    seen = 0
    for index, lines in enumerate(pages):
        found = {n for line in lines if (n := printed_number(line, sizes[index][1])) is not None}
        if not found:
            continue
        seen += 1
        if explicit and labels[index] in {str(n) for n in found}:
            agree += 1
        for n in found:
            offsets[n - (index + 1)] += 1
    if not offsets or (explicit and agree >= 0.5 * seen):
        return labels
    offset, count = offsets.most_common(1)[0]
    if count < max(3, 0.3 * seen):
        return labels
    return [str(i + 1 + offset) if i + 1 + offset >= 1 else labels[i] for i in range(len(pages))]


def page_value(label: str, index: int) -> int:
    """A page label as the integer a quote cites: the printed number; the physical one for 'iv'."""
    return int(label) if label.isdigit() else index + 1

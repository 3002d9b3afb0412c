"""Reference lists: the entries author-date citations point at.

OECD reports cite their sources author-date with the entry's number glued on: "(OECD, 2018[2])" cites
entry 2 of the chapter's "References" list, and a chapter's list restarts at 1 beside its own numbered
"Notes". The list is sorted by author, each entry's number printed in brackets at the right margin:
the OECD review sets "[2]" a little above its entry's first line, so the reading order gives the
number, then the entry's lines. Another layout puts the number after its entry, alone or at the end of
the entry's last line ("Palestinian Authority (2018), “Guidelines on Public Consultation”. [5]"): when
the list does not open with a number, numbers close entries.

>>> from askwef.ingest.pdf.layout import Line
>>> def line(text, y): return Line(page=3, x0=71.0, x1=480.0, y=y, size=10.0, bold=False, text=text)
>>> entries, _ = reference_entries([line("[2]", 471), line("OECD (2022), Rule of Law and Governance,", 468),
...                                 line("https://doi.org/10.1787/68ffa992-en.", 455), line("[1]", 436),
...                                 line("World Bank (2022), Wage Bill.", 433)], vocabulary=frozenset())
>>> [(e.number, e.reference, e.url) for e in entries]
[(2, 'OECD (2022), Rule of Law and Governance,', 'https://doi.org/10.1787/68ffa992-en'), (1, 'World Bank (2022), Wage Bill.', '')]
"""

from __future__ import annotations

import re

from ...types import Endnote
from ..endnotes import parse_endnotes
from .layout import Line
from .paragraphs import join_lines

NUMBER_ALONE = re.compile(r"^\s*\[(\d{1,3})\]\s*$")
"""A reference list's entry number on a line of its own: "[2]" (the OECD review's right margin)."""

NUMBER_AFTER = re.compile(r"\s+\[(\d{1,3})\]\s*$")
"""An entry number closing the entry's last line: "... “Guidelines on Public Consultation”. [5]"."""


def reference_entries(lines: list[Line], vocabulary) -> tuple[list[Endnote], dict[int, list[Line]]]:
    """A reference list's lines (after its heading) -> its numbered entries, and each entry's lines by its
    number (for the link annotations over them). Entries without a number are not kept: nothing cites them."""
    lines = [l for l in lines if l.role not in ("furniture", "contents") and l.text.strip()]
    opens = bool(lines) and NUMBER_ALONE.match(lines[0].text) is not None
    entries: list[str] = []
    by_number: dict[int, list[Line]] = {}
    number: int | None = None
    text, held = "", []

    def close(n: int | None) -> None:
        nonlocal text, held
        if n is not None and text and n not in by_number:
            entries.append(f"{n}. {text}")
            by_number[n] = held
        text, held = "", []

    for line in lines:
        alone = NUMBER_ALONE.match(line.text)
        if alone and opens:
            close(number)
            number = int(alone.group(1))
            continue
        if alone:  # a number after its entry closes it
            close(int(alone.group(1)))
            continue
        after = None if opens else NUMBER_AFTER.search(line.text)
        words = line.text[: after.start()] if after else line.text
        text = join_lines(text, words, vocabulary)[0] if text else words.strip()
        held.append(line)
        if after:
            close(int(after.group(1)))
    if opens:
        close(number)
    return parse_endnotes(entries), by_number

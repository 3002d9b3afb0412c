"""A back-of-book index: pages of short entries each ending in page numbers, in alphabetical order, in two or three
columns under letter headings, read as Contents lines (role "contents"), not sentences.

An index is a list of terms and the pages that treat them, never text an answer should quote: read as prose, R's
'R Data Import/Export' gave 193 sentences ('Quoting strings . . . . 5, 8', 'R', 'S-PLUS. . . . 15 SAS . . . .') and
the SDCC manual 319 ('--acall-ajmp, 37, 116 --all-callee-saves, 34 ...'), filed under the last chapter. A page is an
index's by its layout and content, never by the word 'Index' alone:

- *entries*: a line of a few words (`ENTRY_WORDS`) ending in page numbers after a comma or a leader ('Debugger, 30,
  95', 'read.csv . . . . 10, 32', '__endasm, 51, 53–56'); most of the page's lines (`ENTRY_SHARE`), `MIN_ENTRIES` or
  more of them;
- *alphabetical order*: the entries that start at their column's left edge (not the sub-entries indented under them)
  in the order of their first letters, nearly all of them (`ORDERED_SHARE`), over `MIN_LETTERS` letters or more (a
  list of tables, 'Table 1 ... 3', 'Table 2 ... 5', is in order over one letter, and a Contents over none);
- a page right after an index page goes on with it when its lines are entries and letter headings, however few (the
  index's last entries: 'Y' 'yaml . . . . 7').

On an index page, the entries, the letter headings ('A', 'B', a heading of single letters 'T X') and the short lines
among them (a sub-entries' head 'Options', 'packages' under 'P', an entry wrapped) are Contents lines; prose before the first entry ('To
avoid confusion, ... not part of the index.') stays, and so does the index's heading when the Contents lists it (its
section, with no sentences, as a Contents' entry naming a list); a heading over the first entry the Contents does not
list (the SDCC manual's 'Index' under its listed 'Alphabetical index') is the index's too.

>>> mark_back_index(lines, {"alphabeticalindex"})  # doctest: +SKIP
"""

from __future__ import annotations

import re

from ..text import ends_sentence, title_key, word_count
from .layout import Line

ENTRY_WORDS = 12
"""Words an index entry's term has at most (the SDCC manual's longest, 'FpgaC ((subset of) C to FPGA compiler)', 7;
R's 'Data Interchange Format (DIF)', 4); a longer line is a sentence or a reference."""

MIN_ENTRIES = 10
"""Entries a page has at least to open an index (R's concept index has 19 on its first page, 37 with its next; the
SDCC manual 95 to 111 a page)."""

ENTRY_SHARE = 0.6
"""Share of a page's text lines (letter headings aside) that are entries: the SDCC manual's pages 0.8-0.98 (sub-entry
heads 'Options' and wrapped entries the rest), R's 1.0; a page of prose that cites pages ('see Table 3, 12') far less."""

ORDERED_SHARE = 0.8
"""Share of consecutive main entries in the order of their first letters: the SDCC manual's option names sort by
their characters ('--Werror' before '--acall-ajmp', '--xstack-loc' before '-Aquestion'), two breaks in 95 on its
first page; a Contents' titles follow its chapters, about half in order."""

MIN_LETTERS = 3
"""First letters a page's main entries span at least (R's concept index page: 14)."""

EDGE = 2.0
"""Points within which entries start at their column's left edge (main entries; sub-entries are indented 10 pt or
more)."""

HEAD_WORDS = 4
"""Words of a heading over an index's first entry that the Contents does not list ('Index')."""

_PAGE = r"(?:\d{1,4}(?:[–-]\d{1,4})?|[ivxlc]{1,6})"
ENTRY = re.compile(rf"^(?P<term>\S.*?)(?:(?:,\s*|\s*(?:\.\s?){{2,}}\s*|\t+){_PAGE}(?:,\s*{_PAGE})*,?|\s*(?:\.\s?){{3,}})$")
"""An entry: a term, then its pages after a comma, leader dots or a tab ('Debugger, 30, 95', 'cat . . . . 4, 27'), or
its leader dots alone (its pages, several of them, set apart at the column's edge and read as a line of numbers)."""


def _entry(line: Line) -> bool:
    m = ENTRY.match(line.text.strip())
    return bool(m) and word_count(m.group("term")) <= ENTRY_WORDS and any(c.isalpha() for c in m.group("term"))


def _letter_head(line: Line) -> bool:
    """A letter group's heading: single characters only ('A', 'T X' two columns' heads on one baseline, '.')."""
    tokens = line.text.split()
    return bool(tokens) and all(len(t) == 1 and not t.isdigit() for t in tokens)


def _first_letter(line: Line) -> str:
    return next((c.lower() for c in line.text if c.isalnum()), "")


def _alphabetical(entries: list[Line]) -> bool:
    """The main entries (at their column's left edge) in the order of their first letters, over MIN_LETTERS letters."""
    edges = {c: min(l.x0 for l in entries if l.column == c) for c in {l.column for l in entries}}
    main = [_first_letter(l) for l in entries if l.x0 <= edges[l.column] + EDGE]
    if len(set(main)) < MIN_LETTERS:
        return False
    pairs = list(zip(main, main[1:]))
    return sum(a <= b for a, b in pairs) >= ORDERED_SHARE * len(pairs)


def index_pages(lines: list[Line]) -> set[int]:
    """The physical pages of `lines` (in reading order) that print a back-of-book index."""
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        if line.role in ("", "heading"):
            by_page.setdefault(line.page, []).append(line)
    found: set[int] = set()
    for page in sorted(by_page):
        text = [l for l in by_page[page] if not _letter_head(l)]
        entries = [l for l in text if _entry(l)]
        if not entries or len(entries) < ENTRY_SHARE * len(text):
            continue
        if page - 1 in found or (len(entries) >= MIN_ENTRIES and _alphabetical(entries)):
            found.add(page)
    return found


def mark_back_index(lines: list[Line], listed: set[str]) -> None:
    """Mark the lines of a back-of-book index as Contents lines (see the module's docstring); `listed`: the title keys
    of the Contents' entries, whose headings stay (each opens its section)."""
    pages = index_pages(lines)
    for page in sorted(pages):
        own = [l for l in lines if l.page == page and l.role in ("", "heading")]
        first = next(k for k, l in enumerate(own) if _entry(l) or _letter_head(l))  # (the index's first line)
        head = own[first - 1] if first else None
        if head is not None and head.role == "heading" and word_count(head.text) <= HEAD_WORDS \
                and title_key(head.text) not in listed and page - 1 not in pages:
            head.role = "contents"
        for k, line in enumerate(own):
            if _letter_head(line) or _entry(line):
                line.role = "contents"
            elif k > first and line.role != "heading" and word_count(line.text) <= ENTRY_WORDS and not ends_sentence(line.text):
                line.role = "contents"  # a sub-entries' head ('Options'), an entry's wrapped line

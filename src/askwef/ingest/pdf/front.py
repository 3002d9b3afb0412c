"""Front and back matter: the title page, the imprint and the back cover, read as the report's own text.

A report says who published it, when, and how to cite it on pages before its Contents or after its last
chapter: the UK strategy's title page ('Presented to Parliament by the Secretary of State ... September
2021'), the OECD review's imprint ('Please cite this publication as: OECD (2024), ...', ISBNs, the
licence), the UK strategy's closing imprint ('Published in September 2021 by the Office for Artificial
Intelligence'), the OECD review's back cover (its summary and ISBNs). These are read as the report's front
matter, a section under the report's title (`assemble` opens it for text before the first section), with
the pages where they are printed:

- a page before the body is read when it prints `FRONT_PAGE_WORDS` or more words outside its title (a
  cover prints the title, a series, a month and a partner: 'In collaboration with Accenture', 'WHITE
  PAPER', 'JANUARY 2025'); its title (type `TITLE_SIZE` times the body or larger, the page's largest) is
  not, and nothing in it is a heading: it opens no section;
- the imprint's first copy (`layout.mark_imprint`: the copy a back cover repeats is furniture);
- a back cover: the last page, when it repeats two or more of the cover's lines (the title printed
  again), its text in type near the body's (its summary, its ISBNs; not its title set again in other
  lines, nor a barcode's digits).

>>> front = front_matter(lines_before_body, body, imprint, last_page)  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ..conventions import MONTHS
from ..parsed import Para
from ..text import ends_sentence, word_count
from .layout import Line

DATE_LINE = re.compile(rf"^(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+(?:19|20)\d\d$", re.IGNORECASE)
"""A paragraph that is only a date ('September 2021', '5 January 2025'): on a front page, the date of the
statement above it (`dated`)."""

FRONT_PAGE_WORDS = 20
"""Words a page before the body prints outside its title to be read: the UK strategy's title page 24
('Presented to Parliament ...', 'Command Paper 525'), the OECD review's imprint several hundred; covers
fewer (the Blueprint PDFs' 8, 12 and 16: 'In collaboration with Accenture', 'Transformation of Industries in
the Age of AI', 'WHITE PAPER', 'JANUARY 2025', which the markdown does not index; the OECD review's cover 10
and title page 6)."""

TITLE_SIZE = 2.0
"""Type this many times the body's size or larger, the largest on its page, is a cover's or title page's
title (45 pt on the UK strategy's, 30 and 33 pt on the OECD review's, over 10 pt text), not read again."""

PIECE_GAP = 0.5
"""Type sizes between two pieces of a line on one baseline within which they are one line (a word space is
about 0.25): the OECD review's imprint sets its citation's author and italic title 1.5 pt apart in 8 pt."""

BACK_COVER_TYPE = 1.15
"""A back cover's text is read in type smaller than this many times the body's: its summary and ISBNs (10 and
8 pt in the OECD review), not its title set again in other lines (14 pt) or a barcode's digits (33 pt)."""

BACK_COVER_REPEATS = 2
"""Lines of the front pages (casefolded) the last page must print again to be a back cover: the OECD
review's 'OECD Public Governance Reviews' and 'Palestinian Authority'."""


def _key(line: Line) -> str:
    return " ".join(line.text.split()).casefold()


def _untitled(lines: list[Line], body: float) -> list[Line]:
    """A page's lines but its title (the page's largest type, `TITLE_SIZE` times the body or more)."""
    top = max((l.size for l in lines), default=0.0)
    return [l for l in lines if not (l.size >= TITLE_SIZE * body and l.size > top - 0.5)]


def _as_text(line: Line) -> Line:
    """A line read as plain text: no heading, no chart label, no display type, not bold (a bold line
    opening a page would be read as a heading that opens a section: 'Please cite this publication as:'). A
    ruled table's line stays in its table (a manual's revision history before its Contents, `ruled.py`); one
    `grid.py` found by its text alone is read as text (geobase's 'Date' 'Version' 'September 2002' made a table
    of three lines, 'Description' left out)."""
    if line.role == "table" and line.table_row >= 0:
        return replace(line, bold=False, display=False, box=0)
    return replace(line, role="", level=0, bold=False, display=False, box=0)


def _joined(lines: list[Line]) -> list[Line]:
    """Pieces a page's text layer sets apart on one baseline, one after the other, joined into a line: an
    imprint's italic title after its author ('OECD (2024),' 'OECD Public Governance Reviews: ...'), a word or
    number cut where its font changes ('no w' 'ay', 'ISBN 978-92-6' '4-86512-9 (print)'), '© OECD' '2024'. No
    space where the two halves touch and are both letters or both digits. The lines are taken in reading order, as given:
    sorted by their baselines, a page's two columns ran together line by line (the NCCN guideline's pages of updates,
    read as front matter once its merged Discussion's bookmark no longer put the body's start on the cover)."""
    out: list[Line] = []
    for line in lines:  # in reading order: a page's columns are not run together line by line
        last = out[-1] if out else None
        if last is not None and last.page == line.page and not (last.table_row >= 0 or line.table_row >= 0) and abs(last.y - line.y) < 0.2 * line.size \
                and abs(last.size - line.size) < 0.5 and -0.5 * line.size <= line.x0 - last.x1 <= PIECE_GAP * line.size:
            a, b = last.text[-1:], line.text[:1]
            glued = line.x0 - last.x1 < 0.05 * line.size and (a.isalpha() and b.isalpha() or a.isdigit() and b.isdigit())
            out[-1] = replace(last, x1=line.x1, text=last.text + ("" if glued else " ") + line.text, runs=last.runs + line.runs,
                              markers=last.markers, bold=last.bold and line.bold)
        else:
            out.append(line)
    return out


def front_matter(before: list[Line], body: float, imprint: list[Line], last: list[Line]) -> tuple[list[Line], set[int]]:
    """(the lines to read as front matter, in order, the ids of `last`'s lines among them): the pages of
    `before` (the lines before the body, Contents and footnotes aside) that print `FRONT_PAGE_WORDS` words
    outside their title, the `imprint`'s lines, and `last` (the last page's lines) when it is a back cover.
    A footnote `notes.footnotes` took out (role "notes") is read once, as its note: the NHS Constitution
    Handbook's notes 1-3, on pages before its first chapter, were indexed again as prose ('1 Heatlh Act 2009: ...')."""
    pages: dict[int, list[Line]] = defaultdict(list)
    for line in before:
        if line.role not in ("contents", "notes"):
            pages[line.page].append(line)
    out: list[Line] = []
    for page in sorted(pages):
        kept = _untitled(pages[page], body)
        if sum(word_count(l.text) for l in kept) >= FRONT_PAGE_WORDS:
            out += [_as_text(l) for l in _joined(kept)]
    out += [_as_text(l) for l in _joined(imprint)]
    cover = {_key(l) for l in before if l.role != "contents" and word_count(l.text) >= 2}
    back: set[int] = set()
    if last and (not before or last[0].page > max(l.page for l in before)):
        repeats = [l for l in last if _key(l) in cover]
        if len({_key(l) for l in repeats}) >= BACK_COVER_REPEATS:
            kept = [l for l in last if _key(l) not in cover and l.size < BACK_COVER_TYPE * body]
            back = {id(l) for l in last}
            out += [_as_text(l) for l in _joined(kept)]
    return out, back


def dated(paras: list[Para]) -> list[Para]:
    """A front page's paragraphs with a date set apart under an unfinished statement joined to it, one sentence
    ('Presented to Parliament by the Secretary of State ... by Command of Her Majesty' 'September 2021'): a title
    page spaces its lines wider than a paragraph's, so the date reads as a paragraph of its own.

    >>> [p.text for p in dated([Para("prose", "Presented to Parliament"), Para("prose", "September 2021")])]
    ['Presented to Parliament September 2021']
    """
    out: list[Para] = []
    for p in paras:
        last = out[-1] if out else None
        if last is not None and last.kind == p.kind == "prose" and DATE_LINE.match(p.text.strip()) and not ends_sentence(last.text) \
                and (last.pages[-1][1] if last.pages else 0) == (p.pages[0][1] if p.pages else 0):
            shift = len(last.text) + 1
            out[-1] = Para("prose", f"{last.text} {p.text}", last.markers + tuple((o + shift, n) for o, n in p.markers),
                           pages=last.pages + tuple((o + shift, n, label) for o, n, label in p.pages))
        else:
            out.append(p)
    return out

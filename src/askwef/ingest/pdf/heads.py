"""Running heads `layout.mark_furniture` cannot see by repetition alone, marked "furniture":

- a chapter's running head: the chapter's title printed where the report prints its running head, in its
  type, on every page of the chapter (gnucash's guide heads its pages 'The Basics' for 45 pages, then
  'Investments' for 38): no one text repeats on a third of the pages, but the texts at that place repeat
  over runs of pages, one run after another, and together cover a third of the pages or more. A text
  printed there once is a head too when a heading ends with it ('Part I. The Basic Knowledge');
- a proof slug: a line printed word for word on half the pages or more, above or below the page's text
  ('The type and rule above prints on all proofs including departmental reproduction proofs. MUST be
  removed before printing.' across the IRS instructions, 16% down the page, below their running head),
  and what a page prints above it at its top (the slug's 'Userid: ... Leadpct: 0% Pt. size: 9.5').

>>> mark_heads(pages, sizes)  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from .layout import Line, _place, _slot, in_band

RUN = 2
"""Pages a chapter's running head is printed on at least, at one place, to count as a run: a chapter of
one page after its opening page has one ('Overview' on gnucash's pages 2-7, 'Depreciation' on 4)."""

RUNS_SHARE = 0.3
"""The share of the pages the runs at one place cover together, at least (as `mark_furniture`'s running
heads): gnucash's chapter heads stand on 290 of its 320 pages."""

HEADING_SIZE = 1.2
"""A heading a running head repeats is set larger than the page's usual type, by this factor at least (gnucash's
chapter titles 24.9 pt, its parts' 24.9 pt, over a 10 pt body)."""

SLUG_SHARE = 0.5
"""A proof slug is printed word for word on half the pages or more (the IRS instructions' on all 50)."""

SLUG_MARGIN = 0.2
"""The share of a page's height at its top where a slug has nothing but more of the slug above it: the IRS
instructions print theirs 16% down the page, their 'Userid: ...' and 'PAGER/SGML Fileid: ...' lines above it."""

SLUG_WORDS = 4
"""Words a proof slug has at least: a sentence, not a label a form repeats ('Note', 'Example')."""


def mark_heads(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> None:
    """Mark chapter running heads and proof slugs "furniture" (see the module docstring)."""
    if not pages:
        return
    typical = float(np.median([h for _, h in sizes])) if sizes else 0.0
    _mark_chapter_heads(pages, sizes, typical)
    _mark_slugs(pages, sizes)


def _mark_chapter_heads(pages: list[list[Line]], sizes: list[tuple[float, float]], typical: float) -> None:
    at_slot: dict[tuple, list[Line]] = defaultdict(list)
    for lines in pages:
        for line in lines:
            if line.role == "" and in_band(line, sizes[line.page][1], typical) and re.search(r"[^\W\d_]", line.text):
                at_slot[_slot(line)].append(line)
    tails = _heading_tails(pages)
    for slot, lines in at_slot.items():
        on: dict[str, set[int]] = defaultdict(set)
        for line in lines:
            for piece in _pieces(line):
                on[piece].add(line.page)
        runs = {text for text, where in on.items() if len(where) >= RUN}
        covered = set().union(*(on[text] for text in runs)) if runs else set()
        if len(covered) < max(3, RUNS_SHARE * len(pages)) or not _one_run_each(lines, runs):
            continue
        for line in lines:  # (a line whose one piece is its whole text is read once, as that piece)
            text, pieces = _place(line)[0], _pieces(line)
            if (pieces != [text] and _names_heading(text, tails, line.page)) or all(
                    p in runs or _names_heading(p, tails, line.page) for p in pieces):
                line.role = "furniture"


TWO_HEADS = re.compile(r"(?<=…)\s+|\s+(?=[^\W\d_]+ #\.\s|#(?:\.#)+\.\s)")
"""Where a second head begins in a line that reads two (two heads set close, or one TJ pdfTeX moves across the page
in): after the first's ellipsis ('CHAPTER 7. BASICS OF THE … 7.3. WHY ARE …'), or at its number ('1.4. DOCUMENTATION
CHAPTER 1. INTRODUCTION'; digits are '#' in a head's text)."""


def _pieces(line: Line) -> list[str]:
    """The heads a line at the running heads' place reads, one or two (`TWO_HEADS`), a folio alone no head."""
    text = _place(line)[0]
    return [piece for piece in TWO_HEADS.split(text) if _words(piece)] or [text]


def _one_run_each(lines: list[Line], runs: set[str]) -> bool:
    """The texts of runs follow one another down the report, each in one stretch of pages (its chapter):
    a text that comes back after another is not a chapter's head. A two-sided report heads its left and its right
    pages apart, and may print two heads side by side at one place (the chapter's at the left, the section's at the
    right: 'CHAPTER 3. CHOOSING A DEBIAN …' beside '3.1. WHICH DEBIAN DISTRIBUTION …'; a Sphinx manual's '30 Chapter
    5. Managing Packages' on its left pages, '5.8. Handling bugs 37' on its right ones): each of those streams, the
    pages of one side and the heads' order across the page, follows its own chapters."""
    streams: dict[tuple[int, int], list[str]] = defaultdict(list)
    on_page: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        on_page[line.page].append(line)
    for page in sorted(on_page):
        pieces = [piece for line in sorted(on_page[page], key=lambda l: l.x0) for piece in _pieces(line)]
        for rank, piece in enumerate(pieces):
            if piece in runs:
                streams[page % 2, rank].append(piece)
    for order in streams.values():
        changes = [text for i, text in enumerate(order) if i == 0 or text != order[i - 1]]
        if len(changes) != len(set(changes)):
            return False
    return True


def _heading_tails(pages: list[list[Line]]) -> dict[tuple[str, ...], int]:
    """The words of the larger-type lines (headings) a running head may repeat, each with the first page that prints
    it, and every ending of them ('Chapter 2. The Basics' -> ('chapter', 'the', 'basics'), ('the', 'basics'),
    ('basics')): a chapter's head follows its heading. Words are letters alone, numbers and stops aside ('5.4 Layout'
    heads its pages '5.4. Layout ... 31')."""
    body = float(np.median([l.size for lines in pages for l in lines])) if any(pages) else 0.0
    tails: dict[tuple[str, ...], int] = {}
    for lines in pages:
        for line in lines:
            if line.size > HEADING_SIZE * body:
                words = _words(line.text)
                words = words[:-1] if line.text.endswith("-") else words  # a word broken at the line's end ('reintro-')
                for i in range(len(words)):
                    tails.setdefault(words[i:], line.page)
    return tails


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W\d_]+", text.casefold()))


CUT_WORDS = 2
"""Words a running head cut short with an ellipsis keeps at least to be matched to the heading it begins ('WHICH
DEBIAN DISTRIBUTION …' for '3.1 Which Debian distribution (stable/testing/unstable) is better for me?'); a heading's
line (or its ending) a running head goes on from has more words than this (the heading wrapped, the head on one line:
'5.9. Moving, removing, renaming, orphaning, adopting, and reintroducing packages 43')."""


def _names_heading(text: str, tails: dict[tuple[str, ...], int], page: int) -> bool:
    """Whether a text printed where the running heads stand, on `page`, repeats a heading printed there or before: its
    words are a heading's or its ending, folio and numbers aside; or, cut short with an ellipsis, begin one (a LaTeX
    book's heads 'CHAPTER 3. CHOOSING A DEBIAN …'); or go on from a heading's line, or its ending, of three words or
    more."""
    words = _words(text)
    if not words:
        return False
    if re.match(r"(?:# )?[^\W\d_]+ #\.?\s", text):  # a label and its number ('CHAPTER 10. DEBIAN AND THE KERNEL',
        words = words[1:]  # '4 Chapter 1. Scope of This Document'), set on a line of their own over the heading's title
    if tails.get(words, page + 1) <= page:
        return True
    cut = re.search(r"(…|\.\.\.)[\s#]*$", text) is not None
    for tail, first in tails.items():
        if first > page:
            continue
        if cut and len(words) >= CUT_WORDS and tail[: len(words)] == words:
            return True
        if len(tail) > CUT_WORDS and words[: len(tail)] == tail:
            return True
    return False


def _mark_slugs(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> None:
    on: dict[str, set[int]] = defaultdict(set)
    outside: dict[str, set[int]] = defaultdict(set)  # pages where it stands above or below all the page's text
    for lines in pages:
        text_lines = [l for l in lines if l.role == ""]
        if not text_lines:
            continue
        top, bottom = max(l.y for l in text_lines), min(l.y for l in text_lines)
        for line in text_lines:
            key = " ".join(line.text.casefold().split())
            on[key].add(line.page)
            if line.y in (top, bottom):
                outside[key].add(line.page)
    slugs = {key for key, where in on.items() if len(key.split()) >= SLUG_WORDS and len(where) >= max(3, SLUG_SHARE * len(pages))
             and len(outside[key]) >= SLUG_SHARE * len(where)}
    for lines in pages:
        marked = [l for l in lines if l.role == "" and " ".join(l.text.casefold().split()) in slugs]
        for line in marked:
            line.role = "furniture"
        # what a page prints above a slug at its top is the slug's too (its 'Userid: ...' line)
        tops = [l.y for l in marked if l.y > (1 - SLUG_MARGIN) * sizes[l.page][1]]
        if tops:
            for line in lines:
                if line.role == "" and line.y > min(tops):
                    line.role = "furniture"


"""A Contents entry's heading is looked for where the Contents says it is printed.

A short title (a program's name, "Overview", "Methodology") may be printed before its section: in a list, a table, as a
bold run-in word. The RTKLIB manual (183 pp., Word) lists "A.5 STR2STR" at p99; its p5 prints the package's directory
tree, whose bold lines "\\rtkrcv" .. "\\str2str" spell the titles of A.1 .. A.5 alone. Taken for those entries, they
skipped the fifteen between (3.2 .. "A CUI Command References"), never looked for again: 4,597 of ~4,750 sentences
were filed under A.5.

- `premature`: a heading printed more than PAGE_SLACK pages before its entry's page (after the offset between the
  pages read and the Contents' numbers, from the entries found so far), while a heading further on prints the entry at
  its page, is not the entry's (`first_fitting` in the PDF reader's `pages_where_printed`, `Finder` in `assemble`);
- `Finder.recover`: an entry skipped by a match printed before its page is still looked for: when a heading prints it
  at its page, the sections opened from the wrong match on are folded back into text, and the entries after it are
  looked for again.

Nothing changes without pages: markdown (page 0) or a Contents without numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median_low

from .parsed import ContentsEntry, Para
from .text import printed_as, title_key

PAGE_SLACK = 2
"""Pages a heading may stand from its Contents page and be its heading: Word's and InDesign's Contents give the
heading's printed page (RTKLIB's: exact for all 26 entries of its first Contents page); a page's numbering read one
off (a cover left unnumbered) and a heading set at the foot of the page before make 1 or 2. The early matches that
this rejects are far outside it (RTKLIB: "\\rtkrcv" on p5 for "A.1 RTKRCV", p90)."""

JOINED_LINES = 4
"""Headings read as one title at most (`joined_match`: a heading and the three after it)."""


def page_offset(pairs: Iterable[tuple[int, int]]) -> int:
    """The page read minus the Contents' number, the median over (page read, listed page) pairs where both are known; 0
    for none (the Contents numbers the pages as they are read).

    >>> page_offset([(3, 1), (5, 3), (0, 7), (40, 9)]), page_offset([])
    (2, 0)
    """
    gaps = [page - listed for page, listed in pairs if page and listed]
    return median_low(gaps) if gaps else 0


def early(listed: int, page: int, offset: int) -> bool:
    """Whether a heading on `page` stands more than PAGE_SLACK pages before the Contents' `listed` page."""
    return bool(listed and page) and page - offset < listed - PAGE_SLACK


def fits(listed: int, page: int, offset: int) -> bool:
    """Whether a heading on `page` stands at the Contents' `listed` page, give or take PAGE_SLACK pages."""
    return bool(listed and page) and abs(page - offset - listed) <= PAGE_SLACK


def first_fitting(entry: ContentsEntry, headings: Iterable[tuple[int, int, str]], offset: int) -> int | None:
    """Of `headings`, (index, page, text) in reading order, the first that prints `entry` (at its page, if the outline
    anchors it there); or, when that one is printed early, the first later one at the entry's page, if any is.

    >>> e = ContentsEntry("A.5", "STR2STR", 99)
    >>> first_fitting(e, [(4, 5, "STR2STR"), (7, 98, "A.4 CONVBIN"), (9, 99, "A.5 STR2STR")], 0)
    9
    >>> first_fitting(e, [(4, 5, "STR2STR"), (9, 60, "STR2STR")], 0), first_fitting(e, [(4, 98, "STR2STR")], 0)
    (4, 4)
    """
    first = None
    for index, page, text in headings:
        if not printed_as(entry.number, entry.title, text) or (entry.anchored and page != entry.page):
            continue
        if first is None:
            first = index
            if not early(entry.page, page, offset):
                return index
        elif fits(entry.page, page, offset):
            return index
        elif page - offset > entry.page + PAGE_SLACK:
            break
    return first


def candidates_from(entries: list[ContentsEntry], start: int, page: int) -> list[int]:
    """The entries from `start` on that a heading printed on `page` may open: an entry the PDF's outline anchors to
    another page is not one (a manual's "Overview" of chapter 10 is not the appendix's); every one when the page is not
    known (0: markdown)."""
    return [j for j in range(start, len(entries)) if not (page and entries[j].anchored and entries[j].page != page)]


def joined_match(paras: list[Para], i: int, consumed: set[int], entries: list[ContentsEntry],
                 candidates: list[int]) -> tuple[int | None, list[int]]:
    """The Contents entry (one of `candidates`) spelled by heading `i` and the one to three headings right after it."""
    text, used = paras[i].text, []
    for j in range(i + 1, min(i + JOINED_LINES, len(paras))):
        if j in consumed or paras[j].kind not in ("heading", "bold"):
            break
        text, used = f"{text} {paras[j].text}", used + [j]
        key = title_key(text)
        match = next((k for k in candidates if title_key(entries[k].title) == key), None)
        if match is not None:
            return match, used
    return None, []


@dataclass(frozen=True)
class Found:
    """A Contents entry found in the body: its index, the page its heading is printed on (0: not known), the index of
    the section it opened and the chapter open before it (restored when the match proves wrong)."""

    entry: int
    page: int
    section: int
    chapter: object = None


class Finder:
    """The entries of `entries` found in `paras` so far, in order, and the checks of a heading against the Contents'
    pages (see the module's docstring)."""

    def __init__(self, entries: list[ContentsEntry], paras: list[Para]) -> None:
        self.entries, self.paras = entries, paras
        self.found: list[Found] = []
        self._headings: dict[str, list[tuple[int, str, int]]] | None = None

    def offset(self, upto: int | None = None) -> int:
        """The offset of the pages read from the Contents' numbers, over the first `upto` entries found (all: None)."""
        return page_offset((f.page, self.entries[f.entry].page) for f in self.found[:upto])

    def missing(self) -> list[ContentsEntry]:
        """The entries not found, in Contents order."""
        done = {f.entry for f in self.found}
        return [e for j, e in enumerate(self.entries) if j not in done]

    def premature(self, j: int, i: int, page: int) -> bool:
        """Whether entry `j`, printed by heading `i` on `page`, is printed before its page while a heading after `i`
        prints it there."""
        entry, offset = self.entries[j], self.offset()
        if not early(entry.page, page, offset):
            return False
        return any(k > i and fits(entry.page, at, offset) and printed_as(entry.number, entry.title, text)
                   for k, text, at in self._printed().get(title_key(entry.title), ()))

    def recover(self, text: str, page: int, start: int) -> tuple[int, Found] | None:
        """An entry before `start` not found (skipped by a later entry's match) that the heading `text` prints at its
        page, and the match that skipped it, printed on an earlier page and before its own entry's page: the entry to
        read from, and the match to undo (with the ones after it, dropped from `found`)."""
        if not page or len(self.found) >= start:
            return None
        done = {f.entry for f in self.found}
        for k in (k for k in range(start) if k not in done):
            n = next((n for n, f in enumerate(self.found) if f.entry > k), None)
            if n is None:
                continue
            wrong, entry, offset = self.found[n], self.entries[k], self.offset(n)
            if (wrong.section > 0 and 0 < wrong.page < page and early(self.entries[wrong.entry].page, wrong.page, offset)
                    and fits(entry.page, page, offset) and printed_as(entry.number, entry.title, text)):
                del self.found[n:]
                return k, wrong
        return None

    def _printed(self) -> dict[str, list[tuple[int, str, int]]]:
        """Headings by title key: (index, text, page), a heading and the ones right after it joined too."""
        if self._headings is None:
            self._headings = {}
            paras = self.paras
            for i, p in enumerate(paras):
                text = ""
                for q in paras[i : i + JOINED_LINES]:
                    if q.kind not in ("heading", "bold"):
                        break
                    text = f"{text} {q.text}".strip()
                    self._headings.setdefault(title_key(text), []).append((i, text, p.pages[0][1] if p.pages else 0))
        return self._headings


def fold(sections: list, at: int) -> None:
    """The sections from `at` on, folded back into the one before it as its text: each heading that opened one (its
    `printed` (text, pages) pairs) a heading block, then its blocks."""
    host = sections[at - 1]
    for s in sections[at:]:
        host.blocks.extend(("heading", text, "", (), (), pages) for text, pages in s.printed)
        host.blocks.extend(s.blocks)
    del sections[at:]

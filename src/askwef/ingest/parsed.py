"""What a reader returns: a `ParsedReport` (title, Contents entries, body paragraphs, endnotes).

Every reader (markdown in `markdown.py`, PDF in `pdf/`) produces one; `assemble()` turns it into a
`Document`. `IngestError` is the one error of this stage: its message names the file and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Endnote
from .text import Cleaned

SUPPORTED_SUFFIXES = (".md", ".markdown", ".pdf")


class IngestError(Exception):
    """A file that cannot be ingested; the message names the file and the reason."""


@dataclass(frozen=True)
class Para:
    """One paragraph as a reader found it, markup already removed.

    kind: "heading" (with `level`), "bold" (a bold-only line: maybe a heading), "prose", "item",
    "row" (a table row: `text` is the row's first cell, `items` the list items of the others),
    "table_header"; from a PDF also "unit" (a box's title: a named unit starts), "unit_end", and "figure_end"
    (body text again after a figure's caption: the figure ends there).
    `pages` says where the text is printed: (offset in text, page number, page label) from each
    offset on (empty: the section's page).
    """

    kind: str
    text: str
    markers: tuple[tuple[int, int], ...] = ()
    level: int = 0
    items: tuple[Cleaned, ...] = ()
    pages: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class ContentsEntry:
    """A section the report lists: "2.4", "Enabling sustainable energy ...", page 14. `level` is its
    depth (1 chapter .. 4; a part above its chapters makes one more) when the reader knows it (indentation, outline); 0:
    the number says it. `anchored`: the PDF's outline points at this page under this title, so the heading is printed
    on `page` and on no other (a manual titles a section "Overview" in three chapters; by title alone the first
    "Overview" printed took the last one's entry, and 2,392 sentences were filed under it)."""

    number: str
    title: str
    page: int
    level: int = 0
    anchored: bool = False


@dataclass(frozen=True)
class ParsedReport:
    title: str
    contents: tuple[ContentsEntry, ...]
    paras: tuple[Para, ...]
    endnotes: tuple[Endnote, ...]
    warnings: tuple[str, ...] = ()
    year: int = 0  # the publication year, when the reader finds it
    references: tuple[Endnote, ...] = ()  # reference-list entries, numbered as author-date citations cite them

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
    "table_header".
    """

    kind: str
    text: str
    markers: tuple[tuple[int, int], ...] = ()
    level: int = 0
    items: tuple[Cleaned, ...] = ()


@dataclass(frozen=True)
class ContentsEntry:
    number: str
    title: str
    page: int


@dataclass(frozen=True)
class ParsedReport:
    title: str
    contents: tuple[ContentsEntry, ...]
    paras: tuple[Para, ...]
    endnotes: tuple[Endnote, ...]
    warnings: tuple[str, ...] = ()

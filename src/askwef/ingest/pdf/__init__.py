"""The PDF reader: a report PDF -> `ParsedReport`, with pypdf.

    reader.py      opening (encrypted, damaged, image-only files refused with one line), the title, the pipeline
    runs.py        text runs from pypdf's visitor, with their extent from the fonts' widths
    layout.py      runs -> lines in reading order; markers, page furniture, columns and tables marked
    grid.py        tables across a page: found before the columns, cells read whole, rows under their labels
    headings.py    the outline, the Contents page, heading sizes, printed page labels
    paragraphs.py  lines -> paragraphs, list items and table rows, hyphenation undone
    notes.py       the endnote list and the link annotations that give its URLs

>>> report = read_pdf(Path("report.pdf"), Path("report.pdf").read_bytes())  # doctest: +SKIP
"""

from __future__ import annotations

from .reader import read_pdf

__all__ = ["read_pdf"]

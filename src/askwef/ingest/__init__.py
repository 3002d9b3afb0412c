"""Ingest: a report file -> `Document` (sections in reading order, cleaned text, sentences, endnotes).

Two steps. A *reader* turns a file into a `ParsedReport` (`parsed.py`): its Contents entries, its
body as a flat list of `Para`s (headings, prose, list items, table rows) and its endnote list.
`assemble()` then builds the section tree, shared by every reader.

    files.py        which files are reports; ingest_file / ingest_corpus
    markdown.py     the markdown reader
    pdf/            the PDF reader (layout, headings and Contents, paragraphs, notes)
    assemble.py     ParsedReport -> Document: sections, units, figures, re-joined paragraphs
    endnotes.py     endnote lists -> Endnote(number, reference, url)
    text.py         inline markup, sentences, titles: helpers every reader uses
    conventions.py  the report conventions recognised (unit and figure labels, note headings, ...)

>>> doc = ingest_file(Path("corpus/blueprint-to-action-china-ai-2025.md"))  # doctest: +SKIP
>>> doc.sections[5].path                                                        # doctest: +SKIP
"1 China's national strategy and governance approach"
"""

from __future__ import annotations

from .assemble import assemble, rejoin_paragraphs
from .endnotes import parse_endnotes
from .files import SUPPORTED_SUFFIXES, corpus_files, ingest_corpus, ingest_file
from .markdown import read_markdown
from .parsed import ContentsEntry, IngestError, Para, ParsedReport

__all__ = [
    "ingest_file", "ingest_corpus", "corpus_files", "SUPPORTED_SUFFIXES", "IngestError",
    "assemble", "rejoin_paragraphs", "read_markdown", "parse_endnotes", "ContentsEntry", "Para", "ParsedReport",
]

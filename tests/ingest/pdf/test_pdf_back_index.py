"""A back-of-book index is no text (`backindex.py`): its entries, letter headings and sub-entries' heads are read as
Contents lines, not sentences (R's 'Data Import/Export' read 193, the SDCC manual 319), while prose under a heading
titled 'Index' and a list of tables in page order are not taken for one; and a page of number columns alone is read
as a table's rows (`valuerows.number_grid`), not dropped as a chart's ticks (tabula's sample failed to index)."""

from __future__ import annotations

from askwef.ingest import ingest_file
from indexpages import book_with_index, number_columns_page  # (tests/ is on sys.path)
from pdfpages import sentence_texts

CHAPTERS = [
    ("1 Importing data", ["The simplest way to import data is to read a text file with one record on each line.",
                          "Each record holds fields separated by commas, tabs or spaces, read into a data frame.",
                          "Spreadsheets are best exported to a comma separated file before they are read."]),
    ("2 Relational databases", ["A database holds tables that are read with queries written in SQL.",
                                "The connection is opened once and closed when the work is done."]),
]

TERMS = ["awk", "Binary files", "bzfile", "cat", "close", "Compressed files", "Connections", "CSV files", "Data frames",
         "dBase", "DBMS", "Encodings", "Excel", "Exporting to a text file", "File connections", "Fixed-width files",
         "Flat tables", "gzfile", "Hierarchical Data Format", "isSeekable", "JSON", "make.socket", "Network interfaces",
         "odbcConnect", "Options", "  --quiet", "  --verbose", "pipe", "pushBack", "Quoting strings", "read.csv",
         "read.table", "readLines", "Relational databases", "scan", "seek", "sink", "Sockets", "SQL queries", "stdin",
         "Terminal connections", "Text connections", "unstack", "URL connections", "write", "write.csv", "writeLines",
         "XML", "yaml", "zip files"]


def _entries() -> list[str]:
    # (a sub-entries' head carries no page, its sub-entries are indented)
    return [t if t == "Options" else f"{t}, {3 + (7 * k) % 29}" + (f", {40 + k}" if k % 3 == 0 else "") for k, t in enumerate(TERMS)]


def test_a_back_of_book_index_is_no_sentences(tmp_path):
    for leaders in (False, True):
        doc = ingest_file(book_with_index(tmp_path / f"manual{leaders}.pdf", CHAPTERS, "Index", _entries(), leaders=leaders))
        said = sentence_texts(doc)
        for _, lines in CHAPTERS:
            for line in lines:
                assert line in said, (line, said)
        text = " ".join(said)
        for term in ("bzfile", "Quoting strings", "read.table", "--verbose", "Options", "zip files"):
            assert term not in text, (leaders, term, said)
        assert not any(s.strip() in {"A", "B", "Index"} for s in said), said


def test_prose_under_a_heading_titled_index_and_a_list_of_tables_stay(tmp_path):
    # an index of prices explained in prose, and a list of tables in page order (one letter, no alphabetical order)
    prose = ("Index", ["The price index measures what a basket of goods costs each month, 2021 set at 100.",
                       "It rose by 12 points over the year, the largest rise since the series began.",
                       "Food and energy, which weigh most, drove the rise, 7 points of the 12."])
    tables = [f"Table {k}: {title}, {2 + k}" for k, title in enumerate(
        ["Prices by region", "Wages by sector", "Energy use by fuel", "Imports by partner", "Exports by product",
         "Rents by city", "Food prices", "Transport costs", "Health spending", "Education spending", "Debt by holder",
         "Interest rates"], start=1)]
    doc = ingest_file(book_with_index(tmp_path / "prices.pdf", CHAPTERS + [prose], "Index of tables", tables))
    said = sentence_texts(doc)
    for line in prose[1]:
        assert line in said, (line, said)
    text = " ".join(said)
    assert "Wages by sector" in text and "Interest rates" in text, said


def test_a_page_of_number_columns_is_read_as_rows(tmp_path):
    columns = [list(range(1, 25)), list(range(100, 124)), list(range(200, 224)), list(range(25, 45)), list(range(124, 144))]
    doc = ingest_file(number_columns_page(tmp_path / "numbers.pdf", columns))
    said = sentence_texts(doc)
    assert len(said) >= 20, said
    row = " ".join(said[0].replace("|", " ").split())
    assert row == "1 100 200 25 124", said

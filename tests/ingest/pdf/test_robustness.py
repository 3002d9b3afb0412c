"""Pathological PDFs are stopped after a bound with one line, and the other documents still index.

The files come from tests/badpdfs.py: a page tree of 3,001 pages, arrays nested 100,000 deep, a
content stream that inflates to 200 MB, a page of 400,000 drawing operators. The time bound is shown
with a bound of zero seconds (no test measures time).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")

import badpdfs  # noqa: E402  (tests/ is on sys.path)
import pdfgen  # noqa: E402
from askwef.ingest import IngestError, ingest_corpus  # noqa: E402
from askwef.ingest.pdf import read_pdf  # noqa: E402

CASES = {
    "pages.pdf": (lambda: badpdfs.many_pages_pdf(3001), "3001 pages, more than the 3000 a report may have"),
    "nesting.pdf": (badpdfs.deep_nesting_pdf, "its objects nest more than 500 levels deep"),
    "bomb.pdf": (lambda: badpdfs.bomb_pdf(200), "a stream inflates past the 50 MB limit (a decompression bomb?)"),
    "slow.pdf": (lambda: badpdfs.slow_pdf(400_000), "MB of drawing instructions, over the 8 MB a page may have"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    (folder / "good.pdf").write_bytes(pdfgen.simple_pdf("A short report about AI adoption in industry.", pages=2))
    for name, (make, _) in CASES.items():
        (folder / name).write_bytes(make())
    return folder


def test_each_pathological_pdf_is_one_line_and_the_good_one_indexes(corpus):
    docs, problems = ingest_corpus(corpus)
    assert [d.name for d in docs] == ["good.pdf"]
    assert len(problems) == len(CASES)
    for name, (_, reason) in CASES.items():
        line = next(p for p in problems if p.startswith(f"{corpus / name}: "))
        assert reason in line and "\n" not in line


def test_reading_stops_at_the_time_bound(corpus):
    data = (corpus / "good.pdf").read_bytes()
    with pytest.raises(IngestError) as err:
        read_pdf(corpus / "good.pdf", data, seconds=0.0)
    assert "reading stopped after 0 s of CPU at page 1 (a slow or pathological PDF); not indexed" in str(err.value)
    assert read_pdf(corpus / "good.pdf", data).paras  # with the default bound it reads


def test_a_page_with_a_thousand_operators_is_read(tmp_path):
    """The bound on drawing instructions leaves ordinary dense pages alone."""
    report = read_pdf(tmp_path / "dense.pdf", badpdfs.slow_pdf(1_000))
    assert report.paras

"""Sections nest as their numbers say when the Contents' indentation says otherwise: NIST SP 800-223's Contents page
has no line for '2.1. Main Components' (its text is not in the text layer) and indents '2.1.1' one step under '2',
so '2.1' was in no section's path ('2 HPC ... > 2.1.1 Components ...')."""

from __future__ import annotations

from askwef.ingest import ingest_file
from frontpages import body_lines, fronted_report  # (tests/ is on sys.path)


def _body(topic: str, count: int = 4) -> list[tuple[str, float, int]]:
    return [(t, 10, 0) for t in body_lines(topic, count)]


def test_a_subsection_nests_under_the_parent_its_number_names(tmp_path):
    rows = [("1 Introduction", 3, 0), ("2 Architecture", 4, 0), ("2.1.1 Computing zone", 4, 18), ("2.1.2 Storage zone", 5, 18),
            ("2.2 Services", 5, 18), ("3 Threats", 6, 0)]
    pages = [[("1 Introduction", 16, -1), *_body("ministry")],
             [("2 Architecture", 16, -1), *_body("council"), ("2.1 Main components", 13, -1), ("2.1.1 Computing zone", 12, -1),
              *_body("agency")],
             [("2.1.2 Storage zone", 12, -1), *_body("board"), ("2.2 Services", 13, -1), *_body("office")],
             [("3 Threats", 16, -1), *_body("authority")]]
    doc = ingest_file(fronted_report(tmp_path / "nesting.pdf", "A Plan for Computing", [], rows, pages))
    paths = [s.path for s in doc.sections]
    assert "2 Architecture > 2.1 Main components > 2.1.1 Computing zone" in paths
    assert "2 Architecture > 2.1 Main components > 2.1.2 Storage zone" in paths
    assert "2 Architecture > 2.2 Services" in paths
    assert "3 Threats" in paths

"""An unruled table of labels and figures on a page with a bar chart (`valuerows.py`): each row is read with its value
(the values were dropped as chart text, number-only lines like a chart's ticks), while the chart's ticks and bar
labels stay out of the index."""

from __future__ import annotations

from pathlib import Path

from askwef.ingest import ingest_file
from layoutpages import values_and_chart_page  # (tests/ is on sys.path)

ROWS = [("Carbon dioxide (CO2)", "100 000 000"), ("Hydro-fluorocarbons (HFCs)", "100"), ("Methane (CH4)", "100 000"),
        ("Nitrous oxide (N2O)", "10 000"), ("Perfluorocarbons (PFCs)", "100"), ("Sulphur hexafluoride (SF6)", "50")]
BARS = [("Air", 172), ("Water", 64), ("Land", 31)]


def _sentences(path: Path) -> list[str]:
    doc = ingest_file(path)
    return [s.text[sp.start:sp.end] for s in doc.sections for sp in s.sentences]


def test_table_rows_keep_their_values_and_the_chart_stays_out(tmp_path):
    said = _sentences(values_and_chart_page(tmp_path / "thresholds.pdf", ROWS, BARS))
    for label, value in ROWS:
        assert any(label in s and value in s for s in said), (label, value, said)
    text = " ".join(said)
    for tick in ("150", "200", "172", "64", "31"):
        assert tick not in text.split(), (tick, said)

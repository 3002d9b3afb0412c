"""An unruled table of labels and figures on a page with a bar chart (`valuerows.py`): each row is read with its value
(the values were dropped as chart text, number-only lines like a chart's ticks), while the chart's ticks and bar
labels stay out of the index."""

from __future__ import annotations

from pathlib import Path

from askwef.ingest import ingest_file
from layoutpages import boxed_flowchart_page, table_beside_prose_page, two_column_contents_page, values_and_chart_page  # (tests/ is on sys.path)
from pdfpages import sentence_texts

ROWS = [("Carbon dioxide (CO2)", "100 000 000"), ("Hydro-fluorocarbons (HFCs)", "100"), ("Methane (CH4)", "100 000"),
        ("Nitrous oxide (N2O)", "10 000"), ("Perfluorocarbons (PFCs)", "100"), ("Sulphur hexafluoride (SF6)", "50")]
BARS = [("Air", 172), ("Water", 64), ("Land", 31)]
PROSE = [["We assess the suppliers of our own products", "when they start and then every year to", "understand their social and environmental",
          "performance. The assessments cover four", "categories of the work done in each place.", "Assessment findings are flagged as high,",
          "medium or low by their severity. We make", "remediation of high findings a condition", "of continued business with suppliers."],
         ["During the year we performed many assessments", "across three kinds of visits to the sites.", "Initial assessments come before a supplier",
          "begins production of our own products and", "made up a fifth of all the assessments.", "Ongoing assessments follow while the supplier",
          "is producing and made up more than half", "of all the assessments performed this year.", "Verification visits check that the plans work."]]
FINDINGS = [("Freely Chosen Employment", "8%", "4.4%"), ("Humane Treatment", "1%", "<1%"), ("Nondiscrimination", "1%", "<1%"),
            ("Wages and Benefits", "47%", "40.6%"), ("Working Hours", "6%", "5%"), ("Young Workers", "<1%", "<1%")]


def _sentences(path: Path) -> list[str]:
    doc = ingest_file(path)
    return sentence_texts(doc)


def test_table_rows_keep_their_values_and_the_chart_stays_out(tmp_path):
    said = _sentences(values_and_chart_page(tmp_path / "thresholds.pdf", ROWS, BARS))
    for label, value in ROWS:
        assert any(label in s and value in s for s in said), (label, value, said)
    text = " ".join(said)
    for tick in ("150", "200", "172", "64", "31"):
        assert tick not in text.split(), (tick, said)


def test_a_table_in_a_column_beside_short_lined_prose_leaves_the_prose_whole(tmp_path):
    # (Amazon's 2022 report, p44: read in place across the page, the table's rows had cut the two columns of prose
    # beside it, lines of 8 words or fewer, between its baselines)
    said = _sentences(table_beside_prose_page(tmp_path / "findings.pdf", PROSE, FINDINGS))
    for column in PROSE:
        text = " ".join(column)
        for sentence in ("We make remediation of high findings a condition of continued business with suppliers.",
                         "Ongoing assessments follow while the supplier is producing and made up more than half of all the "
                         "assessments performed this year."):
            if sentence in text:
                assert sentence in said, (sentence, said)
    for label, first, second in FINDINGS:
        assert any(label in s and first in s and second in s for s in said), (label, said)


def test_a_flowchart_of_boxed_steps_beside_boxed_doses_is_not_read_as_rows(tmp_path):
    # (nccn-thyroid's PAP-4: a box of steps beside a shorter box of doses, level line for line: the two boxes' upright
    # sides of unlike spans between them, `valuerows._boxed`; read as rows, each step was glued to a dose)
    steps = ["Radioiodine imaging", "RAI uptake", "Thyroglobulin level", "Neck ultrasound", "Repeat scan", "Watch"]
    said = _sentences(boxed_flowchart_page(tmp_path / "flow.pdf", steps, ["30 mCi", "150", "100", "200"]))
    assert not any(" | " in s for s in said), said
    assert any("Radioiodine imaging" in s for s in said), said


def test_a_contents_in_two_columns_beside_a_drawn_mark_is_not_read_as_rows(tmp_path):
    # (REVTeX's auguide, p1: a dark mark on the page makes its lone page numbers chart text; its entries, a number, a
    # title and a page number set apart, look like rows of labels and values, told apart by their page numbers rising
    # down each column, `valuerows._page_numbers`; read as rows, each entry lost its number and the columns interleaved)
    entries = [("I.", "Introduction", 2), ("I.1.", "Changes in the guide", 2), ("I.2.", "Backwards compatibility", 2),
               ("I.3.", "Submitting papers", 3), ("II.", "Some basics", 3), ("II.1.", "Useful markup", 3), ("II.2.", "Using packages", 4),
               ("III.", "The preamble", 5), ("III.1.", "The class line", 5), ("III.2.", "Loading packages", 5), ("IV.", "The front matter", 5),
               ("IV.1.", "Setting the title", 6), ("IV.2.", "Specifying a date", 6), ("IV.3.", "Authors", 7), ("V.", "The body", 8),
               ("V.1.", "Section headings", 8)]
    said = _sentences(two_column_contents_page(tmp_path / "guide.pdf", "The Author's Guide", entries))
    assert not any(" | " in s for s in said), said
    text = " ".join(said)
    assert text.index("Introduction") < text.index("Backwards compatibility") < text.index("Section headings"), said

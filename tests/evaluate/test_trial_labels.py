"""The trials' labels (evals/natural/trials/*.tsv) checked against the reports as askwef reads them: every expected
sentence is one askwef indexes (as `reworded_check.quotes_expected` counts a quote), so a trial counts what the reader
can quote, and a change to the reader that loses a labelled sentence shows here."""

import csv
import sys

import pytest

from askwef.ingest import ingest_file
from conftest import REAL_REPORT, ROOT

sys.path.insert(0, str(ROOT / "evals"))
from reworded_check import quotes_expected  # noqa: E402

TRIALS = ROOT / "evals" / "natural" / "trials"
UK = ROOT.parent / "shared" / "realpdfs" / "UK_National_AI_Strategy.pdf"
OECD = ROOT.parent / "shared" / "realpdfs" / "OECD_Palestinian_Authority_Strengthening_Public_Administration.pdf"
BLUEPRINT_TRIALS = ("reworded-blueprint.tsv", "paired-blueprint.tsv", "blind2-blueprint.tsv", "blind3-blueprint.tsv", "blind4-blueprint.tsv",
                    "blind5-blueprint.tsv", "blind6-blueprint.tsv", "blind7-blueprint.tsv", "blind8-blueprint.tsv",
                    "blind9-blueprint.tsv")


def _labels(name: str) -> list[dict]:
    with open(TRIALS / name, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert rows and all(r["kind"] in ("reworded", "near_miss") for r in rows), name
    return [r for r in rows if r["kind"] == "reworded"]


def _sentences(path) -> list[str]:
    """The sentences askwef indexes, and the titles it shows with them (a label may be a case study's title)."""
    sections = ingest_file(path).sections
    return [s.text[sp.start : sp.end] for s in sections for sp in s.sentences] + [s.title for s in sections] \
        + sorted({sp.unit for s in sections for sp in s.sentences if sp.unit})


def _missing(rows: list[dict], sentences: list[str]) -> list[str]:
    return [r["n"] for r in rows if not any(quotes_expected(s, r["expected_sentence"]) for s in sentences)]


@pytest.mark.slow
def test_blueprint_trial_labels_are_sentences_askwef_reads():
    sentences = _sentences(REAL_REPORT)
    for name in BLUEPRINT_TRIALS:
        missing = _missing(_labels(name), sentences)
        # the cover's date, which the markdown reader leaves out with the cover (before the Contents); two entries of the
        # endnote list, which askwef shows as a quote's references, not as quotes (the eighth trial's "source?", and its
        # "hub nodes how many", which only endnote 26's title answers, as does the ninth trial's "East Data West Computing hubs")
        unread = {"blind2-blueprint.tsv": ["38"], "blind8-blueprint.tsv": ["15", "25"], "blind9-blueprint.tsv": ["42"]}
        assert missing == unread.get(name, []), (name, missing)


@pytest.mark.slow
@pytest.mark.parametrize("name, pdf", [("blind-uk.tsv", UK), ("blind-oecd.tsv", OECD)])
def test_real_pdf_trial_labels_are_sentences_askwef_reads_with_their_pages(name, pdf):
    if not pdf.exists():
        pytest.skip("the real PDFs are not here")
    rows = _labels(name)
    doc = ingest_file(pdf)
    spans = [(s.text[sp.start : sp.end], sp.page) for s in doc.sections for sp in s.sentences]
    assert _missing(rows, [t for t, _ in spans]) == []
    pages = [(r["n"], int(r["page"]), next(p for t, p in spans if quotes_expected(t, r["expected_sentence"]))) for r in rows]
    wrong = [(n, want, got) for n, want, got in pages if want != got]
    assert len(wrong) <= 0.1 * len(rows), wrong


def test_a_label_copied_from_the_markdown_counts_the_sentence_askwef_quotes():
    """Markers, entities and escapes of the markdown are not words of the sentence; a clause of it counts."""
    quote = "China's AI-driven drug R&D sector is projected to reach $187 million in 2024, making up 12% of the global market."
    assert quotes_expected(quote, r"China's AI-driven drug R&amp;D sector is projected to reach \$187 million in 2024,<sup>49</sup>")
    assert quotes_expected(quote, "making up 12% of the global market")
    assert not quotes_expected(quote, "China's AI-driven drug discovery market is projected to reach")

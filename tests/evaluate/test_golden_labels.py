"""Every golden label checked against the report as askwef ingests it."""

import pytest

from askwef.evaluate.golden import load_golden
from askwef.ingest import ingest_file
from askwef.ingest.text import normalize_for_match
from conftest import REAL_REPORT, ROOT

GOLDEN = ROOT / "evals" / "golden.jsonl"
KINDS = {"numeric", "policy", "case_study", "table", "paraphrase", "multi_part", "keyword", "unanswerable"}


@pytest.fixture(scope="module")
def sections():
    return {s.path: s for s in ingest_file(REAL_REPORT).sections}


@pytest.fixture(scope="module")
def golden():
    return load_golden(GOLDEN)


def test_size_spread_and_splits(golden, sections):
    assert len(golden) >= 120 and len({q.id for q in golden}) == len(golden)
    assert {q.kind for q in golden} == KINDS
    unanswerable = [q for q in golden if not q.answerable]
    assert len(unanswerable) >= 0.15 * len(golden)
    assert {q.split for q in golden} == {"dev", "test"}
    covered = {q.section for q in golden if q.answerable}
    assert set(sections) - covered <= {"1 China's national strategy and governance approach", "2 Key enablers in the AI ecosystem"}


def test_every_label_matches_the_report(golden, sections):
    problems = []
    for q in golden:
        if not q.answerable:
            if q.answer or q.evidence or q.endnotes:
                problems.append(f"{q.id}: unanswerable with labels")
            continue
        section = sections.get(q.section)
        if section is None:
            problems.append(f"{q.id}: no section {q.section!r}")
            continue
        sentences = {normalize_for_match(section.text[s.start : s.end]): s for s in section.sentences}
        found = sentences.get(normalize_for_match(q.evidence))
        if found is None:
            problems.append(f"{q.id}: evidence is not a sentence of {q.section}")
            continue
        if normalize_for_match(q.answer) not in normalize_for_match(q.evidence):
            problems.append(f"{q.id}: answer not inside evidence")
        if tuple(sorted(q.endnotes)) != tuple(sorted(found.endnotes)):
            problems.append(f"{q.id}: endnotes {q.endnotes} but the sentence cites {found.endnotes}")
    assert problems == []

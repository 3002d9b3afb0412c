"""Every golden label checked against the report as askwef ingests it."""

import pytest

from askwef.evaluate.golden import load_golden
from askwef.ingest import ingest_file
from askwef.ingest.text import normalize_for_match
from conftest import REAL_REPORT, ROOT

GOLDEN = ROOT / "evals" / "golden.jsonl"
KINDS = {"numeric", "policy", "case_study", "table", "paraphrase", "multi_part", "keyword", "unanswerable"}
# the natural set, written blind (from the section titles only) and labelled afterwards
NATURAL_KINDS = {"natural", "synonym", "abbreviation", "typo", "needs_context", "followup", "off_topic", "near_miss"}


@pytest.fixture(scope="module")
def sections():
    return {s.path: s for s in ingest_file(REAL_REPORT).sections}


@pytest.fixture(scope="module")
def golden():
    return load_golden(GOLDEN)


def test_size_spread_and_splits(golden, sections):
    assert len(golden) >= 120 + 250 and len({q.id for q in golden}) == len(golden)
    assert {q.kind for q in golden} == KINDS | NATURAL_KINDS
    unanswerable = [q for q in golden if not q.answerable]
    assert len(unanswerable) >= 0.15 * len(golden)
    assert {q.split for q in golden} == {"dev", "test", "holdout"}
    conversations = {q.conversation for q in golden if q.conversation}
    assert len(conversations) >= 40 and all(q.split in ("dev", "test", "holdout") for q in golden)
    assert sum(q.kind == "near_miss" for q in golden) >= 30
    natural = [q for q in golden if q.kind in NATURAL_KINDS]
    assert sum(not q.answerable for q in natural) >= 60
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
        spans = list(section.sentences)
        texts = [normalize_for_match(section.text[s.start : s.end]) for s in spans]
        at = texts.index(normalize_for_match(q.evidence)) if normalize_for_match(q.evidence) in texts else None
        if at is None:
            problems.append(f"{q.id}: evidence is not a sentence of {q.section}")
            continue
        found = spans[at]
        # the context, when labelled, is the sentence's unit title or the sentence before it
        context = normalize_for_match(q.context)
        if q.context and context not in (normalize_for_match(found.unit), texts[at - 1] if at else ""):
            problems.append(f"{q.id}: context is neither the unit title nor the sentence before")
        if normalize_for_match(q.answer) not in normalize_for_match(q.evidence) + " " + context:
            problems.append(f"{q.id}: answer not inside evidence (or its context)")
        if tuple(sorted(q.endnotes)) != tuple(sorted(found.endnotes)):
            problems.append(f"{q.id}: endnotes {q.endnotes} but the sentence cites {found.endnotes}")
    assert problems == []

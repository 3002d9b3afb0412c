"""Fuzzing and properties.

1. Schemathesis against the live server's /openapi.json: generated requests (valid and invalid) to
   every operation must never get a 5xx, and every response must match the documented status
   codes, content type and schema. Bounded: up to 50 valid and 50 invalid examples per operation,
   derandomised.
2. Hypothesis properties of ingestion and chunking on small markdown reports made from the
   building blocks of the real one (chapters and subsections, a Contents list or none, paragraphs
   with endnote markers, paragraphs split mid-sentence, lists, tables with list cells, case-study
   boxes, unicode words): no sentence is lost, every offset points at its text, building twice
   gives the same ids, and no passage exceeds the token budget.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks

from askwef.chunk import chunk_document
from askwef.embed import HashEmbedder
from askwef.ingest import assemble, ingest_file, read_markdown
from askwef.serve.api import create_app, running
from askwef.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

# --- 1. the HTTP API against its own schema ------------------------------------------------------


@pytest.fixture(scope="module")
def live_url(tmp_path_factory):
    from askwef.engine import Engine

    base = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", base / "corpus")
    engine = Engine.load(
        Settings(corpus_dir=base / "corpus", index_dir=base / "index" / "current", abstain_threshold=0.05),
        embedder=HashEmbedder(), log=lambda *_: None,
    )
    with running(create_app(engine, feedback_path=base / "feedback.jsonl")) as url:
        yield url


@pytest.fixture(scope="module")
def api_schema(live_url):
    return schemathesis.openapi.from_url(live_url + "/openapi.json")


OPERATIONS = ("POST /api/answer", "POST /api/search", "GET /api/sections", "GET /healthz", "GET /read")
API_CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 50


def test_every_operation_is_fuzzed(api_schema):
    assert sorted(r.ok().label for r in api_schema.get_all_operations()) == sorted(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("label", OPERATIONS)
def test_api_never_fails_and_keeps_to_its_schema(api_schema, label, mode):
    """Generated requests: never a 5xx; status, content type and body as /openapi.json documents them."""
    operation = api_schema.find_operation_by_label(label)
    calls = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        calls.append(case.call_and_validate(checks=API_CHECKS).status_code)

    if mode is GenerationMode.NEGATIVE and label.startswith("GET"):
        pytest.skip("no parameters to make invalid")
    run()
    assert calls and all(code < 500 for code in calls)
    if mode is GenerationMode.NEGATIVE:
        assert any(400 <= code < 500 for code in calls)


# --- 2. ingestion and chunking properties ---------------------------------------------------------

WORDS = (
    "tidal", "power", "grid", "coast", "farm", "turbine", "cost", "bank", "port", "energy", "water", "storage",
    "cable", "model", "data", "city", "plan", "market", "policy", "research", "café", "naïve", "融安e信", "2030",
    "12%", "R&D", "AI-driven", "5G", "e-commerce", "co-operation",
)
CAPS = ("Engineers", "Ports", "The", "Banks", "Farms", "Cities", "Operators", "Researchers")


@st.composite
def sentences(draw, min_words=3, max_words=22):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words))
    return " ".join([draw(st.sampled_from(CAPS)), *words]) + "."


def _marker(draw, notes: int) -> str:
    if not draw(st.booleans()):
        return ""
    numbers = sorted(set(draw(st.lists(st.integers(1, notes), min_size=1, max_size=2))))
    return "<sup>" + ",".join(map(str, numbers)) + "</sup>"


@st.composite
def reports(draw):
    """(markdown, the sentences it holds as plain text) for a small report."""
    notes = draw(st.integers(1, 6))
    expected: list[str] = []
    body: list[str] = []
    chapters = draw(st.integers(1, 3))
    titles = [f"Chapter {'abcdefgh'[i]} on {draw(st.sampled_from(('ports', 'farms', 'grids', 'cities')))}" for i in range(chapters)]
    table_no = case_no = 0
    for c, title in enumerate(titles):
        body.append(f"# {title}")
        subsections = draw(st.integers(0, 2))
        parts = [None] + [f"Topic {'abcdefgh'[c]}{j} of the chapter" for j in range(subsections)]
        for sub in parts:
            if sub:
                body.append(f"## {sub}")
            for _ in range(draw(st.integers(1, 3))):
                kind = draw(st.sampled_from(("paragraph", "paragraph", "split", "list", "table", "case")))
                if kind == "paragraph":
                    said = draw(st.lists(sentences(), min_size=1, max_size=4))
                    expected += said
                    body.append(" ".join(s + _marker(draw, notes) for s in said))
                elif kind == "split":  # a paragraph the conversion cut mid-sentence
                    first, rest = draw(sentences(min_words=8)), draw(st.lists(sentences(), max_size=2))
                    words = first.split()
                    cut = draw(st.integers(2, len(words) - 2))
                    tail = [w for w in words[cut:]]
                    tail[0] = tail[0].lower() if tail[0][:1].isalpha() else "and " + tail[0]
                    expected += [" ".join(words[:cut] + tail), *rest]
                    body.append(" ".join(words[:cut]))
                    body.append(" ".join([" ".join(tail), *rest]))
                elif kind == "list":
                    items = draw(st.lists(sentences(), min_size=1, max_size=4))
                    expected += items
                    body.append("\n".join(f"- {item}" for item in items))
                elif kind == "table":
                    table_no += 1
                    rows = draw(st.lists(st.lists(sentences(max_words=12), min_size=1, max_size=3), min_size=1, max_size=3))
                    lines = [f"TABLE {table_no}", f"### Selected uses {table_no}", "Application\tUses"]
                    for r, cells in enumerate(rows):
                        expected += cells
                        items = "".join(f"<li>– {cell}{_marker(draw, notes)}</li>" for cell in cells)
                        lines.append(f"<b>Use {r + 1}</b>\t<ul>{items}</ul>")
                    body.append("\n\n".join(lines))
                else:
                    case_no += 1
                    said = draw(st.lists(sentences(), min_size=1, max_size=3))
                    expected += said
                    body.append(f"### CASE STUDY {case_no}\n\n#### Harbour Works {case_no} – a case\n\n" + " ".join(said))
    contents = ""
    if draw(st.booleans()):
        contents = "# Contents\n\n" + "\n".join(f"{t}\t{3 + i}" for i, t in enumerate(titles)) + "\n\n"
    endnotes = "\n".join(f"{n}. Source {n}. (2024). *Report {n}*. <https://example.org/{n}>." for n in range(1, notes + 1))
    text = f"# A generated report\n\n{contents}" + "\n\n".join(body) + f"\n\n# Endnotes\n\n{endnotes}\n"
    return text, expected


def _squash(text: str) -> str:
    return " ".join(text.split())


SMALL = Settings(max_tokens=64, target_tokens=32)
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _document(text: str):
    return assemble("generated.md", "0" * 64, read_markdown(text))


@given(reports())
@PROPERTY_SETTINGS
def test_no_sentence_is_lost(report):
    text, expected = report
    chunks = chunk_document(_document(text), HashEmbedder(), SMALL)
    passages = [_squash(p.text) for p in chunks.passages]
    for sentence in expected:
        assert any(_squash(sentence) in p for p in passages), sentence


@given(reports())
@PROPERTY_SETTINGS
def test_offsets_point_at_their_text(report):
    doc = _document(report[0])
    sections = {s.path: s for s in doc.sections}
    for section in doc.sections:
        for span in section.sentences:
            piece = section.text[span.start : span.end]
            assert piece and piece == piece.strip()
            block = section.blocks[span.block]
            assert block.start <= span.start <= span.end <= block.end
    chunks = chunk_document(doc, HashEmbedder(), SMALL)
    for p in chunks.passages:
        assert sections[p.section].text[p.start : p.end] == p.text
    for s in chunks.sentences:
        assert sections[s.section].text[s.start : s.end] == s.text
        assert s.text in next(p.text for p in chunks.passages if p.id == s.passage_id)


@given(reports())
@PROPERTY_SETTINGS
def test_building_twice_gives_the_same_ids(report):
    first = chunk_document(_document(report[0]), HashEmbedder(), SMALL)
    second = chunk_document(_document(report[0]), HashEmbedder(), SMALL)
    assert [p.id for p in first.passages] == [p.id for p in second.passages]
    assert [s.id for s in first.sentences] == [s.id for s in second.sentences]
    assert len({p.id for p in first.passages}) == len(first.passages)
    assert len({s.id for s in first.sentences}) == len(first.sentences)


@given(reports(), st.sampled_from([(64, 32), (120, 60), (200, 110)]))
@PROPERTY_SETTINGS
def test_passages_fit_the_token_budget(report, budget):
    embedder = HashEmbedder()
    limits = Settings(max_tokens=budget[0], target_tokens=budget[1])
    chunks = chunk_document(_document(report[0]), embedder, limits)
    for context, p in zip(chunks.contexts, chunks.passages):
        assert embedder.count_tokens(f"{context}\n{p.text}") <= limits.max_tokens, (len(p.text.split()), p.text[:80])


@given(reports())
@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
def test_a_whole_index_build_twice_gives_the_same_ids(report):
    from askwef.index import build, load

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        (corpus / "generated.md").write_text(report[0])
        ids = []
        for attempt in ("a", "b"):
            limits = SMALL.replace(corpus_dir=corpus, index_dir=Path(tmp) / attempt / "current")
            build(limits, HashEmbedder(), progress=False, log=lambda *_: None)
            ids.append([p.id for p in load(limits).passages])
        assert ids[0] == ids[1] and ids[0]
        assert ingest_file(corpus / "generated.md").sha256 == ingest_file(corpus / "generated.md").sha256


def test_a_sentence_longer_than_the_budget_still_fits():
    embedder = HashEmbedder()
    text = "# R\n\n# Chapter a\n\nEngineers " + " ".join(["tidal"] * 300) + ".\n"
    chunks = chunk_document(_document(text), embedder, Settings())
    assert all(embedder.count_tokens(f"{c}\n{p.text}") <= Settings().max_tokens for c, p in zip(chunks.contexts, chunks.passages))

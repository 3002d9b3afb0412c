from askwef.chunk import chunk_document, context_for
from askwef.embed import HashEmbedder
from askwef.ingest import ingest_file
from askwef.settings import Settings
from conftest import MINI_REPORT


def _chunks(**settings):
    doc = ingest_file(MINI_REPORT)
    return doc, chunk_document(doc, HashEmbedder(), Settings(**settings))


def test_passages_stay_inside_one_section_and_point_at_its_text():
    doc, chunks = _chunks()
    sections = {s.path: s for s in doc.sections}
    for p in chunks.passages:
        assert sections[p.section].text[p.start : p.end] == p.text
        assert p.page == sections[p.section].page and p.document == MINI_REPORT.name


def test_every_sentence_is_in_exactly_one_passage():
    doc, chunks = _chunks()
    by_id = {p.id: p for p in chunks.passages}
    total = sum(len(s.sentences) for s in doc.sections)
    assert len(chunks.sentences) == total
    for s in chunks.sentences:
        p = by_id[s.passage_id]
        assert p.start <= s.start < s.end <= p.end and s.text in p.text


def test_budget_is_respected_even_when_small():
    embedder = HashEmbedder()
    doc, chunks = _chunks(max_tokens=40, target_tokens=20)
    for p, ctx in zip(chunks.passages, chunks.contexts):
        assert embedder.count_tokens(ctx + " " + p.text) <= 40, p.text


def test_units_are_not_mixed_and_carry_their_title():
    _, chunks = _chunks()
    harbour = [p for p in chunks.passages if "Harbour Works built" in p.text]
    assert len(harbour) == 1 and harbour[0].unit.startswith("CASE STUDY 1")
    assert "Costs fell" not in harbour[0].text
    row = next(p for p in chunks.passages if "Shore power" in p.text)
    assert row.unit == "TABLE 1: Selected uses in shipping" and 8 in row.endnotes


def test_ids_are_content_hashes_and_stable():
    _, a = _chunks()
    _, b = _chunks()
    assert [p.id for p in a.passages] == [p.id for p in b.passages]
    assert len({p.id for p in a.passages}) == len(a.passages)


def test_context_names_section_and_unit():
    doc, _ = _chunks()
    section = next(s for s in doc.sections if s.path.endswith("Costs and financing"))
    assert context_for(section, "CASE STUDY 1: X") == "Why tides matter > Costs and financing | CASE STUDY 1: X"


def test_a_sentence_longer_than_the_budget_is_cut_between_words_but_quoted_whole(tmp_path):
    from askwef.settings import Settings

    path = tmp_path / "long.md"
    path.write_text("# R\n\n# Chapter a\n\nEngineers " + " ".join(f"word{i}" for i in range(300)) + " end.\n")
    doc = ingest_file(path)
    embedder = HashEmbedder()
    chunks = chunk_document(doc, embedder, Settings(max_tokens=120))
    assert len(chunks.passages) >= 3
    assert all(embedder.count_tokens(f"{c} {p.text}") <= 120 for c, p in zip(chunks.contexts, chunks.passages))
    assert " ".join(p.text for p in chunks.passages) == doc.sections[0].text
    assert len(chunks.sentences) == 1 and chunks.sentences[0].text == doc.sections[0].text

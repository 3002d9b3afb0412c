"""The common recipe: LangChain-style recursive splitting, a flat FAISS index, a best-sentence reader.

The splitter was checked once against langchain-text-splitters 1.1.2: identical chunk texts on the
report and 1,000 random texts, identical start indices on the report (on texts full of repeats ours
are the true offsets, where LangChain's str.find can land on an earlier copy). These tests pin its
properties without that package.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from askwef.evaluate.baselines import CommonRecipe, recursive_split, split_sentences
from askwef.embed import HashEmbedder

REPORT = Path(__file__).resolve().parents[2] / "corpus" / "blueprint-to-action-china-ai-2025.md"


def random_text(rng: random.Random) -> str:
    pieces = ["a", "bb", "ccc", "dddd\n", "eeeee", "\n\n", "ffffffffffffffff", "g ", "  ", "word."]
    return "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 300)))


def check_split(text: str, chunk_size: int, overlap: int) -> list[tuple[int, int]]:
    spans = recursive_split(text, chunk_size, overlap)
    covered = [False] * len(text)
    previous = None
    for start, end in spans:
        chunk = text[start:end]
        assert 0 < len(chunk) <= chunk_size
        assert chunk == chunk.strip()  # stripped like LangChain's default
        for i in range(start, end):
            covered[i] = True
        if previous is not None:
            assert start >= previous[0]  # in reading order
            assert previous[1] - start <= overlap  # neighbours share at most `overlap` characters
        previous = (start, end)
    # every non-space character of the text is in some chunk
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())
    return spans


def test_sizes_overlap_and_coverage_on_random_texts():
    rng = random.Random(11)
    for _ in range(200):
        size = rng.randint(5, 80)
        check_split(random_text(rng), size, rng.randint(0, size - 1))


def test_the_report_with_the_common_settings():
    text = REPORT.read_text(encoding="utf-8")
    spans = check_split(text, 1000, 200)
    assert 80 <= len(spans) <= 130  # about 75k characters in chunks of up to 1,000
    # long paragraphs are cut at spaces, and then neighbours do overlap
    assert any(a[1] > b[0] for a, b in zip(spans, spans[1:]))


def test_paragraphs_are_kept_whole_when_they_fit():
    text = "First paragraph here.\n\nSecond one.\n\nThird paragraph, a little longer."
    chunks = [text[s:e] for s, e in recursive_split(text, chunk_size=40, overlap=0)]
    assert chunks == ["First paragraph here.\n\nSecond one.", "Third paragraph, a little longer."]


def test_a_word_longer_than_the_chunk_is_cut_into_characters():
    chunks = [("x" * 25)[s:e] for s, e in recursive_split("x" * 25, chunk_size=10, overlap=0)]
    assert chunks == ["x" * 10, "x" * 10, "x" * 5]


def test_empty_and_bad_arguments():
    assert recursive_split("", 10, 2) == []
    assert recursive_split("   \n\n  ", 10, 2) == []
    with pytest.raises(ValueError):
        recursive_split("abc", 10, 10)


def test_sentences_keep_endnote_markers_and_split_blocks():
    text = "China grew.<sup>2</sup> It is big.\n\nA heading\nGoes on. \\$70 billion is the size."
    assert split_sentences(text) == ["China grew.<sup>2</sup>", "It is big.", "A heading Goes on.", "\\$70 billion is the size."]


CORPUS = {
    "r.md": "# Energy\n\nSolar capacity grew fast in 2024.<sup>4,5</sup> Wind power also grew.\n\n"
    "# Talent\n\nUniversities opened new AI programmes.<sup>7</sup> Students flocked to them."
}


def test_search_ranks_by_cosine_and_sets_scores():
    recipe = CommonRecipe.from_texts(CORPUS, HashEmbedder(dim=256), chunk_size=80, overlap=0)
    assert len(recipe.passages) >= 2
    hits = recipe.search("Which universities opened AI programmes?", k=2)
    assert "Universities" in hits[0].text
    assert hits[0].score >= hits[1].score
    assert len({p.id for p in recipe.passages}) == len(recipe.passages)
    for p in recipe.passages:
        assert CORPUS[p.document][p.start : p.end] == p.text
    assert recipe.search("anything", k=0) == []


def test_reader_picks_the_closest_sentence_with_its_endnotes():
    recipe = CommonRecipe.from_texts(CORPUS, HashEmbedder(dim=256), chunk_size=80, overlap=0)
    answer = recipe.answer("How fast did solar capacity grow in 2024?")
    assert answer.text == "Solar capacity grew fast in 2024."
    assert [e.number for e in answer.endnotes] == [4, 5]
    assert not answer.abstained and answer.passages


def test_from_corpus_reads_markdown_files(tmp_path):
    (tmp_path / "a.md").write_text("Alpha beta gamma.", encoding="utf-8")
    (tmp_path / "skip.txt").write_text("not read", encoding="utf-8")
    recipe = CommonRecipe.from_corpus(tmp_path, HashEmbedder())
    assert [p.document for p in recipe.passages] == ["a.md"]
    with pytest.raises(FileNotFoundError):
        CommonRecipe.from_corpus(tmp_path / "missing", HashEmbedder())

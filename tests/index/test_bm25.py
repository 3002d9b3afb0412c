"""index/bm25.py: the tokenizer's fast path agrees with bm25s.tokenize, word for word."""

from pathlib import Path

import bm25s

from askwef.index.bm25 import _stemmer, bm25_tokenize

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _reference(texts):
    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False, return_ids=False)


def test_fast_path_matches_bm25s_on_the_report():
    lines = [line for path in sorted(CORPUS.glob("*.md")) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 100
    assert bm25_tokenize(lines, return_ids=False) == _reference(lines)


def test_edge_cases_match_bm25s():
    texts = ["", "a", "The and of", "Über-efficient AI (GenAI) in 2023: 36,000 servers", "x_y 3.5 ÉCOLE", "  "]
    assert bm25_tokenize(texts, return_ids=False) == _reference(texts)
    assert bm25_tokenize(["Greening data centres"], return_ids=False) == [["green", "data", "centr"]]


def test_ids_still_come_from_bm25s():
    tokenized = bm25_tokenize(["green data centres", "data"], return_ids=True)
    assert len(tokenized.ids) == 2 and set(tokenized.vocab) == {"green", "data", "centr"}

"""BM25's one tokenizer (for the index and for questions) and saving its index, with bm25s."""

from __future__ import annotations

import functools
import re
import threading
from pathlib import Path


_LOCAL = threading.local()
_WORDS = re.compile(r"(?u)\b\w\w+\b").findall
"""bm25s.tokenize's default token pattern: words of two characters or more."""


def bm25_tokenize(texts: list[str], *, return_ids: bool = True):
    """The one tokenizer of BM25, for the index and for questions: English stop words out, Snowball stems.

    With `return_ids=False` (each text's stems, what askwef uses) it does what `bm25s.tokenize` does
    (lower case, its token pattern, its English stop words, then the stemmer) without the progress
    bars and vocabulary bookkeeping that call builds for every text: the answer stage tokenizes a
    question and the texts it compares several times per answer. tests/index/test_bm25.py checks the
    two agree on the whole report.
    """
    if return_ids:
        import bm25s

        return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False, return_ids=True)
    stop = _stopwords()
    stem = _stemmer().stemWords
    out = []
    for text in texts:
        words = [w for w in _WORDS(text.lower()) if w not in stop]
        out.append(stem(words) if words else [])
    return out


@functools.cache
def _stopwords() -> frozenset[str]:
    """bm25s's English stop words, read once (immutable, so shared by every thread, unlike the stemmer)."""
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


def _stemmer():
    """This thread's Snowball stemmer, made once (PyStemmer's stemmers are not to be shared between threads)."""
    stemmer = getattr(_LOCAL, "stemmer", None)
    if stemmer is None:
        import Stemmer

        stemmer = _LOCAL.stemmer = Stemmer.Stemmer("english")
    return stemmer


def save_bm25(folder: Path, tokens: list[list[str]]) -> None:
    """BM25 over passages given as their tokens (`bm25_tokenize(..., return_ids=False)`, kept per shard)."""
    import bm25s

    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    retriever.save(str(folder))

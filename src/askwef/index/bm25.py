"""BM25's one tokenizer (for the index and for questions) and saving its index, with bm25s."""

from __future__ import annotations

import threading
from pathlib import Path


_LOCAL = threading.local()


def bm25_tokenize(texts: list[str], *, return_ids: bool = True):
    """The one tokenizer of BM25, for the index and for questions: English stop words out, Snowball stems."""
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False, return_ids=return_ids)


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

"""index.library.document_store: one report of a library read as an index of its own."""

import numpy as np

from conftest import fixture_engine

OTHER = """# Wind Notes: A Second Report

## 1 Offshore costs

Offshore wind farms cost less each year, and their financing comes from pension funds. Tidal power is
mentioned here too, so its words are common across the library and weigh less there than alone.
"""


def test_a_report_of_a_library_reads_as_the_report_alone(tmp_path):
    from askwef.index.bm25 import bm25_tokenize
    from askwef.index.library import document_store

    library = fixture_engine(tmp_path / "library", {"wind-notes.md": OTHER}).store
    alone = fixture_engine(tmp_path / "alone").store
    store = document_store(library, "mini-report.md")
    assert store is not None and len(library.documents) == 2
    assert [d.name for d in store.documents] == ["mini-report.md"] and store.documents == alone.documents
    assert [p.id for p in store.passages] == [p.id for p in alone.passages]
    assert [s.text for s in store.sentences] == [s.text for s in alone.sentences]
    assert np.array_equal(store.sentence_passage, alone.sentence_passage)
    assert store.stem_df == alone.stem_df and store.stem_df != library.stem_df
    assert store.context_stems == alone.context_stems
    assert np.allclose(store.passage_vectors.matrix(), alone.passage_vectors.matrix())
    words = [w for w in bm25_tokenize(["tidal power costs"], return_ids=False)[0] if w in alone.bm25.vocab_dict]
    assert words and np.allclose(store.bm25.get_scores(words), alone.bm25.get_scores(words))
    assert store.exact and store.document_rows("mini-report.md") == range(len(alone.passages))


def test_a_report_not_in_the_library_has_no_store(tmp_path):
    from askwef.index.library import document_store

    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER}).store
    assert document_store(library, "nope.md") is None

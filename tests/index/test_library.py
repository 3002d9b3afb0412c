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


def _names(titles: dict[str, str]):
    """NameWords per report for a library of stand-in documents (file name -> title)."""
    from types import SimpleNamespace

    from askwef.index.library import name_words

    store = SimpleNamespace(documents=[SimpleNamespace(name=n, title=t) for n, t in titles.items()])
    return name_words(store)


LIBRARY_TITLES = {
    "blueprint-to-action-china-ai-2025.md": "Blueprint to Action: China's Path to AI-Powered Industry Transformation",
    "UK_National_AI_Strategy.pdf": "National AI Strategy",
    "OECD_Palestinian_Authority_Strengthening_Public_Administration.pdf": "Palestinian Authority",
}


def test_a_report_is_named_by_its_own_words_before_a_noun_for_a_report():
    from askwef.index.library import naming_spans

    names = _names(LIBRARY_TITLES)

    def named(question):
        return [(question[a:b], n.split("_")[0].split("-")[0]) for a, b, n in naming_spans(question, names)]

    assert named("What is the Blueprint report about?") == [("Blueprint report", "blueprint")]
    assert named("who wrote the blueprint white paper?") == [("blueprint white paper", "blueprint")]
    assert ("UK national AI strategy", "UK") in named("In the UK national AI strategy, what about skills?")
    assert named("When was the OECD review of the Palestinian Authority published?") == [
        ("OECD review of the Palestinian Authority", "OECD")]
    # not a name: the words belong to something else, or no report's own word stands before the noun
    assert named("What is China's national AI strategy?") == []
    assert named("What does the report say about skills?") == []
    assert named("Which AI strategy does the skills paper set out?") == []
    # a noun of a report's kind names it only when its own name holds the noun
    tidal = _names({"mini-report.md": "Tidal Power Outlook: A Test Report", "wind-notes.md": "Wind Notes: A Second Report"})
    assert naming_spans("What does the tidal strategy say?", tidal) == []
    assert [n for _, _, n in naming_spans("What does the tidal outlook say?", tidal)] == ["mini-report.md"]
    # one report alone is never named
    assert naming_spans("What is the Blueprint report about?", _names(dict(list(LIBRARY_TITLES.items())[:1]))) == []

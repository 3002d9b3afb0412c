import pytest

from askwef.engine import QuestionError


def test_hybrid_search_finds_the_section(mini_engine):
    top = mini_engine.search("How many pens does SeaFarm run on tidal power?", 3)
    assert top[0].section == "2 Sectors adopting tidal power > Aquaculture"
    assert top[0].unit.startswith("USE CASE 2") and top[0].score >= top[1].score


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_every_mode_returns_ranked_passages(mini_engine, mode):
    passages = mini_engine.search("barrage carbon dioxide savings", 5, mode=mode)
    assert 1 <= len(passages) <= 5
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)


def test_within_restricts_to_a_section_and_its_subsections(mini_engine):
    passages = mini_engine.search("tidal power", 20, within="2 Sectors adopting tidal power")
    assert passages and all(p.section.startswith("2 Sectors adopting tidal power") for p in passages)
    only = mini_engine.search("tidal power", 20, within="2 Sectors adopting tidal power > Shipping")
    assert {p.section for p in only} == {"2 Sectors adopting tidal power > Shipping"}


@pytest.mark.parametrize("k", [0, 101, -1, 2.5, True])
def test_k_out_of_range_is_refused(mini_engine, k):
    with pytest.raises(QuestionError, match="k must be"):
        mini_engine.search("tides", k)


@pytest.mark.parametrize("question", ["", "   ", "\x00\x01", None, 42])
def test_empty_or_non_text_questions_are_refused(mini_engine, question):
    with pytest.raises(QuestionError):
        mini_engine.search(question)


def test_unknown_mode_is_refused(mini_engine):
    with pytest.raises(ValueError, match="unknown search mode"):
        mini_engine.search("tides", 3, mode="magic")


def test_unknown_within_is_refused_with_a_pointer(mini_engine):
    with pytest.raises(QuestionError, match="no section or document called 'Nope'"):
        mini_engine.search("tides", 3, within="Nope")
    assert mini_engine.search("tides", 3, within="") and mini_engine.search("tides", 3, within="mini-report.md")


WIND_NOTES = """# Wind Notes: An OECD Review

## Disclaimer

This document is a fixture for tests. It reads like a report but says nothing true about the sea.

## 1 Offshore costs

Offshore wind farms cost less each year, and their financing comes from pension funds.
"""


def test_a_question_naming_a_report_prefers_its_passages(tmp_path):
    from conftest import fixture_engine

    engine = fixture_engine(tmp_path, {"wind-notes.md": WIND_NOTES})
    r = engine.retriever
    plain = r.search("Who finances the projects?", k=1)[0]
    assert plain.document == "mini-report.md"
    named = r.search("In the OECD review, who finances the projects?", k=1)[0]
    assert named.document == "wind-notes.md"
    assert not r.named_documents("Who finances the projects?").any()  # no report named: no bonus


def test_a_subtitle_names_no_report_by_its_word_pairs(tmp_path):
    """'Harbour Ledger: Better Outcomes for Ports': a question about better outcomes is about anything, not that report;
    the main title's words still name it."""
    from conftest import fixture_engine

    ledger = "# Harbour Ledger: Better Outcomes for Ports\n\n## 1 Dues\n\nPorts raise dues on every ship that docks.\n"
    r = fixture_engine(tmp_path, {"ledger.md": ledger}).retriever
    assert not r.named_documents("How do tides give better outcomes for fishing?").any()
    named = r.named_documents("What does Harbour Ledger say about dues?")
    assert {p.document for p, flag in zip(r.store.passages, named) if flag} == {"ledger.md"}


def test_boilerplate_repeated_across_reports_never_outranks_content(tmp_path):
    from conftest import fixture_engine

    engine = fixture_engine(tmp_path, {"wind-notes.md": WIND_NOTES})
    r = engine.retriever
    share = dict(zip((p.id for p in engine.store.passages), r.boilerplate()))
    disclaimers = [p for p in engine.store.passages if "fixture for tests" in p.text]
    assert len(disclaimers) == 2 and all(share[p.id] > 0.5 for p in disclaimers)
    question = "Is this document a fixture that says nothing true about the sea?"
    alone = fixture_engine(tmp_path / "alone").retriever.search(question, k=1)[0]
    assert "fixture for tests" in alone.text  # in one report the disclaimer is content like any other
    assert "fixture for tests" not in r.search(question, k=1)[0].text  # repeated across reports, it falls


def test_one_report_has_no_boilerplate_and_names_no_report(mini_engine):
    assert not mini_engine.retriever.boilerplate().any()
    assert not mini_engine.retriever.named_documents("In the Tidal Power Outlook, what are the costs?").any()


def test_name_words_scattered_through_a_question_name_no_report(tmp_path):
    from conftest import fixture_engine

    strategy = "# National AI Strategy\n\n## 1 Skills\n\nThe UK will train more people in AI skills.\n"
    engine = fixture_engine(tmp_path, {"UK_National_AI_Strategy.md": strategy})
    r = engine.retriever
    assert not r.named_documents("Which national plan sets out the tidal strategy?").any()
    assert not r.named_documents("What strategy does the report set for skills?").any()
    named = r.named_documents("In the UK national AI strategy, what about skills?")
    rows = {p.document for p, flag in zip(engine.store.passages, named) if flag}
    assert rows == {"UK_National_AI_Strategy.md"}



EXAMPLELAND = """# Exampleland Tidal Review

## 1 Prices

Exampleland's tidal energy became 40% cheaper over the decade. The Exampleland grid buys it at night,
and Exampleland ports run their cranes on it.
"""
OTHERLAND = """# Otherland Tidal Review

## 1 Costs

Tidal power costs fell by 35% between 2015 and 2024. Otherland plans more barrages, and the Otherland grid
buys tidal power at night. Otherland banks finance the projects.
"""


def test_names_a_report_owns_send_its_questions_there(tmp_path, monkeypatch):
    from conftest import fixture_engine

    import askwef.retrieve as retrieve

    engine = fixture_engine(tmp_path, {"exampleland.md": EXAMPLELAND, "otherland.md": OTHERLAND})
    r = engine.retriever
    question = "how much did tidal power costs fall in exampleland?"  # lower case still names it
    gap = dict(zip((p.document for p in engine.store.passages), r.subject_gap(question)))
    assert gap["exampleland.md"] == 0 and gap["otherland.md"] > 0.5 and gap["mini-report.md"] > 0.5
    assert not r.subject_gap("How much did tidal power costs fall?").any()  # no name: no report preferred
    assert not r.subject_gap("What do the ports use tidal power for?").any()  # names nobody owns say nothing
    assert r.search(question, k=1)[0].document == "exampleland.md"
    monkeypatch.setattr(retrieve, "SUBJECT_WEIGHT", 0.0)
    assert r.search(question, k=1)[0].document == "otherland.md"  # without it the look-alike wins


def test_one_report_prefers_no_report(mini_engine):
    assert not mini_engine.retriever.subject_gap("What does Exampleland hold?").any()


def test_an_engine_runs_numpy_s_blas_on_one_thread(tmp_path):
    """Retrieval's small matrix products on more threads only spin against the model's (engine.BLAS_THREADS)."""
    from threadpoolctl import threadpool_info, threadpool_limits

    from askwef.engine import BLAS_THREADS
    from conftest import fixture_engine

    with threadpool_limits(limits=2, user_api="blas"):  # as a fresh process starts on this 2-core machine, restored after
        fixture_engine(tmp_path)
        assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {BLAS_THREADS}

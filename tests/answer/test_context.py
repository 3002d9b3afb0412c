"""answer/context.py: what a quote needs beside it, its case study's title or its table row's label."""

from askwef.answer.context import context_for, row_lead


def _row(engine, text: str) -> int:
    sentences = engine.store.sentences
    return next(i for i in range(len(sentences)) if sentences[i].text == text)


def test_a_table_rows_cells_are_shown_with_the_rows_label(mini_engine):
    store = mini_engine.store
    cranes = _row(mini_engine, "Cranes run on stored tidal energy at night.")  # the row's second cell: the lead is the row's
    assert row_lead(store, cranes) == "Selected uses in shipping – Shore power"
    assert context_for(store, (cranes,)) == "Selected uses in shipping – Shore power"
    led = _row(mini_engine, "LED lighting is fed by a 5-megawatt tidal array.")
    assert context_for(store, (led,)) == "Selected uses in shipping – Port lighting"


def test_no_context_when_the_quote_says_it_already_or_stands_in_running_text(mini_engine):
    store = mini_engine.store
    prose = _row(mini_engine, "Ports are the first buyers of tidal electricity because they sit next to the turbines and run cranes around the clock.")
    assert row_lead(store, prose) == "" and context_for(store, (prose,)) == ""
    seafarm = _row(mini_engine, "SeaFarm runs 30 pens on tidal power in North Bay.")
    assert context_for(store, (seafarm,)) == "USE CASE 2: SeaFarm – aerating pens with tidal power"  # the title says more
    assert context_for(store, ()) == ""


def test_an_earlier_answer_is_about_the_case_study_its_long_sentences_stand_in_not_a_short_line_it_happens_to_hold(tmp_path):
    """`Stage.entity_of` finds what an earlier answer, given as text, was about by the sentences it quotes: only those
    long enough to stand in one place (`QUOTED_MIN_CHARS`). A table's cell "2" stands in "(OECD, 2018[2])", and "and
    who chairs it?" was read as asking who chairs the table."""
    from conftest import fixture_engine

    from askwef.answer.followup import normalize_history
    from askwef.answer.select import stage_for

    harbour = ("# Harbour Notes\n\n## 1 Harbour cases\n\n### CASE STUDY 1: Harbour Crane Co – electric cranes\n\n"
               "Harbour Crane Co runs twelve electric cranes at the port of Westhaven every day. Yes.\n")
    engine = fixture_engine(tmp_path, {"harbour.md": harbour})
    stage = stage_for(engine.retriever)
    short = normalize_history([{"question": "does the port use tidal power?", "answer": "Yes. Ports are the first buyers."}])[-1]
    long = normalize_history([{"question": "who runs cranes?",
                               "answer": "Harbour Crane Co runs twelve electric cranes at the port of Westhaven every day."}])[-1]
    assert stage.entity_of(long) == "Harbour Crane Co"
    assert stage.entity_of(short) == ""


def test_a_quote_under_a_heading_inside_its_box_is_shown_with_both():
    """The OECD review's Box 3.1 gives three countries' examples under their names, and its chapter 5 is one box of
    recommendations under ten headings: the box's title alone did not say whose example, or which recommendation."""
    from askwef.types import Sentence

    box = "Box 3.1. Intergovernmental consultation for effective prioritisation"
    lines = [("Box 3.1 opens with Sweden.", "prose", box), ("Italy", "heading", box),
             ("The conference meets every month to agree on funding.", "prose", box),
             ("It also hears the regions.", "prose", box), ("Actions:", "heading", box), ("Hold a conference.", "item", box),
             ("The review found gaps.", "prose", "")]

    class Rows(tuple):  # the store's sentence table: a row, or one field of it
        def field(self, name, i):
            return getattr(self[i], name)

    class Store:
        sentences = Rows(Sentence(f"s{i}", t, "r.pdf", "3 Review", 1, "p", 0, len(t), (), unit, kind) for i, (t, kind, unit) in enumerate(lines))

    store = Store()
    assert context_for(store, (2,)) == f"{box} › Italy"
    assert context_for(store, (3,)) == f"{box} › Italy"  # the heading stands further back
    assert context_for(store, (0,)) == box  # no heading before it in its box
    assert context_for(store, (5,)) == box  # a label over a list names nothing

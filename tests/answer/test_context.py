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

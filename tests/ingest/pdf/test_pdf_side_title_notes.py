"""An "Endnotes" list whose title is set in a side column left of its notes, as InDesign reports set every page title
(Amazon's 2022 sustainability report, p79): the list opens under it wherever the title stands in reading order, runs
through the labels grouping its notes, reads its columns one after another, and the body's markers resolve to it."""

from __future__ import annotations

from io import BytesIO

import pytest
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import saved, side_title_notes  # (tests/ is on sys.path)

BODY = [
    ("Venture capital kept flowing into climate tech startups.", 3),
    ("We are also investing in future solutions, like green steel", 7),
    ("for manufacturing vehicles, as well as green hydrogen made from water.", 0),
    ("Our carbon intensity fell by seven percent over the year before.", 0),
]

GROUPS = [
    ("Sustainability", [f"Sustainability note {k} explains a term used in the chapter on carbon." for k in range(1, 10)]),
    ("People", [f"People note {k} explains how the workforce figures are counted." for k in range(1, 8)]),
]


@pytest.mark.parametrize("drop", [18.0, 0.0], ids=["title-read-after-first-note", "title-level-with-first-label"])
def test_an_endnotes_list_titled_in_a_side_column_is_read_and_its_markers_resolve(tmp_path, drop):
    buf = BytesIO()
    c = canvas.Canvas(buf)
    side_title_notes(c, "Carbon", BODY, GROUPS, title_drop=drop)
    doc = ingest_file(saved(c, buf, tmp_path / "side.pdf"))
    notes = {n.number: n.reference for n in doc.endnotes}
    assert sorted(notes) == list(range(1, 17))
    assert notes[3] == "Sustainability note 3 explains a term used in the chapter on carbon."
    # note 9 opens the second column (read across the columns, the second's lines ran into the first's notes)
    assert notes[9] == "Sustainability note 9 explains a term used in the chapter on carbon."
    assert notes[10] == "People note 1 explains how the workforce figures are counted."
    assert notes[16] == "People note 7 explains how the workforce figures are counted."
    text = " ".join(s.text for s in doc.sections)
    assert "note 5 explains" not in text and "Endnotes" not in text
    cited = {doc.sections[k].text[sp.start:sp.end]: sp.endnotes for k in range(len(doc.sections)) for sp in doc.sections[k].sentences}
    assert cited["Venture capital kept flowing into climate tech startups."] == (3,)
    assert not any("has no entry" in w for w in doc.warnings)


def test_the_endnotes_words_count_in_the_vocabulary_that_mends_split_words(tmp_path):
    """Amazon's p16: "such as a cross dock" read "across dock" once its endnote 5, "A cross dock is a warehouse
    operation ...", was read as a note: the report prints "cross" nowhere else, "across" often, and a text layer that
    splits words ("an d") has its spaces judged by the report's vocabulary; the endnotes' words count in it."""
    body = [(f"Ministries an d agencies met {k} times an d agreed on the plan.", 0) for k in range(6)]
    body += [("Parcels move across the network and across the year.", 0),
             ("Middle mile transport starts when packages arrive at a facility, such as a cross dock,", 5),
             ("and ends at the delivery station.", 0)]
    notes = [f"Logistics note {k} says how a term of the chapter is used." for k in range(1, 5)]
    notes.append("A cross dock is a warehouse operation that moves goods between trucks.")
    buf = BytesIO()
    c = canvas.Canvas(buf)
    side_title_notes(c, "Transport", body, [("Logistics", notes)])
    doc = ingest_file(saved(c, buf, tmp_path / "dock.pdf"))
    text = " ".join(s.text for s in doc.sections)
    assert "Ministries and agencies met 0 times and agreed" in text  # the layer's split words are mended
    assert "such as a cross dock" in text, text
    assert {n.number: n.reference for n in doc.endnotes}[5] == notes[4]

"""answer/notes.py: a question about a note by its number is answered with the sentences citing it and the note."""

import pytest

from conftest import OECD_PDF as OECD, real_pdf_engine

from askwef.answer.notes import note_asked
from askwef.serve.render import plain_answer, render_answer


@pytest.mark.parametrize("question, asked", [
    ("what does endnote 5 say?", (5, "endnote")),
    ("Footnote 10?", (10, "footnote")),
    ("what's the source in note #3", (3, "note")),
    ("end-note no. 7", (7, "endnote")),
    ("what does figure 2 show?", None),
    ("it was noted 3 times", None),
    ("how many notes were issued in 2024?", None),
    # by its place, as the report numbers its notes (stop 42's hunt: "the 5th endnote" was not read)
    ("what does the 5th endnote say?", (5, "endnote")),
    ("and the first footnote?", (1, "footnote")),
    ("what's the last note?", (-1, "note")),
    ("the first notes of the meeting were short", None),
])
def test_the_note_a_question_names(question, asked):
    assert note_asked(question) == asked


def test_a_note_is_answered_with_the_sentence_citing_it_and_the_note(mini_engine):
    a = mini_engine.answer("what does endnote 5 say?")
    assert (a.about, a.abstained, a.confidence) == ("note", False, 1.0)
    assert a.text == "Costs fell by 40% between 2015 and 2024."
    assert [(n.number, n.url) for n in a.endnotes] == [(5, "https://example.org/costs")]
    assert a.confidence_line().endswith("the sentences that cite the note, with the note")
    assert "Finance Review. (2024). Tidal costs." in plain_answer(a) and "example.org/costs" in render_answer(a, turn=0)
    # a number the report has no note for: said so, with the numbers it has
    none = mini_engine.answer("endnote 99?")
    assert none.abstained and none.message == "The report has no endnote 99: its notes are numbered 1 to 10."
    # by its place: the fifth, and the last the report numbers
    assert mini_engine.answer("what does the fifth endnote say?").text == a.text
    last = mini_engine.answer("and the last endnote?")
    assert [n.number for n in last.endnotes] == [10] and last.text == "Its yields rose by 12% in 2023."




@pytest.mark.slow
@pytest.mark.skipif(not OECD.exists(), reason="the real OECD review is not here")
def test_notes_numbered_again_in_each_chapter_are_each_given(tmp_path):
    engine = real_pdf_engine(tmp_path, OECD)
    a = engine.answer("what does note 3 say?")
    assert len(a.endnotes) >= 2 and {n.number for n in a.endnotes} == {3}
    chapters = {q.section.split(" > ")[0] for q in a.quotes}
    assert len(chapters) == len(a.quotes) >= 2  # one sentence of each chapter whose note 3 it cites

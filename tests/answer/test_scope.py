"""answer/scope.py: a question that names a section by its number or label is answered from that section."""

import pytest

from conftest import OECD_PDF as OECD, fixture_engine, real_pdf_engine

from askwef.answer.parts import label_digits, section_number
from askwef.answer.scope import labels_written, missing_section, named_section, section_swapped

CHAPTER_1 = "1 Why tides matter"
SECTION_1_2 = "1 Why tides matter > 1.2 Costs and financing"
CHAPTER_2 = "2 Sectors adopting tidal power"
PLAIN = """# Plain Notes

# Summary

Skills matter to every firm. The plan sets out three pillars.

# Pillar 1: Skills

Firms need more people who can build models.

# Next steps

The plan will be reviewed each year.
"""


def test_the_section_a_question_names_by_number_and_asks_within(mini_engine):
    store = mini_engine.store
    assert named_section(store, "what does section 1.2 say about banks?") == SECTION_1_2
    assert named_section(store, "what does chapter 2 say about pumps?") == CHAPTER_2
    # asking for the section and nothing else: its opening (parts.py), not a search within it
    assert named_section(store, "what is section 1.2?") is None
    assert named_section(store, "summarize chapter 1") is None
    # a follow-up asks within it whatever its own words: what it asks comes from the conversation
    assert named_section(store, "and in chapter 2?", followup=True) == CHAPTER_2
    # a section the report does not number so, and a figure's number, scope nothing
    assert named_section(store, "what does chapter 7 say about pumps?") is None
    assert named_section(store, "what does figure 2 say about shipping?") is None


def test_an_answer_to_a_question_naming_a_section_quotes_that_section_only(mini_engine):
    for question, section in [("what does chapter 1 say about costs and financing?", CHAPTER_1),
                              ("what does section 1.2 say about banks?", SECTION_1_2)]:
        a = mini_engine.answer(question)
        assert a.quotes and all(q.section == section or q.section.startswith(section + " > ") for q in a.quotes), a.quotes
    first = mini_engine.answer("how far did costs fall?")
    again = mini_engine.answer("and in chapter 2?", history=[first])
    assert all(q.section.startswith(CHAPTER_2) for q in again.quotes)  # from chapter 2, or nothing


def test_a_follow_up_naming_another_section_asks_the_question_before_of_it():
    # it was refused: "chapter 4" of the question before was still a number the quote must give
    assert section_swapped("and in chapter 2", "what does chapter 4 say about data") == "what does chapter 2 say about data"
    assert section_swapped("and pillar 3", "what does pillar 2 say about net zero") == "what does pillar 3 say about net zero"
    assert section_swapped("and in annex c", "what does the report say about gender") == "what does the report say about gender in annex C"
    # a label naming no section of the kind asked before, and not asked "in": no section ("the Tsinghua one" was "Tsinghua 1")
    assert section_swapped("what about the Tsinghua one", "what does the report say about AI in healthcare") == ""
    assert section_swapped("what about the lake one specifically", "what share of power comes from renewables in 2025") == ""


def test_a_section_the_report_does_not_have_is_said_to_be_missing(mini_engine):
    store = mini_engine.store
    assert missing_section(store, "what does chapter 7 say about pumps?") == "The report has no chapter 7: its chapters are numbered 1 to 2."
    assert missing_section(store, "what does chapter 2 say about pumps?") == ""
    assert missing_section(store, "what happened in step 3?") == ""  # a label it titles no section with
    a = mini_engine.answer("what does section 4.1 say about costs?")
    assert a.abstained and a.message == "The report has no section 4.1: its chapters are numbered 1 to 2."


def test_a_chapter_in_roman_figures_is_read_as_its_number(mini_engine):
    # stop 42's hunt: "what does Chapter III say?" was not read
    assert named_section(mini_engine.store, "what does chapter II say about pumps?") == CHAPTER_2
    assert labels_written("summarise Chapter IV") == "summarise Chapter 4"
    assert label_digits("which part i should read") == "which part i should read"  # a part in capitals only
    # a report that numbers its chapters so: "Chapter III. Data", "II. Background"
    assert [section_number(t) for t in ("Chapter III. Data", "II. Background", "2.4 Energy", "I think so")] == ["3", "2", "2.4", ""]


def test_a_chapter_asked_of_a_report_that_numbers_none_is_answered_with_its_parts(tmp_path):
    # the UK strategy's "what does chapter 2 say about skills?" got the generic refusal
    engine = fixture_engine(tmp_path, {"plain-notes.md": PLAIN})
    said = missing_section(engine.store, "what does chapter 2 say about skills?", "plain-notes.md")
    assert said == "The report does not number its chapters. Its parts are: Summary; Pillar 1: Skills; Next steps. Ask about one by its title."


def test_labels_are_written_as_reports_print_them():
    assert labels_written("what about annex b?") == "what about annex B?"
    assert labels_written("what does step three say") == "what does step 3 say"
    assert labels_written("is there a plan") == "is there a plan"  # an article after a word that puts the question




@pytest.mark.slow
@pytest.mark.skipif(not OECD.exists(), reason="the real OECD review is not here")
def test_a_real_reviews_chapters_and_annexes_are_asked_within(tmp_path):
    engine = real_pdf_engine(tmp_path, OECD)
    chapter = engine.answer("what does chapter 3 say about the centre of government?")
    assert not chapter.abstained and all(q.section.startswith("3 Review of the Institutional Framework") for q in chapter.quotes)
    # "and in annex C?" after an Annex B answer: Annex C's sentences (it gave Annex B's again)
    first = engine.answer("what does the report say about the role of the centre of government in prioritisation?")
    again = engine.answer("and in annex c?", history=[first])
    assert again.quotes and all(q.section.startswith("Annex C.") for q in again.quotes)
    # what is in an annex is its parts, as for a chapter
    listed = engine.answer("what's in annex C?")
    assert listed.about == "contents" and len(listed.quotes) >= 5 and all(q.section.startswith("Annex C.") for q in listed.quotes)
    assert engine.answer("summarize annex C").about == "part"  # its opening
    assert engine.answer("what does annex D say about e-government?").message == "The report has no annex D: it has Annex A, Annex B and Annex C."
    # a follow-up naming another annex: the question before, asked of it
    gender = engine.answer("what does chapter 4 say about gender?")
    again = engine.answer("and in annex c?", history=[gender])
    assert again.resolved_question.startswith("what does annex C say about gender") and not again.abstained
    assert all(q.section.startswith("Annex C.") for q in again.quotes)
    # an ordinal after a list of boxes given as the API's text names the box by its label: "Box 4.3", about Morocco,
    # was refused for lacking "Morocco", its title's word
    from askwef.serve.render import plain_answer

    boxes = engine.answer("list the boxes in chapter 4")
    for text in (boxes.text, plain_answer(boxes)):
        third = engine.answer("what does the third one say?", history=[{"question": "list the boxes in chapter 4", "answer": text}])
        assert third.resolved_question.startswith("what does Box 4.3 say") and third.quotes[0].unit.startswith("Box 4.3.")
    # a note of a chapter that numbers its own, by the chapter named
    note = engine.answer("what does note 2 in annex C say?")
    assert [n.number for n in note.endnotes] == [2] and all(q.section.startswith("Annex C.") for q in note.quotes)

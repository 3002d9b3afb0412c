"""answer/scope.py: a question that names a section by its number or label is answered from that section."""

from pathlib import Path

import pytest

from conftest import real_pdf_engine

from askwef.answer.scope import labels_written, named_section

CHAPTER_1 = "1 Why tides matter"
SECTION_1_2 = "1 Why tides matter > 1.2 Costs and financing"
CHAPTER_2 = "2 Sectors adopting tidal power"


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


def test_labels_are_written_as_reports_print_them():
    assert labels_written("what about annex b?") == "what about annex B?"
    assert labels_written("what does step three say") == "what does step 3 say"
    assert labels_written("is there a plan") == "is there a plan"  # an article after a word that puts the question


OECD = Path(__file__).resolve().parents[3] / "shared" / "realpdfs" / "OECD_Palestinian_Authority_Strengthening_Public_Administration.pdf"


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

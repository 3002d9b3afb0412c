"""A question asking what an abbreviation stands for is answered where the report defines it (answer/definitions.py)."""

from conftest import fixture_engine

from askwef.answer.definitions import asked_abbreviation

REVIEW = """# Harbour Review: Reforming the Harbour Board

## 1 Why reform

HBR matters to every port. HBR moves slowly, and HBR needs money. Ports ask for HBR each year.

## 2 The plan

The board adopted a plan for harbour board reform (HBR) in 2022. HBR is funded by the ports.

## 3 Next steps

HBR will continue in 2025, and HBR reports go to the minister.

# Abbreviations

HBR Harbour Board Reform
"""


def test_the_questions_that_ask_what_an_abbreviation_stands_for():
    assert asked_abbreviation("what does HBR stand for?") == "HBR"
    assert asked_abbreviation("What is the HBR?") == "HBR" and asked_abbreviation("HBR?") == "HBR"
    assert asked_abbreviation("what does HBR do?") is None and asked_abbreviation("what is data?") is None


def test_an_abbreviation_is_answered_where_the_report_defines_it(tmp_path):
    engine = fixture_engine(tmp_path, {"harbour-review.md": REVIEW})
    for question in ("what does HBR stand for?", "What is HBR?", "HBR?"):
        answer = engine.answer(question)
        assert not answer.abstained, question
        assert {q.text for q in answer.quotes} <= {"The board adopted a plan for harbour board reform (HBR) in 2022.", "HBR Harbour Board Reform"}
    # asked about what it does, the question is read as any other, and the list of abbreviations answers none such
    for question in ("what does HBR need?", "what is harbour board reform?", "harbour board reform"):
        assert "HBR Harbour Board Reform" not in engine.answer(question).text, question

"""answer/compare.py: a question asked of several reports of a library is answered by each report in turn (named
test_comparisons: tests/evaluate/test_compare.py is the evaluation's compare.py)."""

import re

import pytest
from conftest import fixture_engine

OTHER = """# Wind Notes: A Second Report

## 1 Offshore costs

Offshore wind farms cost less each year, and their financing comes from pension funds.<sup>1</sup> Windland's wind
farms cost 30% less in 2024 than in 2015.

## 2 Ports

Ports in Windland run their cranes on offshore wind power. Windland built 14 offshore wind farms by 2024.

# Endnotes

1. Wind Institute. (2024). *Who pays for wind*. <https://example.org/wind>.
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    return fixture_engine(tmp_path_factory.mktemp("compare"), {"wind-notes.md": OTHER})


def test_a_question_naming_two_reports_is_asked_of_each_in_the_order_named(library):
    from askwef.answer.compare import compared_reports

    asked, reports = compared_reports(library.retriever, "How do the Wind Notes report and the tidal outlook report compare on costs?")
    assert reports == ("wind-notes.md", "mini-report.md")
    assert asked == "costs?"  # the names and the comparison's words out: what is compared, asked of each
    answer = library.answer("How do the Wind Notes report and the tidal outlook report compare on costs?")
    assert answer.about == "comparison" and not answer.abstained and len(answer.reports) == 2
    first, second = answer.reports
    assert {q.document for q in first.quotes} == {"wind-notes.md"} and {q.document for q in second.quotes} == {"mini-report.md"}
    assert "40%" in second.text and "30% less" in first.text
    assert answer.quotes == first.quotes + second.quotes and answer.text == f"{first.text} {second.text}"
    assert answer.confidence == min(first.confidence, second.confidence)
    assert "asked of each of “Wind Notes" in answer.resolved_question


def test_one_named_report_or_one_report_indexed_is_no_comparison(library, mini_engine):
    from askwef.answer.compare import compared_reports

    assert compared_reports(library.retriever, "What does the Wind Notes report say about ports?")[1] == ()
    assert compared_reports(library.retriever, "How many pens does SeaFarm run?")[1] == ()
    assert compared_reports(mini_engine.retriever, "What do all the reports say about costs?")[1] == ()
    assert library.answer("What does the Wind Notes report say about ports?").about != "comparison"


def test_a_question_asked_of_every_report_gets_each_one_s_answer_or_says_which_do_not_answer(library):
    answer = library.answer("What do all the reports say about financing?")
    assert answer.about == "comparison" and {a.quotes[0].document for a in answer.reports if a.quotes} <= {"mini-report.md", "wind-notes.md"}
    assert len(answer.reports) == 2
    # a report that does not answer is named as not answering; the others still do
    pens = library.answer("Which reports say how many pens SeaFarm runs?")
    assert pens.about == "comparison" and not pens.abstained and "30 pens" in pens.text
    silent = [a for a in pens.reports if a.abstained]
    assert silent and all("Wind Notes" in a.message and "does not seem to answer" in a.message for a in silent)
    assert "Wind Notes" in pens.message
    # comparing "the reports" asks each of them what is compared
    from askwef.answer.compare import compared_reports

    for question in ("compare the reports on costs", "how do the reports differ on costs?"):
        asked, reports = compared_reports(library.retriever, question)
        assert asked.rstrip("?") == "costs" and set(reports) == {"mini-report.md", "wind-notes.md"}, question


def test_every_report_abstaining_is_an_abstention(library):
    answer = library.answer("What do both reports say about penguin migration in Antarctica?")
    assert answer.about == "comparison" and answer.abstained and not answer.quotes
    assert answer.message.startswith("None of these reports seems to answer this")


def test_a_follow_up_after_a_comparison_is_compared_again_unless_it_names_one_report(library):
    first = library.answer("How do the Wind Notes report and the tidal outlook report compare on costs?")
    again = library.answer("and on ports?", history=[first])
    assert again.about == "comparison" and len(again.reports) == 2
    assert any("cranes" in a.text for a in again.reports if not a.abstained)
    # through the API, the history holds the question and the answer's text only
    api = library.answer("and on ports?", history=[{"question": first.question, "answer": first.text}])
    assert api.about == "comparison"
    one = library.answer("and in the Wind Notes report?", history=[first])
    assert one.about != "comparison"


def test_a_comparison_shows_each_report_under_its_title_with_its_own_endnotes(library):
    from askwef.serve.render import plain_answer, render_answer

    answer = library.answer("How do the Wind Notes report and the tidal outlook report compare on costs?")
    html = render_answer(answer, 3)
    assert html.count('class="askwef-report"') == 2 and "Asked of each of 2 reports; 2 of them answer" in html
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # each report's endnote 1 has its own anchor
    assert all(f'href="#{i}"' in html for i in ids if i.startswith("askwef-t3"))
    text = plain_answer(answer)
    assert text.index("Wind Notes") < text.index("Tidal Power Outlook") and "Who pays for wind" in text


def test_the_cli_and_the_api_show_a_comparison(library, capsys, monkeypatch):
    from askwef import cli

    monkeypatch.setattr(cli, "_engine", lambda args: library)
    assert cli.main(["ask", "How do the Wind Notes report and the tidal outlook report compare on costs?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Asked of each of 2 reports") and "[1] Wind Institute" in out and "confidence" in out
    from askwef.serve.schemas import AnswerOut

    answer = library.answer("How do the Wind Notes report and the tidal outlook report compare on costs?")
    shown = AnswerOut.model_validate(answer.to_dict())
    assert [len(r.quotes) for r in shown.reports] == [len(a.quotes) for a in answer.reports]


def test_source_after_a_comparison_gives_each_report_s_endnotes_under_its_title(library):
    from askwef.serve.render import plain_answer, render_answer

    first = library.answer("How do the Wind Notes report and the tidal outlook report compare on costs?")
    source = library.answer("source?", history=[first])
    assert source.about == "sources" and len(source.reports) == 2 and source.resolved_question == "the sources of the last answer"
    wind, tidal = source.reports
    assert {q.document for q in wind.quotes} == {"wind-notes.md"} and [e.number for e in wind.endnotes] == [1]
    assert wind.endnotes[0].reference.startswith("Wind Institute") and wind.context == "These sentences cite endnote 1."
    assert {q.document for q in tidal.quotes} == {"mini-report.md"} and 5 in [e.number for e in tidal.endnotes]
    html = render_answer(source, 4)
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) and "These sentences cite endnote 1." in html and "Asked of each" not in html
    assert "These sentences cite endnote 1." in plain_answer(source)


def test_and_in_another_report_asks_it_the_last_question(library):
    first = library.answer("How much did costs fall between 2015 and 2024?")
    assert {q.document for q in first.quotes} == {"mini-report.md"} and "40%" in first.text
    other = library.answer("and in the Wind Notes report?", history=[first])
    assert other.resolved_question == "How much did costs fall between 2015 and 2024? (in “Wind Notes: A Second Report”)"
    assert other.quotes and {q.document for q in other.quotes} == {"wind-notes.md"} and other.about == ""
    back = library.answer("and in the tidal outlook report?", history=[first, other])  # the question that asked something
    assert back.resolved_question.startswith("How much did costs fall between 2015 and 2024? (in “Tidal Power Outlook")
    assert "40%" in back.text
    api = library.answer("and in the Wind Notes report?", history=[{"question": first.question, "answer": first.text}])
    assert api.resolved_question == other.resolved_question


def test_the_last_report_s_home_place_is_not_asked_of_another():
    from askwef.answer.pins import without_places

    assert without_places("how big is the AI talent gap in China?", {"china"}) == "how big is the AI talent gap?"
    assert without_places("What are China's targets for 2030?", {"china"}) == "What are targets for 2030?"
    assert without_places("how many robots in Japan?", {"china"}) == "how many robots in Japan?"


NORWAY = """# Norway Notes: Fjord Power

## 1 Hydropower

Norway draws most of its electricity from hydropower. Norway exports power to its neighbours, and Norway's
dams are old. In Norway, wind farms are growing too: Norway built 12 wind farms in 2023.
"""
CHILE = """# Chile Notes: Desert Sun

## 1 Solar

Chile runs the largest solar farms in South America. Chile's desert gets the most sunlight on earth, and Chile
built 9 wind farms in 2023. In Chile, copper mines buy solar power.
"""


def test_a_question_comparing_the_places_two_reports_are_about_asks_each(tmp_path):
    from askwef.answer.compare import compared_reports

    library = fixture_engine(tmp_path, {"norway-notes.md": NORWAY, "chile-notes.md": CHILE})
    asked, reports = compared_reports(library.retriever, "How does Chile compare with Norway on wind farms?")
    assert reports == ("chile-notes.md", "norway-notes.md") and asked == "wind farms?"
    answer = library.answer("How does Chile compare with Norway on wind farms?")
    assert answer.about == "comparison" and "9 wind farms" in answer.reports[0].text and "12 wind farms" in answer.reports[1].text
    assert compared_reports(library.retriever, "How many wind farms did Norway build?")[1] == ()  # no comparison asked
    # the place goes with the word joining it, and what is compared is asked as it stands
    assert compared_reports(library.retriever, "how do wind farms in Norway compare with Chile?") == ("wind farms?", ("norway-notes.md", "chile-notes.md"))
    assert compared_reports(library.retriever, "Chile vs Norway on wind farms")[0] == "wind farms"


def test_and_in_the_place_another_report_is_about_asks_that_report_the_last_question(tmp_path):
    library = fixture_engine(tmp_path, {"norway-notes.md": NORWAY, "chile-notes.md": CHILE})
    first = library.answer("How many wind farms did Norway build in 2023?")
    chile = library.answer("and in Chile?", history=[first])
    assert "9 wind farms" in chile.text and {q.document for q in chile.quotes} == {"chile-notes.md"}
    assert chile.resolved_question.startswith("How many wind farms did build in 2023?") and "Chile Notes" in chile.resolved_question
    back = library.answer("what about in Norway?", history=[first, chile])  # the last question that asked something
    assert "12 wind farms" in back.text and {q.document for q in back.quotes} == {"norway-notes.md"}

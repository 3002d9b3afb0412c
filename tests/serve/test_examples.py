"""serve/examples.py: the chat page offers examples the index it serves answers, about the reports it holds."""

from __future__ import annotations

from types import SimpleNamespace

from askwef.serve.examples import EXAMPLES, examples_for, section_questions
from askwef.types import Answer


def test_a_page_serving_another_report_offers_questions_about_its_own_sections(mini_engine):
    offered = examples_for(mini_engine)
    assert offered and not set(offered) & set(EXAMPLES)  # nothing about China's data centres in a report on tides
    assert offered == ("What does the report say about “1.2 Costs and financing”?", "What does the report say about “Shipping”?")
    assert all(not mini_engine.answer(q).abstained for q in offered)


def test_the_curated_examples_are_offered_only_by_an_index_holding_their_report_and_answering_them():
    def stub(title: str, refused: set[str]):
        store = SimpleNamespace(documents=[SimpleNamespace(title=title, name="r.md")], document_names=("r.md",),
                                document_rows=lambda name: range(0), passages=SimpleNamespace(field=lambda f, r: ""))
        return SimpleNamespace(store=store, answer=lambda q: Answer(q, "", abstained=q in refused))

    blueprint = stub("Blueprint to Action: China's Path to AI-Powered Industry Transformation", {EXAMPLES[1]})
    assert examples_for(blueprint) == EXAMPLES[:1] + EXAMPLES[2:]
    assert examples_for(stub("National AI Strategy", set())) == ()  # it may seem to answer them: it is not their report


def test_section_questions_take_each_chapters_largest_subsection_in_reading_order():
    sections = ["1 A", "1 A > 1.1 B", "1 A > 1.2 C", "1 A > 1.2 C", "2 D > E", "2 D > E > F", "3 G"]
    store = SimpleNamespace(document_names=("r.md",), document_rows=lambda name: range(len(sections)),
                            passages=SimpleNamespace(field=lambda f, r: sections[r]))
    assert section_questions(store) == ["What does the report say about “1.2 C”?", "What does the report say about “E”?"]

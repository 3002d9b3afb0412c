"""answer/contents.py: questions asking for a list of the report's parts, answered from its own structure."""

import pytest

from conftest import OECD_PDF as OECD, UK_PDF as UK, real_pdf_engine

from askwef.answer.contents import listed_items, listing
from askwef.serve.render import plain_answer, render_answer

HARBOUR = "Harbour Works built a 240-megawatt barrage in Port Example in 2019."
SEAFARM = "SeaFarm runs 30 pens on tidal power in North Bay."


@pytest.mark.parametrize("question, family, number, words, pick", [
    ("list the case studies", "case", "", set(), None),
    ("Which use cases does the report include?", "case", "", set(), None),
    ("which use-cases are about aquaculture", "case", "", {"aquacultur"}, None),
    ("what's the first use case in the manufacturing section", "case", "", {"manufactur"}, 0),
    ("whats the last case study", "case", "", set(), -1),
    ("how many case studies are there?", "case", "", set(), None),
    ("what chapters does the paper have", "section", "", set(), None),
    ("table of contents", "section", "", set(), None),
    ("what's in section 2?", "section", "2", set(), None),
    ("which sections are in chapter 1", "section", "1", set(), None),
    ("list the subsections of chapter 2", "section", "2", set(), None),
    ("what are the parts of chapter 2?", "section", "2", set(), None),
    ("what's in annex c?", "section", "", set(), None),              # its parts, as for a chapter, named by its label
    ("what does pillar 2 cover?", "section", "", set(), None),
    ("list the figures in chapter 2", "figure", "2", set(), None),
    ("what tables are there", "table", "", set(), None),
    ("is there a case study about aquaculture?", "case", "", {"aquacultur"}, None),  # one asked for, if there is one
    ("any use case on aquaculture", "case", "", {"aquacultur"}, None),
    ("what's the use case in the report?", "case", "", set(), None),  # the one of what the conversation is about
])
def test_what_a_question_asks_to_list(question, family, number, words, pick):
    asked = listing(question)
    assert asked is not None, question
    assert (asked.family, asked.number, set(asked.words), asked.pick) == (family, number, words, pick)


@pytest.mark.parametrize("question", [
    "what does table 1 show?",                      # one part by its number: parts.py
    "which table shows robot density?",             # a fact in one of them
    "what does section 1.2 say about financing?",   # a question within a section
    "how many robots per 10,000 workers?",
    "What is the coast's tidal resource?",
    "which part of the report covers financing?",   # one part, asked for a fact
    "what is pillar 1?",                            # the section itself, by its opening (parts.py)
    "summarize annex C",
    "what does annex C say about gender?",          # a question within it (scope.py)
])
def test_other_questions_are_not_lists(question):
    assert listing(question) is None


def test_case_studies_are_listed_in_reading_order_each_by_its_first_sentence(mini_engine):
    a = mini_engine.answer("list the case studies in the report")
    assert (a.about, a.abstained, a.confidence) == ("contents", False, 1.0)
    assert [q.text for q in a.quotes] == [HARBOUR, SEAFARM]
    assert [q.unit for q in a.quotes] == ["CASE STUDY 1: Harbour Works – a barrage that pays for itself",
                                          "USE CASE 2: SeaFarm – aerating pens with tidal power"]
    assert a.context == "; ".join(q.unit for q in a.quotes)  # the titles, for the API and the golden check
    assert [q.page for q in a.quotes] == [5, 6] and a.quotes[0].section == "1 Why tides matter > 1.2 Costs and financing"
    for q in a.quotes:  # verbatim, where they say they stand
        passage = next(p for p in a.passages if p.id == q.passage_id)
        assert passage.text[q.start - passage.start:q.end - passage.start] == q.text
    assert a.confidence_line().endswith(" · the report's own parts, each by its first sentence")


def test_a_list_is_narrowed_by_its_section_or_title_words_and_picked_by_ordinal(mini_engine):
    assert [q.text for q in mini_engine.answer("which use cases are about aquaculture?").quotes] == [SEAFARM]
    assert [q.text for q in mini_engine.answer("what's the last case study?").quotes] == [SEAFARM]
    assert [q.text for q in mini_engine.answer("what's the first case study in chapter 1").quotes] == [HARBOUR]
    # a question that asks more than the list is read as any other
    other = mini_engine.answer("which use cases cut diesel bills")
    assert other.about == "" and "diesel" in other.text
    # parts the report does not have: never another part
    assert mini_engine.answer("what's in chapter 7?").about != "contents"
    assert mini_engine.answer("what's the fifth case study?").about != "contents"


def test_chapters_sections_and_figures(mini_engine):
    chapters = mini_engine.answer("what chapters does the report have")
    assert [q.section for q in chapters.quotes] == ["1 Why tides matter", "2 Sectors adopting tidal power"]
    assert chapters.text.startswith("Tides move every coastline twice a day.")
    inside = mini_engine.answer("what's in section 1?")
    assert [q.section.split(" > ")[-1] for q in inside.quotes] == ["1.1 Resource potential", "1.2 Costs and financing"]
    assert {n.number for n in inside.endnotes} == {2, 5}  # the quotes' endnotes, resolved
    contents = mini_engine.answer("table of contents")
    assert "Conclusion" in [q.section for q in contents.quotes]
    tables = mini_engine.answer("what tables are there?")
    assert [q.text for q in tables.quotes] == ["TABLE 1", "Selected uses in shipping"] and tables.context == ""
    figures = mini_engine.answer("list the figures")
    items = listed_items(figures.quotes)
    assert [(title, [q.text for q in qs]) for title, qs in items] == [
        ("", ["FIGURE 1 | Installed tidal capacity, 2020 vs 2025"]), ("", ["FIGURE 2", "Top sectors by demand"])]


def test_a_list_is_shown_numbered_with_titles_in_the_chat_and_as_text(mini_engine):
    a = mini_engine.answer("list the case studies")
    html = render_answer(a, turn=0)
    listed = html.split('<ol class="askwef-list">')[1].split("</ol>")[0]
    assert listed.count("<li>") == 2 and "\n" not in html
    assert html.index("Harbour Works – a barrage") < html.index("SeaFarm – aerating") and "read in context" in html
    text = plain_answer(a)
    assert "1 case study and 1 use case of the report, in reading order:\n1. CASE STUDY 1: Harbour Works – a barrage that pays for itself" in text
    assert f"“{SEAFARM}”" in text and "2. USE CASE 2" in text


def test_a_list_longer_than_list_max_says_how_many_it_leaves_out(mini_engine, monkeypatch):
    import importlib

    monkeypatch.setattr(importlib.import_module("askwef.answer.contents"), "LIST_MAX", 1)
    a = mini_engine.answer("list the case studies")
    assert [q.text for q in a.quotes] == [HARBOUR]
    assert a.message == ("These are the first 1 of 2 case studies. Ask for the case studies of one chapter or annex "
                         "(“list the case studies in chapter 2”) to see the rest.")
    assert a.message in plain_answer(a) and a.message in render_answer(a, turn=0)
    assert not mini_engine.answer("list the case studies in chapter 2").message  # one found: nothing left out


def test_the_cli_prints_a_numbered_list(cli_runner):
    code, out, _ = cli_runner("ask", "which case studies are there?")
    assert code == 0
    assert out.startswith("1 case study and 1 use case of the report, in reading order:\n\n1. CASE STUDY 1: Harbour Works") and "\n2. USE CASE 2: SeaFarm" in out
    assert f"“{HARBOUR}”" in out


def test_a_follow_up_is_read_against_its_conversation_not_listed(mini_engine):
    first = mini_engine.answer("What does SeaFarm do?")
    again = mini_engine.answer("and the tables?", history=[first])
    assert again.about != "contents"
    # ... unless it takes nothing from it: its "it" is the report itself, and it is listed as when asked alone
    opening = mini_engine.answer("what does the foreword say?")
    listed = mini_engine.answer("which sectors does it cover?", history=[opening])
    assert listed.about == "contents" and listed.quotes == mini_engine.answer("which sectors does it cover?").quotes
    named = mini_engine.answer("which sectors does it cover?", history=[first])  # "it": SeaFarm, from the last answer
    assert named.about != "contents"


def test_a_bare_follow_up_asking_for_examples_lists_those_of_the_last_answers_section(mini_engine):
    costs = mini_engine.answer("how much did costs fall between 2015 and 2024?")
    assert costs.quotes[0].section == "1 Why tides matter > 1.2 Costs and financing"
    examples = mini_engine.answer("any examples?", history=[costs])
    assert examples.about == "contents" and [q.text for q in examples.quotes] == [HARBOUR]  # not SeaFarm, under shipping
    assert mini_engine.answer("any examples?").quotes[-1].text == SEAFARM  # asked alone: every case study
    opening = mini_engine.answer("what does the foreword say?")  # a section with none: read as any follow-up
    assert mini_engine.answer("any examples?", history=[opening]).about != "contents"


def test_the_one_part_of_what_a_conversation_is_about_or_of_what_its_pronoun_stands_for(mini_engine):
    costs = mini_engine.answer("how much did costs fall between 2015 and 2024?")
    one = mini_engine.answer("what's the use case in the report?", history=[costs])  # "the use case": of costs
    assert one.about == "contents" and [q.text for q in one.quotes] == [HARBOUR]
    assert [q.text for q in mini_engine.answer("what are the use cases in the report?", history=[costs]).quotes] == [HARBOUR, SEAFARM]
    farms = mini_engine.answer("is there a case study on aquaculture?")
    assert farms.about == "contents" and [q.text for q in farms.quotes] == [SEAFARM]




@pytest.mark.slow
@pytest.mark.skipif(not OECD.exists(), reason="the real OECD review is not here")
def test_the_boxes_and_chapters_of_a_real_oecd_review(tmp_path):
    engine = real_pdf_engine(tmp_path, OECD)
    boxes = engine.answer("list the boxes in chapter 4")
    numbers = [q.unit.split(".")[0] + "." + q.unit.split(".")[1] for q in boxes.quotes]
    assert boxes.about == "contents" and len(numbers) >= 5 and all(n.startswith("Box 4.") for n in numbers)
    assert numbers == sorted(numbers, key=lambda n: int(n.split(".")[1]))  # in reading order
    assert all(q.section.startswith("4 ") for q in boxes.quotes)
    chapters = engine.answer("what chapters does the review have")
    assert [q.section.split(" ")[0] for q in chapters.quotes] == ["1", "2", "3", "4", "5"]
    # its own definitions name its bodies, hyphens and all, before initials read off the names
    from askwef.answer.select import stage_for

    lexicon = stage_for(engine.retriever).lexicon
    assert lexicon.long_forms["palestinian anti corruption commission"] == "pacc"
    assert "pacc" in lexicon.expansions("what does the palestinian anti-corruption commission do")
    # a year it gives only in a citation is no year it gives figures for
    from askwef.answer.pins import missing_years

    cited = next(p.text for p in engine.store.passages if "(World Bank, 2022[7])" in p.text)
    assert "2022" in cited and missing_years("what was the wage bill in 2022?", cited) == ["2022"]
    # its annexes number their figures and tables "A B.3": each is asked by that number, and all are counted
    annexed = engine.answer("what does figure A B.3 show?")
    assert annexed.about == "part" and annexed.text.startswith("Figure A B.3. Revision of policy proposals")
    assert engine.answer("what does table A C.1 show?").text.startswith("Table A C.1. Possible composition and mandate")
    none = engine.answer("which case studies does the report include?")
    assert none.abstained and none.message.startswith("The report has no case studies. It has 7 figures, 13 tables and 51 boxes")
    # all 17 of Annex A's boxes (a list stopped at 16, unsaid); all 51 of the review's, at most LIST_MAX of them quoted
    assert len(engine.answer("list the boxes in annex A").quotes) == 17
    every = engine.answer("list the boxes")
    assert len(every.quotes) == 30 and every.message.startswith("These are the first 30 of 51 boxes.")
    # an annex's boxes, by its label (not Annex A's, whose path also holds "annex"); a chapter's parts with those that
    # hold only subsections ("A fragmented strategic framework for PAR" over its three)
    annex = engine.answer("list the boxes in annex C")
    assert annex.about == "contents" and len(annex.quotes) == 12 and all(q.unit.startswith("Box A C.") for q in annex.quotes)
    assert len(engine.answer("what's in chapter 3?").quotes) == 5




@pytest.mark.slow
@pytest.mark.skipif(not UK.exists(), reason="the real UK strategy is not here")
def test_several_sections_titled_as_asked_are_the_list_of_a_real_strategy(tmp_path):
    engine = real_pdf_engine(tmp_path, UK)
    for question in ("what are the pillars?", "What are the three pillars of the National AI Strategy?"):  # its title's words too
        pillars = engine.answer(question)
        assert pillars.about == "contents"
        assert [q.section.split(":")[0] for q in pillars.quotes] == ["Pillar 1", "Pillar 2", "Pillar 3"]
    # who wrote it: its title page and imprint (it quoted its self-descriptions, "This Strategy outlines our vision ...")
    wrote = engine.answer("who wrote the strategy?")
    assert [q.text[:40] for q in wrote.quotes] == ["Presented to Parliament by the Secretary", "Published in September 2021 by the Offic"]
    # its chapters, not its title page and imprint, read under its title
    assert engine.answer("what are the chapters?").quotes[0].section == "Our ten-year plan to make Britain a global AI superpower"
    # a pillar's "parts" are its sections (was refused)
    parts = engine.answer("what are the parts of pillar 2?")
    assert [q.section.split(" > ")[-1] for q in parts.quotes] == [
        "Commercialisation", "AI deployment – understanding new dynamics", "Using AI for the public benefit", "The public sector as a buyer"]
    # "the MOD" it writes without defining: the initials of "Ministry of Defence" with its "of"
    from askwef.answer.select import stage_for

    assert stage_for(engine.retriever).lexicon.abbreviations.get("mod") == ("ministry of defence",)
    # "what is pillar 1?" is the section so titled, by its opening, not the box of key actions titled "Pillar 1 - ..."
    first = engine.answer("what is pillar 1?")
    assert first.about == "part" and first.quotes[0].section == "Pillar 1: Investing in the long-term needs of the AI ecosystem"
    assert first.text.startswith("Government’s aim is to greatly increase the type, frequency and scale of AI discoveries")


def test_words_no_part_holds_find_the_section_they_mean(mini_engine):
    from askwef.answer.contents import listed_parts

    store = mini_engine.store
    document = store.documents[0].name
    asked = listing("which use cases are about fish farms?")
    assert asked.phrase == "fish farms" and listed_parts(store, document, asked) is None  # no title holds "fish"
    meant = listed_parts(store, document, asked, near=lambda phrases: [("aquaculture", 0.7)])
    assert [store.sentences[r].text for r in meant.rows] == [SEAFARM]
    assert listed_parts(store, document, asked, near=lambda phrases: [("aquaculture", 0.3)]) is None  # not near enough
    # "examples" asks as often for a fact the report gives: no list of the section a word means
    examples = listing("any fish farm examples?")
    assert listed_parts(store, document, examples, near=lambda phrases: [("aquaculture", 0.7)]) is None


def test_the_things_a_section_title_names_are_its_subsections(mini_engine):
    from askwef.answer.contents import listing

    for question in ("what sectors does the report cover?", "which sectors are adopting tidal power?", "list the sectors"):
        answer = mini_engine.answer(question)
        assert answer.about == "contents", question
        assert [q.section for q in answer.quotes] == ["2 Sectors adopting tidal power > Shipping", "2 Sectors adopting tidal power > Aquaculture"]
        assert answer.quotes[0].text.startswith("Ports are the first buyers of tidal electricity")
    # a question asking more than the title names is a question about the report's content
    assert mini_engine.answer("what are the sectors' costs?").about == ""
    assert listing("what are the key challenges?").children and listing("what does the report conclude?") is None
    assert listing("main challenges for AI in china").children  # bare keywords, as staff type them
    assert listing("how big are the main challenges?") is None  # a question about them
    assert listing("how much did costs fall?") is None  # nothing plural: a fact


def test_a_question_with_a_word_the_title_lacks_still_lists_its_subsections(mini_engine):
    """"what key challenges does China face in AI?" (the third blind trial): the title holds the plural asked for and
    all the other words but one (params.OVERVIEW_EXTRA_WORDS); bare keywords are held to every word."""
    answer = mini_engine.answer("which sectors does tidal power reach?")
    assert answer.about == "contents"
    assert [q.section for q in answer.quotes] == ["2 Sectors adopting tidal power > Shipping", "2 Sectors adopting tidal power > Aquaculture"]
    assert mini_engine.answer("sectors tidal power reach").about != "contents"
    assert mini_engine.answer("which sectors does the harbour works barrage reach?").about != "contents"  # two words more


def test_asked_for_parts_of_a_kind_the_report_has_none_of_it_says_so_and_what_it_has(mini_engine):
    """"which case studies does the report include?" of the OECD review, which has none, quoted two unrelated sentences
    at confidence 0.5."""
    boxes = mini_engine.answer("list the boxes")
    assert boxes.abstained and boxes.about == "contents" and boxes.message == (
        "The report has no boxes. It has 2 case studies or use cases, 2 figures and 1 table: ask for them by name "
        "(“list the case studies”).")
    # parts it has, but none about what the question names: read as any other question
    assert mini_engine.answer("list the case studies about wind farms").about != "contents"

from askwef.answer import holds, load_models, normalize_history
from askwef.answer.span import span_of
from askwef.types import Answer


def _section_text(engine, path):
    return next(p for p in engine.store.passages if p.section == path).text


def test_answer_quotes_report_sentences_verbatim_with_sources(mini_engine):
    a = mini_engine.answer("How much tidal resource does the coast of Exampleland hold?")
    assert not a.abstained and a.quotes
    for q in a.quotes:
        passage = next(p for p in mini_engine.store.passages if p.id == q.passage_id)
        assert q.text in passage.text and q.section == passage.section and q.page == passage.page
    # the endnotes are the quoted sentences' own: the figure's (2), then its neighbour's (3, 4) when quoted too
    assert "12 gigawatts" in a.text and [e.number for e in a.endnotes] == [n for q in a.quotes for n in q.endnotes]
    assert a.endnotes[0].number == 2
    assert a.endnotes[0].url == "https://example.org/atlas_2023"
    assert a.passages and 0.0 <= a.confidence <= 1.0 and len(a.text) <= 600


def test_sentence_that_cannot_stand_alone_brings_its_predecessor(mini_engine):
    a = mini_engine.answer("How many tonnes of carbon dioxide does the Harbour Works barrage save a year?")
    assert not a.abstained
    assert a.text.startswith("Harbour Works built a 240-megawatt barrage") and "This translated into savings" in a.text
    assert 6 in [e.number for e in a.endnotes]


def test_unrelated_question_abstains_but_lists_passages(mini_engine):
    a = mini_engine.answer("What is the capital of France?")
    # none of what it asks about is written in the report: it says so by name
    assert a.abstained and a.text == "" and a.quotes == () and a.message.startswith("The report does not mention “capital” or “France”.")
    assert a.passages


def test_near_miss_year_abstains(mini_engine):
    # the report gives SeaFarm's yields for 2023 only
    a = mini_engine.answer("By how much did SeaFarm's yields rise in 2021?")
    assert a.abstained and "2021" in a.message


def test_a_number_the_quote_lacks_rules_the_answer_out(mini_engine):
    # the report gives Exampleland's tidal resource in gigawatts, not per 10,000 people
    asked = mini_engine.answer("How much tidal resource does Exampleland hold per 10000 people?")
    assert asked.abstained and asked.quotes == () and "does not seem" in asked.message
    # the number it gives is no reason to refuse
    given = mini_engine.answer("Does the coast of Exampleland hold 12 gigawatts of tidal resource?")
    assert not given.abstained and "12 gigawatts" in given.text


def test_how_much_asked_of_sentences_giving_no_number_is_refused(mini_engine):
    # "Public banks finance most projects & guarantee the loans.": how much, it never says
    asked = mini_engine.answer("how much of the loans do public banks guarantee?")
    assert asked.abstained and asked.quotes == () and "does not seem" in asked.message


def test_a_question_asking_when_is_not_answered_by_a_quote_without_a_date(mini_engine):
    from types import SimpleNamespace

    from askwef.answer.confidence import _when_without_date

    texts = ["SeaFarm runs 30 pens on tidal power in North Bay.", "Harbour Works built a barrage in 2019."]
    sentences = SimpleNamespace(field=lambda name, i: texts[i])
    quote = lambda *rows: SimpleNamespace(prepared=SimpleNamespace(itself=False), chosen=rows)
    assert _when_without_date("When did SeaFarm open its pens?", sentences, quote(0))
    assert _when_without_date("what year did SeaFarm open?", sentences, quote(0))
    assert not _when_without_date("When did Harbour Works build it?", sentences, quote(1))
    assert not _when_without_date("When did SeaFarm open its pens?", sentences, quote(0, 1))  # one dated sentence is enough
    assert not _when_without_date("What do pens reduce when aerated?", sentences, quote(0))  # "when" not asking when
    # through the engine: a dated quote answers it
    built = mini_engine.answer("When did Harbour Works build its barrage?")
    assert not built.abstained and "2019" in built.text


def test_a_quoted_term_the_report_never_writes_rules_the_answer_out(mini_engine):
    # "tidal" and "barrage" are each in the report, never in one sentence or heading: the quoted term names something
    # the report does not write, and the abstention says which
    unwritten = mini_engine.answer("What is the 'tidal barrage' programme?")
    assert unwritten.abstained and unwritten.quotes == () and "“tidal barrage”" in unwritten.message
    # so is a follow-up about it, and not one that moves on
    again = mini_engine.answer("when was it launched?", history=[unwritten])
    assert again.abstained and "“tidal barrage”" in again.message
    moved = mini_engine.answer("and how many pens does SeaFarm run?", history=[unwritten, again])
    assert not moved.abstained and "30 pens" in moved.text
    # a term the report writes, in other order or number, is answered as the same question unquoted
    for term in ("“barrage Harbour Works”", "'Harbour Works barrages'"):
        written = mini_engine.answer(f"How much carbon dioxide does the {term} save?")
        plain = mini_engine.answer("How much carbon dioxide does the Harbour Works barrage save?")
        assert not written.abstained and written.text == plain.text


def test_a_sentence_that_asks_a_question_is_never_the_answer(tmp_path):
    from conftest import fixture_engine

    survey = """# Reef Survey: Questions and Findings

## 1 What we asked

Divers answered a questionnaire. What are the key challenges of reef monitoring today? How often are reefs visited?

## 2 What we found

The key challenges of reef monitoring are cost and the weather, which keep divers ashore for months.
"""
    engine = fixture_engine(tmp_path, {"reef-survey.md": survey})
    answer = engine.answer("what are the key challenges of reef monitoring?")
    assert not answer.abstained and answer.quotes[0].text.startswith("The key challenges of reef monitoring are cost")
    assert not any(q.text.endswith("?") for q in answer.quotes)


def test_front_matter_answers_only_questions_about_the_document_or_its_series(tmp_path):
    from conftest import fixture_engine

    guide = """# Sea Notes: A Series Paper

## Disclaimer

This document says nothing true about the sea or about its harbours.

## Reading guide

The sea series covers harbours, ships and fish. Upcoming harbour report: fish markets.

## 1 Harbours

Harbours grew by 20% in 2024 as ships got larger.

## 2 Fees

The Harbour Minister sets the fee each ship pays. In 2020 a law gave the Harbour Minister the power to waive fees.

## Contributors

Ada Wave Lead, Harbour Research and Larger Ships

Bo Current Adviser to the Harbour Minister on Fees and Waivers
"""
    engine = fixture_engine(tmp_path, {"sea-notes.md": guide})
    for question in ("what is true about harbours?", "upcoming harbour report", "harbour research on larger ships"):  # front matter's words
        answer = engine.answer(question)
        assert answer.quotes and all(q.section.endswith(("1 Harbours", "2 Fees")) for q in answer.quotes), question
    assert any(q.section.endswith("Disclaimer") for q in engine.answer("what does this document say is true about the sea?").quotes)
    assert any(q.section.endswith("Reading guide") for q in engine.answer("what does the sea series of papers cover?").quotes)
    for question in ("what is Ada Wave's role?", "who leads harbour research?"):  # asked of the people, or naming one
        assert any(q.section.endswith("Contributors") for q in engine.answer(question).quotes), question
    # a role asked of a name the body uses more than the list does is a question about the body
    for question in ("what role does the Harbour Minister play in fees and waivers?", "what position does the Harbour Minister hold on fee waivers?"):
        assert not any(q.section.endswith("Contributors") for q in engine.answer(question).quotes), question


def test_markup_pasted_into_a_question_is_not_read_as_its_words(mini_engine):
    bare = mini_engine.answer("How much tidal resource does the coast of Exampleland hold?")
    pasted = mini_engine.answer('<b>How much</b> tidal resource does the coast of Exampleland hold? <script>window.x=10000</script>')
    assert not pasted.abstained  # 10000 sits in a script, not in the question: no number the quote lacks
    assert pasted.text == bare.text and pasted.question.startswith("<b>How much</b>")  # shown as asked


def test_follow_up_swaps_the_topic(mini_engine):
    first = mini_engine.answer("What do ports use tidal power for in shipping?")
    follow = mini_engine.answer("and in aquaculture?", history=[first])
    assert "aquaculture" in follow.resolved_question.lower() and "shipping" not in follow.resolved_question.lower()
    assert any(p.section.endswith("Aquaculture") for p in follow.passages[:2])


def test_search_reads_a_follow_up_against_the_history(mini_engine):
    first = mini_engine.answer("How many pens does SeaFarm run?")
    resolved = mini_engine.answer("who built it?", history=[first]).resolved_question
    assert "SeaFarm" in resolved
    followed = mini_engine.search("who built it?", k=5, history=[first])
    assert [p.id for p in followed] == [p.id for p in mini_engine.search(resolved, k=5)]
    assert [p.id for p in followed] != [p.id for p in mini_engine.search("who built it?", k=5)]


def test_follow_up_names_the_entity_of_the_last_answer(mini_engine):
    first = mini_engine.answer("How many pens does SeaFarm run?")
    follow = mini_engine.answer("what about its yields?", history=[{"question": first.question, "answer": first.text}])
    assert "SeaFarm" in follow.resolved_question


def test_history_formats_are_all_accepted():
    turns = normalize_history(
        [
            {"role": "user", "content": "q1"},
            {"role": "assistant", "content": "a1"},
            ("q2", "a2"),
            {"question": "q3", "answer": "a3"},
            Answer("q4", "a4"),
        ]
    )
    assert [(t.question, t.answer) for t in turns] == [("q1", "a1"), ("q2", "a2"), ("q3", "a3"), ("q4", "a4")]
    assert normalize_history(None) == []


def test_question_analysis_reads_the_kind_of_answer_from_the_fitted_model():
    types = load_models().types
    assert types.predict("How many rides did Apollo Go give?")["number"] > 0.5
    assert types.predict("Which company built the robot?")["name"] > 0.5
    assert types.predict("What does the report say about AI in China?")["number"] < 0.5
    assert holds("Revenue hit $70 billion in 2024.") == {"number": True, "date": True, "name": False, "money": True, "share": False}


def test_the_short_answer_is_the_asked_kind_nearest_the_question_words():
    text = "In 2023, 246 green data centres were built and 12% of power came from wind."
    assert span_of(text, {"number": 0.9}, {"green", "data", "centr"}) == "246"
    assert span_of(text, {"share": 0.9, "number": 0.6}, {"power", "wind"}) == "12%"
    assert span_of(text, {"date": 0.9}, {"green"}) == "2023"
    assert span_of(text, {"number": 0.1}, {"green"}) == ""


def test_a_name_is_no_month_nor_the_tail_of_a_hyphenated_word():
    bot = "Meanwhile, the injury claims bot launched in March 2024 is used by the firm."
    assert span_of(bot, {"name": 0.9}, {"compani"}, question="which company?") == ""
    icbc = "To enhance its risk management, ICBC developed the ICBC Security e-Message, an anti-fraud platform."
    assert span_of(icbc, {"name": 0.9}, {"bank", "built", "platform"}, question="which bank built it?") != "Message"


def test_a_number_is_the_short_answer_to_how_many_only_when_it_counts_what_is_asked():
    text = "The platform connects users to over 30 health services and 20 AI agents from 6,000 hospitals."
    assert span_of(text, {"number": 0.9}, {"user"}, question="how many users does it have?") == ""  # 30 counts services
    assert span_of(text, {"number": 0.9}, {"hospit"}, question="how many hospitals are connected?") == "6,000"
    assert span_of(text, {"number": 0.9}, {"agent"}, question="how many agents run there?") == "20"  # "agents run": either word
    assert span_of(text, {"number": 0.9}, {"health", "servic"}, question="how many health services?") == "over 30"
    closing = "As of 28 July 2024, the cumulative rides provided by Apollo Go surpassed 7 million."
    assert span_of(closing, {"number": 0.9, "date": 0.5}, {"ride"}, question="how many rides so far?") == "7 million"  # ends its clause
    # a follow-up counts what its own words count, not what the question beside it does
    assert span_of("It received over $6.1 billion.", {"money": 0.9}, {"cost"}, question="how much did it cost? (how many hubs)",
                   own="how much did it cost") == "over $6.1 billion"


def test_the_short_answer_is_never_what_the_question_says_nor_a_name_of_the_commonest_words():
    text = "In 2024 the AI drug R&D sector reached $187 million, an AI-powered market led by Agent Hospital."
    asked = {"date": 0.7, "money": 0.6}
    assert span_of(text, asked, {"sector"}) == "2024"  # the question's own year, when nothing says not
    assert span_of(text, asked, {"sector"}, question="how big was the sector in 2024?") == "$187 million"
    assert span_of(text, {"name": 0.9}, {"market"}, common={"ai", "power"}) == "Agent Hospital"


def test_a_markdown_subsection_the_contents_does_not_list_is_cited_by_its_chapters_pages(mini_engine):
    listed = mini_engine.answer("How much tidal resource does the coast of Exampleland hold?")
    assert listed.quotes[0].source().endswith("1.1 Resource potential, p. 4")  # the Contents gives 1.1 its page
    ports = mini_engine.answer("why are ports the first buyers of tidal electricity?")
    quote = next(q for q in ports.quotes if q.section == "2 Sectors adopting tidal power > Shipping")
    # "Shipping" is not in the Contents: it stands somewhere in chapter 2, pp. 6-8 (the conclusion starts on p. 9)
    assert (quote.page, quote.last_page) == (6, 8) and quote.source().endswith("› Shipping, pp. 6–8")
    where = mini_engine.answer("which page is that on?", history=[ports])
    assert "pp. 6–8, 2 Sectors adopting tidal power › Shipping" in where.context


def test_answer_round_trips_to_json(mini_engine):
    import json

    a = mini_engine.answer("How much tidal resource does the coast of Exampleland hold?")
    data = json.loads(json.dumps(a.to_dict()))
    assert data["text"] == a.text and data["endnotes"][0]["number"] == 2 and isinstance(data["passages"][0]["endnotes"], list)


def test_a_section_named_by_its_title_is_answered_from_it(mini_engine):
    a = mini_engine.answer("What does the conclusion say about wind and solar?")
    assert a.passages[0].section == "Conclusion"
    assert all(q.section == "Conclusion" for q in a.quotes)


def test_a_leaning_sentence_after_a_figure_takes_the_running_text_not_the_caption():
    from askwef.answer.quote import _previous_sentence
    from askwef.types import Sentence

    def s(text, kind):
        return Sentence(text, text, "d", "S", 1, "p", 0, 1, (), "", kind)

    sentences = (s("Guidelines set 50 standards.", "prose"), s("FIGURE 4 | Framework", "caption"), s("Step 1", "item"), s("These standards matter.", "prose"))
    assert _previous_sentence(sentences, 3) == 0
    assert _previous_sentence((s("FIGURE 1", "caption"), s("It grew.", "prose")), 1) is None


def test_every_quote_names_its_document(mini_engine):
    a = mini_engine.answer("How much tidal resource does the coast of Exampleland hold?")
    assert a.quotes and all(q.title == "Tidal Power Outlook: A Test Report" for q in a.quotes)
    assert a.quotes[0].year == 2025  # "MARCH 2025" on the cover
    assert a.quotes[0].source().startswith("Tidal Power Outlook: A Test Report (2025) · 1 Why tides matter")


def test_a_quarter_the_report_does_not_give_is_not_answered_with_another(mini_engine):
    a = mini_engine.answer("How many pens did SeaFarm run in the third quarter?")
    assert a.abstained and "third quarter" in a.message


def test_a_runner_up_is_quoted_only_when_it_adds_enough_chance_of_holding_the_answer():
    import numpy as np

    from askwef.answer.quote import choose
    from askwef.types import Sentence

    sentences = tuple(Sentence(f"s{i}", f"Sentence number {i} says something.", "d", "S", 1, f"p{i}", 40 * i, 40 * i + 30, (), "", "prose") for i in range(4))
    indexes = (0, 1, 2, 3)
    # 0.3 x (1 - 0.6) = 0.12 >= 0.05: quoted; then 0.1 x 0.4 x 0.7 = 0.028 < 0.05: not
    assert choose(sentences, indexes, np.array([0.6, 0.3, 0.1, 0.05]), 0, gain=0.05) == [0, 1]
    # a sure best sentence stands alone: 0.3 x 0.05 = 0.015
    assert choose(sentences, indexes, np.array([0.95, 0.3, 0.1, 0.05]), 0, gain=0.05, neighbour_gain=0.05) == [0]
    # ... unless the runner-up is its neighbour and the neighbour's gain is lower: 0.015 >= 0.01
    assert choose(sentences, indexes, np.array([0.95, 0.3, 0.1, 0.05]), 0, gain=0.05, neighbour_gain=0.01) == [0, 1]
    # a runner-up two sentences away is no neighbour: 0.3 x 0.05 = 0.015 < 0.05
    assert choose(sentences, indexes, np.array([0.95, 0.05, 0.3, 0.05]), 0, gain=0.05, neighbour_gain=0.01) == [0]
    # at most three sentences, whatever the gain
    assert len(choose(sentences, indexes, np.array([0.5, 0.5, 0.5, 0.5]), 0, gain=0.0)) == 3


def test_quoted_sentences_keep_the_report_s_reading_order_across_sections():
    import numpy as np

    from askwef.answer.quote import choose
    from askwef.types import Sentence

    # the executive summary is printed before chapter 1, though "1 ..." sorts before "Executive summary"
    sentences = (Sentence("a", "Summary says tides pay.", "d", "Executive summary", 5, "p1", 0, 23, (), "", "prose"),
                 Sentence("b", "Chapter one says tides pay well.", "d", "1 Tides", 8, "p2", 0, 32, (), "", "prose"))
    assert choose(sentences, (0, 1), np.array([0.3, 0.6]), 1, gain=0.01) == [0, 1]


def test_a_lead_in_ending_in_a_colon_brings_the_items_it_introduces():
    import numpy as np

    from askwef.answer.quote import choose
    from askwef.types import Sentence

    texts = [("Tides vary.", "prose"), ("Three things drive tidal power:", "prose"), ("Predictable flows.", "item"),
             ("Cheap barrages.", "item"), ("Strong policy.", "item"), ("A fourth item.", "item"), ("Costs fell.", "prose")]
    sentences = tuple(Sentence(f"s{i}", t, "d", "S", 1, "p", 40 * i, 40 * i + len(t), (), "", kind) for i, (t, kind) in enumerate(texts))
    probabilities = np.array([0.01, 0.9, 0.01, 0.01, 0.01, 0.01, 0.01])
    assert choose(sentences, tuple(range(7)), probabilities, 1, gain=0.5, neighbour_gain=0.5) == [1, 2, 3, 4]  # LEAD_IN_ITEMS = 3 items, not the fourth
    plain = tuple(s if i != 1 else Sentence("s1", "Three things drive tidal power.", "d", "S", 1, "p", 40, 70, (), "", "prose") for i, s in enumerate(sentences))
    assert choose(plain, tuple(range(7)), probabilities, 1, gain=0.5, neighbour_gain=0.5) == [1]  # no colon: it stands alone
    # a long sentence quoted first leaves the list room of its own: the lead-in promises its items
    long = ("The tidal authority published its review of every barrage on the coast, after two years of hearings in "
            "each harbour town and a consultation that drew thousands of replies from fishers, engineers and families. ") * 2
    items = [(long.strip(), "prose"), ("It committed to the following next steps:", "prose")] + [
        (f"To consult on the {w} rules that govern how a barrage may share its water with the farms and towns around it;", "item")
        for w in ("first", "second", "third")]
    listed = tuple(Sentence(f"s{i}", t, "d", "S", 1, "p", 300 * i, 300 * i + len(t), (), "", kind) for i, (t, kind) in enumerate(items))
    assert choose(listed, tuple(range(5)), np.array([0.9, 0.9, 0.01, 0.01, 0.01]), 0, gain=0.01) == [0, 1, 2, 3, 4]

    # an item chosen alone brings its lead-in and list when the lead-in holds what the question asks for
    from askwef.answer.query import stems

    options = [("The main alternative options are:", "prose"), ("Removing some burdens.", "item"),
               ("Retaining the sector approach to regulators.", "item"), ("Adding new rules.", "item"), ("Costs fell.", "prose")]
    opts = tuple(Sentence(f"s{i}", t, "d", "S", 1, "p", 50 * i, 50 * i + len(t), (), "", kind) for i, (t, kind) in enumerate(options))
    odds = np.array([0.01, 0.01, 0.9, 0.01, 0.01])
    asked = frozenset(stems("what are the alternative options for regulators?"))
    assert choose(opts, tuple(range(5)), odds, 2, gain=0.5, neighbour_gain=0.5, asked=asked) == [0, 1, 2, 3]
    assert choose(opts, tuple(range(5)), odds, 2, gain=0.5, neighbour_gain=0.5, asked=frozenset(stems("how do regulators work?"))) == [2]


def test_a_sentence_announcing_what_the_next_one_lists_brings_it_and_goes_with_it():
    import numpy as np

    from askwef.answer.quote import choose
    from askwef.types import Sentence

    def made(texts):
        return tuple(Sentence(f"s{i}", t, "d", "S", 1, "p", 400 * i, 400 * i + len(t), (), "", "prose") for i, t in enumerate(texts))

    announced = made(["Tidal power grew fast.", "However, several challenges remain.",
                      "These include silt, salt and cost.", "Costs fell."])
    # the announcement chosen brings the list that says what it announces, as a lead-in ending in a colon does
    assert choose(announced, tuple(range(4)), np.array([0.01, 0.9, 0.01, 0.01]), 1, gain=0.5, neighbour_gain=0.5) == [1, 2]
    unannounced = made(["Tidal power grew fast.", "However, several challenges remain.", "Silt is one.", "Costs fell."])
    assert choose(unannounced, tuple(range(4)), np.array([0.01, 0.9, 0.01, 0.01]), 1, gain=0.5, neighbour_gain=0.5) == [1]

    # a sentence dropped for room takes the one it alone brought: never the announcement without its list
    long = "These include " + ", ".join(f"the {w} barrage on the estuary" for w in ("first", "second", "third", "fourth", "fifth", "sixth")) + " and more."
    crowded = made(["The tidal authority reviewed every barrage on the coast after two years of public hearings in each town.",
                    "Its review covered silt, salt, fish, ships, storms, the grid and the towns that live beside the water.",
                    "However, several challenges remain.", long + " " + long])
    picked = choose(crowded, tuple(range(4)), np.array([0.9, 0.8, 0.01, 0.7]), 0, gain=0.01, neighbour_gain=0.01)
    assert picked == [0, 1]  # the list is too long to fit beside the best sentences, and its announcement goes with it


def test_a_question_about_the_document_itself_is_answered_with_what_it_says_of_itself(mini_engine):
    itself = {"This paper reviews where it stands.": "Foreword", "This document is a fixture for tests.": "Disclaimer"}
    about = mini_engine.answer("what is this report about?")
    assert not about.abstained and about.quotes and all(itself.get(q.text) == q.section for q in about.quotes)
    assert about.about == "document" and about.confidence_line().endswith("what the report says of itself")
    for by_title in ("who wrote the tidal power outlook report?", "who wrote tidal power outlook?", "what is the tidal power outlook about?"):
        assert mini_engine.answer(by_title).about == "document", by_title  # called by its title, not "this paper"
    assert mini_engine.answer("what does the tidal power outlook say about ports?").about == ""  # its content, asked
    wrote = mini_engine.answer("who wrote this paper?")  # "wrote": a word the report never writes, yet no reason to refuse
    assert not wrote.abstained and all(q.text in itself for q in wrote.quotes) and wrote.span == ""  # the whole quote answers
    it = mini_engine.answer("who wrote it?")  # no conversation before it: "it" can only be the report
    assert it.about == "document" and all(q.text in itself for q in it.quotes)
    content = mini_engine.answer("What does the report say about Harbour Works?")  # about its content: answered from that
    assert "This paper reviews" not in content.text and content.about == ""


def test_the_title_of_the_document_is_its_answer_s_context(mini_engine):
    for question in ("what is the title of this report?", "whats the paper called", "what is the full name of the report"):
        answer = mini_engine.answer(question)
        assert not answer.abstained and answer.about == "document", question
        assert answer.context == "“Tidal Power Outlook: A Test Report” (2025)", question
    assert mini_engine.answer("what is this report about?").context != "“Tidal Power Outlook: A Test Report” (2025)"


def test_a_question_asking_who_from_a_group_of_the_authors_list_is_about_the_document():
    from askwef.answer.parts import asks_authors
    from askwef.answer.query import Query, about_document, stems

    credits = frozenset(stems("Lead authors Example Partners"))

    def query(text):
        return Query(text, "", "", frozenset(stems(text)), (), {})

    assert about_document(query("who from example partners worked on this report?"), credits=credits)
    assert not about_document(query("who from example partners worked on this report?"))  # no such list: not known
    assert not about_document(query("what do example partners say in this report?"), credits=credits)  # asks no who
    assert about_document(query("who contributed to this paper?"))  # the words of credits are the document's asks
    assert asks_authors("who from example partners", credits) and asks_authors("who contributed", frozenset())
    assert not asks_authors("when was it published", credits) and not asks_authors("example partners", credits)


def test_who_wrote_the_report_is_answered_with_its_list_of_authors():
    from askwef.answer.parts import authors
    from askwef.types import Sentence

    lines = [("This paper reviews tides.", "Foreword", "prose"), ("Lead authors", "Contributors", "heading"),
             ("Example Partners", "Contributors", "heading"), ("Ada Wave", "Contributors", "heading"),
             ("Lead, Tidal Research", "Contributors", "prose"), ("Project team", "Contributors", "heading"),
             ("Bo Current", "Contributors", "heading")]

    class Rows(tuple):  # the store's sentence table reads one field of a row
        def field(self, name, i):
            return getattr(self[i], name)

    def rows_of(made):  # (text, section, kind) -> sentence rows
        return Rows(Sentence(f"s{i}", t, "r.md", sec, 1, "p", 0, len(t), (), "", kind) for i, (t, sec, kind) in enumerate(made))

    rows = rows_of(lines)
    assert authors(rows, "r.md") == [1, 2, 3, 4]  # up to the label "Project team": its members did not write it
    assert authors(rows, "other.md") == []
    assert authors(Rows(rows[:1]), "r.md") == []  # no list of authors: the self-description answers instead
    # no list, but credits that say who prepared it (an OECD review's acknowledgements): those sentences
    credits = [("This Review looks at tides.", "Foreword", "prose"),
               ("The Review was prepared by the Tidal Directorate under the leadership of Ada Wave.", "Acknowledgements", "prose"),
               ("The authors thank the harbour board.", "Acknowledgements", "prose"),
               ("Bo Current and Cy Flow co-authored the report.", "Acknowledgements", "prose"),
               ("The plan was prepared by the ministry.", "2 Plans", "prose")]
    rows = rows_of(credits)
    assert authors(rows, "r.md") == [1, 3]
    # no list and no credits, but a title page and an imprint saying who presented and published it (the UK strategy)
    front = [("Tidal Strategy", "Tidal Strategy", "heading"),
             ("Presented to Parliament by the Secretary of State for Tides by Command of His Majesty", "Tidal Strategy", "prose"),
             ("This strategy sets out our vision for tides.", "1 Vision", "prose"),
             ("The plan was published in 2020 by the Harbour Board.", "1 Vision", "prose"),
             ("Published in May 2021 by the Office for Tides", "Tidal Strategy", "prose")]
    rows = rows_of(front)
    assert authors(rows, "r.md", title="Tidal Strategy") == [1, 4]
    assert authors(rows, "r.md") == []  # its title unknown: its front matter is not known either


def test_when_the_document_was_published_is_read_from_its_copyright_line():
    from askwef.answer.params import SELF_REFERENCE, WHEN

    assert SELF_REFERENCE.match("© 2025 World Economic Forum.") and SELF_REFERENCE.match("This paper presents ...")
    assert not SELF_REFERENCE.match("The authors thank the working group for feedback on this report.")
    assert WHEN.search("when was this report published") and WHEN.search("what year is this paper from")
    assert not WHEN.search("what does the report say about robots")


def test_a_question_about_the_document_it_does_not_answer_of_itself_is_read_as_any_other(mini_engine):
    # the fixture prints no copyright line: no line of its self-description gives a year
    a = mini_engine.answer("when was this report published?")
    assert a.confidence > 0  # its candidates ranked and weighed like any question's (it was left with none at all)
    assert "This paper reviews where it stands." not in a.text


def test_an_answer_s_places_are_one_per_run_of_quotes_from_one_place():
    from askwef.types import Answer, Quote

    def quote(text, section, notes):
        return Quote(text, "p", "r.md", section, 4, 0, len(text), notes, "Tides", 2025)

    a = Answer("q", "", quotes=(quote("A.", "1 Tides", (2,)), quote("B.", "1 Tides", (2, 3)), quote("C.", "2 Costs", ())))
    assert [(first.text, notes) for first, notes in a.places()] == [("A.", (2, 3)), ("C.", ())]
    assert [([q.text for q in quotes], notes) for quotes, notes in a.runs()] == [(["A.", "B."], (2, 3)), (["C."], ())]


def test_a_sentence_the_report_prints_twice_is_quoted_once():
    import numpy as np

    from askwef.answer.quote import choose
    from askwef.types import Sentence

    texts = ["Demand for AI talent surged.", "Other words here.", "“Demand for AI  talent surged.”", "A third thing."]
    sentences = tuple(Sentence(f"s{i}", t, "d", "S", 1, f"p{i}", 40 * i, 40 * i + 30, (), "", "prose") for i, t in enumerate(texts))
    # the pull quote (2) repeats the best sentence (0): the runner-up after it is considered instead
    chosen = choose(sentences, (0, 1, 2, 3), np.array([0.6, 0.1, 0.59, 0.4]), 0, gain=0.05, neighbour_gain=0.05)
    assert chosen == [0, 3]


def test_what_a_report_rests_on_is_asked_of_the_report_itself():
    from askwef.answer.params import SELF_REFERENCE
    from askwef.answer.query import Query, about_document, stems

    def asked(text):
        return about_document(Query(text, "", "", frozenset(stems(text)), (), {}))

    assert asked("what kind of sources does the report rely on?") and asked("what is the paper based on?")
    assert not asked("what kind of robots does the report mention?")  # robots: a question about the report's content
    assert SELF_REFERENCE.match("The findings in this paper are based on numerous interviews, discussions and other research.")
    assert SELF_REFERENCE.match("This paper presents a blueprint.") and SELF_REFERENCE.match("In this report, we look at tides.")
    assert not SELF_REFERENCE.match("Feedback on the drafts of this report was given by many.")


def test_a_web_address_says_no_words_of_the_sentence():
    from askwef.answer.params import URL

    assert URL.sub(" ", "Pay fees at https://www.palestine.ps/fees or www.palestine.ps").split() == ["Pay", "fees", "at", "or"]
    # what it says instead is that it is a web address: "what is the portal's web address?" still finds it
    from askwef.answer.params import URL_SAYS
    from askwef.answer.query import stems

    assert stems(URL.sub(URL_SAYS, "www.palestine.ps")) == stems("web address") | stems("website link")
    assert URL.sub(" ", "See gov.uk/guidance for the U.S. and e.g. China").split() == ["See", "for", "the", "U.S.", "and", "e.g.", "China"]


def test_a_report_the_reader_could_not_divide_is_answered_from_its_body_not_hidden_as_its_title_page(tmp_path):
    # no heading under its title: every sentence stands in the section titled as the report, as a summary in
    # WordPerfect with no outline and no Contents reads (the DMCA summary: 213 of its 280 sentences there, all hidden
    # as its title page from every question that did not name it)
    from conftest import fixture_engine

    body = " ".join(f"The harbour board surveyed berth {k} in spring and found its quay wall sound." for k in range(1, 9))
    undivided = ("# The Harbour Survey\n\n" + body + "\n\nThe harbour board dredged the outer channel in 2019, at a cost of "
                 "12 million euros.\n\n" + body.replace("spring", "autumn") + "\n")
    engine = fixture_engine(tmp_path, {"harbour.md": undivided})
    a = engine.answer("When did the harbour board dredge the outer channel?")
    assert not a.abstained and "dredged the outer channel in 2019" in a.text

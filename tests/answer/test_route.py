"""answer/route.py: in a library, a report's questions are answered as the report alone answers them."""

import importlib

from conftest import fixture_engine

OTHER = """# Wind Notes: A Second Report

## 1 Offshore costs

Offshore wind farms cost less each year, and their financing comes from pension funds. Tidal power is
mentioned here too: tidal barrages cost more than wind farms, and tidal turbines are fewer.

## 2 Ports

Ports in Windland run their cranes on offshore wind power. Windland built 14 offshore wind farms by 2024.
"""
QUESTIONS = [
    "How many pens does SeaFarm run on tidal power?",
    "How much did tidal power costs fall between 2015 and 2024?",
    "How much carbon dioxide does the Harbour Works barrage save?",
    "Who finances tidal projects?",
]


def test_a_reports_answers_in_a_library_are_its_answers_alone(tmp_path):
    library = fixture_engine(tmp_path / "library", {"wind-notes.md": OTHER})
    alone = fixture_engine(tmp_path / "alone")
    for question in QUESTIONS:
        a, b = alone.answer(question), library.answer(question)
        assert (b.text, b.abstained, b.confidence) == (a.text, a.abstained, a.confidence), question


def test_the_library_wide_statistics_would_change_an_answer(tmp_path):
    """What the routing guards against: the whole library's statistics move the answer stage's confidences."""
    from askwef.answer import compose

    library = fixture_engine(tmp_path / "library", {"wind-notes.md": OTHER})
    alone = fixture_engine(tmp_path / "alone")
    within = [compose.answer_question(library.retriever, q, within="mini-report.md", models=library.models) for q in QUESTIONS]
    assert any(w.confidence != alone.answer(q).confidence for w, q in zip(within, QUESTIONS))


def test_a_question_goes_to_the_report_that_holds_its_answer(tmp_path):
    from askwef.answer.route import route

    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    r, models = library.retriever, library.models
    assert route(r, "How many offshore wind farms did Windland build by 2024?", models=models)[0] == "wind-notes.md"
    assert route(r, "How many pens does SeaFarm run on tidal power?", models=models)[0] == "mini-report.md"
    answer = library.answer("How many offshore wind farms did Windland build by 2024?")
    assert not answer.abstained and {q.document for q in answer.quotes} == {"wind-notes.md"} and "14" in answer.text
    within = library.answer("Who finances the projects?", within="wind-notes.md")
    assert within.passages and {p.document for p in within.passages} == {"wind-notes.md"}


def test_a_routed_question_is_encoded_once_per_text(tmp_path):
    from askwef.embed import HashEmbedder

    class Counting(HashEmbedder):
        texts: list[str] = []

        def encode(self, texts):
            Counting.texts.extend(texts)
            return super().encode(texts)

    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    library.answer(QUESTIONS[0])  # the reports' indexes and stages made once
    library.embedder.__class__ = Counting
    Counting.texts = []
    library.answer(QUESTIONS[0])
    assert Counting.texts and len(Counting.texts) == len(set(Counting.texts))
    library.answer(QUESTIONS[0])
    assert len(Counting.texts) == 2 * len(set(Counting.texts))  # nothing is kept from one question to the next


def test_a_report_is_made_once_and_kept(tmp_path):
    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    r = library.retriever
    first = r.alone("mini-report.md")
    assert first is not None and first is r.alone("mini-report.md") and first.store.documents[0].name == "mini-report.md"
    assert r.alone("nope.md") is None
    single = fixture_engine(tmp_path / "single").retriever
    assert single.alone("mini-report.md") is single


def test_a_library_past_the_reports_kept_is_answered_as_one_index(tmp_path, monkeypatch):
    import importlib

    from askwef.answer import compose

    route = importlib.import_module("askwef.answer.route")  # askwef.answer is also a function's name
    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    monkeypatch.setattr(route, "ALONE_KEPT", 1)
    whole = compose.answer_question(library.retriever, QUESTIONS[1], models=library.models)
    routed = library.answer(QUESTIONS[1])
    assert (routed.text, routed.confidence) == (whole.text, whole.confidence)
    assert not library.retriever._alone  # no report's own index was made


def test_the_router_s_first_answer_stands_unless_another_is_clearly_more_confident():
    from askwef.answer.route import best_answer
    from askwef.types import Answer

    first, close, clear = (Answer(question="q", text=t, confidence=c) for t, c in (("first", 0.55), ("close", 0.58), ("clear", 0.7)))
    silent = Answer(question="q", text="", confidence=0.9, abstained=True)
    assert best_answer([first, close], lead=0.05).text == "first"
    assert best_answer([first, close, clear], lead=0.05).text == "clear"
    assert best_answer([silent, first, close], lead=0.05).text == "first"  # an abstaining report never wins
    assert best_answer([silent, silent]) is silent
    assert best_answer([first, close], lead=0.0).text == "close"


def test_a_follow_up_stays_in_the_report_of_the_conversation(tmp_path, monkeypatch):
    """'and tidal turbines?' after an answer about Windland's wind farms asks the wind report, which speaks of
    them, though the mini report (about tidal power) is where the words alone would send it; a turn that names
    the other report goes there."""
    from askwef.answer.route import conversation_report, quoted_document, route

    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    r, models = library.retriever, library.models
    first = library.answer("How many offshore wind farms did Windland build by 2024?")
    assert {q.document for q in first.quotes} == {"wind-notes.md"}
    for history in ([first], [{"question": first.question, "answer": first.text}]):  # an Answer, or the API's text only
        assert conversation_report(r, "and who finances them?", history) == "wind-notes.md"
        assert route(r, "and who finances them?", history=history, models=models) == ["wind-notes.md"]
    follow = library.answer("and tidal turbines?", history=[first])
    assert {q.document for q in follow.quotes} == {"wind-notes.md"} and "tidal turbines are fewer" in follow.text
    # read against the last question but routed as any question, it would go to the tidal report
    import importlib

    monkeypatch.setattr(importlib.import_module("askwef.answer.route"), "conversation_report", lambda *a: None)
    assert route(r, "and tidal turbines?", history=[first], models=models)[0] == "mini-report.md"
    # a question that stands alone, or a follow-up naming the other report, is routed as any question
    assert conversation_report(r, "How many pens does SeaFarm run on tidal power?", [first]) is None
    assert conversation_report(r, "and in the Tidal Power Outlook?", [first]) is None
    assert quoted_document(r.store, "nothing the reports say") == ""
    assert conversation_report(r, "and who finances them?", [{"question": "hi", "answer": ""}]) is None


def test_a_follow_up_naming_what_only_another_report_writes_goes_there(tmp_path):
    from askwef.answer.route import conversation_report

    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    first = library.answer("How many offshore wind farms did Windland build by 2024?")
    assert conversation_report(library.retriever, "and SeaFarm?", [first]) is None  # SeaFarm: the mini report's
    assert conversation_report(library.retriever, "and Zorblax?", [first]) == "wind-notes.md"  # no report's word


def test_a_question_calling_a_report_by_name_is_answered_from_it_with_its_name_said_as_the_report(tmp_path):
    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    text, named = library.retriever.unnamed("What is the Tidal Power Outlook report about?")
    assert (text, named) == ("What is the report about?", "mini-report.md")
    assert library.retriever.unnamed("What does the report say about tides?") == ("What does the report say about tides?", None)
    # about the document itself: what the named report says of itself, not the other report's lines
    question = "What is the tidal outlook report about?"
    answer = library.answer(question)
    assert answer.question == question and not answer.abstained
    assert {q.document for q in answer.quotes} == {"mini-report.md"}
    assert any(line in answer.text for line in ("This paper reviews where it stands.", "This document is a fixture for tests."))
    other = library.answer("What is the Wind Notes report about?")
    assert not other.quotes or {q.document for q in other.quotes} == {"wind-notes.md"}


def test_a_greeting_a_thanks_or_a_request_for_help_gets_how_to_ask_not_a_quote(mini_engine):
    from askwef.serve.render import ABSTAIN_LEAD, plain_answer, render_answer

    for said in ("hi", "Thanks!", "thank you so much", "what can you do?", "help"):
        a = mini_engine.answer(said)
        assert a.about == "help" and not a.quotes and "Tidal Power Outlook" in a.message, said
        assert ABSTAIN_LEAD not in render_answer(a, 1) and ABSTAIN_LEAD not in plain_answer(a)
    # a question after the courtesy is a question
    asked = mini_engine.answer("thanks, and how many pens does SeaFarm run?")
    assert asked.about == "" and "30 pens" in asked.text


def test_a_request_to_translate_write_or_recommend_is_declined_with_how_to_ask_not_a_quote(mini_engine):
    from askwef.serve.render import plain_answer

    for said in ("Translate the executive summary into French", "write me a poem about tidal power",
                 "Can you recommend a good restaurant near the harbour?", "please book a meeting room for Monday"):
        a = mini_engine.answer(said)
        assert (a.about, a.abstained, a.quotes) == ("help", True, ()), said
        assert a.message.startswith("I only quote") and "Tidal Power Outlook" in a.message, said
        assert "cannot translate" in plain_answer(a)
    # asking about such things is a question about the report
    asked = mini_engine.answer("how many pens does SeaFarm run? write the number")
    assert asked.about == "" and "30 pens" in asked.text


def test_a_question_about_the_report_in_a_small_library_is_answered_by_each_report_under_its_title(tmp_path):
    library = fixture_engine(tmp_path / "library", {"wind-notes.md": OTHER})
    alone = fixture_engine(tmp_path / "alone")
    each = library.answer("What is this report about?")
    assert (each.about, each.abstained) == ("comparison", False) and "asked of each of" in each.resolved_question
    assert len(each.reports) == len(library.retriever.store.documents) == 2  # one part per report, in the library's order
    tidal = next(a for a in each.reports if not a.abstained)
    assert tidal.text == alone.answer("What is this report about?").text and tidal.text in each.text  # as it answers alone
    assert {q.document for q in each.quotes} == {"mini-report.md"}
    assert "Does not seem to answer this" in each.message and "Wind" in each.message  # the wind notes say nothing of themselves
    # its follow-up is asked of each report again, with the conversation as each report had it (an Answer or the API's turn)
    for history in ([each], [{"question": each.question, "answer": each.text}]):
        later = library.answer("when was it published?", history=history)
        assert later.about == "comparison" and len(later.reports) == 2, history
        assert later.reports[[d.name for d in library.retriever.store.documents].index("mini-report.md")].text == alone.answer(
            "when was it published?", history=[alone.answer("What is this report about?")]).text
    # and so is every later turn of that conversation that follows it up or asks about "the report" again
    later = library.answer("when was it published?", history=[each])
    for question in ("who wrote the report?", "and who published it?"):
        again = library.answer(question, history=[each, later])
        assert again.about == "comparison" and len(again.reports) == 2, question
    # a question of its own there is answered as any other
    assert library.answer("How many pens does SeaFarm run on tidal power?", history=[each, later]).about != "comparison"


def test_a_question_about_the_report_in_a_larger_library_asks_which_and_the_reply_picks_it(tmp_path, monkeypatch):
    monkeypatch.setattr(importlib.import_module("askwef.answer.route"), "EACH_REPORT_MAX", 1)  # the two reports stand for more than six
    library = fixture_engine(tmp_path / "library", {"wind-notes.md": OTHER})
    alone = fixture_engine(tmp_path / "alone")
    ask = library.answer("What is this report about?")
    assert (ask.about, ask.abstained, ask.quotes) == ("clarify", True, ())
    listed = ask.message.splitlines()[1:]
    assert ask.message.startswith("Which report do you mean?") and len(listed) == 2
    number = next(i for i, line in enumerate(listed, 1) if "Tidal Power Outlook" in line)
    expected = alone.answer("What is this report about?")
    ordinal = ("first", "second")[number - 1]
    for reply in (str(number), f"the {ordinal} one", "The Tidal report"):
        for history in ([ask], [{"question": ask.question, "answer": ask.message}]):  # an Answer, or the API's turn
            picked = library.answer(reply, history=history)
            assert (picked.text, picked.about) == (expected.text, "document"), reply
            assert picked.question == reply and "Tidal Power Outlook" in picked.resolved_question
    # a reply that is a question of its own is answered as one
    assert library.answer("How many pens does SeaFarm run on tidal power?", history=[ask]).text == alone.answer(
        "How many pens does SeaFarm run on tidal power?").text


def test_a_question_about_the_report_in_a_conversation_goes_to_the_report_it_is_about(tmp_path):
    library = fixture_engine(tmp_path / "library", {"wind-notes.md": OTHER})
    alone = fixture_engine(tmp_path / "alone")
    first = library.answer("How many pens does SeaFarm run on tidal power?")
    assert first.quotes[0].document == "mini-report.md"
    about = library.answer("What is this report about?", history=[first])
    assert (about.text, about.about) == (alone.answer("What is this report about?").text, "document")
    # and alone too, a question about the report is never read as a follow-up of the one before
    assert alone.answer("What is this report about?", history=[first]).text == about.text


def test_a_new_question_of_a_conversation_is_asked_of_its_report_first(tmp_path, monkeypatch):
    """'How much did tidal costs fall?' reads as a question of its own, but after answers from the wind report it is
    asked of that report first; its abstention stands unless another report is far more confident."""
    from askwef.answer.route import conversation_report, kept_answer
    from askwef.types import Answer

    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    r = library.retriever
    first = library.answer("How many offshore wind farms did Windland build by 2024?")
    assert conversation_report(r, "How much did tidal costs fall?", [first]) is None  # not a follow-up
    assert conversation_report(r, "How much did tidal costs fall?", [first], followups_only=False) == "wind-notes.md"
    # an abstention is about the report whose passages it showed; a "which report?" about none
    refused = Answer(question="How much do offshore ports cost?", text="", abstained=True, passages=first.passages)
    assert conversation_report(r, "How much did tidal costs fall?", [first, refused], followups_only=False) == "wind-notes.md"
    monkeypatch.setattr(importlib.import_module("askwef.answer.route"), "EACH_REPORT_MAX", 1)  # a library large enough to ask which report
    ask = library.answer("What is this report about?")
    assert ask.about == "clarify" and conversation_report(r, "How much did tidal costs fall?", [ask], followups_only=False) is None
    # a name only the other report writes still sends it there
    assert conversation_report(r, "How many pens does SeaFarm run?", [first], followups_only=False) is None
    kept, other = Answer(question="q", text="", confidence=0.1, abstained=True), Answer(question="q", text="o", confidence=0.55)
    assert kept_answer([kept, other], lead=0.5) is kept and kept_answer([kept, other], lead=0.3) is other


def test_a_question_calling_the_report_by_the_noun_one_report_calls_itself_goes_to_it(tmp_path, monkeypatch):
    from askwef.answer.clarify import called_report

    review = OTHER.replace("## 2 Ports", "This review covers wind. This review is short. In this review, ports come last.\n\n## 2 Ports")
    library = fixture_engine(tmp_path, {"wind-notes.md": review})
    assert called_report(library.retriever, "what is this review about?") == "wind-notes.md"
    assert called_report(library.retriever, "what is this report about?") is None
    about = library.answer("What is this review about?")
    assert about.about != "clarify" and {q.document for q in about.quotes} <= {"wind-notes.md"}
    monkeypatch.setattr(importlib.import_module("askwef.answer.route"), "EACH_REPORT_MAX", 1)
    assert library.answer("What is this report about?").about == "clarify"


def test_a_list_asked_in_a_report_named_first_is_that_reports_list(tmp_path):
    """"in the UK strategy, what are the pillars?" was refused in the library ("what are the pillars of the UK strategy?"
    was answered): its name said as "the report", "in the report, what are ..." was no question asking for a list."""
    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    for question in ("what are the sectors adopting tidal power in the Tidal Power Outlook?", "in the Tidal Power Outlook, what are the sectors adopting tidal power?"):
        listed = library.answer(question)
        assert listed.about == "contents" and listed.quotes and {q.document for q in listed.quotes} == {"mini-report.md"}, question


def test_a_note_or_a_section_only_one_report_has_goes_to_it_and_a_note_of_several_asks_which(tmp_path):
    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    # every report numbers its own notes: which report is meant is asked, unless the question names it
    note = library.answer("what does endnote 5 say?")
    assert note.about == "clarify" and note.message.startswith("Which report do you mean?")
    named = library.answer("in the Tidal Power Outlook, what does endnote 5 say?")
    assert (named.about, named.text) == ("note", "Costs fell by 40% between 2015 and 2024.")
    # "section 1.2" numbers a section of the tidal report alone: asked of it
    scoped = library.answer("what does section 1.2 say about banks?")
    assert scoped.quotes and all(q.section.startswith("1 Why tides matter > 1.2") for q in scoped.quotes)


def test_parts_asked_for_by_kind_in_a_library_come_from_each_report_that_has_them(tmp_path):
    # routed by its passages, such a question went to one report unsaid: the OECD review alone listed its tables,
    # and "what case studies are there?" was told the OECD review has none, when the Blueprint report has 15
    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    chapters = library.answer("what are the chapters?")
    assert chapters.about == "comparison" and {q.document for q in chapters.quotes} == {"mini-report.md", "wind-notes.md"}
    # one report has them: its list alone
    cases = library.answer("which case studies are there?")
    assert cases.about == "contents" and {q.document for q in cases.quotes} == {"mini-report.md"}
    assert [q.unit.split(" – ")[0] for q in cases.quotes] == ["CASE STUDY 1: Harbour Works", "USE CASE 2: SeaFarm"]
    # a chapter both reports number: asked of each within its own chapter 2
    power = library.answer("what does chapter 2 say about power?")
    assert power.about == "comparison" and {q.document for q in power.quotes} == {"mini-report.md", "wind-notes.md"}
    assert all(q.section.startswith("2 ") for q in power.quotes)
    # in a conversation about one report, that report's
    first = library.answer("in the wind notes, what do ports run on?")
    again = library.answer("what are the chapters?", history=[first])
    assert {q.document for q in again.quotes} == {"wind-notes.md"}


def test_an_unsure_answer_in_the_one_report_routed_asks_the_next_report_too(tmp_path, monkeypatch):
    from askwef.answer import route as routing
    from askwef.types import Answer

    library = fixture_engine(tmp_path, {"wind-notes.md": OTHER})
    names, further = routing.routes(library.retriever, "Who finances tidal projects?", models=library.models)
    assert names == ["mini-report.md"] and further == "wind-notes.md"  # the next report among its best passages
    for sure, expected in ((0.3, ["mini-report.md", "wind-notes.md"]), (0.6, ["mini-report.md"])):
        asked = []

        def answered(alone, question, confidence=sure, **_):
            name = alone.store.document_names[0]
            asked.append(name)
            return Answer(question, f"from {name}", confidence={"mini-report.md": confidence, "wind-notes.md": 0.7}[name])

        monkeypatch.setattr(routing, "answer_one", answered)
        monkeypatch.setattr(routing, "routes", lambda *a, **k: (["mini-report.md"], "wind-notes.md"))
        got = routing.answer_question(library.retriever, "How many pens does SeaFarm run on tidal power?", models=library.models)
        assert asked == expected, sure  # unsure (below SECOND_LOOK): the next report is asked, and its surer answer kept
        assert got.text == ("from wind-notes.md" if sure < 0.4 else "from mini-report.md"), sure
    # an answer about a part of the report as such ("what's in the foreword?") keeps its report: its confidence is not
    # the model's (the quote is what that part says of itself)
    asked.clear()
    part = Answer("q", "from mini-report.md", confidence=0.2, about="part")
    monkeypatch.setattr(routing, "answer_one", lambda alone, question, **_: asked.append(alone.store.document_names[0]) or part)
    assert routing.answer_question(library.retriever, "what's in the foreword?", models=library.models) is part
    assert asked == ["mini-report.md"]

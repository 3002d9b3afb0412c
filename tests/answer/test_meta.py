"""answer/meta.py: turns about the last answer ("source?", "which page is that on?", "tell me more")."""

import pytest

COSTS = "How much did costs fall between 2015 and 2024?"


@pytest.mark.parametrize("turn,kind", [
    ("source?", "sources"), ("Sources", "sources"), ("what's the source for that?", "sources"), ("whats the source", "sources"),
    ("what are the references?", "sources"), ("any source for that?", "sources"), ("where is that from?", "sources"),
    ("where does that come from?", "sources"), ("who says so?", "sources"), ("ok, citation please", "sources"),
    ("is there a source for this?", "sources"), ("where did you get that?", "sources"), ("link?", "sources"),
    ("can you give me the references", "sources"), ("cite that", "sources"), ("source pls", "sources"),
    # stop 43's blind trial: read as questions about the report
    ("which endnote is that?", "sources"), ("where's that data from", "sources"), ("where are those numbers from?", "sources"),
    ("what note is it from?", "sources"), ("which notes were issued in 2023?", None),
    ("anything else?", "more"), ("what else does it say?", "more"),
    ("which page is that on?", "place"), ("what page?", "place"), ("page?", "place"), ("what section is it in?", "place"),
    ("where does it say that?", "place"), ("where in the report is that?", "place"), ("on which page?", "place"),
    ("tell me more", "more"), ("go on", "more"), ("more please", "more"), ("and then?", None), ("tell me more about that", "more"),
    ("can you elaborate on that?", "more"), ("what else?", "more"),
    # questions about the report, not the last answer
    ("what kind of sources does the report rely on?", None), ("open source models China", None),
    ("tell me more about the second one", None), ("what else does SeaFarm do?", None), ("which page covers costs?", None),
    ("what chapters does it have?", None), ("where is SeaFarm?", None), ("more tidal power in 2030?", None),
])
def test_a_turn_about_the_last_answer_is_told_from_a_question_about_the_report(turn, kind):
    from askwef.answer.meta import meta_kind

    assert meta_kind(turn) == kind


def test_source_gives_the_last_answer_s_sentences_with_the_endnotes_they_cite(mini_engine):
    first = mini_engine.answer(COSTS)
    assert not first.abstained and "40%" in first.text
    for history in ([first], [{"question": COSTS, "answer": first.text}]):  # the chat's Answers, the API's text
        source = mini_engine.answer("what's the source for that?", history=history)
        assert source.about == "sources" and not source.abstained
        assert source.quotes == first.quotes and [e.number for e in source.endnotes] == [5]
        assert source.context == "These sentences cite endnote 5." and "Example" not in source.text
        assert "endnotes they cite" in source.confidence_line()


def test_source_of_sentences_citing_nothing_is_that_cited_next_in_their_case_study(mini_engine):
    # "source?" after a case study's opening sentences, which cite nothing, said "The report cites no source" though
    # the case cites its source further on (stop 43's blind trial: ICBC's fraud platform, endnote 59)
    opening = {"question": "what did Harbour Works build?", "answer": "Harbour Works built a 240-megawatt barrage in Port Example in 2019."}
    source = mini_engine.answer("source?", history=[opening])
    assert [e.number for e in source.endnotes] == [6] and len(source.quotes) == 2
    assert source.quotes[1].text.startswith("This translated into savings")
    assert source.context == ("The sentences quoted cite no source; the nearest sentence of their case study that does is quoted with "
                              "them: it cites endnote 6.")


def test_which_page_gives_where_the_last_answer_stands(mini_engine):
    first = mini_engine.answer(COSTS)
    place = mini_engine.answer("which page is that on?", history=[first])
    assert place.about == "place" and place.quotes == first.quotes
    assert place.context == "Where they stand: p. 5, 1 Why tides matter › 1.2 Costs and financing."


def test_tell_me_more_goes_on_from_the_last_answer_until_its_section_ends(mini_engine):
    first = mini_engine.answer(COSTS)
    more = mini_engine.answer("tell me more", history=[first])
    assert more.about == "more" and more.text == "Public banks finance most projects & guarantee the loans."
    assert more.quotes[0].section == first.quotes[0].section
    end = mini_engine.answer("go on", history=[first, more])  # the case study after it is another unit
    assert end.abstained and "no more there" in end.message


def test_with_nothing_quoted_before_there_is_nothing_to_point_at(mini_engine):
    refused = mini_engine.answer("What is the capital of France?")
    assert refused.abstained
    after = mini_engine.answer("source?", history=[refused])
    assert after.abstained and after.about == "sources" and "no quote in the last answer" in after.message
    alone = mini_engine.answer("source?")  # no conversation: read as any question
    assert alone.about != "sources"


def test_after_a_refusal_the_source_is_that_of_the_latest_answer_that_quoted(mini_engine):
    first = mini_engine.answer(COSTS)
    refused = mini_engine.answer("What is the capital of France?", history=[first])
    assert refused.abstained
    for history in ([first, refused], [{"question": COSTS, "answer": first.text}, {"question": "capital?", "answer": ""}]):
        source = mini_engine.answer("source?", history=history)
        assert source.about == "sources" and not source.abstained and source.quotes == first.quotes
        assert [e.number for e in source.endnotes] == [5]
        assert source.context.startswith("The last answer quoted nothing; these are the sentences of the answer to “")
        assert source.context.endswith("These sentences cite endnote 5.")
    place = mini_engine.answer("which page?", history=[first, refused])
    assert place.about == "place" and place.quotes == first.quotes and "quoted nothing" in place.context
    more = mini_engine.answer("tell me more", history=[first, refused])  # goes on from nothing: the refusal said nothing
    assert more.abstained


def test_the_chat_shows_the_sources_reply_with_its_references(mini_engine):
    from askwef.serve.render import plain_answer, render_answer

    source = mini_engine.answer("source?", history=[mini_engine.answer(COSTS)])
    html = render_answer(source, 2)
    assert "These sentences cite endnote 5." in html and 'class="askwef-refs"' in html and "40%" in html
    assert "These sentences cite endnote 5." in plain_answer(source)


class _Sentences:
    """A stand-in for the index's sentence table: (section, unit, kind, text) rows of one document."""

    def __init__(self, rows):
        self.rows = rows

    def __len__(self):
        return len(self.rows)

    def field(self, name, i):
        section, unit, kind, text = self.rows[i]
        return {"document": "r", "section": section, "unit": unit, "kind": kind, "text": text}[name]


def test_tell_me_more_gives_first_what_the_answer_skipped_inside_its_case_study():
    from askwef.answer.meta import following

    case = [("3 Industry", "USE CASE 1: Haier", "prose", t) for t in ("Opens.", "Skipped one.", "Skipped two.", "Closes.")]
    sentences = _Sentences([("3 Industry", "", "prose", "Before it."), *case, ("3 Industry", "USE CASE 2: GAC", "prose", "Next.")])
    assert following(sentences, [1, 4]) == [2, 3]  # the case study's first and last sentences were quoted
    assert following(sentences, [1, 2]) == [3, 4]  # quoted from its start: what follows
    assert following(sentences, [4]) == []  # its last sentence: the next case study is another unit

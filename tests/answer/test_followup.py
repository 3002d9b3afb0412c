"""Follow-ups read against the conversation (answer/followup.py: the rules alone, no index), and how selection moves past the last answer."""

import importlib

import pytest

from askwef.answer.followup import name_like, names_in, resolve
from askwef.answer.query import content_stems
from askwef.types import Answer

TITLES = sorted(
    ["automotive and autonomous transport", "public services", "healthcare", "finance", "retail", "executive summary",
     "infrastructure and computing power"],
    key=len, reverse=True,
)


def _conversation(*questions, entity_of=None, near=None, cases=None):
    """Each turn resolved against the earlier ones (raw questions as history, as the chat sends them)."""
    out, history = [], []
    for q in questions:
        out.append(resolve(q, history, titles=TITLES, entity_of=entity_of, near=near, cases=cases))
        history.append({"question": q, "answer": "..."})
    return out


def test_a_long_conversation_never_nests_the_earlier_questions():
    turns = _conversation(
        "Can you give me the key takeaways from the exec summary?", "why does it say china's approach is different",
        "which industries does it focus on?", "why those seven",
    )
    last = turns[-1].question
    assert last.startswith("why those seven? (which industries does it focus on")
    assert last.count("(") == 1 and "approach is different" not in last
    # the conversation's last question that stood alone stays beside a turn with nothing to substitute
    assert "key takeaways" in last


def test_a_new_year_takes_the_old_ones_place_whole():
    turns = _conversation("how much of companies' revenue is influenced by AI now?", "and back in 2018?")
    assert turns[1].question.endswith("in 2018?")
    turns = _conversation("what was revenue in 2022?", "what about by 2025?")
    assert turns[1].question == "what was revenue in 2025?"


def test_a_pronoun_never_becomes_a_year_a_number_or_a_lone_capitalised_word():
    history = [Answer("how does china regulate generative ai", "Chinese rules of 2019 ...", span="2019")]
    r = resolve("is it strict or more pro-innovation?", history, titles=TITLES)
    assert r.question == "is it strict or more pro-innovation? (how does china regulate generative ai)"
    assert not name_like("2019") and not name_like("Chinese") and not name_like("AI")
    assert name_like("GAC Honda") and name_like("ICBC") and name_like("COSMOPlat")


def test_a_pronoun_becomes_the_case_study_or_a_name_in_the_question():
    turns = _conversation("how is GAC honda using AI for quality checks", "how accurate is it", "what did they use before",
                          entity_of=lambda turn: "GAC Honda")
    assert turns[1].asked == "how accurate is GAC Honda"
    assert turns[2].asked == "what did GAC Honda use before"
    assert "quality checks" in turns[2].question  # the last question that stood alone stays beside it
    # the name the asker gave wins over a case study the last answer quoted that shares no word with it
    turns = _conversation("what does Agent Hospital do?", "how accurate is it", entity_of=lambda turn: "Alipay AI Healthcare Manager")
    assert turns[1].asked == "how accurate is Agent Hospital"
    turns = _conversation("What did State Grid build?", "how accurate is it", entity_of=lambda turn: "State Grid Corporation of China")
    assert turns[1].asked == "how accurate is State Grid Corporation of China"
    turns = _conversation("What is ICBC's anti-fraud platform?", "how big is it", entity_of=lambda turn: "Industrial and Commercial Bank of China")
    # what the asker said of the name after its "'s" is what "it" is, and stays what it is the turn after
    assert turns[1].asked == "how big is ICBC's anti-fraud platform"
    turns = _conversation("Tell me about China Mobile's computing power network", "how big is it", "how fast did it grow")
    assert turns[1].asked == "how big is China Mobile's computing power network"
    assert turns[2].asked == "how fast did China Mobile's computing power network grow"
    assert names_in("What's ANTA doing with generative AI?") == ["ANTA"]


def test_a_pronoun_is_the_whole_name_once_and_never_a_tables_title():
    from askwef.answer.followup import unit_name

    # the asker's short name is the first word of the case study's: the case study's name is what "it" stands for
    turns = _conversation("what is GE doing with AI in CT", "how does it work", entity_of=lambda turn: "GE Healthcare China")
    assert turns[1].asked == "how does GE Healthcare China work"
    turns = _conversation("how is GAC Honda using AI for quality checks", "how much did it cost them", entity_of=lambda turn: "GAC Honda")
    assert turns[1].asked == "how much did GAC Honda cost them"  # the first pronoun only
    assert unit_name("USE CASE 2: GAC Honda – enhancing quality inspection") == "GAC Honda"
    assert unit_name("TABLE 4: Selected scenarios and solutions in healthcare") == ""  # a table is no thing "it" stands for


def test_a_word_of_a_name_is_not_a_topic_to_swap():
    turns = _conversation("how much fraud did Industrial and Commercial Bank of China stop?", "what about other banks?", near=_near)
    assert "Industrial and Commercial Bank of China" in turns[1].question


def test_a_word_that_begins_like_a_topic_swaps_the_topic():
    turns = _conversation("biggest AI use case in chinese healthcare?", "what about finance", "and autos")
    assert turns[1].question == "biggest AI use case in chinese finance?"
    assert turns[2].question == "biggest AI use case in chinese automotive and autonomous transport?"


MEANS = {"industrial": ("infrastructure and computing power", 0.6), "other banks": ("finance", 0.64), "driving": ("automotive and autonomous transport", 0.55), "companies": ("finance", 0.55), "banks": ("finance", 0.64), "hospitals": ("healthcare", 0.70), "government": ("public services", 0.58),
         "policing": ("public services", 0.56), "robots": ("healthcare", 0.40)}


def _near(phrases):
    """A stand-in for the retriever's model: the title each phrase means, and how close (cosines as all-MiniLM-L6-v2 gives)."""
    return [MEANS.get(p.lower(), ("retail", 0.1)) for p in phrases]


def test_a_word_that_means_a_topic_swaps_for_a_word_meaning_another():
    turns = _conversation("How is AI used in chinese hospitals?", "and in banks?", "what about for the government?", near=_near)
    assert turns[1].question == "How is AI used in chinese finance?"
    assert turns[2].question == "How is AI used in chinese public services?"
    # without the model, or with words too far from any title, nothing is swapped
    # but the short ellipsis still takes the place of what followed its preposition in the last question
    assert _conversation("How is AI used in chinese hospitals?", "and in banks?")[1].question == "How is AI used in banks?"
    assert _conversation("How is AI used in chinese hospitals?", "and robots?", near=_near)[1].question.startswith("robots?")
    # a word meaning the same topic as the ellipsis is not its old topic: the ellipsis narrows it
    assert not _conversation("How is AI used in chinese government?", "and policing?", near=_near)[1].question.startswith("How")


def test_a_new_topic_after_a_turn_naming_none_swaps_into_the_conversations_opening_question():
    turns = _conversation("what does the report say about autonomous driving", "where does it operate", "what about in healthcare?",
                          "and finance?", near=_near)
    assert turns[2].question == "what does the report say about healthcare?"
    assert turns[3].question == "what does the report say about finance?"
    # the opening question names a title: that title is swapped
    turns = _conversation("how is AI used in retail?", "which companies?", "and in healthcare?", near=_near)
    assert turns[2].question == "how is AI used in healthcare?"
    # before a word of the last question the model puts near some title ("companies": finance)
    turns = _conversation("how is AI used in retail?", "which companies are doing that?", "and in healthcare?", near=_near)
    assert turns[2].question == "how is AI used in healthcare?"
    # with no topic in either, the topic is added to the last question
    turns = _conversation("what does the report say about robots", "where are they made", "and in healthcare?")
    assert turns[2].question == "where are robots made in healthcare?"


def test_an_ellipsis_naming_no_topic_replaces_only_a_whole_title():
    turns = _conversation("how is AI used in chinese government services", "and in policing or public safety?")
    # "services" is only a word of the title "public services": it is not swapped for "public"
    assert "government public" not in turns[1].question and "policing or public safety" in turns[1].question
    assert turns[1].question == "in policing or public safety?"  # three words of its own: read on them
    turns = _conversation("whats the biggest AI trend in chinese retail right now", "and in policing or public safety?")
    assert turns[1].question == "whats the biggest AI trend in chinese policing or public safety right now?"


def test_an_answer_in_the_history_counts_with_the_question_as_asked():
    first = Answer("What is Haier's COSMOPlat?", "COSMOPlat is ...", resolved_question="What is Haier's COSMOPlat?")
    second = Answer("how many companies are on it", "...", resolved_question="how many companies are on Haier's COSMOPlat? (What is Haier's COSMOPlat)")
    r = resolve("what results did they get?", [first, second], titles=TITLES)
    assert r.asked == "what results did Haier's COSMOPlat get"
    assert r.question.count("(") == 1


def test_a_question_that_stands_alone_passes_unchanged():
    r = resolve("How many green data centres has China built?", [("What is COSMOPlat?", "...")], titles=TITLES)
    assert r.question == r.asked == "How many green data centres has China built?" and r.previous is None


def test_a_turn_that_says_enough_on_its_own_is_read_on_its_own_words():
    first = "why is data still a bottleneck for ai in china"
    assert resolve("does privacy law make it harder?", [(first, "...")], titles=TITLES).question == "does privacy law make it harder?"
    thin = resolve("when did that come into force?", [("how does china regulate generative ai", "...")], titles=TITLES)
    assert thin.question == "when did that come into force? (how does china regulate generative ai)"
    assert content_stems("when did that come into force", function_words=False) == {"come", "forc"}
    # a demonstrative standing for the last answer keeps it beside, however many words the turn has
    share = resolve("what share of the global total is that?", [("How big is China's digital finance market?", "...")], titles=TITLES)
    assert share.question == "what share of the global total is that? (How big is China's digital finance market)"
    jump = resolve("what drives that jump in the global total share?", [("How big is China's digital finance market?", "...")], titles=TITLES)
    assert jump.question == "what drives that jump in the global total share?"


def test_it_stands_for_a_term_the_last_question_quoted():
    r = resolve("how is it diffrent from internet plus", [("What does 'data multiplier' mean in the policy context?", "...")], titles=TITLES)
    assert r.asked == "how is data multiplier diffrent from internet plus"


def test_a_person_is_the_last_short_answer_when_it_is_a_name():
    history = [Answer("who wrote this white paper?", "Na Na, Head of ...", span="Na Na")]
    assert resolve("what is her role?", history, titles=TITLES).asked == "what is Na Na's role"
    assert resolve("who hired her", history, titles=TITLES).asked == "who hired Na Na"
    # "it" is never the short answer, even when that is a name
    assert "Na Na" not in resolve("when was it published?", history, titles=TITLES).question


def test_there_points_back_and_a_capitalised_ellipsis_swaps_the_name():
    assert resolve("how much did traffic improve there", [("Which city first used City Brain?", "...")], titles=TITLES).question == (
        "how much did traffic improve there? (Which city first used City Brain)"
    )
    assert resolve("and ICBC?", [("how accurate is State Grid's forecasting?", "...")], titles=TITLES).question == "how accurate is ICBC's forecasting?"
    assert resolve("what about Alipay", [("How is State Grid using AI?", "...")], titles=TITLES).question == "How is Alipay using AI?"


def test_a_follow_up_moves_past_what_the_last_answer_quoted(mini_engine, monkeypatch):
    select_module = importlib.import_module("askwef.answer.select")  # askwef.answer.select is also the function's name
    first = mini_engine.answer("How many pens does SeaFarm run?")
    retriever = mini_engine.retriever

    def probabilities(penalty):
        monkeypatch.setattr(select_module, "FOLLOWUP_QUOTED_BEFORE", penalty)
        sel = select_module.select(retriever, "and what else?", history=[first])
        quoted = [k for k, i in enumerate(sel.prepared.candidates.indexes) if retriever.store.sentences[i].text in first.text]
        return sel.probabilities, quoted

    before, quoted = probabilities(0.0)
    after, _ = probabilities(3.0)
    others = [k for k in range(len(before)) if k not in quoted]
    assert quoted and others
    assert all(after[k] < before[k] for k in quoted) and all(after[k] == before[k] for k in others)


def test_only_the_last_turns_are_read_back():
    history = [("What AI is used in retail?", "...")] + [("and in healthcare?", "...")] * 60 + [("how is State Grid using AI", "...")]
    calls = []
    r = resolve("how accurate is it", history, titles=TITLES, entity_of=lambda turn: calls.append(turn) or "")
    assert r.question == "how accurate is State Grid? (how is State Grid using AI)" and len(calls) == 1


def test_a_new_word_is_held_by_a_longer_word_its_stem_begins(mini_engine):
    """"coast" (the stemmer's "coast") counts as held by "coastline" ("coastlin"); a short stem only by itself."""
    from askwef.answer.select import select, stage_for

    features = stage_for(mini_engine.retriever).features
    assert {"coast", "coastlin"} <= features.kin["coast"] and features.kin["tide"] == {"tide"}
    first = mini_engine.answer("How many pens does SeaFarm run?")
    sel = select(mini_engine.retriever, "and how often do tides reach the coast?", history=[first])
    cands, sentences = sel.prepared.candidates, mini_engine.retriever.store.sentences
    row = next(k for k, i in enumerate(cands.indexes) if "every coastline" in sentences[i].text)
    new = {"often", "tide", "reach", "coast"}  # the follow-up's new stems
    assert cands.new_words[row] == pytest.approx(features.weight({"tide", "coast"}) / features.weight(new), rel=1e-4)


def test_they_and_their_stand_for_the_plural_noun_the_last_question_named():
    turns = _conversation("How many green data centres has China established?", "what is their power-usage effectiveness?",
                          entity_of=lambda turn: "Dongjiang Lake Big Data Centre")
    assert turns[1].asked == "what is green data centres' power-usage effectiveness"
    turns = _conversation("how many AI doctors does it have", "how many diseases can they handle?")
    assert turns[1].asked == "how many diseases can AI doctors handle"
    # a name the asker gave still wins: companies are "they" too
    turns = _conversation("how is GAC honda using AI for quality checks", "how many cameras did they install")
    assert turns[1].asked == "how many cameras did GAC install"  # not "quality checks"


def test_a_turn_is_ruled_out_by_what_it_pins_not_by_what_it_carries(mini_engine):
    history = [mini_engine.answer("What share of the tidal resource will be used by 2030?")]
    later = mini_engine.answer("and by 2040?", history=history)  # its own year, which the report does not give
    assert later.abstained and "2040" in later.message
    history.append(later)
    other = mini_engine.answer("how many gigawatts?", history=history)  # read with 2040 beside it, but does not ask for it
    assert "2040" in other.resolved_question and not other.abstained and "12 gigawatts" in other.text


def test_an_ordinal_picks_an_item_of_what_the_last_answer_listed():
    from askwef.answer.referents import listed_in

    said = "Five key enablers – infrastructure, data, technology, energy and talent development – are powering the sector."
    assert listed_in(said) == ["infrastructure", "data", "technology", "energy", "talent development"]
    assert listed_in("It opens ports in China, particularly in shipping, fishing, tourism and public services.") == [
        "shipping", "fishing", "tourism", "public services"]
    assert listed_in("Its plan: a roadmap, adaptive rules and local pilots.") == ["a roadmap", "adaptive rules", "local pilots"]
    assert listed_in("It grew fast, and it is big.") == [] and listed_in("Costs fell by 40%.") == []
    history = [{"question": "what are the key enablers?", "answer": said}]
    first = resolve("what has the country done on the first one?", history, titles=TITLES)
    assert first.asked == "what has the country done on infrastructure" and first.entity == "infrastructure"
    # an ordinal again picks from the same list, in the place of the last pick
    history.append({"question": "what has the country done on the first one?", "answer": "It built data centres, ports and grids."})
    last = resolve("and the last one?", history, titles=TITLES)
    assert last.question == "what has the country done on talent development?"
    # an ordinal the list does not reach, or a list-less answer: the turn keeps the question beside it
    none = resolve("what about the ninth one?", history[:1], titles=TITLES)
    assert "the ninth one" in none.question and "(what are the key enablers)" in none.question
    # "the first" that points at nothing stays a question of its own
    assert resolve("when was the first AI plan published?", history[:1], titles=TITLES).question == "when was the first AI plan published?"


def test_an_ordinal_after_a_list_of_parts_names_that_part(mini_engine):
    listed = mini_engine.answer("list the case studies")
    second = mini_engine.answer("tell me more about the second one", history=[listed])
    assert second.resolved_question.startswith("tell me more about SeaFarm – aerating pens with tidal power")
    assert not second.abstained and "SeaFarm" in second.text
    asked = mini_engine.answer("how many pens does it run?", history=[listed, second])
    assert asked.resolved_question.startswith("how many pens does SeaFarm run?")  # "it": the case study by its name
    first = mini_engine.answer("and the first one?", history=[listed, second, asked])  # the same list, the same question
    assert first.resolved_question.startswith("how many pens does Harbour Works – a barrage that pays for itself run?")
    third = mini_engine.answer("and the first one?", history=[listed, second])  # in the last one's place, whole
    assert third.resolved_question.startswith("tell me more about Harbour Works – a barrage that pays for itself?")


def test_through_the_api_an_ordinal_after_a_list_of_parts_points_at_its_sentence():
    listed = "Harbour Works built a 240-megawatt barrage in Port Example in 2019. SeaFarm runs 30 pens on tidal power, fish and kelp."
    history = [{"question": "list the case studies", "answer": listed}]
    second = resolve("tell me more about the second one", history, titles=TITLES)
    assert second.asked == "tell me more about SeaFarm runs 30 pens on tidal power, fish and kelp."  # not "kelp", an item inside it


def test_an_ordinal_after_a_list_given_as_text_names_the_part_as_after_the_answer(mini_engine):
    """Scripts and the CLI pass text: the API's `text` (each part's first sentence) named its part by that sentence,
    which "summarize" read as asking for the report's own summary; the CLI's printed list gave its source lines'
    year to the question ("does not give this for 2024")."""
    from askwef.serve.render import plain_answer

    listed = mini_engine.answer("list the case studies")
    chat = mini_engine.answer("tell me more about the second one", history=[listed])
    for text in (listed.text, plain_answer(listed)):
        history = [{"question": "list the case studies", "answer": text}]
        second = mini_engine.answer("tell me more about the second one", history=history)
        assert second.resolved_question.startswith("tell me more about SeaFarm – aerating pens with tidal power"), text
        assert second.text == chat.text


def test_after_what_the_report_says_of_itself_its_it_is_the_report(mini_engine):
    from askwef.answer.followup import Turn, normalize_history
    from askwef.answer.select import stage_for

    stage = stage_for(mini_engine.retriever)
    unit = "CASE STUDY 1: Harbour Works – a barrage that pays for itself"
    assert stage.entity_of(Turn("what does the barrage save?", "...", unit=unit)) == "Harbour Works"
    assert stage.entity_of(Turn("who wrote this paper?", "...", unit=unit, itself=True)) == ""
    about = mini_engine.answer("who wrote this paper?")
    assert about.about == "document" and normalize_history([about])[0].itself
    later = mini_engine.answer("when was it published?", history=[about])
    assert later.resolved_question.startswith("when was it published?")


def test_a_pronoun_the_last_turn_names_is_that_name_though_the_turn_names_the_report(mini_engine):
    first = mini_engine.answer("How many pens does SeaFarm run?")
    later = mini_engine.answer("what does it do in this report?", history=[first])
    assert later.about != "document" and "SeaFarm" in later.resolved_question
    # with no pronoun, the report's word makes it a question about the report, whatever came before
    assert mini_engine.answer("who wrote this paper?", history=[first]).about == "document"


def test_a_short_ellipsis_takes_the_place_of_what_followed_its_preposition():
    turns = _conversation("What does the report recommend on monitoring PAR?", "and on prioritisation?")
    assert turns[1].question == "What does the report recommend on prioritisation?"
    # a preposition the last question does not use leaves it beside
    assert _conversation("What does the report recommend?", "and on prioritisation?")[1].question.startswith("on prioritisation?")


def test_the_next_use_case_is_the_one_after_the_last_answers():
    first = Answer("what is haier cosmoplat", "COSMOPlat is an industrial internet platform.", about="")
    turn = resolve("and the next use case?", [{"question": first.question, "answer": first.text, "unit": "USE CASE 1: Haier COSMOPlat"}],
                   titles=TITLES)
    assert turn.question == "use case 2?"
    before = resolve("the previous one?", [{"question": "q", "answer": "a", "unit": "Box 4.3. France's barometer"}], titles=TITLES)
    assert before.question == "box 4.2?"


def test_a_name_the_conversation_has_not_said_is_asked_about_alone():
    turns = _conversation("What's Haier's COSMOPlat?", "how many companies are on it?", "and what did GAC Honda do?")
    assert turns[-1].question == "what did GAC Honda do?"  # not beside the turns about COSMOPlat
    # a name said before keeps the conversation beside it; so does a turn naming nothing
    again = _conversation("What's Haier's COSMOPlat?", "and what did COSMOPlat do?")[-1].question
    assert "(" in again and "What's Haier's COSMOPlat" in again
    assert "(" in _conversation("What's Haier's COSMOPlat?", "and what did it do?")[-1].question


CASES = ["USE CASE 1: Haier COSMOPlat – AI-driven innovation hub", "USE CASE 2: GAC Honda – enhancing quality inspection",
         "USE CASE 6: GE Healthcare China – advancing CT imaging", "CASE STUDY 4: Alipay AI Healthcare Manager – a platform",
         "USE CASE 3: Apollo Go – pioneering fully driverless ride-hailing", "TABLE 4: Selected scenarios in healthcare"]


def test_a_case_study_named_in_lower_case_that_the_conversation_has_not_said_is_asked_about_alone():
    from askwef.answer.referents import case_keys

    # by the words of its name a reader types alone (rare in the corpus, not dictionary words unless in capitals),
    # else by the whole name; a table names no case
    keys = case_keys(CASES, frozenset({"honda", "healthcare", "china", "ge", "manager", "apollo", "go"}), {"ai": 302})
    assert keys == {"haier": "Haier COSMOPlat", "cosmoplat": "Haier COSMOPlat", "gac": "GAC Honda", "ge": "GE Healthcare China",
                    "alipay": "Alipay AI Healthcare Manager", "apollo go": "Apollo Go"}
    # stop 43's blind trial: both were read as about the case the conversation was on
    # the questions before stay beside it without the cases they name: "and gac honda?" after "how much did it improve
    # efficiency?" asks GAC Honda's improvement (the second blind trial's turn 46)
    turns = _conversation("haier cosmoplat what does it do", "how much did it improve efficiency?", "and gac honda?", cases=keys)
    assert turns[-1].question.startswith("gac honda? (how much did it improve efficiency")
    assert "cosmoplat" not in turns[-1].question.lower() and turns[-1].previous is None
    # in the last question's case's place when it names one ("what about ANTA?" after JD's host: the sixth trial's 95)
    ge = _conversation("alipay ai healthcare manager what is it", "what about the GE healthcare one", cases=keys)[-1].question
    assert ge == "GE Healthcare China what is it?"
    # a case the conversation has named, a pronoun, a turn naming none: read against the conversation as before
    assert "(" in _conversation("haier cosmoplat what does it do", "and what did cosmoplat achieve?", cases=keys)[-1].question
    assert _conversation("gac honda what does it do", "how accurate is it?", cases=keys)[-1].question != "how accurate is it?"
    assert "(" in _conversation("gac honda what does it do", "why?", cases=keys)[-1].question


def test_a_count_with_no_noun_counts_what_the_conversation_was_about():
    from askwef.answer.followup import is_followup

    assert is_followup("how many are green?") and is_followup("and how many were built?")
    assert not is_followup("how much is spent on AI research in China each year?")  # asks of its own
    # up to ten words, a pronoun points back; longer, the turn names what it asks about
    assert is_followup("how much cheaper is it than a human host?") and is_followup("how many AI graduates does it produce each year?")
    assert not is_followup("how many AI graduates does China produce each year according to it?")
    turns = _conversation("what does the report say about data centres", "how many are green?", "whats their PUE")
    assert turns[1].question.startswith("how many are green? (what does the report say about data centres")
    assert turns[2].question.startswith("whats data centres' PUE?")  # "their": the centres of the question it leaned on



def test_a_follow_up_asking_a_count_or_a_name_its_quote_lacks_is_ruled_out(mini_engine):
    history = [mini_engine.answer("What did Harbour Works build?")]
    assert "240-megawatt barrage" in history[0].text
    workers = mini_engine.answer("how many workers does it employ?", history=history)  # its numbers count megawatts
    assert "Harbour Works" in workers.resolved_question and workers.abstained
    savings = mini_engine.answer("how many tonnes of carbon dioxide does it save?", history=history)
    assert not savings.abstained and "2 million tonnes" in savings.text

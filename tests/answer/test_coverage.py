from askwef.answer import CONFIDENCE_FEATURES, confidence_features, load_models, select
from askwef.answer.coverage import (
    corpus_names,
    counted,
    coverage,
    lower_names,
    names_of,
    unit_missing,
)
from askwef.answer.query import function_stems


def _count(stems) -> float:
    return float(len(stems))


def test_function_words_are_how_a_question_is_put_not_what_it_asks():
    assert {"how", "mani", "doe", "what"} <= function_stems()
    assert not {"robot", "china", "revenu"} & function_stems()


def test_a_quote_that_holds_every_specific_word_covers_the_question():
    seen = "There are 1.7 million industrial robots operating in China's factories."
    c = coverage("How many industrial robots work in China?", frozenset({"industri", "robot", "work", "china"}), seen, seen,
                 frozenset({"industri", "robot", "china"}), _count)
    assert c.uncovered == 0.25 and c.names_absent == 0.0 and c.number_missing == 0.0  # only "work" is missing


def test_the_sentence_before_and_the_titles_count_as_seen():
    quote = "It serves 27 provincial companies."
    seen = f"{quote} The State Grid Corporation of China developed an AI platform. USE CASE 9: State Grid"
    content = frozenset({"state", "grid", "provinci", "compani"})
    assert coverage("how many provincial companies does State Grid serve", content, quote, quote, frozenset(), _count).uncovered == 0.5
    assert coverage("how many provincial companies does State Grid serve", content, seen, quote, frozenset(), _count).uncovered == 0.0


def test_a_rare_word_counts_more_than_a_common_one():
    quote = "The platform serves 27 provincial companies."
    idf = lambda stems: sum({"southern": 5.0}.get(s, 1.0) for s in stems)  # noqa: E731
    near_miss = coverage("how many provincial companies does southern serve", frozenset({"southern", "provinci", "compani", "serv"}),
                         quote, quote, frozenset(), idf)
    vague = coverage("how many provincial companies does it have", frozenset({"provinci", "compani", "have"}), quote, quote, frozenset(), idf)
    assert near_miss.uncovered > 0.5 > vague.uncovered > 0.0


def test_a_name_the_passage_never_gives_and_a_number_the_quote_lacks():
    quote = "Apollo Go provided 899,000 rides in 2024."
    passage = frozenset({"apollo", "go", "provid", "ride", "baidu"})
    c = coverage("How many rides has Pony.ai given?", frozenset({"ride", "poni", "ai", "given"}), quote, quote, passage, _count)
    assert c.names_absent == 1.0
    assert coverage("How many rides has Baidu given?", frozenset({"ride", "baidu"}), quote, quote, passage, _count).names_absent == 0.0
    assert coverage("Did Apollo Go give 899,000 rides in 2024?", frozenset({"ride"}), quote, quote, passage, _count).number_missing == 0.0
    assert coverage("Did Apollo Go give 10,000 rides per day?", frozenset({"ride"}), quote, quote, passage, _count).number_missing == 1.0


def test_a_number_the_quote_spells_out_is_there():
    quote = "Five key enablers – infrastructure, data, technology, energy and talent – are powering China's AI."
    passage = frozenset({"five", "key", "enabler"})
    assert coverage("what are china's 5 key enablers?", frozenset({"5", "key", "enabler"}), quote, quote, passage, _count).number_missing == 0.0
    assert coverage("what are china's 6 key enablers?", frozenset({"6", "key", "enabler"}), quote, quote, passage, _count).number_missing == 1.0
    plan = "The plan details a three-phase strategy."
    assert coverage("china ai roadmap 3 steps", frozenset({"3", "step"}), plan, plan, frozenset({"plan"}), _count).number_missing == 0.0


def test_a_number_labelling_the_part_the_quote_stands_in_is_there():
    quote = "This will be achieved through Innovation Missions."
    seen = quote + " Pillar 2: Ensuring AI benefits all sectors and regions > Missions"  # the quote's section, as read with it
    asked = frozenset({"mission", "pillar", "2"})
    assert coverage("What are the Missions in Pillar 2?", asked, seen, quote, frozenset({"mission"}), _count).number_missing == 0.0
    assert coverage("What are the Missions in Pillar 3?", asked, seen, quote, frozenset({"mission"}), _count).number_missing == 1.0
    # a label the reader does not see with the quote leaves its number to be found
    assert coverage("What are the Missions in Pillar 2?", asked, quote, quote, frozenset({"mission"}), _count).number_missing == 1.0


def test_a_sections_number_given_with_its_title_names_the_section_the_quote_stands_in():
    """Pasted from the Contents: "2.1 Strategic infrastructure investments ..." was refused, its "2.1" read as a figure the
    quote lacks."""
    quote = "AI infrastructure, including computing power and technology platforms, is actively being built."
    headings = ("2 Key enablers in the AI ecosystem", "2.1 Strategic infrastructure investments to support AI scaling")
    asked = frozenset({"strateg", "infrastructur", "invest"})
    given = "2.1 Strategic infrastructure investments to support AI scaling"
    assert coverage(given, asked, quote, quote, frozenset(), _count, headings=headings).number_missing == 0.0
    assert coverage(given, asked, quote, quote, frozenset(), _count).number_missing == 1.0  # not the quote's section
    # another number with the title's words, or the number alone, is a figure the quote must give
    assert coverage("2.4 Strategic infrastructure investments", asked, quote, quote, frozenset(), _count, headings=headings).number_missing == 1.0
    assert coverage("infrastructure investments of 2.1 billion", asked, quote, quote, frozenset(), _count, headings=headings).number_missing == 1.0


def test_names_are_capitalised_words_after_the_first():
    assert names_of("Which fraud did ICBC's Shield platform stop?") == ["icbc", "shield"]
    assert names_of("how many robotaxis run in china") == []


def test_confidence_features_of_a_real_selection(mini_engine):
    sel = select(mini_engine.retriever, "How much tidal resource does the coast of Exampleland hold?", models=load_models())
    f = confidence_features(sel, mini_engine.retriever)
    assert set(f) == set(CONFIDENCE_FEATURES) and 0.0 <= f["uncovered"] <= 1.0 and f["names_absent"] == 0.0
    off = confidence_features(select(mini_engine.retriever, "How much tidal resource does Atlantis hold?", models=load_models()), mini_engine.retriever)
    assert off["names_absent"] == 1.0 and off["uncovered"] > f["uncovered"]


def test_a_count_is_answered_only_by_a_number_of_the_thing_counted():
    quote = "There are 1.7 million industrial robots operating in China's factories."
    content = frozenset({"robot", "china"})
    assert coverage("How many industrial robots are in China?", content, quote, quote, frozenset(), _count).unit_missing == 0.0
    # another metric of the same thing: robots per worker, not a robot count
    assert coverage("How many robots per 10,000 workers does China have?", content, quote, quote, frozenset(), _count).unit_missing == 1.0
    # the counted noun may stand a few words after its number, and number words count
    assert unit_missing("how many cameras did GAC Honda install", "GAC Honda installed seven ball-shaped cameras on its line.") == 0.0
    assert unit_missing("what share of hospitals are confident", "76% of clinicians in China are confident in using AI.") == 1.0
    assert unit_missing("what share of clinicians are confident", "76% of clinicians in China are confident in using AI.") == 0.0
    # a year is not a count, and a question that counts nothing is not checked
    assert unit_missing("how many rides were given", "Apollo Go began in 2021, giving rides.") == 1.0
    assert unit_missing("what did Apollo Go do", "Apollo Go began in 2021.") == 0.0


def test_counted_nouns_end_at_the_first_function_word():
    assert counted("how many provincial companies does it serve") == ["companies"]
    assert counted("How many robots per 10000 workers does Japan have?") == ["workers"]
    assert counted("what does the report say") == []


def test_the_corpus_names_are_the_words_it_writes_capitalised_inside_its_sentences():
    texts = ["Online retailers such as JD and Alibaba use AI.", "Sales on JD grew.", "Machine learning helps retailers.",
             "It is a machine for retailers.", "Rates at Alibaba rose, said Machine Weekly.", "The Data Center at Alibaba.",
             "A new Data Center opened."]
    dictionary = frozenset({"jd", "machine", "center", "data", "sales", "retailers", "online"})
    names = corpus_names(texts, dictionary)
    assert {"jd", "alibaba"} <= names  # in capitals, or no plain word
    assert "machine" not in names  # capitalised once as a title's word, lower case twice
    assert "center" not in names and "center" in corpus_names(texts)  # a plain word capitalised only inside names
    assert "retailers" not in names and "online" not in names  # a sentence's first word says nothing


def test_a_name_typed_in_lower_case_that_the_quote_lacks():
    quote = "The AI Healthcare Manager within Alipay connects users to over 30 health services."
    passage = frozenset({"alipay", "ai", "healthcar", "manag", "health", "servic", "user"})
    names = frozenset({"jd", "alipay", "ai", "japan"})
    content = frozenset({"ai", "agent", "jd", "health", "integr"})
    near_miss = coverage("how many AI agents does jd health integrate", content, quote, quote, passage, _count, corpus=names)
    assert near_miss.corpus_name_absent == 1.0 and near_miss.names_absent == 0.0  # lower case: no capitalised name to see
    own = coverage("how many health services does alipay connect", frozenset({"health", "servic", "alipay"}), quote, quote, passage,
                   _count, corpus=names)
    assert own.corpus_name_absent == 0.0
    assert lower_names("how many robots work in japan", names) == []  # a place is pins.py's to judge
    assert lower_names("How many agents does JD integrate", names) == []  # capitalised: names_absent's



def test_a_name_abbreviated_as_the_report_never_does_is_there_when_its_long_form_is():
    from askwef.answer.lexicon import Lexicon

    quote = "To date, 246 green data centres have been established in the country."
    spelled = Lexicon.from_texts([quote]).spelled_out
    passage = frozenset({"green", "data", "centr", "establish", "countri", "china"})
    asked = "how many green DCs does China have?"
    assert coverage(asked, frozenset({"green", "dcs"}), quote, quote, passage, _count).names_absent == 1.0
    spelt = coverage(asked, frozenset({"green", "dcs"}), quote, quote, passage, _count, spelled=spelled)
    assert (spelt.names_absent, spelt.unit_missing) == (0.0, 0.0)
    # an abbreviation whose long form the report never gives is still absent
    assert coverage("how many SOEs use AI?", frozenset({"soe"}), quote, quote, passage, _count, spelled=spelled).names_absent == 1.0


def test_months_places_and_the_tail_of_a_capitalised_compound_are_no_names():
    # "between April and June" is a date (pins.py), "Chinese" a place (pins.py), "AI-led" the name "AI" and a plain word
    assert names_of("How many trips did Baidu's AI-led service give between April and June?") == ["baidu", "ai"]
    assert names_of("What share of Chinese doctors trust it?") == []
    assert names_of("Is the UK-based Shield platform used?") == ["shield"]


def test_a_count_in_other_words_is_answered_by_the_noun_its_number_counts():
    meaning = {("trips", "rides"): 0.66, ("doctors", "medical"): 0.83, ("doctors", "institutions"): 0.32,
               ("areas", "cities"): 0.59, ("urban areas", "cities"): 0.80}

    def similar(word, words):
        return max(meaning.get((word, w), 0.0) for w in words)

    assert unit_missing("how many trips did it give", "It has provided about 899,000 rides in 2024.", similar) == 0.0
    # the number counts institutions: "medical" only says which, and is no count of doctors
    assert unit_missing("how many doctors does it have", "It served over 1,000 medical institutions.", similar) == 1.0
    # the counted noun with the word before it, when that says it ("urban areas" are cities, "areas" alone are not)
    assert unit_missing("in how many urban areas are robotaxis trialled", "Autonomous taxis are piloted in more than 50 cities.", similar) == 0.0
    assert unit_missing("in how many areas are robotaxis trialled", "Autonomous taxis are piloted in more than 50 cities.", similar) == 1.0
    # without a measure of meaning, only the stems count
    assert unit_missing("how many trips did it give", "It has provided about 899,000 rides in 2024.") == 1.0


def test_an_abbreviation_the_quote_writes_counts_what_its_long_form_asks_for():
    from askwef.answer.lexicon import Lexicon

    quote = "The annual volume of data will grow from 24 ZB in 2022 to 77 ZB in 2027."
    lexicon = Lexicon.from_texts([quote])
    assert lexicon.spelled_out(quote) == quote  # the report writes "ZB": a question's "ZB" stays
    assert "77 zettabytes" in lexicon.spelled_out(quote, every=True)
    asked = "how many zettabytes will be produced in 2027"
    content = frozenset({"zettabyt", "produc"})
    assert coverage(asked, content, quote, quote, frozenset(), _count).unit_missing == 1.0
    assert coverage(asked, content, quote, quote, frozenset(), _count, spelled=lexicon.spelled_out).unit_missing == 0.0


def test_a_count_is_never_answered_by_sentences_without_a_number(mini_engine):
    # the ports sentence says why ports buy tidal power, and gives no count of them
    a = mini_engine.answer("how many ports buy tidal electricity because they sit next to the turbines?")
    assert a.abstained
    counted_ = mini_engine.answer("how many pens does SeaFarm run on tidal power?")  # "30 pens"
    assert not counted_.abstained and "30 pens" in counted_.text


def test_an_abbreviation_the_report_writes_is_there_when_the_passage_spells_it_out():
    from askwef.answer.lexicon import Lexicon

    spelled = Lexicon.from_texts(["Many NGOs took part.", "Close to 30 non-governmental organisations were consulted."]).spelled_out
    quote = "Close to 30 non-governmental organisations were consulted."
    passage = frozenset({"close", "30", "non", "government", "organis", "consult"})
    asked = "how many NGOs were consulted?"
    assert coverage(asked, frozenset({"ngos", "consult"}), quote, quote, passage, _count).names_absent == 1.0
    assert coverage(asked, frozenset({"ngos", "consult"}), quote, quote, passage, _count, spelled=spelled).names_absent == 0.0


def test_a_name_typed_as_initials_is_there_when_the_quote_spells_them_out():
    quote = "Chuangzhi Factory was recognized as the first lighthouse in China's printed circuit board assembly industry."
    passage = frozenset({"chuangzhi", "factori", "lighthous"})
    asked = "which haier site was the first PCB lighthouse"
    assert coverage(asked, frozenset({"pcb", "lighthous"}), quote, quote, passage, _count).names_absent == 0.0
    other = "Chuangzhi Factory was recognized as the first lighthouse in China's electronics industry."
    assert coverage(asked, frozenset({"pcb", "lighthous"}), other, other, passage, _count).names_absent == 1.0
    # function words aside: "MIT" is "Massachusetts Institute of Technology"
    mit = "12 firms made the Massachusetts Institute of Technology ranking."
    assert coverage("how many firms are on MIT's ranking", frozenset({"firm", "rank"}), mit, mit, frozenset(), _count).names_absent == 0.0


def test_a_number_is_in_the_quote_as_a_whole_token_and_a_quarter_is_no_number():
    quote = "Since March 2024, the model beat BERT by 15%."
    asked = "how much better is the model than GPT-4"
    assert coverage(asked, frozenset({"model", "gpt"}), quote, quote, frozenset(), _count).number_missing == 1.0  # not "2024"'s 4
    assert coverage("did it beat BERT by 15%", frozenset({"bert"}), quote, quote, frozenset(), _count).number_missing == 0.0
    rides = "Apollo Go provided 899,000 rides in the second quarter of 2024."
    assert coverage("rides in Q2 2024", frozenset({"ride"}), rides, rides, frozenset(), _count).number_missing == 0.0

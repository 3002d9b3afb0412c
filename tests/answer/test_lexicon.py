from askwef.answer.lexicon import Lexicon, initialisms, listed_definition, schwartz_hearst

TEXT = (
    "The Industrial and Commercial Bank of China (ICBC) runs an anti-fraud platform. "
    "Data grows at a compound annual growth rate (CAGR) of 27%. Large language models (LLMs) spread. "
    "Its computing power reached 230 exaflops (EFLOPS). The State Grid Corporation of China forecasts load. "
    "Hospitals use AI (for example, in Shanghai)."
)


def test_definitions_are_read_from_the_text():
    pairs = dict(schwartz_hearst(TEXT))
    assert pairs["ICBC"] == "Industrial and Commercial Bank of China"
    assert pairs["CAGR"] == "compound annual growth rate"
    assert pairs["LLM"] == "Large language models" and pairs["EFLOPS"] == "exaflops"
    assert "for example, in Shanghai" not in pairs.values()  # a parenthesis that defines nothing


def test_names_are_abbreviated_by_their_initials():
    assert ("sgcc", "state grid corporation of china") in initialisms(TEXT)
    assert initialisms("Apollo Go runs taxis.") == []  # two words: too short to abbreviate
    assert initialisms("Na Na\nMaria Basso\nJill Hoang") == []  # names on separate lines are not one name


def test_abbreviations_read_both_ways():
    lex = Lexicon.from_texts([TEXT])
    assert lex.expansions("which bank is ICBC") == ("industrial and commercial bank of china",)
    assert lex.expansions("sgcc load forecasting") == ("state grid corporation of china",)
    assert "cagr" in lex.expansions("what is the compound annual growth rate of data")
    assert "large language model" in lex.expansions("how many LLMs")  # plural, and the field's list


def test_typos_are_mended_towards_the_corpus_words():
    lex = Lexicon.from_texts([TEXT], dictionary=frozenset({"compute", "platform"}))
    assert lex.normalize("hospitls using ai").text == "hospitals using ai"  # a letter missing
    assert lex.normalize("computnig power").text == "computing power"  # two letters swapped
    assert lex.normalize("antifraud").text == "anti fraud"  # two corpus words run together
    named = Lexicon.from_texts([TEXT + " Models learn deep patterns. Firms seek growth."])
    assert named.normalize("what is deepseek").text == "what is deepseek"  # "deep" and "seek" are never side by side: a name
    assert lex.normalize("how much compute").text == "how much compute"  # a real word the corpus lacks stays
    assert lex.normalize("BYD cars").text == "BYD cars"  # short unknown words are names, not typos
    assert lex.normalize("hospitls").corrections == (("hospitls", "hospitals"),)


def test_an_abbreviation_the_corpus_never_writes_is_spelled_out():
    lex = Lexicon.from_texts([TEXT + " Green data centres use hydropower."])
    assert lex.spelled_out("how many green DCs are there?") == "how many green data centres are there?"
    assert lex.spelled_out("what do LLMs cost at ICBC?") == "what do LLMs cost at ICBC?"  # the corpus writes these


def test_an_abbreviation_and_its_long_form_are_one_thing_asked_about():
    from askwef.answer.query import TypeModel, analyse

    lex = Lexicon.from_texts([TEXT])
    query = analyse("how big is the icbc fraud platform", lex, TypeModel())
    idf = {"icbc": 3.0, "industri": 1.0, "commerci": 2.0, "bank": 1.0, "china": 0.5, "fraud": 2.0, "platform": 1.0, "big": 1.0}
    weight = lambda stems: sum(idf.get(t, 1.0) for t in stems)  # noqa: E731
    held = query.share(weight)
    short = held(frozenset({"icbc", "fraud", "platform"}))
    spelled = held(frozenset({"industri", "commerci", "bank", "china", "fraud", "platform"}))
    assert short == spelled == (3.0 + 2.0 + 1.0) / (3.0 + 2.0 + 1.0 + 1.0 + 1.0)  # neither holds "how" nor "big"
    # the five words of the long form were five things once: the sentence spelling it out outweighed the one writing "ICBC"
    assert held(frozenset({"bank", "fraud"})) < short
    # a long form the question spells out: each of its words is held by itself or by the abbreviation
    long = analyse("what does the state grid corporation of china forecast", lex, TypeModel())
    held_long = long.share(weight)
    assert held_long(frozenset({"sgcc", "forecast"})) == held_long(frozenset({"state", "grid", "corpor", "china", "forecast"}))


def test_an_acronyms_list_defines_its_entries():
    """The OECD review's list of abbreviations: "CGEPL Council on Gender Equality in Public Life" is its only
    definition of CGEPL, whose long form no name run holds whole ("on", "in" between its capitals)."""
    lex = Lexicon.from_texts(["CGEPL Council on Gender Equality in Public Life", "CoM Council of Ministers",
                              "Diwan The Official Gazette Bureau", "ICBC developed an anti-fraud platform for clients"])
    assert lex.abbreviations["cgepl"] == ("council on gender equality in public life",)
    assert lex.abbreviations["com"] == ("council of ministers",)
    assert "diwan" not in lex.abbreviations and "icbc" not in lex.abbreviations  # one capital; a sentence, not an entry
    assert listed_definition("PAR Public Administration Reform.") is None  # a full stop: a sentence
    assert listed_definition("NCSSIA National Cross-Sectoral Strategy for Integrity and Anti-") is None  # wrapped
    both = Lexicon.from_texts(["PAR Public Administration Reviews", "The public administration reform (PAR) goes on."])
    assert both.abbreviations["par"][0] == "public administration reform"  # a definition in the text comes first

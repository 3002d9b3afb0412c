from types import SimpleNamespace

from askwef.answer.pins import edition_free, gazetteer, home_places, missing, pinned_quarters, quoted_terms


def test_places_are_read_as_names_short_forms_and_adjectives():
    g = gazetteer()
    assert g.mentions("How many universities in South Korea offer AI majors?") == {"south korea"}
    assert g.mentions("robots in Japanese and German factories") == {"japan", "germany"}
    assert g.mentions("Korean and Indian universities") == {"south korea", "india"}
    assert g.mentions("What is the US doing?") == {"united states"}
    assert g.mentions("what PUE do the PRC's green data centres reach?") == {"china"}
    assert missing("how many firms does the PRC have?", "China has 4,300 AI companies.", {"china"}) == ()


def test_words_that_only_look_like_places_are_not_places():
    g = gazetteer()
    assert g.mentions("Tell us about franchise stores") == set()  # 'us' in lower case, 'franchise' is not French
    assert g.mentions("How is AI used in retail livestreaming?") == set()


def test_quarters_are_one_whether_written_q3_or_third_quarter():
    assert pinned_quarters("Apollo Go rides in Q3 2024") == {"third quarter"}
    assert pinned_quarters("in the third quarter") == {"third quarter"}


def test_missing_names_what_the_question_pins_and_the_text_lacks():
    around = "Apollo Go provided 899,000 rides in the second quarter of 2024 in China."
    assert missing("How many rides in Q3 2024?", around) == ("third quarter",)
    assert missing("How many rides in 2023?", around) == ("2023",)
    assert missing("How many rides in Japan?", around, {"china"}) == ("Japan",)
    assert missing("How many rides in the second quarter of 2024 in China?", around, {"china"}) == ()
    # the report's home place is pinned by no question about it, even where a passage does not repeat it
    assert missing("How many Chinese cities run robotaxis?", "Robotaxis run in 11 cities.", {"china"}) == ()


def test_a_reports_home_is_the_place_it_names_most():
    sentences = [SimpleNamespace(document="a.md", text=t) for t in ("China leads.", "China builds.", "Japan watches.")]
    sentences.append(SimpleNamespace(document="b.md", text="Nothing about places."))
    assert home_places(sentences) == {"a.md": {"china"}, "b.md": set()}
    # a report citing several countries' practice, none of them most of its mentions, is about none of them
    cited = [SimpleNamespace(document="c.md", text=t) for t in ("Canada pays.", "Canada trains.", "Sweden plans.", "Portugal hires.", "Morocco reviews.")]
    assert home_places(cited) == {"c.md": set()}


def test_a_copyright_notice_does_not_give_the_year_a_question_pins():
    from askwef.answer.pins import missing_years

    assert missing_years("what is the target for 2025?", "© 2025 World Economic Forum. All rights reserved.") == ["2025"]
    assert missing_years("what is the target for 2025?", "Copyright 2025 OECD. The target for 2025 is 50%.") == []
    assert missing_years("what is the target for 2025?", "The plan sets a target for 2025.") == []


def test_us_typed_in_lower_case_before_a_noun_is_the_country():
    from askwef.answer.pins import gazetteer, missing

    assert missing("what share of us firms use AI?", "Over half of Chinese firms use AI.") == ("United States",)
    assert missing("give us examples of firms using AI", "Over half of Chinese firms use AI.") == ()  # the pronoun
    assert missing("can you tell us about robotaxis", "Robotaxis run in 50 cities.") == ()
    assert "united states" in gazetteer().mentions("how many us cities have robotaxis")


def test_quoted_terms_are_phrases_in_quotation_marks_not_apostrophes():
    assert quoted_terms("what is China's 'AI plus' initiative?") == ("AI plus",)
    assert quoted_terms("what does “data multiplier” mean, and 'internet plus'?") == ("data multiplier", "internet plus")
    assert quoted_terms('is the "East Data, West Computing" plan funded') == ("East Data, West Computing",)
    assert quoted_terms("what's the country's plan? the firms' 'dual carbon' goals") == ("dual carbon",)
    assert quoted_terms("what's the country's plan for 2030") == ()


def test_a_city_is_a_place_and_a_home_capital_stands_for_its_country():
    g = gazetteer()
    assert g.mentions("number of ai firms in shenzhen") == {"shenzhen"}
    assert g.mentions("pest control robots") == set()  # Pest (Budapest) is a word first
    assert missing("number of ai firms in shenzhen", "China has 4,300 AI firms.", {"china"}) == ("Shenzhen",)
    # "Beijing" as the question's subject is China's government; "in Beijing" is the city
    assert missing("how is beijing regulating generative AI?", "China regulates generative AI.", {"china"}) == ()
    assert missing("how many AI firms are in Beijing?", "China has 4,300 AI firms.", {"china"}) == ("Beijing",)


def test_a_year_naming_a_reports_edition_pins_nothing():
    """"the 2019 handbook" names the report, not a year the quote must give (the hunt of stop 46 had it refused); a year
    beside no word naming a report, or of no report in the library, still pins."""
    editions = {2019: "The Handbook to The NHS Constitution", 2025: "Blueprint to Action"}
    around = "The longest wait in A&E is four hours."
    for question in ("What does the 2019 handbook say is the longest wait in A&E?", "the longest A&E wait in the handbook (2019)",
                     "longest A&E wait, 2019 NHS constitution handbook", "in the 2025 report, what is the longest A&E wait?"):
        assert missing(edition_free(question, editions), around) == (), question
    for question in ("What was the longest wait in A&E in 2019?", "what does the report say about 2019 waits?",
                     "What does the 2018 handbook say about A&E waits?"):
        assert missing(edition_free(question, editions), around) != (), question

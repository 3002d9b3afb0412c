"""Where a question names its topic (answer/topics.py): section titles, words beginning one, words the model puts near one."""

from types import SimpleNamespace

from askwef.answer.topics import old_topic, phrase_at, title_like, topic_titles

TITLES = ["automotive and autonomous transport", "public services", "healthcare", "finance", "retail"]


def _at(text, span):
    return text[slice(*span)] if span else None


def test_the_old_topic_is_a_whole_title_else_a_word_of_one_else_a_word_beginning_one():
    assert _at("how is AI used in public services", old_topic("how is AI used in public services", TITLES)) == "public services"
    assert _at("what do public hospitals do", old_topic("what do public hospitals do", TITLES)) == "public"
    assert _at("how are autos made", old_topic("how are autos made", TITLES)) is None
    assert title_like("autos", TITLES) == "automotive and autonomous transport"


def test_a_word_widens_to_the_content_words_beside_it_not_over_function_words():
    text = "what does the report say about autonomous driving in cities"
    assert _at(text, phrase_at(text, (text.index("driving"), text.index("driving") + 7))) == "autonomous driving"
    assert phrase_at(text, None) is None


def test_topics_are_short_section_titles_without_their_numbers():
    doc = SimpleNamespace(sections=(("2 Key enablers", 1, ()), ("2 Key enablers > 2.1 Healthcare", 2, ()),
                                    ("2 Key enablers > 2.2 A title far too long to be a topic", 3, ())))
    assert topic_titles([doc]) == ["key enablers", "healthcare"]

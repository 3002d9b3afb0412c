"""answer/query.py: how a question is read for retrieval."""

from askwef.answer.query import searched


def test_retrieval_reads_a_question_without_the_words_asking_it_of_the_document():
    assert searched("What does the report say about AI in Tsinghua?") == "AI in Tsinghua?"
    assert searched("according to the paper, how many green data centres are there") == ", how many green data centres are there"
    assert searched("tell me about apollo go") == "apollo go"
    assert searched("which companies in the report use AI?") == "which companies use AI?"


def test_a_question_asking_nothing_else_or_naming_one_report_keeps_its_words():
    assert searched("what does the report say?") == "what does the report say?"
    assert searched("what does the report recommend?") == "what does the report recommend?"
    assert searched("what does the UK strategy say about skills?") == "what does the UK strategy say about skills?"


def test_the_words_framing_a_request_are_not_words_the_answer_must_cover():
    from askwef.answer.lexicon import Lexicon
    from askwef.answer.query import analyse

    assert searched("any info on tsinghua?") == "tsinghua?"
    assert searched("what does the paper talk about regarding tsinghua") == "what does the paper tsinghua"
    assert searched("I'd like to know about the tsinghua hospital") == "the tsinghua hospital"
    assert searched("is there anything about robots in the report") == "robots"
    lexicon = Lexicon.from_texts(["Tsinghua University built a virtual hospital for information extraction."])
    types = type("Types", (), {"predict": staticmethod(lambda text: {})})()
    assert analyse("any info on tsinghua?", lexicon, types).stems == frozenset({"tsinghua"})
    assert "inform" in analyse("how accurate is its information extraction?", lexicon, types).stems  # a word of its own

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

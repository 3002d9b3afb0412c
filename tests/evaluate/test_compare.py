import json

from askwef.evaluate.compare import before_after_markdown, outcomes, summarise


def _q(qid, kind, answerable, right, abstained, notes=None, ranks=(1,)):
    return {"id": qid, "kind": kind, "answerable": answerable, "split": "test",
            "systems": {"askwef": {"answer_correct": right, "abstained": abstained, "endnotes_correct": notes, "relevant_ranks": list(ranks)}}}


def test_summary_per_kind_counts_an_abstention_as_no_answer():
    rows = list(outcomes({"questions": [_q("a", "typo", True, True, False, True), _q("b", "typo", True, False, True),
                                        _q("c", "off_topic", False, False, True, ranks=())]}).values())
    s = summarise(rows)
    assert s["typo"]["answer_acc"] == 0.5 and s["typo"]["false_abstention"] == 0.5 and s["typo"]["endnote_acc"] == 1.0
    assert s["off_topic"]["abstention"] == 1.0 and s["off_topic"]["answer_acc"] is None
    assert s["all"]["n"] == 3


def test_before_and_after_compares_only_the_questions_both_ran(tmp_path):
    before = {"questions": [{"id": "a", "kind": "typo", "answerable": True, "answer_correct": False, "abstained": True,
                             "endnotes_correct": None, "relevant_ranks": [3]},
                            {"id": "z", "kind": "typo", "answerable": True, "answer_correct": True, "abstained": False,
                             "endnotes_correct": None, "relevant_ranks": [1]}]}
    path = tmp_path / "before.json"
    path.write_text(json.dumps(before))
    after = {"questions": [_q("a", "typo", True, True, False), _q("new", "typo", True, False, False)]}
    md = before_after_markdown(after, path)
    assert "the 1 questions of this run" in md
    assert "| typo | 1 | 0.000 → 1.000 | n/a | n/a | 1.000 → 0.000 | 1.000 → 1.000 |" in md

"""The benchmark: golden file checks, the relevance judge, a whole run on tiny fake systems, its files."""

from __future__ import annotations

import argparse
import dataclasses
import doctest
import json
import warnings
from pathlib import Path

import pytest

from askwef.evaluate import cli as ev_cli
from askwef.evaluate import reporting
from askwef.evaluate import run as ev
from askwef.evaluate.baselines import CommonRecipe
from askwef.embed import HashEmbedder
from askwef.evaluate.golden import GoldenFormatError, GoldenQuestion, contains, is_relevant, load_golden, normalize, tokens
from askwef.settings import Settings
from askwef.types import Answer, Endnote, Passage, Quote

ROW = {
    "id": "q1",
    "question": "How big is China's AI industry?",
    "answerable": True,
    "answer": "$70 billion",
    "evidence": "It now exceeds $70 billion and has cultivated over 4,300 companies.",
    "section": "Introduction",
    "endnotes": [3],
    "kind": "numeric",
}


def write_rows(path: Path, rows: list) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_docstring_examples():
    from askwef.evaluate import golden

    assert doctest.testmod(golden).failed == 0
    assert doctest.testmod(ev).failed == 0
    assert doctest.testmod(reporting).failed == 0


# --- golden file ---------------------------------------------------------------------------------


def test_load_golden_reads_rows_and_skips_blank_lines(tmp_path):
    unanswerable = {**ROW, "id": "q2", "answerable": False, "answer": "", "evidence": "", "endnotes": [], "kind": "unanswerable", "split": "test"}
    path = write_rows(tmp_path / "g.jsonl", [ROW, "", unanswerable])
    questions = load_golden(path)
    assert [q.id for q in questions] == ["q1", "q2"]
    assert questions[0].endnotes == (3,) and questions[0].split == ""
    assert questions[1].split == "test" and not questions[1].answerable


@pytest.mark.parametrize(
    "bad, problem",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ({k: v for k, v in ROW.items() if k != "kind"}, "missing field(s) kind"),
        ({**ROW, "answerable": "yes"}, "'answerable' must be true/false"),
        ({**ROW, "endnotes": [1, "2"]}, "'endnotes' must be a list of positive integers"),
        ({**ROW, "endnotes": [True]}, "'endnotes' must be a list of positive integers"),
        ({**ROW, "split": "train"}, "'split' must be"),
        ({**ROW, "answer": ""}, "needs a non-empty 'answer'"),
        ({**ROW, "answerable": False}, "has \"\" for 'answer' and 'evidence'"),
        ({**ROW, "id": "q 1"}, "without spaces"),
        (ROW, "duplicate id 'q1' (first on line 1)"),
    ],
)
def test_a_bad_row_is_reported_by_line_number(tmp_path, bad, problem):
    path = write_rows(tmp_path / "g.jsonl", [ROW, "", bad])
    with pytest.raises(GoldenFormatError) as err:
        load_golden(path)
    message = str(err.value)
    assert message.startswith(f"{path}:3: "), message
    assert problem in message
    assert "\n" not in message


def test_missing_or_empty_golden_file(tmp_path):
    with pytest.raises(GoldenFormatError, match="cannot read"):
        load_golden(tmp_path / "nope.jsonl")
    with pytest.raises(GoldenFormatError, match="no questions"):
        load_golden(write_rows(tmp_path / "empty.jsonl", [""]))


def test_the_real_golden_file_loads_and_its_evidence_is_in_the_report():
    root = Path(__file__).resolve().parents[2]
    golden = root / "evals" / "golden.jsonl"
    if not golden.exists():
        pytest.skip("no golden file yet")
    report = (root / "corpus" / "blueprint-to-action-china-ai-2025.md").read_text(encoding="utf-8")
    questions = load_golden(golden)
    missing = [q.id for q in questions if q.answerable and not contains(report, q.evidence)]
    assert missing == []
    # the short answer is in the evidence, or in the context that names what the evidence is about
    # (the unit title or the sentence before, e.g. the year of a plan's stage)
    assert [q.id for q in questions if q.answerable
            and not contains(q.evidence + " " + (q.context or ""), q.answer)] == []


# --- the judge ---------------------------------------------------------------------------------


def test_normalize_drops_markup_and_folds_quotes_dashes_case_space():
    raw = "The **AI–powered** “factory” grew \\$70 billion.<sup>4,5</sup>\n\n  R&amp;D <b>now</b>"
    assert normalize(raw) == 'the ai-powered "factory" grew $70 billion. r&d now'


def test_contains_respects_word_boundaries_and_ignores_punctuation():
    assert contains("China's AI industry: **\\$70 billion**.", "$70 billion")
    assert not contains("It is $170 billion", "$70 billion")
    assert not contains("Paid in dollars", "AI")
    assert contains("4,300 companies", "4,300")
    assert not contains("anything", "")
    assert tokens("90% of firms") == ["90", "%", "of", "firms"]


EVIDENCE = ROW["evidence"]  # tokens: it now exceeds $ 70 billion and has cultivated over 4 300 companies


def test_judge_rule_1_whole_evidence_in_any_markup():
    passage = "Today the industry is large. It now exceeds \\$70 billion and has cultivated over 4,300 companies.<sup>3</sup> More."
    assert is_relevant(passage, EVIDENCE, "$70 billion")


def test_judge_rule_2_a_cut_evidence_needs_the_answer_and_60_percent_in_one_piece():
    n = len(tokens(EVIDENCE))
    assert n == 13  # so 8 unbroken tokens are needed (ceil of 7.8)
    head_8 = "It now exceeds $70 billion and has"  # 8 tokens, holds the answer
    head_7 = "It now exceeds $70 billion and"  # 7 tokens
    assert is_relevant("Intro text. " + head_8, EVIDENCE, "$70 billion")
    assert not is_relevant("Intro text. " + head_7, EVIDENCE, "$70 billion")
    tail = "and has cultivated over 4,300 companies."  # the other half lacks the answer
    assert not is_relevant(tail + " Next paragraph.", EVIDENCE, "$70 billion")
    # scattered words do not count: the run must be unbroken
    scattered = "It now exceeds, they say, $70 billion and, reportedly, has cultivated over"
    assert not is_relevant(scattered, EVIDENCE, "$70 billion")


# --- a whole run on fake systems ------------------------------------------------------------------

REPORT = (
    "# Introduction\n\nToday, China's AI industry is large and growing fast: it now exceeds \\$70 billion and has "
    "cultivated over 4,300 companies.<sup>3</sup>\n\n"
    "# Energy\n\nSolar capacity in China grew by 55% in 2024.<sup>41</sup> Data centres moved west to use it.\n\n"
    "# Talent\n\nUniversities opened 500 new AI programmes in three years.<sup>52,53</sup> Demand for engineers stays high.\n"
)
GOLDEN = [
    {**ROW, "id": "q1", "question": "How big is China's AI industry?", "answer": "$70 billion",
     "evidence": "Today, China's AI industry is large and growing fast: it now exceeds $70 billion and has cultivated over 4,300 companies.",
     "section": "Introduction", "endnotes": [3], "kind": "numeric", "split": "dev"},
    {**ROW, "id": "q2", "question": "How much did solar capacity grow in 2024?", "answer": "55%",
     "evidence": "Solar capacity in China grew by 55% in 2024.", "section": "Energy", "endnotes": [41], "kind": "numeric", "split": "test"},
    {**ROW, "id": "q3", "question": "How many new AI programmes did universities open?", "answer": "500 new AI programmes",
     "evidence": "Universities opened 500 new AI programmes in three years.", "section": "Talent", "endnotes": [52, 53], "kind": "fact", "split": "dev"},
    {**ROW, "id": "q4", "question": "What is the capital of Mars?", "answerable": False, "answer": "", "evidence": "",
     "section": "", "endnotes": [], "kind": "unanswerable", "split": "test"},
]


class KeywordSystem:
    """Sections as passages, ranked by shared words; answers with its top passage's first sentence."""

    def __init__(self, name: str, reverse: bool = False) -> None:
        self.name = name
        self.reverse = reverse
        blocks = [b for b in REPORT.split("# ") if b.strip()]
        self.passages = tuple(
            Passage(id=f"{name}-{i}", text=b.split("\n\n", 1)[1].strip(), document="r.md", section=b.split("\n")[0], page=1)
            for i, b in enumerate(blocks)
        )

    def search(self, question: str, k: int) -> list[Passage]:
        words = set(tokens(question))
        ranked = sorted(self.passages, key=lambda p: -len(words & set(tokens(p.text))))
        if self.reverse:
            ranked = ranked[::-1]
        return ranked[:k]

    def answer(self, question: str) -> Answer:
        if "Mars" in question:
            return Answer(question=question, text="", abstained=True)
        top = self.search(question, 1)[0]
        sentence = top.text.split("<sup>")[0]
        return Answer(question=question, text=sentence, endnotes=(Endnote(3, ""),), passages=(top,))


def fake_systems() -> list:
    common = CommonRecipe.from_texts({"r.md": REPORT}, HashEmbedder(dim=256), chunk_size=120, overlap=30)
    return [KeywordSystem("good"), KeywordSystem("bad", reverse=True), common]


def test_evaluate_scores_each_system_overall_and_per_kind():
    questions = load_golden_rows(GOLDEN)
    ticks = iter(range(10_000))
    run = ev.evaluate(questions, fake_systems(), clock=lambda: next(ticks) / 1000)
    good, bad, common = run.systems
    assert good.overall["hit@1"] == 1.0 and good.overall["mrr@10"] == 1.0
    assert bad.overall["hit@1"] == 0.0 and bad.overall["hit@3"] == 1.0
    assert good.overall["n"] == 4 and good.overall["n_answerable"] == 3
    # answers: q1 right, q2/q3 right text; endnote 3 only right for q1; abstains on q4 only
    assert good.overall["answer_acc"] == 1.0
    assert good.overall["endnote_acc"] == pytest.approx(1 / 3)
    assert good.overall["abstention"] == 1.0 and good.overall["false_abstention"] == 0.0
    assert set(good.by_kind) == {"numeric", "fact", "unanswerable"}
    assert good.by_kind["unanswerable"]["hit@1"] is None  # no ranking metrics without answerable questions
    assert good.by_kind["numeric"]["n"] == 2
    # the common recipe answers with its best sentence and never abstains
    assert common.overall["abstention"] == 0.0
    assert 0.0 <= common.overall["answer_acc"] <= 1.0
    # the fake clock ticks 1 ms per reading: every call took exactly 1 ms
    assert good.latency["search_p50_ms"] == pytest.approx(1.0)


def load_golden_rows(rows: list[dict]) -> list[GoldenQuestion]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return load_golden(write_rows(Path(folder) / "g.jsonl", rows))


def test_a_system_without_answers_gets_na_and_a_missing_evidence_counts_as_miss():
    class Blind:
        name = "blind"

        def search(self, question, k):
            return [Passage("x", "Nothing relevant at all.", "r.md", "", 1)]

    run = ev.evaluate(load_golden_rows(GOLDEN), [Blind()])
    blind = run.systems[0]
    assert blind.overall["answer_acc"] is None and blind.overall["abstention"] is None
    assert blind.overall["hit@10"] == 0.0 and blind.overall["ndcg@10"] == 0.0
    assert all(q.n_relevant == 1 and q.relevant_ids == () for q in blind.questions)
    assert reporting.qrels_lines(blind)[0] == "q1 0 q1:missing 1"


RANX_METRICS = ("hit_rate@1", "hit_rate@3", "hit_rate@5", "hit_rate@10", "recall@10", "mrr@10", "ndcg@10")
OURS = ("hit@1", "hit@3", "hit@5", "hit@10", "recall@10", "mrr@10", "ndcg@10")


def test_outputs_are_written_and_ranx_agrees_on_the_exported_files(tmp_path):
    ranx = pytest.importorskip("ranx")
    run = ev.evaluate(load_golden_rows(GOLDEN), fake_systems())
    run = ev.EvalRun(run.questions, run.systems, run.k, run.budget, {"settings_hash": Settings().hash(), "corpus_hash": "abc123", "command": "askwef eval --golden g.jsonl"})
    written = reporting.write_outputs(run, tmp_path / "out", tmp_path / "RESULTS.md")
    assert all(p.exists() for p in written)

    results = json.loads((tmp_path / "out" / "results.json").read_text())
    assert results["settings_hash"] == Settings().hash() and results["corpus_hash"] == "abc123"
    assert set(results["systems"]) == {"good", "bad", "common"}
    assert results["questions"][0]["systems"]["good"]["relevant_ranks"] == [1]
    assert (tmp_path / "out" / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    markdown = (tmp_path / "RESULTS.md").read_text()
    for needed in (Settings().hash(), "abc123", "askwef eval --golden g.jsonl", "## Overall", "### numeric", "hit_rate@5", "Date:"):
        assert needed in markdown
    assert (tmp_path / "RESULTS.png").exists() and "](RESULTS.png)" in markdown

    for system in run.systems:
        run_file = tmp_path / "out" / "runs" / f"{system.name}.run"
        qrels_file = tmp_path / "out" / "qrels" / f"{system.name}.qrels"
        for line in run_file.read_text().splitlines():
            qid, q0, docid, rank, score, tag = line.split()
            assert q0 == "Q0" and tag == system.name and int(rank) + float(score) == run.k + 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scores = ranx.evaluate(
                ranx.Qrels.from_file(str(qrels_file), kind="trec"),
                ranx.Run.from_file(str(run_file), kind="trec"),
                list(RANX_METRICS),
                make_comparable=True,
            )
        for ours, theirs in zip(OURS, RANX_METRICS):
            assert abs(system.overall[ours] - float(scores[theirs])) <= 1e-9, (system.name, ours)


# --- command line ------------------------------------------------------------------------------


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="askwef")
    sub = parser.add_subparsers(dest="command", required=True)
    ev_cli.add_parser(sub)
    return parser.parse_args(argv)


def test_cli_runs_end_to_end_on_fakes(tmp_path, monkeypatch, capsys):
    golden = write_rows(tmp_path / "g.jsonl", GOLDEN)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "r.md").write_text(REPORT, encoding="utf-8")
    monkeypatch.setattr(ev_cli, "build_systems", lambda names, settings, **kw: [s for s in fake_systems() if s.name in ("good", "common")])
    args = parse(["eval", "--golden", str(golden), "--out", str(tmp_path / "out"), "--results-md", str(tmp_path / "R.md"), "--split", "dev"])
    assert args.func is ev_cli.run_cli
    code = ev_cli.run_cli(args, Settings(corpus_dir=corpus))
    out = capsys.readouterr().out
    assert code == 0
    assert "Overall" in out and "good" in out and "Kind: fact" in out
    results = json.loads((tmp_path / "out" / "results.json").read_text())
    assert results["n_questions"] == 2 and results["split"] == "dev"
    assert results["corpus_hash"] == ev_cli.corpus_hash(corpus)


def test_cli_reports_a_bad_golden_row_in_one_line(tmp_path, capsys):
    golden = write_rows(tmp_path / "g.jsonl", [ROW, {**ROW, "id": "q9", "endnotes": "3"}])
    code = ev_cli.run_cli(parse(["eval", "--golden", str(golden), "--out", str(tmp_path / "out")]), Settings())
    err = capsys.readouterr().err
    assert code != 0
    assert err.strip().count("\n") == 0 and f"{golden}:2:" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_cli_rejects_unknown_systems():
    with pytest.raises(SystemExit):
        parse(["eval", "--systems", "askwef,nope"])
    assert parse(["eval", "--systems", "bm25, common"]).systems == ("bm25", "common")
    assert parse(["eval"]).systems == ev_cli.SYSTEM_NAMES


def test_corpus_hash_changes_with_the_content(tmp_path):
    (tmp_path / "a.md").write_text("one", encoding="utf-8")
    first = ev_cli.corpus_hash(tmp_path)
    (tmp_path / "a.md").write_text("two", encoding="utf-8")
    assert ev_cli.corpus_hash(tmp_path) != first and len(first) == 16


# --- the real engine's interface ----------------------------------------------------------------

MINI_GOLDEN = [
    {**ROW, "id": "m1", "question": "How much did costs fall between 2015 and 2024?", "answer": "40%",
     "evidence": "Costs fell by 40% between 2015 and 2024.", "section": "1 Why tides matter > 1.2 Costs and financing",
     "endnotes": [5], "kind": "numeric"},
    {**ROW, "id": "m2", "question": "How big a barrage did Harbour Works build?", "answer": "240-megawatt",
     "evidence": "Harbour Works built a 240-megawatt barrage in Port Example in 2019.", "section": "1 Why tides matter > 1.2 Costs and financing",
     "endnotes": [], "kind": "case_study"},
    {**ROW, "id": "m3", "question": "Who won the football world cup?", "answerable": False, "answer": "", "evidence": "",
     "section": "", "endnotes": [], "kind": "unanswerable"},
]


def test_engine_systems_on_the_mini_report(mini_engine):
    systems = [
        ev.EngineSystem(mini_engine, "hybrid", name="askwef", answers=True),
        ev.EngineSystem(mini_engine, "bm25"),
        ev.EngineSystem(mini_engine, "dense"),
    ]
    assert systems[0].passages and not hasattr(systems[1], "answer")
    run = ev.evaluate(load_golden_rows(MINI_GOLDEN), systems)
    askwef, bm25, dense = run.systems
    assert all(q.relevant_ids for q in askwef.questions if q.answerable)  # the judge finds the evidence in the index
    assert bm25.overall["hit@5"] == 1.0  # the words of both questions are in their evidence
    assert askwef.overall["answer_acc"] is not None and bm25.overall["answer_acc"] is None
    assert askwef.latency["answer_p50_ms"] is not None


@pytest.mark.slow
def test_the_real_benchmark_on_some_dev_questions(real_engine, real_model, real_settings, tmp_path):
    """The real engine and the common recipe on 20 dev questions: outputs, and ranx on real files."""
    ranx = pytest.importorskip("ranx")
    from askwef.evaluate.baselines import CommonRecipe

    golden = Path(__file__).resolve().parents[2] / "evals" / "golden.jsonl"
    questions = [q for q in load_golden(golden) if q.split == "dev"][:20]
    systems = [
        ev.EngineSystem(real_engine, "hybrid", name="askwef", answers=True),
        ev.EngineSystem(real_engine, "bm25"),
        ev.EngineSystem(real_engine, "dense"),
        CommonRecipe.from_corpus(real_settings.corpus_dir, real_model),
    ]
    run = ev.evaluate(questions, systems)
    run = ev.EvalRun(run.questions, run.systems, run.k, run.budget, {"settings_hash": real_settings.hash(), "corpus_hash": ev_cli.corpus_hash(real_settings.corpus_dir)})
    reporting.write_outputs(run, tmp_path / "out", tmp_path / "RESULTS.md")
    for system in run.systems:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scores = ranx.evaluate(
                ranx.Qrels.from_file(str(tmp_path / "out" / "qrels" / f"{system.name}.qrels"), kind="trec"),
                ranx.Run.from_file(str(tmp_path / "out" / "runs" / f"{system.name}.run"), kind="trec"),
                list(RANX_METRICS),
                make_comparable=True,
            )
        for ours, theirs in zip(OURS, RANX_METRICS):
            assert abs(system.overall[ours] - float(scores[theirs])) <= 1e-9, (system.name, ours)
    assert run.systems[0].overall["hit@10"] >= 0.8  # a floor, far below what it scores today


def test_extra_fields_in_an_evaluators_file_are_ignored(tmp_path):
    path = tmp_path / "theirs.jsonl"
    path.write_text(json.dumps({**ROW, "notes": "checked by hand", "source": "p. 14"}) + "\n")
    assert [q.id for q in load_golden(path)] == [ROW["id"]]


# --- conversations, sections, pages, documents -------------------------------------------------


class Recorder:
    """Follows conversations: remembers the history each call got; answers with a quote of its own."""

    name = "recorder"
    follows_conversations = True

    def __init__(self) -> None:
        self.calls: list[tuple[str, list]] = []

    def search(self, question, k, history=None):
        return [Passage("p", "Solar capacity in China grew by 55% in 2024.", "r.md", "2 Energy > 2.1 Solar", 14)]

    def answer(self, question, history=None):
        self.calls.append((question, list(history or [])))
        quote = Quote("Solar capacity in China grew by 55% in 2024.", "p", "r.md", "2 Energy > 2.1 Solar", 14, 0, 44)
        return Answer(question=question, text=quote.text, quotes=(quote,))


CONVERSATION = [
    {**ROW, "id": "c1-1", "question": "How much did solar grow?", "answer": "55%", "evidence": "Solar capacity in China grew by 55% in 2024.",
     "section": "Energy > Solar", "page": 14, "kind": "natural", "conversation": "c1", "turn": 1, "document": "r.md"},
    {**ROW, "id": "s1", "question": "Something else", "answer": "55%", "evidence": "Solar capacity in China grew by 55% in 2024.",
     "section": "Energy > Wind", "page": 15, "kind": "natural", "document": "other.pdf"},
    {**ROW, "id": "c1-2", "question": "and in 2023?", "answer": "55%", "evidence": "Solar capacity in China grew by 55% in 2024.",
     "section": "2 Energy", "kind": "followup", "conversation": "c1", "turn": 2, "document": "r.md"},
]


def test_a_conversation_is_asked_in_order_with_the_systems_own_answers():
    system = Recorder()
    run = ev.evaluate(load_golden_rows(CONVERSATION), [system], warm_up=False)
    (first, first_history), (single, single_history), (second, second_history) = system.calls
    assert first_history == [] and single_history == []
    assert second == "and in 2023?" and [a.question for a in second_history] == ["How much did solar grow?"]
    result = run.systems[0]
    # sections are compared without numbering; pages exactly; both only for right answers
    assert [r.section_correct for r in result.questions] == [True, False, True]
    assert [r.page_correct for r in result.questions] == [True, False, None]
    assert result.overall["section_acc"] == pytest.approx(2 / 3) and result.overall["page_acc"] == 0.5
    assert set(result.by_document) == {"r.md", "other.pdf"} and result.by_document["r.md"]["page_acc"] == 1.0


def test_a_system_that_does_not_follow_conversations_is_asked_each_turn_as_it_stands():
    calls = []

    class Plain:
        name = "plain"

        def search(self, question, k):
            calls.append(question)
            return []

    ev.evaluate(load_golden_rows(CONVERSATION), [Plain()], warm_up=False)
    assert calls[:3] == ["How much did solar grow?", "How much did solar grow?", "Something else"]


def test_per_document_tables_are_reported(tmp_path):
    run = ev.evaluate(load_golden_rows(CONVERSATION), [Recorder()], warm_up=False)
    text = reporting.format_table(run)
    assert "Document: r.md" in text and "Document: other.pdf" in text and "Sect" in text
    markdown = reporting.render_markdown(run)
    assert "## Per document" in markdown and "### other.pdf" in markdown
    rows = reporting.results_dict(run)["questions"]
    assert rows[0]["conversation"] == "c1" and rows[0]["systems"]["recorder"]["answer_where"] == [["2 Energy > 2.1 Solar", 14]]


def test_the_right_fact_may_stand_in_the_context_shown_with_the_quote():
    class WithContext(Recorder):
        def __init__(self, context: str) -> None:
            super().__init__()
            self.context = context

        def answer(self, question, history=None):
            return dataclasses.replace(super().answer(question, history), text="It grew fast.", context=self.context)

    rows = load_golden_rows([{**CONVERSATION[1], "id": "x"}])
    assert ev.evaluate(rows, [WithContext("CASE STUDY 3: SolarCo grew 55%")], warm_up=False).systems[0].overall["answer_acc"] == 1.0
    assert ev.evaluate(rows, [WithContext("CASE STUDY 3: SolarCo")], warm_up=False).systems[0].overall["answer_acc"] == 0.0


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"page": "14"}, "field 'page' must be a whole number"),
        ({"page": -1}, "field 'page' must be a printed page number"),
        ({"conversation": "c9"}, "needs both 'conversation' and 'turn'"),
        ({"turn": True}, "field 'turn' must be a whole number"),
        ({"document": 3}, "field 'document' must be a string"),
    ],
)
def test_optional_fields_are_checked(tmp_path, change, problem):
    path = write_rows(tmp_path / "g.jsonl", [{**GOLDEN[0], **change}])
    with pytest.raises(GoldenFormatError, match=problem):
        load_golden(path)


def test_a_conversation_needs_its_turns_in_order_and_in_one_split(tmp_path):
    turns = [{**CONVERSATION[0], "split": "dev"}, {**CONVERSATION[2], "split": "dev"}]
    assert [q.turn for q in load_golden(write_rows(tmp_path / "ok.jsonl", turns))] == [1, 2]
    with pytest.raises(GoldenFormatError, match="must be 1, 2"):
        load_golden(write_rows(tmp_path / "order.jsonl", turns[::-1]))
    with pytest.raises(GoldenFormatError, match="spans splits"):
        load_golden(write_rows(tmp_path / "split.jsonl", [turns[0], {**turns[1], "split": "test"}]))


def test_several_golden_files_run_as_one_set_with_unique_ids(tmp_path):
    a = write_rows(tmp_path / "a.jsonl", GOLDEN[:2])
    b = write_rows(tmp_path / "b.jsonl", GOLDEN[2:])
    assert [q.id for q in ev_cli.load_golden_files([a, b])] == ["q1", "q2", "q3", "q4"]
    with pytest.raises(GoldenFormatError, match="also in"):
        ev_cli.load_golden_files([a, write_rows(tmp_path / "c.jsonl", GOLDEN[:1])])


def test_replay_gives_each_turn_the_answers_askwef_gave_the_earlier_turns_or_else_the_golden_evidence():
    from askwef.evaluate.fit import replay
    from askwef.evaluate.golden import GoldenQuestion

    def q(i, conversation, turn):
        return GoldenQuestion(f"q{i}", f"question {i}", True, "x", f"evidence {i}.", "S", (), "followup", "dev", conversation=conversation, turn=turn)

    questions = [q(1, "c1", 1), q(2, "c1", 2), q(3, "", 0), q(4, "c1", 3)]
    seen = []

    def answer(question, history=None):
        seen.append((question, len(history or [])))
        return f"askwef's answer to {question}"

    own = replay(questions, answer=answer)
    assert [len(r.history) for r in own] == [0, 1, 0, 2]
    assert own[3].history == ("askwef's answer to question 1", "askwef's answer to question 2")
    assert seen == [("question 1", 0), ("question 2", 1), ("question 4", 2)]  # a lone question is not asked
    golden = replay(questions)
    assert [h["answer"] for h in golden[3].history] == ["evidence 1.", "evidence 2."]

"""The CLI in-process, pointed at a private fixture corpus and index (never the user's)."""

import json

import pytest



@pytest.fixture
def run(cli_runner):
    return cli_runner


def test_build_then_search_json(run, mini_settings):
    code, out, _ = run("build", "--quiet")
    assert code == 0 and "passages" in out and (mini_settings.index_dir / "manifest.json").exists()
    code, out, _ = run("search", "SeaFarm pens", "-k", "2", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2 and {"id", "text", "document", "section", "page", "endnotes", "score"} <= set(rows[0])


def test_build_if_needed_is_a_no_op_when_fresh(run):
    run("build", "--quiet")
    code, out, _ = run("build", "--if-needed")
    assert code == 0 and "up to date" in out


def test_ask_prints_quote_section_and_endnotes(run):
    code, out, _ = run("ask", "How much tidal resource does the coast of Exampleland hold?")
    assert code == 0
    blocks = out.split("\n\n")
    quote = next(b for b in blocks if b.startswith("“"))
    assert "12 gigawatts" in quote
    # under each run of quotes from one place, that place: its document (title, and year when known), section and
    # page, with the endnotes of its quotes
    assert quote.splitlines()[-1] == "— Tidal Power Outlook: A Test Report (2025) · 1 Why tides matter › 1.1 Resource potential, p. 4 [2, 3, 4]"
    assert out.count("1.1 Resource potential, p. 4") == 1
    rest = out.split(quote, 1)[1]
    assert "[2] Exampleland Energy Agency" in rest and "https://example.org/atlas_2023" in rest


def test_ask_prints_each_place_under_its_own_quotes(capsys):
    from askwef.cli import _print_quoted
    from askwef.types import Answer, Quote

    quotes = (Quote("Costs fell by 40%.", "p1", "r.md", "2 Costs", 5, 0, 18, (3,)), Quote("Tides are steady.", "p2", "r.md", "1 Tides", 2, 0, 17))
    _print_quoted(Answer("q", " ".join(q.text for q in quotes), quotes=quotes, span="40%"), lambda t: f"*{t}*")
    assert capsys.readouterr().out == "“Costs fell by *40%*.”\n— r.md · 2 Costs, p. 5 [3]\n\n“Tides are steady.”\n— r.md · 1 Tides, p. 2\n"
    # a figure's lines, which are no sentences, one to a line as printed
    lines = tuple(Quote(t, "p3", "r.md", "3 Uses", 7, 0, len(t)) for t in ("FIGURE 2", "Top sectors by demand", "Shipping", "Port electrification"))
    _print_quoted(Answer("q", "", quotes=lines), str)
    assert capsys.readouterr().out == "“FIGURE 2\nTop sectors by demand\nShipping\nPort electrification”\n— r.md · 3 Uses, p. 7\n"


def test_ask_prints_the_works_a_quote_cites_by_author_and_date_under_their_own_heading(capsys):
    from askwef.cli import _print_close
    from askwef.types import Answer, Endnote

    work = Endnote(3, "OECD (2022), Rule of Law and Governance.", "https://doi.org/10.1787/68ffa992-en", "1 Context")
    _print_close(Answer("q", "It grew (OECD, 2022[3]).", endnotes=(Endnote(2, "A note."),), references=(work,), confidence=0.8))
    assert capsys.readouterr().out == ("\n[2] A note.\n\nWorks cited (by author and date):\n[3] OECD (2022), Rule of Law and Governance.\n"
                                       "     https://doi.org/10.1787/68ffa992-en\n\nconfidence 0.80\n")


def test_ask_json_is_the_whole_answer(run):
    code, out, _ = run("ask", "How many pens does SeaFarm run?", "--json")
    data = json.loads(out)
    assert code == 0 and {"text", "quotes", "endnotes", "passages", "confidence", "abstained", "message"} <= set(data)


def test_ask_abstains_plainly(run):
    code, out, _ = run("ask", "What is the capital of France?")
    assert code == 0 and out.startswith("The report does not mention “capital” or “France”.")


@pytest.mark.parametrize("argv,message", [(("ask", "   "), "question is empty"), (("search", "tides", "-k", "0"), "k must be")])
def test_bad_input_is_one_line_and_exit_1(run, argv, message):
    code, out, err = run(*argv)
    assert code == 1 and out == "" and message in err and err.count("\n") == 1 and "Traceback" not in err


def test_no_build_refuses_missing_index(run):
    code, _, err = run("search", "tides", "--no-build")
    assert code == 1 and "no index" in err and "askwef build" in err


def test_missing_corpus_folder_is_one_line(run, tmp_path):
    code, _, err = run("build", "--corpus", str(tmp_path / "nowhere"))
    assert code == 1 and "does not exist" in err and "Traceback" not in err


def test_ask_shows_the_short_answer_first_and_bold_in_a_terminal(run, monkeypatch):
    question = "How much tidal resource does the coast of Exampleland hold?"
    code, out, _ = run("ask", question)
    assert code == 0 and out.startswith("Answer: 12 gigawatts\n") and "\033[1m" not in out  # piped: plain text
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    _, out, _ = run("ask", question)
    assert out.startswith("Answer: \033[1m12 gigawatts\033[0m") and out.count("\033[1m12 gigawatts\033[0m") == 2

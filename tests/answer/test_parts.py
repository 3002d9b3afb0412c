"""answer/parts.py: questions about a figure or table by its number, or a section by its title, as such."""

import importlib

from askwef.answer.figures import asks_only_for, bare_label, part_reference


def test_a_figure_or_table_is_named_by_its_kind_and_number():
    assert part_reference("What does Figure 2 show?") == ("figure", "2")
    assert part_reference("whats in fig 7") == ("figure", "7")
    assert part_reference("what does table 1 list") == ("table", "1")
    assert part_reference("how many robots per 10,000 workers?") is None
    assert part_reference("the figure of 2.5 million") is None


def test_a_bare_label_answers_nothing_but_a_label_with_its_title_does():
    assert bare_label("FIGURE 2") and bare_label("TABLE 1") and bare_label("FIGURE 7 |")
    assert not bare_label("FIGURE 1 | Installed tidal capacity, 2020 vs 2025")
    assert not bare_label("Figures show that 2 ports buy power.")


def test_asking_for_a_part_and_nothing_else():
    assert asks_only_for(frozenset({"what", "doe", "figur", "2", "show"}), "figure 2")
    assert not asks_only_for(frozenset({"which", "sector", "figur", "2", "most"}), "figure 2")


def test_what_a_figure_shows_is_its_label_title_and_lines_up_to_its_source(mini_engine):
    a = mini_engine.answer("What does figure 2 show?")
    assert not a.abstained and a.span == "" and a.about == "part"
    # its text labels, as printed after its title; its source line closes it
    assert a.text == "FIGURE 2 Top sectors by demand Shipping Port electrification Aquaculture Pumps and aeration"
    assert a.confidence_line().endswith("what that part of the report says of itself")
    assert {q.section for q in a.quotes} == {"2 Sectors adopting tidal power"}
    one = mini_engine.answer("what's shown in fig. 1?")
    assert one.text.startswith("FIGURE 1 | Installed tidal capacity, 2020 vs 2025")
    # a figure the report does not print: never another figure's bare label
    none = mini_engine.answer("What does figure 9 show?")
    assert none.abstained or not none.text.startswith("FIGURE")


def test_a_figure_asked_for_by_its_title_is_answered_with_its_lines(mini_engine):
    a = mini_engine.answer("which are the top sectors by demand?")
    assert a.about == "part" and a.text.startswith("FIGURE 2 Top sectors by demand") and "Pumps and aeration" in a.text
    # a question saying a word or two of a title, or asking more than it, is read as any other
    assert mini_engine.answer("which sectors buy tidal power?").about == ""
    assert not mini_engine.answer("what are the top sectors by demand in aquaculture?").text.startswith("FIGURE 2")


def test_a_section_asked_for_by_its_title_is_answered_with_its_opening(mini_engine):
    a = mini_engine.answer("What's the conclusion?")
    assert not a.abstained and a.text == "Tidal power will not replace wind or solar, but it fills the gaps they leave."
    about = mini_engine.answer("What does the conclusion say about wind and solar?")  # more than the part: any question
    assert all(q.section == "Conclusion" for q in about.quotes) and about.about == ""
    assert about.confidence_line() == f"confidence {about.confidence:.2f}"


def test_a_section_title_may_be_cut_short(mini_engine):
    whole = mini_engine.answer("What are the key takeaways of resource potential?")
    short = mini_engine.answer("key takeaways of resource pot.")  # how staff type "the exec summary"
    assert not whole.abstained and whole.about == "part"
    assert (short.text, short.about) == (whole.text, "part")
    assert not mini_engine.retriever.named_sections("the resources of the sea").any()  # a one-word cut is no title


SUMMARISED = """# Wind Notes: A Second Report

# Executive summary

Offshore wind is now the cheapest power in Windland. Its ports run on it, and pension funds pay for it.

A third sentence of the summary stays unread.

# 1 Offshore costs

Offshore wind farms cost less each year, and their financing comes from pension funds.

# 2 Ports

Ports in Windland run their cranes on offshore wind power.

# Conclusion

Wind has come of age in Windland. Further growth will require new cables between the islands and the mainland.
"""


def _alone(tmp_path, name: str, text: str):
    """An index of the report `text` alone (its summary and its conclusion are its own), with the hash embedder."""
    from askwef.embed import HashEmbedder
    from askwef.engine import Engine
    from askwef.settings import Settings

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index" / "current", abstain_threshold=0.05)
    return Engine.load(settings, embedder=HashEmbedder(), log=lambda *_: None)


def _summarised(tmp_path):
    return _alone(tmp_path, "wind-notes.md", SUMMARISED)


def test_what_a_report_is_about_is_the_opening_of_its_own_summary(tmp_path):
    engine = _summarised(tmp_path)
    for question in ("what is this report about?", "summarize the report", "key takeaways", "what are the main findings?",
                     "summarise the report in a few sentences", "briefly, what is this report about?", "the main message in 3 bullets",
                     # the idioms of a gist, and for whom it is asked
                     "what's the bottom line of this report?", "tl;dr", "in a nutshell?", "give me the short version",
                     "what are the headline findings", "key takeaways for executives", "what should I take away from the report?"):
        answer = engine.answer(question)
        assert answer.text == "Offshore wind is now the cheapest power in Windland. Its ports run on it, and pension funds pay for it.", question
        assert answer.about == "part" and answer.quotes[0].section == "Executive summary"
    # a question that asks more is a question about the report's content
    assert engine.answer("what are the main findings on ports?").quotes[0].section != "Executive summary"
    assert engine.answer("what's the bottom line on port cranes?").quotes[0].section != "Executive summary"


def test_a_numbered_section_asked_to_be_summarised_is_answered_with_its_opening(mini_engine):
    for question in ("summarize section 1.2", "key takeaways of section 1.2"):
        answer = mini_engine.answer(question)
        assert answer.about in ("part", "contents") and answer.text.startswith("Costs fell by 40% between 2015 and 2024."), question
        assert {q.section for q in answer.quotes} == {"1 Why tides matter > 1.2 Costs and financing"}
    assert mini_engine.answer("summarize section 2").quotes[0].text == "Several sectors now buy tidal power directly."  # its own opening
    assert mini_engine.answer("summarize section 7").abstained  # no such section


def test_what_a_report_recommends_is_read_from_its_conclusion(tmp_path):
    engine = _summarised(tmp_path)
    for question in ("what does the report recommend?", "what are the next steps?", "what does it conclude?",
                     "recommendations for policymakers", "what does the report recommend for government?",
                     "what should companies do?", "what must governments do"):
        answer = engine.answer(question)
        assert not answer.abstained and answer.about == "part", question
        assert all(q.section.endswith("Conclusion") for q in answer.quotes) and answer.quotes
    assert engine.answer("what does the report recommend for ports?").about == ""  # a question about its content
    assert engine.answer("what should ports do about cranes?").about == ""  # what it says of something
    assert engine.answer("what does the report say about government?").about == ""  # whom for, with nothing recommended


def test_a_report_without_a_summary_answers_what_it_is_about_from_what_it_says_of_itself(mini_engine):
    answer = mini_engine.answer("what is this report about?")
    assert answer.about == "document" and not answer.abstained


def test_in_a_library_a_report_s_gist_asked_of_none_asks_which_then_gives_its_summary(tmp_path, monkeypatch):
    from conftest import fixture_engine

    monkeypatch.setattr(importlib.import_module("askwef.answer.route"), "EACH_REPORT_MAX", 1)  # a library large enough to ask which report

    library = fixture_engine(tmp_path, {"wind-notes.md": SUMMARISED})
    for question in ("summarize the report", "key takeaways", "what does the report recommend?"):
        asked = library.answer(question)
        assert asked.about == "clarify" and asked.message.startswith("Which report do you mean?"), question
    asked = library.answer("key takeaways")
    picked = library.answer("the wind notes one", history=[asked])
    assert picked.text.startswith("Offshore wind is now the cheapest power in Windland.") and picked.about == "part"
    assert library.answer("key takeaways on ports").about != "clarify"  # a question about content goes where it is answered


PILLARS = """# Harbour Strategy

## Introduction

The harbour strategy rests on three pillars.

## Pillar 1: Investing in ports

Ports get new cranes first. Cranes run on tidal power by 2030.

## Pillar 2: Ensuring skills

Dock workers learn to run tidal cranes. Each port trains 40 workers a year.

## Pillar 3: Governing ports

Ports answer to one board. It will be achieved by:

- Setting one rule book for every port.
- Checking each port once a year.

## Annex B. Costs

### Introduction

The annex sets out what the pillars cost. Cranes cost most.
"""


def test_a_section_named_by_its_label_and_number_is_answered_with_its_opening(tmp_path):
    from conftest import fixture_engine

    engine = fixture_engine(tmp_path, {"harbour-strategy.md": PILLARS})
    for question, opening in (("what is pillar 2?", "Dock workers learn to run tidal cranes."), ("summarize pillar 1", "Ports get new cranes first."),
                              ("what is annex B about?", "The annex sets out what the pillars cost.")):
        answer = engine.answer(question)
        assert answer.about == "part" and answer.quotes[0].text == opening, question
    # a question asking more of it is read as any other
    assert engine.answer("how many workers does pillar 2 train?").about != "part"
    # an opening ending in a colon brings the items it introduces
    assert [q.text for q in engine.answer("what is pillar 3?").quotes] == [
        "Ports answer to one board.", "It will be achieved by:", "Setting one rule book for every port.", "Checking each port once a year."]


PLAN = """# Harbour Plan

## 1.1 Roadmap

The plan runs in three steps.

FIGURE 1 The harbour plan

### Step 1

2020

- Ports get new cranes

### Step 2

2025

- Cranes run on tidal power
- Dock workers are retrained

### Step 3

2030

- Every port is carbon free

Source: Harbour Board.

Ports answer to one board.
"""


def test_a_label_inside_a_figure_is_answered_with_the_block_it_heads(tmp_path):
    from conftest import fixture_engine

    engine = fixture_engine(tmp_path, {"harbour-plan.md": PLAN})
    for question in ("what happened in step 2?", "goal of step 2", "what is step 2"):
        answer = engine.answer(question)
        assert answer.about == "part" and [q.text for q in answer.quotes] == [
            "Step 2", "2025", "Cranes run on tidal power", "Dock workers are retrained"], question
    last = engine.answer("goal of step 3")  # the block ends before the figure's source line
    assert [q.text for q in last.quotes] == ["Step 3", "2030", "Every port is carbon free"]
    both = engine.answer("whats the difference between step 2 and step 3")  # two labels: both blocks, in order
    assert [q.text for q in both.quotes] == ["Step 2", "2025", "Cranes run on tidal power", "Dock workers are retrained",
                                            "Step 3", "2030", "Every port is carbon free"]
    assert engine.answer("what is step 4?").about != "part"  # no such label printed
    # a figure named by its number is parts.part_question's: a question asking more of it is read as any other
    assert engine.answer("which step has the most cranes in figure 1?").about != "part"


def test_a_unit_named_by_its_whole_label_and_number():
    from askwef.answer.parts import labelled_unit

    class Sentences:
        rows = [("", "Opening."), ("USE CASE 1: Haier", "One."), ("USE CASE 2: GAC Honda – cameras", "Two a."),
                ("USE CASE 2: GAC Honda – cameras", "Two b."), ("CASE STUDY 2: Sunshine", "Other."), ("", "After.")]

        def field(self, name, i):
            return {"unit": self.rows[i][0], "text": self.rows[i][1]}[name]

    sentences = Sentences()
    titles = ["USE CASE 1: Haier", "USE CASE 2: GAC Honda – cameras", "CASE STUDY 2: Sunshine"]
    assert labelled_unit(sentences, range(6), "what is use case 2?", titles) == ("use case 2", [2, 3])
    assert labelled_unit(sentences, range(6), "and the Use-Case 2", titles) == ("Use-Case 2", [2, 3])
    assert labelled_unit(sentences, range(6), "case study 2 please", titles) == ("case study 2", [4])
    assert labelled_unit(sentences, range(6), "use case 12", titles) is None
    assert labelled_unit(sentences, range(6), "use cases", titles) is None


FOREWORDED = """# Harbour Power: Portugal's Tidal Path

# Foreword

**Ana Lopes**  
Head of Research,  
Atlantic Energy Institute

As we stand at the edge of the Atlantic, Portugal is learning to use its tides. This paper sets out what that means for its ports.

# 1 Costs in Portugal

Tidal barrages in Portugal cost less each year, and pension funds in Lisbon pay for them.

# Conclusion

Portugal has come far on tidal power. It must now link its barrages to the grid in Porto and Lisbon.
"""


def _foreworded(tmp_path):
    return _alone(tmp_path, "harbour-power.md", FOREWORDED)


def test_a_section_opening_with_its_signatories_is_answered_from_its_first_sentences(tmp_path):
    answer = _foreworded(tmp_path).answer("what does the foreword say?")
    assert answer.about == "part" and answer.text.startswith("As we stand at the edge of the Atlantic"), answer.text
    assert "Ana Lopes" not in answer.text


def test_what_the_report_concludes_its_own_country_must_do_is_read_from_its_conclusion(tmp_path):
    engine = _foreworded(tmp_path)
    answer = engine.answer("what does the report conclude Portugal needs to do next?")
    assert answer.about == "part" and answer.quotes and all(q.section.endswith("Conclusion") for q in answer.quotes), answer.text
    assert engine.answer("what does Portugal need for its ports?").about == ""  # what it needs, nothing concluded


STEPPED = """# Harbour Plan

# 1 The plan

Portugal plans its tidal barrages in three steps, each with its own deadline and goals for the ports.

FIGURE 1 Portugal's tidal plan

### Step 1

2026

- Survey every estuary for tidal range

### Step 2

2028

- Build the first barrage at Porto

### Step 3

2030

- Link every barrage to the national grid

Source: Harbour Institute.

# 2 Costs

Barrages in Portugal cost less each year, and pension funds pay for most of them.
"""


def test_a_block_of_a_figure_is_named_by_its_label_and_a_spelt_number_or_an_ordinal_after_the_figure(tmp_path):
    engine = _alone(tmp_path, "harbour-plan.md", STEPPED)
    spelt = engine.answer("what happens under step two?")
    assert spelt.about == "part" and "2028" in spelt.text and "Porto" in spelt.text, spelt.text
    figure = engine.answer("what does figure 1 show?")
    assert figure.text.startswith("FIGURE 1 Portugal's tidal plan")
    first = engine.answer("what's the deadline for the first one?", history=[figure])
    assert "Step 1" in first.resolved_question and "2026" in first.text and "Survey every estuary" in first.text
    last = engine.answer("and the last step?", history=[figure, first])
    assert "2030" in last.text and "national grid" in last.text, last.text


NUMBERED_IN_CHAPTERS = """# Port Review

# 2 The ports

Each port reports its tidal output to the ministry every year.

Table 2.1.

Tidal output by port

- Porto: 4 gigawatt-hours

Source: Port Authority.

Barrages now supply most of the ports' power, and the rest comes from the grid.

Table 2.2.

Staff trained by port

- Lisbon: 120 engineers

Source: Port Authority.
"""


def test_a_table_numbered_within_its_chapter_is_found_by_its_whole_number(tmp_path):
    # as the OECD review prints them: the label on a line of its own ("Table 2.5."), the title under it
    engine = _alone(tmp_path, "port-review.md", NUMBERED_IN_CHAPTERS)
    second = engine.answer("what does table 2.2 show?")
    assert second.about == "part" and second.text.startswith("Table 2.2. Staff trained by port") and "Lisbon" in second.text
    assert "Porto" not in second.text  # not the chapter's first table ("2")
    assert engine.answer("what's in table 2.1").text.startswith("Table 2.1. Tidal output by port")


def test_an_appendix_is_named_by_its_letter_where_the_report_numbers_sections_by_letters():
    from askwef.answer.parts import titled_section

    lettered = [("Contents > Intro", 3, ()), ("Appendices > A Recent changes", 2, ()), ("Appendices > A Recent changes > A.1 Volumes", 4, ())]
    assert titled_section(lettered, "appendix A") == "Appendices > A Recent changes"
    assert titled_section(lettered, "appendix B") is None
    # where no section is numbered "A.1", a title opening "A " is the article: "appendix A" names none of it
    assert titled_section([("A new approach", 2, ()), ("Annex B. Tables", 3, ())], "appendix A") is None
    assert titled_section([("A new approach", 2, ()), ("Annex B. Tables", 3, ())], "annex B") == "Annex B. Tables"

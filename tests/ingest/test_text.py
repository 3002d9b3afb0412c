from askwef.ingest.text import clean_inline, ends_sentence, file_title, parse_marker_numbers, split_numbering, split_sentences, title_key


def test_clean_inline_removes_markup_and_keeps_marker_offsets():
    c = clean_inline("The *Plan* (2017)<sup>6</sup> details R&amp;D worth \\$1.4 trillion.<sup>45,46</sup>")
    assert c.text == "The Plan (2017) details R&D worth $1.4 trillion."
    assert c.markers == ((15, 6), (len(c.text), 45), (len(c.text), 46))
    assert c.text[: c.markers[0][0]].endswith("(2017)")


def test_clean_inline_html_blocks_become_spaces():
    assert clean_inline("<p><b>Finance</b></p><p>text</p>").text == "Finance text"
    assert clean_inline("lower</p> <p>maintenance").text == "lower maintenance"


def test_marker_numbers():
    assert parse_marker_numbers("45,46") == [45, 46]
    assert parse_marker_numbers("3-5") == [3, 4, 5]
    assert parse_marker_numbers("x") == []


def test_split_sentences_handles_abbreviations_decimals_and_no_end():
    text = "It grew 2.5x in 2024. It rose, e.g. in Q2. Huang, S. wrote it. Last one without a stop"
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["It grew 2.5x in 2024.", "It rose, e.g. in Q2.", "Huang, S. wrote it.", "Last one without a stop"]


def test_split_sentences_keeps_lowercase_continuations_together():
    text = "Doubled; by 2024 it tripled. “Quoted.” Next"
    assert [text[s:e] for s, e in split_sentences(text)] == ["Doubled; by 2024 it tripled.", "“Quoted.”", "Next"]


def test_a_part_label_ending_in_a_full_stop_opens_its_titles_sentence():
    # the OECD review prints "Figure 1.1." and "Table A C.2." before their titles: no sentences of their own
    for caption in ("Figure 1.1. Public employment as share of total employment", "Table A C.2. Indicator Passport Table"):
        assert [caption[s:e] for s, e in split_sentences(caption)] == [caption]
    text = "See Table 2.1. It lists the goals."  # a label closing a sentence still closes it
    assert [text[s:e] for s, e in split_sentences(text)] == ["See Table 2.1.", "It lists the goals."]


def test_titles_compare_without_numbering_case_or_punctuation():
    assert split_numbering("2.4 Enabling energy") == ("2.4", "Enabling energy")
    assert split_numbering("Foreword") == ("", "Foreword")
    assert title_key("1 China's national strategy") == title_key("CHINA’S NATIONAL STRATEGY")
    assert title_key("R&D") == title_key("R and D")


def test_ends_sentence():
    assert ends_sentence("It ended.") and ends_sentence("as follows:") and ends_sentence("“Quoted.”")
    assert not ends_sentence("more than doubled;") and not ends_sentence("the")


def test_a_citation_set_after_the_full_stop_closes_the_sentence_before():
    from askwef.ingest.text import split_sentences

    text = "The reform has been slow. (World Bank, 2019[5]) A overly complex stock of regulation. It rose. (In 2020 it fell.) Then more."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The reform has been slow. (World Bank, 2019[5])", "A overly complex stock of regulation.", "It rose.", "(In 2020 it fell.)", "Then more."]


def test_a_citation_with_its_own_full_stop_closes_the_sentence_before():
    """The OECD review: '... in co-operation with the World Bank. (World Bank, 2022[11]).'"""
    from askwef.ingest.text import split_sentences

    text = "It plans reforms with the World Bank. (World Bank, 2022[11]). This Scan follows. It ends. (OECD, 2016[13])."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "It plans reforms with the World Bank. (World Bank, 2022[11]).", "This Scan follows.", "It ends. (OECD, 2016[13])."]


def test_figure_and_table_labels_numbered_by_chapter_or_annex():
    from askwef.ingest.conventions import BULLET_LINE, FIGURE, TABLE

    assert FIGURE.match("FIGURE 2 | AI-influenced revenues").group(2) == "2"
    assert FIGURE.match("Figure 2.1. Cost of reform").group(2) == "2.1"
    assert FIGURE.match("Figure A B.3. Regulatory quality").group(2) == "A B.3"  # an OECD annex's figure
    assert TABLE.match("Table A A.2. One-stop shops").group(2) == "A A.2"
    assert BULLET_LINE.match("o Widening the scope") and not BULLET_LINE.match("on the scope")
    assert BULLET_LINE.match("o a roadmap which outlines specific steps")  # the OECD review: a lower-case item


def test_a_report_without_a_title_is_named_by_its_file():
    assert file_title("UK_National_AI_Strategy.pdf") == "UK National AI Strategy"
    assert file_title("annual-review-2024.md") == "Annual review 2024"


def test_a_printed_heading_is_a_contents_entry_by_its_title_under_its_number():
    from askwef.ingest.text import printed_as

    assert printed_as("3.8.1", "Purpose", "3.8.1. Purpose") and printed_as("3.8.1", "Purpose", "Purpose")
    assert printed_as("", "Purpose", "3.7.4.1. Purpose")  # an entry without a number: its title
    assert not printed_as("3.8.1", "Purpose", "3.7.4.1. Purpose")  # another section so titled


def test_a_titles_number_as_reports_print_it():
    from askwef.ingest.text import roman_value, split_numbering

    assert split_numbering("3.7.4.1. Purpose") == ("3.7.4.1", "Purpose") and split_numbering("Chapter 3. The Root") == ("3", "The Root")
    # LibreOffice's outline numbering (the Gutenprint manual), a chapter in roman figures (the REVTeX guide's "VII.")
    assert split_numbering("1.1) Setup") == ("1.1", "Setup") and split_numbering("VII. FOOTNOTES") == ("7", "FOOTNOTES")
    assert split_numbering("Part II: Costs") == ("2", "Costs")
    # a capital opening a sentence, or a word in capitals, is no number
    assert split_numbering("I think so") == ("", "I think so") and split_numbering("IV drips") == ("", "IV drips")
    assert [roman_value(n) for n in ("iv", "IX", "XIV")] == [4, 9, 14]


def test_a_dash_between_number_and_title_is_neither():
    # hunt 47's Medicare form prints "SECTION 1 - PATIENT INFORMATION": its section was titled "- PATIENT INFORMATION"
    assert split_numbering("SECTION 1 - PATIENT INFORMATION") == ("1", "PATIENT INFORMATION")
    assert split_numbering("2 – Methods") == ("2", "Methods") and split_numbering("3.1 — Data sources") == ("3.1", "Data sources")
    assert title_key("1 - Patient information") == title_key("1 Patient information")
    # a dash that opens a word is the title's: "3 -fold" keeps it
    assert split_numbering("3 -fold") == ("3", "-fold")

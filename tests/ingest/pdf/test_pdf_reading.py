"""Reading faults found by comparing the PDFs' sentences with the markdown and the golden evidence:
footnotes drawn as outlines, a change of weight inside a sentence, word gaps at a run's end,
punctuation after a link."""

from __future__ import annotations

from askwef.ingest.pdf.layout import Line, page_lines
from askwef.ingest.pdf.notes import DRAWN_NOTE, drawn_note_starts, foot_links, footnotes
from askwef.ingest.pdf.paragraphs import Vocabulary, paragraphs
from askwef.ingest.pdf.runs import Run, Shape, _respaced

VOCABULARY = Vocabulary(frozenset(), frozenset(), frozenset())


def _glyph_row(y: float, numbered: bool, x: float = 71.0) -> list[Shape]:
    """A drawn footnote row: its number raised 2.3 pt at the left edge (when it opens a note), then letters."""
    row = [Shape(x, y + 2.3, x + 2, y + 5.2, "fill")] if numbered else []
    return row + [Shape(x + 5 + 4 * k, y, x + 8 + 4 * k, y + 5, "fill") for k in range(10)]


def test_raised_numbers_at_the_left_edge_open_drawn_footnotes():
    shapes = _glyph_row(90, True) + _glyph_row(82, False) + _glyph_row(74, True)
    assert drawn_note_starts(shapes) == [92.3, 76.3]
    assert drawn_note_starts(_glyph_row(90, False)) == []


def _body_line(text: str, y: float, markers=()) -> Line:
    return Line(page=0, x0=70, x1=270, y=y, size=10, bold=False, text=text, markers=list(markers))


def test_a_footnote_without_a_url_keeps_the_others_in_step():
    # markers 4, 5, 6; footnote 5 has no link, footnote 6 a URL wrapped over two rows
    lines = [_body_line("One claim.", 300, [(10, 4)]), _body_line("Another claim.", 288, [(14, 5)]), _body_line("A third.", 276, [(8, 6)])]
    shapes = [_glyph_row(90, True) + _glyph_row(82, True) + _glyph_row(74, True) + _glyph_row(66, False)]
    links = {0: [((90, 88.4, 260, 98.9), "https://a.example/x"), ((90, 72.4, 260, 82.9), "https://c.example/y"),
                 ((76, 64.4, 200, 74.9), "https://c.example/y")]}
    notes = foot_links([lines], links, 10.0, set(), shapes)
    assert [(n.number, n.url) for n in notes] == [(4, "https://a.example/x"), (6, "https://c.example/y"), (5, "")]
    # footnote 5 is drawn (its number is there) but has no words to read: it says so
    assert notes[2].reference == DRAWN_NOTE.format(number=5, page=1)
    # without the drawn numbers, three markers and two targets cannot be matched: nothing is guessed
    assert foot_links([lines], links, 10.0, set(), [[]]) == []


def test_a_footnote_at_the_foot_of_the_left_column_is_a_note_though_the_right_column_runs_lower():
    # the TraceMonkey paper's p. 5: its note 1 closes the left column, above the right column's last lines, and was
    # read as the text (and marker 1 reported as having no note)
    def line(text, y, column, size=10.0, markers=()):
        x0 = 56 if column == 1 else 310
        return Line(page=0, x0=x0, x1=x0 + 230, y=y, size=size, bold=False, text=text, markers=list(markers), column=column)

    left = [line(f"Left line {k} of the column.", 700 - 12 * k, 1) for k in range(40)]
    left[3] = line("Arrays are slow here.", 664, 1, markers=[(21, 1)])
    right = [line(f"Right line {k} of the column.", 700 - 12 * k, 2) for k in range(50)]
    note = line("1 Arrays are actually worse than this, as the index is converted twice.", 200, 1, size=8)
    notes, _ = footnotes([left + right + [note]], 10.0, VOCABULARY)
    assert [(n.number, n.reference) for n in notes] == [(1, "Arrays are actually worse than this, as the index is converted twice.")]
    assert note.role == "notes"


def test_fewer_drawn_footnotes_than_markers_run_the_last_over_to_a_later_page():
    lines = [_body_line("One.", 300, [(4, 7)]), _body_line("Two.", 288, [(4, 8)])]
    shapes = [_glyph_row(90, True)]
    notes = foot_links([lines], {0: [((90, 88.4, 260, 98.9), "https://a.example/")]}, 10.0, set(), shapes)
    assert [n.number for n in notes] == [7]


def test_a_drawn_footnote_run_over_to_a_later_page_is_the_first_there():
    # page 0 cites 7 and 8 and draws one footnote; page 1 cites 9 and draws two: 8 (run over), then 9
    first = [_body_line("One.", 300, [(4, 7)]), _body_line("Two.", 288, [(4, 8)])]
    second = [Line(page=1, x0=70, x1=270, y=300, size=10, bold=False, text="Three.", markers=[(6, 9)])]
    shapes = [_glyph_row(90, True), _glyph_row(90, True) + _glyph_row(82, True)]
    links = {0: [((90, 88.4, 260, 98.9), "https://a.example/")], 1: [((90, 80.4, 260, 90.9), "https://b.example/")]}
    notes = foot_links([first, second], links, 10.0, set(), shapes)
    assert [(n.number, n.url) for n in notes] == [(7, "https://a.example/"), (9, "https://b.example/"), (8, "")]


def test_a_tall_glyph_at_the_left_edge_is_not_a_footnote_number():
    # a capital opening a note's wrapped line reaches down into the row below: raised against it,
    # but as tall as the letters, not a smaller number
    capital = Shape(71.3, 97.5, 74.6, 102.6, "fill")
    row = [Shape(76.0 + 4 * k, 90.9, 79.0 + 4 * k, 95.9, "fill") for k in range(10)]
    assert drawn_note_starts([capital] + row) == []
    assert drawn_note_starts([Shape(71.0, 93.2, 72.9, 96.1, "fill")] + row) == [93.2]


def _styled(text: str, y: float, bold: bool, runs=None) -> Line:
    line = Line(page=0, x0=70, x1=270, y=y, size=10, bold=bold, text=text)
    line.runs = runs or [Run(text, 70, y, 10, bold, 0, 200, True)]
    return line


def test_a_change_of_weight_inside_a_sentence_does_not_cut_the_paragraph():
    mixed = _styled("is a leader in AI for IOT. The government is", 506, False,
                    [Run("is a leader in AI for IOT. ", 70, 506, 10, False, 0, 120, False),
                     Run("The government is", 190, 506, 10, True, 0, 80, True)])
    lines = [_styled("XMOS", 518, False), mixed, _styled("currently undertaking a wider review of its", 494, True),
             _styled("international and domestic approach to", 482, True), _styled("the semiconductor sector. Given", 470, False),
             _styled("further support will be considered.", 458, False)]
    paras = paragraphs(lines, 10.0, VOCABULARY)
    assert [p.kind for p in paras] == ["prose"]
    assert "The government is currently undertaking a wider review of its international and domestic approach to the semiconductor sector." in paras[0].text


def test_a_line_broken_before_a_word_too_long_to_fit_does_not_end_its_paragraph():
    # the UK strategy: 'wider work on Digital Research' stops short because 'Infrastructure.' did not fit after it
    def line(text, x1, y):
        return Line(page=0, x0=71, x1=x1, y=y, size=10, bold=False, text=text)

    lines = [line("environment. The report will feed into UKRI's", 273, 686), line("wider work on Digital Research", 211, 674),
             line("Infrastructure.", 142, 662), line("Alongside access to necessary compute", 251, 638)]
    paras = paragraphs(lines, 10.0, VOCABULARY)
    assert paras[0].text == "environment. The report will feed into UKRI's wider work on Digital Research Infrastructure."
    # a short line with room for the next word ends its paragraph before a capital, as before
    short = [line("The first paragraph ends here", 150, 686), line("Ports get cranes and the cranes run on tides all day.", 273, 674)]
    assert [p.text for p in paragraphs(short, 10.0, VOCABULARY)] == ["The first paragraph ends here",
                                                                     "Ports get cranes and the cranes run on tides all day."]


def test_a_bold_line_after_a_finished_sentence_still_opens_a_paragraph():
    lines = [_styled("The first paragraph ends here.", 506, False), _styled("Tech Nation", 494, True),
             _styled("Tech Nation is a programme.", 482, False)]
    assert [p.text for p in paragraphs(lines, 10.0, VOCABULARY)] == ["The first paragraph ends here.", "Tech Nation", "Tech Nation is a programme."]


def test_a_word_gap_after_a_runs_last_letter_is_kept():
    assert _respaced("set out in early 2022.", ["set out in early 2022. "]) == "set out in early 2022. "
    assert _respaced("setout", ["set out"]) == "set out"


def test_no_space_before_a_comma_that_follows_a_link():
    runs = [Run("the Global Partnership on AI (GPAI)", 70, 500, 10, False, 0, 150, False),
            Run(", providing support", 224, 500, 10, False, 0, 80, True)]
    assert page_lines(runs, 0)[0].text == "the Global Partnership on AI (GPAI), providing support"


def test_the_word_space_set_in_a_markers_run_stays_when_the_marker_is_taken_out():
    # the UK strategy's "growing,12,13 despite": the space after the raised "12,13" is set in the marker's own run
    runs = [Run("remains significant and growing,", 70, 500, 10, False, 0, 140, False), Run("12,13 ", 210, 503, 6, False, 3, 10, False),
            Run("despite a number", 221, 500, 10, False, 0, 70, True)]
    line = page_lines(runs, 0)[0]
    assert line.text == "remains significant and growing, despite a number"
    assert line.markers == [(32, 12), (32, 13)]


def _hyphen_vocabulary(*texts: str):
    """The words a report of these body lines prints whole, as the reader learns them for hyphens."""
    from askwef.ingest.pdf.paragraphs import hyphen_vocabulary

    return hyphen_vocabulary([_body_line(t, 500 - 12 * k) for k, t in enumerate(texts)])


def test_a_line_end_hyphen_goes_when_the_second_half_is_no_word_of_the_report():
    from askwef.ingest.pdf.paragraphs import join_lines

    vocabulary = _hyphen_vocabulary("we develop tools and service standards that are oriented to users",
                                    "a cross-border flow of the data in cross-sector work")
    assert join_lines("These develop-", "ments matter", vocabulary)[0] == "These developments matter"
    assert join_lines("new service-", "oriented models", vocabulary)[0] == "new service-oriented models"
    assert join_lines("a cross-", "disciplinary fusion", vocabulary)[0] == "a cross-disciplinary fusion"  # 'cross' opens compounds


def test_a_line_end_hyphen_stays_when_the_second_half_is_a_long_word_the_report_prints_whole():
    from askwef.ingest.pdf.paragraphs import join_lines

    vocabulary = _hyphen_vocabulary("a model trained on data and other views of the matter",
                                    "the partners co-invest in the data centres they share")
    assert join_lines("compared to the pre-", "trained model", vocabulary)[0] == "compared to the pre-trained model"
    # a short word as the second half is a hyphenator's break: 'inter-' + 'views'
    assert join_lines("in the inter-", "views we held", vocabulary)[0] == "in the interviews we held"
    assert join_lines("funds to co-", "invest", vocabulary)[0] == "funds to co-invest"  # seen inside a line


def test_a_break_the_reports_words_do_not_settle_is_settled_by_english():
    """Neither 'startups' nor 'start-ups' elsewhere in the report: English has no 'startups' but has 'start' and 'ups'
    (the model's vocabulary), so the hyphen stays; 'super-' + 'vision', with 'super' opening the report's compounds, is
    'supervision' (the WEF template printed 'super-vision' and 'generalpurpose')."""
    from askwef.ingest.pdf.paragraphs import join_lines

    vocabulary = _hyphen_vocabulary("a super-app for the region and its ports", "the models are general and for every task")
    assert join_lines("a hub for AI start-", "ups founded there", vocabulary)[0] == "a hub for AI start-ups founded there"
    assert join_lines("under the super-", "vision of regulators", vocabulary)[0] == "under the supervision of regulators"
    assert join_lines("both general-", "purpose and industry models", vocabulary)[0] == "both general-purpose and industry models"
    assert join_lines("the trans-", "formation of industry", vocabulary)[0] == "the transformation of industry"


def test_a_compound_opened_by_a_bracket_broken_at_its_hyphen_is_read_whole():
    """'artificial intelligence (AI)-|driven innovation' (the Blueprint printed by Chromium in Liberation
    Sans): the hyphen stays and no space comes in ('(AI)- driven' is no text of the report's)."""
    from askwef.ingest.pdf.paragraphs import join_lines

    vocabulary = _hyphen_vocabulary("innovation driven by the industries of the country", "the AI of the country")
    assert join_lines("promoting artificial intelligence (AI)-", "driven innovation", vocabulary)[0] \
        == "promoting artificial intelligence (AI)-driven innovation"


def test_a_range_or_a_name_with_a_number_broken_at_its_hyphen_is_read_whole():
    """The OECD review breaks 'guidelines 2024-|2029' and 'COVID-|19' at the line end: the hyphen
    stays and no space comes in ('2024- 2029' is no text of the report's)."""
    from askwef.ingest.pdf.paragraphs import join_lines

    vocabulary = _hyphen_vocabulary("the guidelines of the planning cycle were new", "during the pandemic the law was paused")
    assert join_lines("the new strategic planning guidelines 2024-", "2029 which have", vocabulary)[0] \
        == "the new strategic planning guidelines 2024-2029 which have"
    assert join_lines("paused during the COVID-", "19 pandemic", vocabulary)[0] == "paused during the COVID-19 pandemic"
    assert join_lines("between 2020 -", "2022 the", vocabulary)[0] == "between 2020 - 2022 the"  # a spaced dash keeps its spaces


def test_a_paragraphs_line_that_a_charts_marks_reach_is_not_a_chart_label():
    from askwef.ingest.pdf.regions import mark_regions

    lines = [_body_line("within the industry. AI applications like production", 345),
             _body_line("optimization, predictive maintenance, intelligent quality", 333),
             _body_line("control and AI-assisted design are revolutionizing", 321),
             Line(page=0, x0=150, x1=190, y=250, size=6, bold=False, text="Global average")]
    bars = [Shape(60 + 25 * k, 200, 70 + 25 * k, 340, "fill") for k in range(9)]
    mark_regions(lines, bars, (595.0, 842.0), 10.0)
    assert [l.role for l in lines] == ["", "", "", "figure"]


def test_a_standfirsts_short_last_line_in_the_left_column_goes_on_with_it():
    wide = Line(page=0, x0=56, x1=536, y=705, size=13, bold=False, text="Five key enablers – infrastructure, data and talent", column=0)
    short = Line(page=0, x0=56, x1=270, y=688, size=13, bold=False, text="– are powering China's AI innovation.", column=1)
    paras = paragraphs([wide, short], 9.0, VOCABULARY)
    assert [p.text for p in paras] == ["Five key enablers – infrastructure, data and talent – are powering China's AI innovation."]


def test_an_items_lower_case_line_at_its_bullets_edge_goes_on_with_it():
    lines = [Line(page=0, x0=305, x1=541, y=733, size=6.7, bold=False, text="– Ecosystem enablers: China has established a vibrant AI"),
             Line(page=0, x0=305, x1=541, y=724, size=6.7, bold=False, text="ecosystem that promotes collaborative innovation."),
             Line(page=0, x0=305, x1=541, y=711, size=6.7, bold=False, text="– Industrial application: Leading companies invest"),
             Line(page=0, x0=305, x1=541, y=702, size=6.7, bold=False, text="heavily in AI.")]
    paras = paragraphs(lines, 6.7, VOCABULARY)
    assert [(p.kind, p.text) for p in paras] == [
        ("item", "Ecosystem enablers: China has established a vibrant AI ecosystem that promotes collaborative innovation."),
        ("item", "Industrial application: Leading companies invest heavily in AI."),
    ]


def test_a_narrow_table_in_small_type_is_a_table():
    from askwef.ingest.pdf.layout import mark_tables

    def cell(text, x0, x1, y, bold=False):
        return Line(page=0, x0=x0, x1=x1, y=y, size=5.3, bold=bold, text=text)

    lines = [cell("Application", 58, 92, 701, True), cell("Solutions in China", 97, 151, 701, True),
             cell("Smart city", 58, 89, 690), cell("– AI integrates public services", 117, 285, 684)]
    mark_tables(lines)
    assert [l.role for l in lines] == ["table"] * 4


def test_a_header_row_that_ends_a_page_takes_the_next_pages_rows():
    from askwef.ingest.pdf.continued import continue_tables

    def cell(text, x0, y, page, bold=False):
        return Line(page=page, x0=x0, x1=x0 + min(120, 4 * len(text)), y=y, size=8, bold=bold, text=text)

    first = [cell("The healthcare sector grows fast.", 56, 120, 0), cell("Application", 56, 71, 0, True), cell("Solutions in China", 190, 71, 0, True)]
    second = [cell("Drug research and development", 56, 595, 1), cell("China's AI-driven drug R&D sector is projected to reach", 190, 595, 1),
              cell("(R&D)", 56, 584, 1), cell("$187 million in 2024.", 199, 584, 1), cell("CASE STUDY 4", 20, 520, 1, True)]
    continue_tables([first, second])
    assert [l.role for l in first] == ["", "table", "table"]
    assert [(l.role, l.table_column) for l in second] == [("table", 0), ("table", 1), ("table", 0), ("table", 1), ("", 0)]
    paras = paragraphs(first + second, 9.0, VOCABULARY)
    assert [p.kind for p in paras] == ["prose", "table_header", "row", "bold"]
    assert paras[2].text == "Drug research and development (R&D)"
    assert [i.text for i in paras[2].items] == ["China's AI-driven drug R&D sector is projected to reach $187 million in 2024."]


def test_a_heading_runs_on_only_into_the_lower_case_line_right_under_it():
    heading = Line(page=0, x0=305, x1=424, y=746, size=9.3, bold=True, text="Clarifying the strategy", role="heading", level=2)
    under = Line(page=0, x0=305, x1=464, y=732, size=6.7, bold=False, text="and roadmaps from a country-level perspective")
    assert [(p.kind, p.text) for p in paragraphs([heading, under], 6.7, VOCABULARY)] == [
        ("prose", "Clarifying the strategy and roadmaps from a country-level perspective")]
    # a diagram's bold row and a lower-case label far below it are two things
    row = Line(page=0, x0=145, x1=450, y=639, size=10, bold=True, text="To remain an AI and science superpower fit for the next decade")
    label = Line(page=0, x0=83, x1=203, y=460, size=10, bold=False, text="long term needs of the AI")
    assert [p.text for p in paragraphs([row, label], 10.0, VOCABULARY)] == [row.text, label.text]


def test_no_space_between_a_word_and_its_hyphen_set_as_a_run_of_its_own():
    runs = [Run("regulatory frameworks for e", 65.2, 498, 9.96, False, 0, 121.2, False),
            Run("-", 188.3, 498, 9.96, False, 0, 3.3, False), Run("transactions, including", 191.7, 498, 9.96, False, 0, 100, True)]
    assert page_lines(runs, 0)[0].text == "regulatory frameworks for e-transactions, including"
    spaced = [Run("from 2020", 65, 498, 10, False, 0, 40, False), Run("- 2022", 109, 498, 10, False, 0, 25, True)]
    assert page_lines(spaced, 0)[0].text == "from 2020 - 2022"


def test_a_hyphen_run_glued_to_the_next_word_joins_the_word_before_whatever_the_estimated_gap():
    runs = [Run("also creates many opportunities for non", 75.3, 172, 9.96, False, 0, 327.2, False),
            Run("-", 411.1, 172, 9.96, False, 0, 3.3, False), Run("compliance with laws", 414.4, 172, 9.96, False, 0, 115.7, True)]
    assert page_lines(runs, 0)[0].text == "also creates many opportunities for non-compliance with laws"


def test_a_note_line_opened_by_its_raised_number_keeps_its_words_whole():
    # the OECD review's chapter notes: the number 3 pt above the baseline, then "Worl" and "d Bank" as two runs
    # (a justified line's pieces); read against the number's baseline they fell on two lines, "Worl" / "d Bank"
    runs = [Run("4", 65.18, 217.82, 6.48, False, 0, 3.6, False), Run("Worl", 71.54, 214.82, 9.96, False, 0, 20.43, False),
            Run("d Bank, 2018 Public Expenditure", 92.06, 214.82, 9.96, False, 0, 150.0, True)]
    lines = page_lines(runs, 0)
    assert len(lines) == 1 and lines[0].text.endswith("World Bank, 2018 Public Expenditure")


def _heading(text: str, y: float, size: float = 10.5) -> Line:
    line = Line(page=0, x0=56, x1=56 + 6 * len(text), y=y, size=size, bold=True, text=text, role="heading", level=1)
    line.runs = [Run(text, 56, y, size, True, 0, 6 * len(text), True)]
    return line


def test_headings_one_under_the_other_are_not_one_wrapped_heading():
    # a list of contributors: a group, an organisation, a name, 1.8 sizes apart (the WEF template);
    # a heading wrapped over two lines stands 1.2 sizes apart
    listed = [_heading("Lead authors", 737.4), _heading("World Economic Forum", 718.4), _heading("Na Na", 699.4)]
    assert [p.text for p in paragraphs(listed, 9.0, VOCABULARY)] == ["Lead authors", "World Economic Forum", "Na Na"]
    wrapped = [_heading("Enabling sustainable energy", 737.4), _heading("solutions to power AI", 724.8)]
    assert [p.text for p in paragraphs(wrapped, 9.0, VOCABULARY)] == ["Enabling sustainable energy solutions to power AI"]


def test_a_box_broken_over_a_page_goes_on_as_the_same_unit():
    # the WEF template's case study 1: label and title at the foot of a page, its text on the next
    label = Line(page=0, x0=300, x1=360, y=126, size=7.5, bold=True, text="CASE STUDY 1", box=1)
    title = Line(page=0, x0=300, x1=500, y=108, size=9.5, bold=True, text="A platform for computing power", box=1)
    text = [Line(page=1, x0=56, x1=290, y=774, size=8.5, bold=False, text="In 2023, a company launched", box=1),
            Line(page=1, x0=56, x1=290, y=763, size=8.5, bold=False, text="a computing power grid platform.", box=1)]
    for line in [label, title, *text]:
        line.runs = [Run(line.text, line.x0, line.y, line.size, line.bold, 0, line.x1 - line.x0, True)]
    paras = paragraphs([label, title, *text], 9.0, VOCABULARY)
    # one box: its label and title (the assembler opens the named unit on "CASE STUDY 1"), then its text
    assert [(p.kind, p.text) for p in paras] == [("unit", ""), ("bold", "CASE STUDY 1"), ("bold", "A platform for computing power"),
                                                 ("prose", "In 2023, a company launched a computing power grid platform."),
                                                 ("unit_end", "")]


def test_a_box_labelled_with_a_long_title_is_a_unit_named_by_it():
    # the OECD review's Box 4.3: a label and 13 words of title in bold over its text, on a line of its own
    title = Line(page=0, x0=72, x1=520, y=427, size=12, bold=True, box=2,
                 text="Box 4.3. Strengthening the role of the centre of government in strategic planning in Morocco")
    text = [Line(page=0, x0=72, x1=520, y=404, size=10, bold=False, text="In Morocco, the Services of the Head of", box=2),
            Line(page=0, x0=72, x1=520, y=391, size=10, bold=False, text="Government were established in 2012.", box=2)]
    for line in [title, *text]:
        line.runs = [Run(line.text, line.x0, line.y, line.size, line.bold, 0, line.x1 - line.x0, True)]
    paras = paragraphs([title, *text], 10.0, VOCABULARY)
    assert [(p.kind, p.text) for p in paras] == [("unit", title.text), ("prose", "In Morocco, the Services of the Head of Government were established in 2012."),
                                                 ("unit_end", "")]


def test_a_box_labelled_with_a_title_of_sixteen_words_is_a_unit_named_by_it():
    # the OECD review's Box 4.10: its label says the bold lines are a title, not the box's opening sentences
    title = [Line(page=0, x0=72, x1=520, y=721, size=12, bold=True, box=3,
                  text="Box 4.10. The GFMIS in Egypt and Jordan aim to support the integration of public financial"),
             Line(page=0, x0=72, x1=200, y=707, size=12, bold=True, box=3, text="management processes")]
    text = [Line(page=0, x0=72, x1=520, y=680, size=10, bold=False, text="The Financial Control Manual defines its aims.", box=3)]
    for line in [*title, *text]:
        line.runs = [Run(line.text, line.x0, line.y, line.size, line.bold, 0, line.x1 - line.x0, True)]
    paras = paragraphs([*title, *text], 10.0, VOCABULARY)
    assert [(p.kind, p.text) for p in paras][:2] == [("unit", f"{title[0].text} {title[1].text}"),
                                                     ("prose", "The Financial Control Manual defines its aims.")]
    # unlabelled, 22 bold words are the box's opening sentence (BOX_TITLE_WORDS)
    bold = Line(page=0, x0=72, x1=520, y=721, size=12, bold=True, box=3,
                text="Twenty-two bold words open this box and run on as its first sentence would in a report here, "
                     "long past any title of one")
    bold.runs = [Run(bold.text, bold.x0, bold.y, bold.size, bold.bold, 0, bold.x1 - bold.x0, True)]
    assert [(p.kind, p.text) for p in paragraphs([bold, *text], 10.0, VOCABULARY)][:2] == [("unit", ""), ("prose", bold.text)]


def test_a_box_broken_over_a_page_at_a_subheading_goes_on_as_the_same_unit():
    # the OECD review's chapter 5: one box titled at 18 points, whose 11-point subheadings open its later pages
    def line(page, y, size, bold, text, box):
        made = Line(page=page, x0=71, x1=520, y=y, size=size, bold=bold, text=text, box=box)
        made.runs = [Run(text, made.x0, y, size, bold, 0, made.x1 - made.x0, True)]
        return made

    first = [line(0, 726, 18, True, "Overview of recommendations", 1), line(0, 100, 10, False, "The PA could plan ahead.", 1)]
    sub = [line(1, 725, 11, True, "Recommendations to improve co-ordination", 1), line(1, 700, 10, False, "The PA could meet.", 1)]
    paras = paragraphs(first + sub, 10.0, VOCABULARY)
    assert [(p.kind, p.text) for p in paras] == [("unit", "Overview of recommendations"), ("prose", "The PA could plan ahead."),
                                                 ("bold", "Recommendations to improve co-ordination"),
                                                 ("prose", "The PA could meet."), ("unit_end", "")]
    # a box titled at its own size on the next page, or labelled, is a box of its own
    for opening in (line(1, 725, 18, True, "Another box", 1), line(1, 725, 11, True, "Box 5.2. Another box", 1)):
        paras = paragraphs(first + [opening, sub[1]], 10.0, VOCABULARY)
        assert [p.text for p in paras if p.kind == "unit"] == ["Overview of recommendations", opening.text]


def test_a_word_processors_justified_run_ends_where_its_tj_adjustments_put_it(tmp_path):
    """A Word layer justifies a line with TJ adjustments in a simple font and places the rest of a word
    in a run of its own: the letter widths alone end the first run short, and a space stood inside the
    word ('institutio ns'). The run ends where its adjustments put it, so the word is whole."""
    from pypdf import PdfReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from askwef.ingest.pdf.layout import page_lines
    from askwef.ingest.pdf.runs import Widths, page_runs

    path = tmp_path / "word.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 10)
    c.drawString(60, 760, "A heading line")
    # three words, each 600 thousandths of an em apart (6 pt, a justified line), then the word's end 0.3 pt after them
    end = 60 + stringWidth("relevantpublicinstitutio", "Helvetica", 10) + 2 * 6.0 + 0.3
    c._code.append("BT /F1 10 Tf 1 0 0 1 60 700 Tm [(relevant) -600 (public) -600 (institutio)] TJ ET")
    c._code.append(f"BT /F1 10 Tf 1 0 0 1 {end:.3f} 700 Tm (ns to support) Tj ET")
    c.showPage()
    c.save()
    lines = page_lines(page_runs(PdfReader(path).pages[0], Widths()), 0)
    assert [line.text for line in lines if line.y < 710] == ["relevant public institutions to support"]


def test_an_imprint_printed_again_on_the_back_cover_is_read_once():
    from dataclasses import replace

    from askwef.ingest.pdf.layout import mark_imprint

    imprint = ["Published in May 2021 by the Office", "© Crown copyright 2021", "This publication is licensed under the terms of",
               "the Open Licence v3.0 except where otherwise stated.", "ISBN 978-1-5286-2894-5"]
    body = [[_body_line(f"page {k} says something of its own here", 700 - 12 * i) for i in range(4)] for k in range(3)]
    closing = [_body_line(t, 700 - 12 * i) for i, t in enumerate(imprint)]
    back = [_body_line(t, 300 - 12 * i) for i, t in enumerate([imprint[0], imprint[1], imprint[4], "Any enquiries to: x@y.uk"])]
    pages = body + [closing, [_body_line("National AI Strategy", 400)], back]
    pages = [[replace(line, page=k) for line in lines] for k, lines in enumerate(pages)]
    mark_imprint(pages)
    # the fuller copy is read as the report's front matter (front.py), the back cover's is not read
    assert all(line.role == "imprint" for line in pages[3]) and all(line.role == "furniture" for line in pages[5])
    assert all(line.role == "" for lines in pages[:3] + [pages[4]] for line in lines)
    # a report whose closing pages repeat nothing keeps them
    plain = [[replace(line, page=k, role="") for line in lines] for k, lines in enumerate(body + [closing])]
    mark_imprint(plain)
    assert all(line.role == "" for lines in plain for line in lines)


def test_a_dash_items_line_that_runs_to_the_columns_edge_goes_on_under_a_capital():
    """A list item opened by a dash set in the text, its lines flush with the dash (a browser's print of
    the Blueprint's '– Ecosystem enablers: ...' in 12 pt): after a line that runs to the column's edge,
    the next line goes on with the item though it opens with a capital ('AI ecosystem'); after a line
    that stops short, a capital opens a paragraph of its own."""
    def line(text: str, y: float, x1: float = 290.0) -> Line:
        return Line(page=0, x0=50, x1=x1, y=y, size=8, bold=False, text=text)

    lines = [line("Three factors are propelling this transformation, among them the", 700),
             line("government's proactive role in planning and its execution.", 690, 250),
             line("– Ecosystem enablers: China has established a vibrant", 670),
             line("AI ecosystem that promotes collaborative innovation. A", 660),
             line("culture of innovation is also taking root.", 650, 180),
             line("– Industrial application: leading companies invest", 630),
             line("heavily in AI.", 620, 120),
             line("Despite its success, China's journey goes on.", 610, 230)]
    paras = paragraphs(lines, 8.0, VOCABULARY)
    assert [(p.kind, p.text) for p in paras][1:] == [
        ("item", "Ecosystem enablers: China has established a vibrant AI ecosystem that promotes collaborative "
                 "innovation. A culture of innovation is also taking root."),
        ("item", "Industrial application: leading companies invest heavily in AI."),
        ("prose", "Despite its success, China's journey goes on.")]


def test_a_name_and_title_centred_beside_the_text_are_a_column_of_their_own():
    """A portrait's caption (the UK strategy's foreword: the minister's name and title, each line centred on one axis,
    none at a common left edge) is read after the text beside it, not line by line into its sentences."""
    from askwef.ingest.pdf.columns import reading_order

    text = [Line(page=0, x0=71, x1=290, y=500 - 16 * i, size=12, bold=False, text=f"line {i} of the foreword goes on") for i in range(8)]
    caption = [Line(page=0, x0=442 - w / 2, x1=442 + w / 2, y=470 - 16 * i, size=16, bold=True, text=t)
               for i, (t, w) in enumerate([("KWASI KWARTENG", 152), ("SECRETARY OF STATE FOR", 216), ("INDUSTRIAL STRATEGY", 182)])]
    order = [l.text for l in reading_order(sorted(text + caption, key=lambda l: -l.y), (595.0, 842.0))]
    assert order == [l.text for l in text] + [l.text for l in caption]


def test_a_table_centred_on_several_axes_is_not_taken_for_a_caption():
    """The OECD review's indicator tables centre their cells on several axes beside their row labels: no caption."""
    from askwef.ingest.pdf.columns import _gutter

    text = [Line(page=0, x0=71, x1=240, y=500 - 16 * i, size=9, bold=False, text=f"row {i} label") for i in range(6)]
    cells = [Line(page=0, x0=x - w, x1=x + w, y=500 - 16 * i, size=9, bold=False, text=t)
             for i, (t, w) in enumerate([("Trend [year]", 19), ("Target [year]", 20), ("Baseline [Year]", 23)]) for x in (300, 390, 480)]
    assert _gutter(text + cells, 0.0, 595.0) is None


def test_a_box_across_the_page_does_not_set_the_edge_of_the_column_under_it():
    from askwef.ingest.pdf.columns import right_edges

    box = Line(page=0, x0=71, x1=525, y=700, size=10, bold=False, text="A box set across the page.", box=1, column=1)
    column = Line(page=0, x0=71, x1=276, y=300, size=10, bold=False, text="The integration of standards in our model for", column=1)
    assert right_edges([box, column]) == {(0, 1): 276}
    assert right_edges([box]) == {(0, 1): 525}


def test_a_numbered_chapter_titled_footnotes_is_prose_and_a_note_list_opens_with_a_note():
    # the REVTeX guide's "VII. FOOTNOTES" (how to write footnotes) was dropped as a list of notes once its number was read
    from askwef.ingest.pdf.notes import note_sections

    def heading(text, y):
        return Line(page=3, x0=56, x1=300, y=y, size=12, bold=True, text=text, role="heading")

    chapter = [heading("VII. FOOTNOTES", 700), _body_line("The footnote text can either appear at the bottom of a page.", 680)]
    listed = [heading("Notes", 600), _body_line("1. Ocean Institute (2024), Tides.", 580)]
    assert [key for _, _, key, _ in note_sections(chapter + listed, set())] == ["notes"]

"""The PDF reader's parts on small made-up input: columns, printed pages, notes, year, spaces, figures."""

from __future__ import annotations

from askwef.ingest.parsed import Para
from askwef.ingest.pdf.columns import reading_order
from askwef.ingest.pdf.despace import despace
from askwef.ingest.pdf.layout import Line
from askwef.ingest.pdf.notes import endnote_entries, resolve_ibid
from askwef.ingest.pdf.pages import printed_labels
from askwef.ingest.pdf.paragraphs import Vocabulary
from askwef.ingest.pdf.regions import mark_regions, numbers_only
from askwef.ingest.pdf.runs import Shape
from askwef.ingest.pdf.year import publication_year_in
from askwef.types import Endnote, find_endnote

VOCABULARY = Vocabulary(frozenset(), frozenset(), frozenset())


def _line(text: str, x0: float, x1: float, y: float, size: float = 10.0, page: int = 0) -> Line:
    return Line(page=page, x0=x0, x1=x1, y=y, size=size, bold=False, text=text)


def test_two_columns_under_a_full_width_title_are_read_column_by_column():
    lines = [_line("A title across the page", 50, 545, 800, 20)]
    lines += [_line(f"left {k}", 50, 290, 760 - 12 * k) for k in range(6)]
    lines += [_line(f"right {k}", 305, 545, 760 - 12 * k) for k in range(6)]
    order = [l.text for l in reading_order(lines, (595.0, 842.0))]
    assert order == ["A title across the page"] + [f"left {k}" for k in range(6)] + [f"right {k}" for k in range(6)]


def test_a_short_line_under_two_columns_with_nothing_beside_it_is_no_column():
    """The OECD review's p. 44: a bullet's last word ("Reforms.") under a table of two columns had been filed in the
    left column, and its paragraph ended a line early."""
    lines = [_line(f"left {k}", 50, 290, 760 - 12 * k) for k in range(6)]
    lines += [_line(f"right {k}", 305, 545, 760 - 12 * k) for k in range(6)]
    lines += [_line("• The OoP, which has recently established the Higher Committee for Administrative and Legislative", 50, 545, 600),
              _line("Reforms.", 68, 110, 588), _line("Lacking a clear political decision, the absence of one lead institution", 50, 545, 560)]
    ordered = reading_order(lines, (595.0, 842.0))
    assert [l.column for l in ordered if l.text.startswith(("left", "right"))] == [1] * 6 + [2] * 6
    assert [l.column for l in ordered if not l.text.startswith(("left", "right"))] == [0, 0, 0]


def test_a_table_in_the_right_column_keeps_its_page_column_and_gets_its_cells_columns():
    """A table set in a page's right column: its lines stay in page column 2 (`Line.column`), each with the
    column of cells it stands in (`Line.table_column`); the one field once held both, and a table's
    cells took the page column's place."""
    lines = [_line(f"left {k}", 50, 290, 760 - 12 * k) for k in range(12)]
    lines += [_line(f"right {k}", 305, 545, 760 - 12 * k) for k in range(4)]
    header = [Line(page=0, x0=305, x1=350, y=700, size=8, bold=True, text="Application"),
              Line(page=0, x0=380, x1=460, y=700, size=8, bold=True, text="Solutions in China")]
    cells = [_line("Energy", 305, 335, 688, 8), _line("AI forecasts of electricity demand", 380, 540, 688, 8),
             _line("management", 305, 350, 678, 8), _line("improve the grid.", 380, 450, 678, 8)]
    order = reading_order(lines + header + cells, (595.0, 842.0))
    table = [l for l in order if l.role == "table" and l.level != -1]
    assert [(l.text, l.column, l.table_column) for l in table] == [
        ("Energy", 2, 0), ("AI forecasts of electricity demand", 2, 1), ("management", 2, 0), ("improve the grid.", 2, 1)]
    assert {l.column for l in order if l.text.startswith("left")} == {1}


def test_two_columns_of_short_lines_on_baselines_of_their_own_are_read_column_by_column():
    """A page of contributors in two columns, names and titles short of the gutter, each column set on its
    own baselines (the Blueprint printed by Chromium in Liberation Serif): column by column. A list of
    terms and their meanings, side by side on shared baselines, stays row by row."""
    people = [_line(t, 50, 50 + 5 * len(t), 760 - 10 * k, 7.3) for k, t in enumerate(
        ["Na Na", "China Lead, Advanced Manufacturing", "Sophia Wenrui Gu", "Project Fellow, Strategy", "Freda Hua Tong", "Research Manager"])]
    people += [_line(t, 305, 305 + 5 * len(t), 757.5 - 10 * k, 7.3) for k, t in enumerate(
        ["Daniel Dobrygowski", "Head, Governance and Trust", "Zara Ingilizian", "Head, Consumer Industries", "Devendra Jain", "Initiatives Lead"])]
    order = [l.text for l in reading_order(people, (595.0, 842.0))]
    assert order[:6] == ["Na Na", "China Lead, Advanced Manufacturing", "Sophia Wenrui Gu", "Project Fellow, Strategy",
                         "Freda Hua Tong", "Research Manager"]
    terms = [_line(t, 70, 70 + 5 * len(t), 740 - 12 * k) for k, t in enumerate(["SIGMA", "SPA", "SSCS", "SWOT"])]
    terms += [_line(t, 296, 296 + 5 * len(t), 740 - 12 * k) for k, t in enumerate(
        ["Support for Improvement in Governance", "Strategic Planning Approach", "Sectoral Strategy of the Civil Service", "Strengths, Weaknesses"])]
    order = [l.text for l in reading_order(terms, (595.0, 842.0))]
    assert order[:2] == ["SIGMA", "Support for Improvement in Governance"]


def test_a_contents_row_and_its_far_page_number_are_one_line_not_two_columns():
    lines = []
    for k, title in enumerate(["Foreword", "Executive summary", "Introduction", "1 The strategy", "2 The enablers"]):
        lines += [_line(title, 50, 50 + 8 * len(title), 700 - 14 * k), _line(str(3 + k), 530, 536, 700 - 14 * k)]
    order = reading_order(lines, (595.0, 842.0))
    assert [l.text for l in order] == ["Foreword\t3", "Executive summary\t4", "Introduction\t5", "1 The strategy\t6", "2 The enablers\t7"]


def test_one_column_with_short_lines_has_no_gutter():
    lines = [_line(f"a full line of text {k}", 50, 545, 700 - 12 * k) for k in range(10)]
    lines += [_line("short end.", 50, 120, 570), _line("right note", 400, 545, 570)]
    order = reading_order(lines, (595.0, 842.0))
    assert all(l.column == 0 for l in order)


def test_printed_numbers_run_behind_the_physical_pages():
    pages = [[_line("Cover", 50, 200, 700, page=0)], [_line("Contents", 50, 200, 700, page=1)]]
    pages += [[_line("text", 50, 200, 700, page=i), _line(str(i - 1), 540, 550, 20, page=i)] for i in range(2, 8)]
    labels = printed_labels(pages, [(595.0, 842.0)] * 8, [str(i + 1) for i in range(8)], explicit=False)
    assert labels[2:] == ["1", "2", "3", "4", "5", "6"]  # the 3rd page prints 1
    explicit = ["i", "ii"] + [str(i) for i in range(1, 7)]
    assert printed_labels(pages, [(595.0, 842.0)] * 8, explicit, explicit=True) == explicit  # labels that agree with the print stay


def test_note_entries_with_a_raised_number_and_ibid():
    lines = [_line("1 Zhao, Z. (2024). Green data centers.", 50, 300, 700), _line("https://example.org/a", 60, 300, 690),
             _line("2. Ibid., p. 4.", 50, 300, 680), _line("3 Mu, J. (2024). Smart insurance.", 50, 300, 670)]
    texts, by_number = endnote_entries(lines, VOCABULARY)
    assert texts[0].startswith("1. Zhao, Z. (2024)") and "https://example.org/a" in texts[0]
    assert sorted(by_number) == [1, 2, 3]
    notes = resolve_ibid([Endnote(1, "Zhao, Z. (2024). Green data centers.", "https://example.org/a"), Endnote(2, "Ibid., p. 4."),
                          Endnote(3, "Mu, J. (2024).")])
    assert notes[1] == Endnote(2, "Zhao, Z. (2024). Green data centers. p. 4.", "https://example.org/a")


def test_a_note_cited_in_a_chapter_resolves_to_that_chapters_note():
    notes = (Endnote(1, "first chapter's", scope="1 Context"), Endnote(1, "second chapter's", scope="2 Review"))
    assert find_endnote(notes, 1, "2 Review > A fragmented framework").reference == "second chapter's"
    assert find_endnote(notes, 1, "1 Context").reference == "first chapter's"
    assert find_endnote((Endnote(4, "whole document"),), 4, "anything").reference == "whole document"


def test_publication_year():
    assert publication_year_in(["WHITE PAPER", "JANUARY 2025"]) == 2025
    assert publication_year_in(["The report was completed in September 2023.", "© OECD 2024"]) == 2024
    assert publication_year_in(["By 2030, AI will be everywhere."]) == 0
    # a month and year in a sentence date an event the report tells of, not the report (the USGS water record: 1942)
    assert publication_year_in(["The gauge stood 830 ft upstream from January 1935 to September 1942, and moved."]) == 0
    # a copyright over a range of years dates the edition by its last ("© 1998–2022": 2022, not 1998)
    assert publication_year_in(["Copyright © 1998–2022 The Authors"]) == publication_year_in(["© OECD 1998-2022"]) == 2022


def test_spaces_inside_words_go_only_when_the_layer_shows_the_fault():
    broken = [Para("prose", "The plan was a dopted an d the non -ministerial bodies agreed.", markers=((20, 3),))]
    broken += [Para("prose", f"Ministries an d agencies met {k} times an d agreed.") for k in range(6)]
    clean = [Para("prose", "The plan was adopted and the non-ministerial bodies agreed and adopted it.")]
    fixed = despace(broken + clean)
    assert fixed[0].text == "The plan was adopted and the non-ministerial bodies agreed."
    assert fixed[0].markers == ((19, 3),)  # the marker after 'adopted' moved with the text
    assert fixed[1].text == "Ministries and agencies met 0 times and agreed."
    untouched = [Para("prose", "They went a round of talks; a d hoc group. " * 3), Para("prose", "around and around ad hoc")]
    assert despace(untouched) == untouched  # too few broken words: a clean text layer is left alone


def test_chart_labels_are_figure_text_and_a_sentence_in_the_chart_stays():
    bars = [Shape(100 + 30 * k, 400, 120 + 30 * k, 400 + 20 * k, "fill") for k in range(1, 5)]
    lines = [_line("64", 130, 140, 440, 6), _line("Manufacturing Retail Health", 100, 240, 390, 6),
             _line("The scale of data in China has achieved a CAGR of 26.3%, ranking first in the world.", 100, 400, 470, 7),
             _line("0 25 50 75 100", 60, 90, 300, 6), _line("A body sentence far away from the chart.", 50, 500, 700)]
    mark_regions(lines, bars, (595.0, 842.0), 10.0)
    assert [l.role for l in lines] == ["figure", "figure", "", "figure", ""]
    assert numbers_only("25% $1.2bn 2023") and not numbers_only("5G networks")


def test_outline_matched_to_the_contents_when_a_chapter_lists_no_references():
    """The OECD review: its Contents lists no References for Annex A, its outline does. Matching the
    outline's first 'References' to the next one the Contents lists (Annex B's) lost Annex B's entries
    and its subsections; aligned in order, Annex B's subsection under a matched parent is kept."""
    from askwef.ingest.parsed import ContentsEntry
    from askwef.ingest.pdf.headings import OutlineItem, merge_outline

    contents = [ContentsEntry("", "Annex A. Simplifying", 91, 1), ContentsEntry("", "Introduction", 91, 2),
                ContentsEntry("", "Annex B. Prioritising", 131, 1), ContentsEntry("", "Towards enhanced analysis", 144, 2),
                ContentsEntry("", "References", 156, 2)]
    outline = [OutlineItem("Annex A. Simplifying", 1, 92, 91), OutlineItem("Introduction", 2, 92, 91),
               OutlineItem("References", 2, 126, 125), OutlineItem("Annex B. Prioritising", 1, 132, 131),
               OutlineItem("Towards enhanced analysis", 2, 145, 144), OutlineItem("Enhancing problem analysis", 3, 145, 144),
               OutlineItem("References", 2, 157, 156)]
    merged = merge_outline(contents, outline, "Review")
    assert [(e.title, e.level) for e in merged] == [
        ("Annex A. Simplifying", 1), ("Introduction", 2), ("Annex B. Prioritising", 1), ("Towards enhanced analysis", 2),
        ("Enhancing problem analysis", 3), ("References", 2)]


def test_a_bookmarked_heading_over_a_table_introduces_its_section():
    """A bookmark's heading followed by a table, then prose, opens a section (the OECD review's
    'Digitalisation in the PA'); one followed by a chart's labels, a short line in body type or
    another heading does not."""
    from askwef.ingest.pdf.headings import OutlineItem, _introduces_prose

    def heading(text, y):
        line = _line(text, 50, 300, y, 11.0)
        line.role = "heading"
        return line

    cells = [_line("Online Portals", 50, 120, 680, 9.0), _line("www.example.gov", 130, 250, 680, 8.5)]
    prose = _line("The portal offers few services online and most of them only give information to users.", 50, 500, 600)
    item = OutlineItem("Digitalisation in the PA", 3, 0, 1)
    assert _introduces_prose(item, [heading("Digitalisation in the PA", 700), *cells, prose], 10.0)
    labels = [_line(t, 60, 90, 650 - 10 * i, 7.0) for i, t in enumerate(("2018", "2020"))]
    for label in labels:
        label.role = "figure"
    assert not _introduces_prose(item, [heading("Digitalisation in the PA", 700), *labels, prose], 10.0)
    assert not _introduces_prose(item, [heading("Digitalisation in the PA", 700), heading("Another heading", 690), prose], 10.0)
    year = _line("2020", 50, 90, 690)  # a timeline's year under its step, in body type
    assert not _introduces_prose(item, [heading("Digitalisation in the PA", 700), year, prose], 10.0)
    # a paragraph wrapped in a narrow column, six words a line, is prose; one short line alone is not
    narrow = [_line("China's advanced information and communication", 50, 250, 690), _line("technology infrastructure has provided a", 50, 250, 680)]
    assert _introduces_prose(item, [heading("Digitalisation in the PA", 700), *narrow], 10.0)
    assert not _introduces_prose(item, [heading("Digitalisation in the PA", 700), narrow[0], heading("Another heading", 680)], 10.0)
    # a ruled table's cells in body type, read after the heading (the GnuCash guide's "Check Items Group", printed
    # under a table whose right columns are read after it), are passed over too
    ruled = [_line(t, 330, 560, 690 - 12 * i) for i, t in enumerate(("mandatory", "This field specifies the names"))]
    for cell in ruled:
        cell.role = "table"
    assert _introduces_prose(item, [heading("Digitalisation in the PA", 700), *ruled, prose], 10.0)


def test_category_labels_right_aligned_against_the_bars_are_figure_text_wrapped_lines_too():
    """The OECD review's Figure A B.1: names in 6.8 pt set flush against the axis of bars whose values are 6.1 pt; a
    long name's middle lies far from the bars and its second line further still. The body beside stays."""
    bars = [Shape(266, 490 + 16 * k, 300 + 20 * k, 495 + 16 * k, "fill") for k in range(5)]
    lines = [_line("Behavioural Insights", 207, 263, 492, 6.8), _line("23%", 308, 321, 492, 6.1),
             _line("Relations within government (i.e., with states, provinces, municipal", 82, 262, 508, 6.8),
             _line("governments)", 154, 191, 500, 6.8), _line("Crisis management", 210, 263, 524, 6.8),
             _line("Note: n=26. Respondents were asked whether a unit exists.", 65, 525, 447, 9.0),
             _line("in the Palestinian Authority", 30, 150, 420, 10.0)]
    mark_regions(lines, bars, (595.0, 842.0), 10.0)
    assert [l.role for l in lines] == ["figure", "figure", "figure", "figure", "figure", "", ""]


def test_a_label_a_little_under_its_rows_first_line_is_read_before_it():
    """The OECD review's acronyms list: "NCSSIA" stands 0.1 pt under the first line of its long form."""
    lines = [_line("MoWA", 70.6, 96.1, 329.7), _line("Ministry of Women Affairs", 296.1, 389.4, 329.7),
             _line("National Cross-Sectoral Strategy for Integrity and Anti-", 296.1, 493.9, 317.4), _line("NCSSIA", 70.6, 101.4, 317.3),
             _line("Corruption", 296.1, 334.3, 307.4), _line("NDP", 70.6, 87.8, 295.1), _line("National Development Plan", 296.1, 395.3, 295.1)]
    order = [l.text for l in reading_order(lines, (595.0, 842.0))]
    assert order[2:5] == ["NCSSIA", "National Cross-Sectoral Strategy for Integrity and Anti-", "Corruption"]


def test_a_note_list_ends_before_the_next_chapters_number_set_huge():
    """The OECD review opens each chapter on a page with its number in 65 pt; it had been read into the last note of
    the chapter before ("... for West Bank and Gaza, 3")."""
    from askwef.ingest.pdf.notes import note_sections

    notes_heading = _line("Notes", 50, 100, 600, 12.0)
    notes_heading.role = "heading"
    number = _line("3", 76, 106, 686, 65.0, page=1)
    title = _line("Review of the Institutional", 124, 415, 686, 28.0, page=1)
    title.role = "heading"
    lines = [notes_heading, _line("4 World Bank, 2018 PEFA Assessment for West Bank and Gaza,", 50, 400, 580), number, title]
    assert [(start, end) for start, end, _, _ in note_sections(lines, set())] == [(0, 2)]


def test_a_note_list_belongs_to_the_chapter_whose_title_wraps_over_four_lines():
    """The OECD review's chapter 3 title is set over four lines; its 'Note' list is its own, not the
    chapter before's."""
    from askwef.ingest.pdf.notes import note_sections
    from askwef.ingest.text import title_key

    def heading(text, y, page):
        line = _line(text, 50, 400, y, 20.0, page)
        line.role = "heading"
        return line

    lines = [heading("Review of the Strategic Framework", 700, 0), _line("Body text of the chapter.", 50, 400, 650, page=0),
             heading("Notes", 600, 0), _line("1 A note of chapter two.", 50, 400, 580, page=0),
             heading("Review of the Institutional", 700, 1), heading("Framework for Public", 676, 1),
             heading("Administration Reform in the", 652, 1), heading("Palestinian Authority", 628, 1),
             _line("Body text of chapter three.", 50, 400, 560, page=1), heading("Note", 500, 1),
             _line("1 Since 2007, a note of chapter three.", 50, 400, 480, page=1)]
    chapters = {title_key("Review of the Strategic Framework"),
                title_key("Review of the Institutional Framework for Public Administration Reform in the Palestinian Authority")}
    lists = note_sections(lines, chapters)
    assert [(key, chapter) for _, _, key, chapter in lists] == [
        ("notes", "Review of the Strategic Framework"),
        ("note", "Review of the Institutional Framework for Public Administration Reform in the Palestinian Authority")]


def test_a_chapters_running_head_where_the_reports_stands_is_furniture():
    """The UK strategy heads odd pages with 'National AI Strategy' and even ones with the chapter's
    title, printed on two pages only: set where the report's running head stands, in its type, the
    chapter's is furniture too; a bold heading at that place is not."""
    from askwef.ingest.pdf.layout import mark_furniture

    pages = []
    for page in range(10):
        top = "National AI Strategy" if page % 2 else ("Pillar 1: Investing in the AI ecosystem" if page < 5 else "Pillar 2: Ensuring AI benefits all")
        pages.append([_line(top, 50, 300, 791, 12, page), _line("Body text of the page that runs on.", 50, 300, 500, 10, page)])
    heading = Line(page=9, x0=50, x1=300, y=791, size=12, bold=True, text="Commercialisation")
    pages[9].append(heading)
    mark_furniture(pages, [(595.0, 842.0)] * 10, [str(i + 1) for i in range(10)])
    assert all(p[0].role == "furniture" for p in pages)  # 'Pillar 2: ...' is printed on pages 6 and 8 only
    assert not any(p[1].role for p in pages)
    assert heading.role == ""


def test_a_heading_is_found_on_its_page_over_lines_in_other_type_and_in_either_order():
    """The UK strategy's 'Pillar 1:' (25 pt) over 'Investing in the long-term' / 'needs of the AI
    ecosystem' (35 pt) is the Contents' 'Pillar 1: Investing in the long-term needs of the AI
    ecosystem', on its page, not its running head later; 'Commercialisation', listed before 'Pillar 2'
    on the same page, is printed beside the pillar's opening, after its title: it is read there."""
    from askwef.ingest.parsed import ContentsEntry
    from askwef.ingest.pdf.headings import pages_where_printed

    def heading(text, y, size, page):
        line = Line(page=page, x0=50, x1=400, y=y, size=size, bold=True, text=text)
        line.role = "heading"
        return line

    lines = [heading("Pillar 1:", 769, 25, 0), heading("Investing in the long-term", 729, 35, 0),
             heading("needs of the AI ecosystem", 689, 35, 0), _line("Body text.", 50, 300, 500, 10, 0),
             heading("Pillar 2:", 769, 25, 2), heading("Ensuring AI benefits", 729, 35, 2), _line("Body.", 50, 300, 500, 10, 2),
             heading("Commercialisation", 254, 12, 2), _line("Body.", 50, 300, 230, 10, 2),
             heading("Pillar 2 - Ensuring AI Benefits", 613, 10, 4)]
    contents = [ContentsEntry("", "Pillar 1: Investing in the long-term needs of the AI ecosystem", 9, 1),
                ContentsEntry("", "Commercialisation", 9, 2), ContentsEntry("", "Pillar 2: Ensuring AI benefits", 9, 1)]
    found = pages_where_printed(contents, lines, ["22", "23", "40", "41", "48"])
    assert [(e.title[:9], e.page) for e in found] == [("Pillar 1:", 22), ("Pillar 2:", 40), ("Commercia", 40)]  # as printed


def test_a_citation_on_its_own_line_goes_with_the_paragraph_before():
    """The OECD review sets a quotation's source right-aligned on its own line; it is not a sentence of
    its own. A line in parentheses that is no citation, or one after a heading, stays as it is."""
    from askwef.ingest.pdf.citations import attach_citations

    paras = [Para("prose", "“It will expand the private sector.”", pages=((0, 95, "96"),)),
             Para("prose", "(Palestinian Authority, 2016[19])", pages=((0, 96, "97"),)),
             Para("prose", "(see the table below)"),
             Para("heading", "Digital projects", level=2), Para("prose", "(OECD, 2011[30])")]
    out = attach_citations(paras)
    assert [p.text for p in out] == ["“It will expand the private sector.” (Palestinian Authority, 2016[19])", "(see the table below)",
                                     "Digital projects", "(OECD, 2011[30])"]
    assert out[0].pages == ((0, 95, "96"), (37, 96, "97"))  # the citation is printed on the next page


def test_a_footer_on_a_landscape_page_is_furniture_as_on_the_upright_ones():
    """The OECD review's annex turns its tables' pages to landscape: the running footer stands 62 pt above the
    bottom edge there as on every upright page, which is outside the bottom 8% of a page 595 pt high."""
    from askwef.ingest.pdf.layout import mark_furniture

    footer = "OECD PUBLIC GOVERNANCE REVIEWS: PALESTINIAN AUTHORITY © OECD 2024"
    sizes = [(595.0, 842.0)] * 8 + [(842.0, 595.0)] * 2
    pages = [[_line(footer, 65 if page < 8 else 440, 400, 62, 8, page), _line("Body text of the page that runs on.", 50, 300, 400, 10, page)]
             for page in range(10)]
    mark_furniture(pages, sizes, [str(i + 1) for i in range(10)])
    assert [p[0].role for p in pages] == ["furniture"] * 10
    assert not any(p[1].role for p in pages)


def test_a_composite_fonts_glyph_left_out_of_its_widths_is_as_wide_as_its_default():
    """A Type0 font's /W array may leave out the glyphs as wide as its /DW (Chromium's subsets do): they
    are /DW wide, not 0, or a run ends short of its letters and a line falls apart at the gap."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, NumberObject

    from askwef.ingest.pdf.widths import Widths

    cmap = DecodedStreamObject()
    cmap.set_data(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def "
                  b"/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange 3 beginbfchar "
                  b"<0001> <0061> <0002> <006F> <0003> <0020> endbfchar endcmap CMapName currentdict /CMap "
                  b"defineresource pop end end")
    descendant = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/CIDFontType2"),
                                   NameObject("/BaseFont"): NameObject("/AAAAAA+Serif"), NameObject("/DW"): NumberObject(500),
                                   NameObject("/W"): ArrayObject([NumberObject(1), ArrayObject([FloatObject(556)]),
                                                                  NumberObject(3), ArrayObject([FloatObject(250)])])})
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type0"),
                             NameObject("/BaseFont"): NameObject("/AAAAAA+Serif"), NameObject("/Encoding"): NameObject("/Identity-H"),
                             NameObject("/DescendantFonts"): ArrayObject([descendant]), NameObject("/ToUnicode"): cmap})
    widths = Widths()
    advance, letters = widths.advance(font, b"\x00\x01\x00\x02\x00\x03", 10.0)  # 'a' (556), 'o' (left out: /DW), ' ' (250)
    assert letters == "ao "
    assert abs(advance - 13.06) < 1e-6
    assert abs(widths.width(font, "oa", 10.0) - 10.56) < 1e-6


def test_a_table_or_figure_set_in_a_box_does_not_end_the_box():
    """The OECD review's Box 4.5 holds Table 4.1 and goes on after it (regulatory impact assessments, the UK's
    budget functions, its Source line): that text is the box's, not the section's."""
    from askwef.ingest.assemble import assemble
    from askwef.ingest.parsed import ContentsEntry, ParsedReport
    from askwef.ingest.text import Cleaned

    box = "Box 4.5. OECD prioritisation methodologies and country examples"
    report = ParsedReport("A review", (ContentsEntry("4", "Areas for reform", 3),), (
        Para("heading", "4 Areas for reform", level=1), Para("prose", "Prioritisation is a choice among many aims of reform."),
        Para("unit", box), Para("prose", "The tool should be co-ordinated by the lead institution."),
        Para("prose", "Table 4.1. SIGMA Prioritisation Tool"), Para("table_header", ""),
        Para("row", "Step 1", items=(Cleaned("List the objectives.", ()),)),
        Para("bold", "Using regulatory impact assessments"), Para("prose", "Regulations are a valuable tool for reform."),
        Para("prose", "Figure 4.2. Steps of an assessment"), Para("prose", "Source: OECD (2020)."),
        Para("prose", "The centre of government lifts sights above the detail."), Para("unit_end", ""),
        Para("prose", "The review found a wide gap in practice."),
    ), ())
    doc = assemble("review.pdf", "0" * 64, report, source="pdf")
    section = doc.sections[0]
    unit = {section.text[s.start : s.end]: s.unit for s in section.sentences}
    assert unit["The tool should be co-ordinated by the lead institution."] == box
    assert unit["Regulations are a valuable tool for reform."] == box
    assert unit["The centre of government lifts sights above the detail."] == box
    assert unit["The review found a wide gap in practice."] == ""


def test_the_last_line_of_an_unfinished_title_over_a_photograph_is_no_label_of_it():
    """The UK strategy's case study: its 16-word bold title wraps onto a line of five words right over a photograph;
    read as the photograph's label, the title lost 'data science and artificial intelligence'."""
    photo = [Shape(71, 380, 520, 630, "image")]

    def title() -> list[Line]:
        made = [_line("Increasing diversity and closing the skills gap through postgraduate conversion courses in", 71, 520, 648),
                _line("data science and artificial intelligence", 71, 260, 634)]
        for line in made:
            line.bold = True
        return made

    lines = title()
    mark_regions(lines, photo, (595.0, 842.0), 10.0)
    assert [l.role for l in lines] == ["", ""]
    # under a finished sentence, the short line is the photograph's label
    lines = title()
    lines[0].text = "A case study of one course, its students and the jobs they found after it."
    mark_regions(lines, photo, (595.0, 842.0), 10.0)
    assert lines[1].role == "figure"


def test_a_table_caption_labels_a_table_on_its_page_or_the_next_not_one_pages_later():
    """The OECD review's four monitoring templates, tables without captions of their own in sections pages after
    Table A C.2's, were each labelled "TABLE A C.2"."""
    from askwef.ingest.assemble import assemble
    from askwef.ingest.parsed import ContentsEntry, ParsedReport
    from askwef.ingest.text import Cleaned

    def units(table_page: int) -> set[str]:
        report = ParsedReport("A review", (ContentsEntry("1", "Monitoring", 3),), (
            Para("heading", "1 Monitoring", level=1),
            Para("prose", "Table 1.2. Indicator passport", pages=((0, 5, "5"),)),
            Para("prose", "The passport sets out how each indicator is gathered and published.", pages=((0, 5, "5"),)),
            Para("bold", "Target", pages=((0, table_page, str(table_page)),)), Para("table_header", ""),
            Para("row", "Year", items=(Cleaned("Set the year of the target.", ()),), pages=((0, table_page, str(table_page)),)),
        ), ())
        section = assemble("review.pdf", "0" * 64, report, source="pdf").sections[0]
        return {s.unit for s in section.sentences} - {""}

    assert units(6) == {"TABLE 1.2: Target"}  # its table on the next page
    assert units(9) == {"Target"}  # a table of its own, pages later

"""Lists and bylines as a browser prints them: list bullets drawn as discs (no bullet in the text
layer), and a bold name over its title's lines in the regular weight (a foreword's signatories)."""

from __future__ import annotations

from askwef.ingest.pdf import read_pdf


def _page(path, draw) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica-Bold", 16)
    c.drawString(56, 780, "A short report")
    c.setFont("Helvetica", 9)
    lines = ["This paragraph runs over the full measure of the column so that the reader knows where the",
             "text block ends on the right and what the body's line gap is: its lines stand eleven points apart",
             "from each other, as a report's running text does, over enough lines that the gaps of a list or a",
             "byline set below it do not outnumber them, and it ends with a full stop."]
    y = 750
    for line in lines:
        c.drawString(56, y, line)
        y -= 11
    draw(c, y - 14)
    c.showPage()
    c.save()


def _items(c, y: float, items: list[list[str]], disc: bool = True) -> float:
    """Each item's lines at x=76, a 2.5 pt disc left of its first line (none when disc is False)."""
    for lines in items:
        if disc:
            c.circle(69, y + 2.6, 1.25, stroke=0, fill=1)
        for line in lines:
            c.drawString(76, y, line)
            y -= 11
    return y


def _paras(path):
    report = read_pdf(path, path.read_bytes())
    return [(p.kind, p.text) for p in report.paras if p.kind in ("prose", "item", "bold")]


def test_items_opened_by_drawn_discs_are_items_each(tmp_path):
    """An item that ends a sentence is not run into the next item (the Chromium print's timeline: 'AI
    theories ... innovation.' / 'The breadth and depth ...' under one step); an item's own wrapped line
    opening with a capital ('AI') stays with it."""
    items = [["AI theories, technologies and applications to reach a global",
              "leading level, making China a key hub for global AI innovation."],
             ["The breadth and depth of AI applications to be significantly", "expanded"],
             ["Major advancements to be made in the foundational theories of", "AI"],
             ["Solid progress to be made in advancing the development of society"]]
    path = tmp_path / "discs.pdf"
    _page(path, lambda c, y: _items(c, y, items))
    paras = _paras(path)
    first = "AI theories, technologies and applications to reach a global leading level, making China a key hub for global AI innovation."
    assert paras[1:] == [("item", first),
                         ("item", "The breadth and depth of AI applications to be significantly expanded"),
                         ("item", "Major advancements to be made in the foundational theories of AI"),
                         ("item", "Solid progress to be made in advancing the development of society")]
    # without the discs the same lines are one paragraph's: nothing says where an item starts
    plain = tmp_path / "plain.pdf"
    _page(plain, lambda c, y: _items(c, y, items, disc=False))
    assert all(kind == "prose" for kind, _ in _paras(plain))


def test_a_large_mark_beside_a_line_is_no_bullet(tmp_path):
    """An icon or a chart's symbol (larger than BULLET_SIZE of the type) does not open an item."""
    def draw(c, y):
        c.rect(60, y - 2, 9, 9, stroke=0, fill=1)
        c.drawString(76, y, "A line beside an icon that goes on")
        c.drawString(76, y - 11, "in the next line of the same paragraph.")
    path = tmp_path / "icon.pdf"
    _page(path, draw)
    assert _paras(path)[1:] == [("prose", "A line beside an icon that goes on in the next line of the same paragraph.")]


def _byline(c, y: float, under: float = 11) -> None:
    """Two signatories; `under` is the gap under each name (the title's lines are 11 pt apart)."""
    for name, title in (("Carol Zhou", ["Head of Platforms and Impact,", "World Economic Forum Beijing"]),
                        ("Samantha Zhu", ["Senior Managing", "Director and Chairperson,", "Accenture Greater China"])):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(56, y, name)
        c.setFont("Helvetica", 9)
        y -= under - 11
        for line in title:
            y -= 11
            c.drawString(56, y, line)
        y -= 22


def test_a_bold_name_over_its_title_is_one_paragraph(tmp_path):
    """A foreword's signatory: the bold name and the short lines of their title under it, at the body's
    line gap, read as one paragraph, as the markdown's 'Carol Zhou' with line breaks does."""
    path = tmp_path / "byline.pdf"
    _page(path, _byline)
    assert _paras(path)[1:] == [("prose", "Carol Zhou Head of Platforms and Impact, World Economic Forum Beijing"),
                                ("prose", "Samantha Zhu Senior Managing Director and Chairperson, Accenture Greater China")]


def test_bylines_on_a_page_of_their_own_whose_lines_all_stop_short(tmp_path):
    """A page of contributors set in small type (the Chromium print's last page): no line reaches the
    column's edge, so the edge the other pages give the column says the titles' lines are short."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "contributors.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 9)
    for k in range(6):
        c.drawString(56, 750 - 11 * k, "A line of running text set over the full measure of the column, as the report's pages are.")
    c.showPage()
    y = 750.0
    for name, title in (("Kaizhu Huang", "Director, Data Science Research Center, Duke Kunshan"),
                        ("Gang Liu", "Director, Institute of Economics, Nankai University and more"),
                        ("Zhenhua Li", "Executive Director, Ant Group"),
                        # a title over 70% of the column, short of a full line (BYLINE_TITLE_SHARE)
                        ("Jeff Jianfeng Cao", "Senior Research Fellow, Tencent Research Institute, Tencent Holdings, Shenzhen")):
        c.setFont("Helvetica-Bold", 7)
        c.drawString(56, y, name)
        c.setFont("Helvetica", 7)
        c.drawString(56, y - 9, title)
        y -= 22
    c.showPage()
    c.save()
    assert _paras(path)[1:] == [("prose", "Kaizhu Huang Director, Data Science Research Center, Duke Kunshan"),
                                ("prose", "Gang Liu Director, Institute of Economics, Nankai University and more"),
                                ("prose", "Zhenhua Li Executive Director, Ant Group"),
                                ("prose", "Jeff Jianfeng Cao Senior Research Fellow, Tencent Research Institute, Tencent Holdings, Shenzhen")]


def test_a_byline_goes_on_at_the_top_of_the_next_column(tmp_path):
    """A contributor's title cut by the column's end goes on at the top of the next column, where no
    bold name opens it (the Chromium print: 'Shi Piao Executive Director, Digital Economy and Green' /
    'Innovation Research Center, Ant Group Research Institute')."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "columns.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 9)
    for k in range(6):
        c.drawString(56, 750 - 11 * k, "Running text in the left column, as far as the gutter.")
        c.drawString(305, 750 - 11 * k, "Running text in the right column, to the page's edge.")
    c.showPage()
    names = [("Kaizhu Huang", ["Director, Data Science Research Center"]), ("Zhenhua Li", ["Executive Director, Ant Group"]),
             ("Shi Piao", ["Executive Director, Digital Economy and"])]
    y = 750.0
    for name, title in names:
        c.setFont("Helvetica-Bold", 7)
        c.drawString(56, y, name)
        c.setFont("Helvetica", 7)
        c.drawString(56, y - 9, title[0])
        y -= 22
    c.drawString(305, 750, "Green Innovation Research Center")
    for k, (name, title) in enumerate((("Ya-Qin Zhang", "Chair Professor and Dean"), ("Haiqin Xie", "General Manager, COSMOPlat"))):
        c.setFont("Helvetica-Bold", 7)
        c.drawString(305, 737 - 22 * k, name)
        c.setFont("Helvetica", 7)
        c.drawString(305, 728 - 22 * k, title)
    c.showPage()
    c.save()
    assert ("prose", "Shi Piao Executive Director, Digital Economy and Green Innovation Research Center") in _paras(path)
    assert ("prose", "Ya-Qin Zhang Chair Professor and Dean") in _paras(path)


def test_a_bold_subheading_over_a_full_line_or_further_off_opens_its_own_paragraph(tmp_path):
    def full(c, y):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(56, y, "Government support")
        c.setFont("Helvetica", 9)
        c.drawString(56, y - 11, "The government plays a proactive role in facilitating AI development, exhibiting robust")
        c.drawString(56, y - 22, "strategic planning and execution capabilities.")
    path = tmp_path / "subheading.pdf"
    _page(path, full)
    text = "The government plays a proactive role in facilitating AI development, exhibiting robust strategic planning and execution capabilities."
    assert _paras(path)[1:] == [("bold", "Government support"), ("prose", text)]
    # a list of contributors set with a wider gap under each name keeps the names apart (as the markdown's headings)
    apart = tmp_path / "apart.pdf"
    _page(apart, lambda c, y: _byline(c, y, under=20))
    assert ("bold", "Carol Zhou") in _paras(apart)


def _contents(rows: list[str]) -> list[tuple[str, str]]:
    from askwef.ingest.pdf.contents import contents_page
    from askwef.ingest.pdf.layout import Line

    lines = [Line(page=1, x0=56, x1=200, y=780, size=14, bold=True, text="Contents")]
    lines += [Line(page=1, x0=56, x1=500, y=750 - 14 * k, size=10, bold=False, text=f"{row}\t{k + 3}") for k, row in enumerate(rows)]
    entries, _ = contents_page(lines, 10.0)
    return [(e.number, e.title) for e in entries]


def _contents_of(texts: list[str], per_page: int = 40) -> list[tuple[str, str, int]]:
    from askwef.ingest.pdf.contents import contents_page
    from askwef.ingest.pdf.layout import Line

    lines = [Line(page=1, x0=56, x1=200, y=780, size=14, bold=True, text="Contents")]
    lines += [Line(page=1 + k // per_page, x0=56, x1=500, y=750 - 14 * (k % per_page), size=10, bold=False, text=text)
              for k, text in enumerate(texts)]
    lines += [Line(page=lines[-1].page + 1, x0=56, x1=500, y=750, size=10, bold=False, text="The body starts here and says so.")]
    entries, _ = contents_page(lines, 10.0)
    return [(e.number, e.title, e.page) for e in entries]


def test_contents_rows_as_manuals_and_word_print_them():
    # a title wrapped over three lines (the Debian Policy Manual's 7.7: the list stopped there, chapters 8 to 12 unread)
    assert _contents_of(["7.6 Replacing packages . . . . 63", "7.7 Relationships between source and binary packages -",
                         "Build-Depends, Build-Depends-Indep,", "Build-Conflicts . . . . . . 64", "8 Shared libraries\t67",
                         "8.1 Run-time libraries . . . 67"]) == [
        ("7.6", "Replacing packages", 63), ("7.7", "Relationships between source and binary packages - Build-Depends, "
                                                   "Build-Depends-Indep, Build-Conflicts", 64), ("8", "Shared libraries", 67),
        ("8.1", "Run-time libraries", 67)]
    # Word runs its leader dots into the page number
    assert _contents_of(["OVERVIEW..........6", "LRS..........6", "2.1 LRS MODEL..........7"]) == [
        ("", "OVERVIEW", 6), ("", "LRS", 6), ("2.1", "LRS MODEL", 7)]
    # pages run forward: a line ending in a smaller number is past the list
    assert [t for _, t, _ in _contents_of(["Intro\t3", "Methods\t5", "Results\t9", "National Hydro Network, Level 1"])] == [
        "Intro", "Methods", "Results"]
    # a Contents over many pages is read whole (three pages cut the Policy Manual's eight short)
    rows = [f"{k} Chapter {k}\t{10 * k}" for k in range(1, 31)]
    assert len(_contents_of(rows, per_page=5)) == 30


def test_a_number_opening_one_contents_title_is_part_of_the_title():
    """'10 Year Vision' among unnumbered entries is a title (the UK strategy); numbers in sequence, or
    with subsections, are the sections' numbers."""
    assert _contents(["Introduction", "10 Year Vision", "Next steps"]) == [("", "Introduction"), ("", "10 Year Vision"), ("", "Next steps")]
    assert _contents(["1 Strategy", "2 Adoption", "3 Outlook"]) == [("1", "Strategy"), ("2", "Adoption"), ("3", "Outlook")]
    assert _contents(["Foreword", "4 Outlook", "4.1 Markets"]) == [("", "Foreword"), ("4", "Outlook"), ("4.1", "Markets")]


def test_a_diagrams_filled_cells_read_one_statement_each(tmp_path):
    """Cells side by side, each a filled rectangle with its words wrapped over short lines set at
    different heights (the UK strategy's diagram): each cell reads whole, not line by line across the
    row. A cell's short label (no more than a chart label's words) is still figure text."""
    cells = [["Strong", "domestic AI", "capabilities to", "address", "National", "Security issues"],
             ["Benefits of AI", "adoption", "shared across", "every region", "and sector"],
             ["Growth in the", "UK's AI sector,", "contributing to", "UK GDP growth"]]

    def draw(c, y):
        top = y - 10
        for k, words in enumerate(cells):
            x = 60 + 150 * k
            c.setFillGray(0.85)
            c.rect(x, top - 100, 120, 100, stroke=0, fill=1)
            c.setFillGray(0)
            start = top - 14 - 6 * k  # the cells' first lines at different heights
            for j, line in enumerate(words):
                c.drawString(x + 8, start - 12 * j, line)
    path = tmp_path / "diagram.pdf"
    _page(path, draw)
    assert [t for _, t in _paras(path)[1:]] == ["Strong domestic AI capabilities to address National Security issues",
                                                "Benefits of AI adoption shared across every region and sector",
                                                "Growth in the UK's AI sector, contributing to UK GDP growth"]


def test_a_sentence_goes_on_in_bold_at_the_top_of_the_next_column(tmp_path):
    """A sentence cut by the column break whose next words are bold (emphasis) goes on there, as in
    one column; a bold line opening with a capital there is a new paragraph."""
    def draw(c, y):
        left = ["Within this context, we will ensure that", "we protect the growth of welcome", "investment into the ecosystem of the",
                "country and its regions. The government has"]
        right = ["introduced the National Security and", "Investment Act that will provide new", "powers to screen investments well.",
                 "It is a new act that all will follow."]
        for k, (a, b) in enumerate(zip(left, right)):
            c.drawString(56, y - 11 * k, a)
            c.setFont("Helvetica-Bold" if k == 0 else "Helvetica", 9)
            c.drawString(310, y - 11 * k, b)
            c.setFont("Helvetica", 9)
    path = tmp_path / "columns.pdf"
    _page(path, draw)
    text = ("Within this context, we will ensure that we protect the growth of welcome investment into the ecosystem of the country "
            "and its regions. The government has introduced the National Security and Investment Act that will provide new powers "
            "to screen investments well. It is a new act that all will follow.")
    assert _paras(path)[-1] == ("prose", text)


def test_text_and_marks_in_a_form_xobject_stand_where_the_form_is_drawn(tmp_path):
    """A chart made a form XObject (a Word or InDesign figure): pypdf reports its content in the
    form's own space. Its labels and bars are placed by the matrix in effect where it is drawn and
    the form's /Matrix, not read among the lines of the text at those coordinates (the OECD review's
    Figure A B.1: its labels cut paragraphs under it into pieces)."""
    from pypdf import PdfReader
    from reportlab.pdfgen import canvas

    from askwef.ingest.pdf.runs import Widths, page_runs

    path = tmp_path / "form.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.beginForm("chart")
    c.setFont("Helvetica", 7)
    c.drawString(10, 40, "Public sector reform")
    c.rect(100, 38, 80, 8, stroke=0, fill=1)
    c.endForm()
    c.setFont("Helvetica", 10)
    c.drawString(56, 48, "ownership and implementation of the reforms.")
    c.saveState()
    c.translate(56, 600)
    c.scale(2, 0.5)
    c.doForm("chart")
    c.restoreState()
    c.drawString(56, 30, "A line after the chart.")
    c.showPage()
    c.save()
    shapes: list = []
    runs = {r.text.strip(): r for r in page_runs(PdfReader(path).pages[0], Widths(), shapes)}
    label = runs["Public sector reform"]
    assert (round(label.x), round(label.y), round(label.size, 1)) == (76, 620, 3.5)
    assert (round(runs["A line after the chart."].x), round(runs["A line after the chart."].y)) == (56, 30)  # the page's own space again
    bar = next(s for s in shapes if s.kind == "fill")
    assert (round(bar.x0), round(bar.y0), round(bar.x1), round(bar.y1)) == (256, 619, 416, 623)


def test_a_legend_with_a_mark_before_each_entry_is_no_list_item(tmp_path):
    """A chart's legend draws the same small mark before each of its entries on one line: not a bullet."""
    def draw(c, y):
        c.rect(66, y + 1, 4, 4, stroke=0, fill=1)
        c.drawString(76, y, "% GDP")
        c.rect(106, y + 1, 4, 4, stroke=0, fill=1)
        c.drawString(113, y, "% Expenditure")
    path = tmp_path / "legend.pdf"
    _page(path, draw)
    assert all(kind != "item" for kind, _ in _paras(path)[1:])


def test_lines_opening_with_a_list_number_after_a_colon_are_items(tmp_path):
    """'1. Improvement ...' under 'Overarching goals ...:' (the OECD review's Tables 2.1 and 2.2): items, their
    numbers cut as the markdown reader cuts a numbered list's; run into one paragraph they split into the
    sentences '1.' and 'Improvement of ... services 2.'. A number opening a line mid-sentence stays text."""
    def draw(c, y):
        c.drawString(56, y, "The plan sets out its overarching goals for the public administration:")
        for k, text in enumerate(["1. Improvement of the quality and accessibility of public services",
                                  "2. Strengthening accountability and transparency",
                                  "3. Strengthening effectiveness of public financial management"]):
            c.drawString(56, y - 11 * (k + 1), text)
        c.drawString(56, y - 66, "The ministry counted staff in the two regions and found that the total rose to")
        c.drawString(56, y - 77, "12. It will count them again.")

    path = tmp_path / "numbered.pdf"
    _page(path, draw)
    paras = _paras(path)
    assert ("item", "Improvement of the quality and accessibility of public services") in paras, paras
    assert ("item", "Strengthening accountability and transparency") in paras, paras
    assert ("item", "Strengthening effectiveness of public financial management") in paras, paras
    assert any(kind == "prose" and text.endswith("rose to 12. It will count them again.") for kind, text in paras), paras


def test_a_glossarys_term_and_its_definition_on_one_baseline_are_one_paragraph(tmp_path):
    """An 'Abbreviations and acronyms' page sets each bold acronym and, far right on its baseline, what it
    stands for (the OECD review): one paragraph each ('SAI Supreme Audit Institutions'), so a question
    about the acronym finds its meaning; not the sentences 'SAI' and 'Supreme Audit Institutions'."""
    pairs = [("GRA", "Government Reform Agenda"), ("MoJ", "Ministry of Justice"), ("SAI", "Supreme Audit Institutions")]

    def draw(c, y):
        for k, (term, meaning) in enumerate(pairs):
            c.setFont("Helvetica-Bold", 9)
            c.drawString(60, y - 12 * k, term)
            c.setFont("Helvetica", 9)
            c.drawString(300, y - 12 * k, meaning)

    path = tmp_path / "glossary.pdf"
    _page(path, draw)
    assert _paras(path)[1:] == [("prose", f"{term} {meaning}") for term, meaning in pairs]
    # one bold phrase beside a line is no glossary
    single = tmp_path / "single.pdf"
    pairs = pairs[:1]
    _page(single, draw)
    assert ("prose", "GRA Government Reform Agenda") not in _paras(single)


def test_a_glossary_definition_wrapped_onto_a_second_line_is_read_whole(tmp_path):
    """The OECD review's 'NCSSIA' stands for 'National Cross-Sectoral Strategy for Integrity and Anti-' over
    'Corruption': the wrapped line was a paragraph of its own, and the acronym's meaning cut short."""
    def draw(c, y):
        rows = [("GRA", "Government Reform Agenda", y), ("NCSSIA", "National Cross-Sectoral Strategy for Integrity and Anti-", y - 12),
                ("SAI", "Supreme Audit Institutions", y - 34)]
        for term, meaning, at in rows:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(60, at, term)
            c.setFont("Helvetica", 9)
            c.drawString(300, at, meaning)
        c.drawString(300, y - 22, "Corruption")

    path = tmp_path / "wrapped.pdf"
    _page(path, draw)
    assert _paras(path)[1:] == [("prose", "GRA Government Reform Agenda"),
                                ("prose", "NCSSIA National Cross-Sectoral Strategy for Integrity and Anti-Corruption"),
                                ("prose", "SAI Supreme Audit Institutions")]

"""Tables as real reports print them, drawn with reportlab's canvas: a table across a page of one column,
its header row of bold cells centred over the columns, a first column of row labels and cells of a few
wrapped lines (the OECD review's Table 2.3, a WEF white paper's tables); and a table whose row labels have
no header cell and stand centred beside their rows (the UK strategy's 'Summary of key actions'). Each cell
is read whole, in row order, and its row keeps its label."""

from __future__ import annotations

import textwrap
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from pdfpages import saved  # (tests/ is on sys.path)

PROSE = ("The strategic documents present a certain level of alignment of the objectives for the reform of the public "
         "administration, and the following table analyses that alignment area by area with the recommendations of the "
         "review, so that each ministry can see where its own plans stand and what remains to be done by the end of the "
         "period that the plans cover.")

ROWS = [
    ("Civil service area", ["• Implementing the code of conduct for civil servants", "• Promoting effective human resources management"],
     ["• Reconsidering the Civil Service Law and its amendments", "• Rationalising government posts"],
     "The level of alignment of the civil service area can be improved as the objectives are not consistent among the two strategic documents."),
    ("Organisation and functions of public administration", ["• Reform and restructure local government and administration"],
     ["• Restructuring government institutions and reconsidering their role in the digital economy"],
     "The level of alignment of the organisation area is assessed as high because the agenda further specifies the plan."),
    ("Integrity", ["• Combatting corruption in all its forms"], ["• Prosecuting those involved in corruption cases"],
     "The level of alignment of the integrity area is assessed as high by the interlocutors of the review."),
]


def _centred(c, text: str, centre: float, y: float, font: str, size: float) -> None:
    c.setFont(font, size)
    c.drawString(centre - stringWidth(text, font, size) / 2, y, text)


def _prose(c, y: float) -> float:
    c.setFont("Helvetica", 10)
    for line in textwrap.wrap(PROSE, 96):
        c.drawString(56, y, line)
        y -= 13
    return y


def _titled(c, title: str, caption: str) -> float:
    """A page's title, prose and a table's caption; the height the table starts at."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(56, 790, title)
    y = _prose(c, 760) - 16
    c.setFont("Helvetica-Bold", 12)
    c.drawString(56, y, caption)
    return y - 28


def _save(c, buf: BytesIO, tmp_path: Path, name: str) -> Path:
    c.showPage()
    return saved(c, buf, tmp_path / name)


def _grid(tmp_path: Path) -> Path:
    """A page of one column: a title, prose, then a table of four columns (cells 8.5 pt, wrapped at
    10 pt leading, bullets indented, rows 13 pt apart), a source line, prose."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = _titled(c, "Alignment of the plans", "Table 2.3. Alignment between the plan and the agenda")
    lefts, widths = [60.0, 170.0, 300.0, 420.0], [100, 24, 24, 26]
    for head, left, nxt in zip(["Area of the reform", "Plan", "Agenda", "Assessment"], lefts, lefts[1:] + [540.0]):
        _centred(c, head, (left + nxt) / 2, y, "Helvetica-Bold", 9)
    y -= 16
    for label, plan, agenda, assessment in ROWS:
        columns = [textwrap.wrap(label, 22)]
        for k, cell in enumerate((plan, agenda)):
            lines: list[tuple[float, str]] = []
            for bullet in cell:
                wrapped = textwrap.wrap(bullet, widths[k + 1])
                lines += [(0.0, wrapped[0])] + [(9.0, w) for w in wrapped[1:]]
            columns.append(lines)
        columns.append(textwrap.wrap(assessment, widths[3]))
        depth = 0
        for k, lines in enumerate(columns):
            for j, line in enumerate(lines):
                indent, text = line if isinstance(line, tuple) else (0.0, line)
                c.setFont("Helvetica", 8.5)
                c.drawString(lefts[k] + indent, y - 10 * j, text)
            depth = max(depth, len(lines))
        y -= 10 * (depth - 1) + 13
    c.setFont("Helvetica", 9)
    c.drawString(56, y - 6, "Source: Author's own elaboration.")
    _prose(c, y - 36)
    return _save(c, buf, tmp_path, "grid.pdf")


def _text(path: Path) -> str:
    return "\n".join(s.text for s in ingest_file(path).sections)


def test_a_tables_wrapped_cells_are_read_whole_in_row_order_under_their_label(tmp_path):
    text = _text(_grid(tmp_path))
    for label, plan, agenda, assessment in ROWS:
        # each cell whole, led by its row's label and its column's name (and before the next row's)
        assert f"{label} – Assessment: {assessment}" in text, text
        assert f"{label} – Plan: {plan[0][2:]}" in text and f"{label} – Agenda: {agenda[0][2:]}" in text, text
        for bullet in plan + agenda:
            assert bullet[2:] in text, text
    rows = [text.index(f"{label} – Plan: ") for label, *_ in ROWS]
    assert rows == sorted(rows), text
    assert text.index(ROWS[0][3]) < rows[1], text


KEY_ACTIONS = [
    ("Short term (next 3 months):", ["Publish a framework for the role of government in enabling better data availability",
                                     "Consult on the role and options for a national cyber-physical infrastructure framework"],
     ["Begin engagement on the draft national strategy for health and social care"]),
    ("Medium term (next 6 months):", ["Evaluate the private funding needs and challenges of scaleups",
                                      "Publish a review into the compute capacity needs of the country"],
     ["Publish research into opportunities to encourage diffusion across the economy",
      "Extend aid to support local innovation in developing countries",
      "Build an open repository of challenges with real-world applications"]),
]


def _key_actions(tmp_path: Path) -> Path:
    """Two bold column heads over actions (■ bullets, wrapped), and left of them, with no head of its own,
    a column of bold row labels wrapped over three lines, each centred on its row's actions."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(56, 790, "Summary of key actions")
    y = 750.0
    c.setFont("Helvetica-Bold", 9)
    c.drawString(160, y, "Investing in the long term needs")
    c.drawString(360, y, "Ensuring benefits in all regions")
    y -= 30
    for label, left, right in KEY_ACTIONS:
        depth = 0
        for x, actions in ((150.0, left), (350.0, right)):
            at = 0
            for action in actions:
                wrapped = textwrap.wrap(action, 36)
                c.setFont("Helvetica", 9)
                c.drawString(x, y - 11 * at, "\u25a0 " + wrapped[0])
                for j, w in enumerate(wrapped[1:], 1):
                    c.drawString(x + 12, y - 11 * (at + j), w)
                at += len(wrapped) + 1
            depth = max(depth, at - 1)
        words = label.split()
        lines = [" ".join(words[:2]), " ".join(words[2:4]), " ".join(words[4:])]
        middle = y - 11 * (depth - 1) / 2
        for j, line in enumerate(lines):
            _centred(c, line, 100, middle + 11 - 11 * j, "Helvetica-Bold", 9)
        y -= 11 * depth + 40
    return _save(c, buf, tmp_path, "actions.pdf")


def test_row_labels_without_a_header_cell_keep_their_rows_and_stay_out_of_the_items(tmp_path):
    text = _text(_key_actions(tmp_path))
    for label, left, right in KEY_ACTIONS:
        # the label whole, not cut by the actions beside it, with each column's name
        label = label.rstrip(":")
        assert f"{label} – Investing in the long term needs: {left[0]}" in text, text
        assert f"{label} – Ensuring benefits in all regions: {right[0]}" in text, text
        for action in left + right:
            assert action in text, text
            assert text.index(label) < text.index(action), text
    # each action in its own row: the medium-term actions after the medium-term label
    assert text.index(KEY_ACTIONS[0][2][0]) < text.index(KEY_ACTIONS[1][0].rstrip(":")), text


COVERAGE = [
    ("Civil service", ["Implementing the code of conduct for civil servants",
                       "Promoting effective human resources management and the development of staff across ministries"]),
    ("Organisation and functioning of public administration", ["Reform and restructure local government and administration"]),
    ("Service delivery", ["Development and implementation of a government-wide service improvement strategy",
                          "Launching the e-government portal and providing basic services to citizens through it"]),
]


def _labelled(tmp_path: Path) -> Path:
    """A table of two columns across a page of one column (the OECD review's Table 2.1): a bold head centred
    over bold row labels (a label wrapped), a bold head over bullets in the regular weight, each bullet's
    wrapped line indented; the labels read apart from their bullets, as two columns of text, before."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = _titled(c, "Coverage of the plan", "Table 2.1. Areas covered in the plan")
    _centred(c, "Coverage of areas", 150, y, "Helvetica-Bold", 9)
    c.drawString(252, y, "Priority measures in the plan")
    y -= 12
    for label, bullets in COVERAGE:
        for j, line in enumerate(textwrap.wrap(label, 28)):
            c.setFont("Helvetica-Bold", 8.5)
            c.drawString(104, y - 10 * j, line)
        at = 0
        for bullet in bullets:
            for j, line in enumerate(textwrap.wrap(bullet, 50)):
                c.setFont("Helvetica", 8.5)
                c.drawString(257 + (18 if j else 0), y - 10 * (at + j), ("• " if not j else "") + line)
            at += len(textwrap.wrap(bullet, 50))
        y -= 10 * max(at, len(textwrap.wrap(label, 28))) + 2.5
    c.setFont("Helvetica", 9)
    c.drawString(56, y - 6, "Source: Author's own elaboration.")
    _prose(c, y - 36)
    return _save(c, buf, tmp_path, "labelled.pdf")


def test_two_heads_over_bold_row_labels_and_their_bullets_are_a_table_read_row_by_row(tmp_path):
    text = _text(_labelled(tmp_path))
    for label, bullets in COVERAGE:
        assert f"{label}: " in text, text  # the row's label, then its bullets
        for bullet in bullets:
            assert bullet in text, text
            assert text.index(f"{label}: ") < text.index(bullet), text
    # each bullet in its own label's row: the second row's label after the first row's bullets
    assert text.index(COVERAGE[0][1][1]) < text.index(COVERAGE[1][0]), text


CLUSTERS = [
    ("Overarching goals for the reform in the Administrative cluster", "1. Correcting the public administration and the civil service system",
     [("Civil Service area", ["Rationalising government posts"]),
      ("Organisation and functions of public administration", ["Restructuring government institutions and reconsidering their role in the digital economy",
                                                                "Building and implementing process models in government institutions"]),
      ("Integrity", ["Raising awareness of the government's efforts in fighting corruption", "Prosecuting those involved in corruption cases"])]),
    ("Overarching goals for the reform in the Financial cluster", "1. Reform of the government revenue system",
     [("Public Financial Management", ["Reforming the tax system, including laws, policies, and procedures", "Carrying out a study of service fees"])]),
    ("Overarching goals for the reform in the Economic cluster", "1. Stronger partnership with civil society institutions",
     [("Transparency and accountability", ["Harmonising the programmes of non-governmental organisations with the action plans",
                                           "Establishing a sustainable dialogue framework with civil society institutions",
                                           "Ensuring that each department continues to dialogue with its sector"])]),
]


def _clustered(tmp_path: Path) -> Path:
    """The OECD review's Table 2.2: under its caption, per cluster, a bold band centred across the table over a
    numbered goal, then two bold heads centred over row labels in the regular weight, each level with its
    row's first bullet, and bullets (wrapped lines indented); read before as two columns of text. The last
    cluster's heads end the page, its row on the next, over the table's source line."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = _titled(c, "Coverage of the agenda", "Table 2.2. Areas covered in the agenda")
    for band, goal, rows in CLUSTERS:
        _centred(c, band, 300, y, "Helvetica-Bold", 9)
        c.setFont("Helvetica", 8.5)
        c.drawString(115, y - 22, goal)
        y -= 34
        _centred(c, "Relevant area", 195, y, "Helvetica-Bold", 8.5)
        _centred(c, "Specific objectives", 382, y, "Helvetica-Bold", 8.5)
        y -= 12
        if band == CLUSTERS[-1][0]:
            c.showPage()
            y = 790
        for label, bullets in rows:
            c.setFont("Helvetica", 8.5)
            c.drawString(115, y, label)
            at = 0
            for bullet in bullets:
                for j, line in enumerate(textwrap.wrap(bullet, 40)):
                    c.drawString(302 + (17 if j else 0), y - 10 * (at + j), ("• " if not j else "") + line)
                at += len(textwrap.wrap(bullet, 40))
            y -= 10 * at + 1
        y -= 20
    c.setFont("Helvetica", 9)
    c.drawString(56, y + 10, "Source: Author's own elaboration.")
    c.setFont("Helvetica", 10)
    for k, line in enumerate(textwrap.wrap("The new planning approach for the coming years does not mention the agenda, so whether it "
                                           "will be confirmed as an overarching document remains to be seen by the ministries.", 96)):
        c.drawString(56, y - 30 - 13 * k, line)
    return _save(c, buf, tmp_path, "clustered.pdf")


def test_a_table_in_clusters_with_labels_in_the_regular_weight_is_read_row_by_row(tmp_path):
    doc = ingest_file(_clustered(tmp_path))
    rows = [s.text[b.start : b.end] for s in doc.sections for b in s.blocks if b.kind == "row"]
    assert any(r.endswith("Civil Service area: Rationalising government posts") for r in rows), rows
    assert any(r.endswith("Public Financial Management: Reforming the tax system, including laws, policies, and procedures "
                          "Carrying out a study of service fees") for r in rows), rows
    assert any("Integrity: Raising awareness" in r and r.endswith("corruption cases") for r in rows), rows
    # the row run on to the next page, under heads repeated at the page's foot, centred over its columns
    assert any("Transparency and accountability: Harmonising the programmes" in r for r in rows), rows
    # the bands and goals read in their place, between the clusters' rows
    text = "\n".join(s.text for s in doc.sections)
    assert text.index("Integrity") < text.index("Overarching goals for the reform in the Financial cluster") < text.index("Public Financial"), text


SHARED = [  # (band across the table or None, left cell, right cells parted by short rules)
    ("Policy development and co-ordination", None, None),
    (None, "Setting of annual and multi-annual strategic priorities of the government",
     ["Co-ordinating the identification of thematic annual and multi-annual strategic priorities and proposals for decisions"]),
    (None, "Review of draft policy documents to identify whether they are in line with governmental priorities",
     ["Review of the action plans for the implementation of the reform agenda"]),
    ("Monitoring", None, None),
    (None, "Oversight of the performance of the ministries and other administrative bodies",
     ["Development of the results framework to monitor implementation of the plan",
      "Issuing instructions to the monitoring units established in all ministries"]),
]


def _rule(c, x0: float, x1: float, y: float, width: float = 0.7) -> None:
    c.rect(x0, y, x1 - x0, width, stroke=0, fill=1)


def _ruled(tmp_path: Path) -> Path:
    """Two ruled tables in the OECD review's house style: a thin rule under every row (drawn in pieces), a short
    upright one between the cells of each row, none across a band ('Monitoring', centred across the table) and a
    short rule parting two cells of the right column within a row. The first has two bold column heads over long
    cells, whose lines stand on one baseline 14 pt apart; the second, heads in the regular weight ('No.', 'Step',
    'Institution') over numbered steps."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = _titled(c, "Shared responsibilities", "Table 3.1. Shared responsibilities between the centre of government bodies")
    x0, mid, x1 = 60.0, 290.0, 520.0
    c.setFillGray(0.75)
    _rule(c, x0, x1, y + 14, 1.5)
    c.setFillGray(0.0)
    _centred(c, "Mandate and functions of the Prime Minister Office", (x0 + mid) / 2, y, "Helvetica-Bold", 9)
    _centred(c, "Mandate and functions of the General Secretariat", (mid + x1) / 2, y, "Helvetica-Bold", 9)
    c.setFillGray(0.75)
    _rule(c, mid - 0.35, mid + 0.35, y - 6, 20)
    y -= 8
    _rule(c, x0, mid, y), _rule(c, mid, x1, y)
    for band, left, right in SHARED:
        c.setFillGray(0.0)
        if band:
            _centred(c, band, (x0 + x1) / 2, y - 11, "Helvetica", 8.5)
            c.setFillGray(0.75)
            _rule(c, x0, x1, y - 16)
            y -= 16
            continue
        top = y
        lefts = textwrap.wrap(left, 52)
        c.setFont("Helvetica", 8.5)
        for j, line in enumerate(lefts):
            c.drawString(x0 + 5, y - 11 - 10 * j, line)
        at = y
        for k, cell in enumerate(right):
            rights = textwrap.wrap(cell, 52)
            c.setFillGray(0.0)
            c.setFont("Helvetica", 8.5)
            for j, line in enumerate(rights):
                c.drawString(mid + 5, at - 11 - 10 * j, line)
            at -= 10 * len(rights) + 6
            if k < len(right) - 1:
                c.setFillGray(0.75)
                _rule(c, mid, x1, at)
        y = min(at, y - 10 * len(lefts) - 6)
        c.setFillGray(0.75)
        _rule(c, mid - 0.35, mid + 0.35, y, top - y)
        _rule(c, x0, mid, y), _rule(c, mid, x1, y)
    c.setFillGray(0.0)
    c.setFont("Helvetica", 9)
    c.drawString(56, y - 14, "Source: Author's own elaboration.")
    y -= 60
    c.setFont("Helvetica-Bold", 12)
    c.drawString(56, y, "Table 4.1. Prioritisation tool for the reform strategy")
    y -= 28
    edges = [100.0, 160.0, 380.0, 500.0]
    c.setFillGray(0.75)
    _rule(c, edges[0], edges[-1], y + 14, 1.5)
    for (start, end), head in zip(zip(edges, edges[1:]), ("No.", "Step", "Institution")):
        _centred(c, head, (start + end) / 2, y, "Helvetica", 9)
    steps = [("1.", "Review of the questionnaire to adjust it to the conditions of the country.", "Lead institution"),
             ("2.", "Launch of the self-assessment process with a joint workshop.", "Participating institutions")]
    y -= 6
    for number, step, who in steps:
        c.setFillGray(0.75)
        _rule(c, edges[0], edges[-1], y)
        for x in edges[1:-1]:
            _rule(c, x - 0.35, x + 0.35, y - 24, 24)
        c.setFillGray(0.0)
        c.setFont("Helvetica", 8.5)
        for x, text in zip(edges, (number, step, who)):
            c.drawString(x + 5, y - 11, text)
        y -= 24
    c.setFillGray(0.75)
    _rule(c, edges[0], edges[-1], y, 1.5)
    c.setFillGray(0.0)
    c.setFont("Helvetica", 9)
    c.drawString(56, y - 14, "Source: Author's own elaboration.")
    return _save(c, buf, tmp_path, "ruled.pdf")


def test_a_ruled_tables_cells_are_read_whole_by_its_rules_under_their_band_and_column(tmp_path):
    doc = ingest_file(_ruled(tmp_path))
    rows = [s.text[b.start : b.end] for s in doc.sections for b in s.blocks if b.kind == "row"]
    sentences = {s.text[sp.start : sp.end] for s in doc.sections for sp in s.sentences}
    pm, gs = "Mandate and functions of the Prime Minister Office", "Mandate and functions of the General Secretariat"
    for band, left, right in SHARED:
        if band:
            continue
        # each cell whole, a sentence of its own (never run into the cell beside it), led by its band and its column
        assert left in sentences, sentences
        assert any(r.endswith(f"– {pm}: {left}") for r in rows), rows
        for cell in right:
            assert cell in sentences, sentences
        assert any(f"– {gs}: {right[0]}" in r for r in rows), rows
    assert any(f"Monitoring – {pm}: Oversight of the performance" in r for r in rows), rows
    assert any(f"Policy development and co-ordination – {gs}: Review of the action plans" in r for r in rows), rows
    assert not any("government Co-ordinating" in s or "priorities Review" in s for s in sentences), sentences
    # the steps' numbers are the rows' labels, not a chart's
    assert any(r.endswith("1. – Step: Review of the questionnaire to adjust it to the conditions of the country.") for r in rows), rows
    assert any(r.endswith("2. – Institution: Participating institutions") for r in rows), rows

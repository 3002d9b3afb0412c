"""The Blueprint report typeset the way the Forum's InDesign template sets its white papers (reportlab).

What `tests/pdfgen.py` does not have, and a real WEF white paper does:

- a cover with "WHITE PAPER / JANUARY 2025", then a Contents page in a narrow column: long entries
  wrap onto a second line, dotted leaders run to the page number;
- an outline whose titles carry no chapter or section numbers and keep InDesign's tab and control
  characters ("China's national strategy and\\tgovernance approach\\x03");
- a two-column body; chapter openers print the number on its own line above the title, then a
  standfirst in large type; section headings wrap inside a column;
- pull quotes in large coloured type that repeat a sentence of the body, some set in the middle of
  the paragraph they quote (the paragraph goes on after them);
- every figure drawn as a labelled bar chart: numeric axis ticks, bar value labels, category labels,
  a legend, an axis title; the figure's own text in small type beside it; every other one as a chart
  tool exports it: its bars one path on a pale panel, long category names right-aligned to the axis;
- case studies in shaded boxes inside the column;
- superscript endnote markers glued after full stops and as lists ("documents.1 However", "3,4");
- an "Endnotes" list in two columns over several pages, every URL a link annotation;
- a running head past each chapter's opening page: the report's title on odd pages, the chapter's on
  even ones (a chapter's title printed again on two or three pages, at the top, in small type);
- no page labels: the printed number is the physical page number, and the cover has none.

>>> data = wef_pdf(Path("corpus/blueprint-to-action-china-ai-2025.md"))  # doctest: +SKIP
"""

from __future__ import annotations

import random
import re
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from askwef.ingest import ingest_file, read_markdown, rejoin_paragraphs
from askwef.ingest.conventions import FIGURE, SOURCE, UNIT
from askwef.ingest.text import split_sentences, title_key
from pdfgen import _escape, _markup, _opens, _Outline, _raw_endnotes, hyphenate, table_from, table_row

WIDTH, HEIGHT = A4
MARGIN = 50
GUTTER = 20
COLUMN = (WIDTH - 2 * MARGIN - GUTTER) / 2
FOOTER = "Blueprint to Action: China’s Path to AI-Powered Industry Transformation"
ONE_COLUMN_CHAPTERS = {"3"}  # the industry tables need the full width
BLUE = colors.HexColor("#1c3f94")


def _styles() -> dict[str, ParagraphStyle]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("wbody", fontName="Helvetica", fontSize=9, leading=12.2, spaceAfter=6.5, alignment=TA_JUSTIFY,
                          hyphenationLang=hyphenate, embeddedHyphenation=1, uriWasteReduce=0.3)
    return {
        "body": body,
        "item": ParagraphStyle("witem", parent=body, leftIndent=11, bulletIndent=0, spaceAfter=3),
        "bold": ParagraphStyle("wbold", parent=body, fontName="Helvetica-Bold", alignment=0),
        "number": ParagraphStyle("wnum", fontName="Helvetica-Bold", fontSize=26, leading=30, textColor=BLUE),
        "h1": ParagraphStyle("wh1", fontName="Helvetica-Bold", fontSize=24, leading=28, spaceAfter=10, textColor=BLUE),
        "standfirst": ParagraphStyle("wstand", fontName="Helvetica", fontSize=13, leading=17, spaceAfter=8),
        "h2": ParagraphStyle("wh2", fontName="Helvetica-Bold", fontSize=12.5, leading=15.5, spaceBefore=8, spaceAfter=6, textColor=BLUE),
        "h3": ParagraphStyle("wh3", fontName="Helvetica-Bold", fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=4),
        "quote": ParagraphStyle("wquote", fontName="Helvetica-Bold", fontSize=13.5, leading=17.5, textColor=BLUE, spaceBefore=8, spaceAfter=10),
        "figlabel": ParagraphStyle("wfig", fontName="Helvetica-Bold", fontSize=7.5, leading=9.5, spaceBefore=6, spaceAfter=2),
        "figtext": ParagraphStyle("wfigt", fontName="Helvetica", fontSize=7.5, leading=9.5, spaceAfter=2),
        "figitem": ParagraphStyle("wfigi", fontName="Helvetica", fontSize=7.5, leading=9.5, leftIndent=8, bulletIndent=0, spaceAfter=1),
        "source": ParagraphStyle("wsrc", fontName="Helvetica", fontSize=6.5, leading=8.5, spaceAfter=8),
        "boxlabel": ParagraphStyle("wbl", fontName="Helvetica-Bold", fontSize=7.5, leading=10, textColor=BLUE),
        "boxtitle": ParagraphStyle("wbt", fontName="Helvetica-Bold", fontSize=9.5, leading=12),
        "boxbody": ParagraphStyle("wbb", parent=body, fontSize=8.5, leading=11.5, spaceAfter=4),
        "cell": ParagraphStyle("wcell", fontName="Helvetica", fontSize=8, leading=10.5),
        "cellhead": ParagraphStyle("wcellh", fontName="Helvetica-Bold", fontSize=8, leading=10.5),
        "cellitem": ParagraphStyle("wcelli", fontName="Helvetica", fontSize=8, leading=10.5, leftIndent=9, bulletIndent=0, spaceAfter=2),
        "note": ParagraphStyle("wnote", fontName="Helvetica", fontSize=6.5, leading=8.2, leftIndent=12, bulletIndent=0, spaceAfter=3,
                               uriWasteReduce=0.3),
        "cover": ParagraphStyle("wcover", fontName="Helvetica-Bold", fontSize=30, leading=35),
        "small": ParagraphStyle("wsmall", fontName="Helvetica", fontSize=10, leading=13),
    }


# --- pieces of the template ----------------------------------------------------------------------


class _TocEntry(Flowable):
    """A Contents entry in a narrow column: the title wraps, dotted leaders run to the page number."""

    def __init__(self, label: str, page: int, width: float, indent: float = 0, size: float = 9.5, bold: bool = False):
        super().__init__()
        self.label, self.page, self.indent, self.size = label, page, indent, size
        self.font = "Helvetica-Bold" if bold else "Helvetica"
        self.width = width
        room = width - indent - 34
        self.lines: list[str] = []
        for word in label.split():
            if self.lines and stringWidth(f"{self.lines[-1]} {word}", self.font, size) <= room:
                self.lines[-1] += f" {word}"
            else:
                self.lines.append(word)

    def wrap(self, aw, ah):
        return self.width, len(self.lines) * self.size * 1.3 + 5

    def draw(self):
        c = self.canv
        c.setFont(self.font, self.size)
        y = (len(self.lines) - 1) * self.size * 1.3 + 5
        for i, line in enumerate(self.lines):
            c.drawString(self.indent, y, line)
            if i == len(self.lines) - 1:
                end = self.indent + stringWidth(line, self.font, self.size) + 4
                dots = int((self.width - 22 - end) / stringWidth(" .", self.font, self.size))
                c.setFont("Helvetica", self.size)
                c.drawString(end, y, " ." * max(dots, 1))
                c.drawRightString(self.width, y, str(self.page))
            y -= self.size * 1.3


def _chart(number: int, width: float) -> Drawing:
    """A labelled bar chart: value axis 0-100 with ticks, bar value labels, category labels, a legend."""
    rng = random.Random(number)
    years = rng.random() < 0.5
    categories = ["2018", "2020", "2022", "2024"] if years else ["Manufacturing", "Retail", "Health", "Finance", "Energy"]
    series = [[rng.randint(8, 95) for _ in categories] for _ in range(2)]
    height = 150
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 28, 34, width - 40, height - 64
    chart.data = series
    chart.categoryAxis.categoryNames = categories
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontSize = 6
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 5.5
    chart.barLabels.nudge = 5
    chart.bars[0].fillColor = BLUE
    chart.bars[1].fillColor = colors.HexColor("#8fb3e8")
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = 30, 12
    legend.fontSize = 6
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.alignment = "right"
    legend.colorNamePairs = [(BLUE, "China"), (colors.HexColor("#8fb3e8"), "Global average")]
    d.add(legend)
    d.add(String(2, height - 12, "Share of companies (%)", fontName="Helvetica", fontSize=6))
    return d


PANEL_CATEGORIES = ["Manufacturing", "Automotive industry", "Retail and e-commerce", "Health services", "Banking and insurance"]


def _panel_chart(number: int, width: float) -> Drawing:
    """A horizontal bar chart as a chart tool exports it: one series, its bars one path (one fill,
    a rectangle per bar), no legend, on a pale panel; the category names right-aligned against the
    axis, further from the bars' left ends than a vertical chart's labels stand below its bars."""
    from reportlab.graphics.shapes import Line, Path, Rect

    rng = random.Random(number)
    values = [rng.randint(8, 95) for _ in PANEL_CATEGORIES]
    height = 150
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=colors.HexColor("#eef2f7"), strokeColor=None))
    d.add(String(6, height - 12, "Share of companies (%)", fontName="Helvetica", fontSize=6))
    left, right, top, bottom = 92, width - 22, height - 24, 24
    step = (top - bottom) / len(values)
    bars = Path(fillColor=BLUE, strokeColor=None)
    for k, (name, value) in enumerate(zip(PANEL_CATEGORIES, values)):
        y = top - (k + 1) * step + step * 0.2
        end = left + (right - left) * value / 100
        bars.moveTo(left, y)
        bars.lineTo(end, y)
        bars.lineTo(end, y + step * 0.6)
        bars.lineTo(left, y + step * 0.6)
        bars.closePath()
        d.add(String(left - 4, y + 2, name, fontName="Helvetica", fontSize=6, textAnchor="end"))
        d.add(String(end + 3, y + 2, str(value), fontName="Helvetica", fontSize=5.5))
    d.add(bars)
    d.add(Line(left, bottom, left, top, strokeColor=colors.black, strokeWidth=0.5))
    for tick in range(0, 101, 25):
        d.add(String(left + (right - left) * tick / 100, bottom - 9, str(tick), fontName="Helvetica", fontSize=6, textAnchor="middle"))
    return d


def _outline_title(title: str) -> str:
    """As InDesign exports a bookmark: no number, a tab where the heading broke, sometimes a trailing ETX."""
    words = title.split()
    if len(words) >= 4:
        half = len(words) // 2
        title = " ".join(words[:half]) + "\t" + " ".join(words[half:])
    return title + ("\x03" if len(words) % 2 else "")


def _box(flowables: list, width: float) -> Table:
    """A shaded case-study box; one row per paragraph so it can break between columns."""
    table = Table([[f] for f in flowables], colWidths=[width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e6eefa")),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _split_for_quote(text: str, markers) -> tuple[str, tuple, str, tuple, str] | None:
    """A long paragraph -> (first part, its markers, second part, its markers, the sentence to quote).
    The paragraph is cut in the middle of a sentence after the quoted one, so the body runs on past
    the pull quote."""
    spans = split_sentences(text)
    if len(text.split()) < 60 or len(spans) < 2:
        return None
    candidates = [(s, e) for s, e in spans if 14 <= len(text[s:e].split()) <= 40 and not any(s <= o <= e for o, _ in markers)]
    if not candidates:
        return None
    s, e = candidates[0]
    middle = text.find(" ", (len(text) * 1) // 2)
    if middle < 0:
        return None
    first, second = text[:middle], text[middle + 1 :]
    m1 = tuple((o, n) for o, n in markers if o <= middle)
    m2 = tuple((o - middle - 1, n) for o, n in markers if o > middle)
    return first, m1, second, m2, text[s:e]


# --- the document --------------------------------------------------------------------------------


def _footer(canv, doc) -> None:
    canv.saveState()
    canv.setFont("Helvetica", 7)
    canv.drawString(MARGIN, 26, FOOTER)
    canv.drawRightString(WIDTH - MARGIN, 26, str(doc.page))
    canv.restoreState()


def _running_head(canv, doc) -> None:
    """Past a chapter's opening page: the report's title over odd pages, the chapter's over even ones
    (set when the page ends, so a page the chapter opens on has its opener, not this)."""
    canv.saveState()
    canv.setFont("Helvetica", 7)
    canv.drawString(MARGIN, HEIGHT - 30, doc.chapter if doc.page % 2 == 0 and doc.chapter else FOOTER)
    canv.restoreState()


class _Doc(BaseDocTemplate):
    def __init__(self, buf, outline: bool):
        self.outline = outline
        super().__init__(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                         title="", author="World Economic Forum", creator="Adobe InDesign 19.5 (Macintosh)")
        full = WIDTH - 2 * MARGIN
        body_h = HEIGHT - 2 * MARGIN
        top_h = 190

        def columns(height):
            return [Frame(MARGIN, MARGIN, COLUMN, height, id="left"), Frame(MARGIN + COLUMN + GUTTER, MARGIN, COLUMN, height, id="right")]

        self.addPageTemplates([
            PageTemplate("cover", [Frame(MARGIN, MARGIN, full, body_h, id="cover")]),
            PageTemplate("contents", [Frame(MARGIN + 245, MARGIN, full - 245, body_h, id="toc")], onPage=_footer),
            PageTemplate("chapter", [Frame(MARGIN, HEIGHT - MARGIN - top_h, full, top_h, id="top")] + columns(body_h - top_h), onPage=_footer),
            # a one-column chapter opens on one column too: its tables and charts are set full width
            # and would stand off the page in a half-width column
            PageTemplate("chapter-one", [Frame(MARGIN, HEIGHT - MARGIN - top_h, full, top_h, id="top"),
                                         Frame(MARGIN, MARGIN, full, body_h - top_h, id="one")], onPage=_footer),
            PageTemplate("two", columns(body_h), onPage=_footer, onPageEnd=_running_head),
            PageTemplate("one", [Frame(MARGIN, MARGIN, full, body_h, id="one")], onPage=_footer, onPageEnd=_running_head),
        ])
        self.landed: dict[str, int] = {}
        self.chapter = ""  # the title of the chapter being set, for the running head of even pages

    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph) and flowable.style.name == "wh1":
            self.chapter = flowable.getPlainText()
        if isinstance(flowable, _Outline):
            self.landed.setdefault(flowable.key, self.page)
            if self.outline:
                self.canv.bookmarkHorizontalAbsolute(flowable.key, top=self.frame._y + 14, left=self.frame._x1)
                self.canv.addOutlineEntry(flowable.title, flowable.key, flowable.level, closed=False)


def _story(md_path: Path, landed: dict[str, int], contents_depth: int = 2) -> list:
    s = _styles()
    report = read_markdown(md_path.read_text(encoding="utf-8"))
    sections = list(ingest_file(md_path).sections)
    contents = list(report.contents)
    keys = {title_key(e.title) for e in contents}
    paras = rejoin_paragraphs(list(report.paras), keys)
    entry_pages = {title_key(e.title): e.page for e in contents}

    story: list = [NextPageTemplate("contents"), Spacer(1, 120),
                   Paragraph("In collaboration with Accenture", s["small"]), Spacer(1, 30),
                   Paragraph(escape(report.title), s["cover"]), Spacer(1, 24),
                   Paragraph("WHITE PAPER<br/>JANUARY 2025", s["small"]), PageBreak()]
    story += [_Outline("Contents", 0, "contents"), Paragraph("Contents", s["h1"]), Spacer(1, 8)]
    for e in contents:
        if e.number.count(".") + 1 > contents_depth and e.number:
            continue  # a Contents listing only the chapters: their sections are in the outline alone
        label = f"{e.number} {e.title}".strip()
        indent = 12 if "." in e.number else 0
        story.append(_TocEntry(label, landed.get(title_key(e.title), e.page), WIDTH - 2 * MARGIN - 245, indent, bold="." not in e.number))
    story.append(NextPageTemplate("two"))
    story.append(PageBreak())

    section_at = 0
    i = 0
    template = "two"
    in_figure = False
    figure_no = 0
    box: list | None = None
    paragraphs_seen = 0
    width = COLUMN

    def flush_box() -> None:
        nonlocal box
        if box:
            story.append(_box(box, width))
            story.append(Spacer(1, 8))
        box = None

    while i < len(paras):
        p = paras[i]
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if p.kind in ("heading", "bold") and section_at < len(sections) and _opens(sections[section_at], p, paras[i + 1 : i + 2], entry_pages):
            flush_box()
            in_figure = False
            sec = sections[section_at]
            section_at += 1
            chapter = sec.number.split(".")[0]
            key = title_key(sec.title)
            if sec.level == 1 and key in entry_pages:
                template = "one" if chapter in ONE_COLUMN_CHAPTERS else "two"
                width = WIDTH - 2 * MARGIN if template == "one" else COLUMN
                opener = "chapter-one" if template == "one" else "chapter"
                story += [NextPageTemplate(opener if sec.number else template), PageBreak()]
                if sec.number:
                    story.append(NextPageTemplate(template))
                story.append(_Outline(_outline_title(sec.title), 0, key))
                if sec.number:
                    story.append(Paragraph(sec.number, s["number"]))
                story.append(Paragraph(escape(sec.title), s["h1"]))
                if sec.number and nxt is not None and nxt.kind == "prose" and len(nxt.text.split()) < 40:
                    story.append(Paragraph(_escape(nxt.text), s["standfirst"]))  # the standfirst, in the top frame
                    i += 1
                if sec.number:
                    story.append(FrameBreak())
            else:
                story.append(CondPageBreak(60))
                story.append(_Outline(_outline_title(sec.title), 1, key))
                label = f"{sec.number} {sec.title}".strip()
                story.append(Paragraph(escape(label), s["h2"] if sec.number or sec.level == 1 else s["h3"]))
            i += 1
            continue
        text = p.text
        if FIGURE.match(text) or (in_figure and SOURCE.match(text)) or in_figure:
            flush_box()
            if FIGURE.match(text):
                in_figure = True
                figure_no += 1
                label = text
                # "FIGURE 1" + its title on the next paragraph: one label line, as the template prints it
                if nxt is not None and re.fullmatch(r"FIGURE \d+", text) and nxt.kind in ("heading", "bold", "prose"):
                    label = f"{text} | {nxt.text}"
                    i += 1
                story.append(CondPageBreak(220))
                story.append(Paragraph(_markup(label, p.markers if label == text else ()), s["figlabel"]))
                story.append(_panel_chart(figure_no, width) if figure_no % 2 else _chart(figure_no, width))
            elif SOURCE.match(text):
                in_figure = False
                story.append(Paragraph(_escape(text), s["source"]))
            elif p.kind == "item":
                story.append(Paragraph(_escape(text), s["figitem"], bulletText="•"))
            else:
                story.append(Paragraph(_escape(text), s["figtext"]))
            i += 1
            continue
        if (m := UNIT.match(text)) and p.kind != "item" and m.group(1) == "CASE STUDY":
            flush_box()
            box = [Paragraph(escape(text), s["boxlabel"])]
            if nxt is not None and nxt.kind in ("heading", "bold"):
                box.append(Paragraph(escape(nxt.text), s["boxtitle"]))
                i += 1
            i += 1
            continue
        if box is not None and p.kind in ("prose", "item"):
            box.append(Paragraph(_markup(text, p.markers), s["boxbody"]))
            i += 1
            continue
        flush_box()
        if p.kind == "heading":
            story.append(Paragraph(escape(text), s["h3"]))
        elif p.kind == "bold" and text.startswith("“"):
            story.append(Paragraph(escape(text), s["quote"]))  # the report's own pull quote
        elif p.kind == "bold":
            story.append(Paragraph(escape(text), s["bold"]))
        elif p.kind == "item":
            story.append(Paragraph(_markup(text, p.markers), s["item"], bulletText="•"))
        elif p.kind == "table_header":
            table, i = table_from(paras, i, s, width)
            story += [table, Spacer(1, 8)]
        elif p.kind == "row":
            story.append(Table([table_row(p, s)], colWidths=[0.27 * width, 0.73 * width]))
        else:
            paragraphs_seen += 1
            split = _split_for_quote(text, p.markers) if template == "two" and paragraphs_seen % 4 == 0 else None
            if split:
                first, m1, second, m2, quoted = split
                story.append(Paragraph(_markup(first, m1), ParagraphStyle("cut", parent=s["body"], spaceAfter=2)))
                story.append(Paragraph(escape(f"“{quoted}”"), s["quote"]))
                story.append(Paragraph(_markup(second, m2), s["body"]))
            else:
                story.append(Paragraph(_markup(text, p.markers), s["body"]))
        i += 1
    flush_box()

    # the endnote list: two columns, over pages, every URL a link annotation
    story += [NextPageTemplate("two"), PageBreak(), _Outline("Endnotes", 0, "endnotes"), Paragraph("Endnotes", s["h1"])]
    for number, text in _raw_endnotes(md_path):
        linked = re.sub(r"(https?://\S+?)([.,;]?)(?=\s|$)", lambda m: f'<a href="{escape(m.group(1))}" color="#1c3f94">{escape(m.group(1))}</a>{m.group(2)}',
                        escape(text).replace("&amp;", "&"))
        linked = linked.replace("&", "&amp;").replace("&amp;amp;", "&amp;").replace("&amp;lt;", "&lt;").replace("&amp;gt;", "&gt;")
        story.append(Paragraph(linked, s["note"], bulletText=f"{number}."))
    return story


def wef_pdf(md_path: Path, *, outline: bool = True, contents_depth: int = 2) -> bytes:
    """Typeset the markdown report in the white-paper template (two passes: the Contents gets the
    pages sections landed on). `outline=False` leaves out the bookmarks; `contents_depth=1` lists
    only the chapters in the Contents (their numbered sections, '1.1', are in the outline, unnumbered,
    and printed over their text)."""
    landed: dict[str, int] = {}
    data = b""
    for _ in range(2):
        buf = BytesIO()
        doc = _Doc(buf, outline)
        doc.build(_story(Path(md_path), landed, contents_depth), canvasmaker=_Canvas)
        landed = doc.landed
        data = buf.getvalue()
    return data


class _Canvas(__import__("reportlab.pdfgen.canvas", fromlist=["Canvas"]).Canvas):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.showOutline()


if __name__ == "__main__":  # python tests/wefpdf.py OUT.pdf: write the PDF to look at
    import sys

    Path(sys.argv[1]).write_bytes(wef_pdf(Path(__file__).resolve().parents[1] / "corpus" / "blueprint-to-action-china-ai-2025.md"))

"""Test PDFs built with reportlab: the corpus report laid out like the real white paper, and broken ones.

`report_pdf(markdown_path)` renders the markdown report the way a designer would have: a cover,
a Contents page with page numbers, a running header and a page-number footer, bookmarks (the
outline) for every section, two-column body pages for chapters 1, 2 and 4, tables as real tables,
endnote markers as true superscripts (`<super>`: smaller and raised), hyphenated line breaks and
a numbered endnote list. Page labels make the printed numbers differ from the physical ones (the
cover is "i"), and each section starts on the page the markdown's Contents gives, when it fits.

>>> data = report_pdf(Path("corpus/blueprint-to-action-china-ai-2025.md"))  # doctest: +SKIP
>>> data[:5]                                                                  # doctest: +SKIP
b'%PDF-'
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from askwef.ingest import Para, rejoin_paragraphs, ingest_file, read_markdown
from askwef.ingest.text import title_key

RUNNING_HEADER = "Blueprint to Action: China's Path to AI-Powered Industry Transformation"
WIDTH, HEIGHT = A4
MARGIN = 56
GUTTER = 24
TWO_COLUMN_CHAPTERS = {"1", "2", "4"}


def _keep_real_hyphens() -> None:
    """reportlab 5.1's `_shyUnsplit(s, ss)` strips a trailing '-' whenever it rejoins the parts of a word
    broken over lines, so a word broken at its own hyphen ('vehicle-|road-city') loses that hyphen when
    the paragraph is wrapped again at a frame or column break ('vehicleroad-city'), and the rejoined word
    is then hyphenated where it has no hyphenation point ('pret-|rained' from 'pre-trained'). A head that
    got an added hyphen has it stripped before the join (the one-argument call), so the join keeps it."""
    from reportlab.platypus import paragraph

    strip = paragraph._shyUnsplit
    if getattr(strip, "keeps_real_hyphens", False):
        return

    def unsplit(s, ss=None):
        if not ss or isinstance(s, paragraph._SHYIndexedStr):
            return strip(s, ss)
        return s + ss

    unsplit.keeps_real_hyphens = True
    paragraph._shyUnsplit = unsplit


_keep_real_hyphens()


def hyphenate(word: str):
    """A tiny hyphenator for reportlab (`hyphenationLang` accepts a callable): 'transformation' ->
    ('transfor', 'mation'), ('trans', 'formation'), ... split before a consonant that follows a vowel."""
    if len(word) < 8 or not word.isalpha():
        return
    vowels = "aeiouy"
    low = word.lower()
    for i in range(len(word) - 3, 2, -1):
        if low[i - 2] in vowels and low[i - 1] not in vowels and low[i] not in vowels and low[i - 1:i + 1] not in ("th", "ch", "sh", "ph", "ck"):
            yield word[:i], word[i:]


def _styles() -> dict[str, ParagraphStyle]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="Helvetica", fontSize=9.5, leading=12.5, spaceAfter=6, alignment=TA_JUSTIFY,
        hyphenationLang=hyphenate, embeddedHyphenation=1, uriWasteReduce=0.3,
    )
    return {
        "body": body,
        "item": ParagraphStyle("item", parent=body, leftIndent=12, bulletIndent=0, spaceAfter=3),
        "bold": ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold", alignment=0),
        "h1": ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceBefore=6, spaceAfter=12),
        "h2": ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=14, leading=17, spaceBefore=8, spaceAfter=6),
        "h3": ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=6, spaceAfter=4),
        "h4": ParagraphStyle("h4", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=4, spaceAfter=4),
        "cell": ParagraphStyle("cell", fontName="Helvetica", fontSize=8.5, leading=11),
        "cellhead": ParagraphStyle("cellhead", fontName="Helvetica-Bold", fontSize=8.5, leading=11),
        "cellitem": ParagraphStyle("cellitem", fontName="Helvetica", fontSize=8.5, leading=11, leftIndent=10, bulletIndent=0, spaceAfter=2),
        "note": ParagraphStyle("note", fontName="Helvetica", fontSize=8, leading=10, leftIndent=18, bulletIndent=0, spaceAfter=3, uriWasteReduce=0.3),
        "cover": ParagraphStyle("cover", fontName="Helvetica-Bold", fontSize=26, leading=31),
        "small": ParagraphStyle("small", fontName="Helvetica", fontSize=10, leading=13),
    }


_CJK = re.compile(r"([\u3000-\u9fff\uff00-\uffef]+)")


def _escape(text: str) -> str:
    """XML-escaped for reportlab, Chinese set in a CID font (Helvetica has no glyphs for it)."""
    return _CJK.sub(r'<font name="STSong-Light">\1</font>', escape(text))


def _markup(text: str, markers=()) -> str:
    """Text with its endnote markers as reportlab superscripts: ('Up 5%.', ((6, 19),)) -> 'Up 5%.<super>19</super>'."""
    by_offset: dict[int, list[int]] = {}
    for offset, number in markers:
        by_offset.setdefault(offset, []).append(number)
    out, pos = [], 0
    for offset in sorted(by_offset):
        out.append(_escape(text[pos:offset]))
        out.append("<super>" + ",".join(str(n) for n in by_offset[offset]) + "</super>")
        pos = offset
    out.append(_escape(text[pos:]))
    return "".join(out)


class _Outline(Flowable):
    """A zero-size mark: the doc template bookmarks it and adds an outline entry at `level`."""

    def __init__(self, title: str, level: int, key: str):
        super().__init__()
        self.title, self.level, self.key = title, level, key

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        pass


class _PageAtLeast(Flowable):
    """Break pages until the printed page label reaches `label` (a no-op when already there or past)."""

    def __init__(self, label: int):
        super().__init__()
        self.label = label

    def wrap(self, aw, ah):
        page = self._doctemplateAttr("page") or 0
        if page - 1 < self.label:  # physical page n (1-based) is printed n-1: the cover is "i"
            frame = self._doctemplateAttr("frame")
            if frame is not None:
                frame.add_generated_content(PageBreak(), _PageAtLeast(self.label))
        return 0, 0

    def draw(self):
        pass


class _Doc(BaseDocTemplate):
    def __init__(self, buf, title: str, outline: bool = True):
        self.outline = outline
        super().__init__(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                         title=title, author="World Economic Forum")
        full = WIDTH - 2 * MARGIN
        body_h = HEIGHT - 2 * MARGIN
        col = (full - GUTTER) / 2
        self.addPageTemplates([
            PageTemplate("cover", [Frame(MARGIN, MARGIN, full, body_h, id="cover")]),
            PageTemplate("one", [Frame(MARGIN, MARGIN, full, body_h, id="one")], onPage=_furniture),
            PageTemplate("two", [Frame(MARGIN, MARGIN, col, body_h, id="left"),
                                 Frame(MARGIN + col + GUTTER, MARGIN, col, body_h, id="right")], onPage=_furniture),
        ])
        self.landed: dict[str, int] = {}  # outline key -> printed page

    def afterFlowable(self, flowable):
        if isinstance(flowable, _Outline) and self.outline:
            # an XYZ destination with the heading's top, as layout programs write them
            self.canv.bookmarkHorizontalAbsolute(flowable.key, top=self.frame._y + 2, left=self.frame._x1)
            self.canv.addOutlineEntry(flowable.title, flowable.key, flowable.level, closed=False)
        if isinstance(flowable, _Outline):
            self.landed[flowable.key] = self.page - 1



def table_row(row, s) -> list:
    """A table row of the report as two cells: its label and its list of items."""
    items = [Paragraph(_markup(it.text, it.markers), s["cellitem"], bulletText="•") for it in row.items]
    return [Paragraph(escape(row.text), s["cell"]), items]


def table_from(paras, i: int, s, width: float) -> tuple:
    """The table whose header is paras[i] with the rows that follow it; returns it and the index of its last row."""
    rows = [[Paragraph(escape(c), s["cellhead"]) for c in paras[i].text.split(" | ")]]
    while i + 1 < len(paras) and paras[i + 1].kind == "row":
        i += 1
        rows.append(table_row(paras[i], s))
    table = Table(rows, colWidths=[0.27 * width, 0.73 * width])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#999999"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return table, i

def _furniture(canv: rl_canvas.Canvas, doc) -> None:
    canv.saveState()
    canv.setFont("Helvetica", 7.5)
    canv.drawString(MARGIN, HEIGHT - 34, RUNNING_HEADER)
    canv.drawCentredString(WIDTH / 2, 28, str(doc.page - 1))
    canv.restoreState()


def _opens(section, para: Para, following: list[Para], listed: dict[str, int]) -> bool:
    """Whether `para` is the heading that opens `section` (as assemble() decides: a subsection the
    Contents does not list opens at a heading followed by real prose, not at a figure label)."""
    key = title_key(section.title)
    if title_key(para.text) != key:
        return False
    if key in listed or section.level == 1:
        return True
    nxt = following[0] if following else None
    return nxt is not None and nxt.kind == "prose" and len(nxt.text.split()) >= 12


def _story(md_path: Path, landed: dict[str, int], contents_page: bool = True) -> tuple[list, str]:
    """The flowables of the report; `landed` (outline key -> printed page, from a first pass) fills the Contents."""
    s = _styles()
    report = read_markdown(md_path.read_text(encoding="utf-8"))
    doc = ingest_file(md_path)
    sections = list(doc.sections)
    contents = [e for e in report.contents]
    keys = {title_key(e.title) for e in contents}
    paras = rejoin_paragraphs(list(report.paras), keys)

    story: list = [NextPageTemplate("one")]
    story.append(Spacer(1, 180))
    story.append(Paragraph(escape(report.title), s["cover"]))
    story.append(PageBreak())
    story += [Paragraph("In collaboration with Accenture", s["small"]), Spacer(1, 8),
              Paragraph("Transformation of Industries in the Age of AI", s["small"]), Spacer(1, 40),
              Paragraph(escape(report.title), ParagraphStyle("t", parent=s["cover"], fontSize=22, leading=27)),
              Spacer(1, 20), Paragraph("WHITE PAPER<br/>JANUARY 2025", s["small"]), PageBreak()]
    # Contents page
    if contents_page:
        story.append(Paragraph("Contents", s["h1"]))
    rows = []
    for e in contents:
        label = f"{e.number} {e.title}".strip()
        page = landed.get(title_key(e.title), e.page)
        rows.append([Paragraph(escape(label), s["small"]), Paragraph(str(page), ParagraphStyle("r", parent=s["small"], alignment=2))])
    table = Table(rows, colWidths=[WIDTH - 2 * MARGIN - 40, 40])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 2)]))
    if contents_page:
        story += [table, Spacer(1, 24)]

    entry_pages = {title_key(e.title): e.page for e in contents}
    section_at = 0
    i = 0
    while i < len(paras):
        p = paras[i]
        if p.kind in ("heading", "bold") and section_at < len(sections) and _opens(sections[section_at], p, paras[i + 1 : i + 2], entry_pages):
            sec = sections[section_at]
            section_at += 1
            label = f"{sec.number} {sec.title}".strip()
            chapter = sec.number.split(".")[0]
            if sec.level == 1 and title_key(sec.title) in entry_pages:
                template = "two" if chapter in TWO_COLUMN_CHAPTERS else "one"
                story += [NextPageTemplate(template), _PageAtLeast(entry_pages[title_key(sec.title)])]
            elif sec.level == 2 and title_key(sec.title) in entry_pages:
                story.append(_PageAtLeast(entry_pages[title_key(sec.title)]))
            story.append(_Outline(label, sec.level - 1, title_key(sec.title)))
            story.append(Paragraph(escape(label), s["h1"] if sec.level == 1 else s["h2"]))
        elif p.kind == "heading":
            story.append(Paragraph(escape(p.text), s[f"h{min(max(p.level, 2), 4)}"]))
        elif p.kind == "bold":
            story.append(Paragraph(escape(p.text), s["bold"]))
        elif p.kind == "item":
            story.append(Paragraph(_markup(p.text, p.markers), s["item"], bulletText="•"))
        elif p.kind == "table_header":
            table, i = table_from(paras, i, s, WIDTH - 2 * MARGIN)
            story += [table, Spacer(1, 8)]
        elif p.kind == "row":  # a row without a header: a one-row table
            story.append(Table([table_row(p, s)], colWidths=[0.27 * (WIDTH - 2 * MARGIN), 0.73 * (WIDTH - 2 * MARGIN)]))
        else:
            story.append(Paragraph(_markup(p.text, p.markers), s["body"]))
        i += 1

    # the endnote list, on its own pages, single column
    story += [NextPageTemplate("one"), _PageAtLeast(entry_pages.get("endnotes", 0)), _Outline("Endnotes", 0, "endnotes"),
              Paragraph("Endnotes", s["h1"])]
    for number, text in _raw_endnotes(md_path):
        story.append(Paragraph(escape(text), s["note"], bulletText=f"{number}."))
    return story, report.title


def _raw_endnotes(md_path: Path) -> list[tuple[int, str]]:
    """The endnote list as the report prints it: links shown as their URLs, emphasis gone."""
    text = md_path.read_text(encoding="utf-8")
    tail = text[text.rindex("# Endnotes") :]
    notes = []
    for m in re.finditer(r"^(\d{1,3})\.\s+(.*)$", tail, re.MULTILINE):
        raw = re.sub(r"\[([^\]]*)\]\(([^)]+)\)", lambda k: k.group(2).replace(" ", "%20"), m.group(2))
        raw = re.sub(r"<(https?://[^>]+)>", r"\1", raw).replace("\\", "").replace("*", "")
        notes.append((int(m.group(1)), raw.replace("\\_", "_")))
    return notes


def report_pdf(md_path: Path, *, contents_page: bool = True, outline: bool = True) -> bytes:
    """Render the markdown report as a PDF (two passes, so the Contents gives the pages sections landed on).

    `contents_page=False` leaves the Contents page out, `outline=False` the bookmarks: the reader
    must then fall back on the outline, or on heading sizes.
    """
    landed: dict[str, int] = {}
    data = b""
    for _ in range(2):
        buf = BytesIO()
        story, title = _story(Path(md_path), landed, contents_page)
        doc = _Doc(buf, title, outline)
        doc.build(story, canvasmaker=_LabelledCanvas)
        landed = doc.landed
        data = buf.getvalue()
    return data


class _LabelledCanvas(rl_canvas.Canvas):
    """Page labels: the cover is "i", the next page is printed "1", and so on; the outline opens."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.addPageLabel(0, style="ROMAN_LOWER", start=1)
        self.addPageLabel(1, style="ARABIC", start=1)
        self.showOutline()


def saved(c: rl_canvas.Canvas, buf: BytesIO, path: Path) -> Path:
    """Save canvas `c` (drawing into `buf`) and write the PDF at `path`; returns `path`."""
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def title_and_contents(c: rl_canvas.Canvas, title: str, rows: list[str]) -> None:
    """Two pages of `c`: a title page, then a Contents page of `rows` ("1 Chapter 1 . . . . 3")."""
    c.setFont("Helvetica-Bold", 20)
    c.drawString(72, 700, title)
    c.showPage()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 780, "Contents")
    c.setFont("Helvetica", 10)
    for k, row in enumerate(rows, start=1):
        c.drawString(72, 750 - 14 * k, row)
    c.showPage()


def outlined_manual(c: rl_canvas.Canvas, title: str, rows: list[str], pages: list[list[tuple[str, float, int]]]) -> None:
    """A manual as DocBook prints one, on `c`: a title page, a Contents page of `rows` ("Overview . . . 4", set flush:
    its indentation gives no depth), then `pages`, each a list of (text, size, level) lines from the top: level 0 is
    body text, any other a heading in bold, with a bookmark at that outline depth when above 0 (1: the top; -1: a
    heading neither the outline nor the Contents lists, as DocBook's bridgeheads). Each page prints its number at its
    foot, counted from 1 on the title page, so the Contents' numbers are the physical pages'."""
    title_and_contents(c, title, rows)
    for k, lines in enumerate(pages):
        y = 780.0
        for j, (text, size, level) in enumerate(lines):
            if level > 0:
                key = f"p{k}l{j}"
                c.bookmarkHorizontal(key, 72, y + size)
                c.addOutlineEntry(text, key, level=level - 1)
            c.setFont("Helvetica-Bold" if level else "Helvetica", size)
            c.drawString(72, y, text)
            y -= size * 2 if level else 14
        c.setFont("Helvetica", 9)
        c.drawString(300, 40, str(k + 3))
        c.showPage()


def footnoted_page(c: rl_canvas.Canvas, heading: str, lines: list[str], note: str, *, size: float, note_size: float,
                   pitch: float = 13.5, wrapped: tuple[str, ...] = ()) -> None:
    """A page of `c`: `heading`, then `lines` in `size` pt, the third carrying a raised marker 1, and at the page's foot
    the footnote `note` in `note_size` pt, its `wrapped` lines under it."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, heading)
    for j, text in enumerate(lines):
        line = c.beginText(72, 750 - pitch * j)
        line.setFont("Helvetica", size)
        line.textOut(text)
        if j == 2:
            line.setFont("Helvetica", 7)
            line.setRise(4)
            line.textOut("1")
        c.drawText(line)
    c.setFont("Helvetica", note_size)
    top = 77 + (note_size + 2) * len(wrapped)
    for k, text in enumerate((note, *wrapped)):
        c.drawString(72, top - (note_size + 2) * k, text)
    c.showPage()


def numbers_drawn_last_page(c: rl_canvas.Canvas, heading: str, lines: list[str], note: str, *, size: float = 12,
                            note_size: float = 11, pitch: float = 13.5) -> None:
    """A page of `c` drawn the way WordPerfect (through PDFWriter) draws one: a line's words first, its raised numbers
    after. `heading`, then `lines` in `size` pt, the third's first word (in italics) carrying marker 1, drawn once the
    line is written; at the page's foot the footnote `note` in `note_size` pt, its number 1 drawn after the note's text, left
    of it, raised onto a baseline of its own (the DMCA summary: 7.2 pt numbers 4.6 pt above the line)."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, heading)
    number_size, rise = 7.2, 4.6
    for j, text in enumerate(lines):
        y = 750 - pitch * j
        c.setFont("Helvetica", size)
        if j != 2:
            c.drawString(72, y, text)
            continue
        first, rest = text.split(" ", 1)
        # one text object: the first word in italics (a run of its own, as the DMCA summary's "copying"), the rest,
        # then back to the first word's end for its number
        line = c.beginText(72, y)
        line.setFont("Helvetica-Oblique", size)
        line.textOut(first)
        line.setFont("Helvetica", size)
        line.textOut(f" {rest}")
        line.setTextOrigin(72 + c.stringWidth(first, "Helvetica-Oblique", size), y + rise)
        line.setFont("Helvetica", number_size)
        line.textOut("1")
        c.drawText(line)
    number = c.stringWidth("1", "Helvetica", number_size)
    c.setFont("Helvetica", note_size)
    c.drawString(72 + number, 77, note)
    c.setFont("Helvetica", number_size)
    c.drawString(72, 77 + rise, "1")
    c.showPage()


def note_callout_page(c: rl_canvas.Canvas, heading: str, lines: list[str], callout: str, steps: list[str], *,
                      size: float = 10) -> None:
    """A page of a manual (GnuCash's guide, DocBook through FOP): `heading`, `lines` of prose in `size` pt, a "Note"
    call-out (its title in 14 pt bold, then `callout`, indented), and numbered `steps` ("1. Open the file.") in the
    body's type at the page's foot."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, heading)
    c.setFont("Helvetica", size)
    y = 750.0
    for text in lines:
        c.drawString(72, y, text)
        y -= 12
    y -= 14
    c.setFont("Helvetica-Bold", 14)
    c.drawString(90, y, "Note")
    y -= 24
    c.setFont("Helvetica", size)
    c.drawString(90, y, callout)
    y = 72 + 24 * (len(steps) - 1)
    for step in steps:
        c.drawString(72, y, step)
        y -= 24
    c.showPage()


COLUMN_TOPICS = ["the water board", "the rail agency", "the health service", "the tax office"]


def column_text(column: int, sentences: int = 9) -> str:
    """A column's text: sentences that name their column, so a test can tell which column a sentence came from."""
    topic = COLUMN_TOPICS[column % len(COLUMN_TOPICS)]
    return " ".join(f"In column {column + 1}, sentence {k + 1} says that {topic} will publish its plan for the "
                    f"year ahead and report on the work it has done so far." for k in range(sentences))


def columns_page(path: Path, columns: int, gutter: float, *, size: float = 9.5, one_tj: bool = False) -> Path:
    """A page under a title set across it: `columns` columns of justified text `gutter` points apart, drawn a baseline
    at a time across the page, as the IRS's instructions are (each column's line in turn; `one_tj`: the baseline's
    lines of all the columns as one TJ string, the columns apart by its adjustments)."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    left, right = 42.0, WIDTH - 42.0
    width = (right - left - (columns - 1) * gutter) / columns
    wrapped = [simpleSplit(column_text(k), "Helvetica", size, width) for k in range(columns)]
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(left, HEIGHT - 80, "Plans of the public bodies for the year ahead")
    for j in range(max(len(w) for w in wrapped)):
        y = HEIGHT - 120 - 1.2 * size * j
        first = min(k for k, lines in enumerate(wrapped) if j < len(lines))  # (the first column with a line here)
        text = c.beginText(left + first * (width + gutter), y)
        text.setFont("Helvetica", size)
        parts: list[str] = []
        parts_end = left + first * (width + gutter)  # where the TJ's last string ends
        for k, lines in enumerate(wrapped):
            if j >= len(lines):
                continue
            line = lines[j]
            last = j == len(lines) - 1
            # justified: the word spaces stretched to the column's width (the last line set ragged)
            spaces = line.count(" ")
            stretch = 0.0 if last or not spaces else (width - stringWidth(line, "Helvetica", size)) / spaces
            x = left + k * (width + gutter)
            if one_tj:
                # each word its own string, the stretched spaces and the jump to the next column as adjustments
                words = line.split(" ")
                at = sum(stringWidth(w, "Helvetica", size) for w in words) + (len(words) - 1) * (stringWidth(" ", "Helvetica", size) + stretch)
                if x > parts_end:
                    parts.append(f"{-1000 * (x - parts_end) / size:.1f}")
                for n, word in enumerate(words):
                    if n:
                        parts.append(f"{-1000 * stretch / size:.1f}")
                    parts.append("(" + (" " if n else "") + word.replace("(", "\\(").replace(")", "\\)") + ")")
                parts_end = x + at
            else:
                text.setTextOrigin(x, y)
                text.setWordSpace(stretch)
                text.textOut(line)
        if one_tj and parts:
            text._code.append("[" + " ".join(parts) + "] TJ")  # (reportlab's text object writes no TJ arrays)
        c.drawText(text)
    c.showPage()
    return saved(c, buf, path)
def set_lines(c: rl_canvas.Canvas, rows: list[tuple], top: float = 780, *, end_page: bool = True) -> None:
    """A page of `c`: `rows` set top-down, each (text, size, bold, gap before in pt) or (text, size, bold, gap, x, font):
    a manual's page in the type each line is set in (a caption a point under the body, a chart's labels, an icon).
    With `end_page` false the page stays open for more."""
    y = top
    for row in rows:
        text, size, bold, gap = row[:4]
        x = row[4] if len(row) > 4 else 72
        font = row[5] if len(row) > 5 else ("Helvetica-Bold" if bold else "Helvetica")
        y -= gap
        c.setFont(font, size)
        c.drawString(x, y, text)
    if end_page:
        c.showPage()


# --- broken PDFs -------------------------------------------------------------------------------


def simple_pdf(text: str = "A short report about AI in industry.", pages: int = 1) -> bytes:
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    for n in range(pages):
        c.setFont("Helvetica", 11)
        c.drawString(MARGIN, HEIGHT - 100, f"{text} Page {n + 1}.")
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf(password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(simple_pdf())))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf() -> bytes:
    data = simple_pdf(pages=3)
    return data[: len(data) // 3]


def image_only_pdf() -> bytes:
    """A 'scan': one page with a drawn image and no text layer."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    # an inline image made of grey stripes, like a scanned page
    c.drawInlineImage(_grey_image(), MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN)
    c.showPage()
    c.save()
    return buf.getvalue()


def _grey_image():
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover
        raise RuntimeError("Pillow is needed for the image-only test PDF")
    img = Image.new("L", (60, 80), 255)
    for y in range(0, 80, 4):
        for x in range(5, 55):
            img.putpixel((x, y), 40)
    return img


def zero_page_pdf() -> bytes:
    from pypdf import PdfWriter

    out = BytesIO()
    PdfWriter().write(out)
    return out.getvalue()


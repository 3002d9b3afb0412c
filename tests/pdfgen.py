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


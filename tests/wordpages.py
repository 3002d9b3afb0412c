"""Made pages whose word spaces are set by moves and word spacing, not space characters alone, as word processors'
PDF exports set justified lines (the DMCA summary, Acrobat PDFWriter): for the reader's tests of spaces between strings
(`askwef.ingest.pdf.abutting`). Like `pdfpages`, each writes one small PDF."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as rl_canvas

from pdfpages import saved

WIDTH, HEIGHT = A4
LEFT = 108.0  # the text's left edge, points


def _headed_text(heading: str, font: str, size: float):
    """(buffer, canvas, text object): an A4 page with `heading` drawn, and a text object under it in `font` at `size`."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    c.setFont("Times-Bold", 14)
    c.drawString(LEFT, HEIGHT - 90, heading)
    text = c.beginText(LEFT, HEIGHT - 130)
    text.setFont(font, size)
    return buf, c, text


def word_processor_page(path: Path, heading: str, paragraphs: list[str], *, size: float = 12.0, width: float = 396.0,
                        font: str = "Times-Roman") -> Path:
    """A page of justified paragraphs under `heading` as Acrobat PDFWriter sets a word processor's lines (the DMCA
    summary): each line but a paragraph's last in three strings, its first letter (every other line: its first word,
    then its word space as a string of its own), then the rest stretched to the measure by word spacing (Tw), then its
    last letter placed by a move (TD) exactly where the stretched text ends.
    Every string's letters meet the next one's; only the widths with Tw counted show it."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    leading = 1.12 * size
    buf, c, text = _headed_text(heading, font, size)
    code = text._code  # (reportlab's text object writes no TD between strings of a line: the moves are written here)
    for paragraph in paragraphs:
        lines = simpleSplit(paragraph, font, size, width)
        for k, line in enumerate(lines):
            last = k == len(lines) - 1
            if last or len(line) < 3 or " " not in line[1:-1]:
                code.append(text._formatText(line))
            else:
                # every other line opens with its first word, then its stretched word space as a string of its own
                first = line[0] if k % 2 or line.count(" ") < 2 else line.split(" ")[0]
                middle, end = line[len(first):-1], line[-1]
                stretch = (width - stringWidth(line, font, size)) / middle.count(" ")
                code.append(text._formatText(first))
                at = stringWidth(first, font, size)
                code.append(f"{at:.3f} 0 TD {stretch:.4f} Tw")
                if len(first) > 1:
                    code.append(text._formatText(" "))
                    code.append(f"{stringWidth(' ', font, size) + stretch:.3f} 0 TD")
                    at += stringWidth(" ", font, size) + stretch
                    middle = middle[1:]
                code.append(text._formatText(middle))
                moved = stringWidth(middle, font, size) + stretch * middle.count(" ")
                code.append(f"{moved:.3f} 0 TD 0 Tw")
                code.append(text._formatText(end))
                code.append(f"{-(at + moved):.3f} 0 TD")
            code.append(f"0 {-leading:.2f} TD")
        code.append(f"0 {-leading:.2f} TD")  # a blank line between paragraphs
    c.drawText(text)
    c.showPage()
    return saved(c, buf, path)


def words_apart_page(path: Path, heading: str, paragraphs: list[str], *, size: float = 12.0, width: float = 396.0,
                     font: str = "Times-Roman", space: float = 0.2) -> Path:
    """A page of paragraphs under `heading` whose words are strings of their own with no space characters, each moved
    `space` ems past the word before it (a producer that sets word spaces as moves): every gap is a word space."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    leading = 1.12 * size
    buf, c, text = _headed_text(heading, font, size)
    code = text._code  # (the moves between a line's strings are written here)
    for paragraph in paragraphs:
        for line in simpleSplit(paragraph, font, size, width):
            moved = 0.0
            for word in line.split():
                code.append(text._formatText(word))
                step = stringWidth(word, font, size) + space * size
                code.append(f"{step:.3f} 0 TD")
                moved += step
            code.append(f"{-moved:.3f} {-leading:.2f} TD")
        code.append(f"0 {-leading:.2f} TD")
    c.drawText(text)
    c.showPage()
    return saved(c, buf, path)

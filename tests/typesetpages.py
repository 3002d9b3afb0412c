"""Made pages of typesetting a designer does by hand, for the PDF reader's tests: drop caps, bold labelled leads
over their text, ragged-right paragraphs with a line broken short, a pull quote in capitals, a listing in a
typewriter face. Each draws one page on a reportlab canvas (`pdfpages.saved` writes it out).
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

LEFT = 72


def wrapped(text: str, measure: float, size: float, font: str = "Helvetica") -> list[str]:
    """`text` broken into lines no wider than `measure` at `size`, each as full as the next word lets it be."""
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= measure:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def drop_cap_page(c: rl_canvas.Canvas, heading: str, articles: list[str], *, size: float = 10, leading: float = 12,
                  measure: float = 300, depth: int = 3) -> None:
    """A page of `c`: `heading` in 18 pt bold, then `articles`, each opening with a drop cap `depth` lines deep (its
    first letter set so large its top is level with the first line's capitals, its baseline on the `depth`th line's),
    the lines beside it set right of the letter, the rest at the left edge, as a newsletter sets them."""
    y = 780.0
    c.setFont("Helvetica-Bold", 18)
    c.drawString(LEFT, y, heading)
    y -= 40
    cap = 0.718  # Helvetica's capital height, in type sizes
    letter_size = ((depth - 1) * leading + cap * size) / cap
    for article in articles:
        letter, rest = article[0], article[1:]
        indent = stringWidth(letter, "Helvetica", letter_size) + 2
        c.setFont("Helvetica", letter_size)
        c.drawString(LEFT, y - (depth - 1) * leading, letter)
        lines = wrapped(rest, measure - indent, size)
        beside, lines = lines[:depth], wrapped(" ".join(lines[depth:]), measure, size)
        c.setFont("Helvetica", size)
        for text in beside:
            c.drawString(LEFT + indent, y, text)
            y -= leading
        for text in lines:
            c.drawString(LEFT, y, text)
            y -= leading
        y -= 2 * leading
    c.showPage()


def leads_page(c: rl_canvas.Canvas, heading: str, blocks: list[tuple[str, str]], *, size: float = 12, leading: float = 16,
               measure: float = 440) -> None:
    """A page of `c`: `heading` in 20 pt bold, then `blocks`, each (weight, text): "bold" or "regular", the text wrapped
    at `measure` in `size` with a paragraph's space (one more line) before each block, as a handbook sets its
    principles in bold over the text that explains them."""
    y = 780.0
    c.setFont("Helvetica-Bold", 20)
    c.drawString(LEFT, y, heading)
    y -= 36
    for weight, text in blocks:
        font = "Helvetica-Bold" if weight == "bold" else "Helvetica"
        c.setFont(font, size)
        for line in wrapped(text, measure, size, font):
            c.drawString(LEFT, y, line)
            y -= leading
        y -= leading
    c.showPage()


def ragged_page(c: rl_canvas.Canvas, heading: str, paragraph: list[str], quote: list[str], listing: list[str], footer: str, *,
                size: float = 14, leading: float = 16.8) -> None:
    """A page of `c`: `heading` in 26 pt bold, then `paragraph`'s lines as given (ragged right: a line may be broken
    short by hand), `quote`'s lines in 16 pt bold capitals, `listing`'s lines in Courier, and `footer` in 7 pt at the
    page's foot, set far right (it is the furthest right text of the page), as an annual report's page sets them."""
    y = 780.0
    c.setFont("Helvetica-Bold", 26)
    c.drawString(LEFT, y, heading)
    y -= 50
    for rows, font, at, step in ((paragraph, "Helvetica", size, leading), (quote, "Helvetica-Bold", 16, 19.2),
                                 (listing, "Courier", size, leading)):
        c.setFont(font, at)
        for line in rows:
            c.drawString(LEFT, y, line)
            y -= step
        y -= 2 * step
    c.setFont("Helvetica", 7)
    c.drawRightString(560, 40, footer)
    c.showPage()


def two_sided_book(c: rl_canvas.Canvas, chapters: list[tuple[str, list[tuple[str, list[list[str]]]]]], *,
                   sphinx: bool = False) -> None:
    """A two-sided manual on `c`: each of `chapters` (title, sections: (title, pages of body lines)) opens on a page
    of its own under 'Chapter N' (20 pt bold) and its title (24 pt bold); each section under 'N.k Title' (14 pt bold)
    at the top of its first page. Every page but a chapter's first carries a running head in the body's 10 pt type,
    as LaTeX's book class prints them: 'CHAPTER N. TITLE' at the left and 'N.k. SECTION TITLE' at the right on left
    pages (the Debian FAQ), the other way round on right ones (the SDCC manual), in capitals, each cut after three
    words with an ellipsis; with
    `sphinx`, a running foot in 10 pt bold as Sphinx prints it: 'folio Chapter N. Title' on left pages, 'N.k. Section
    title folio' on right ones (the Debian Developer's Reference). Every page but a running foot's prints its folio."""
    def cut(text: str) -> str:
        words = text.upper().split()
        return " ".join(words[:3]) + " …" if len(words) > 3 else " ".join(words)

    folio = 1
    for number, (title, sections) in enumerate(chapters, start=1):
        first = True
        for k, (section, pages) in enumerate(sections, start=1):
            for p, lines in enumerate(pages):
                left = folio % 2 == 0
                y = 760.0
                if first:
                    c.setFont("Helvetica-Bold", 20)
                    c.drawString(LEFT, 700, f"Chapter {number}")
                    c.setFont("Helvetica-Bold", 24)
                    c.drawString(LEFT, 660, title)
                    y = 620.0
                elif sphinx:
                    c.setFont("Helvetica-Bold", 10)
                    c.drawString(LEFT, 42, f"{folio} Chapter {number}. {title}" if left else f"{number}.{k}. {section} {folio}")
                else:  # the two heads one TJ, the second moved to by the array's adjustment, as pdfTeX sets them
                    heads = [f"CHAPTER {number}. {cut(title)}", f"{number}.{k}. {cut(section)}"]
                    first, second = heads if left else heads[::-1]
                    gap = (258 - c.stringWidth(first, "Helvetica", 10)) * 100  # thousandths of the 10 pt type
                    head = c.beginText(LEFT if left else LEFT + 28, 798)
                    head.setFont("Helvetica", 10)
                    head._code.append(f"[{_pdf_string(first)} {-gap:.0f} {_pdf_string(second)}] TJ")
                    c.drawText(head)
                if p == 0:
                    c.setFont("Helvetica-Bold", 14)
                    c.drawString(LEFT, y, f"{number}.{k} {section}")
                    y -= 28
                c.setFont("Helvetica", 10)
                for text in lines:
                    c.drawString(LEFT, y, text)
                    y -= 12
                if first or not sphinx:
                    c.drawCentredString(297, 35, str(folio))
                folio += 1
                first = False
                c.showPage()


def _pdf_string(text: str) -> str:
    """`text` as a PDF string in the standard fonts' WinAnsi encoding ('…' is byte 0x85)."""
    data = text.encode("cp1252")
    return "(" + "".join(chr(b) if 32 <= b < 127 and chr(b) not in "()\\" else f"\\{b:03o}" for b in data) + ")"

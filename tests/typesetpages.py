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

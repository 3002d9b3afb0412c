"""A page turned by its /Rotate: the page as it is shown, not as it is stored.

Word printed through Distiller stores a landscape page as an upright one turned a quarter (/Rotate 90) and sets
its text up the stored page (text matrix '0 9 -9 0 x y'). Read in the stored frame, each line's words go up the
page, so a line's runs stand one above the other, and every run starts at the same x: lines read across each
other, and short ones taken for a label printed over a longer one were dropped (voltalia-eie.pdf, ten A3 pages:
5,645 words kept of 9,242). In the frame the page is shown in, the text runs left to right as on any page.

>>> display_frame(0, (0, 0, 595, 842))
(None, (0, 0, 595, 842))
>>> display_frame(90, (0, 0, 842, 1191))
([0.0, -1.0, 1.0, 0.0, 0.0, 842.0], (0.0, 0.0, 1191.0, 842.0))
"""

from __future__ import annotations

Box = tuple[float, float, float, float]


def display_frame(rotate, box: Box) -> tuple[list[float] | None, Box]:
    """The matrix from the stored page to the page as shown (None: not turned) and the shown page's box (left,
    bottom, right, top), for a page's /Rotate (a multiple of 90, clockwise) and its stored box."""
    try:
        turn = int(rotate or 0) % 360
    except (TypeError, ValueError):
        turn = 0
    if turn not in (90, 180, 270):
        return None, box
    x0, y0, x1, y1 = (float(v) for v in box)
    width, height = x1 - x0, y1 - y0
    if turn == 90:  # the stored page's left edge is the top of the page shown
        return [0.0, -1.0, 1.0, 0.0, 0.0 - y0, x1], (0.0, 0.0, height, width)
    if turn == 180:
        return [-1.0, 0.0, 0.0, -1.0, x1, y1], (0.0, 0.0, width, height)
    return [0.0, 1.0, -1.0, 0.0, y1, 0.0 - x0], (0.0, 0.0, height, width)

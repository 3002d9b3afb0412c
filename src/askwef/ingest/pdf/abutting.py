"""Spaces pypdf puts between strings whose letters abut on the page, taken out.

pypdf joins the strings of a line into one run, and puts a space between two of them when the second
starts further on than it estimates the first ends, plus half a space. Its estimate leaves out the word
spacing (Tw) a justified line sets: a word processor that places the last letter of each justified line
by itself at the margin (Acrobat PDFWriter for WordPerfect, the DMCA summary: 'Under section 120' with
Tw 0.36, then '4' exactly where it ends) reads 'section 120 4', 'Assuranc e', 'imple -'. A run's strings
are measured with Tc, Tw and the TJ adjustments (`runs.page_runs`): where the letters of one end less
than ABUT_GAP from where the next one's begin, and neither string has a space of its own there, the
space pypdf put between them goes.

Each string is (start, end, baseline, letters, simple font, size, in a TJ, letters' start, letters' end),
as `runs.page_runs` records them (page space; the letters' extent leaves out a TJ's adjustments before
its first letter and after its last, which move the pen as a word space does).

>>> shown = [(108, 473.5, 700, "Under section 120", True, 12, False, 108, 473.5), (473.5, 479.5, 700, "4", True, 12, False, 473.5, 479.5)]
>>> closed_up("Under section 120 4", shown, 12)
'Under section 1204'
>>> closed_up("Under section 120 4", [shown[0], (476.5, 482.5, 700, "4", True, 12, False, 476.5, 482.5)], 12)
'Under section 120 4'
"""

from __future__ import annotations

from ..conventions import CONTROL_CHARACTERS, HYPHENS, LIGATURES, SOFT_HYPHEN

ABUT_GAP = 0.1
"""The gap (in type sizes) between two strings' letters below which they are one word: pdftotext breaks words at a
gap of 0.1 of the font size (its minWordBreakSpace), measuring letters by the font's widths as `runs.page_runs`
does. The DMCA summary's strings, measured with its Tc and Tw, meet within 0.01 pt; the narrowest word space a
justified line sets is about 0.2 em (Garamond's space is 0.25 em)."""


def letters_of(text: str) -> str:
    """A string's letters as they stand in a run's text (`runs._glyph_text`), spaces aside."""
    text = CONTROL_CHARACTERS.sub("", text).translate(LIGATURES).translate(HYPHENS)
    return text.replace(SOFT_HYPHEN, "").replace(" ", "")


def closed_up(text: str, shown: list[tuple], size: float) -> str:
    """`text` (a run pypdf joined from the strings `shown`, which spell it) without the spaces pypdf put
    between two strings whose letters abut (`ABUT_GAP`), on one baseline."""
    spans = _letter_spans(text, [letters_of(s[3]) for s in shown])
    if spans is None:
        return text
    cuts: set[int] = set()
    for (a, b), (_, end), (start, _) in zip(zip(shown, shown[1:]), spans, spans[1:]):
        between = text[end:start]
        if not between or between.strip() or a[3][-1:].isspace() or b[3][:1].isspace():
            continue  # no space there, or a space the strings show themselves
        if abs(b[2] - a[2]) < 0.5 and -ABUT_GAP * size < b[7] - a[8] < ABUT_GAP * size:
            cuts.update(range(end, start))
    return "".join(c for i, c in enumerate(text) if i not in cuts) if cuts else text


def outer_moves(string, size: float) -> tuple[float, float]:
    """How far a TJ's adjustments move the pen before its first letter and after its last (text space, at `size`):
    [-250 (word) -300] at 10 pt -> (2.5, 3.0); a Tj's string (0, 0)."""
    if not isinstance(string, list):
        return 0.0, 0.0
    numbers = [isinstance(p, (int, float)) for p in string]
    first = numbers.index(False) if False in numbers else len(string)
    last = len(string) - (numbers[::-1].index(False) if False in numbers else len(string))
    return -sum(float(p) for p in string[:first]) / 1000 * size, -sum(float(p) for p in string[last:]) / 1000 * size


def _letter_spans(text: str, letters: list[str]) -> list[tuple[int, int]] | None:
    """Where each string's letters stand in `text`: from its first letter to after its last; None when the strings'
    letters do not spell the text (spaces aside). A string of spaces alone (the DMCA sets some word spaces so: '( ) Tj')
    stands where the letters before it end."""
    if "".join(letters) != text.replace(" ", ""):
        return None
    spans: list[tuple[int, int]] = []
    at = 0
    for word in letters:
        if not word:
            spans.append((at, at))
            continue
        while text[at] == " ":
            at += 1
        start, count = at, 0
        while count < len(word):
            count += text[at] != " "
            at += 1
        spans.append((start, at))
    return spans

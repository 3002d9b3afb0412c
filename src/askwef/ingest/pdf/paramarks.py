"""Bookmarks on body paragraphs: an outline entry whose title its page prints as a paragraph of running text is no
heading.

Word's "create bookmarks from styles" (Acrobat's PDFMaker) bookmarks every paragraph set in a named style, the body's
own paragraphs among them: the FDA's budget justification has 12 bookmarks, 7 of them whole paragraphs ("Generic drugs
often cost 20 to 70 percent less than their brand-name counterparts. The promise of ...") and a table's footnote ("1
The FY 2008 Generic Drug total is $87,102,000. This includes ..."). Taken as headings, the paragraphs' lines were
marked "heading" and their sentences lost, the footnote opened a section holding 58 of the document's 73 sentences,
and six "Contents entry not found" warnings named whole paragraphs.

The page's own type says which they are: a bookmark whose title is printed, on its page, on lines of running text (not
bold, not larger than the body) and reads as prose (more than `headings.DISPLAY_WORDS` words, or a finished sentence of
more than PROSE_SENTENCE_WORDS) is left out of the outline; its lines stay body text. A title the page does not print
so (a chapter's heading in larger or bold type, a title not printed at all) keeps its bookmark.

>>> outline = without_paragraph_bookmarks(outline, lines, body)  # doctest: +SKIP
"""

from __future__ import annotations

from ..text import ends_sentence, title_key, word_count
from .headings import DISPLAY_WORDS, OutlineItem
from .layout import Line

PARAGRAPH_LINES = 40
"""Lines a bookmarked paragraph may run over on its page (the FDA's longest bookmarked paragraph runs over 9)."""

PROSE_SENTENCE_WORDS = 8
"""Words past which a title ending in a full stop is a sentence, not a heading (`headings._mark_display` reads large
type so: the FDA's table footnote, 17 words in two sentences on one line, is no heading)."""

BODY_SLACK = 0.25
"""Points a line of running text may be set larger than the body size (`layout.body_size`) and still be body type
(`headings._body_prose` takes the same)."""


def without_paragraph_bookmarks(outline: list[OutlineItem], lines: list[Line], body: float) -> list[OutlineItem]:
    """The outline without the bookmarks whose page prints their title as a paragraph of body text."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    return [item for item in outline if not _printed_as_paragraph(item, pages.get(item.page, []), body)]


def _printed_as_paragraph(item: OutlineItem, lines: list[Line], body: float) -> bool:
    key = title_key(item.title)
    if not key or not _reads_as_prose(item.title):
        return False
    for i in range(len(lines)):
        joined = ""
        for j in range(i, min(i + PARAGRAPH_LINES, len(lines))):
            joined = f"{joined} {lines[j].text}".strip()
            printed = title_key(joined)
            if not key.startswith(printed):
                break
            if printed == key:
                return all(_running_text(l, body) for l in lines[i : j + 1]) and _reads_as_prose(joined)
    return False


def _reads_as_prose(text: str) -> bool:
    """More words than a heading has, or a finished sentence (a full stop, not a list's colon) of more than a few."""
    words = word_count(text)
    return words > DISPLAY_WORDS or (words > PROSE_SENTENCE_WORDS and ends_sentence(text) and not text.rstrip().endswith(":"))


def _running_text(line: Line, body: float) -> bool:
    """A line in the body's type or smaller, regular weight, no heading's role."""
    return line.role == "" and not line.bold and line.size <= body + BODY_SLACK

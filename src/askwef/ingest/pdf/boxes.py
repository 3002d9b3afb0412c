"""A printed box's title, and whether a box broken over a page or column goes on at the top of the next.

A box (a case study, a sidebar, the OECD review's "Box 4.3.") opens with its title: its first lines when bold, a
heading, or a "Box 2.1" label. Broken over a page, it goes on at the top of the next with no title of its own, or
under a subheading smaller than its title.
"""

from __future__ import annotations

from ..conventions import BOX_LABEL, UNIT
from ..text import word_count
from .layout import Line


def box_title(lines: list[Line], i: int) -> tuple[str, int]:
    """A box's title (its first lines when bold, a heading, or a 'Box 2.1' label) and the index after it;
    ('', i) when the box opens with its text."""
    first = lines[i]
    if not (first.bold or first.role == "heading" or BOX_LABEL.match(first.text)) or UNIT.match(first.text):
        return "", i
    text, j = first.text, i + 1
    while j < len(lines) and lines[j].box == first.box and lines[j].page == first.page and (lines[j].bold or lines[j].role == "heading") \
            and abs(lines[j].size - first.size) < 0.3 and 0 < lines[j - 1].y - lines[j].y < 2 * first.size and word_count(text) < 25:
        text = f"{text} {lines[j].text}"
        j += 1
    # a label ("Box 4.10.") says its bold line is a title, however long ("The GFMIS in Egypt and Jordan aim to
    # support the integration of public financial management processes": 16 words); unlabelled bold lines
    # running longer are the box's opening sentences
    if (not BOX_LABEL.match(text) and word_count(text) > BOX_TITLE_WORDS) or text.rstrip().endswith("."):
        return "", i
    return text, j


def box_goes_on(lines: list[Line], i: int, title_size: float) -> bool:
    """Whether the box line `i`, at the top of a page or column after a box broke off, goes on with that box: it
    opens with no title, or with bold lines smaller than the box's title and no label of their own (the OECD
    review's chapter 5 is one box titled at 18 points, whose 11-point subheadings open two of its pages)."""
    title = box_title(lines, i)[0]
    return not title or (not BOX_LABEL.match(title) and lines[i].size < title_size - 0.3)


BOX_TITLE_WORDS = 20
"""Words an unlabelled box's title may have, as many as a heading's (`headings.DISPLAY_WORDS`); more, and its bold
first lines are its opening sentences. The UK strategy's longest case-study title has 16 ("Increasing diversity and
closing the skills gap through postgraduate conversion courses in data science and artificial intelligence"). A
labelled title may run longer: the OECD review's run to 16 words after "Box 4.10." (its 13-word "Box 4.3.
Strengthening the role of the centre of government in strategic planning in Morocco" had been read as running text
when the label's digits counted as words, Box 4.10 when any title over 15 words did)."""

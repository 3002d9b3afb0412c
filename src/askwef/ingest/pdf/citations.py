"""Author-date citations set on a line of their own go with the sentence they follow.

The OECD review closes a quotation, a list or a paragraph with its source right-aligned on its own
line: "(Palestinian Authority, 2016[19])". Read as a paragraph, it became a "sentence" of its own
that an answer could quote. Joined to the paragraph before it, the sentence splitter keeps it with
that paragraph's last sentence ('... private sector.” (Palestinian Authority, 2016[19])').

>>> [p.text for p in attach_citations([Para("prose", "It grew."), Para("prose", "(OECD, 2016[13])")])]
['It grew. (OECD, 2016[13])']
"""

from __future__ import annotations

import re

from ..parsed import Para

CITATION_LINE = re.compile(r"\((?=[^()]*\b(?:1[89]|20)\d\d[a-z]?\b)[A-Z][^()]{0,120}\)\.?")
"""A whole paragraph that is one parenthesis opening with a name and holding a year: '(OECD, 2016[13])',
'(Ministry of Justice of the Palestinian Authority, 2018[20])', '(World Bank, 2022[11]).' (the OECD
review's 12 source lines set after quotations and lists)."""

JOINS = ("prose", "item")
"""What a citation line may close: running text or a list item, not a heading, a table row or a box's title."""


def attach_citations(paras: list[Para]) -> list[Para]:
    """Each paragraph that is only an author-date citation, appended to the paragraph before it
    (with the page it is printed on, when that is another)."""
    out: list[Para] = []
    for para in paras:
        prev = out[-1] if out else None
        if prev is None or para.kind != "prose" or prev.kind not in JOINS or not CITATION_LINE.fullmatch(para.text.strip()):
            out.append(para)
            continue
        at = len(prev.text) + 1
        pages = prev.pages
        if para.pages and (not pages or pages[-1][1:] != para.pages[0][1:]):
            pages += ((at, *para.pages[0][1:]),)
        markers = prev.markers + tuple((at + offset, number) for offset, number in para.markers)
        out[-1] = Para(prev.kind, f"{prev.text} {para.text.strip()}", markers, prev.level, prev.items, pages)
    return out

"""A PDF report's title: the largest text of its cover, with the subtitle set right under it.

Every quote names its report by this title, so it must be the report's own: "Palestinian Authority: Strengthening
Public Administration for Better Outcomes", not "Palestinian Authority" (its subtitle dropped) nor the series name
the metadata gives ("OECD Public Governance Reviews: Palestinian Authority (EN)"). A cover's title that the running
head repeats on every page ("Shared MIME-info Database") is still the title, though `mark_furniture` files it with
the heads. A subtitle set in capitals is written as the report writes its words elsewhere.

>>> _cased(["STRENGTHENING", "PUBLIC", "ADMINISTRATION", "FOR", "BETTER", "OUTCOMES", "IN", "AI"], {"for": "for", "in": "in", "ai": "AI"})
'Strengthening Public Administration for Better Outcomes in AI'
"""

from __future__ import annotations

import re
from collections import Counter

from ..text import word_count
from .layout import Line

TITLE_SIZE = 1.15
"""A cover's title is set at least this many times the body size (a cover may hold a small line or two first)."""
TITLE_PAGES = 3
"""The title is looked for on the first this many pages with text (a cover may be a picture, the title after it)."""
SUBTITLE_SIZE = 1.3
"""A subtitle is set at least this many times the body size, smaller than the title, right under it..."""
SUBTITLE_GAP = 2.5
"""...at most this many title sizes below the title's last line (a date or a series name further down is not one)."""
NOT_SUBTITLE = re.compile(r"https?:|www\.|@|\.(?:org|com|int)\b", re.I)
"""A line under the title giving an address is its publisher's or author's (\"X Desktop Group (http://...)\"), not a
subtitle."""
SMALL_WORD = 3
"""A capitalised subtitle's word of at most this many letters that the report writes in lower case ("FOR", "AND",
"OF") stays lower case in the title; longer words are capitalised, and words the report writes in capitals ("AI",
"OECD") stay so."""


APPLICATION_TITLE = re.compile(
    r"^\W*(?:microsoft\s+(?:word|powerpoint|excel)\b|adobe\s+(?:photoshop|illustrator|indesign|acrobat|framemaker)\b|quarkxpress\b|untitled\b|powerpoint\s+presentation\W*$"
    r"|slide\s*\d+\W*$|document\s*\d*\W*$)|\.(?:docx?|pptx?|xlsx?|indd|qxp|rtf|odt|tex|pdf|fm|book)\W*$", re.I)
"""A metadata title the producing application wrote, not the report's: "Adobe Photoshop PDF" (a PDF of pikepdf's test
suite, found by evals/pdf_sweep.sh), Word's "Microsoft Word - final_v3.docx", "Untitled", "PowerPoint Presentation", a
file name (FrameMaker's chapter or book file: the USGS water record's "02148000.2004.sw.fm"). Every quote would name the report by it; the file's name is a better one (`assemble.file_title`)."""


def cover_title(pages: list[list[Line]], body: float, metadata_title: str = "") -> str:
    """The report's title (see the module), else `metadata_title` unless an application wrote it (APPLICATION_TITLE),
    else ""."""
    seen = 0
    for lines in pages:
        if not any(l.role != "furniture" for l in lines):
            continue
        seen += 1
        if seen > TITLE_PAGES:
            break
        lines = [l for l in lines if l.role != "furniture" or l.size >= TITLE_SIZE * body]  # a big running head: the title
        top = max(l.size for l in lines)
        if top < TITLE_SIZE * body:
            continue
        ordered = sorted(lines, key=lambda l: -l.y)
        title = [l for l in ordered if abs(l.size - top) < 0.5]
        if not title or word_count(" ".join(l.text for l in title)) < 2:
            break
        text = " ".join(l.text for l in _above(ordered, title[0], body, pages) + title)
        subtitle = _subtitle(ordered, title[-1], body)
        if subtitle.isupper():
            subtitle = _cased(subtitle.split(), _casings(pages))
        return f"{text.rstrip(':')}: {subtitle}" if subtitle else text
    return "" if APPLICATION_TITLE.search(metadata_title) else metadata_title


def _above(ordered: list[Line], first: Line, body: float, pages: list[list[Line]]) -> list[Line]:
    """The line set right over the title's `first` line in smaller type (SUBTITLE_SIZE x body or more, at most
    SUBTITLE_GAP title sizes above it), when its words and the title's are one title: the report prints them together
    on another page (the WHO HCV guideline's cover sets "UPDATED RECOMMENDATIONS ON" in 16 pt over "TREATMENT OF
    ADOLESCENTS AND ..." in 25 pt, and its imprint and citation print "Updated recommendations on treatment of
    adolescents ..."; the title lost its first words). A series name over a title is printed with it only on a cover
    (the OECD review's back cover), or with a colon ("OECD Public Governance Reviews: Palestinian Authority")."""
    over = [l for l in ordered if l.y > first.y]
    if not over or not SUBTITLE_SIZE * body <= over[-1].size < first.size - 0.5 or over[-1].y - first.y > SUBTITLE_GAP * first.size:
        return []
    line = over[-1]
    joined = _tokens(f"{line.text} {first.text}")
    # in running type (an imprint's citation), not a back cover or title page repeating the cover's lines
    running = (" ".join(l.text for l in lines if l.size < TITLE_SIZE * body) for lines in pages if lines and lines[0].page != first.page)
    if word_count(line.text) < 2 or not any(joined in _tokens(text) for text in running):
        return []
    return [line]


def _tokens(text: str) -> str:
    """The words and punctuation of `text`, in lower case, one space apart: a series name printed before the title
    with a colon ("OECD Public Governance Reviews: Palestinian Authority", the OECD review's citation and running head)
    is not its words run on into the title's."""
    return " " + " ".join(re.findall(r"\w+|[^\w\s]", text.casefold())) + " "


def _subtitle(ordered: list[Line], last: Line, body: float) -> str:
    """The lines right under the title's `last` line set in one size between SUBTITLE_SIZE x body and the title's."""
    below = [l for l in ordered if l.y < last.y]
    if not below:
        return ""
    first = below[0]
    if not (SUBTITLE_SIZE * body <= first.size < last.size - 0.5) or last.y - first.y > SUBTITLE_GAP * last.size:
        return ""
    out = [first]
    for line in below[1:]:
        if abs(line.size - first.size) >= 0.5 or out[-1].y - line.y > 2 * first.size:
            break
        out.append(line)
    text = " ".join(l.text for l in out)
    return text if word_count(text) >= 2 and not NOT_SUBTITLE.search(text) else ""


def _casings(pages: list[list[Line]]) -> dict[str, str]:
    """Each word's most common spelling in the report's running text (lines not set in capitals), by its lower case."""
    counts: Counter[str] = Counter()
    for lines in pages:
        for line in lines:
            if line.role == "" and not line.text.isupper():
                counts.update(w for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", line.text) if not w[:1].isupper() or w.isupper())
    best: dict[str, str] = {}
    for word, _ in counts.most_common():
        best.setdefault(word.lower(), word)
    return best


def _cased(words: list[str], casing: dict[str, str]) -> str:
    out = []
    for i, word in enumerate(words):
        usual = casing.get(word.lower(), "")
        if usual.isupper() and len(usual) > 1:
            out.append(usual)  # an acronym: "AI", "OECD"
        elif i and len(word) <= SMALL_WORD and usual == word.lower():
            out.append(usual)  # "for", "and", "of"
        else:
            out.append(word[:1] + word[1:].lower())
    return " ".join(out)

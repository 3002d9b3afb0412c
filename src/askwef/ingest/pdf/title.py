"""A PDF report's title: the largest text of its cover, with a kicker set right over it and the subtitle right under it.

Every quote names its report by this title, so it must be the report's own: "Palestinian Authority: Strengthening
Public Administration for Better Outcomes", not "Palestinian Authority" (its subtitle dropped) nor the series name
the metadata gives ("OECD Public Governance Reviews: Palestinian Authority (EN)"). A cover's title that the running
head repeats on every page ("Shared MIME-info Database") is still the title, though `mark_furniture` files it with
the heads. A subtitle set in capitals is written as the report writes its words elsewhere. A kicker over the title
joins it when set as one block with it ("THE HANDBOOK TO" over "The NHS Constitution"), or when the report prints the
two run together elsewhere (the WHO guideline's imprint citing "Updated recommendations on treatment of ..."); a
series name does not, set apart above it ("OECD Public Governance Reviews") or printed before the title with a colon.

A cover whose title is artwork has no text title: a numbered chapter heading further on ("1. Principles that guide
the NHS") is no title, nor is a later page's heading over running text when the metadata names the report; a drop
cap, the largest glyph on a journal's first page, is no title either. The title's lines are one block: headings of
its size further down, over their paragraphs, are not part of it.

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
KICKER_GAP = 1.3
"""A kicker set as one block with the title stands at most this many title sizes above its first line (baseline to
baseline), in a size between SUBTITLE_SIZE x body and the title's, aligned with it: the NHS Handbook's "THE HANDBOOK
TO" (18.5 pt) stands 1.09 sizes over "The NHS Constitution" (25.6 pt), the WHO guideline's "UPDATED RECOMMENDATIONS
ON" 1.2 (its title's own line spacing); the OECD review's series name "OECD Public Governance Reviews" stands 1.54
sizes over "Palestinian Authority" and is no part of its title. A line further up (to SUBTITLE_GAP title sizes) joins
the title only on the report's evidence (`_above`)."""
CHAPTER_NUMBER = re.compile(r"^\s*\d{1,2}[a-z]?(?:\.\d{1,2})*[.)]\s+\S|^\s*\d{1,2}(?:\.\d{1,2})+\s+\S")
"""A heading opening with a section number ("1. Principles that guide the NHS", "3a. Patients ...", "2.1 ...") opens a
chapter: the NHS Constitution's cover title is artwork, and its chapter 1 heading (17 pt, 1.4x body, on p3) was taken
as the report's title. Not a bare number ("2030 Agenda ...")."""
RUNNING_TEXT = 20
"""A page after the PDF's first (a cover of small lines, or a picture with none) holding at least this many lines of
body type is running text under a chapter's heading, not a title page: the NHS Constitution's chapter 1 page holds 67;
the two-column Blueprint print's title page 2."""
AFFILIATION = re.compile(
    r"^(?:the\s+)?(?:department|division|school|faculty|institute|university|college|laborator(?:y|ies)|centre|center)\s+(?:of|for)\b"
    r"|\b(?:university|laborator(?:y|ies)|division|department|institute|polytechnic|college)\W*$", re.I)
"""A line naming an institution, under the title in the title's size or a subtitle's: the authors' affiliation, no
part of the title (the MPICH guides' LaTeX title block runs on into "Mathematics and Computer Science Division",
"Argonne National Laboratory"; the XFig how-to's author is followed by "Department of Electrical and Computer
Engineering", "Ryerson Polytechnic University")."""
VERSION_LINE = re.compile(r"^(?:version|release|edition|revision|draft)\s+v?\d+(?:\.\d+)*\b", re.I)
"""A line of the title block giving a version ("Version 4.0.2" under "MPICH User’s Guide" in one size) opens its
subtitle, as a smaller one does ("Release 12.18" under "Debian Developer’s Reference")."""
TITLE_LINE_GAP = 3.0
"""A line of the title's size this many title sizes or more under the title's last line is no line of it: geobase's
"Edition 1.0" (3.8 sizes under "Data Model") and "2004-08"; a title's own lines stand 1.1 to 1.3 sizes apart, a LaTeX
title page's "A Tutorial" "for" "PARI / GP" 2.1."""
BYLINE_GAP = 3.0
"""An author's name stands at most this many of its sizes over their affiliation or address: the XFig how-to's "Peter
Hiscocks" 2.5 over "Department of Electrical and Computer Engineering" (LaTeX's \\maketitle)."""
NOTE_MARK = re.compile(r"\s*[*†‡§¶]+$")
"""A footnote's mark set after a title's line ("MPICH User’s Guide*", its \\thanks): no part of the title."""
SMALL_WORD = 3
"""A capitalised subtitle's word of at most this many letters that the report writes in lower case ("FOR", "AND",
"OF") stays lower case in the title; longer words are capitalised, and words the report writes in capitals ("AI",
"OECD") stay so."""


APPLICATION_TITLE = re.compile(
    r"^\W*(?:microsoft\s+(?:word|powerpoint|excel)\b|adobe\s+(?:photoshop|illustrator|indesign|acrobat|framemaker)\b|quarkxpress\b|untitled\b|powerpoint\s+presentation\W*$"
    r"|slide\s*\d+\W*$|document\s*\d*\W*$|none\W*$)|\.(?:docx?|pptx?|xlsx?|indd|qxp|rtf|odt|tex|pdf|fm|book)\W*$"
    r"|^[\w.:/-]*\d[\w.:/-]*$", re.I)
"""A metadata title the producing application wrote, not the report's: "Adobe Photoshop PDF" (a PDF of pikepdf's test
suite, found by evals/pdf_sweep.sh), Word's "Microsoft Word - final_v3.docx", "Untitled", "None" (a PyMuPDF note's),
"PowerPoint Presentation", a file name (a USGS report's FrameMaker chapter file "02148000.2004.sw.fm", or a FrameMaker
book's ".book"), a job's code with no space ("sag-39-3-4-0902-21:sag-0", a QuarkXPress journal's). Every quote would
name the report by it; the file's name is a better one (`assemble.file_title`)."""


def cover_title(pages: list[list[Line]], body: float, metadata_title: str = "") -> str:
    """The report's title (see the module), else `metadata_title` unless an application wrote it (APPLICATION_TITLE),
    else ""."""
    usable = "" if APPLICATION_TITLE.search(metadata_title) else metadata_title
    seen = 0
    for index, lines in enumerate(pages):
        if not any(l.role != "furniture" for l in lines):
            continue
        seen += 1
        if seen > TITLE_PAGES:
            break
        # a big running head is the title; a drop cap is no line of it
        lines = [l for l in lines if (l.role != "furniture" or l.size >= TITLE_SIZE * body) and not _drop_cap(l, lines, body)]
        top = max((l.size for l in lines), default=0.0)
        if top < TITLE_SIZE * body:
            continue
        ordered = sorted(lines, key=lambda l: -l.y)
        title = _block([l for l in ordered if abs(l.size - top) < 0.5], ordered)
        if CHAPTER_NUMBER.match(title[0].text):
            continue  # a chapter opens here: no title page
        if index and usable and sum(1 for l in lines if l.role == "" and abs(l.size - body) < 0.5) >= RUNNING_TEXT:
            continue  # a chapter's heading over its text: the metadata names the report better
        title, version = _without_byline(title)
        if word_count(" ".join(l.text for l in title)) < 2:
            break
        text = " ".join(NOTE_MARK.sub("", l.text) for l in title)
        kicker = _kicker(ordered, title[0], body, pages)
        if kicker.isupper() and not text.isupper():
            kicker = _cased(kicker.split(), _casings(pages))
        subtitle = version or _subtitle(ordered, title[-1], body)
        if subtitle.isupper():
            subtitle = _cased(subtitle.split(), _casings(pages))
        text = f"{kicker} {text}" if kicker else text
        return f"{text.rstrip(':')}: {subtitle}" if subtitle else text
    return usable


def _block(title: list[Line], ordered: list[Line]) -> list[Line]:
    """The first of the `title` lines (set in the title's size, from the top) and those set under it with no other
    text between (of `ordered`, the page's lines, under the title's width): headings of that size over their
    paragraphs further down are no part of it (a PyMuPDF note's first page of "Pixmap", "Display List API Change", ...
    was titled by all four)."""
    out = title[:1]
    for line in title[1:]:
        above = out[-1]
        left, right = min(line.x0, above.x0), max(line.x1, above.x1)
        if any(line.y + 0.5 < l.y < above.y - 0.5 and l.x0 < right and l.x1 > left for l in ordered if l not in title):
            break
        if above.y - line.y >= TITLE_LINE_GAP * line.size:
            break
        out.append(line)
    return out


def _without_byline(title: list[Line]) -> tuple[list[Line], str]:
    """The title block's lines up to an affiliation's (AFFILIATION), and the version line among them (VERSION_LINE)
    with the lines after it, as a subtitle: ([MPICH User’s Guide*], "Version 4.0.2") of the MPICH guide's four lines."""
    out = title[:1]
    for line in title[1:]:
        if AFFILIATION.search(line.text):
            break
        out.append(line)
    version = next((k for k, l in enumerate(out) if k and VERSION_LINE.match(l.text)), len(out))
    return out[:version], " ".join(NOTE_MARK.sub("", l.text) for l in out[version:])


def _drop_cap(line: Line, lines: list[Line], body: float) -> bool:
    """A line of one letter with a paragraph's first lines beside it, within its height: a drop cap (Scientific Reports'
    36 pt "S" beside 9.3 pt text), not a title. A masthead's large initial stands beside the rest of its name set large
    (the Nottingham newsletter's 150 pt "N" of "ewsLetter", 60 pt)."""
    return len(line.text.strip()) == 1 and line.text.strip().isalpha() and any(
        other.size < TITLE_SIZE * body and line.x0 < other.x0 <= line.x1 + line.size and line.y <= other.y <= line.y + line.size
        for other in lines)


def _kicker(ordered: list[Line], first: Line, body: float, pages: list[list[Line]]) -> str:
    """The words over the title's `first` line that are its first words: the lines set as one block with it (`_over`),
    unless the report prints them before the title with a colon, as a series name ("Harbour Group Reviews: Tidal power
    ...", an imprint's citation); else the line right over it that the report prints run on into it (`_above`)."""
    # in running type (an imprint's citation), not a back cover or title page repeating the cover's lines
    running = [_tokens(" ".join(l.text for l in lines if l.size < TITLE_SIZE * body)) for lines in pages
               if lines and lines[0].page != first.page]
    if over := _over(ordered, first, body):
        return "" if any(_tokens(f"{over}: {first.text}") in text for text in running) else over
    return _above(ordered, first, body, running)


def _over(ordered: list[Line], first: Line, body: float) -> str:
    """The lines right over the title's `first` line set in one size between SUBTITLE_SIZE x body and the title's,
    aligned with it, the nearest at most KICKER_GAP title sizes above it."""
    out: list[Line] = []
    for line in reversed([l for l in ordered if l.y > first.y]):  # the nearest first
        lower = out[-1] if out else first
        gap = line.y - lower.y
        reach = 2 * line.size if out else KICKER_GAP * first.size
        if (not (SUBTITLE_SIZE * body <= line.size < first.size - 0.5) or not 0.5 * line.size <= gap <= reach
                or (out and abs(line.size - out[-1].size) >= 0.5) or not _aligned(line, first) or NOT_SUBTITLE.search(line.text)):
            break
        out.append(line)
    text = " ".join(l.text for l in reversed(out))
    return text if word_count(text) >= 2 else ""


def _above(ordered: list[Line], first: Line, body: float, running: list[str]) -> str:
    """The line set right over the title's `first` line in smaller type (SUBTITLE_SIZE x body or more, at most
    SUBTITLE_GAP title sizes above it), when its words and the title's are one title: the report prints them together
    in its `running` type (each page's words, `_tokens`) on another page (the WHO HCV guideline's imprint and citation
    print "Updated recommendations on treatment of adolescents ...", its cover's two lines). A series name over a title
    is printed with it only on a cover (the OECD review's back cover), or with a colon ("OECD Public Governance Reviews:
    Palestinian Authority")."""
    over = [l for l in ordered if l.y > first.y]
    if not over or not SUBTITLE_SIZE * body <= over[-1].size < first.size - 0.5 or over[-1].y - first.y > SUBTITLE_GAP * first.size:
        return ""
    line = over[-1]
    joined = _tokens(f"{line.text} {first.text}")
    return line.text if word_count(line.text) >= 2 and any(joined in text for text in running) else ""


def _tokens(text: str) -> str:
    """The words and punctuation of `text`, in lower case, one space apart: a series name printed before the title
    with a colon ("OECD Public Governance Reviews: Palestinian Authority", the OECD review's citation and running head)
    is not its words run on into the title's."""
    return " " + " ".join(re.findall(r"\w+|[^\w\s]", text.casefold())) + " "


def _aligned(line: Line, other: Line) -> bool:
    """`line` starts where `other` does, or is centred over it (within the width of one letter of `other`)."""
    return abs(line.x0 - other.x0) <= other.size or abs((line.x0 + line.x1) - (other.x0 + other.x1)) / 2 <= other.size


def _subtitle(ordered: list[Line], last: Line, body: float) -> str:
    """The lines right under the title's `last` line set in one size between SUBTITLE_SIZE x body and the title's; none
    when a line of theirs, or the next in their size (within BYLINE_GAP of their size), names an institution or an
    address: they are a byline (the XFig how-to's "Peter Hiscocks" over "Department of Electrical ...")."""
    below = [l for l in ordered if l.y < last.y]
    if not below:
        return ""
    first = below[0]
    if not (SUBTITLE_SIZE * body <= first.size < last.size - 0.5) or last.y - first.y > SUBTITLE_GAP * last.size:
        return ""
    if AFFILIATION.search(first.text):
        return ""
    out = [first]
    for line in below[1:]:
        if abs(line.size - first.size) >= 0.5 or out[-1].y - line.y > BYLINE_GAP * first.size:
            break
        if AFFILIATION.search(line.text) or NOT_SUBTITLE.search(line.text):
            return ""  # an author's name over their affiliation or address: a byline
        if out[-1].y - line.y > 2 * first.size:
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

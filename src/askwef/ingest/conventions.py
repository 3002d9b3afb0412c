"""The conventions of reports that ingestion recognises: data, in one place, each with where it came from.

Readers and assembly import these; nothing else in the stage spells out a report convention. The
regular expressions of a file format's own grammar (markdown headings, PDF operators) stay with
their reader.
"""

from __future__ import annotations

import re

ENDNOTE_HEADINGS = frozenset({"endnotes", "notes", "note", "references", "reference", "bibliography", "footnotes"})
"""Title keys (`text.title_key`) of the heading that opens a report's note list. From the Blueprint
report ("Endnotes") and the usual names of the list in WEF, OECD ("Notes", "Note", "References",
"Reference" closing each chapter) and UK government reports."""

REFERENCE_HEADINGS = frozenset({"references", "reference", "bibliography"})
"""Of those, the headings of a reference list (author-date entries, not numbered notes): in a PDF its
entries are not body text and not endnotes (the OECD review closes each chapter with one)."""

UNIT = re.compile(r"^(CASE STUDY|USE CASE|CASE|BOX|SPOTLIGHT)\s+(\d+)\b[\s:.–—-]*(.*)$")
"""A named box that opens a unit inside a section: "CASE STUDY 1", "USE CASE 3" (the Blueprint
report's labels), "BOX 2", "SPOTLIGHT 1" (WEF white papers of the same template)."""

FIGURE = re.compile(r"^(FIGURE|Figure|EXHIBIT|Exhibit|CHART|Chart)\s+((?:[A-Z]\s?)*[A-Z]\.\d+|\d+(?:\.\d+)*)\b\s*[|:.–—-]?\s*(.*)$")
"""A figure's label line ("FIGURE 2 | AI-influenced revenues ..."): what follows up to its Source
line is figure text, never a section. From the Blueprint report; EXHIBIT and CHART for consultancies'
reports; numbered as TABLE is ("Figure 2.1.", an OECD annex's "Figure A B.3.")."""

TABLE = re.compile(r"^(TABLE|Table)\s+((?:[A-Z]\s?)*[A-Z]\.\d+|\d+(?:\.\d+)*)\b\s*[|:.–—-]?\s*(.*)$")
"""A table's label line ("TABLE 3 Selected scenarios and solutions in retail", from the Blueprint report;
"Table 2.4. PAR areas covered by ...", "Table A A.1. Online portals in Arab countries", from the OECD review:
a chapter's or an annex's number and the table's, not 'TABLE 2' titled '4. PAR areas ...')."""

SOURCE = re.compile(r"^(Sources?|Notes?)\s*:", re.IGNORECASE)
"""The line that closes a figure or table ("Source: ...", "Note: ..."), from the Blueprint report."""

MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
"""The months, for dates a report prints ('September 2021', 'JANUARY 2025')."""

DATED_END = re.compile(rf"\b(?:{MONTHS})\s+(?:19|20)\d\d$", re.IGNORECASE)
"""A statement closed by its date, as a title page prints one ('... by Command of Her Majesty September 2021'):
finished, though it has no full stop; the next paragraph ('Command Paper 525') is not its continuation."""

MIN_PROSE_WORDS = 12
"""A heading followed by at least this many words of prose introduces a subsection (chosen on the
Blueprint report: its chapter-3 industry headings are followed by paragraphs of 20+ words, its
figure labels by short items)."""

SENTENCE_ABBREVIATIONS = frozenset({
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "no", "st", "inc", "ltd", "co", "corp",
    "u.s", "u.k", "approx", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "al", "cf", "ed", "eds", "vol", "pp",
})
"""Words a full stop follows without ending the sentence ("e.g. This", "et al. (2024)"): the common
English abbreviations of reports and their reference lists."""


# --- markdown and PDF alike ----------------------------------------------------------------------

HEADING_NOTE = re.compile(r"\s+[(\[][^()\[\]]{1,60}[)\]]\s*$")
"""A note in brackets a numbered heading adds after its Contents title: the WHO HCV guideline prints "3.3 Roles (Web
Annex A)", "6.6 Existing 2018 ... for simplified service delivery (1)" (a reference) and "10.3 Summary of the evidence
(Web Annex C)" where its Contents lists "3.3 Roles" (nine of its entries were never found, and their text, a quarter of
the report with chapters 9 and 10, went to the section before). Sixty characters: the longest there, "Web Annex A", has 11."""

CONTENTS_ROW = re.compile(r"^\s*(?P<title>\S.*?)[\s.·…_]*[\t ](?P<page>\d{1,4})\s*$")
"""A Contents entry: a title, then dotted leaders, spaces or a tab, then its page ("Foreword<tab>4",
"2.4 Enabling sustainable energy ..... 14"), as the Blueprint report and its PDF print them."""


# --- printed reports (PDF) -------------------------------------------------------------------------

CONTENTS_ROW_PRINTED = re.compile(r"^\s*(?P<title>\S.*?)(?:[\s.·…_]*[\t ]|[.·…_]{4,})(?P<page>\d{1,4}|[ivxlc]{1,6})\s*$")
"""A printed Contents row: as CONTENTS_ROW, and front matter numbered in roman figures ("Foreword ..... iii"); Word
runs its leader dots into the page number ("OVERVIEW..........6")."""

BULLETS = "•\x7f▪■●◦‣∙·"
"""Bullet glyphs as PDF text layers carry them (InDesign, Word, reportlab, Chromium; \\x7f is how
some embedded fonts map '•')."""

BULLET_LINE = re.compile(rf"^\s*(?:[{BULLETS}]\s*|o\s+(?=[A-Za-z(“\"']))")
"""A bullet opening a line; a lone "o" before a word is the second level of Word's lists (the OECD review's "notably
by: o Widening the scope ...; o Carrying out ...", and "the development of: o a roadmap which outlines ...": English
opens no line with the word "o")."""
BOX_LABEL = re.compile(r"^(?:Box|BOX|Case study|Spotlight)\s+[A-Z]?\s?[\dA-Z]+(?:\.\d+)*\b")
"""The label opening a printed box: "Box 2.1. ...", "Box A B.3. Estonia 2035 action plan" (OECD reviews)."""

DASH_ITEM = re.compile(r"^\s*[–—-]\s+(?=\S)")
"""A line opening with a dash and a space: a list item when it follows a finished sentence or sits
in a table cell (the Blueprint report's tables list their solutions so)."""

NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+(?=[A-Z“\"(])")
"""A line opening with a list number ('1. ', '2) ') and a capital: an item when it follows a finished sentence, a
colon, a bold line ('Functions of the political-level structure') or another item (the OECD review's 'Overarching goals for PAR ...:' '1. Improvement of ...' '2. ...': read as
one paragraph, they split into the sentences '1.' and 'Improvement of ... services 2.'). The number is cut, as
the markdown reader cuts a numbered list's. Not '2024. The' (a year), not '1.3 Multi-level' (a section)."""

NOTE_ENTRY_START = re.compile(r"^\s*(\d{1,3})[.)]\s+\S")
"""The first line of an entry of a numbered note list ("17. China Mobile. (2023). ...")."""

URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$")
"""A line ending inside a URL: the next line may go on with it, with no space between."""

URL_SCHEME_HEAD = re.compile(r"(?:^|(?<=[\s(<\[]))h(?:t(?:t(?:ps?:?/?)?)?)?$")
"""A line ending in the first letters of a URL's scheme ('h', 'htt', 'http', 'https:/'): a typesetter that breaks a long URL
wherever the line is full broke it inside 'https://' (the WEF template's notes 29, 49 and 60: 'cooling. h' +
'ttps://english.www.gov.cn/...', '2024. htt' + 'ps://m.askci.com/...', 'Herald. http' + 's://m.21jingji.com/...')."""

MARKER_TEXT = re.compile(r"^\s*\d{1,3}(?:\s*[,\-–]\s*\d{1,3})*\s*$")
"""What a superscript note marker says: "3", "45,46", "3-5"."""

PAGE_NUMBER_LINE = re.compile(r"^\s*(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
"""A line holding only a page number ("12", "xii", "Page 3 of 40"): page furniture at a page's top or bottom."""

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f]")
"""Control characters some PDF producers leave in text and titles (InDesign outlines carry tabs and \\x03)."""

LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
"""Ligature glyphs that fonts without a ToUnicode entry for them leave in the text ('ﬁ' -> 'fi')."""

HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
"""Hyphens other than the ASCII one a text layer may carry: Chromium prints the hyphen it adds at a
line end as U+2010, a word processor a non-breaking hyphen as U+2011; both read as '-'."""

SOFT_HYPHEN = "\u00ad"
"""A soft hyphen: at the end of a run it is the hyphen a line was broken at ('devel\u00ad' + 'opment'),
read as '-' and joined as any line-end hyphen; anywhere else it is not printed."""

BOLD_FONT_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
"""A font whose name says so is bold ("Arial-BoldMT", "Inter-SemiBold")."""

FOOTNOTE_SIZE = 0.95
"""A footnote is set smaller than the body: its lines are under this share of the body's size. Word's own styles set
notes in 10 pt under an 11 pt body (0.909: a LibreOffice manual's five notes, read as prose with their numbers while this
was 0.9); LaTeX and InDesign reports at 0.8 to 0.85. The four PDFs of evals/ read as at 0.9, and so do thirteen of fifteen
others from two hunts: the two that changed are the ones whose notes it now finds."""

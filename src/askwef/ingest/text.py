"""Text helpers shared by the readers: inline markup removal with endnote markers, sentences, titles.

>>> clean_inline("Up <b>26%</b> in 2024.<sup>19,20</sup> R&amp;D")
Cleaned(text='Up 26% in 2024. R&D', markers=((15, 19), (15, 20)))
>>> split_sentences("It grew 2.5x. Next, e.g. this one. Done")
[(0, 13), (14, 34), (35, 39)]
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .conventions import HEADING_NOTE, SENTENCE_ABBREVIATIONS

# <sup>45,46</sup>, <sup>1</sup>; also tolerates spaces and a dash range (<sup>3-5</sup>).
_SUP = r"<sup>\s*([0-9][0-9,\s\-–]*)\s*</sup>"
_TOKEN = re.compile(
    _SUP
    + r"|(</?(?:li|p|div|br|tr|td|th|ul|ol)\b[^>]*>)"  # block-ish tags: become a space
    + r"|(<[^>]+>)"  # any other tag: dropped
    + r"|(\\([\\`*_{}\[\]()#+\-.!$&|~<>]))"  # markdown escapes: \$ -> $
    + r"|(\*\*|__|\*(?=\S)|(?<=\S)\*)"  # emphasis markers
    + r"|(&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)",  # entities: &amp; -> &
    re.IGNORECASE,
)
_SPACE = re.compile(r"[ \t\r\n\u00a0\u2009\u202f]+")


@dataclass(frozen=True)
class Cleaned:
    """Text without markup, and the endnote markers found in it as (offset in text, number)."""

    text: str
    markers: tuple[tuple[int, int], ...] = ()


def parse_marker_numbers(raw: str) -> list[int]:
    """'45,46' -> [45, 46]; '3-5' -> [3, 4, 5]; nonsense -> []."""
    numbers: list[int] = []
    for part in re.split(r"[,\s]+", raw.strip()):
        if not part:
            continue
        if m := re.fullmatch(r"(\d+)[\-–](\d+)", part):
            lo, hi = int(m.group(1)), int(m.group(2))
            if lo <= hi <= lo + 20:
                numbers.extend(range(lo, hi + 1))
        elif part.isdigit():
            numbers.append(int(part))
    return numbers


def clean_inline(raw: str) -> Cleaned:
    """Remove HTML and markdown inline markup, unescape, collapse white space; keep marker offsets."""
    pieces: list[str] = []
    length = 0
    markers: list[tuple[int, int]] = []

    def emit(s: str) -> None:
        nonlocal length
        pieces.append(s)
        length += len(s)

    pos = 0
    for m in _TOKEN.finditer(raw):
        if m.start() > pos:
            emit(raw[pos : m.start()])
        pos = m.end()
        if m.group(1) is not None:
            markers.extend((length, n) for n in parse_marker_numbers(m.group(1)))
        elif m.group(2) is not None:
            emit(" ")
        elif m.group(4) is not None:
            emit(m.group(5))
        elif m.group(7) is not None:
            emit(html.unescape(m.group(7)))
        # groups 3 (other tags) and 6 (emphasis) vanish
    emit(raw[pos:])
    return collapse_space("".join(pieces), markers)


def collapse_space(text: str, markers: list[tuple[int, int]] | tuple[tuple[int, int], ...] = ()) -> Cleaned:
    """Collapse white-space runs to one space and strip, moving marker offsets along."""
    out: list[str] = []
    mapping = [0] * (len(text) + 1)  # old offset -> new offset
    n = 0
    last_space = True  # strips leading space
    for i, ch in enumerate(text):
        mapping[i] = n
        if _SPACE.fullmatch(ch):
            if not last_space:
                out.append(" ")
                n += 1
            last_space = True
        else:
            out.append(ch)
            n += 1
            last_space = False
    mapping[len(text)] = n
    result = "".join(out)
    if result.endswith(" "):
        result = result[:-1]
    # a marker sits right after the character before it: never beyond the text or before a space
    moved = []
    for offset, number in markers:
        new = min(mapping[offset], len(result))
        while new > 0 and result[new - 1] == " ":
            new -= 1
        moved.append((new, number))
    return Cleaned(result, tuple(moved))


# --- sentences -------------------------------------------------------------------------------

# End punctuation, optional closing quotes/brackets, space, then what can start a sentence.
_BOUNDARY = re.compile(r"[.!?。！？]+[\"'”’)\]]*(?=\s+[\"'“‘(\[$€£¥]?[A-Z0-9\u4e00-\u9fff])")


_CITATION_AFTER = re.compile(r"\s*\((?=[^()]*\d)[^()]{1,100}(?<![.!?])\)\.?(?=\s+[A-Z“\"‘']|\s*$)")
"""A parenthesis holding a number (a year, a note) and no sentence of its own, right after a
sentence's end, then the next sentence's capital: a citation set after the full stop, as the OECD
review sets some ('... in the PA. (World Bank, 2019[5]) A overly ...'), at times with a full stop
of its own ('... with the World Bank. (World Bank, 2022[11]).')."""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over `text`; a text without end punctuation is one sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.start() < start:
            continue  # inside a citation taken into the sentence before
        end = m.end()
        word = re.search(r"(\S+)$", text[start : m.start()] + text[m.start() : m.start() + 1])
        token = (word.group(1) if word else "").rstrip(".!?").lower().lstrip("(\"'“‘")
        if token in SENTENCE_ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue  # "e.g. This", initials like "S. Huang"
        if _PART_LABEL_ONLY.match(text, start, m.end()):
            continue  # "Figure 1.1. Public sector employment ...": the label opens its title's sentence
        if cited := _CITATION_AFTER.match(text, end):
            end = cited.end()  # 'in the PA. (World Bank, 2019[5]) A overly ...': the citation closes the sentence before
        if end > start and text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


_PART_LABEL_ONLY = re.compile(r"(?:Figure|Fig|Table|Box|Exhibit|Chart)\s+(?:[A-Z]\s)?(?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3})*\.\s*$", re.I)
"""A figure's, table's or box's label alone, ending in a full stop, as an OECD review prints it before its title
("Figure 1.1.", "Table A C.2."): no sentence of its own."""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- titles and prose tests --------------------------------------------------------------------

_NUMBERING = re.compile(
    r"^\s*(?:(?i:chapter|section|part)\s+(?:(?P<label_roman>[IVXL]{1,6})\b[.:]?|(?P<label_number>\d+(?:\.\d+)*)[.:)]?)"
    r"|(?i:appendix)\s+(?P<label_letter>[A-Z])\b[.:]?|(?P<letter>[A-Z](?:\.\d+)+)\.?"
    r"|(?P<number>\d+(?:\.\d+)*)[.)]?|(?P<roman>[IVXL]{1,6})[.)])(?:\s+[-–—](?=\s))?\s+(?=\S)")
"""A title's number as reports print it: "2.4 ...", "3.7.4.1. ...", "Chapter 3 ...", "1) ..." and "1.1) ..."
(LibreOffice's outline numbering), a chapter in roman figures ("III. ...", "Chapter IV ..."), read as its value
in digits (the REVTeX guide's "VII. FOOTNOTES" was two sentences of prose; a question names it "chapter 7"); an
appendix by its letter, as a chapter by its number ("Appendix A: Recent changes" and "A.1. Volumes", the DRBD guide;
"Appendix A ReportLab Demos" and "A.1 Odyssey", the ReportLab guide: "A" and "A.1"). Not an annex: the OECD
review's "Annex B. ..." keeps its label, as questions name it. A dash set between the number and the title is neither
("SECTION 1 - PATIENT INFORMATION", a Medicare form's, was titled "- PATIENT INFORMATION"; "2 – Methods")."""
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def split_numbering(title: str) -> tuple[str, str]:
    """'2.4 Enabling sustainable energy' -> ('2.4', 'Enabling sustainable energy'); no number -> ('', title).

    >>> split_numbering("III. Background"), split_numbering("Chapter IV Data"), split_numbering("1.1) Setup")
    (('3', 'Background'), ('4', 'Data'), ('1.1', 'Setup'))
    >>> split_numbering("Appendix A: Recent changes"), split_numbering("A.1. Volumes"), split_numbering("Appendix")
    (('A', 'Recent changes'), ('A.1', 'Volumes'), ('', 'Appendix'))
    >>> split_numbering("I think so"), split_numbering("IV drips")
    (('', 'I think so'), ('', 'IV drips'))
    >>> split_numbering("SECTION 1 - PATIENT INFORMATION"), split_numbering("2 – Methods"), split_numbering("3 -fold")
    (('1', 'PATIENT INFORMATION'), ('2', 'Methods'), ('3', '-fold'))
    """
    m = _NUMBERING.match(title)
    if not m:
        return "", title.strip()
    roman = m["roman"] or m["label_roman"]
    number = str(roman_value(roman)) if roman else (m["number"] or m["label_number"] or m["label_letter"] or m["letter"])
    return number, title[m.end() :].strip()


def roman_value(numeral: str) -> int:
    """A number in roman figures as an int: "III" -> 3, "xiv" -> 14."""
    values = [_ROMAN[c] for c in numeral.upper()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0]))


def title_key(title: str) -> str:
    """A comparison key for headings: numbering, case, punctuation and '&' vs 'and' do not matter."""
    _, bare = split_numbering(title)
    bare = bare.replace("&", " and ").replace("’", "'").casefold()
    return re.sub(r"[^0-9a-z\u4e00-\u9fff]+", "", bare)


def printed_as(number: str, title: str, text: str) -> bool:
    """Whether the printed heading `text` is the Contents entry (`number`, `title`): its title, under the entry's number
    when both give one. A manual titles dozens of sections "Purpose" (the Filesystem Hierarchy Standard): matched by
    title alone, its unlisted "3.7.4.1. Purpose" was taken for the entry "3.8.1 Purpose", and the entries between were
    never found (their 530 sentences filed under one "Purpose").

    >>> printed_as("3.8.1", "Purpose", "3.7.4.1. Purpose"), printed_as("3.8.1", "Purpose", "3.8.1. Purpose"), printed_as("", "Purpose", "Purpose")
    (False, True, True)
    >>> printed_as("27", "Appendix B - Features", "Appendix B - Features"), printed_as("A.2", "Options", "A.1 Options")
    (True, False)

    A numbered heading may add a note in brackets to its Contents title, under the same number (`HEADING_NOTE`):

    >>> printed_as("3.3", "Roles", "3.3 Roles (Web Annex A)"), printed_as("3.3", "Roles", "3.3 Roles and duties (Annex)")
    (True, False)
    >>> printed_as("", "Roles", "Roles (Web Annex A)"), printed_as("3.3", "Roles", "3.4 Roles (Web Annex A)")
    (False, False)
    """
    printed, bare = split_numbering(text)
    # an appendix's letter and a chapter's number are two numberings of one heading: the Debian Edu manual's Contents
    # row "27 Appendix B - Features in older releases" is the heading "Appendix B - Features in older releases"
    other = printed[:1].isdigit() != number[:1].isdigit()
    if title_key(bare) == title_key(title) and (not printed or not number or other or printed == number):
        return True
    note = HEADING_NOTE.search(bare) if number and printed == number else None
    return note is not None and title_key(bare[: note.start()]) == title_key(title)


def file_title(name: str) -> str:
    """A report's title from its file's name, for a report that gives none (a PDF whose cover has no title and whose
    metadata names the application that wrote it, a markdown file without a level-1 heading): "UK_National_AI_Strategy.pdf"
    -> "UK National AI Strategy", "annual-review-2024.md" -> "Annual review 2024".

    >>> file_title("UK_National_AI_Strategy.pdf"), file_title("annual-review-2024.md")
    ('UK National AI Strategy', 'Annual review 2024')
    """
    words = " ".join(re.sub(r"[_\-.]+", " ", name.rsplit(".", 1)[0] if "." in name else name).split())
    return words[:1].upper() + words[1:] if words.islower() else words


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", text))


_TERMINAL = re.compile(r"[.!?:。！？]+[\"'”’)\]]*\s*$")


def ends_sentence(text: str) -> bool:
    """Whether `text` ends like a finished sentence (or an introduction to a list, with ':')."""
    return bool(_TERMINAL.search(text))


def starts_lowercase(text: str) -> bool:
    stripped = text.lstrip("\"'“‘(")
    return bool(stripped) and stripped[0].islower()


def normalize_for_match(text: str) -> str:
    """Case, quotes, dashes and white space folded: for comparing text across ingesters."""
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    text = text.replace("–", "-").replace("—", "-").replace("\u00ad", "")
    return _SPACE.sub(" ", text).strip().casefold()

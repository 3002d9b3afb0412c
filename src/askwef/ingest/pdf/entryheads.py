"""Headings of numbered Contents entries that the heading marks (`headings.mark_headings`) missed, found by their type.

A heading set in heading type with a note in smaller body type after its title ("3.3 Roles" in 13 pt bold, then "(Web
Annex A)" in 9.5 pt light, the WHO HCV guideline) is a line of body size: most of its characters are the note's. A
heading of more than `headings.DISPLAY_WORDS` words in heading type ("4.1 New recommendations: treatment of adolescents
(12–17 years), older children ... for adults (1)", three lines in 13 pt) is read as display text. Neither was a heading,
neither entry was found, and their text went to the section before.

Here a numbered Contents entry's heading is looked for among the body's lines: the lines, one to
`headings.HEADING_BLOCK_LINES` of them set one under the other on a page, that print the entry (`text.printed_as`: its
number and title, a note in brackets after it or not), every character of the number and title in heading type (larger
than the body, `HEADING_TYPE`, or bold). A body sentence that merely opens with the entry's number and title is in body
type and stays a sentence. The lines found become heading lines, in the type of the heading's own words.
"""

from __future__ import annotations

from ..conventions import HEADING_NOTE, MARKER_TEXT
from ..parsed import ContentsEntry
from ..text import ends_sentence, printed_as, split_numbering, title_key
from .headings import HEADING_BLOCK_LINES
from .layout import Line

HEADING_TYPE = 1.15
"""Type this much larger than the body is a heading's (as `headings.mark_headings` takes it): the WHO guideline's
headings are 11 and 13 pt over a 9.5 pt body."""


SET_APART = 1.8
"""Space below a body-type line, in type sizes, that sets it apart as a heading: a body line's leading is about 1.2
(Word, 10 pt on 12); the National Hydro Network model's "3.1.6 Metadata" stands 2.6 over its first subsection."""


def mark_entry_headings(contents: list[ContentsEntry], lines: list[Line], body: float) -> None:
    """Mark as headings the lines that print a numbered entry of `contents` in heading type and are not marked yet;
    then, for an entry no heading prints, its first line set apart in body type (`set_apart`)."""
    numbered = {e.number: e for e in contents if e.number}
    printed: set[str] = set()  # the numbers of the entries a heading prints
    for i, line in enumerate(lines):
        entry = numbered.get(split_numbering(line.text)[0]) if line.role in ("", "heading") else None
        if entry is None:
            continue
        block = _block(lines, i)
        text = ""
        for j, following in enumerate(block):
            text = f"{text} {following.text}".strip()
            if not printed_as(entry.number, entry.title, text):
                continue
            if all(l.role == "heading" for l in block[: j + 1]):
                printed.add(entry.number)
                break  # marked already
            note = HEADING_NOTE.search(text)
            title = text[: note.start()] if note and printed_as(entry.number, entry.title, text[: note.start()]) else text
            sizes = _heading_type(block[: j + 1], _letters(title), body)  # the note after the title may be in body type
            if sizes:
                _mark(block[: j + 1], max(sizes), lines)
                printed.add(entry.number)
            break
    headed = {title_key(l.text) for l in lines if l.role == "heading"}  # (a heading printing its number apart)
    printed |= {e.number for e in numbered.values() if title_key(e.title) in headed}
    for i, line in enumerate(lines):  # (a running head repeats a heading's number and title on the pages after it)
        entry = numbered.get(split_numbering(line.text)[0]) if line.role in ("", "figure") else None
        if entry is not None and entry.number not in printed and set_apart(entry, lines, i):
            _mark([line], line.size, lines)
            printed.add(entry.number)


def set_apart(entry: ContentsEntry, lines: list[Line], i: int) -> bool:
    """Whether `lines[i]` is the heading of a subsection `entry` set in body type: the line prints its dotted number
    ("3.1.4") and title and nothing else, ends no sentence, and the next line of its page stands SET_APART sizes below
    it or there is none (a picture under it). A Word style may set a heading in the body's font and size, in colour
    only: the National Hydro Network model's "3.1.1 Logical view" .. "3.1.6 Metadata", each over a class diagram,
    were never found, and the diagrams' pages filed under 3.1 (one, over the diagram's labels, read as a label)."""
    line = lines[i]
    number, bare = split_numbering(line.text)
    if "." not in entry.number or number != entry.number or ends_sentence(line.text) or title_key(bare) != title_key(entry.title):
        return False  # (a note after the title, "1.2 Roles (Web Annex A)", is a body line's: a list of the annexes)
    below = next((l for l in lines[i + 1 :] if l.page == line.page and l.role != "figure" and l.y < line.y), None)
    return below is None or line.y - below.y >= SET_APART * line.size


def _block(lines: list[Line], i: int) -> list[Line]:
    """The lines from `lines[i]` set one under the other on its page (heading or body lines), at most HEADING_BLOCK_LINES."""
    block = [lines[i]]
    for line in lines[i + 1 : i + HEADING_BLOCK_LINES]:
        prev = block[-1]
        if line.page != prev.page or line.role not in ("", "heading") or not 0 < prev.y - line.y < 2 * max(prev.size, line.size):
            break
        block.append(line)
    return block


def _letters(text: str) -> int:
    return sum(c.isalnum() for c in text)


def _heading_type(block: list[Line], letters: int, body: float) -> list[float]:
    """The sizes of the runs that print the first `letters` letters and digits of the block, when every one of them is
    in heading type (larger than the body or bold); [] when one is not. A raised note marker among them is skipped."""
    sizes: list[float] = []
    for line in block:
        for run in line.runs or []:
            if letters <= 0:
                return sizes
            count = _letters(run.text)
            if not count or (MARKER_TEXT.match(run.text) and run.size < 0.9 * line.size):
                continue
            if run.size < HEADING_TYPE * body and not run.bold:
                return []
            sizes.append(run.size)
            letters -= count
    return sizes if letters <= 0 else []


def _mark(block: list[Line], size: float, lines: list[Line]) -> None:
    """The block's lines become heading lines in the heading's type, at the level headings of that type have (the first
    line's when it is a heading already), so the paragraphs read them as one heading."""
    level = block[0].level if block[0].role == "heading" else next(
        (l.level for l in lines if l.role == "heading" and abs(l.size - size) < 0.3), 2)
    for line in block:
        line.role, line.level, line.size, line.display = "heading", level, size, False

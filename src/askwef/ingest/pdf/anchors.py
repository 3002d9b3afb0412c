"""The outline's word on the Contents: where each listed section is printed, how deep it sits, and whether it is a part.

A Contents entry the outline lists under the same title at the same printed page is anchored: its heading is the one
printed on that page (`ContentsEntry.anchored`), not the first heading of its title read after the entry before it.
A manual (the GnuCash guide, DocBook) titles sections "Overview", "Basic Concepts", "Terminology", "Example" in
chapter after chapter, unnumbered: matched by title alone, one entry the Contents misread let the next chapter's
"Setting Up Accounts" take this chapter's heading, and 2,392 sentences of chapters 10 to 17 were filed under an
"Overview" of the appendix.

The outline also says
- a title the Contents row garbled: a running header read into it ("GnuCash Guide 4.13 Setting Up Accounts") or its
  label left out ("A. Migration Guide" for "Appendix A. Migration Guide"): a bookmark at the same page and place, one
  title ending the other, under no other number, is the entry; its title is the one a heading on the page prints
  (the R manual's bookmark "A References" leaves out the label its Contents and heading print, "Appendix A References");
- the depth, when the Contents' indentation and numbering do not (chapters numbered, their sections not);
- a part ("Part I. The Basic Knowledge"): it holds chapters and is not chapter 1, so it keeps no number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..parsed import ContentsEntry
from ..text import split_numbering, title_key
from .align import aligned
from .headings import HEADING_BLOCK_LINES
from .layout import Line

PART = re.compile(r"^\s*part\s+\S", re.IGNORECASE)
"""A bookmark of a part: "Part I. The Basic Knowledge" (the GnuCash guide's outline; its Contents prints "I. The Basic
Knowledge", read as number 1 beside "1. Overview")."""
CHAPTER = re.compile(r"^\s*chapter\s+\S", re.IGNORECASE)
"""A bookmark of a chapter: "Chapter 18. Importing Business Data" names the number the GnuCash guide's Contents row
"18. Importing Business Data" loses when chapter 17's row is garbled (a number with no other beside it is read as a
title's first word, `contents._lone_numbers`)."""

GLUED_NUMBER = re.compile(r"\s*(\d+(?:\.\d+)*)\.?")
"""A number opening a Contents row with no space after it: the Debian Edu manual's "14.10Upgrading with a CD or similar
image" (its heading prints "14.11" apart from its title, as a label)."""


def anchored(contents: list[ContentsEntry], outline: list, lines: list[Line]) -> list[ContentsEntry]:
    """The Contents entries, those the outline (`headings.OutlineItem`s) lists at their page anchored there, with the
    title printed where the row's was garbled, the outline's depth where the Contents gives none, and no number for a
    part. `lines`: the document's lines, where a garbled row's heading is looked for."""
    if not contents or not outline:
        return contents
    keys = [title_key(e.title) for e in contents]
    marks = [title_key(item.title) for item in outline]
    pairs = aligned(len(outline), len(contents), lambda j, k: bool(keys[k]) and marks[j] == keys[k] and outline[j].number == contents[k].page)
    headings: dict[int, list[Line]] = {}
    for line in lines:
        if line.role == "heading":
            headings.setdefault(line.page, []).append(line)
    pairs.update(_garbled(contents, outline, keys, marks, pairs, headings))
    if not pairs:
        return contents
    deep = not any(e.level for e in contents) and not any("." in e.number for e in contents)
    top = min(outline[j].level for j in pairs)
    out = list(contents)
    for j, k in pairs.items():
        item, entry = outline[j], contents[k]
        number, title = entry.number, entry.title
        printed = _printed(marks[j], headings.get(item.page, [])) if marks[j] != keys[k] else ""
        if printed:  # the row garbled, the bookmark's title printed: it, under the row's number, else the bookmark's or the heading's
            mark, title = split_numbering(item.title)
            glued = GLUED_NUMBER.match(entry.title)  # the row's number run into its title ('14.10Upgrading')
            glued = glued.group(1) if glued and title_key(entry.title[glued.end() :]) == marks[j] else ""
            number = number or mark or glued or split_numbering(printed)[0]
        elif not number and CHAPTER.match(item.title) and split_numbering(title)[0] == split_numbering(item.title)[0]:
            number, title = split_numbering(title)  # "18. Importing ..." read as a title: its chapter's number
        if PART.match(item.title):
            number, title = "", item.title
        out[k] = replace(entry, number=number, title=title, page=item.number, anchored=True,
                         level=item.level - top + 1 if deep else entry.level)
    if deep:  # an entry the outline does not list sits beside the one before it
        listed = set(pairs.values())
        for k in range(len(out)):
            if k not in listed:
                out[k] = replace(out[k], level=out[k - 1].level if k else 1)
    return out


def _garbled(contents: list[ContentsEntry], outline: list, keys: list[str], marks: list[str], pairs: dict[int, int],
             headings: dict[int, list[Line]]) -> dict[int, int]:
    """Pairs left between two aligned ones: an entry and a bookmark of the same page, one title ending the other, the
    numbers the same when both have one (the ReportLab guide's row "5 PLATYPUS ... Scripts 5.1 Design Goals", two rows
    read as one, is not the bookmark "5.1 Design Goals"), and one of the two titles printed as a heading on the page."""
    out: dict[int, int] = {}
    bounds = sorted(pairs.items())
    for (j0, k0), (j1, k1) in zip([(-1, -1), *bounds], [*bounds, (len(outline), len(contents))]):
        last = j0
        for k in range(k0 + 1, k1):
            near = [j for j in range(last + 1, j1) if outline[j].number == contents[k].page
                    and marks[j] and keys[k] and (marks[j].endswith(keys[k]) or keys[k].endswith(marks[j]))
                    and _same_number(split_numbering(outline[j].title)[0], contents[k].number)
                    and (_printed(marks[j], headings.get(outline[j].page, [])) or _printed(keys[k], headings.get(outline[j].page, [])))]
            if len(near) == 1:
                out[near[0]], last = k, near[0]
    return out


def _same_number(a: str, b: str) -> bool:
    return not a or not b or a == b


def _printed(key: str, headings: list[Line]) -> str:
    """The heading lines of one page, one to HEADING_BLOCK_LINES of them in a row, that spell the title `key`, joined;
    "" when none do."""
    for i in range(len(headings)):
        text = ""
        for line in headings[i : i + HEADING_BLOCK_LINES]:
            text = f"{text} {line.text}".strip()
            if title_key(text) == key:
                return text
            if len(title_key(text)) >= len(key):
                break
    return ""

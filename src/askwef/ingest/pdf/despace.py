"""Spaces a PDF's text layer puts inside words, taken out by the report's own vocabulary.

Some producers place the pieces of a justified word apart (Word's PDF export as the OECD review
prints it: "an d", "a dopted", "non -ministerial", "2021 -2023", "e- government"), and any reader of
the text layer sees a space there. A space goes when the report writes the joined word elsewhere and
one side is a fragment: a single letter other than "a" and "I", or a piece the report uses nowhere
else. A space before a hyphen that opens the next word goes when the report (or the digits around
it) shows the hyphenated form. Markers and page marks move with the text.

>>> vocabulary_of(["The plan was adopted in 2021-2023.", "It was a dopted plan and more."])["adopted"]
1
>>> despaced("It was a dopted plan an d more.", vocabulary_of(["adopted and adopted and"]))
'It was adopted plan and more.'
"""

from __future__ import annotations

import re
from collections import Counter

from ..parsed import Para
from ..text import Cleaned

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:-\d+)?")
_PAIR = re.compile(r"(?<![\w-])([^\W\d_]+) ([^\W\d_]+)(?![\w-])")
_SPACE_HYPHEN = re.compile(r"(\w+) -(\w+)")
_HYPHEN_SPACE = re.compile(r"\b(\w+)- (\w+)")


def vocabulary_of(texts) -> Counter:
    return Counter(w.casefold() for t in texts for w in _WORD.findall(t))


def _fragment(word: str, vocabulary: Counter) -> bool:
    if len(word) == 1:
        return word not in ("a", "A", "I")
    return vocabulary[word.casefold()] <= 1


def _deletions(text: str, vocabulary: Counter) -> list[int]:
    """Offsets of the spaces to take out."""
    out: list[int] = []
    for m in _SPACE_HYPHEN.finditer(text):
        a, b = m.group(1), m.group(2)
        if (a.isdigit() and b.isdigit()) or vocabulary[f"{a}-{b}".casefold()] >= 1:
            out.append(m.start(1) + len(a))
    for m in _HYPHEN_SPACE.finditer(text):
        a, b = m.group(1), m.group(2)
        if vocabulary[f"{a}-{b}".casefold()] >= 1:
            out.append(m.start(1) + len(a) + 1)
    at = 0
    while m := _PAIR.search(text, at):
        a, b = m.group(1), m.group(2)
        if vocabulary[(a + b).casefold()] >= 2 and (_fragment(a, vocabulary) or _fragment(b, vocabulary)):
            out.append(m.start(1) + len(a))
            at = m.end()
        else:
            at = m.start(2)
    return sorted(set(out))


def despaced(text: str, vocabulary: Counter) -> str:
    return _apply(text, _deletions(text, vocabulary))[0]


def _apply(text: str, cuts: list[int]) -> tuple[str, list[int]]:
    """The text without the characters at `cuts`, and the new offset of every old offset."""
    mapping = []
    out = []
    removed = 0
    cut = set(cuts)
    for i, ch in enumerate(text):
        mapping.append(i - removed)
        if i in cut:
            removed += 1
            continue
        out.append(ch)
    mapping.append(len(text) - removed)
    return "".join(out), mapping


BROKEN_WORDS = 10
"""Only a text layer that shows the fault does it often: at least this many words split off a single
letter ("an d", "c onsider"); a clean layer (a WEF white paper) is left as it is, so "a round" stays."""


def _pairs(text: str):
    """Every two neighbouring words: 'an d more' -> ('an', 'd'), ('d', 'more'), with their match."""
    at = 0
    while m := _PAIR.search(text, at):
        yield m
        at = m.start(2)


def _broken(texts: list[str], vocabulary: Counter) -> int:
    count = 0
    for t in texts:
        for m in _pairs(t):
            a, b = m.group(1), m.group(2)
            if vocabulary[(a + b).casefold()] >= 2 and ((len(a) == 1 and a not in "aAI") or (len(b) == 1 and b not in "aAI")):
                count += 1
    return count


def despace(paras: list[Para], notes: list[str] = ()) -> list[Para]:
    """Every paragraph and table cell with the spaces the vocabulary says are not there taken out. The vocabulary is
    the report's, every one of its `notes` too (footnotes and the endnotes listed at the back): the DMCA summary's
    "would" is printed whole twice, once in its footnote 2, and its "woul d" on p. 14 kept its space once that footnote
    was read as a note, not prose; Amazon's "a cross dock" (p. 16) read "across dock" once its endnote 5, "A cross dock
    is a warehouse operation", was read as a note."""
    texts = [p.text for p in paras] + [i.text for p in paras for i in p.items]
    vocabulary = vocabulary_of(texts + list(notes))
    if _broken(texts, vocabulary) < BROKEN_WORDS:
        return paras
    out = []
    for p in paras:
        text, mapping = _apply(p.text, _deletions(p.text, vocabulary))
        markers = tuple((mapping[min(o, len(p.text))], n) for o, n in p.markers)
        pages = tuple((mapping[min(o, len(p.text))], n, label) for o, n, label in p.pages)
        items = []
        for item in p.items:
            t, m = _apply(item.text, _deletions(item.text, vocabulary))
            items.append(Cleaned(t, tuple((m[min(o, len(item.text))], n) for o, n in item.markers)))
        out.append(Para(p.kind, text, markers, p.level, tuple(items), pages))
    return out

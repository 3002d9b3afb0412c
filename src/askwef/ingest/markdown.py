"""The markdown reader: a converted report -> `ParsedReport` (title, Contents, paragraphs, endnotes).

The regular expressions here are markdown's own grammar (headings, list items, rules, inline HTML
blocks), not knowledge about reports; the report conventions live in `conventions.py`.

>>> report = read_markdown("# Title\\n\\n# Contents\\n\\nIntro\\t3\\n\\n# Intro\\n\\nText.")
>>> report.contents
(ContentsEntry(number='', title='Intro', page=3),)
"""

from __future__ import annotations

import re

from .conventions import CONTENTS_ROW, ENDNOTE_HEADINGS
from .endnotes import parse_endnotes
from .parsed import ContentsEntry, Para, ParsedReport
from .pdf.year import publication_year_in
from .text import Cleaned, clean_inline, split_numbering, title_key, word_count

FRONT_MATTER_LINES = 40
"""Lines at the top of a report without a Contents list read for its publication year."""
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s*(?:[-*+•–—]|\d+[.)])\s+(?=\S)")

_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|\|?[\s:\-|\t]*-{2,}[\s:\-|\t]*)$")
_BOLD_ONLY = re.compile(r"^\s*(?:\*\*|<b>|<strong>)(?P<t>[^*<]+?)(?:\*\*|</b>|</strong>)\s*$", re.IGNORECASE)
_HTML_PARA = re.compile(r"</?(?:p|div|tr|td|th|table|tbody|thead|br)\b[^>]*>", re.IGNORECASE)
_LI = re.compile(r"<li\b[^>]*>(.*?)</li>", re.IGNORECASE | re.DOTALL)
_BULLET = re.compile(r"^\s*[-–—•*]\s+")


def _heading_text(raw: str) -> str:
    return clean_inline(raw).text


def read_markdown(text: str) -> ParsedReport:
    """Split a converted report into title, Contents, body paragraphs and endnotes."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings = [(i, len(m.group(1)), _heading_text(m.group(2))) for i, line in enumerate(lines) if (m := _HEADING.match(line))]
    title = next((t for _, level, t in headings if level == 1 and title_key(t) != "contents"), "")

    contents: list[ContentsEntry] = []
    body_start = 0
    contents_at = next((i for i, _, t in headings if title_key(t) == "contents"), None)
    if contents_at is not None:
        j = contents_at + 1
        while j < len(lines) and not _HEADING.match(lines[j]):
            if m := CONTENTS_ROW.match(clean_inline(lines[j]).text + " " if "\t" not in lines[j] else lines[j]):
                number, bare = split_numbering(clean_inline(m.group("title")).text)
                contents.append(ContentsEntry(number, bare, int(m.group("page"))))
            j += 1
        body_start = j

    endnotes_at = next((i for i, _, t in reversed(headings) if title_key(t) in ENDNOTE_HEADINGS and i >= body_start), None)
    body_end = endnotes_at if endnotes_at is not None else len(lines)
    endnotes = parse_endnotes(lines[endnotes_at + 1 :]) if endnotes_at is not None else []
    paras = _paragraphs(lines[body_start:body_end])
    # the year the cover prints ("JANUARY 2025"), read from what comes before the Contents
    front = lines[: contents_at if contents_at is not None else FRONT_MATTER_LINES][:FRONT_MATTER_LINES]
    year = publication_year_in([clean_inline(line).text for line in front])
    return ParsedReport(title, tuple(contents), tuple(paras), tuple(endnotes), year=year)


def _paragraphs(lines: list[str]) -> list[Para]:
    paras: list[Para] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            paras.extend(_classify(" ".join(s.strip() for s in buffer)))
            buffer.clear()

    for line in lines:
        if not line.strip():
            flush()
        elif m := _HEADING.match(line):
            flush()
            text = _heading_text(m.group(2))
            if text:
                paras.append(Para("heading", text, level=len(m.group(1))))
        elif "\t" in line or _HTML_PARA.search(line) or _RULE.match(line):
            flush()
            paras.extend(_classify(line))
        elif _LIST.match(line):
            flush()
            buffer.append(line)
        else:
            buffer.append(line)
    flush()
    return paras


def _classify(raw: str) -> list[Para]:
    """One raw paragraph (maybe a table row or an HTML fragment) -> Paras."""
    if _RULE.match(raw):
        return []
    if "\t" in raw:
        cells = [c for c in raw.split("\t")]
        if any(_LI.search(c) for c in cells):
            head = clean_inline(cells[0]).text
            items = tuple(_list_item(li) for c in cells[1:] for li in _LI.findall(c))
            return [Para("row", head, items=tuple(i for i in items if i.text))]
        if not _HTML_PARA.search(raw):
            texts = [clean_inline(c).text for c in cells]
            if sum(1 for t in texts if t) >= 2 and all(word_count(t) <= 8 for t in texts):
                return [Para("table_header", " | ".join(t for t in texts if t))]
        return [p for c in cells for p in _classify(c) if c.strip()]
    if _HTML_PARA.search(raw):
        return [p for piece in _HTML_PARA.split(raw) if piece.strip() for p in _classify(piece)]
    if m := _BOLD_ONLY.match(raw):
        text = clean_inline(m.group("t")).text
        if text and word_count(text) <= 14 and not text.endswith("."):
            return [Para("bold", text)]
    cleaned = clean_inline(_LIST.sub("", raw, count=1) if _LIST.match(raw) else raw)
    if not cleaned.text:
        return []
    return [Para("item" if _LIST.match(raw) else "prose", cleaned.text, cleaned.markers)]


def _list_item(raw: str) -> Cleaned:
    cleaned = clean_inline(raw)
    m = _BULLET.match(cleaned.text)
    if not m:
        return cleaned
    cut = m.end()
    return Cleaned(cleaned.text[cut:], tuple((max(0, o - cut), n) for o, n in cleaned.markers))

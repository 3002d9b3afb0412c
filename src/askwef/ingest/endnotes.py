"""Endnote lists: '17. China Mobile. (2023). *Digital...*. <https://...>.' -> `Endnote(17, reference, url)`.

Shared by the readers: the markdown reader passes the lines after its "Endnotes" heading, the PDF
reader one line per entry it found.

>>> parse_endnotes(["1. Zhao, Z. (2024). Green data centers. <https://example.org/a>."])
[Endnote(number=1, reference='Zhao, Z. (2024). Green data centers.', url='https://example.org/a')]
"""

from __future__ import annotations

import re

from ..types import Endnote
from .text import clean_inline

# a rule line or a heading ends the list (as in markdown.py)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|\|?[\s:\-|\t]*-{2,}[\s:\-|\t]*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_URL_ANGLE = re.compile(r"<(https?://[^>]+)>")
_URL_BARE = re.compile(r"https?://\S+")


def parse_endnotes(lines: list[str]) -> list[Endnote]:
    """The numbered endnote list: '17. China Mobile. (2023). *Digital...*. <https://...>.' -> Endnote."""
    entries: list[tuple[int, list[str]]] = []
    gap = False
    for line in lines:
        if not line.strip():
            gap = True
            continue
        if m := re.match(r"^\s*(\d{1,3})[.)]\s+(.*)$", line):
            entries.append((int(m.group(1)), [m.group(2)]))
        elif _RULE.match(line) or _HEADING.match(line) or gap or not entries:
            if entries:
                break
            continue
        else:
            entries[-1][1].append(line.strip())
        gap = False
    return [_endnote(number, " ".join(parts)) for number, parts in entries]


def _endnote(number: int, raw: str) -> Endnote:
    """The reference reads as author, date, title, publisher; its first link (of any form) becomes `url`."""
    links: list[tuple[int, int, str]] = []
    for m in re.finditer(r"\[[^\]]*\]\(([^)]+)\)", raw):
        links.append((m.start(), m.end(), m.group(1)))
    for m in _URL_ANGLE.finditer(raw):
        links.append((m.start(), m.end(), m.group(1)))
    for m in _URL_BARE.finditer(raw):
        if not any(s <= m.start() < e for s, e, _ in links):
            links.append((m.start(), m.end(), m.group(0)))
    url, text = "", raw
    if links:
        start, end, target = min(links)
        url = target.replace("\\_", "_").replace("\\", "").strip().rstrip(".,;>").replace(" ", "%20")
        if url and not url.startswith(("http://", "https://")):
            url = "http://" + url
        text = raw[:start] + raw[end:]
    text = re.sub(r"\[([^\]]*)\]\(([^)]+)\)", lambda m: m.group(2), text)  # further links read as their targets
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"\s+([.,;])", r"\1", clean_inline(text).text).strip()
    return Endnote(number, re.sub(r"\.\.$", ".", text), url)

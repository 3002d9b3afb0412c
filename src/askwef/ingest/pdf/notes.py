"""Notes: the "Endnotes" heading, one entry per note, and the web links of the PDF's link annotations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..conventions import ENDNOTE_HEADINGS, NOTE_ENTRY_START
from ..text import title_key
from .layout import Line
from .paragraphs import join_lines


def endnotes_heading(lines: list[Line], after: int) -> int | None:
    for i in range(len(lines) - 1, after - 1, -1):
        if lines[i].role == "heading" and title_key(lines[i].text) in ENDNOTE_HEADINGS:
            return i
    return None


# --- endnotes ------------------------------------------------------------------------------------


def endnote_entries(lines: list[Line], vocabulary) -> tuple[list[str], dict[int, list[Line]]]:
    """Endnote list lines -> one line per entry ('17. China Mobile. (2023). ... https://...'), and
    each entry's lines by its number."""
    entries: list[str] = []
    by_number: dict[int, list[Line]] = {}
    current: list[Line] = []
    for line in lines:
        if line.role in ("furniture", "contents"):
            continue
        if line.role == "heading" and entries:
            break
        if m := NOTE_ENTRY_START.match(line.text):
            entries.append(line.text)
            current = by_number.setdefault(int(m.group(1)), [])
            current.append(line)
        elif entries:
            entries[-1] = join_lines(entries[-1], line.text, vocabulary)[0]
            current.append(line)
    return entries, by_number


def link_targets(reader) -> dict[int, list[tuple[tuple[float, float, float, float], str]]]:
    """Web links of the PDF's link annotations by physical page: ((x0, y0, x1, y1), uri)."""
    links: dict[int, list[tuple[tuple[float, float, float, float], str]]] = defaultdict(list)
    for index, page in enumerate(reader.pages):
        try:
            for ref in page.get("/Annots") or []:
                annot = ref.get_object()
                action = annot.get("/A")
                action = action.get_object() if action is not None else None
                if annot.get("/Subtype") != "/Link" or not action or "/URI" not in action:
                    continue
                uri = str(action["/URI"]).strip()
                x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
                if uri.startswith(("http://", "https://")):
                    links[index].append(((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), uri))
        except Exception:  # noqa: BLE001 - a broken annotation: the printed URL is used
            continue
    return links


def with_link_targets(endnotes, entry_lines: dict[int, list[Line]], links) -> list:
    """An endnote whose lines carry a web link annotation takes its target as the URL: the printed
    URL may be cut, shortened ('ge-healthcare.com/...'), or decoded ('%20' shown as a space)."""
    out = []
    for note in endnotes:
        targets = [
            uri
            for line in entry_lines.get(note.number, [])
            for (x0, y0, x1, y1), uri in links.get(line.page, [])
            if y0 - 2 <= line.y <= y1 + 2 and x0 <= line.x1 + 2 and line.x0 <= x1 + 2
        ]
        out.append(replace(note, url=targets[0]) if targets and targets[0] != note.url else note)
    return out

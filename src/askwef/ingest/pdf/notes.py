"""Notes, in the shapes reports print them, and the web links that stand for them.

- an endnote list under an "Endnotes" or "Notes" heading: at the end of the document (one list, in
  one or two columns, over pages: the reading order gives its entries in order), or at the end of
  each chapter, numbering restarting (each note then carries its chapter as `scope`);
- footnotes at the bottom of a page: small lines under the text opening with the number of a marker
  of that page;
- a reference list ("References") is neither body text nor notes: its lines are set aside, and its
  numbered entries, which author-date citations cite ("(OECD, 2018[2])"), are read apart (`references.py`);
- a marker with no entry whose position carries a web link annotation (the UK strategy prints no
  notes: its markers are links) gets the link's target as its note; a footnote drawn as outlines
  (its raised number found among the page's glyphs) with no link is a note whose words cannot be
  read (`DRAWN_NOTE`), so the sentence keeps its citation; any other marker without an entry is
  reported, never invented;
- "Ibid." resolves to the note before it; a note's URL comes from the link annotation over its lines
  when there is one (printed URLs may be cut or decoded).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from statistics import median

from ...types import Endnote
from ..conventions import FOOTNOTE_SIZE, NOTE_ENTRY_START, REFERENCE_HEADINGS
from ..endnotes import parse_endnotes
from .layout import Line
from .listlayout import NUMBER_START, numbered_text, without_labels
from .notelists import note_sections
from .paragraphs import join_lines
from .references import reference_entries

IBID = re.compile(r"^\s*ibid(?:em)?\b\.?,?\s*", re.IGNORECASE)
"""'Ibid.', 'Ibid., p. 4', 'ibidem': the same source as the note before."""


Where = dict[tuple[str, int], list[Line]]
"""Each entry's lines by (scope, number): where the link annotations over an entry are looked for."""


def read_notes(lines: list[Line], chapters: set[str], vocabulary) -> tuple[list[Endnote], Where, list[Endnote], Where]:
    """Every note list and reference list of the document, their lines set aside (role "notes"): the notes and
    where they stand, then the reference lists' entries (`references.py`) and where they stand. The entries of
    lists that close chapters (more than one list of their kind) are scoped to their chapter's title."""
    sections = note_sections(lines, chapters)
    lists = [s for s in sections if s[2] not in REFERENCE_HEADINGS]
    reference_lists = len(sections) - len(lists)
    notes: list[Endnote] = []
    where: Where = {}
    cited: list[Endnote] = []
    cited_where: Where = {}
    for start, end, key, chapter in sections:
        labelled = without_labels(lines[start + 1 : end])  # before their roles are set: a label may be a heading
        for line in lines[start:end]:
            line.role = "notes"
        if key in REFERENCE_HEADINGS:
            scope = chapter if reference_lists > 1 else ""
            entries, by_number = reference_entries(lines[start + 1 : end], vocabulary)
            cited += [replace(e, scope=scope) for e in entries]
            cited_where.update({(scope, n): held for n, held in by_number.items()})
            continue
        scope = chapter if len(lists) > 1 else ""
        texts, by_number = endnote_entries(labelled, vocabulary)
        for note in parse_endnotes(texts):
            notes.append(replace(note, scope=scope))
            where[(scope, note.number)] = by_number.get(note.number, [])
    return notes, where, cited, cited_where


NOTE_OUTDENT = 0.5
"""Type sizes a line may start left of its note's number and wrapped lines and still go on with it (a number set
further out, '9.' and '10.'; a quote hung in the margin)."""

NOTE_GAP = 1.5
"""...after a gap this many times the note's own line pitch: the Chromium print of the Blueprint report set its back
cover ('COMMITTED TO IMPROVING THE STATE OF THE WORLD', the Forum's address) 20 pt under note 66, whose lines are 9 pt
apart, at the column's edge (305 pt), left of the note's number (312 pt) and wrapped lines (325 pt): read into note 66."""


def endnote_entries(lines: list[Line], vocabulary) -> tuple[list[str], dict[int, list[Line]]]:
    """Endnote list lines -> one line per entry ('17. China Mobile. (2023). ... https://...'), and
    each entry's lines by its number. An entry's number may be printed as a superscript marker.
    The last entry ends at a line set out left of the list's numbers (`_outdented_end`)."""
    entries, by_number, opened = _entries(lines, vocabulary)
    end = _outdented_end(lines, opened)
    return (entries, by_number) if end is None else _entries(lines[:end], vocabulary)[:2]


def _entries(lines: list[Line], vocabulary) -> tuple[list[str], dict[int, list[Line]], list[int]]:
    """`endnote_entries`, and the indexes of the lines that open an entry."""
    entries: list[str] = []
    by_number: dict[int, list[Line]] = {}
    current: list[Line] = []
    opened: list[int] = []
    for k, line in enumerate(lines):
        if line.role in ("furniture", "contents"):
            continue
        text = line.text
        if line.markers and line.markers[0][0] == 0:  # the number set as a superscript before the text
            text = f"{line.markers[0][1]}. {text}"
        m = NUMBER_START.match(text)
        expected = len(entries) + 1
        if m and (NOTE_ENTRY_START.match(text) or int(m.group(1)) in (expected, expected + 1)):
            number = int(m.group(1))
            entries.append(f"{number}. {text[m.end():].strip()}")
            current = by_number.setdefault(number, [])
            current.append(line)
            opened.append(k)
        elif entries:
            entries[-1] = join_lines(entries[-1], text, vocabulary)[0]
            current.append(line)
    return entries, by_number, opened


def _outdented_end(lines: list[Line], opened: list[int]) -> int | None:
    """Where the last entry ends before its list does: at a line of its column that starts left of its number and of its
    own wrapped lines (NOTE_OUTDENT), after a gap wider than their pitch (NOTE_GAP), as text after the list (a back
    cover, an imprint) stands; its own wrapped lines must show where they start (a footnote whose lines run out under
    its indented number keeps them all). None: the last entry runs to the list's end."""
    if not opened:
        return None
    own = [lines[opened[-1]]]
    for k in range(opened[-1] + 1, len(lines)):
        line = lines[k]
        if line.role in ("furniture", "contents"):
            continue
        if (line.page, line.column) != (own[0].page, own[0].column):
            return None  # the note goes on in another column or page: no edge of its own to go by there
        pitches = [a.y - b.y for a, b in zip(own, own[1:]) if a.y - b.y > 0.5 * line.size]  # (pieces of one baseline aside)
        if pitches and line.x0 < min(l.x0 for l in own) - NOTE_OUTDENT * line.size and own[-1].y - line.y > NOTE_GAP * min(pitches):
            return k
        own.append(line)
    return None


def footnotes(pages: list[list[Line]], body: float, vocabulary, chapter_of: dict[int, str] | None = None
              ) -> tuple[list[Endnote], dict[tuple[str, int], list[Line]]]:
    """Footnotes: at a page's foot, lines smaller than the body under the last body line of their column, the first
    opening with the number of a marker on that page; numbered again in each chapter (a number read twice), each is
    scoped to its page's chapter (`chapter_pages`: three Debian manuals' markers 1 all took chapter 2's note 1)."""
    notes: list[Endnote] = []
    where: dict[tuple[str, int], list[Line]] = {}
    page_of, held = [], []  # each note's page and lines
    for lines in pages:
        cited = {n for line in lines for _, n in line.markers}
        if not cited:
            continue
        text_lines = [l for l in lines if l.role in ("", "heading")]
        foot = sorted((l for l in text_lines if l.size < FOOTNOTE_SIZE * body), key=lambda l: -l.y)
        body_lines = [l for l in text_lines if l.size >= FOOTNOTE_SIZE * body]
        # (a two-column paper's footnote closing its left column stands above the right column's last lines: TraceMonkey's p. 5)
        lowest = {c: min((l.y for l in body_lines if l.column in (0, c)), default=1e9) for c in {l.column for l in foot}}
        block = [l for l in foot if l.y < lowest[l.column]]
        if not block:
            continue
        first = block[0]
        m = NUMBER_START.match(numbered_text(first))
        if not m or int(m.group(1)) not in cited:
            continue
        fixed, last = [], int(m.group(1)) - 1
        for line in block:
            t = numbered_text(line)
            line.role = "notes"
            # a line opens a note with a number a marker of the page cites, or the next after the note before (a
            # marker may be missed); other numbers open a note's wrapped line: the Debian Policy Manual's
            # "660 mail spools ..." (p. 115) was a note 660 cut out of its note 4
            opens = NUMBER_START.match(t)
            if opens and (int(opens.group(1)) in cited or int(opens.group(1)) == last + 1):
                last = int(opens.group(1))
                t = _as_entry(t)
            fixed.append(t)
        texts, by_number = endnote_entries([_with_text(l, t) for l, t in zip(block, fixed)], vocabulary)
        for note in parse_endnotes(texts):
            notes.append(note)
            page_of.append(first.page)
            held.append(by_number.get(note.number, []))
    numbers = [n.number for n in notes]
    if chapter_of and len(set(numbers)) < len(numbers):  # numbered again: each chapter's own
        notes = [replace(n, scope=chapter_of.get(page, "")) for n, page in zip(notes, page_of)]
    for note, lines in zip(notes, held):
        where.setdefault((note.scope, note.number), lines)
    return notes, where


def _as_entry(text: str) -> str:
    m = NUMBER_START.match(text)
    return f"{m.group(1)}. {text[m.end():]}" if m else text


def _with_text(line: Line, text: str) -> Line:
    return Line(page=line.page, x0=line.x0, x1=line.x1, y=line.y, size=line.size, bold=line.bold, text=text, role="")


def resolve_ibid(notes: list[Endnote]) -> list[Endnote]:
    """'Ibid.' (', p. 4') takes the reference and URL of the note before it in the same list."""
    out: list[Endnote] = []
    for note in notes:
        m = IBID.match(note.reference)
        prev = next((n for n in reversed(out) if n.scope == note.scope and n.number < note.number), None)
        if m and prev is not None:
            rest = note.reference[m.end():].strip()
            reference = f"{prev.reference} {rest}".strip() if rest else prev.reference
            note = replace(note, reference=reference, url=note.url or prev.url)
        out.append(note)
    return out


# --- link annotations ----------------------------------------------------------------------------


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


def with_link_targets(endnotes: list[Endnote], entry_lines: dict[tuple[str, int], list[Line]], links) -> list[Endnote]:
    """A note whose lines carry a web link annotation takes its target as the URL: the printed
    URL may be cut, shortened ('ge-healthcare.com/...'), or decoded ('%20' shown as a space)."""
    out = []
    for note in endnotes:
        # a link whose box starts on the note's line (not one running over from the next column),
        # the first in reading order when there are several
        targets = [
            uri
            for line in entry_lines.get((note.scope, note.number), [])
            for (x0, y0, x1, y1), uri in sorted(links.get(line.page, []), key=lambda r: (-r[0][3], r[0][0]))
            if y0 - 2 <= line.y <= y1 + 2 and line.x0 - 2 <= x0 <= line.x1 + 2
        ]
        target = next((t for t in targets if not note.url or _same_link(note.url, t)), None)
        out.append(replace(note, url=target) if target and target != note.url else note)
    return out


def _same_link(printed: str, target: str) -> bool:
    """Whether a link annotation's target is the URL printed (cut, shortened or decoded), not
    another source of the same note: the same host, scheme and 'www.' aside."""
    def host(url: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", url).lower().split("/", 1)[0]

    return bool(host(printed)) and host(printed) == host(target)


def linked_markers(lines: list[Line], known: set[int], links) -> list[Endnote]:
    """Markers with no note whose spot on the page carries a web link: the link is the note
    (reference: the URL as printed in a browser's address bar)."""
    out: dict[int, Endnote] = {}
    for line in lines:
        for number, x, y in line.marker_boxes:
            if number in known or number in out:
                continue
            for (x0, y0, x1, y1), uri in links.get(line.page, []):
                if x0 - 2 <= x <= x1 + 2 and y0 - 2 <= y <= y1 + 2:
                    out[number] = Endnote(number, re.sub(r"^https?://(www\.)?", "", uri).rstrip("/"), uri)
                    break
    return [out[n] for n in sorted(out)]


def foot_links(pages: list[list[Line]], links, body: float, known: set[int], shapes: list[list] | None = None) -> list[Endnote]:
    """Footnotes whose text is drawn, not written (the UK strategy outlines its footnotes), but whose
    URLs carry link annotations: the page's markers without a note are its footnotes in order.

    Where the footnotes' glyphs are drawn (`shapes`), each footnote starts at a number raised above
    its row at the left edge (`drawn_note_starts`): a link belongs to the footnote whose number
    stands on or above it, so a footnote without a URL, or with two, keeps the others in step; when
    a page shows fewer numbers than markers, the last notes run over to a later page. Without drawn
    numbers, the links below the last line of body text, one per footnote (a URL wrapped over two
    lines is one link target), in order, are the notes when there are as many as markers."""
    out: list[Endnote] = []
    pending: list[int] = []  # markers whose drawn footnotes run over from an earlier page
    for lines in pages:
        if not lines:
            continue
        index = lines[0].page
        cited = []
        for line in lines:
            for _, n in line.markers:
                if n not in known and n not in cited:
                    cited.append(n)
        if not cited and not pending:
            continue
        cited = pending + sorted(cited)
        text = [l for l in lines if l.role in ("", "heading") and l.size >= 0.9 * body]
        lowest = min((l.y - 0.3 * l.size for l in text), default=0.0)
        foot = sorted((r for r in links.get(index, []) if r[0][3] < lowest), key=lambda r: (-r[0][3], r[0][0]))
        drawn = shapes[index] if shapes is not None and index < len(shapes) else []
        starts = drawn_note_starts([s for s in drawn if s.y1 < lowest])
        if starts and len(starts) <= len(cited):
            found: dict[int, str] = {}
            for (x0, y0, x1, y1), uri in foot:
                # the lowest number at or above the link's bottom: its footnote (a wrapped URL's
                # second box included)
                above = [k for k, y in enumerate(starts) if y >= y0 - STARTS_SLACK]
                if above:
                    found.setdefault(cited[above[-1]], uri)
            out += [Endnote(n, re.sub(r"^https?://(www\.)?", "", uri).rstrip("/"), uri) for n, uri in sorted(found.items())]
            # a drawn footnote with no link: its words are not in the text layer, but it is there
            out += [Endnote(n, DRAWN_NOTE.format(number=n, page=index + 1)) for n in cited[: len(starts)] if n not in found]
            pending = cited[len(starts):]
            continue
        cited = cited[len(pending):]  # the links below this page's text are its own markers' notes
        pending = [] if starts else pending  # carried over a page that draws no footnote
        if not foot or not cited:
            continue
        notes: list[str] = []
        for (x0, y0, x1, y1), uri in foot:
            if not notes or notes[-1] != uri:
                notes.append(uri)
        if len(notes) == len(cited):
            out += [Endnote(n, re.sub(r"^https?://(www\.)?", "", uri).rstrip("/"), uri) for n, uri in zip(cited, notes)]
    return out


DRAWN_NOTE = "Footnote {number}, drawn as outlines on page {page} of the PDF: its words are not in the text layer"
"""The note of a footnote the page draws (its raised number found) with no link to read: the sentence
keeps its citation, and the answer says why the note's words are missing."""

STARTS_SLACK = 1.0
"""Points a footnote's raised number may stand below the bottom of its own link box (the UK
strategy's numbers stand 3.8 pt above it)."""

NUMBER_RISE = 1.0
"""Points a footnote number's glyphs stand above the baseline of the text beside it (the UK
strategy's 5.8 pt numbers: 2.3 pt; letters on the baseline: 0.1 pt or less)."""

NUMBER_HEIGHT = 0.9
"""A footnote number is set smaller than its note's text: its glyph is lower than this share of the
row's (the UK strategy: 2.9 pt against 3.8 pt); a capital opening a wrapped line of a note above,
which stands higher than the lower row its box reaches into, is as tall as the row (5.1 pt against 5.0)."""

GLYPH_SIZE = 10.0
"""A drawn glyph is narrower and lower than this (points): larger fills are rules, panels, bars."""


def drawn_note_starts(shapes: list) -> list[float]:
    """Where footnotes drawn as outlines start, top down (the y of each number): a glyph at the
    block's left edge raised at least NUMBER_RISE above the glyphs of its row.

    >>> from askwef.ingest.pdf.runs import Shape
    >>> row = [Shape(x, 90.0, x + 3, 95.0, "fill") for x in (76.0, 80.0, 84.0)]
    >>> drawn_note_starts([Shape(71.0, 92.2, 73.0, 95.1, "fill")] + row)
    [92.2]
    """
    glyphs = [s for s in shapes if s.kind == "fill" and s.x1 - s.x0 < GLYPH_SIZE and s.y1 - s.y0 < GLYPH_SIZE]
    if not glyphs:
        return []
    left = min(s.x0 for s in glyphs)
    found: set[float] = set()
    for g in glyphs:
        if g.x0 > left + 1.5:
            continue
        row = [s for s in glyphs if g.x0 < s.x0 <= g.x0 + 4 * GLYPH_SIZE and s.y1 > g.y0 - 4 and s.y0 < g.y1]
        if (len(row) >= 3 and g.y0 - median(s.y0 for s in row) >= NUMBER_RISE
                and g.y1 - g.y0 < NUMBER_HEIGHT * median(s.y1 - s.y0 for s in row)):
            found.add(round(g.y0, 1))
    return sorted(found, reverse=True)

"""Lines -> paragraphs: joined lines, hyphenation undone, list items, tables as rows.

- lines are joined into paragraphs and list items; a word hyphenated at a line end is joined again
  ("trans-" + "formation"), a real hyphen stays ("service-" + "oriented");
- table lines become a "table_header" and one "row" per row, its bullets as items;
- a line stopping well short of the text block's right edge ends its paragraph before a capital
  (list items whose bullets are drawn, not written); a dash opening a line after a finished
  sentence, or in a table cell, is a bullet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from statistics import median

from ..conventions import BULLET_LINE, DASH_ITEM, NUMBERED_ITEM
from ..parsed import Para
from ..text import ends_sentence, split_numbering, starts_lowercase, word_count
from .hyphens import Vocabulary, hyphen_vocabulary, join_lines
from .boxes import box_goes_on, box_title
from .columns import column_edges, right_edges
from .rows import table_paras
from .layout import Line
from .leads import bold_subheading
from .ragged import cut_mid_sentence, room_for, wraps
from .pages import page_value

__all__ = ["Vocabulary", "hyphen_vocabulary", "join_lines", "paragraphs"]

# --- paragraphs --------------------------------------------------------------------------------


@dataclass
class _Open:
    kind: str
    text: str
    markers: list[tuple[int, int]]
    last: Line
    first: Line
    pages: list[tuple[int, int, str]]
    byline: bool = False  # a bold name over its title's lines: every line short, none a new paragraph
    wraps: int = 0  # lines that ended for want of room for the next one's first word; -1: one did not (`ragged.py`)


def paragraphs(lines: list[Line], body: float, vocabulary, labels: list[str] | None = None) -> list[Para]:
    """Lines in reading order -> paragraphs (see the module docstring). `labels` are the printed page
    labels by physical page: each paragraph records where its text is printed.

    A box (a case study, a sidebar) is a unit of its own: "unit" (its title) before its paragraphs,
    "unit_end" after. A pull quote or a box set in the middle of a paragraph interrupts it: the
    paragraph goes on after them. A paragraph of display type that repeats the body (a pull quote)
    is dropped."""
    labels = labels or []
    paras: list[Para] = []
    current: _Open | None = None
    suspended: _Open | None = None
    display: set[int] = set()  # indexes in paras of display-type paragraphs
    leading = _leading(lines)
    edges = right_edges(lines)
    columns = column_edges(lines, edges)
    terms = glossary_terms(lines)
    box = (0, -1)  # (box number, page) of the box being read
    box_column = 0  # the column of the box's last line
    box_size = 0.0  # the type size of the box's title (0 when it has none)

    def mark(line: Line) -> tuple[int, str]:
        label = labels[line.page] if line.page < len(labels) else str(line.page + 1)
        return page_value(label, line.page), label

    def close() -> None:
        nonlocal current
        if current is not None and current.text.strip():
            if current.first.display:
                display.add(len(paras))
            paras.append(_finish(current, body))
        current = None

    def interrupt() -> None:
        """Something set in the middle of the flow: an unfinished paragraph waits for its end."""
        nonlocal current, suspended
        if current is not None and current.kind == "prose" and not current.first.display and not current.first.box \
                and not ends_sentence(current.text):
            suspended, current = current, None
        else:
            close()

    def abandon() -> None:
        """The interrupted paragraph does not go on: it ends where it stopped (dropped, a Word heading over a diagram,
        "3.1.3.2 Line Events", was lost with the next heading)."""
        nonlocal suspended
        if suspended is not None and suspended.text.strip():
            paras.append(_finish(suspended, body))
        suspended = None

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.role in ("furniture", "contents", "figure", "notes"):
            i += 1
            continue
        if line.ends_figure:  # body text again after a figure's caption (`captions.py`)
            close()
            paras.append(Para("figure_end", ""))
        where = (line.box, line.page) if line.box else (0, -1)
        broken = line.page == box[1] + 1 or (line.page == box[1] and line.column > box_column)
        if where != box and box[0] and line.box and broken and box_goes_on(lines, i, box_size):
            # a box broken over a page or a column: it goes on at the top of the next, with no title of its own
            # (or under a subheading of its own, smaller than its title)
            box = where
        box_column = line.column if line.box else box_column
        if where != box:
            interrupt() if line.box else close()
            if box[0]:
                paras.append(Para("unit_end", ""))
            box = where
            if line.box:
                title = box_title(lines, i)
                box_size = line.size if title[0] else 0.0
                paras.append(Para("unit", title[0], pages=(((0,) + mark(line)),)))
                i = title[1]
                continue
        if line.role == "table":
            close()
            j = i
            while j < len(lines) and lines[j].role == "table":
                j += 1
            paras.extend(table_paras(lines[i:j], vocabulary, mark))
            i = j
            continue
        if line.role == "heading":
            text = line.text
            j = i + 1
            while j < len(lines) and lines[j].role == "heading" and lines[j].page == line.page and abs(lines[j].size - line.size) < 0.3 \
                    and 0 < lines[j - 1].y - lines[j].y < HEADING_LEADING * line.size and lines[j].level == line.level:
                text = join_lines(text, lines[j].text, vocabulary)[0]
                j += 1
            close()
            abandon()
            if _runs_on(lines[j - 1], lines[j] if j < len(lines) else None):
                # a heading whose sentence goes on in the text under it ("Clarifying the strategy" +
                # "and roadmaps from a country-level perspective"): one paragraph, as the markdown has it
                nxt = lines[j]
                joined, at = join_lines(text, nxt.text, vocabulary)
                current = _Open("prose", joined, [(o + at, n) for o, n in nxt.markers], nxt, nxt, [(0,) + mark(line)])
                i = j + 1
                continue
            paras.append(Para("heading", text, level=max(1, line.level), pages=(((0,) + mark(line)),)))
            i = j
            continue
        if id(line) in terms:  # a glossary's term and its definition on one baseline: one paragraph
            close()
            meaning = terms[id(line)]
            shift = len(line.text) + 1
            markers = tuple(line.markers) + tuple((o + shift, n) for o, n in meaning.markers)
            text = f"{line.text} {meaning.text}"
            i += 2 if i + 1 < len(lines) and lines[i + 1] is meaning else 1
            while i < len(lines) and _wrapped_meaning(meaning, lines[i], terms):  # "... Integrity and Anti-" + "Corruption"
                text, meaning = join_lines(text, lines[i].text, vocabulary)[0], lines[i]
                i += 1
            paras.append(Para("prose", text, markers, pages=(((0,) + mark(line)),)))
            continue
        if line.cell:  # a diagram's cell: its own paragraph, whatever stands beside it
            close()
            paras.append(Para("prose", line.text, tuple(line.markers), pages=(((0,) + mark(line)),)))
            i += 1
            continue
        if line.display and (current is None or not current.first.display):
            interrupt()
        if suspended is not None and not line.display and not line.box and current is not None and current.first.display:
            close()  # the pull quote ended
        if suspended is not None and current is None and not line.display and not line.box:
            if starts_lowercase(line.text) or abs(line.size - suspended.last.size) < 0.3:
                current = suspended  # the paragraph the pull quote or box interrupted goes on
                current.last = replace_position(current.last, line)
            suspended = None
        bullet = BULLET_LINE.match(line.text)
        if bullet is None and (dash := DASH_ITEM.match(line.text)) and not starts_lowercase(line.text[dash.end():]) \
                and (current is None or current.kind == "item" or ends_sentence(current.text)):
            bullet = dash  # '– Ecosystem enablers: ...' after a finished sentence; not '– such as' mid-sentence
        if bullet is None and (number := NUMBERED_ITEM.match(line.text)) \
                and (current is None or current.kind in ("item", "bold") or ends_sentence(current.text) or current.text.rstrip().endswith(":")):
            bullet = number  # '1. Improvement of ...' under 'Overarching goals ...:', then '2. Strengthening ...'
        kind = "item" if bullet or line.bullet else "prose"
        text = line.text[bullet.end():] if bullet else line.text
        cut = bullet.end() if bullet else 0
        markers = [(max(0, o - cut), n) for o, n in line.markers]
        if current is not None and not bullet and not line.bullet and current.kind == "bold" \
                and _byline(current, line, leading, columns):
            current.kind, current.byline = "prose", True  # 'Carol Zhou' over 'Head of Platforms and Impact,'
        if current is not None and not bullet and not line.bullet and _continues(current, line, leading, body, edges):
            joined, at = join_lines(current.text, text, vocabulary)
            current.text = joined
            current.markers += [(o + at, n) for o, n in markers]
            if line.page != current.last.page:
                current.pages.append((at,) + mark(line))
            current.wraps = wraps(current, line)
            current.last = line
        else:
            close()
            style = "bold" if line.bold and not line.display else kind
            current = _Open(style if kind == "prose" else kind, text, list(markers), line, line, [(0,) + mark(line)])
        i += 1
    close()
    abandon()
    if box[0]:
        paras.append(Para("unit_end", ""))
    return _without_repeats(paras, display)


def glossary_terms(lines: list[Line]) -> dict[int, Line]:
    """id of a glossary's term -> its definition: a short bold line and, next in reading order, a line in the
    regular weight on its baseline well right of it, where a page sets `GLOSSARY_PAIRS` or more such pairs (the
    OECD review's 'Abbreviations and acronyms': 'SAI' ... 'Supreme Audit Institutions', read as the sentences
    'SAI' and 'Supreme Audit Institutions'). A bold heading run into its text is one line, not two."""
    pairs: dict[int, list[tuple[Line, Line]]] = defaultdict(list)
    for a, b in zip(lines, lines[1:]):
        if a.bold and not b.bold and a.role == b.role == "" and a.page == b.page and abs(a.y - b.y) < 0.3 * a.size \
                and word_count(a.text) <= GLOSSARY_TERM_WORDS and b.x0 - a.x1 > 2 * a.size:
            pairs[a.page].append((a, b))
    return {id(a): b for found in pairs.values() if len(found) >= GLOSSARY_PAIRS for a, b in found}


def _wrapped_meaning(meaning: Line, line: Line, terms: dict[int, Line]) -> bool:
    """A glossary definition's wrapped line: set at its left edge right under it (within HEADING_LEADING sizes), in
    its weight, no term beside it (the OECD review's "National Cross-Sectoral Strategy for Integrity and Anti-" over
    "Corruption")."""
    return line.role == "" and id(line) not in terms and line.page == meaning.page and abs(line.x0 - meaning.x0) <= 2 \
        and line.bold == meaning.bold and 0 < meaning.y - line.y <= HEADING_LEADING * line.size \
        and not any(t is line for t in terms.values())


GLOSSARY_TERM_WORDS = 4
"""Words a glossary's term may have: the OECD review's acronyms are one word, 'Diwan' too."""

GLOSSARY_PAIRS = 3
"""Term-and-definition pairs a page must set to be a glossary (the OECD review's run to 30 a page): a bold
phrase beside a line once is a table's cell or a heading."""


def replace_position(last: Line, line: Line) -> Line:
    """The line the resumed paragraph ends on, for the flow tests: the interrupted paragraph's
    style (size, weight) at the new line's place."""
    return Line(page=line.page, x0=line.x0, x1=line.x1, y=line.y, size=last.size, bold=last.bold, text=line.text,
                column=line.column, box=line.box)


def _without_repeats(paras: list[Para], display: set[int]) -> list[Para]:
    """Display-type paragraphs (pull quotes, standfirsts) that repeat another paragraph's words are
    dropped: four-word sequences, at least REPEAT_SHARE of them found in one longer paragraph."""
    if not display:
        return paras

    def grams(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"[^\W_]+", text.casefold())
        return {tuple(words[k : k + 4]) for k in range(max(0, len(words) - 3))}

    bodies = [(k, grams(p.text)) for k, p in enumerate(paras) if k not in display and p.kind in ("prose", "item", "bold")]
    keep: list[Para] = []
    for k, p in enumerate(paras):
        if k in display:
            mine = grams(p.text)
            if mine and any(len(mine & other) >= REPEAT_SHARE * len(mine) and len(other) > len(mine) for _, other in bodies):
                continue
        keep.append(p)
    return keep


REPEAT_SHARE = 0.8
"""A pull quote is edited a little (quotation marks, an ellipsis, a shortened clause): most, not all,
of its four-word sequences stand in the paragraph it quotes."""


def _leading(lines: list[Line]) -> dict[float, float]:
    gaps: dict[float, list[float]] = defaultdict(list)
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and a.column == b.column and abs(a.size - b.size) < 0.3 and 0 < a.y - b.y < 3 * a.size:
            gaps[round(a.size, 1)].append(a.y - b.y)
    return {s: median(g) for s, g in gaps.items()}


def _continues(current: _Open, line: Line, leading: dict[float, float], body: float, edges: dict[tuple[int, int], float]) -> bool:
    """Whether `line` goes on with the open paragraph (same style, normal line gap, or across a column)."""
    last = current.last
    if abs(last.size - line.size) >= 0.3:
        return False
    if last.bold != line.bold and not current.byline and not _emphasis(current, line):
        return False
    if current.kind == "item" and line.x0 <= current.first.x0 + 2 and last.page == line.page and last.column == line.column \
            and (ends_sentence(current.text) or not starts_lowercase(line.text) and _short(last, edges)) and not current.first.bullet:
        # an item's continuation is indented past its bullet, or goes on mid-sentence in lower case or
        # after a line that runs to the column's edge ('- Ecosystem enablers: China has established a
        # vibrant' / 'AI ecosystem that ...', a dash set in the text, its lines flush with it); under a
        # drawn bullet, any line without a bullet of its own goes on with the item
        return False
    # a full-width line over a column's first line at their left edge (a standfirst's short last
    # line is put in the left column) is the same flow too
    spans = last.column != line.column and 0 in (last.column, line.column) and abs(last.x0 - line.x0) <= 2
    same_flow = last.page == line.page and (last.column == line.column or spans) and last.y > line.y
    if same_flow:
        gap = last.y - line.y
        normal = leading.get(round(line.size, 1), 1.2 * line.size)
        if gap > normal * 1.3:
            return False
        # a line that stops well short of the text block's right edge ends its paragraph when a
        # capital follows: list items whose bullets are drawn, not written ("- AI becomes a key
        # driver ..." printed by a browser), and lines of a figure
        if _short(last, edges) and not starts_lowercase(line.text) and not current.byline and room_for(last, line, edges.get((last.page, last.column), last.x1)) \
                and not re.search(r"[,;:\-–(]$|\b(?:and|or|of|the|a|an|to|in)$", last.text) and not cut_mid_sentence(current, line):
            return False
        return True
    # a new column or page: go on only with a sentence cut in the middle, or a byline's title (no new
    # bold name: 'Shi Piao Executive Director, Digital Economy and Green' / 'Innovation Research Center, ...')
    return not ends_sentence(current.text) and (starts_lowercase(line.text) or current.text.endswith("-") or current.byline and not line.bold)


def _short(line: Line, edges: dict[tuple[int, int], float], share: float = 0.7) -> bool:
    """A line that stops well short of its text block's right edge (under `share` of the measure)."""
    right = edges.get((line.page, line.column), line.x1)
    return line.x1 < right - (1 - share) * (right - line.x0)


def _byline(current: _Open, line: Line, leading: dict[float, float], edges: dict[tuple[int, int], float]) -> bool:
    """A bold name over its title in body weight, set as one block ('Carol Zhou' / 'Head of Platforms
    and Impact,' / 'World Economic Forum Beijing' under a foreword): the open paragraph is one bold
    line, the line under it is in the regular weight, the same size and left edge, a normal line gap
    below, and both stop well short of the column's edge. A bold subheading's paragraph opens with a
    full line, or stands further off."""
    last = current.last
    if current.first is not last or line.bold or last.page != line.page or last.column != line.column or last.box != line.box:
        return False
    normal = leading.get(round(line.size, 1), 1.2 * line.size)
    return abs(last.size - line.size) < 0.3 and abs(last.x0 - line.x0) <= 2 and 0 < last.y - line.y <= normal * 1.3 \
        and _short(last, edges) and _short(line, edges, BYLINE_TITLE_SHARE) and not ends_sentence(line.text)


BYLINE_TITLE_SHARE = 0.85
"""Share of the column a byline's title line stays under (a paragraph's first line fills it): the
Chromium print's contributors' titles reach 71-73% ('Senior Research Fellow, Tencent Research
Institute,'); at 0.85 no other sentence of the four PDFs (WEF template, Chromium, OECD, UK) changed."""


def _runs_on(heading: Line, line: Line | None) -> bool:
    """The line right under a heading (same page, column and left edge, within RUN_ON_GAP of its
    size) opens in lower case: the heading's words are the start of its sentence. Not under a numbered heading: the
    Debian FAQ's "8.1.3 aptitude" over "aptitude is a package manager ..." (a program's name) is a section's title."""
    return line is not None and line.role == "" and not line.box and line.page == heading.page and line.column == heading.column \
        and not split_numbering(heading.text)[0] \
        and abs(line.x0 - heading.x0) <= 2 and 0 < heading.y - line.y <= RUN_ON_GAP * heading.size and starts_lowercase(line.text) \
        and not DASH_ITEM.match(line.text) and not BULLET_LINE.match(line.text)


HEADING_LEADING = 1.6
"""Baseline gap (in type sizes) within which a heading's next line of the same size is its wrapped
second line: headings are set solid or close (1.1-1.3 sizes in the WEF template, the Chromium print,
the OECD review); headings one under the other further apart are separate (a list of contributors:
"Lead authors", "World Economic Forum", "Na Na", 1.8 sizes apart)."""

RUN_ON_GAP = 1.8
"""Baseline gap (in the heading's type sizes) within which a lower-case line continues a heading:
a browser sets the Blueprint's run-on headings 1.5 sizes above their text; a heading followed by
a new paragraph stands further off, or the paragraph opens with a capital."""


def _emphasis(current: _Open, line: Line) -> bool:
    """A change of weight inside a sentence: the open text stops mid-sentence and the line goes on in
    lower case, or in the weight the line before ended in ("... AI for IOT. The government is" with
    its last words bold, then bold "currently undertaking a wider review"), in the same column
    (`_continues` checks the line gap), or in lower case at the top of the next column or page (the UK
    strategy: '... The government has' / bold 'introduced the National Security and'). A bold line
    after a finished sentence, or one opening with a capital after a line of the other weight, starts
    a paragraph (a run-in heading)."""
    last = current.last
    if last.box != line.box or ends_sentence(current.text) or current.text.rstrip().endswith(":"):
        return False
    if last.page != line.page or last.column != line.column:
        return starts_lowercase(line.text)
    # back to the regular weight of a paragraph that opened in it: the emphasis ended mid-sentence
    back = not current.first.bold and not line.bold
    return starts_lowercase(line.text) or back or _edge_weight(last, -1) == _edge_weight(line, 0)


def _edge_weight(line: Line, end: int) -> bool:
    """Whether the first (end=0) or last (end=-1) words of a line are bold."""
    runs = [r for r in line.runs if r.text.strip()]
    return runs[end].bold if runs else line.bold


def _finish(p: _Open, body: float) -> Para:
    text = p.text.strip()
    markers = tuple((min(o, len(text)), n) for o, n in p.markers)
    pages = tuple(p.pages)
    if p.kind == "bold":  # a subheading, or a sentence set in bold (`leads.py`)
        return Para("bold", text, pages=pages) if bold_subheading(text, (p.first, p.last), body) else Para("prose", text, markers, pages=pages)
    return Para(p.kind, text, markers, pages=pages)

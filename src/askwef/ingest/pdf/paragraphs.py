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

from ..conventions import BULLET_LINE, DASH_ITEM, URL_TAIL
from ..parsed import Para
from ..text import Cleaned, ends_sentence, starts_lowercase, word_count
from .layout import Line

# --- joining lines -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """What the report's own lines say about hyphens, lower case: 'ai-powered' seen inside a line,
    plain words, and the parts hyphenated words are made of ('cross' from 'cross-border')."""

    hyphenated: frozenset[str]
    plain: frozenset[str]
    parts: frozenset[str]


def hyphen_vocabulary(lines: list[Line]) -> Vocabulary:
    hyphenated: set[str] = set()
    plain: set[str] = set()
    for line in lines:
        words = line.text.split()
        for i, w in enumerate(words):
            w = w.strip(".,;:()\"'“”‘’").casefold()
            if i == 0 or (i == len(words) - 1 and w.endswith("-")):
                continue  # a line's first and last words may be halves of a broken word
            if "-" in w.strip("-"):
                hyphenated.add(w)
            elif w.isalpha():
                plain.add(w)
    parts = {p for w in hyphenated for p in w.split("-") if p}
    return Vocabulary(frozenset(hyphenated), frozenset(plain), frozenset(parts))


def join_lines(left: str, right: str, vocabulary: Vocabulary) -> tuple[str, int]:
    """Join two lines: 'trans-' + 'formation' -> 'transformation'; the second line's offset is returned.

    A hyphen at a line end stays when the report writes the word with it elsewhere; it goes when the
    report uses the joined word. Otherwise it stays when the first half is a word of the report
    ('service-' + 'oriented'), an acronym or holds a digit ('AI-', '5G-'), and goes when it is a
    fragment ('trans-' + 'formation').
    """
    if m := URL_TAIL.search(left):
        url = m.group(0)
        first = right.split(" ", 1)[0]
        if url.endswith("://") or not first.startswith(("http", "www.")) and (not url.endswith((".", ",", ";")) or ("/" in first and not first[:1].isupper())):
            return left + right, len(left)
    if re.search(r"[A-Za-z0-9]-$", left) and right[:1].isalpha():
        head = re.search(r"([\w\-]*)-$", left).group(1)
        tail = re.match(r"[\w\-]*", right).group(0)
        last_part = head.split("-")[-1]
        joined_h = f"{head}-{tail}".casefold()
        joined = f"{head}{tail}".casefold()
        v = vocabulary
        head_word = last_part.casefold()
        keep = joined_h in v.hyphenated or (
            joined not in v.plain
            and (
                "-" in tail  # 'vehicle-' + 'road-city'
                or "-" in head  # 'order-to-' + 'delivery'
                or (len(head_word) >= 3 and (head_word in v.plain or head_word in v.parts))
                or last_part.isupper() or any(c.isdigit() for c in last_part)
                or not right[:1].islower()
            )
        )
        if keep:
            return left + right, len(left)
        return left[:-1] + right, len(left) - 1
    if not left:
        return right, 0
    return left + " " + right, len(left) + 1


# --- paragraphs --------------------------------------------------------------------------------


@dataclass
class _Open:
    kind: str
    text: str
    markers: list[tuple[int, int]]
    last: Line
    first: Line


def paragraphs(lines: list[Line], body: float, vocabulary) -> list[Para]:
    paras: list[Para] = []
    current: _Open | None = None
    leading = _leading(lines)
    edges = _right_edges(lines)
    i = 0

    def close() -> None:
        nonlocal current
        if current is not None and current.text.strip():
            paras.append(_finish(current))
        current = None

    while i < len(lines):
        line = lines[i]
        if line.role in ("furniture", "contents"):
            i += 1
            continue
        if line.role == "table":
            close()
            j = i
            while j < len(lines) and lines[j].role == "table":
                j += 1
            paras.extend(_table(lines[i:j], vocabulary))
            i = j
            continue
        if line.role == "heading":
            text = line.text
            j = i + 1
            while j < len(lines) and lines[j].role == "heading" and lines[j].page == line.page and abs(lines[j].size - line.size) < 0.3 \
                    and 0 < lines[j - 1].y - lines[j].y < 2 * line.size and lines[j].level == line.level:
                text = join_lines(text, lines[j].text, vocabulary)[0]
                j += 1
            close()
            paras.append(Para("heading", text, level=max(1, line.level)))
            i = j
            continue
        bullet = BULLET_LINE.match(line.text)
        if bullet is None and (dash := DASH_ITEM.match(line.text)) and not starts_lowercase(line.text[dash.end():]) \
                and (current is None or current.kind == "item" or ends_sentence(current.text)):
            bullet = dash  # '– Ecosystem enablers: ...' after a finished sentence; not '– such as' mid-sentence
        kind = "item" if bullet else "prose"
        text = line.text[bullet.end():] if bullet else line.text
        cut = bullet.end() if bullet else 0
        markers = [(max(0, o - cut), n) for o, n in line.markers]
        if current is not None and not bullet and _continues(current, line, leading, body, edges):
            joined, at = join_lines(current.text, text, vocabulary)
            current.text = joined
            current.markers += [(o + at, n) for o, n in markers]
            current.last = line
        else:
            close()
            style = "bold" if line.bold else kind
            current = _Open(style if kind == "prose" else kind, text, list(markers), line, line)
        i += 1
    close()
    return paras


def _leading(lines: list[Line]) -> dict[float, float]:
    gaps: dict[float, list[float]] = defaultdict(list)
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and a.column == b.column and abs(a.size - b.size) < 0.3 and 0 < a.y - b.y < 3 * a.size:
            gaps[round(a.size, 1)].append(a.y - b.y)
    return {s: median(g) for s, g in gaps.items()}


def _right_edges(lines: list[Line]) -> dict[tuple[int, int], float]:
    """Where body lines end on each page and column: the right edge of the text block."""
    edges: dict[tuple[int, int], float] = {}
    for line in lines:
        if line.role == "":
            key = (line.page, line.column)
            edges[key] = max(edges.get(key, 0.0), line.x1)
    return edges


def _continues(current: _Open, line: Line, leading: dict[float, float], body: float, edges: dict[tuple[int, int], float]) -> bool:
    """Whether `line` goes on with the open paragraph (same style, normal line gap, or across a column)."""
    last = current.last
    if abs(last.size - line.size) >= 0.3 or last.bold != line.bold:
        return False
    if current.kind == "item" and line.x0 <= current.first.x0 + 2 and last.page == line.page and last.column == line.column:
        return False  # an item's continuation is indented past its bullet
    same_flow = last.page == line.page and last.column == line.column and last.y > line.y
    if same_flow:
        gap = last.y - line.y
        normal = leading.get(round(line.size, 1), 1.2 * line.size)
        if gap > normal * 1.3:
            return False
        # a line that stops well short of the text block's right edge ends its paragraph when a
        # capital follows: list items whose bullets are drawn, not written ("- AI becomes a key
        # driver ..." printed by a browser), and lines of a figure
        right = edges.get((last.page, last.column), last.x1)
        if last.x1 < right - 0.3 * (right - last.x0) and not starts_lowercase(line.text) \
                and not re.search(r"[,;:\-–(]$|\b(?:and|or|of|the|a|an|to|in)$", last.text):
            return False
        return True
    # a new column or page: go on only with a sentence cut in the middle
    return not ends_sentence(current.text) and (starts_lowercase(line.text) or current.text.endswith("-"))


def _finish(p: _Open) -> Para:
    text = p.text.strip()
    markers = tuple((min(o, len(text)), n) for o, n in p.markers)
    if p.kind == "bold":
        if word_count(text) <= 14 and not text.endswith("."):
            return Para("bold", text)
        return Para("prose", text, markers)
    return Para(p.kind, text, markers)


def _table(lines: list[Line], vocabulary) -> list[Para]:
    """Table lines (header cells first) -> a "table_header" and one "row" per row, bullets as items."""
    header = [l for l in lines if l.level == -1]
    cells = [l for l in lines if l.level != -1]
    out: list[Para] = []
    if header:
        out.append(Para("table_header", " | ".join(l.text for l in sorted(header, key=lambda l: l.x0))))
    rows: list[tuple[list[Line], list[Line]]] = []
    previous_first: Line | None = None
    for line in sorted(cells, key=lambda l: (l.page, -l.y, l.x0)):
        if line.column == 0:
            starts = previous_first is None or previous_first.page != line.page or previous_first.y - line.y > 1.25 * 1.3 * line.size
            if starts or not rows:
                rows.append(([line], []))
            else:
                rows[-1][0].append(line)
            previous_first = line
        elif rows:
            rows[-1][1].append(line)
    for first, rest in rows:
        head = ""
        for l in first:
            head = join_lines(head, l.text, vocabulary)[0] if head else l.text
        items: list[Cleaned] = []
        text, markers = "", []
        for l in rest:
            # in a cell, a dash opening a line is a bullet too ('– AI forecasts ...')
            bullet = BULLET_LINE.match(l.text) or DASH_ITEM.match(l.text)
            body = l.text[bullet.end():] if bullet else l.text
            cut = bullet.end() if bullet else 0
            m = [(max(0, o - cut), n) for o, n in l.markers]
            if bullet or not text:
                if text:
                    items.append(Cleaned(text, tuple(markers)))
                text, markers = body, m
            else:
                text, at = join_lines(text, body, vocabulary)
                markers += [(o + at, n) for o, n in m]
        if text:
            items.append(Cleaned(text, tuple(markers)))
        out.append(Para("row", head, items=tuple(items)))
    return out

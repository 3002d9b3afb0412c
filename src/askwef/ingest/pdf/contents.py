"""The Contents page: its rows ("Title .... 12", "Title<tab>12", a title wrapped onto the next line, a row whose page
is not read before the next entry's), levels from their indentation, and the numbers that open titles kept only when
they are numbering; the lists of figures after it and the Contents a part prints of itself, read as Contents lines.
"""

from __future__ import annotations

import re

from ..conventions import CONTENTS_ROW_PRINTED
from ..parsed import ContentsEntry
from ..text import ends_sentence, split_numbering, title_key, word_count
from .layout import Line


def contents_page(lines: list[Line], body: float) -> tuple[list[ContentsEntry], int]:
    """The Contents page's entries and the index of the first line after them (0 when there is none).

    Rows are 'Title .... 12' or 'Title<tab>12' (a title and, far right, its page: one line, see
    `columns`); a title wrapped onto the next line is joined to it; the list may run onto the next
    pages. Levels come from the indentation when the rows are indented (0 when they are not: the
    numbering says it)."""
    start = next((i for i, l in enumerate(lines[:600]) if title_key(l.text) in CONTENTS_TITLES and l.size >= body), None)
    if start is None:
        return [], 0
    rows, last = _list_at(lines, start)
    if not rows:
        return [], 0
    rows = _lone_numbers(rows)
    indents = sorted({round(x / 3) for *_, x in rows})
    levels = {x: min(k + 1, 4) for k, x in enumerate(indents)} if 1 < len(indents) <= 4 else {}
    entries = [ContentsEntry(n, t, p, levels.get(round(x / 3), 0)) for n, t, p, x in rows if title_key(t) not in LIST_TITLES]
    return entries, last + 1


def figure_lists(lines: list[Line], start: int) -> None:
    """Lists of figures, tables or boxes (`LIST_TITLES`) printed after the Contents, within CONTENTS_PAGES of it: their
    heading and rows are Contents lines (`role`), not sentences (a manual's 497 rows, "The static accounting equation
    ......", were quoted as answers)."""
    first = lines[start].page if start < len(lines) else 0
    i = start
    while i < len(lines) and lines[i].page - first < CONTENTS_PAGES:
        if lines[i].role == "heading" and title_key(lines[i].text) in LIST_TITLES:
            i = _list_at(lines, i)[1]  # on past the list's rows
        i += 1


def inner_contents(lines: list[Line], start: int, known: set[str]) -> None:
    """The Contents a part or chapter prints of itself, after the main one (`start`: the first line after it): a heading
    titled as a Contents and rows, most of them (INNER_MATCHED) entries the report lists already (`known`: title keys of
    the main Contents' entries and the outline's), are Contents lines, not sentences (the GnuCash guide's four parts
    each open on one: 70, 130, 88 and 39 rows read as their part's prose)."""
    i = start
    while i < len(lines):
        if lines[i].role == "heading" and title_key(lines[i].text) in CONTENTS_TITLES:
            rows, _ = _rows(lines, i)
            if rows and sum(title_key(t) in known for _, t, _, _ in rows) >= INNER_MATCHED * len(rows):
                i = _list_at(lines, i)[1]
        i += 1


def _list_at(lines: list[Line], start: int) -> tuple[list[tuple[str, str, int, float]], int]:
    """The rows of the list whose heading is `lines[start]` and the index of its last line, its lines marked as Contents
    lines; ([], start) when fewer than three rows follow (no list)."""
    rows, last = _rows(lines, start)
    if len(rows) < 3:
        return [], start
    for line in lines[start : last + 1]:
        line.role = "contents"
    return rows, last


def _rows(lines: list[Line], start: int) -> tuple[list[tuple[str, str, int, float]], int]:
    """The rows of the list whose heading is `lines[start]`, (number, title, page, x0) each, and the index of its last."""
    rows: list[tuple[str, str, int, float]] = []  # (number, title, page, x0)
    i = start + 1
    last = start
    pending: tuple[str, float] | None = None
    while i < len(lines):
        line = lines[i]
        if line.page - lines[start].page >= CONTENTS_PAGES:
            break
        if (line.role in ("furniture", "figure") and not _number_beside(lines, i)) or (rows and _running_title(lines, i)):
            i += 1
            continue
        following = CONTENTS_ROW_PRINTED.match(line.text)
        if pending and following and following.group("page").isdigit() and _next_entry(pending[0], line.text):
            # a row without its page ('Chapter 5 PLATYPUS ... Scripts') and the next entry ('5.1 Design Goals ... 65'):
            # two rows, not a title wrapped; the chapter starts where its first section does
            number, bare = split_numbering(pending[0].strip())
            rows.append((number, bare, int(following.group("page")), pending[1]))
            last, pending = i - 1, None
        text = f"{pending[0]} {line.text}" if pending else line.text
        m = CONTENTS_ROW_PRINTED.match(text)
        if not m and not pending and rows and (turned := _page_turned(lines, i, max(r[2] for r in rows))) is not None:
            i = turned  # a line at the foot of a Contents page (RTKLIB's copyright line and folio 'i'), the list going on
            continue
        if m and m.group("page").isdigit() and int(m.group("page")) < max((r[2] for r in rows), default=0):
            break  # pages run forward: a wrapped "row" ending in a smaller number ("... Canada, Level 1") is past the list
        if m and _wrapped_at_number(m, rows, _following(lines, i, lines[start].page)):
            pending = (text, pending[1] if pending else line.x0)  # 'NAT assays from 2017' / 'hepatitis testing guidelines 81'
        elif m:
            number, bare = split_numbering(m.group("title").replace("\t", " ").strip())
            page = m.group("page")
            rows.append((number, bare, int(page) if page.isdigit() else 0, pending[1] if pending else line.x0))
            last, pending = i, None
        elif ((word_count(text) <= 25 and not ends_sentence(text)) or _question_wrapped(text, lines, i, lines[start].page, rows)) \
                and (line.role != "heading" or rows):
            # a title wrapped onto the next line (a chapter's in heading type too), or the next few (the Debian Policy
            # Manual's "7.7 Relationships between ... Build-Depends," "Build-Depends-Arch," "Build-Conflicts," ... 64)
            pending = (text, pending[1] if pending else line.x0)
        else:
            break
        i += 1
    return rows, last


def _number_beside(lines: list[Line], i: int) -> bool:
    """Whether `lines[i]`, a line the page's regions took for a chart's label, is a lone section number ("1", "2.1")
    set on the baseline of the next line, to its left: a Contents row's number, its title after a tab (Word's
    "1<tab>OVERVIEW......6", read as two lines; the National Hydro Network model's chapters 1 to 3 lost their numbers,
    and with them their level)."""
    after = lines[i + 1] if i + 1 < len(lines) else None
    return (bool(LONE_NUMBER.fullmatch(lines[i].text.strip())) and after is not None and after.page == lines[i].page
            and abs(after.y - lines[i].y) < BASELINE_SLACK * lines[i].size and after.x0 > lines[i].x1)


def _running_title(lines: list[Line], i: int) -> bool:
    """Whether `lines[i]` is the Contents' running head, its title ("CONTENTS") at the top of a page it runs on to: read as
    the first words of the next row, it made the Debian FAQ's chapter 4 "CONTENTS 4 Compatibility issues"."""
    return title_key(lines[i].text) in CONTENTS_TITLES and (i == 0 or lines[i - 1].page != lines[i].page)


def _question_wrapped(text: str, lines: list[Line], i: int, first: int, rows: list[tuple[str, str, int, float]]) -> bool:
    """Whether `text`, a row with no page that ends a sentence or runs past 25 words ("2.5 Why does ... contain
    symlinks for 'frozen' and 'unstable'?"), is a question title wrapped onto the next line: numbered as the entry
    after the last row, up to WRAPPED_WORDS words, and the next line has no number of its own and ends in a page that
    goes on from the rows before ("I thought this CD contains just 'stable'! ..... 6"). Read as the end of the list,
    it cut the Debian FAQ's seven-page Contents after 2.4: chapters 3 to 16 were never looked for."""
    if not rows or word_count(text) > WRAPPED_WORDS or not _numbered_after(rows[-1][0], split_numbering(text.strip())[0]):
        return False
    following = _following(lines, i, first)
    joined = CONTENTS_ROW_PRINTED.match(f"{text} {following}")
    return (bool(joined) and joined.group("page").isdigit() and not split_numbering(following.strip())[0]
            and CONTENTS_ROW_PRINTED.match(following) is not None and int(joined.group("page")) >= max(r[2] for r in rows))


def _numbered_after(before: str, after: str) -> bool:
    """Whether the number `after` comes right after `before` in a Contents: its first subsection ('3.1' then '3.1.1'),
    the next at its level or at a level above ('3.1.13' then '3.1.14', '3.2' or '4')."""
    if not before or not after:
        return False
    parts = before.split(".")
    nexts = {".".join([*parts[:k], _successor(parts[k])]) for k in range(len(parts))}
    return after == f"{before}.1" or after in nexts


def _page_turned(lines: list[Line], i: int, last: int) -> int | None:
    """The index of the next page's first line when `lines[i]` and the (at most FOOT_LINES) lines after it on its page
    are no Contents rows, and that line is a numbered row going on from the rows before (its page `last` or after): the
    list runs over the page past its foot lines. None otherwise: the list ends at `lines[i]`."""
    j = i
    while j < len(lines) and lines[j].page == lines[i].page:
        if j - i >= FOOT_LINES or CONTENTS_ROW_PRINTED.match(lines[j].text):
            return None
        j += 1
    while j < len(lines) and lines[j].role in ("furniture", "figure"):
        j += 1
    m = CONTENTS_ROW_PRINTED.match(lines[j].text) if j < len(lines) and lines[j].page == lines[i].page + 1 else None
    if not m or not m.group("page").isdigit() or int(m.group("page")) < last or not split_numbering(m.group("title").strip())[0]:
        return None
    return j


def _following(lines: list[Line], i: int, first: int) -> str:
    """The text of the list's next line after `lines[i]` (furniture and figures skipped), "" past the list's pages."""
    for line in lines[i + 1 :]:
        if line.page - first >= CONTENTS_PAGES:
            return ""
        if line.role not in ("furniture", "figure"):
            return line.text
    return ""


def _wrapped_at_number(row: re.Match, rows: list[tuple[str, str, int, float]], following: str) -> bool:
    """Whether a row that seems to end in its page ends in a number of its title, wrapped there: the WHO HCV guideline's
    '8.5 Summary of the evidence – laboratory-based HCV RNA NAT assays from 2017' over 'hepatitis testing guidelines
    81'. Its 'page' runs ahead of the next line's, which is no entry of its own (no number opens it) and whose page
    goes on from the rows before; read as a row, 2017 made 81 look past the list, and the Contents stopped there."""
    after = CONTENTS_ROW_PRINTED.match(following)
    if not row.group("page").isdigit() or not after or not after.group("page").isdigit() or split_numbering(following.strip())[0]:
        return False
    before = max((r[2] for r in rows), default=0)
    return before <= int(after.group("page")) < int(row.group("page"))


def _next_entry(pending: str, text: str) -> bool:
    """Whether `text` opens the Contents entry after the row `pending`, which has no page: numbered as its first
    subsection ('5' then '5.1') or as the next of its level ('8.3' then '8.4'), not as a title's wrapped words."""
    before, after = split_numbering(pending.strip())[0], split_numbering(text.strip())[0]
    if not before or not after:
        return False
    head, _, last = before.rpartition(".")
    following = f"{head}.{_successor(last)}" if head else _successor(last)
    return after in (f"{before}.1", following)


def _successor(number: str) -> str:
    """The number or letter after `number` ('9' -> '10', 'A' -> 'B')."""
    return str(int(number) + 1) if number.isdigit() else chr(ord(number) + 1) if len(number) == 1 and number.isalpha() else ""


INNER_MATCHED = 0.5
"""The share of a part's own Contents rows that must be entries of the report's Contents or outline (the GnuCash guide's
part Contents: all of them; a list of steps headed 'Contents' elsewhere would name none)."""

CONTENTS_TITLES = frozenset({"contents", "tableofcontents"})

LONE_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-Z](?:\.\d{1,2}){0,3}")
"""A section number standing alone on a line: "1", "2.1", "3.1.4", "A.2"."""

WRAPPED_WORDS = 60
"""Words a numbered Contents title may run to over its wrapped lines: the Debian FAQ's 3.1.12, a question of three
lines, has 36 (titles of up to 25 words are taken as wrapped without its number's check)."""

BASELINE_SLACK = 0.3
"""Two lines whose baselines differ by less than this many type sizes are set on one baseline (Word's Contents number
and title, split at the tab: the same y to the hundredth of a point)."""

LIST_TITLES = frozenset({f"listof{kind}" for kind in ("figures", "tables", "boxes", "exhibits", "charts", "illustrations",
                                                      "examples", "equations", "maps", "infographics")})
"""The headings of the lists of figures, tables or boxes that follow a Contents (`title_key`s): the Contents entry
naming one opens no section."""

FOOT_LINES = 3
"""Lines at the foot of a Contents page, under its rows, that do not end a list going on over the page: the RTKLIB
manual prints a copyright line and its folio 'i' there (2); read as the list's end, its second page (Appendix B to the
References, p101-p183 of 183) was never listed, and those 82 pages were filed under the last entry, A.5."""

CONTENTS_PAGES = 10
"""A Contents list runs over at most this many pages (rows only: the first line that is no row ends it). Three, as
before, cut the Debian Policy Manual's eight pages short: its chapters 8 to 12 were never looked for, and their
2,300 sentences filed under 7.6.2."""


def _lone_numbers(rows: list[tuple[str, str, int, float]]) -> list[tuple[str, str, int, float]]:
    """A number opening a Contents title is the section's number only when it is one of a sequence:
    another entry carries the number before or after it, or a subsection ('2.1') of it. Alone it is
    the title's first word (the UK strategy's '10 Year Vision' among unnumbered entries)."""
    numbers = {n for n, *_ in rows}
    out = []
    for number, bare, page, x0 in rows:
        if number.isdigit():
            value = int(number)
            kin = {str(value - 1), str(value + 1)} & numbers or any(n.startswith(number + ".") for n in numbers)
            if not kin:
                number, bare = "", f"{number} {bare}"
        out.append((number, bare, page, x0))
    return out

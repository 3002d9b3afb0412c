"""Assemble: a `ParsedReport` -> `Document`, the section tree shared by every reader.

- sections are the Contents entries, found in the body in Contents order by title, at their Contents page when a title
  is printed before it too (`contentspages`: a program's name in a listing is not its appendix); a chapter the
  Contents lists without subsections gets its subsections from body headings that introduce prose
  ("3 Scaling AI innovation in industries > Healthcare");
- "CASE STUDY 1", "USE CASE 3" start a named unit inside the section; a table's rows carry its title
  (its caption's, not a bold line between the caption and the table);
- paragraphs the conversion split mid-sentence are joined again;
- figures (from "FIGURE N" to their "Source:" line) never open sections, and their note markers are
  figure-local, not endnotes; a figure's text stays in the section's running text, in a PDF as in
  the markdown (no named unit: the same report reads the same, and its chunks and answers with it).

>>> doc = assemble("r.md", "0" * 64, read_markdown(Path("corpus/blueprint-to-action-china-ai-2025.md").read_text()))  # doctest: +SKIP
>>> doc.sections[5].path                                                                                  # doctest: +SKIP
"1 China's national strategy and governance approach"
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..types import Block, Document, Section, SentenceSpan, cited_entries, cited_references
from .contentspages import Finder, Found, candidates_from, fold, joined_match
from .conventions import DATED_END, ENDNOTE_HEADINGS, FIGURE, MIN_PROSE_WORDS, SOURCE, TABLE, UNIT
from .parsed import Para, ParsedReport
from .text import (
    Cleaned,
    ends_sentence,
    file_title,
    printed_as,
    split_numbering,
    split_sentences,
    starts_lowercase,
    title_key,
    word_count,
)


def _numbered_parent(sections: list[_SectionBuilder], number: str) -> _SectionBuilder | None:
    """The last section opened that is numbered one level up from `number` ("1.2" for "1.2.1"), or None."""
    return next((s for s in reversed(sections) if s.number and s.number == number.rpartition(".")[0]), None)


def _is_prose(p: Para | None, min_words: int = MIN_PROSE_WORDS) -> bool:
    return p is not None and p.kind == "prose" and word_count(p.text) >= min_words and not SOURCE.match(p.text)


def _join(a: Para, b: Para) -> Para:
    shift = len(a.text) + 1
    return Para("prose", a.text + " " + b.text, a.markers + tuple((o + shift, n) for o, n in b.markers),
                pages=a.pages + tuple((o + shift, n, label) for o, n, label in b.pages))


def rejoin_paragraphs(paras: list[Para], keys: set[str], *, runs_on: bool = True) -> list[Para]:
    """Join paragraphs the conversion split mid-sentence ("...lower" + "maintenance costs ...").
    With `runs_on`, a heading or bold line followed by lower case is the start of that sentence; a
    PDF reader, which sees where lines stand, joins those itself (a diagram's bold row and the
    lower-case label under it are not one sentence)."""
    out: list[Para] = []
    for p in paras:
        prev = out[-1] if out else None
        if prev is not None and p.kind == "prose" and not SOURCE.match(p.text) and not TABLE.match(p.text):
            if prev.kind == "prose" and not ends_sentence(prev.text) and not FIGURE.match(prev.text) and not TABLE.match(prev.text):
                if starts_lowercase(p.text) or (word_count(prev.text) >= 20 and word_count(p.text) >= 3 and not DATED_END.search(prev.text)):
                    out[-1] = _join(prev, p)
                    continue
            if runs_on and prev.kind in ("heading", "bold") and starts_lowercase(p.text) and title_key(prev.text) not in keys:
                # a heading that runs on into the next line: "Clarifying the strategy" + "and roadmaps ..."
                out[-1] = _join(Para("prose", prev.text, pages=prev.pages), p)
                continue
        out.append(p)
    return out


@dataclass
class _SectionBuilder:
    path: str
    title: str
    number: str
    level: int
    page: int
    blocks: list[tuple] = field(default_factory=list)
    # each block: (kind, text, unit, markers, items-for-rows, pages: (offset, page, label) marks)
    printed: tuple = ()  # the heading paragraphs that opened it, (text, pages) each: its text again if it is folded back


def assemble(name: str, sha256: str, report: ParsedReport, source: str = "markdown") -> Document:
    """Build the section tree of a parsed report; see the module docstring for the rules."""
    warnings = list(report.warnings)
    # a note or reference list is no section; an appendix or chapter numbered so is one, whatever its title (the R
    # manual's "Appendix A References", a list of books in prose: read as "A References", not run into the index before it)
    entries = [e for e in report.contents if title_key(e.title) not in ENDNOTE_HEADINGS or e.number]
    keys = {title_key(e.title) for e in entries}
    listed_children = {e.number.split(".")[0] for e in entries if "." in e.number}
    listed = {e.number for e in entries if e.number}
    # chapters whose subsections the Contents lists (by number, or by depth when the reader knows it)
    parents = {title_key(e.title) for e, nxt in zip(entries, entries[1:]) if e.level == 1 and nxt.level > 1}
    first_page = min((e.page for e in entries), default=1)
    paras = rejoin_paragraphs(list(report.paras), keys, runs_on=source != "pdf")

    sections: list[_SectionBuilder] = []
    chapter: _SectionBuilder | None = None
    next_entry = 0
    unit = ""
    in_figure = False
    table_label, label_page = "", 0  # the last table caption's label, and the page it is printed on (0: not known)
    table_unit = ""
    title_candidate = ""
    captioned = False  # a table caption that names its table ('Table 2.1. PAR areas covered ...'), until prose follows
    box_unit: str | None = None  # the title of the PDF box being read ("" when it has none); None outside a box
    consumed: set[int] = set()
    finder = Finder(entries, paras)

    def open_section(title: str, number: str, page: int, parent: _SectionBuilder | None, printed: tuple = ()) -> _SectionBuilder:
        nonlocal title_candidate, captioned
        title_candidate, captioned = "", False  # a bold line of the section before does not title this one's table
        label = f"{number} {title}".strip()
        path = f"{parent.path} > {label}" if parent else label
        builder = _SectionBuilder(path, title, number, parent.level + 1 if parent else 1, page, printed=printed)
        sections.append(builder)
        return builder

    front = [False]  # whether the first section is the PDF's text before its first section

    def add(kind: str, text: str, markers=(), items=(), unit_name: str | None = None, pages=()) -> None:
        if not sections and source == "pdf":
            # a PDF's text before its first section (a title page, a report without headings) is kept,
            # under the report's title
            open_section(report.title or "Front matter", "", pages[0][1] if pages else 1, None)
            front[0] = True
        if sections:
            u = unit if unit_name is None else unit_name
            sections[-1].blocks.append((kind, text, u, tuple(markers), tuple(items), tuple(pages)))

    body_again = False  # the paragraph after a PDF's "figure_end": body text, whatever it opens with
    for i, p in enumerate(paras):
        if i in consumed:
            continue
        if p.kind == "figure_end":  # the PDF reader saw the body's type again after a figure's caption
            in_figure, body_again = False, True
            continue
        after_figure, body_again = body_again, False
        nxt = next((paras[j] for j in range(i + 1, len(paras)) if j not in consumed and paras[j].kind != "figure_end"), None)
        text = p.text
        headingish = p.kind in ("heading", "bold")
        captioned = captioned and p.kind != "prose"

        # a figure runs from "FIGURE N" to its Source/Note line (or the next real paragraph; in a PDF, to the body's type)
        if in_figure and (SOURCE.match(text) or (_is_prose(p) and ends_sentence(text)) or (headingish and title_key(text) in keys)):
            in_figure = False
            if SOURCE.match(text):
                add("caption", text, pages=p.pages, unit_name="")
                continue
        if FIGURE.match(text):
            in_figure, unit, table_unit = True, box_unit or "", ""  # a figure in a box: the box goes on after it
            add("caption", text, pages=p.pages, unit_name="")
            continue
        if in_figure or (SOURCE.match(text) and not after_figure):
            add("item" if p.kind == "item" else "caption", text, pages=p.pages, unit_name="" if in_figure else None)
            continue

        if headingish:
            key, page, used = title_key(text), _first_page(p), []
            candidates = candidates_from(entries, next_entry, page)
            # (not a title printed pages before its entry's while a heading at that page prints it: `contentspages`)
            match = next((j for j in candidates if printed_as(entries[j].number, entries[j].title, text)
                          and not finder.premature(j, i, page)), None)
            if match is None and key:
                # a title printed in two sizes or lines: "Pillar 1:" over "Investing in the long-term ..."
                match, used = joined_match(paras, i, consumed, entries, candidates)
                match, used = (None, []) if match is not None and finder.premature(match, i, page) else (match, used)
                consumed.update(used)
            if match is None and (back := finder.recover(text, page, next_entry)) is not None:
                # an entry skipped by a match printed before its page, printed at its own: read again from that match
                match, wrong = back
                fold(sections, wrong.section)
                chapter = wrong.chapter
            if match is not None:
                e = entries[match]
                finder.found.append(Found(match, page, len(sections), chapter))
                printed = tuple((paras[j].text, paras[j].pages) for j in (i, *used))
                next_entry = match + 1
                unit, table_unit = "", ""
                if e.level > 1:  # a reader that knows the depth (indentation, outline): nest under the open section above it,
                    # or under the one its number says: NIST SP 800-223's Contents page has no line for '2.1' (not in its text
                    # layer) and indents '2.1.1' one step under '2', while the body prints '2.1' over it
                    parent = (_numbered_parent(sections, e.number) if "." in e.number else None) or next(
                        (s for s in reversed(sections) if s.level < e.level), None)
                    opened = open_section(e.title, e.number, e.page, parent, printed)
                    chapter = opened if parent is None else chapter
                elif "." in e.number and e.level == 0:  # under the section numbered one level up ("1.2" for "1.2.1"), else its chapter
                    parent = _numbered_parent(sections, e.number) or next(
                        (s for s in reversed(sections) if s.level == 1 and s.number == e.number.split(".")[0]), chapter)
                    open_section(e.title, e.number, e.page, parent, printed)
                else:
                    chapter = open_section(e.title, e.number, e.page, None, printed)
                continue
        m_unit = UNIT.match(text) if p.kind != "item" else None
        if m_unit:
            rest = m_unit.group(3).strip()
            if not rest and nxt is not None and nxt.kind in ("heading", "bold", "prose") and word_count(nxt.text) <= 25:
                rest = nxt.text
                consumed.add(paras.index(nxt, i + 1))
            unit = f"{m_unit.group(1)} {m_unit.group(2)}: {rest}".strip().rstrip(":")
            table_unit = ""
            continue
        if m := TABLE.match(text):
            table_label, label_page = f"{m.group(1).upper()} {m.group(2)}", _first_page(p)
            title_candidate = m.group(3).strip()
            captioned = bool(title_candidate)
            unit, table_unit = box_unit or "", ""  # a table in a box (the OECD review's Table 4.1 in Box 4.5): the box goes on
            add("caption", text, pages=p.pages)
            continue
        if headingish:
            numbered_chapter = chapter is not None and chapter.number and sections and (
                sections[-1] is chapter or sections[-1].path.startswith(chapter.path + " > ")
            )
            if numbered_chapter and chapter.number not in listed_children and title_key(chapter.title) not in parents and _is_prose(nxt):
                # a Contents of chapters only: the heading prints its own number ('1.3 Multi-level ...')
                number, bare = split_numbering(text)
                if not number.startswith(chapter.number + "."):
                    number, bare = "", text
                open_section(bare, number, p.pages[0][1] if p.pages else chapter.page, chapter, ((text, p.pages),))
                unit, table_unit = "", ""
                continue
            # a numbered heading one level below an open section, that the Contents leaves out: its subsection (the
            # Filesystem Hierarchy Standard lists three levels and prints four: "3.7.4.1. Purpose" under "3.7.4")
            number, bare = split_numbering(text)
            parent = _numbered_parent(sections, number) if number else None
            if parent is not None and bare and number not in listed:
                open_section(bare, number, p.pages[0][1] if p.pages else parent.page, parent, ((text, p.pages),))
                unit, table_unit = "", ""
                continue
            # (a PDF's front matter, its title page and imprint, read before it: a heading the Contents leaves out, the
            # Blueprint PDF's 'Disclaimer', still opens the first section of the body)
            front_only = bool(entries) and len(sections) == 1 and front[0]
            if (not sections or front_only) and _is_prose(nxt):
                chapter = None
                open_section(text, "", _first_page(p) or max(1, first_page - 1), None, ((text, p.pages),))  # (markdown: the page before the first entry's)
                continue
            if not entries and p.kind == "heading" and p.level <= 2 and title_key(text) != title_key(report.title):
                # no Contents to follow: top-level headings are chapters, second-level their subsections
                number, bare = split_numbering(text)
                if p.level == 1 or chapter is None:
                    chapter = open_section(bare, number, 1, None)
                else:
                    open_section(bare, number, chapter.page, chapter)
                unit, table_unit = "", ""
                continue
            unit = unit if box_unit is not None else ""
            # a bold line between a caption that names its table and the table is the table's own
            # ('Overarching goals for PAR in the National Development Plan:' under Table 2.1's caption)
            title_candidate = title_candidate if captioned else text
            add("heading", text, pages=p.pages)
            continue
        if p.kind == "unit":  # a PDF box's title: the box is a unit of its own, to its end
            unit, table_unit, box_unit = p.text, "", p.text
            continue
        if p.kind == "unit_end":
            unit, box_unit = "", None
            continue
        if p.kind == "table_header":
            if label_page and _first_page(nxt or p) > label_page + 1:  # (a header's page is its first row's)
                # a caption is printed on its table's page or the page before: the OECD review's four monitoring
                # templates, pages after Table A C.2, were each labelled "TABLE A C.2"
                table_label = ""
            title = title_candidate or table_label
            table_unit = f"{table_label}: {title}" if table_label and title and title != table_label else (title or table_label)
            continue
        if p.kind == "row":
            label = text if text.endswith(":") else f"{text}:"  # a label that ends in a colon keeps one
            prefix = f"{title_candidate} – {label} " if title_candidate else f"{label} "
            prefix = prefix if text else (f"{title_candidate}: " if title_candidate else "")  # a row begun on the page before
            add("row", prefix, (), p.items, unit_name=table_unit, pages=p.pages)
            continue
        if table_unit and p.kind != "row":
            table_unit = ""
        add(p.kind, text, p.markers, pages=p.pages)

    for e in finder.missing():  # listed, but not found (before a later entry, or at all)
        warnings.append(f"Contents entry not found in the body: {e.number} {e.title}".replace("  ", " "))
    known = {n.number for n in report.endnotes}
    built = tuple(_finish(name, s, known, warnings) for s in sections)
    built = tuple(s for s in built if s.text)
    references = _scoped(report.references, sections)
    warnings += _uncited(built, references)
    return Document(name, report.title or file_title(name), sha256, built, _scoped(report.endnotes, sections), source, tuple(warnings),
                    report.year, references)


def _uncited(sections, references) -> list[str]:
    """A warning for each author-date citation ("(OECD, 2023[53])") its chapter's reference list has no entry for:
    reported, never resolved to another chapter's entry (a report that reads none has none to report)."""
    out = []
    for s in sections if references else ():
        for sp in s.sentences:
            text = s.text[sp.start : sp.end]
            found = {e.number for e in cited_entries(references, text, s.path)}
            out += [f"{s.path}: author-date citation [{n}] matches no entry of its chapter's reference list"
                    for n in cited_references(text) if n not in found]
    return list(dict.fromkeys(out))


def _scoped(endnotes, sections: list[_SectionBuilder]) -> tuple:
    """Notes (or reference-list entries) a reader scoped to a chapter by its title get the chapter's section path as scope."""
    paths = {title_key(s.title): s.path for s in sections if s.level == 1}
    return tuple(replace(n, scope=paths.get(title_key(n.scope), n.scope)) if n.scope else n for n in endnotes)


def _first_page(p: Para) -> int:
    """The page number a paragraph opens on (its first page mark); 0 when the reader marks none (markdown)."""
    return p.pages[0][1] if p.pages else 0


def _page_at(pages: tuple[tuple[int, int, str], ...], offset: int) -> tuple[int, str]:
    """The (page, label) printed at `offset` of a block: the last page mark at or before it."""
    page, label = 0, ""
    for at, number, text in pages:
        if at > offset:
            break
        page, label = number, text
    if not page and pages:
        page, label = pages[0][1], pages[0][2]
    return page, label


def _finish(document: str, b: _SectionBuilder, known: set[int], warnings: list[str]) -> Section:
    """Lay the blocks end to end as the section text and find the sentences and their endnotes."""
    parts: list[str] = []
    blocks: list[Block] = []
    spans: list[SentenceSpan] = []
    units: list[str] = []
    offset = 0
    for index, (kind, text, unit, markers, items, pages) in enumerate(b.blocks):
        if unit and unit not in units:
            units.append(unit)
        pieces: list[tuple[int, Cleaned]] = []  # (offset of the piece in the block, piece)
        if kind == "row":
            block_text = text
            for item in items:
                if block_text and not block_text.endswith(" "):
                    block_text += " "
                pieces.append((len(block_text), item))
                block_text += item.text
        else:
            block_text = text
            pieces.append((0, Cleaned(text, markers)))
        if not block_text.strip():
            continue
        if parts:
            offset += 2  # "\n\n" between blocks
        blocks.append(Block(offset, offset + len(block_text), kind, unit))
        block_no = len(blocks) - 1
        for at, piece in pieces:
            sentence_spans = split_sentences(piece.text)
            notes: list[list[int]] = [[] for _ in sentence_spans]
            for pos, number in piece.markers if kind != "caption" else ():
                if number not in known:
                    warnings.append(f"{b.path}: endnote marker {number} has no entry in the endnote list")
                    continue
                target = next((k for k, (s, e) in enumerate(sentence_spans) if pos <= e), len(sentence_spans) - 1)
                if target >= 0 and number not in notes[target]:
                    notes[target].append(number)
            for (s, e), ns in zip(sentence_spans, notes):
                page, label = _page_at(pages, at + s if kind != "row" else 0)
                spans.append(SentenceSpan(offset + at + s, offset + at + e, block_no, tuple(ns), unit, page, label))
        parts.append(block_text)
        offset += len(block_text)
    return Section(
        document=document, path=b.path, title=b.title, number=b.number, level=b.level, page=b.page,
        text="\n\n".join(parts), blocks=tuple(blocks), sentences=tuple(spans), units=tuple(units),
    )

"""Figures and tables as parts of a report: named by their label ("what does figure 2 show", "table 2.5") or by their
title alone, and what each says of itself: its label, its title and the lines it prints of its own (`parts.py` answers
with them).

>>> part_reference("what does fig. 2 show?")
('figure', '2')
>>> part_reference("how many robots per 10,000 workers?") is None
True
>>> part_reference("what's in table 2.5?"), part_reference("and table a.1")
(('table', '2.5'), ('table', 'A.1'))
"""

from __future__ import annotations

import re

from ..index.library import SHORT_TITLE_MIN
from ..ingest.conventions import SOURCE
from ..types import Passage
from .params import DOCUMENT_ASKS, MAX_ANSWER_CHARS, PART_ASKS, PART_LABEL, PART_REFERENCE, TITLE_SAID
from .query import Query, function_stems, stems

FIGURE_LINE_KINDS = ("caption", "item", "row")
"""The kinds of line a figure or table prints of its own after its title (`part_rows`)."""
_KINDS = {"fig": "figure", "figure": "figure", "exhibit": "exhibit", "chart": "chart", "table": "table", "box": "box"}


def part_reference(question: str) -> tuple[str, str] | None:
    """(kind, number) of the figure, table, exhibit, chart or box the question names, or None.

    >>> part_reference("what does fig. 5 show"), part_reference("what does figure A B.3 show?")
    (('figure', '5'), ('figure', 'A B.3'))
    """
    m = PART_REFERENCE.search(question)
    return (_KINDS[m.group(1).lower()], m.group(2).upper()) if m else None


def labels(sentences, rows: range) -> dict[tuple[str, str], int]:
    """The label lines among sentence `rows` (one document): (kind, number) -> the row of the first that prints it."""
    out: dict[tuple[str, str], int] = {}
    for i in rows:
        if sentences.field("kind", i) not in ("caption", "heading"):
            continue
        m = PART_LABEL.match(sentences.field("text", i))
        if m:
            out.setdefault((_KINDS[m.group(1).lower()], m.group(2).upper()), i)
    return out


def bare_label(text: str) -> bool:
    """A figure's or table's label and nothing else ("FIGURE 1"): it answers nothing on its own; the title line
    after it does.

    >>> bare_label("FIGURE 7"), bare_label("FIGURE 2 | AI-influenced revenues")
    (True, False)
    """
    m = PART_LABEL.match(text)
    return bool(m) and not m.group(3).strip(" |:.–—-")


def _same_section(sentences, i: int, row: int) -> bool:
    """Whether sentence row `i` exists and stands in the same document and section as `row`."""
    return i < len(sentences) and all(sentences.field(f, i) == sentences.field(f, row) for f in ("document", "section"))


def label_rows(sentences, row: int) -> tuple[int, ...]:
    """A label line and, when it prints nothing else ("FIGURE 7"), the title line after it in the same section."""
    if bare_label(sentences.field("text", row)) and _same_section(sentences, row + 1, row):
        return (row, row + 1)
    return (row,)


def own_line(sentences, i: int, kinds: tuple[str, ...] = ("caption", "item")) -> bool:
    """Whether sentence row `i` can be a line a figure prints of its own: one of `kinds`, not the figure's source or
    note line, nor the next part's label (what `part_rows`, `parts.labelled_lines` and `select.figure_series` read)."""
    text = sentences.field("text", i)
    return sentences.field("kind", i) in kinds and not SOURCE.match(text) and not PART_LABEL.match(text)


def part_rows(sentences, row: int) -> tuple[int, ...]:
    """What a figure or table says of itself: its label and title (`label_rows`), then the lines it prints of its own
    (captions, list items, table rows: a figure's text labels "Industrial manufacturing", "Production optimization"), in
    the same section, up to a line of prose, a heading, a source or note line or another part's label, within
    MAX_ANSWER_CHARS. A chart whose lines are numbers keeps none of them: the PDF reader leaves them out."""
    out = list(label_rows(sentences, row))
    size = sum(len(sentences.field("text", i)) + 1 for i in out)
    i = out[-1] + 1
    while _same_section(sentences, i, row):
        text = sentences.field("text", i)
        if not own_line(sentences, i, FIGURE_LINE_KINDS) or size + len(text) + 1 > MAX_ANSWER_CHARS:
            break
        out.append(i)
        size += len(text) + 1
        i += 1
    return tuple(out)


def asks_only_for(query_stems, named: str) -> bool:
    """Whether a question asks for the part `named` (its label or title) and nothing else: its content words,
    less the words that only put a question, ask about a whole (DOCUMENT_ASKS, PART_ASKS) and name the part.

    >>> asks_only_for(frozenset({"what", "doe", "figur", "2", "show"}), "figure 2")
    True
    >>> asks_only_for(frozenset({"what", "doe", "figur", "2", "say", "healthcar"}), "figure 2")
    False
    >>> asks_only_for(frozenset({"key", "takeaway", "exec", "summari"}), "executive summary")   # a title cut short
    True
    """
    named_stems = stems(named)
    rest = set(query_stems) - function_stems() - DOCUMENT_ASKS - PART_ASKS - named_stems - set(re.findall(r"\d+", named))
    return not {s for s in rest if not (len(s) >= SHORT_TITLE_MIN and any(n.startswith(s) for n in named_stems))}


def titled_part(store, query: Query, top: tuple[Passage, ...], labels_of) -> tuple[int, ...]:
    """The rows answering a question that names a figure or table by its title and asks nothing else ("which
    industries have the top AI application scenarios in China?" of FIGURE 7, "Top AI application scenarios in China by
    industry"): its label, title and own lines (`part_rows`), or (). The part stands in one of the passages retrieval
    found (`top`), prints lines of its own (a figure that is a picture answers nothing: the text does), and the question
    says at least TITLE_SAID of its title's words, so that "china ai" names no figure whose title holds both."""
    sentences, ids = store.sentences, {p.id for p in top}
    said = frozenset().union(*(forms[0] for forms in query.concepts)) or query.stems  # its own words, not "AI" spelt out
    for document in dict.fromkeys(p.document for p in top):
        for row in labels_of[document].values():
            if store.passages[int(store.sentence_passage[row])].id not in ids:
                continue
            label = label_rows(sentences, row)
            title = " ".join(sentences.field("text", i) for i in label)
            words = stems(PART_LABEL.sub(r"\3", title)) - function_stems()
            if not words or len(words & said) < TITLE_SAID * len(words) or not asks_only_for(said, title):
                continue
            rows = part_rows(sentences, row)  # read only for a title the question says
            if len(rows) > len(label):
                return rows
    return ()

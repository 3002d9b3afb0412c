"""What a quote needs beside it to be understood: the title of the case study or table it stands in, and for a
table row, the row's label.

A quote often does not say what it is about: "Since its implementation, the model has improved information
extraction accuracy by 15%" (which model? CASE STUDY 2: Sunshine Zhengyan GPT), or a table row's cell, "AI-equipped
robots are increasingly used in factory assembly", whose row is "Production optimization". The chunker prints a
row's label before its cells in the passage ("Selected scenarios and solutions in industrial manufacturing –
Production optimization: AI-equipped robots ...", for markdown and PDF tables alike); that lead is the context.
Which sentences an earlier answer, given only as text, quoted is `quoted_rows`.
"""

from __future__ import annotations

import re

from ..types import Passage

ROW_LEAD = re.compile(r"^([^\n:]{1,200}? – [^\n:]{1,120}): ")
"""A table row's paragraph as the chunker writes it: the table's title, " – ", the row's label, ": ", its cells."""


def passages_for(store, rows) -> tuple[Passage, ...]:
    """The passages the sentences `rows` stand in, each once, in the order of their sentences."""
    return tuple(store.passages[r] for r in dict.fromkeys(int(store.sentence_passage[i]) for i in rows))


def context_for(store, chosen: tuple[int, ...]) -> str:
    """For a table row, its table's title and its label ("Selected scenarios and solutions in industrial
    manufacturing – Production optimization") when the quote lacks the label's words; else the title of the case
    study (or use case, table, box) the quote stands in, unless the quote already holds it: the title says what the
    case is about ("CASE STUDY 2: Sunshine Zhengyan GPT – transforming insurance ..."), which the quote often does
    not ("what industry is zhengyan gpt used in")."""
    if not chosen:
        return ""
    sentences = store.sentences
    first = sentences[chosen[0]]
    text = " ".join(sentences[i].text for i in chosen)
    lead = row_lead(store, chosen[0]) if first.kind == "row" else ""
    if lead and _title_words(lead.split(" – ")[-1]) - _title_words(text):
        return lead
    if first.unit and _title_words(first.unit) - _title_words(text):
        inner = inner_heading(store, chosen[0])
        return f"{first.unit} › {inner}" if inner and _title_words(inner) - _title_words(text) else first.unit
    return ""


def inner_heading(store, row: int) -> str:
    """The heading inside its box that the sentence `row` stands under ("Poland" in the OECD review's Box 3.1, one
    country's example among three; "Recommendations to leverage Human Resources Management ..." in its chapter 5, one
    box of recommendations), read back to the box's start; "" when none stands between (most boxes have none)."""
    field = store.sentences.field
    unit, section = field("unit", row), field("section", row)
    for i in range(row - 1, max(-1, row - INNER_HEADING_REACH), -1):
        if field("unit", i) != unit or field("section", i) != section:
            return ""
        if field("kind", i) == "heading":
            text = field("text", i).strip()
            return "" if text.endswith(":") else text  # a label over a list ("Actions:") names nothing
    return ""


INNER_HEADING_REACH = 80
"""Sentences read back for a box's inner heading: the OECD review's longest run under one is about 60."""


def row_lead(store, row: int) -> str:
    """The lead of the table row sentence `row` stands in (ROW_LEAD), read from its passage; "" when it has none."""
    s = store.sentences[row]
    at = store.passage_row(s.passage_id)
    if at is None:
        return ""
    passage = store.passages[at]
    pos = s.start - passage.start
    if not 0 <= pos <= len(passage.text):
        return ""
    start = passage.text.rfind("\n\n", 0, pos)
    m = ROW_LEAD.match(passage.text[start + 2 if start >= 0 else 0 : pos + len(s.text)])
    return m.group(1) if m else ""


def _title_words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def quoted_rows(store, text: str, min_chars: int = 1):
    """The rows of the store's sentences (of at least `min_chars` characters) that `text` quotes verbatim, in order:
    which sentences an earlier answer, given only as text, quoted."""
    if not text:
        return
    sentences = store.sentences
    for i in range(len(sentences)):
        sentence = sentences.field("text", i)
        if len(sentence) >= min_chars and sentence in text:
            yield i

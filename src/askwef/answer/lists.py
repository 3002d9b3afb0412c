"""A list of the report's parts read back from a conversation, so that "summarize the second one" finds the part.

In the chat, the history holds Answer objects and a list's parts come with their titles. Scripts and the CLI pass
text: the API's `text` (each part's first sentence, joined) or what the CLI printed ("1. 2 Review of the Strategic
Framework ...", its quote, its source line, then "2. ..."). Read as sentences, the second item of the API's text was
a sentence that "summarize" took for the report's own summary, and the printed list's source lines gave the question
a year ("does not give this for 2024"). Here both name the parts as the chat does.

>>> printed_list("3 parts:\\n\\n1. 1 Context\\n   “It grew.”\\n   — Report · 1 Context, p. 4\\n\\n2. CASE STUDY 1: Harbour Works – a barrage")
('Context', 'Harbour Works – a barrage')
"""

from __future__ import annotations

import dataclasses
import re

from .params import UNIT_LABEL

PRINTED_ITEM = re.compile(r"^(\d+)\. (\S.*)$", re.M)
"""A numbered line of a list as the CLI and the copied text print it: "2. USE CASE 2: SeaFarm – ..."."""


def part_name(title: str, texts=()) -> str:
    """A listed part as a follow-up names it: a case study's title without its label, a table's, figure's or box's
    label ("Box 4.3": "what does the third one say?" is then asked of that box, not of the words of its title, whose
    "Morocco" the box's text was read as lacking), a section's title without its number, a figure's label line
    (`texts`, its quotes' text, when it has no title).

    >>> part_name("Box 4.3. Strengthening the role of the centre of government in Morocco"), part_name("TABLE 2: Uses in shipping")
    ('Box 4.3', 'TABLE 2')
    """
    label = UNIT_LABEL.match(title)
    if label and label["label"].strip().lower() in LABELLED_PARTS:
        return f"{label['label'].strip()} {label['number']}"
    if ": " in title:  # "GE Healthcare China – advancing CT imaging with ...": its words find its case study
        return title.split(": ", 1)[1]
    return re.sub(r"^\d+(\.\d+)*\s+", "", title) if title else " ".join(texts)


LABELLED_PARTS = frozenset({"table", "figure", "box", "exhibit", "chart"})
"""The parts a follow-up names by their label and number, as a question asks for them by it (parts.py reads "what does
table 2 show?"); a case study or use case by its name instead ("what does Sunshine Zhengyan GPT do?")."""


def printed_list(text: str) -> tuple[str, ...]:
    """The parts of a list as printed (numbered lines 1, 2, 3 ... in order, two at least), each by `part_name`; ()
    for any other text."""
    found = PRINTED_ITEM.findall(text)
    if len(found) < 2 or [int(n) for n, _ in found] != list(range(1, len(found) + 1)):
        return ()
    return tuple(part_name(title.strip().strip("“”\"")) for _, title in found)  # a figure's label line printed as its quote


def named_parts(store, turns: list) -> list:
    """`turns` (followup.Turn), with each list given as its parts' first sentences (the API's text) named by the part
    each sentence opens: its unit's title, else its section's. A turn that was an Answer (it knows its section) already
    names its parts: the index's sentences are read only for lists given as text."""
    wanted = {item for turn in turns if not turn.section for item in turn.items}
    if not wanted:
        return turns
    field, named = store.sentences.field, {}
    for i in range(len(store.sentences)):
        text = field("text", i)
        if text in wanted and text not in named and field("kind", i) != "caption":  # (a figure's label line is its name)
            named[text] = part_name(field("unit", i) or field("section", i).split(" > ")[-1])
    return [dataclasses.replace(t, items=tuple(named.get(item, item) for item in t.items)) if t.items and not t.section else t for t in turns]

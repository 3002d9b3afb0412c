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

PRINTED_ITEM = re.compile(r"^(\d+)\. (\S.*)$", re.M)
"""A numbered line of a list as the CLI and the copied text print it: "2. USE CASE 2: SeaFarm – ..."."""


def part_name(title: str, texts=()) -> str:
    """A listed part as a follow-up names it: a case study's title without its label, a section's title without its
    number, a figure's label line (`texts`, its quotes' text, when it has no title)."""
    if ": " in title:  # "GE Healthcare China – advancing CT imaging with ...": its words find its case study
        return title.split(": ", 1)[1]
    return re.sub(r"^\d+(\.\d+)*\s+", "", title) if title else " ".join(texts)


def printed_list(text: str) -> tuple[str, ...]:
    """The parts of a list as printed (numbered lines 1, 2, 3 ... in order, two at least), each by `part_name`; ()
    for any other text."""
    found = PRINTED_ITEM.findall(text)
    if len(found) < 2 or [int(n) for n, _ in found] != list(range(1, len(found) + 1)):
        return ()
    return tuple(part_name(title.strip()) for _, title in found)


def named_parts(store, turns: list) -> list:
    """`turns` (followup.Turn), with each list given as its parts' first sentences (the API's text) named by the part
    each sentence opens: its unit's title, else its section's."""
    wanted = {item for turn in turns for item in turn.items}
    if not wanted:
        return turns
    field, named = store.sentences.field, {}
    for i in range(len(store.sentences)):
        text = field("text", i)
        if text in wanted and text not in named and field("kind", i) != "caption":  # (a figure's label line is its name)
            named[text] = part_name(field("unit", i) or field("section", i).split(" > ")[-1])
    return [dataclasses.replace(t, items=tuple(named.get(item, item) for item in t.items)) if t.items else t for t in turns]

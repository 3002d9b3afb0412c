"""The quote: which of the ranked candidates are quoted, and which sentences come with them.

The best sentence is quoted; so is each runner-up that adds enough to the chance that the quote holds the answer
(`RUNNER_UP_GAIN`; less for the best one's neighbour, `NEIGHBOUR_GAIN`), up to `MAX_QUOTED_SENTENCES`, in reading
order and within `MAX_ANSWER_CHARS`. A sentence that leans on the one before it ("This translated into ...") brings it
along; a label (a contributor's name) the line it introduces; a lead-in ending in a colon the list it introduces
(`LEAD_IN_ITEMS`, with room of its own), as does one the next sentence enumerates for ("These include ...",
`ENUMERATES_BEFORE`), and a list item the lead-in of its list when the question asks for the list.
"""

from __future__ import annotations

import re

import numpy as np

from ..ingest.text import ends_sentence
from ..types import Sentence
from .params import ENUMERATES_BEFORE, LEAD_IN_ITEMS, MAX_ANSWER_CHARS, MAX_QUOTED_SENTENCES, NEIGHBOUR_GAIN, NOT_STANDALONE, RUNNER_UP_GAIN
from .query import stems


def choose(
    sentences: tuple[Sentence, ...], indexes: tuple[int, ...], probabilities: np.ndarray, best: int, *, gain: float = RUNNER_UP_GAIN,
    neighbour_gain: float = NEIGHBOUR_GAIN, asked: frozenset[str] = frozenset(),
) -> list[int]:
    """The best sentence, the runner-ups that each add at least `gain` to the chance that the quote holds the
    answer (params.RUNNER_UP_GAIN; `neighbour_gain` for the sentence right before or after the best one), and the
    neighbours they cannot stand without. A list item comes with the lead-in introducing its list when the lead-in
    holds some of `asked` (the question's stems) and no fewer than the item: the question asks for the list ("what are the
    alternative options?": "The main alternative options are:"), not for the one item."""
    must = indexes[best]
    chosen = [must]
    beside = {_previous_sentence(sentences, must), _adjacent(sentences, must, 1)} - {None}
    all_miss = 1.0 - float(probabilities[best])
    # a sentence the report prints twice (a pull quote beside its paragraph) is one candidate: quoted once
    distinct = {_text_key(sentences[indexes[best]].text): None}
    ranked = [int(best)]
    for row in np.argsort(-probabilities, kind="stable"):
        if len(ranked) == MAX_QUOTED_SENTENCES:
            break
        if (key := _text_key(sentences[indexes[row]].text)) not in distinct:
            distinct[key] = None
            ranked.append(int(row))
    for row in ranked[1:MAX_QUOTED_SENTENCES]:
        needed = neighbour_gain if indexes[row] in beside else gain
        if float(probabilities[row]) * all_miss >= needed and indexes[row] not in chosen:
            chosen.append(indexes[row])
            all_miss *= 1.0 - float(probabilities[row])
    introduced: list[int] = []  # what a lead-in ending in a colon introduces: quoted as far as room remains
    for i in list(chosen):  # an item of a list brings the lead-in that introduces it, and the list's first items
        lead = _lead_in(sentences, i)
        if lead is not None and lead not in chosen and 0 < len(stems(sentences[lead].text) & asked) >= len(stems(sentences[i].text) & asked):
            introduced += [lead, *_introduced(sentences, lead + 1)]
    brought: dict[int, int] = {}  # a sentence quoted only because another needs it -> that one
    for i in list(chosen):
        prev, nxt = _previous_sentence(sentences, i), _adjacent(sentences, i, 1)
        if _is_label(sentences[i]) and nxt is not None:
            _bring(chosen, brought, nxt, i)
        elif nxt is not None and (sentences[i].text.rstrip().endswith(":") or ENUMERATES_BEFORE.match(sentences[nxt].text)):
            introduced += _introduced(sentences, nxt)
        elif prev is not None and (NOT_STANDALONE.match(sentences[i].text) or _is_label(sentences[prev])):
            _bring(chosen, brought, prev, i)
    # reading order is the store's order (a report's sections in print order; not their titles' alphabetical order)
    kept = _fit(sentences, sorted(set(chosen)), must, brought)
    # a lead-in's list has room of its own: "... committed to the following next steps:" promises all of them
    room = max(MAX_ANSWER_CHARS - sum(len(sentences[i].text) + 1 for i in kept), MAX_ANSWER_CHARS if introduced else 0)
    for i in introduced:
        if i not in kept and len(sentences[i].text) + 1 <= room:
            kept.append(i)
            room -= len(sentences[i].text) + 1
    return sorted(kept)


def printed_lines(quotes) -> bool:
    """Whether a run of quotes (`Answer.runs`) is lines printed one under another (a figure's label, title and labels),
    which the chat, the CLI and the copied text show so, not sentences of running text: one of them does not end as a
    sentence does."""
    return not all(ends_sentence(q.text) for q in quotes)


def _bring(chosen: list[int], brought: dict[int, int], companion: int, by: int) -> None:
    """Quote `companion` with `by`, noting that it came for `by` alone when it was not chosen on its own."""
    if companion not in chosen:
        brought.setdefault(companion, by)
        chosen.append(companion)


def _text_key(text: str) -> str:
    """A sentence as a pull quote prints it too: its words, whatever the quotation marks and spaces around them."""
    return " ".join(text.split()).strip("“”\"'‘’ ").lower()


def _introduced(sentences: tuple[Sentence, ...], first: int) -> list[int]:
    """What a lead-in ending in a colon introduces, from `first` (the sentence after it): its list items, up to
    LEAD_IN_ITEMS, or that one sentence when it is not an item."""
    out = [first]
    while sentences[out[-1]].kind == "item" and len(out) < LEAD_IN_ITEMS:
        nxt = _adjacent(sentences, out[-1], 1)
        if nxt is None or sentences[nxt].kind != "item":
            break
        out.append(nxt)
    return out


def _lead_in(sentences: tuple[Sentence, ...], index: int) -> int | None:
    """The sentence ending in a colon that introduces the list item `index` ("The government is considering three
    options:"), back over the items before it in the same section and unit; None for any other sentence."""
    if sentences[index].kind != "item":
        return None
    i = index
    while (j := _adjacent(sentences, i, -1)) is not None and sentences[j].kind == "item":
        i = j
    j = _adjacent(sentences, i, -1)
    return j if j is not None and sentences[j].text.rstrip().endswith(":") else None


def _is_label(s: Sentence) -> bool:
    """A heading line without end punctuation (a name, a title) that the next sentence belongs to."""
    return s.kind == "heading" and len(s.text.split()) <= 6 and not re.search(r"[.!?:;]$", s.text)


def _adjacent(sentences: tuple[Sentence, ...], index: int, step: int) -> int | None:
    """The sentence right after (`step` 1) or before (-1) `index`, when it stands in the same document, section and unit."""
    j = index + step
    if not 0 <= j < len(sentences):
        return None
    other, cur = sentences[j], sentences[index]
    return j if (other.document, other.section, other.unit) == (cur.document, cur.section, cur.unit) else None


def _previous_sentence(sentences: tuple[Sentence, ...], index: int) -> int | None:
    """The sentence before, in the same section and unit; running text passes over a figure in between."""
    cur = sentences[index]
    skip = ("caption", "heading", "item") if cur.kind == "prose" else ("caption",)
    i = index - 1
    while i >= 0:
        prev = sentences[i]
        if prev.document != cur.document or prev.section != cur.section or prev.unit != cur.unit:
            return None
        if prev.kind not in skip:
            return i
        i -= 1
    return None


def _fit(sentences: tuple[Sentence, ...], chosen: list[int], must: int, brought: dict[int, int] | None = None) -> list[int]:
    """Keep the answer within about MAX_ANSWER_CHARS, dropping the sentences furthest from the best one, and with each
    the sentences it alone brought (`brought`): "These include A, B and C" dropped takes the "several challenges need to
    be addressed" it leaned on, which quoted alone promises what it does not give."""
    brought = brought or {}
    while len(chosen) > 1 and sum(len(sentences[i].text) + 1 for i in chosen) > MAX_ANSWER_CHARS:
        gone = max((i for i in chosen if i != must), key=lambda i: abs(i - must))
        chosen.remove(gone)
        for j, by in brought.items():
            if by == gone and j in chosen and j != must:
                chosen.remove(j)
    return chosen

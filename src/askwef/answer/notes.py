"""A question about one of the report's notes by its number: "what does endnote 5 say?", "footnote 10?".

Read as a question about the report's text, "what does endnote 5 say?" was refused ("The report does not mention
“endnote”"): a note is not a sentence of the text. It is answered with the sentences that cite the note, quoted as
any answer quotes, and the note itself resolved under them (author, title, URL), as every answer shows its notes.
Where the numbering restarts in each chapter (an OECD review's "Notes"), each chapter's note of that number is
given, with the sentences citing it. A number the report has no note for is said to be so, with the range it has.

>>> note_asked("what does endnote 12 say?"), note_asked("footnote 10?"), note_asked("what does figure 2 show?")
((12, 'endnote'), (10, 'footnote'), None)
"""

from __future__ import annotations

import re

from ..retrieve import Retriever
from ..types import Answer, find_endnote, in_section
from .compose import quotes_for
from .context import passages_for
from .params import NOTE_ASKED, NOTE_ORDINAL, NOTE_QUOTES, ORDINALS
from .scope import asked_document, named_section

LAST_NOTE = -1
"""The number `note_asked` gives "the last note": the report's highest."""


def note_asked(question: str) -> tuple[int, str] | None:
    """(the number, the word for the note as the question writes it) of the note a question names by its number or
    its place ("the fifth endnote"; the last: LAST_NOTE), or None.

    >>> note_asked("what does the 5th endnote say?"), note_asked("and the first footnote?"), note_asked("the last note")
    ((5, 'endnote'), (1, 'footnote'), (-1, 'note'))
    """
    m = NOTE_ASKED.search(question) or NOTE_ORDINAL.search(question)
    if m is None:
        return None
    word = re.sub(r"[\s-]", "", m["word"].lower()).rstrip("s")
    if "number" in m.groupdict():
        return int(m["number"]), word
    place = m["ordinal"].lower()
    return (LAST_NOTE if place in ("last", "final") else int(place[:-2]) if place[0].isdigit() else ORDINALS.index(place) + 1), word


def note_answer(retriever: Retriever, question: str, within: str | None = None) -> Answer | None:
    """The answer to a question about a note by its number (the module docstring), or None when the question names
    none, or the index holds several reports and `within` names none of them (the router picks the report)."""
    asked = note_asked(question)
    store = retriever.store
    document = asked_document(store, within)
    if asked is None or not document:
        return None
    number, word = asked
    info = store.document(document)
    if number == LAST_NOTE:
        number = max((n.number for n in info.endnotes), default=0)
    # "note 2 in annex C": that chapter's, where each chapter numbers its own
    section = named_section(store, question, followup=True, within=document)
    notes = [n for n in info.endnotes if n.number == number
             and (not section or not n.scope or in_section(section, n.scope) or in_section(n.scope, section))]
    resolved = f"{word} {number} of the report, and the sentences that cite it"
    if not notes:
        numbers = sorted({n.number for n in info.endnotes})
        has = "it has no notes" if not numbers else (f"its chapters number their notes again, the longest list 1 to {numbers[-1]}"
                                                     if any(n.scope for n in info.endnotes) else f"its notes are numbered {numbers[0]} to {numbers[-1]}")
        return Answer(question, "", abstained=True, message=f"The report has no {word} {number}{' there' if section else ''}: {has}.",
                      resolved_question=resolved, about="note")
    field = store.sentences.field
    rows = [i for i in store.document_sentence_rows(document) if number in field("endnotes", i)]
    cited = [(i, find_endnote(info.endnotes, number, field("section", i))) for i in rows]
    rows = [i for note in notes for i in [next((i for i, n in cited if n == note), None)] if i is not None]
    rows += [i for i, n in cited if i not in rows and n in notes]  # one sentence for each note first (each chapter's), then the rest
    rows = sorted(rows[: max(NOTE_QUOTES, len(notes))])  # every chapter's note of that number, however many
    if not rows:
        return Answer(question, "", abstained=True, resolved_question=resolved, about="note",
                      message=f"{word.capitalize()} {number} reads: “{notes[0].reference}” No sentence of the report cites it.")
    quotes = quotes_for(store, rows)
    shown = [note for note in notes if any(n == note for i, n in cited if i in rows)]
    return Answer(question, " ".join(q.text for q in quotes), quotes=quotes, endnotes=tuple(shown), passages=passages_for(store, rows),
                  confidence=1.0, resolved_question=resolved, about="note",
                  context=f"The sentence{'s' if len(rows) > 1 else ''} citing {word} {number}, with the note under {'them' if len(rows) > 1 else 'it'}")

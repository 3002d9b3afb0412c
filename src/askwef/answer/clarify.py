"""Which report? In a library, a question about "the report" itself that names none ("who wrote this report?") is
about one of several documents. It goes to the report the conversation is about (the one the last answer quoted);
with no conversation, each report answers it under its title in a library of up to EACH_REPORT_MAX reports
(`route.py`), and in a larger one askwef asks which report is meant, listing them, and the next turn's reply ("the UK
one", "2", "the second", "the OECD review") is the earlier question asked of that report.

>>> which_choice("the second one", 3), which_choice("2.", 3), which_choice("what about skills?", 3)
(1, 1, None)
"""

from __future__ import annotations

import re

from ..retrieve import Retriever
from .params import CLARIFY_LEAD, CLARIFY_LISTED, CLARIFY_MAX_REPLY_WORDS, DOCUMENT_WORD, ORDINALS
from .parts import asks_for_conclusion, asks_for_summary, own_noun_of as _noun
from .query import about_document
from .select import read, stage_for

_CHOICE = re.compile(r"^\W*(?:(?:the|number|no\.?|report)\s+)?(\d{1,2}|" + "|".join(ORDINALS) + r")(?:st|nd|rd|th)?"
                     r"(?:\s+(?:one|report|document|paper))?\W*$", re.I)


def clarify_message(store) -> str:
    """CLARIFY_LEAD and the library's reports, numbered (the first CLARIFY_LISTED of them)."""
    docs = list(store.documents)
    lines = [f"{i}. {d.title or d.name}" + (f" ({d.year})" if d.year else "") for i, d in enumerate(docs[:CLARIFY_LISTED], 1)]
    more = f"\n(and {len(docs) - CLARIFY_LISTED} more: name the one you mean)" if len(docs) > CLARIFY_LISTED else ""
    return f"{CLARIFY_LEAD} This library holds {len(docs)} reports:\n" + "\n".join(lines) + more


def asked_of_the_report(retriever: Retriever, question: str, history, models) -> bool:
    """Whether `question` asks about "the report" as a whole ("who wrote this report?", "what is the paper about?",
    "summarize the report", "what does the report recommend?")."""
    query = read(stage_for(retriever), question, history, models.types)[1]
    return about_document(query) or asks_for_summary(query) or asks_for_conclusion(query)


def which_choice(reply: str, count: int) -> int | None:
    """The index (from 0) of the report a reply picks from a numbered list of `count`: "2", "the second one"."""
    m = _CHOICE.match(reply)
    if not m:
        return None
    word = m.group(1).lower()
    number = int(word) if word.isdigit() else ORDINALS.index(word) + 1
    return number - 1 if 1 <= number <= count else None


def chosen_report(retriever: Retriever, reply: str, asked: str) -> str | None:
    """The report a reply to CLARIFY_LEAD picks (its file name): by its number in the list, or by its name ("the UK
    one", "OECD"), when the reply is short (CLARIFY_MAX_REPLY_WORDS) and picks exactly one; else None. `asked`:
    the assistant's reply the user answers (the listed order is the store's)."""
    if not asked.startswith(CLARIFY_LEAD) or len(reply.split()) > CLARIFY_MAX_REPLY_WORDS:
        return None
    docs = list(retriever.store.documents)
    index = which_choice(reply, min(len(docs), CLARIFY_LISTED))
    if index is not None:
        return docs[index].name
    named = retriever.named_documents(reply)
    picked = [d.name for d in docs if (rows := retriever.store.document_rows(d.name)) and named[rows.start:rows.stop].any()]
    return picked[0] if len(picked) == 1 else None


def called_report(retriever: Retriever, question: str) -> str | None:
    """The one report of a library a question calls by the noun that report calls itself ("this white paper": the
    report that says "this paper"), or None."""
    asked = {_noun(m.group(0)) for m in DOCUMENT_WORD.finditer(question)}  # "white paper" is "paper" either way
    stage = stage_for(retriever)
    called = [d.name for d in retriever.store.documents if asked and stage.own_nouns[d.name] in asked]
    return called[0] if len(called) == 1 else None

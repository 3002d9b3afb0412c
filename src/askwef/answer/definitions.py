"""Definitions: a question asking what an abbreviation stands for ("what does PAR stand for?", "what is the GPC?") is
answered from where the report defines it: a sentence or line holding the abbreviation and the long form the lexicon
learned for it ("public administration reform (PAR)", the acronyms list's "PAR Public Administration Reform").

Without this, "what does PAR stand for?" in an OECD review quoted "The institutional framework for PAR matters.": every
sentence of the review holds "PAR", and the question has no other word to rank them by.

>>> asked_abbreviation("what does PAR stand for?"), asked_abbreviation("What's the GPC?"), asked_abbreviation("SGCC?")
('PAR', 'GPC', 'SGCC')
>>> asked_abbreviation("what does the GPC do?") is None
True
"""

from __future__ import annotations

import re

from ..types import Passage
from .context import passages_for
from .params import ABBREVIATION_ASKED, CANDIDATE_PASSAGES


def asked_abbreviation(question: str) -> str | None:
    """The abbreviation a question asks the meaning of, as written, or None."""
    m = ABBREVIATION_ASKED.match(question)
    short = m and (m["short"] or m["bare"])
    return short if short and sum(c.isupper() for c in short) >= 2 else None


def defining(retriever, lexicon, question: str, documents: tuple[str, ...]) -> tuple[tuple[Passage, ...], frozenset[int]] | None:
    """(the passages, the sentence rows) where the reports `documents` define the abbreviation `question` asks about:
    the sentences defining it ("public administration reform (PAR)", an acronyms list's "PAR Public Administration
    Reform"), else those holding it beside a long form the lexicon knows for it; None when the question asks no such
    thing or the reports define nothing so. Every sentence of the reports is read (a review about PAR writes it in
    hundreds, and BM25 ranks its definition nowhere near first), only for a question of this form."""
    short = asked_abbreviation(question)
    longs = lexicon.abbreviations.get(short.lower(), ()) if short else ()
    if not longs:
        return None
    store = retriever.store
    text_of = store.sentences.field
    patterns = []
    for long in longs:
        words = r"\W+".join(map(re.escape, long.split()))
        patterns.append((re.compile(rf"\b{words}\W*\(\s*{re.escape(short)}s?\s*\)|^\W*{re.escape(short)}\s+{words}\b", re.I),
                         re.compile(rf"\b{words}\b", re.I)))
    holds_short = re.compile(rf"\b{re.escape(short)}\b")
    found: dict[int, int] = {}  # sentence -> 0 where it defines the abbreviation, 1 where it stands beside a long form
    for r in (r for document in documents for r in store.document_rows(document)):
        for i in store.passage_sentences(r):
            text = text_of("text", i)
            if not holds_short.search(text):
                continue
            for said, beside in patterns:
                if said.search(text):
                    found[i] = 0
                elif beside.search(text):
                    found.setdefault(i, 1)
    best = min(found.values(), default=None)
    if best is None:
        return None
    keep = frozenset(i for i, how in found.items() if how == best)
    return passages_for(store, sorted(keep))[:CANDIDATE_PASSAGES], keep

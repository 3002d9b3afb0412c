"""The section a question asks within, when it names one by its number or label.

"What does chapter 3 say about the centre of government?" asks of chapter 3, and "and in annex C?" after an answer
from Annex B asks the same of Annex C: their sentences are searched in that section alone, and when it does not say,
askwef says so rather than quote another chapter. A question that asks for the section and nothing else ("what is
pillar 1?", "summarize annex B") is answered by its opening (parts.py), and a list of its parts ("what's in annex
C?") by contents.py.

>>> named_section(store, "what does annex C say about gender?")   # doctest: +SKIP
'Annex C. Improving the Organisational and Functional Set-up ...'
"""

from __future__ import annotations

import re

from .figures import asks_only_for
from .params import FRAMING, FUNCTION_WORDS, PART_REFERENCE, SECTION_LABEL, SECTION_NUMBER, SUMMARY_ASKS
from .parts import label_digits, section_number, titled_section
from .query import stems


def named_section(store, question: str, *, followup: bool = False, within: str | None = None) -> str | None:
    """The path of the section `question` names ("chapter 3", "section 2.4", "annex C", "pillar 2") and asks something
    within, when exactly one section of the index (of the document `within`, when it names one) is so numbered or
    titled; None otherwise. A `followup` ("and in annex C?") asks within it whatever its own words: what it asks
    comes from the conversation."""
    question = labels_written(question)
    documents = [within] if within in store.document_names else list(store.document_names)
    named = [(m.group(0), "number", m.group(1)) for m in SECTION_NUMBER.finditer(question)]
    taken = [m.span() for m in (*SECTION_NUMBER.finditer(question), *PART_REFERENCE.finditer(question))]
    named += [(m.group(0), "label", m.group(0)) for m in SECTION_LABEL.finditer(question)
              if not any(start <= m.start() < end for start, end in taken)]
    for said, how, key in named:
        if not followup and asks_only_for(frozenset(stems(question)) - SUMMARY_ASKS - FRAMING, said):
            return None  # "what is pillar 1?": the section itself
        found = {path for name in documents if (info := store.document(name)) is not None
                 for path in [_numbered(info.sections, key) if how == "number" else titled_section(info.sections, key)] if path}
        if len(found) == 1:
            return found.pop()
    return None


def labels_written(question: str) -> str:
    """`question` with the labels it names written as reports print them: a number spelt out in digits ("step
    one" -> "step 1", `parts.label_digits`), a letter after a word in capitals ("annex b" -> "annex B", as staff
    type it), but after a word that only puts a question ("what is a", "than a").

    >>> labels_written("what about annex b?"), labels_written("is there a plan"), labels_written("goal two")
    ('what about annex B?', 'is there a plan', 'goal 2')
    """
    return re.sub(r"\b([A-Za-z]{3,12})\s+([a-z])\b(?!['’])",
                  lambda m: m[0] if m[1].lower() in FUNCTION_WORDS else f"{m[1]} {m[2].upper()}", label_digits(question))


def _numbered(sections, number: str) -> str | None:
    """The path of the first section the Contents numbers `number` ("2.4"), or None."""
    return next((path for path, _, _ in sections if section_number(path) == number), None)

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

from ..ingest.text import title_key
from .figures import asks_only_for
from .params import FRAMING, FUNCTION_WORDS, PART_REFERENCE, SECTION_LABEL, SECTION_NUMBER, SUMMARY_ASKS
from .parts import label_digits, label_pattern, section_number, titled_section
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


def section_reports(store, question: str) -> list[str]:
    """The reports of a library with a section `question` names ("what's in pillar 1?": the UK strategy; "chapter 2":
    several), in the library's order; [] when it names none."""
    if not section_said(question):
        return []
    return [name for name in store.document_names if named_section(store, question, followup=True, within=name)]


def missing_section(store, question: str, within: str | None = None) -> str:
    """What to say when `question` names a section its report does not have, of a kind it has: "The report has no
    chapter 7: its chapters are numbered 1 to 5.", "The report has no annex D: it has Annex A, Annex B and Annex C."
    (such a question was answered from another section, unsaid); "" when it names none, or one the report has, or
    a label the report titles no section with ("step 3", "phase 2"), or the index holds several reports and `within`
    names none of them."""
    document = asked_document(store, within)
    info = store.document(document) if document else None
    if info is None:
        return ""
    written = labels_written(question)
    paths = [path for path, _, _ in info.sections]
    asked = list(SECTION_NUMBER.finditer(written))  # (most questions name none: the sections are read only when one does)
    numbers = {section_number(p) for p in paths} if asked else set()
    chapters = sorted({int(n) for p in paths if (n := section_number(p.split(" > ")[0])).isdigit()}) if asked else []
    for m in asked:
        if m.group(1) not in numbers and chapters:
            return f"The report has no {m.group(0)}: its chapters are numbered {chapters[0]} to {chapters[-1]}."
        if not chapters:  # the UK strategy's "chapter 2": it numbers none
            tops = [p for p in paths if " > " not in p and title_key(p) != title_key(info.title)]
            return f"The report does not number its chapters. Its parts are: {'; '.join(tops)}. Ask about one by its title."
    for m in SECTION_LABEL.finditer(written):
        if m["label"].lower() in FUNCTION_WORDS or titled_section(info.sections, m.group(0)):
            continue
        kind = label_pattern(m["label"])
        titled = [found.group(0).strip(" .:") for p in paths for part in p.split(" > ") if (found := kind.match(part))]
        if titled:
            said = list(dict.fromkeys(titled))
            return f"The report has no {m.group(0)}: it has {', '.join(said[:-1]) + ' and ' if len(said) > 1 else ''}{said[-1]}."
    return ""


def asked_document(store, within: str | None) -> str:
    """The report a question is asked of: `within` when it names one, else the index's only report; "" in a library
    when `within` names none of its reports."""
    names = store.document_names
    return within if within in names else (names[0] if len(names) == 1 else "")


def section_said(text: str) -> str:
    """The first section `text` names by number ("chapter 3", "chapter three", "section 2.4") or by a label and its
    number or letter as typed ("annex C", "pillar 2"; not "the 2", nor "the lake one"), as `labels_written` writes it;
    "" when it names none.

    >>> section_said("and in annex c"), section_said("what does chapter four say about data"), section_said("the lake one")
    ('annex C', 'chapter 4', '')
    """
    numbered = SECTION_NUMBER.search(label_digits(text))
    lettered = [m for m in SECTION_LABEL.finditer(_lettered(text)) if m["label"].lower() not in FUNCTION_WORDS]
    found = [m for m in (numbered, *lettered) if m is not None]
    return min(found, key=lambda m: m.start()).group(0) if found else ""


def section_swapped(body: str, before: str) -> str:
    """A follow-up that names another section ("and in annex C?", "and pillar 3?", "what about chapter 5?") read as
    the question before (`before`) asked of it: that section in place of the one it named, or added; "" for any other
    turn. A label asks so when the question before named one of its kind ("pillar 2") or the turn says "in" before it:
    "what about the Tsinghua one?" names no section."""
    said = section_said(body)
    old = section_said(before)
    if not said or not (SECTION_NUMBER.match(said) or re.search(rf"\bin\s+(?:the\s+)?{re.escape(said)}", _lettered(body), re.I)
                        or old.split()[:1] == said.split()[:1]):
        return ""
    return before.replace(old, said, 1) if old and old in before else f"{before} in {said}"


def _lettered(text: str) -> str:
    """`text` with a letter typed after a label word in capitals ("annex b" -> "annex B"), as `labels_written`."""
    return re.sub(r"\b([A-Za-z]{3,12})\s+([a-z])\b(?!['’])", lambda m: m[0] if m[1].lower() in FUNCTION_WORDS else f"{m[1]} {m[2].upper()}", text)


def labels_written(question: str) -> str:
    """`question` with the labels it names written as reports print them: a number spelt out in digits ("step
    one" -> "step 1", `parts.label_digits`), a letter after a word in capitals ("annex b" -> "annex B", as staff
    type it), but after a word that only puts a question ("what is a", "than a").

    >>> labels_written("what about annex b?"), labels_written("is there a plan"), labels_written("goal two")
    ('what about annex B?', 'is there a plan', 'goal 2')
    """
    return _lettered(label_digits(question))


def _numbered(sections, number: str) -> str | None:
    """The path of the first section the Contents numbers `number` ("2.4"), or None."""
    return next((path for path, _, _ in sections if section_number(path) == number), None)

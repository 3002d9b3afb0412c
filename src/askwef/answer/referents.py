"""What a pronoun in a follow-up can stand for, read from the asker's own words: a name ("GAC Honda", "ICBC"),
what the asker said of a name after its "'s" ("ICBC's anti-fraud platform"), a plural noun ("green data centres").

>>> names_in("Tell me about China Mobile's network"), owned("China Mobile", "Tell me about China Mobile's network")
(['China Mobile'], "China Mobile's network")
>>> plural_phrase("How many green data centres has China built?")
'green data centres'
"""

from __future__ import annotations

import re

from .params import (
    FIELD_ABBREVIATIONS,
    FUNCTION_WORDS,
    OWNED_WORDS,
    PLURAL_NOUN,
    PLURAL_PHRASE_WORDS,
)
from .query import content_stems

QUOTED = re.compile(r"(?:^|\s)['\"‘“]([^'\"‘’“”]{2,60})['\"’”](?=\W|$)")
"""A term the asker put in quotes ("What does 'data multiplier' mean?"): what "it" stands for next."""
NAME_RUN = re.compile(r"\b[A-Z][\w&'’\-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w&'’\-]*)*")


def name_like(text: str) -> bool:
    """A name a pronoun may stand for: no digits, and two capitalised words or a word of two capitals
    ("GAC Honda", "ICBC", "COSMOPlat"), not a field abbreviation ("AI") nor a lone "Chinese"."""
    words = text.split()
    if not words or re.search(r"\d", text) or text.lower() in FIELD_ABBREVIATIONS:
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) >= 2 or any(sum(c.isupper() for c in w) >= 2 for w in capitalised)


def names_in(question: str) -> list[str]:
    """Names in a question, leaving out its first word: "Tell me about China Mobile's network" -> ["China Mobile"]."""
    out = []
    for m in NAME_RUN.finditer(question):
        if m.start() == len(question) - len(question.lstrip()):
            rest = m.group(0).split(None, 1)
            if len(rest) < 2:
                continue
            candidate = rest[1]
        else:
            candidate = m.group(0)
        candidate = re.sub(r"['’]s?$", "", candidate).strip()
        if name_like(candidate):
            out.append(candidate)
    return out


def has_name(text: str) -> bool:
    return bool(QUOTED.findall(text) or names_in(text))


def plural_phrase(question: str) -> str:
    """The last plural noun the asker wrote, with the content words just before it: "green data centres" in
    "How many green data centres has China built", "AI doctors" in "how many AI doctors does it have".
    What "they" and "their" stand for when the question names nothing: a case study the last answer
    quoted is one thing, not many."""
    words = re.findall(r"[A-Za-z][\w\-]*", question)
    found = ""
    for i, w in enumerate(words):
        if not PLURAL_NOUN.fullmatch(w) or w.lower() in FUNCTION_WORDS or not content_stems(w, function_words=False):
            continue
        j = i
        while j > 0 and i - j < PLURAL_PHRASE_WORDS - 1 and words[j - 1].lower() not in FUNCTION_WORDS \
                and content_stems(words[j - 1], function_words=False):
            j -= 1
        found = " ".join(words[j: i + 1])
    return found


def owned(name: str, question: str) -> str:
    """The name with what the asker said of it after an "'s" ("ICBC's anti-fraud platform", "China Mobile's
    network"): the content words up to a function word or the end, at most OWNED_WORDS; "" when none follow."""
    m = re.search(rf"\b{re.escape(name)}['’]s\s+", question)
    if not m:
        return ""
    taken = []
    for w in re.findall(r"[A-Za-z][\w\-]*", question[m.end():]):
        if w.lower() in FUNCTION_WORDS or not content_stems(w, function_words=False) or len(taken) == OWNED_WORDS:
            break
        taken.append(w)
    return f"{name}'s {' '.join(taken)}" if taken else ""


def same_name(a: str, b: str) -> bool:
    """Two names of one thing: they share a word ("State Grid", "State Grid Corporation of China"), or one is
    the initials of the other ("ICBC", "Industrial and Commercial Bank of China")."""
    def words(name: str) -> set[str]:
        return {w for w in re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "", name.lower())) if len(w) > 2}

    def initials(name: str) -> str:
        return "".join(w[0] for w in re.findall(r"[A-Z][\w\-]*", name)).lower()

    return bool(words(a) & words(b)) or a.lower() == initials(b) or b.lower() == initials(a)

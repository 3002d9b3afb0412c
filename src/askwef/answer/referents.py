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
    BOX_LABEL,
    CASE_NAME_MAX_COUNT,
    FIELD_ABBREVIATIONS,
    FUNCTION_WORDS,
    LIST_ITEM_WORDS,
    ORDINAL_ONE,
    ORDINALS,
    OWNED_WORDS,
    PART_LABEL,
    PLURAL_NOUN,
    PLURAL_PHRASE_WORDS,
)
from .query import content_stems

QUOTED = re.compile(r"(?:^|\s)['\"‘“]([^'\"‘’“”]{2,60})['\"’”](?=\W|$)")
"""A term the asker put in quotes ("What does 'data multiplier' mean?"): what "it" stands for next."""
NAME_RUN = re.compile(r"\b[A-Z][\w&'’\-]*(?:\s+(?:(?:of|and|for|on)\s+(?:the\s+)?)?[A-Z][\w&'’\-]*)*")
"""A run of capitalised words, maybe joined by "of", "and", "for" or "on" ("National Committee for Planning",
"Council of Ministers", "Committee on Digital Transformation")."""


def name_like(text: str) -> bool:
    """A name a pronoun may stand for: no digits, and two capitalised words or a word of two capitals
    ("GAC Honda", "ICBC", "COSMOPlat"), not a field abbreviation ("AI") nor a lone "Chinese"."""
    words = text.split()
    if not words or re.search(r"\d", text) or text.lower() in FIELD_ABBREVIATIONS:
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) >= 2 or any(sum(c.isupper() for c in w) >= 2 for w in capitalised)


def names_in(question: str) -> list[str]:
    """Names in a question, leaving out its first word: "Tell me about China Mobile's network" -> ["China Mobile"].

    >>> names_in("What is the National Committee for Planning?")
    ['National Committee for Planning']
    """
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
    """Two names of one thing: they share a word ("State Grid", "State Grid Corporation of China"), one is
    the initials of the other ("ICBC", "Industrial and Commercial Bank of China") or its first words ("GE", "GE
    Healthcare China")."""
    def words(name: str) -> set[str]:
        return {w for w in re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "", name.lower())) if len(w) > 2}

    def initials(name: str) -> str:
        return "".join(w[0] for w in re.findall(r"[A-Z][\w\-]*", name)).lower()

    def first(short: str, long: str) -> bool:  # "GE" of "GE Healthcare China"
        return long.lower().startswith(short.lower() + " ")

    return bool(words(a) & words(b)) or a.lower() == initials(b) or b.lower() == initials(a) or first(a, b) or first(b, a)


_LEAD = re.compile(r".*(?:[:–—(]|\b(?:in|such as|including|like|namely|of|are|is)\b)\s*", re.I)
_LEAD_IN = re.compile(r"^(?:particularly|especially|notably|mainly|mostly|including|such as|namely|like|in|of|for|from|to)\b"
                      r"|\b(?:such as|including|particularly|especially)\b", re.I)  # "particularly in manufacturing": no item
_TAIL = re.compile(r"\s*(?:[–—:;()]|\.(?:\s|$)|\bto\b|\bthat\b|\bwhich\b).*$", re.I)


def listed_in(text: str) -> list[str]:
    """The items of the longest enumeration in `text`, "A, B, C and D" read from the commas and the last "and"/"or":
    what "the first one" and "the last one" can stand for. The first item is cut from its lead-in ("particularly in",
    "enablers –", "strategy:") and the last from what follows it ("– are powering ...").

    >>> listed_in("Five key enablers – infrastructure, data, technology, energy and talent development – are powering China's AI.")
    ['infrastructure', 'data', 'technology', 'energy', 'talent development']
    >>> listed_in("It grew fast, and it is big.")
    []
    """
    best: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        chunks = [c.strip() for c in sentence.split(",")]
        for start in range(len(chunks) - 1):
            end = start + 1
            while end < len(chunks) - 1 and 0 < len(chunks[end].split()) <= LIST_ITEM_WORDS and not _LEAD_IN.search(chunks[end]):
                end += 1
            last = re.match(r"(?:and|or)\s+(.+)$|(.+?)\s+(?:and|or)\s+(.+)$", chunks[end], re.I)
            if not last:
                continue
            middle = chunks[start + 1:end]
            tail = [last.group(1)] if last.group(1) else [last.group(2), last.group(3)]
            if any(len(t.split()) > LIST_ITEM_WORDS for t in tail[:-1]) or len(middle) + len(tail) < 2:
                continue
            first = _LEAD.sub("", chunks[start]) if len(chunks[start].split()) > 1 else chunks[start]
            width = max(len(w.split()) for w in middle + tail[:-1]) if middle or tail[:-1] else 1
            first = " ".join(first.split()[-width:]) if len(first.split()) > LIST_ITEM_WORDS else first
            words = _TAIL.sub("", tail[-1]).rstrip(".").split()[:max(width, 2)]  # "... focus underpin China's goal"
            cut = next((k for k, w in enumerate(words) if k and w.lower() in FUNCTION_WORDS), len(words))  # "energy into a ..."
            tail[-1] = " ".join(words[:cut])
            items = [i.strip(" .") for i in [first, *middle, *tail] if i.strip(" .")]
            if len(items) > len(best):
                best = items
    return best


def ordinal_item(question: str, items: list[str]) -> tuple[str, str] | None:
    """(the words of `question` naming an item, the item) for "the first one", "the last one" when `items` has it."""
    m = ORDINAL_ONE.search(question)
    if not m or not items:
        return None
    index = ordinal_index(m.group("ordinal"))
    return (m.group(0), items[index]) if -len(items) <= index < len(items) else None


def ordinal_index(word: str) -> int:
    """The index an ordinal picks: "first" and "1st" 0, "tenth" 9, "last" and "final" -1."""
    word = word.lower()
    if word in ("last", "final"):
        return -1
    return int(word[0]) - 1 if word[0].isdigit() else ORDINALS.index(word) if word in ORDINALS else 9


def unit_name(unit: str) -> str:
    """The name a case study's title gives: 'USE CASE 9: State Grid Corporation of China – AI-driven ...' -> 'State Grid Corporation of China';
    a box's title without its label ('Box A A.2. The Standard Cost Model' -> 'The Standard Cost Model'); none for a
    table's or figure's ('TABLE 4: Selected scenarios and solutions in healthcare' names no thing "it" stands for).

    >>> unit_name("Box A A.2. The Standard Cost Model"), unit_name("Box 4.8. France's barometer of public action results")
    ('The Standard Cost Model', "France's barometer of public action results")
    """
    if BOX_LABEL.match(unit):
        return BOX_LABEL.sub("", unit).strip()
    if not unit or PART_LABEL.match(unit):
        return ""
    return unit.split(": ", 1)[-1].split(" – ")[0].strip()


def case_keys(units, dictionary: frozenset[str], counts: dict[str, int]) -> dict[str, str]:
    """What a turn may name a case study or box by, lower case, and the name its title gives (`unit_name`): each word of
    the name a reader would type for it alone (not a dictionary word unless written with two capitals, "GE", "JD", and
    rare in the corpus: CASE_NAME_MAX_COUNT), else the whole name ("apollo go").

    >>> case_keys(["USE CASE 2: GAC Honda – quality", "USE CASE 3: Apollo Go – rides"], frozenset({"honda", "apollo", "go"}), {})
    {'gac': 'GAC Honda', 'apollo go': 'Apollo Go'}
    """
    keys: dict[str, str] = {}
    for unit in units:
        name = unit_name(unit)
        if not name or len(name.split()) > 6:  # a box titled by a sentence ("The role of ...") is named by no one word
            continue
        words = [w for w in re.findall(r"[A-Za-z][\w\-]+", re.sub(r"['’]s\b", "", name)) if w.lower() not in FUNCTION_WORDS]
        own = [w.lower() for w in words if counts.get(w.lower(), 0) <= CASE_NAME_MAX_COUNT
               and (w.lower() not in dictionary or sum(c.isupper() for c in w) >= 2)]
        for key in own or [name.lower()]:
            keys.setdefault(key, name)
    return keys


def unsaid_case(text: str, keys: dict[str, str], said: str) -> str:
    """The name of the case study `text` names by one of its `keys` (any case, whole words) that `said`, what the
    conversation has said, does not: "and gac honda?" after two turns on COSMOPlat; "" when it names none such."""
    low, said = text.lower(), said.lower()
    words = set(re.findall(r"\w+", low))  # (a key none of whose words the turn has is not looked for: a library has thousands)
    for key, name in keys.items():
        if set(re.findall(r"\w+", key)) <= words and re.search(rf"\b{re.escape(key)}\b", low) and not re.search(rf"\b{re.escape(key)}\b", said):
            return name
    return ""


def without_cases(text: str, keys: dict[str, str]) -> str:
    """`text` without the case studies it names, whole names first, then the words they are named by (`case_keys`):
    the question before, asked of another case ("how much did Haier COSMOPlat improve efficiency" -> "how much did
    improve efficiency").

    >>> without_cases("how much did Haier COSMOPlat improve efficiency", {"haier": "Haier COSMOPlat", "cosmoplat": "Haier COSMOPlat"})
    'how much did improve efficiency'
    """
    for name in sorted(set(keys.values()), key=lambda n: (-len(n), n)):
        text = re.sub(rf"\b{re.escape(name)}(?:['’]s)?\b", " ", text, flags=re.I)
    for key in keys:
        text = re.sub(rf"\b{re.escape(key)}(?:['’]s)?\b", " ", text, flags=re.I)
    return " ".join(text.split())


def case_swapped(text: str, name: str, keys: dict[str, str]) -> str:
    """`text` with the first case study it names other than `name` (by its whole name or a word it is named by, with
    its "'s") put as `name`; "" when it names none.

    >>> case_swapped("what does JD's virtual host do", "ANTA", {"jd": "JD's Digital Human", "anta": "ANTA"})
    "what does ANTA's virtual host do"
    """
    forms = [n for n in sorted(set(keys.values()), key=lambda n: (-len(n), n)) if n != name]
    forms += [k for k, n in keys.items() if n != name]
    found = [m for form in forms if (m := re.search(rf"\b{re.escape(form)}(?=(?:['’]s)?\b)", text, re.I))]
    if not found:
        return ""
    m = min(found, key=lambda m: (m.start(), -m.end()))
    return text[: m.start()] + name + text[m.end():]

"""Question analysis: what a question asks for (a number, a date, a name) and what it pins (a year, a company).

>>> question_type("How many green data centres are there?").quantity
True
>>> pinned_terms("How many rides did Apollo Go give in Q3 2024?")
[('2024',), ('q3', 'third quarter'), ('apollo',), ('go',)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..index import bm25_tokenize
from .params import (
    DATE_WORD,
    FRAMING,
    GENERIC_NAMES,
    MONEY,
    MONEY_Q,
    NAME,
    NUMBER,
    PIN_SPELLINGS,
    PLACE_RE,
    QUANTITY,
    QUARTER_RE,
    QUARTERS,
    QUESTION_NAME,
    SHARE,
    SHARE_Q,
    WHEN,
    WHO,
    YEAR,
)


@dataclass(frozen=True)
class QuestionType:
    quantity: bool
    when: bool
    who: bool
    money: bool = False  # "how much ... invest / earn / cost": an amount of money
    share: bool = False  # "what share / percentage / proportion": a part of a whole


def question_type(question: str) -> QuestionType:
    return QuestionType(
        bool(QUANTITY.search(question)), bool(WHEN.search(question)), bool(WHO.search(question)),
        bool(MONEY_Q.search(question)), bool(SHARE_Q.search(question)),
    )


def pinned_terms(question: str) -> list[tuple[str, ...]]:
    """What the question pins that the answer must mention: years, quarters, names. Each entry lists accepted spellings.

    >>> pinned_terms("How many rides did Apollo Go give in Q3 2024?")
    [('2024',), ('q3', 'third quarter'), ('apollo',), ('go',)]
    """
    pins: list[tuple[str, ...]] = [(m.group(0),) for m in YEAR.finditer(question)]
    pins += [QUARTERS[m.group(0).lower()] for m in QUARTER_RE.finditer(question)]
    without_quarters = QUARTER_RE.sub(" ", question)
    for m in QUESTION_NAME.finditer(without_quarters):
        word = re.sub(r"['’]s$", "", m.group(0)).lower()
        if word in GENERIC_NAMES or len(word) < 2 or re.fullmatch(r"q[1-4]", word):
            continue
        if "-" in word and word.split("-")[0] in GENERIC_NAMES:
            continue  # "AI-based", "AI-integrated": a description, not a name
        pins.append(PIN_SPELLINGS.get(word, (word,)))
    for m in PLACE_RE.finditer(question):
        place = (m.group(0).lower(),)
        if place not in pins and not any(place[0] in pin for pin in pins):
            pins.append(PIN_SPELLINGS.get(place[0], place))
    return pins


def content_stems(text: str) -> set[str]:
    """The question's content words, stemmed, without the words that only frame it ("what does the report say")."""
    return set(bm25_tokenize([text], return_ids=False)[0]) - FRAMING


def satisfies(qtype: QuestionType, text: str) -> bool:
    if qtype.quantity and not NUMBER.search(YEAR.sub(" ", text)):
        return False  # a year is not the quantity asked for
    if qtype.when and not DATE_WORD.search(text):
        return False
    if qtype.who and not NAME.search(text):
        return False
    if qtype.money and not MONEY.search(text):
        return False
    if qtype.share and not SHARE.search(text):
        return False
    return True


def mentions(pin: tuple[str, ...], text: str) -> bool:
    low = text.lower()
    return any(re.search(rf"(?<![0-9a-z]){re.escape(p)}", low) for p in pin)

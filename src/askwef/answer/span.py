"""The short answer inside a quote: the number, date or name that answers, shown in bold.

Candidate spans are the numbers (with their units and scale words), dates and names of the quoted
text. The kind the question asks for (`Query.answer_types`) chooses among them, then nearness to
the question's own words: in "To date, 246 green data centres have been established ...", asked
"how many green data centres", the span is "246". A question that asks for no such kind, or a
quote holding none, gets no span ("").

>>> span_of("To date, 246 green data centres have been established.", {"number": 0.9}, {"green", "data", "centr"})
'246'
>>> span_of("Its yields rose by 12% in 2023.", {"share": 0.8, "number": 0.8}, {"yield"})
'12%'
>>> span_of("UK firms received £1.78bn in funding.", {"money": 0.9}, {"fund"})
'£1.78bn'

A number answers a question counting a noun only when the noun follows it: asked "how many users", "connecting users
to over 30 health services" gets no span.
"""

from __future__ import annotations

import re

from ..index import bm25_tokenize
from .coverage import counted
from .params import MONTH, MONTHS, SPAN_MIN_PROBABILITY, UNIT_WINDOW
from .query import stems as _stems

_NUMBER_SPAN = re.compile(
    r"(?:(?:about|around|approximately|nearly|over|more than|up to|almost|some)\s+)?"
    r"[$€£¥]?\s?\d[\d,.]*(?:\s?(?:%|per ?cent|x\b))?"
    r"(?:\s(?:thousand|million|billion|trillion|bn|mn)|(?:bn|mn|m|k|tn)\b)?"  # "£1.78bn", "£386m": the scale glued on too
    r"(?:\s(?:yuan|rmb|dollars|usd|euros|exaflops|zettabytes|zb|kilowatt-hours|kwh|gigawatts|gw|mw|tonnes|km))?",
    re.I,
)
_YEAR_SPAN = re.compile(rf"\b(?:(?:{MONTHS})\s+)?(?:19|20)\d{{2}}\b")
_MONTH_AFTER = re.compile(rf"\s+(?:{MONTHS})\b")
_NAME_SPAN = re.compile(r"(?<![.!?]\s)(?<!^)(?<![-‐–])\b[A-Z][\w&'’\-]*(?:\s+(?:(?:of|and|for|the|&|de)\s+)*[A-Z][\w&'’\-]*)*")
"""A name: capitalised words, not a sentence's first, nor the tail of a hyphenated word ("e-Message")."""


def _candidates(text: str, kind: str) -> list[tuple[int, int]]:
    if kind in ("number", "money", "share"):
        spans = [m.span() for m in _NUMBER_SPAN.finditer(text) if not _YEAR_SPAN.fullmatch(m.group(0).strip(" ,;:."))  # "2024," is a year
                 and not _MONTH_AFTER.match(text, m.end())]  # "28 July" is a date
        if kind == "money":
            spans = [s for s in spans if re.search(r"[$€£¥]|yuan|rmb|dollar|usd|euro", text[s[0] : s[1]], re.I)]
        if kind == "share":
            spans = [s for s in spans if re.search(r"%|per ?cent", text[s[0] : s[1]], re.I)]
        return spans
    if kind == "date":
        return [m.span() for m in _YEAR_SPAN.finditer(text)]
    if kind == "name":  # a month is a date, not a name ("launched in March 2024")
        return [m.span() for m in _NAME_SPAN.finditer(text) if not MONTH.fullmatch(m.group(0))]
    return []


def text_words(text: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """Each word of `text` between spaces: (start, end, its stems). A sentence's are kept per index (`Stage.span_words`):
    they do not depend on the question."""
    found = list(re.finditer(r"\S+", text))
    stemmed = bm25_tokenize([m.group(0) for m in found], return_ids=False) if found else []
    return tuple((m.start(), m.end(), frozenset(stems)) for m, stems in zip(found, stemmed))


def span_of(text: str, answer_types: dict[str, float], question_stems: set[str] | frozenset[str], *, question: str = "",
            common: set[str] | frozenset[str] = frozenset(), own: str | None = None, words=None) -> str:
    """The span of `text` that answers, or "" when the question asks for no number, date or name it holds; `words`:
    `text_words(text)`, when the caller keeps them.

    Not the answer: what the question already says ("2024" for "how big was it in 2024"; a name of its words),
    nor a name made only of words that are everywhere in the report (`common`: "AI", "China's", "AI-powered").

    >>> span_of("In 2024 the sector reached $187 million.", {"date": 0.6, "money": 0.9}, {"sector"}, question="how big in 2024?")
    '$187 million'
    >>> span_of("It is an AI-powered platform within Alipay.", {"name": 0.9}, {"platform"}, common={"ai", "power"})
    'Alipay'
    """
    said = question.lower()
    not_names = set(question_stems) | set(common)  # a name made only of these is not the answer
    asked = sorted((p, kind) for kind, p in answer_types.items() if p >= SPAN_MIN_PROBABILITY)
    words = text_words(text) if words is None else words
    # what the question counts ("how many users"): a number is its answer only when the noun (any word of the counted
    # phrase: "servers run") follows it within UNIT_WINDOW words, or comes before a number that ends its clause ("over 30
    # health services" counts no users; "246 green data centres" counts centres; "rides ... surpassed 7 million.")
    # (`own`: the turn's own words, not the earlier questions a follow-up carries: "how much did it cost?" after "how
    # many hubs?" counts no hubs)
    nouns = [n for n in (_stems(w) for w in counted(question if own is None else own, phrase=True)) if n]
    for _, kind in reversed(asked):  # the most likely kind first
        best: tuple[float, int, int] | None = None
        for start, end in _candidates(text, kind):
            piece = text[start:end].strip(" ,;:.")
            if not piece or (said and piece.lower() in said) or (kind == "name" and _stems(piece) <= not_names):
                continue  # what the question already says is not the answer, nor a name of the report's commonest words
            if nouns and kind in ("number", "money", "share") and not _counts(words, end, nouns, closes=_closes(text, end)):
                continue
            # nearness: question words within five words either side, the closer the better
            at = sum(1 for w in words if w[1] <= start)
            near = sum(
                1.0 / (1 + abs(i - at))
                for i, (_, _, stems) in enumerate(words)
                if stems & set(question_stems) and abs(i - at) <= 5
            )
            if best is None or near > best[0]:
                best = (near, start, end)
        if best is not None:
            return text[best[1] : best[2]].strip(" ,;:.")
    return ""


def _counts(words, end: int, nouns: list[frozenset[str]], *, closes: bool = False) -> bool:
    """Whether a counted noun (its stems) stands within UNIT_WINDOW words after the number ending at `end`, or, when the
    number closes its clause (`closes`: "the cumulative rides ... surpassed 7 million."), anywhere before it.

    >>> words = [(0, 4, {"over"}), (5, 7, {"30"}), (8, 14, {"health"}), (15, 23, {"servic"})]
    >>> _counts(words, 7, [frozenset({"user"})]), _counts(words, 7, [frozenset({"servic"})])
    (False, True)
    """
    after = [stems for start, _, stems in words if start >= end][:UNIT_WINDOW]
    before = [stems for _, stop, stems in words if stop <= end] if closes else []
    return any(noun & stems for noun in nouns for stems in after + before)


def _closes(text: str, end: int) -> bool:
    """Whether the number ending at `end` of `text` ends its clause: the text ends, or punctuation follows it."""
    rest = text[end:].lstrip(" ")
    return not rest or rest[0] in ".,;:)"

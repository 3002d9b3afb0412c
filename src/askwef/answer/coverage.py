"""Coverage: whether the quote answers to each specific word of the question, or to a vaguely related one.

A near miss asks about another company, metric or unit than the one the report gives ("how many
provincial companies does China Southern Power Grid's platform serve" against State Grid's): most of
its words are in the quote, but its most specific ones are not. Here each content word of the
question is looked for in what a reader sees with the quote: the quoted sentences, the sentence
before each, the case study's title and the section's heading. A word counts by its idf, so rare,
specific words count most.

- `uncovered`: the idf-weighted share of the question's content stems none of that text holds;
- `names_absent`: 1 when a name the question gives (a capitalised word after its first) is nowhere
  in the quote's passages or that text;
- `number_missing`: 1 when a number the question gives (not a year: `pins.py` has those) is not in
  the quote.

Measured on the dev split (evals/TUNING.md, and cross-validated while choosing them): covering a word
in part by the embedding model's similarity to a word of the quote ("turnover" for "revenue") added
nothing over the stems, so it is not done.

>>> c = coverage("How many robots per 10,000 workers does China have?", frozenset({"robot", "10", "000", "worker", "china"}),
...              "China has 1.7 million industrial robots.", "China has 1.7 million industrial robots.", frozenset({"china", "robot"}),
...              lambda stems: float(len(stems)))
>>> c.uncovered, c.names_absent, c.number_missing
(0.6, 0.0, 1.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .params import FUNCTION_WORDS, YEAR
from .query import stems as _stems

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


@dataclass(frozen=True)
class Coverage:
    uncovered: float = 0.0
    names_absent: float = 0.0
    number_missing: float = 0.0


def names_of(question: str) -> list[str]:
    """The names a question gives: its capitalised words after the first, lower case, possessives cut.

    >>> names_of("How many robotaxis does Waymo run in San Francisco's streets?")
    ['waymo', 'san', 'francisco']
    """
    out = []
    for k, w in enumerate(_WORD.findall(question)):
        low = re.sub(r"['’]s$", "", w.lower())
        if k > 0 and w[0].isupper() and low not in FUNCTION_WORDS:
            out.append(low)
    return out


def coverage(question: str, content: frozenset[str], seen: str, quote: str, passage_stems: frozenset[str], idf) -> Coverage:
    """How far `seen` (the quote, the sentence before it, its titles) covers `content`, the question's
    content stems; `idf(stems)` weighs a set of stems; `passage_stems`: the stems of the quote's passages."""
    seen_stems = _stems(seen)
    asked = (content & _stems(question)) or content  # its own words, not the long forms of its abbreviations
    total = idf(asked) or 1.0
    names = [s for n in names_of(question) for s in _stems(n)]
    numbers = [n.replace(",", "") for n in _NUMBER.findall(YEAR.sub(" ", question))]
    quoted = quote.replace(",", "")
    return Coverage(
        uncovered=idf(asked - seen_stems) / total,
        names_absent=float(any(s not in passage_stems and s not in seen_stems for s in names)),
        number_missing=float(any(n not in quoted for n in numbers)),
    )

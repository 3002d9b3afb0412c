"""Question analysis: what a question says once its typos are mended and its abbreviations read both ways.

A `Query` carries three readings of the question: `embed` (what the model encodes: typos mended),
`lexical` (what BM25 and word overlap read: typos mended, abbreviations expanded both ways) and its
content stems, plus the years it names and what kind of answer it asks for (`answer_types`: a
number, a date, a name, an amount of money, a share), from a small model fit on the golden dev
questions (`model.json`, `askwef tune`), not from a list of question words.

>>> q = analyse("how many fraud cases did icbc's eShield stop in 2023?", lexicon, types)   # doctest: +SKIP
>>> q.lexical                                                                                # doctest: +SKIP
"how many fraud cases did icbc's eShield stop in 2023? industrial and commercial bank of china"
>>> q.years, round(q.answer_types["number"], 2)                                               # doctest: +SKIP
(('2023',), 0.93)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, cached_property

from ..index import bm25_tokenize
from ..index.library import name_tokens
from .lexicon import Lexicon
from .params import ANOTHER_DOCUMENT, ANSWER_TYPES, CREDITS_ASKED, DATE_WORD, DOCUMENT_ASKS, DOCUMENT_PRONOUN, DOCUMENT_WORD, FRAMING, FRAMING_PHRASE, FUNCTION_WORDS, MONEY, NAME, NUMBER, NUMBER_WORDS, SHARE, YEAR
from .shares import Shares


@dataclass(frozen=True)
class TypeModel:
    """Logistic models over the question's word n-grams, one per answer type: P(the answer is a number | question).

    `weights[type]` maps an n-gram ("how many", "when") to its weight; `bias[type]` is the intercept.
    """

    weights: dict[str, dict[str, float]] = field(default_factory=dict)
    bias: dict[str, float] = field(default_factory=dict)

    def predict(self, text: str) -> dict[str, float]:
        sums = dict.fromkeys(ANSWER_TYPES, 0)
        weights_of = self._weights_of
        for g in ngrams(text):  # each type's weights added in the n-grams' order, as a sum over them per type would
            for kind, w in weights_of.get(g, ()):
                sums[kind] += w
        out = {}
        for kind in ANSWER_TYPES:
            z = self.bias.get(kind, 0.0) + sums[kind]
            out[kind] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return out

    @cached_property
    def _weights_of(self) -> dict[str, tuple[tuple[str, float], ...]]:
        """Each n-gram's weights per answer type (made once: a question reads only its own n-grams' weights, not a
        table per type; an n-gram a type does not weigh adds it nothing)."""
        out: dict[str, list[tuple[str, float]]] = {}
        for kind in ANSWER_TYPES:
            for g, w in self.weights.get(kind, {}).items():
                out.setdefault(g, []).append((kind, w))
        return {g: tuple(ws) for g, ws in out.items()}


def ngrams(text: str) -> set[str]:
    """The lower-cased words and word pairs of a question: 'How many robots?' -> {'how', 'many', 'robots', 'how many', 'many robots'}."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


@dataclass(frozen=True)
class Query:
    text: str  # as asked (after follow-up resolution)
    embed: str  # typos mended: what the model encodes
    lexical: str  # typos mended and abbreviations expanded: what BM25 and word overlap read
    stems: frozenset[str]  # content stems of `lexical`, the words that frame a question left out
    years: tuple[str, ...]
    answer_types: dict[str, float]
    corrections: tuple[tuple[str, str], ...] = ()
    # what it asks about, each thing once: the stems of its own words for it, then of each other form of them ("smes",
    # then "small and medium-sized enterprises"); empty when built by hand: each stem of `stems` is then a thing
    concepts: tuple[tuple[frozenset[str], ...], ...] = ()

    @cached_property
    def said_stems(self) -> frozenset[str]:
        """The stems of every word of the question as mended (`embed`, else `text`), framing and function words too: read
        by each check of whether it asks for one thing alone (`parts._asks_only`), found once."""
        return frozenset(stems(self.embed or self.text))

    def share(self, weight):
        """A function of (held, said): the share of what the question asks about that `held` (a set of stems) holds,
        each thing counted by `weight` of the question's own words for it and held by the best of its forms; None when
        `said` (the stems a heading already says) holds every thing in one of its forms. An abbreviation and its long
        form count once: a sentence that writes "SMEs" holds as much of "why do SMEs stay informal" as one writing
        "small and medium-sized enterprises". The weights are read once, for the many sentences one question is held
        against (`Shares`).

        >>> q = Query("smes informal", "", "", frozenset(), (), {}, concepts=((frozenset({"sme"}), frozenset({"small", "enterpris"})), (frozenset({"informal"}),)))
        >>> held = q.share(len)
        >>> held(frozenset({"sme", "informal"})), held(frozenset({"small"})), held(frozenset(), frozenset({"sme", "informal"}))
        (1.0, 0.25, None)
        """
        return Shares(self, weight).held


def concepts(own: frozenset[str], pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[frozenset[str], ...], ...]:
    """The things a question asks about (`Query.concepts`) from its own content stems and its expansion pairs
    (`Lexicon.expansion_pairs`). An abbreviation it writes is one thing, held by it or by any long form it stands for;
    each word of a long form it spells out stays a thing of its own, held by it or by the abbreviation ("lake" of
    "Dongjiang Lake Big Data Centre" is held by a sentence saying "lake" or "DLBDC"); every other stem alone.

    >>> [sorted(f) for f in concepts(frozenset({"smes", "stay", "inform"}), (("smes", "small and medium-sized enterprises"),))[0]]
    [['smes'], ['enterpris', 'medium', 'size', 'small']]
    >>> concepts(frozenset({"data", "centr", "cool"}), (("data centre", "dc"),))
    ((frozenset({'centr'}), frozenset({'dc'})), (frozenset({'cool'}),), (frozenset({'data'}), frozenset({'dc'})))
    """
    longs: dict[frozenset[str], list[frozenset[str]]] = {}  # an abbreviation written -> the long forms it stands for
    shorts: dict[str, list[frozenset[str]]] = {}  # a stem of a long form written -> the abbreviations of those forms
    for written, other in pairs:
        said = frozenset(content_stems(written))
        key, alt = said & own, frozenset(content_stems(other))
        if not key or not alt or alt == key:
            continue
        if len(key) == 1 and len(said) == 1:
            if alt not in longs.setdefault(key, []):
                longs[key].append(alt)
        else:
            for t in key:
                if alt not in shorts.setdefault(t, []):
                    shorts[t].append(alt)
    grouped = frozenset().union(*longs) if longs else frozenset()
    return (*((key, *alts) for key, alts in longs.items()),
            *((frozenset({t}), *shorts.get(t, ())) for t in sorted(own - grouped)))


def analyse(question: str, lexicon: Lexicon, types: TypeModel, *, asked: str | None = None) -> Query:
    """Read a question; `asked`: the part that says what kind of answer is wanted (a follow-up's own words)."""
    normalized = lexicon.normalize(question)
    pairs = lexicon.expansion_pairs(normalized.text)
    others = list(dict.fromkeys(other for _, other in pairs))  # the other forms of its abbreviations and long forms
    expanded = " ".join([normalized.text, *others])
    framed = searched(normalized.text)  # what it asks, without "what does the report say about" (FRAMING_PHRASE)
    return Query(
        text=question,
        embed=normalized.text,
        # a number spelt the other way is for BM25 to find, not a word the question asks ("figure 2" asks for the figure)
        lexical=" ".join([expanded, *spelt_numbers(normalized.text)]),
        stems=frozenset(content_stems(" ".join([framed, *others]))),
        years=tuple(dict.fromkeys(m.group(0) for m in YEAR.finditer(question))),
        # a turn that is its own words (most are) is not mended twice
        answer_types=types.predict(normalized.text if asked is None or asked == question else lexicon.normalize(asked).text),
        corrections=normalized.corrections,
        concepts=concepts(frozenset(content_stems(framed)), pairs),
    )


_DIGITS = {d: w for w, d in NUMBER_WORDS.items()}


def searched(text: str) -> str:
    """What retrieval reads of a question: without the words that frame it as asked of the document
    (`params.FRAMING_PHRASE`), unless nothing it asks about would be left ("what does the report say?").

    >>> searched("What does the report say about AI in Tsinghua?")
    'AI in Tsinghua?'
    >>> searched("what does the report say?")
    'what does the report say?'
    """
    left = " ".join(FRAMING_PHRASE.sub(" ", text).split())
    return left if left != text and content_stems(left, function_words=False) else text


def spelt_numbers(text: str) -> list[str]:
    """A small number the question writes in digits, spelt out, and the other way round: a report's house style may
    write either ("the 5 key enablers": "Five key enablers"), so BM25 reads both.

    >>> spelt_numbers("what are the 5 key enablers, and the three steps?")
    ['five', '3']
    """
    return [_DIGITS.get(w) or NUMBER_WORDS[w] for w in re.findall(r"\b(?:\d{1,2}|[a-z]+)\b", text.lower())
            if w in _DIGITS or (w in NUMBER_WORDS and w != "one")]  # "which one": a pronoun more often than 1


_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")


def plain(question: str) -> str:
    """The question without markup pasted into it: scripts and styles go whole, tags go and their text stays.
    A number inside markup (`<script>x=9</script>`) is not one the question gives (`coverage.number_missing`).

    >>> plain("<b>how many</b> robots? <script>window.x=9</script>")
    'how many robots?'
    """
    text = _TAG.sub(" ", _SCRIPT.sub(" ", question))
    return " ".join(text.split()) or question


def title_said(text: str, titles) -> str:
    """The words of `text` that call a document by one of its `titles`: the longest run of a title's words in the
    title's order, at least two of them content words ("who wrote the blueprint to action report?": "blueprint to
    action"), or "".

    >>> title_said("who wrote the Blueprint to Action report?", ["Blueprint to Action: China's Path to AI"])
    'Blueprint to Action'
    >>> title_said("what does the report say about china's ai?", ["Blueprint to Action: China's Path to AI"])
    ''
    """
    words = name_tokens(text)
    asked = {w for _, _, w in words} - FUNCTION_WORDS
    best = (0, 0, 0)  # (content words, start, end) of the longest run
    for title in titles:
        said = _title_words(title)
        if len(asked.intersection(said)) < 2:  # a library's thousand titles: most share no two words with the question
            continue
        match = SequenceMatcher(None, [w for _, _, w in words], said, autojunk=False).find_longest_match(0, len(words), 0, len(said))
        run = words[match.a: match.a + match.size]
        content = sum(1 for _, _, w in run if w not in FUNCTION_WORDS)
        if content >= 2 and content > best[0]:
            best = (content, run[0][0], run[-1][1])
    return text[best[1]: best[2]]


@cache
def _title_words(title: str) -> tuple[str, ...]:
    return tuple(w for _, _, w in name_tokens(title))


def about_document(query: Query, titles=(), credits: frozenset[str] = frozenset()) -> bool:
    """Whether the question asks about the document as a whole ("what is this report about", "who wrote the
    paper", "when was it published"): it names the document (`DOCUMENT_WORD`, or its title among `titles`:
    `title_said`) and asks nothing else than `DOCUMENT_ASKS`, nor a number; asking who ("who from Accenture worked on
    it?"), it may name what heads a group of its authors list too (`credits`: the stems of those headings).

    >>> about_document(Query("who wrote this report?", "", "", frozenset({"who", "wrote"}), (), {"date": 0.1, "number": 0.2}))
    True
    >>> about_document(Query("what does the report say about robots?", "", "", frozenset({"robot", "about"}), (), {}))
    False
    >>> about_document(Query("when was it published?", "", "", frozenset({"when", "it", "publish"}), (), {}))   # no conversation
    True
    """
    named = title_said(query.embed or query.text, titles) if titles else ""
    if not (named or DOCUMENT_WORD.search(query.text) or DOCUMENT_PRONOUN.search(query.text)) or query.answer_types.get("number", 0.0) > 0.5:
        return False
    if ANOTHER_DOCUMENT.search(query.text):  # "will there be a white paper?": another document
        return False
    # the title said, its words' expansions go with it ("AI-powered": "artificial intelligence")
    asked = stems((query.embed or query.text).replace(named, " ")) if named else query.stems
    others = credits if CREDITS_ASKED.search(query.text) else frozenset()
    return not (asked - function_stems() - stems(" ".join(DOCUMENT_WORD.findall(query.text))) - DOCUMENT_ASKS - others)


def content_stems(text: str, *, function_words: bool = True) -> set[str]:
    """The content words of a text, stemmed, without the words that only frame a question ("what does the report say").

    `function_words=False`: without English function words either, what a turn says on its own
    ("when did that come into force" -> {"come", "forc"}; with them, "when" and "did" stay too)."""
    content = stems(text) - FRAMING
    return content if function_words else content - function_stems()


def stems(text: str) -> set[str]:
    """A text's stems as BM25 reads them (English stop words out, Snowball stems)."""
    return set(bm25_tokenize([text], return_ids=False)[0]) if text.strip() else set()


@cache
def function_stems() -> frozenset[str]:
    """The stems of `params.FUNCTION_WORDS` ("how", "mani", "doe"): how a question is put, not what it asks about.
    The report never writes most of them, so counted as its words they made every question look off topic."""
    return frozenset(t for tokens in bm25_tokenize(sorted(FUNCTION_WORDS), return_ids=False) for t in tokens)


def holds(text: str, *, whole: bool = False) -> dict[str, bool]:
    """Which kinds of answer a text holds: a number (a year is not one), a date, a name, money, a share.

    `whole`: the text is a short answer on its own ("Industrial and Commercial Bank of China"), so a
    capital at its start counts as a name; in a sentence it does not.

    >>> holds("Revenue hit $70 billion in 2024.")
    {'number': True, 'date': True, 'name': False, 'money': True, 'share': False}
    """
    return {
        "number": bool(NUMBER.search(YEAR.sub(" ", text))),
        "date": bool(DATE_WORD.search(text)),
        "name": bool(re.search(r"\b[A-Z][A-Za-z0-9&'’\-]+", text) if whole else NAME.search(text)),
        "money": bool(MONEY.search(text)),
        "share": bool(SHARE.search(text)),
    }

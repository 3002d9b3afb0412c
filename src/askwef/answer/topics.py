"""Topics: where a question names what it is about, for a follow-up to put another topic in its place.

A topic is a section title of the corpus (industries, chapters: `topic_titles`), a word that begins like one of its
words ("autos": "automotive"), or a word the retriever's model puts near one (`near`: "hospitals" for healthcare).

>>> old_topic("what AI is used in retail", ["retail", "healthcare"])
(19, 25)
"""

from __future__ import annotations

import re

from .params import DOCUMENT_WORD, FOLLOWUP_TOPIC_SIMILARITY, MIN_TOPIC_PREFIX
from .query import content_stems
from .referents import NAME_RUN


def title_in(text: str, titles: list[str]) -> str | None:
    """The longest whole section title `text` names."""
    return next((t for t in titles if re.search(rf"\b{re.escape(t)}\b", text, re.I)), None)


def words_of(titles: list[str]) -> list[str]:
    """The first and last words of multi-word titles ("public services": "public", "services"), longest first."""
    words = {w.strip(":,;") for t in titles if len(t.split()) > 1 for w in (t.split()[0], t.split()[-1])}
    return sorted((w for w in words if len(w) >= MIN_TOPIC_PREFIX and w not in titles), key=len, reverse=True)


def title_like(body: str, titles: list[str]) -> str | None:
    """The shortest title a one-word ellipsis begins a word of: "autos" -> "automotive and autonomous
    transport" (the word's stem, "auto", begins "automotive")."""
    words = re.findall(r"[a-z]+", body.lower())
    if len(words) != 1:
        return None
    stem = re.sub(r"(?:es|s)$", "", words[0])
    if len(stem) < MIN_TOPIC_PREFIX:
        return None
    return next((t for t in sorted(titles, key=len) if any(w.startswith(stem) for w in re.findall(r"[a-z]+", t))), None)


def nearest(phrase: str, near) -> str | None:
    """The title `phrase` means, when its meaning is near enough one (FOLLOWUP_TOPIC_SIMILARITY): "banks" -> "finance"."""
    if near is None or not phrase:
        return None
    title, cosine = near([phrase])[0]
    return title if cosine >= FOLLOWUP_TOPIC_SIMILARITY else None


def near_word(before: str, near, other: str) -> tuple[int, int] | None:
    """Where `before` names a topic by a word of its own meaning a title other than `other` ("hospitals" in
    "how is AI used in chinese hospitals": healthcare), the word nearest its title; None when no word is near one.
    A word of a name is not a topic: "what about other banks?" after "how much fraud did Industrial and Commercial Bank
    of China stop?" has no "Industrial" to put finance in place of."""
    if near is None:
        return None
    names = [m.span() for m in NAME_RUN.finditer(before) if len(m.group(0).split()) > 1]
    words = [m for m in re.finditer(r"[A-Za-z][a-z\-]+", before) if len(m.group(0)) >= MIN_TOPIC_PREFIX and content_stems(m.group(0), function_words=False)
             and not any(a <= m.start() < b for a, b in names) and not DOCUMENT_WORD.fullmatch(m.group(0))]  # not "the strategy"
    if not words:
        return None
    found = [(cosine, m) for m, (title, cosine) in zip(words, near([m.group(0).lower() for m in words]))
             if cosine >= FOLLOWUP_TOPIC_SIMILARITY and title != other]
    if not found:
        return None
    m = max(found, key=lambda f: f[0])[1]
    return m.start(), m.end()


def phrase_at(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """`span` (a word of `text`) widened over the content words beside it: the phrase it stands in ("driving" in
    "what does the report say about autonomous driving": "autonomous driving").

    >>> text = "what does the report say about autonomous driving"
    >>> text[slice(*phrase_at(text, (text.index("driving"), len(text))))]
    'autonomous driving'
    """
    if span is None:
        return None
    words = list(re.finditer(r"[\w\-'’]+", text))
    at = next(i for i, m in enumerate(words) if m.start() <= span[0] < m.end())
    first = last = at
    content = lambda m: bool(content_stems(m.group(0), function_words=False))  # noqa: E731
    while first > 0 and content(words[first - 1]):
        first -= 1
    while last + 1 < len(words) and content(words[last + 1]):
        last += 1
    return words[first].start(), words[last].end()


def span_of(phrase: str | None, text: str) -> tuple[int, int] | None:
    m = re.search(rf"\b{re.escape(phrase)}\b", text, re.I) if phrase else None
    return (m.start(), m.end()) if m else None


def old_topic(before: str, titles: list[str]) -> tuple[int, int] | None:
    """Where the previous question names its topic: a whole title, else a word of one (or a word that begins one); never
    the word naming the report ("what does the strategy say about AI risk?": its topic is the risk, not the strategy).

    >>> old_topic("What does the strategy say about AI risk?", ["national ai strategy", "ai risk"])
    (33, 40)
    """
    for t in titles + words_of(titles):
        m = next((m for m in re.finditer(rf"\b{re.escape(t)}\b", before, re.I) if not DOCUMENT_WORD.fullmatch(m.group(0))), None)
        if m:
            return m.start(), m.end()
    for m in re.finditer(r"[A-Za-z]+", before):
        w = m.group(0).lower()
        if len(w) >= MIN_TOPIC_PREFIX and any(t.startswith(w) and t != w for t in titles if " " not in t):
            return m.start(), m.end()
    return None


def topic_titles(documents) -> list[str]:
    """Section titles usable as topics (industries, chapters), lower case, longest first."""
    titles: set[str] = set()
    for doc in documents:
        for path, _, _ in doc.sections:
            last = re.sub(r"^\d+(\.\d+)*\s+", "", path.split(" > ")[-1])
            if 0 < len(last.split()) <= 4:
                titles.add(last.lower())
    return sorted(titles, key=len, reverse=True)

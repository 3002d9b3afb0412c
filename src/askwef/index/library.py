"""What the reports of a library say about one another, computed once from the index for retrieval:
the names each report goes by (its title, file name, acronyms), the text they repeat word for word
(boilerplate), and the names in their text that one report owns ("China", "Palestinian").

>>> names = document_names(store)     # doctest: +SKIP
>>> names["UK_National_AI_Strategy.pdf"][1]    # its own acronyms   # doctest: +SKIP
{'uk'}
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .errors import IndexCorrupt
from .shard import read_shard, read_tokens
from .store import IndexStore, from_shards

BOILERPLATE_MIN_CHARS = 30
"""Shorter sentences ("Introduction", "Contents") repeat across reports without being boilerplate."""
NAME_MIN_WORDS = 4
"""A title or file name names its report when the question holds it whole and it has at least this many
words: "UK National AI Strategy" does, "National AI Strategy" alone would catch "China's national AI strategy"."""
NAME_STOPWORDS = frozenset("a an and the of for in on to with by at from its report paper white final pdf md".split())
"""Words of a title or file name that name no report on their own."""
NAMING_NOUNS = frozenset("report paper whitepaper document publication study review".split())
"""Words that call any report a report: a word only one report's name holds, right before one of these ("the
Blueprint report", "the China paper"), names that report."""
KIND_NOUNS = frozenset("strategy plan outlook roadmap agenda framework guideline brief survey blueprint".split())
"""Words that call a report by its kind when its own name holds them (singular): "the UK strategy" names the "UK
National AI Strategy"; "the tidal strategy" does not name the "Tidal Power Outlook". Written for askwef from the
kinds of report its libraries hold (WEF white papers, OECD reviews, national strategies) and what staff call them."""
NAMING_OPENERS = frozenset("the this that in from of on by".split())
"""What may stand before a report's name: an article or a preposition, or nothing. A possessive before it makes
the words another thing's ("China's national AI strategy" is not the UK's "National AI Strategy")."""
SUBJECT_MIN_COUNT = 3
"""A word is a name only if the library uses it at least this often (rarer words say little about reports)."""
SUBJECT_CASE_SHARE = 0.8
"""...and only if at least this share of its uses inside a sentence (after its first word) are capitalised:
names of places, companies and programmes ("China", "Alipay"), not topics every report shares ("compute")."""
SUBJECT_OWNER_SHARE = 0.75
"""...and it belongs to a report when that report's rate of use is at least this share of all reports'
rates: "AI", used about as much by the Blueprint report as by the UK strategy, belongs to neither."""


def title_key(part: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"^\d+(\.\d+)*\s+", "", part).lower()).strip()


SHORT_TITLE_MIN = 3
"""A word of a section title of two words or more may be cut short to this many letters or more ("exec summary",
"intro"): what staff type for "Executive summary". A one-word title must be said whole ("health" is not the
"Healthcare" section)."""


class ShortTitles:
    """Section titles of two words or more, found in a question even with words cut short ("the exec summary").

    >>> ShortTitles({"executive summary": 7, "reading guide": 8}).named(["key", "points", "of", "the", "exec", "summary"])
    [7]
    >>> ShortTitles({"executive summary": 7}).named(["exec", "pay"])
    []
    """

    def __init__(self, titles: dict[str, object]) -> None:
        self._by_start: dict[str, list[tuple[list[str], object]]] = {}
        for title, value in titles.items():
            words = title.split()
            if len(words) > 1 and len(words[0]) >= SHORT_TITLE_MIN:
                self._by_start.setdefault(words[0][:SHORT_TITLE_MIN], []).append((words, value))

    def named(self, words: list[str]) -> list:
        """The values of the titles `words` (a question's, lower case) say in a row, each word whole or cut short."""
        out = []
        for i, word in enumerate(words):
            for title, value in self._by_start.get(word[:SHORT_TITLE_MIN], ()) if len(word) >= SHORT_TITLE_MIN else ():
                said = words[i:i + len(title)]
                if len(said) == len(title) and all(len(w) >= min(SHORT_TITLE_MIN, len(t)) and t.startswith(w)
                                                   for w, t in zip(said, title)):
                    out.append(value)
        return out


def pairs(text: str) -> list[tuple[str, str]]:
    """Neighbouring words of a text once stop words and single letters are out."""
    words = [w for w in re.sub(r"[^a-z0-9]+", " ", text.lower()).split() if len(w) > 1 and w not in NAME_STOPWORDS]
    return list(zip(words, words[1:]))


def _stem(name: str) -> str:
    """A report's file name without its extension."""
    return re.sub(r"\.(md|pdf)$", "", name, flags=re.I)


def _name_words(title: str, stem: str) -> set[str]:
    """The words (of two letters or more, lower case) of a report's title and file name."""
    return {w for w in re.sub(r"[^a-z0-9]+", " ", f"{title} {stem}".lower()).split() if len(w) > 1}


def document_names(store: IndexStore) -> dict[str, tuple[set[str], set[str], set]]:
    """Per report: (its title and file name as phrases, its acronyms, pairs of neighbouring words of its
    name) where acronyms and pairs are kept only when no other report's name has them (a pair: both words)."""
    raw = {}
    for doc in store.documents:
        stem = _stem(doc.name)
        # a title of three words or fewer ("National AI Strategy") is too generic to name a report by itself
        phrases = {p for p in (title_key(doc.title), title_key(stem.replace("_", " ").replace("-", " "))) if len(p.split()) >= NAME_MIN_WORDS}
        acronyms = {w.lower() for w in re.findall(r"\b[A-Z]{2,6}\b", f"{doc.title} {stem.replace('_', ' ')}")}
        words = _name_words(doc.title, stem) - NAME_STOPWORDS
        # pairs from the title's main part only: a subtitle describes ("... for Better Outcomes"), its pairs are what
        # questions say of anything ("better outcomes in healthcare")
        main = doc.title.split(": ", 1)[0]
        raw[doc.name] = (phrases, acronyms, words, {p for part in (main, stem) for p in pairs(part)})
    # how many reports' names hold each acronym and word: one means only its own
    acronym_count = Counter(a for _, acronyms, _, _ in raw.values() for a in acronyms)
    word_count = Counter(w for _, _, words, _ in raw.values() for w in words)
    out = {}
    for name, (phrases, acronyms, _, name_pairs) in raw.items():
        own_acronyms = {a for a in acronyms if acronym_count[a] == 1} - NAME_STOPWORDS
        out[name] = (phrases, own_acronyms, {p for p in name_pairs if all(word_count[w] <= 1 for w in p)})
    return out


@dataclass(frozen=True)
class NameWords:
    """What a question may call one report by: every word of its title and file name (`words`), those no other
    report's name holds (`own`), and the nouns of its name that call it a report (`nouns`)."""

    words: frozenset[str]
    own: frozenset[str]
    nouns: frozenset[str]


_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’]s)?")


def name_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of `text` as a report's name is read: lower case, a possessive "'s" dropped.

    >>> name_tokens("the UK's strategy")
    [(0, 3, 'the'), (4, 8, 'uk'), (9, 17, 'strategy')]
    """
    return [(m.start(), m.end(), re.sub(r"['’]s$", "", m.group(0).lower())) for m in _TOKEN.finditer(text)]


def name_words(store: IndexStore) -> dict[str, NameWords]:
    """Per report, the words its name is made of (`NameWords`)."""
    raw = {doc.name: _name_words(doc.title, _stem(doc.name)) for doc in store.documents}
    count = Counter(w for words in raw.values() for w in words)
    return {
        name: NameWords(frozenset(words), frozenset(w for w in words - NAME_STOPWORDS if count[w] == 1),
                        frozenset({w.rstrip("s") for w in words} & KIND_NOUNS))
        for name, words in raw.items()
    }


def naming_spans(question: str, names: dict[str, NameWords]) -> list[tuple[int, int, str]]:
    """(start, end, report) of each place `question` calls a report by its name and a noun: "the Blueprint report",
    "the UK national AI strategy", "the OECD review of the Palestinian Authority". The words before the noun must
    all be the report's name words and one of them its own (`NameWords.own`); after the noun, "of"/"on"/"for" and
    more of its name words are the name too. Only with a library: one report's name names nothing.

    >>> names = {"a.md": NameWords(frozenset({"blueprint", "china"}), frozenset({"blueprint", "china"}), frozenset()),
    ...          "b.pdf": NameWords(frozenset({"uk", "national", "strategy"}), frozenset({"uk", "national", "strategy"}), frozenset({"strategy"}))}
    >>> [(question[a:b], n) for question in ["What is the Blueprint report about?"] for a, b, n in naming_spans(question, names)]
    [('Blueprint report', 'a.md')]
    >>> naming_spans("What is China's national strategy?", names)
    []
    """
    if len(names) < 2:
        return []
    tokens = name_tokens(question)
    out = []
    for k, (_, end, word) in enumerate(tokens):
        for name, nw in names.items():
            if word not in NAMING_NOUNS and word.rstrip("s") not in nw.nouns:
                continue
            j = k - 1 if k > 0 and tokens[k - 1][2] == "white" else k  # "white paper"
            while j > 0 and tokens[j - 1][2] in nw.words and tokens[j - 1][2] not in NAME_STOPWORDS:
                j -= 1
            run = [t[2] for t in tokens[j:k] if t[2] != "white"]
            if not run or not set(run) & nw.own:
                continue
            before = question[: tokens[j][0]].rstrip()
            if before and (before.endswith(("'s", "’s")) or (before.split()[-1].lower() not in NAMING_OPENERS and before[-1].isalnum())):
                continue
            stop = end
            if k + 1 < len(tokens) and tokens[k + 1][2] in ("of", "on", "for", "about"):
                m = k + 2
                if m < len(tokens) and tokens[m][2] == "the":
                    m += 1
                last = m
                while last < len(tokens) and tokens[last][2] in nw.words and tokens[last][2] not in NAME_STOPWORDS:
                    last += 1
                if last > m:
                    stop = tokens[last - 1][1]
            out.append((tokens[j][0], stop, name))
    return out


NAMING_JOINS = re.compile(r"(?:\s*(?:,|\band\b|\bor\b|\bwith\b|\bto\b|\bagainst\b|\bversus\b|\bvs\b\.?)\s*)+(?:(?:the|this|that)\s+)?$", re.I)
"""What joins a second report's name to the first ("the UK strategy and the Blueprint report", "... with the OECD
review", "... vs the Blueprint"): dropped with that name when the first one is said as "the report"."""


def said_as_the_report(question: str, spans: list[tuple[int, int, str]]) -> str:
    """`question` with the report names `spans` (`naming_spans`) said as "the report": each name of the first report
    named, and any other report's name dropped with what joins it to the one before ("How do the UK strategy and the
    Blueprint report compare?" -> "How do the report compare?", for asking each report in turn).

    >>> q = "In the UK strategy and the Blueprint report, what about skills?"
    >>> said_as_the_report(q, [(7, 18, "uk.pdf"), (27, 43, "blueprint.md")])
    'In the report, what about skills?'
    """
    merged: list[list] = []
    for start, end, name in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, name])
    first = merged[0][2] if merged else ""
    out, at = [], 0
    for start, end, name in merged:
        before = question[at:start]
        if name != first:  # another report: gone, with the "and the" that joined it
            out.append(NAMING_JOINS.sub("", before))
        else:
            article = re.search(r"\b(the|this|that)\s+$", before, re.I)
            out.append(before + ("report" if article else "the report"))
        at = end
    out.append(question[at:])
    return "".join(out)


def subjects(store: IndexStore, documents: list[str]) -> dict[str, np.ndarray]:
    """Names that belong to one report (SUBJECT_MIN_COUNT, SUBJECT_CASE_SHARE, SUBJECT_OWNER_SHARE) -> per
    report (in `documents`' order), the report's rate of use (per word of its text) over the sum of the reports' rates."""
    column = {name: i for i, name in enumerate(documents)}
    counts: dict[str, np.ndarray] = {}
    inside: Counter[str] = Counter()  # uses after a sentence's first word, where case tells a name
    lower: Counter[str] = Counter()
    sizes = np.zeros(len(documents), dtype=np.float64)
    sentences = store.sentences
    titles = set()
    for i in range(len(sentences)):
        d = column[sentences.field("document", i)]
        titles.add((d, sentences.field("unit", i)))
        for j, word in enumerate(re.findall(r"[A-Za-z][A-Za-z0-9]*", sentences.field("text", i))):
            key = word.lower()
            counts.setdefault(key, np.zeros(len(documents)))[d] += 1
            if j:
                inside[key] += 1
                lower[key] += word[0].islower()
    # a case study's title names its subject ("Alipay AI Healthcare Manager – ..."): counted once, case aside
    for d, title in titles:
        for word in re.findall(r"[A-Za-z][A-Za-z0-9]*", title):
            counts.setdefault(word.lower(), np.zeros(len(documents)))[d] += 1
    for per_report in counts.values():
        sizes += per_report
    out = {}
    for key, per_report in counts.items():
        if per_report.sum() >= SUBJECT_MIN_COUNT and inside[key] and lower[key] <= (1 - SUBJECT_CASE_SHARE) * inside[key]:
            rate = per_report / np.maximum(sizes, 1)
            share = rate / rate.sum()
            if share.max() >= SUBJECT_OWNER_SHARE:
                out[key] = share
    return out


def boilerplate(store: IndexStore) -> np.ndarray:
    n = len(store.passages)
    share = np.zeros(n, dtype=np.float32)
    if len(store.documents) < 2:
        return share
    sentences = store.sentences
    keys = [" ".join(re.findall(r"[a-z0-9]+", sentences.field("text", i).lower())) for i in range(len(sentences))]
    seen: dict[str, set[str]] = {}
    for i, key in enumerate(keys):
        if len(key) >= BOILERPLATE_MIN_CHARS:
            seen.setdefault(key, set()).add(sentences.field("document", i))
    repeated = np.array([len(key) >= BOILERPLATE_MIN_CHARS and len(seen[key]) > 1 for key in keys], dtype=np.float32)
    rows = np.asarray(store.sentence_passage, dtype=np.int64)
    counts = np.bincount(rows, minlength=n).astype(np.float32)
    np.divide(np.bincount(rows, weights=repeated, minlength=n).astype(np.float32), counts, out=share, where=counts > 0)
    return share


def document_store(store: IndexStore, name: str) -> IndexStore | None:
    """One report of a library as an index of its own: what `load` gives for a folder holding only it (its shard,
    BM25 over its passages alone, its own stem statistics), so whatever is computed over the whole index (BM25's
    idf, min-max scaling, the answer stage's lexicon and word weights) is computed over the report alone.
    None when the report is not in the index or its shard cannot be read (the index was rebuilt meanwhile)."""
    import bm25s

    entry = next((e for e in store.manifest.get("documents", []) if e.get("name") == name), None)
    if entry is None:
        return None
    folder = store.path / "shards" / entry["shard"]
    try:
        shard = read_shard(folder)
        tokens = read_tokens(folder)
    except (OSError, ValueError, IndexCorrupt):
        return None
    bm25 = bm25s.BM25()
    bm25.index(tokens, show_progress=False)
    counts = {"documents": 1, "passages": len(shard.passages), "sentences": len(shard.sentences)}
    manifest = dict(store.manifest, documents=[entry], counts=counts, ann={"kind": "exact"})
    return from_shards(store.path, manifest, [shard], bm25)

"""The corpus's own vocabulary: words it uses (to mend typos) and abbreviations it defines (to read them both ways).

Nothing here is a list of the report's words written by hand: abbreviations come from the text
itself, as "long form (SF)" definitions (the Schwartz-Hearst algorithm), as the lines of an acronyms list ("PAR
Public Administration Reform"), and as the initials of
multi-word names ("State Grid Corporation of China" -> "SGCC"), plus a short list for the field
(`params.FIELD_ABBREVIATIONS`); typos are mended towards the words the corpus uses.

>>> lex = Lexicon.from_texts(["The Industrial and Commercial Bank of China (ICBC) fights fraud with an anti-fraud platform."])
>>> lex.normalize("which bank built the antifraud platfrom?").text
'which bank built the anti fraud platform?'
>>> lex.expansions("icbc fraud")
('industrial and commercial bank of china',)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from .params import FIELD_ABBREVIATIONS, MAX_INITIALS, MIN_CORRECTABLE_LENGTH

_WORD = re.compile(r"[a-z][a-z0-9]*(?:'[a-z]+)?", re.I)
_DEFINITION = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9&\-]{1,9}s?)\s*\)")
_NAME_RUN = re.compile(r"\b[A-Z][\w&'’\-]*(?:[ \t]+(?:(?:of|and|for|the|&)[ \t]+)*[A-Z][\w&'’\-]*)+")
_LINKING = {"of", "and", "for", "the", "&", "in", "on"}


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def schwartz_hearst(text: str) -> list[tuple[str, str]]:
    """(short form, long form) pairs defined in `text` as "long form (SF)".

    The long form is the shortest run of words before the parenthesis whose letters contain the short
    form's in order, the first at a word's start (Schwartz & Hearst, 2003, PSB).

    >>> schwartz_hearst("a compound annual growth rate (CAGR) of 27%")
    [('CAGR', 'compound annual growth rate')]
    """
    pairs: list[tuple[str, str]] = []
    for m in _DEFINITION.finditer(text):
        short = m.group(1)
        letters = [c.lower() for c in short if c.isalnum()]
        if len(letters) < 2 or sum(c.isupper() for c in short) < max(1, len(letters) // 2) or short.lower() == short:
            continue  # "(for example)", "(Shanghai)": not an abbreviation
        before = text[max(0, m.start() - 200) : m.start()].rstrip()
        words = re.findall(r"[^\s()]+", before)
        limit = min(len(letters) + 5, 2 * len(letters))
        for n in range(1, min(limit, len(words)) + 1):
            candidate = " ".join(words[-n:])
            if _matches(letters, candidate):
                pairs.append((short.rstrip("s") if short.endswith("s") and short[:-1].isupper() else short, candidate.strip(",;:")))
                break
    return pairs


_LISTED = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9&\-]{1,9})\s+([A-Z][^.!?]*?)\s*$")
"""A line of an acronyms list: the short form, then its long form capitalised and with no full stop."""


def listed_definition(text: str) -> tuple[str, str] | None:
    """(short form, long form) when `text` is a line of an acronyms list, "SF Long Form": two capitals or more in the
    short form, whose letters the long form holds in order (`_matches`), in at most twice as many words plus two.

    >>> listed_definition("CGEPL Council on Gender Equality in Public Life"), listed_definition("CoM Council of Ministers")
    (('CGEPL', 'Council on Gender Equality in Public Life'), ('CoM', 'Council of Ministers'))
    >>> listed_definition("ICBC developed an anti-fraud platform.") is None, listed_definition("Diwan The Official Gazette Bureau")
    (True, None)
    """
    m = _LISTED.match(text)
    if not m:
        return None
    short, long = m.group(1), m.group(2).strip(",;:")
    letters = [c.lower() for c in short if c.isalpha()]
    words = long.split()
    if sum(c.isupper() for c in short) < 2 or len(letters) < 2 or not 2 <= len(words) <= 2 * len(letters) + 2 \
            or long.endswith("-"):  # an entry wrapped onto a line of its own ("... Integrity and Anti-" / "Corruption")
        return None
    return (short, long) if _matches(letters, long) else None


def _matches(letters: list[str], candidate: str) -> bool:
    """Schwartz-Hearst's test: the short form's letters, last to first, found right to left in the long
    form, the first of them at a word's start."""
    low = candidate.lower()
    i = len(low) - 1
    for k in range(len(letters) - 1, -1, -1):
        c = letters[k]
        while i >= 0 and (low[i] != c or (k == 0 and i > 0 and low[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return low.split()[0][0] == letters[0]


def _names(text: str, *, apart: bool = False) -> list[tuple[list[str], list[str]]]:
    """(words, capitalised words) of each run of capitalised words in `text`, leading linking words and articles cut;
    `apart`: a run split at "and" / "&" into the names side by side in it."""
    out = []
    for m in _NAME_RUN.finditer(text):
        for part in re.split(r"\s+(?:and|&)\s+", m.group(0)) if apart else [m.group(0)]:
            words = part.split()
            while words and words[0].lower() in _LINKING | {"a", "an", "this", "that"}:
                words = words[1:]
            out.append((words, [w for w in words if w[:1].isupper() and w.lower() not in _LINKING]))
    return out


def initialisms(text: str) -> list[tuple[str, str]]:
    """(initials, name) for multi-word names: capitalised words, maybe joined by 'of', 'and', 'for'.

    >>> initialisms("The State Grid Corporation of China runs it.")
    [('sgcc', 'state grid corporation of china')]
    """
    return [("".join(w[0] for w in capital).lower(), " ".join(words).lower())
            for words, capital in _names(text) if 3 <= len(capital) <= MAX_INITIALS]


def linked_initialisms(text: str) -> list[tuple[str, str]]:
    """(initials with the linking words' letters, name) for names whose capitalised words a linking word joins:
    "Ministry of Defence" -> "mod", "Department for Education" -> "dfe". Two capitalised words are enough here, so
    such initials are kept only when the corpus writes them in capitals itself ("the MOD is trialling ...").

    >>> linked_initialisms("The Ministry of Defence and the Department for Education met.")
    [('mod', 'ministry of defence'), ('dfe', 'department for education')]
    """
    return [("".join(w[0] for w in words if w.lower() != "the").lower(), " ".join(words).lower())
            for words, capital in _names(text, apart=True) if 2 <= len(capital) <= MAX_INITIALS and len(capital) < len(words)]


@dataclass(frozen=True)
class Normalized:
    """A question with its typos mended against the corpus's words (`text`), and what was changed."""

    text: str
    corrections: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Lexicon:
    counts: dict[str, int]
    deletes: dict[str, tuple[str, ...]]
    abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # short form -> long forms, lower case
    long_forms: dict[str, str] = field(default_factory=dict)  # long form -> short form, lower case
    dictionary: frozenset[str] = frozenset()  # real words never mended, though the corpus may not use them
    # the word pairs the corpus writes side by side ("anti fraud", "data centres"), as sorted hashes of "left right"
    # (this process's str hash: never stored), for mending two words run together
    pairs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), compare=False, repr=False)

    @classmethod
    def from_texts(
        cls, texts: list[str] | tuple[str, ...], field_abbreviations: dict[str, str] | None = None, dictionary: frozenset[str] = frozenset()
    ) -> "Lexicon":
        """`dictionary`: words known to be real (the embedding model's vocabulary, `Embedder.words()`)."""
        counts: Counter[str] = Counter()
        capitals: set[str] = set()  # words the corpus writes in capitals ("ICBC", "AIGC")
        defined: list[tuple[str, str]] = []
        named: list[tuple[str, str]] = []
        pairs: set[int] = set()
        initialled: set[str] = set()  # words the corpus writes with two capitals or more, as initials are
        linked: list[tuple[str, str]] = []
        listed: list[tuple[str, str]] = []  # an acronyms list's entries: after the text's own definitions
        for text in texts:
            words = _words(text)
            counts.update(words)
            pairs.update(hash(f"{a} {b}") for a, b in zip(words, words[1:]) if len(a) >= MIN_CORRECTABLE_LENGTH - 1 <= len(b))
            capitals.update(w.lower() for w in re.findall(r"\b[A-Z][A-Z0-9&]{1,9}s?\b", text))
            initialled.update(w.lower() for w in re.findall(r"\b[A-Z][a-z]?[A-Z][A-Za-z]{0,6}\b", text))  # "MOD", "MoD", "DfE"
            defined += [(s.lower(), long.lower()) for s, long in schwartz_hearst(text)]
            if (entry := listed_definition(text)) is not None:
                listed.append((entry[0].lower(), entry[1].lower()))
            named += initialisms(text)
            linked += linked_initialisms(text)
        field_list = FIELD_ABBREVIATIONS if field_abbreviations is None else field_abbreviations
        # a name's initials are kept unless they spell a plain word of the corpus ("Can Be Done" is not "cbd"... but "the" is)
        named = [(s, long) for s, long in named if s not in counts or s in capitals]
        defined += listed
        # initials with a linking word's letter ("MOD"): only those the corpus writes, and not defined otherwise, each for
        # the name it writes most often, at least twice (not "minister of funds" beside "ministry of finance")
        own = {short for short, _ in defined}
        for (short, long), times in Counter(linked).most_common():
            if short in initialled and short not in own and len(short) >= 3 and times >= 2:
                named.append((short, long))
                own.add(short)
        known = defined + named + list(field_list.items())  # the text's definitions first: they win a long form
        abbreviations: dict[str, list[str]] = {}
        for short, long in known:
            longs = abbreviations.setdefault(short, [])
            if long not in longs:
                longs.append(long)
        deletes: dict[str, list[str]] = {}
        for word in counts:
            if len(word) >= MIN_CORRECTABLE_LENGTH - 1 and word.isalpha():
                for variant in {word, *_deletions(word)}:
                    deletes.setdefault(variant, []).append(word)
        return cls(
            dict(counts),
            {k: tuple(v) for k, v in deletes.items()},
            {k: tuple(v) for k, v in abbreviations.items()},
            _long_forms(known),
            frozenset(dictionary),
            np.unique(np.fromiter(pairs, dtype=np.int64, count=len(pairs))),
        )

    def known(self, word: str) -> bool:
        low = word.lower()
        return low in self.counts or low in self.abbreviations or low in self.dictionary

    def unknown(self, text: str) -> set[str]:
        """The words of `text` this corpus never writes and the dictionary lacks (a name it does not know: "seafarm")."""
        return {w for w in _words(text) if not self.known(w)}

    def correct(self, word: str) -> str:
        """The corpus's word nearest to an unknown word (one edit, or a swap of two letters); else the word.

        Ties go to the word the corpus uses most. A word split in two by a missing space is not mended
        here (see `normalize`).
        """
        low = word.lower()
        if self.known(low) or len(low) < MIN_CORRECTABLE_LENGTH or not low.isalpha():
            return word
        found: set[str] = set(self.deletes.get(low, ()))
        for variant in _deletions(low):
            found.update(w for w in self.deletes.get(variant, ()) if _one_edit(low, w))
        if not found:
            return word
        return max(sorted(found), key=lambda w: self.counts.get(w, 0))

    def normalize(self, question: str) -> Normalized:
        """Mend unknown words: one edit away from a corpus word, or two corpus words run together ("antifraud")."""
        changes: list[tuple[str, str]] = []

        def mend(m: re.Match) -> str:
            word = m.group(0)
            if self.known(word):  # most words: neither corrected nor split
                return word
            fixed = self.correct(word)
            if fixed == word and len(word) >= 2 * (MIN_CORRECTABLE_LENGTH - 1) and word.isalpha():  # an unknown word
                fixed = self._split(word.lower()) or word
            if fixed != word:
                changes.append((word, fixed))
            return fixed

        text = _WORD.sub(mend, question)
        return Normalized(text, tuple(changes))

    def _split(self, word: str) -> str | None:
        """Two words of the corpus run together, which it writes side by side ("antifraud": "anti-fraud"); not two
        words it never writes together ("deepseek" is a name, not "deep seek")."""
        best = None
        for i in range(MIN_CORRECTABLE_LENGTH - 1, len(word) - MIN_CORRECTABLE_LENGTH + 2):
            left, right = word[:i], word[i:]
            if left in self.counts and right in self.counts and self._written(f"{left} {right}"):
                score = min(self.counts[left], self.counts[right])
                if best is None or score > best[0]:
                    best = (score, f"{left} {right}")
        return best[1] if best else None

    def _written(self, pair: str) -> bool:
        key = hash(pair)
        at = int(np.searchsorted(self.pairs, key))
        return at < len(self.pairs) and int(self.pairs[at]) == key

    def spelled_out(self, text: str, *, every: bool = False) -> str:
        """`text` with each abbreviation this corpus never writes said in the long form it does ("how many green DCs?"
        -> "how many green data centres?"): what the question asks, read against the report's words. An abbreviation
        the corpus writes ("AI") stays as it is; with `every`, it is spelled out too (a quote's "77 ZB" counts what
        "how many zettabytes" asks for)."""
        def spell(m: re.Match) -> str:
            low = m.group(0).lower()
            if low in self.counts and not every:
                return m.group(0)
            longs = self.abbreviations.get(low) or ()
            if not longs and low.endswith("s") and self.abbreviations.get(low[:-1]):
                return self.abbreviations[low[:-1]][0] + "s"
            return longs[0] if longs else m.group(0)

        return _WORD.sub(spell, text)

    def expansions(self, question: str) -> tuple[str, ...]:
        """What the question's abbreviations stand for, and the abbreviations of long forms it spells out."""
        return tuple(dict.fromkeys(alternative for _, alternative in self.expansion_pairs(question)))

    def expansion_pairs(self, question: str) -> tuple[tuple[str, str], ...]:
        """(what the question writes, what else says it): each abbreviation with a long form it stands for, each long
        form it spells out with its abbreviation. A question's words and their other form are one thing it asks about
        (`query.Query.concepts`), not two.

        >>> lex = Lexicon.from_texts(["The Palestinian Authority (PA) runs the portal of the Ministry of Finance (MoF)."])
        >>> lex.expansion_pairs("does the mof or the palestinian authority run it")
        (('mof', 'ministry of finance'), ('palestinian authority', 'pa'))
        """
        low = " ".join(_words(question))
        out: list[tuple[str, str]] = []
        taken: set[str] = set()
        for word in dict.fromkeys(low.split()):
            for key in (word, word[:-1] if word.endswith("s") else word):
                for long in self.abbreviations.get(key, ()):
                    if long not in low and long not in taken:
                        out.append((word, long))
                        taken.add(long)
        padded, said = f" {low} ", low.split()
        starts, items = self._long_form_starts
        # only the long forms starting with a word of the question can be in it, taken in `long_forms`' order
        for k in sorted({k for word in {*said, ""} for k in starts.get(word, ())}):
            long, short = items[k]
            if f" {long} " in padded and short not in said and short not in taken:
                out.append((long, short))
                taken.add(short)
        return tuple(out)

    @cached_property
    def _long_form_starts(self) -> tuple[dict[str, tuple[int, ...]], tuple[tuple[str, str], ...]]:
        """(each first word of a long form -> the places in `long_forms` of the long forms it starts, `long_forms`' items),
        made once: a question is looked for in only the long forms its own words start."""
        items = tuple(self.long_forms.items())
        starts: dict[str, list[int]] = {}
        for k, (long, _) in enumerate(items):
            starts.setdefault(long.split(" ")[0], []).append(k)
        return {word: tuple(ks) for word, ks in starts.items()}, items


def _long_forms(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Each long form's abbreviation, the first pair naming it winning: the text's own definitions ("Palestinian
    Anti-Corruption Commission (PACC)") before initials read off the name ("pac"). A long form is written as a
    question's words are read (`_words`: "anti-corruption" is "anti corruption"), so a question spelling it out finds it.

    >>> _long_forms([("pacc", "palestinian anti-corruption commission"), ("pac", "palestinian anti-corruption commission")])
    {'palestinian anti corruption commission': 'pacc'}
    """
    out: dict[str, str] = {}
    for short, long in pairs:
        out.setdefault(" ".join(_words(long)), short)
    return out


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance 1, or two neighbouring letters swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))

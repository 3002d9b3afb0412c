"""Candidate sentences and what is measured of each: the inputs of the learned ranker and of confidence.

The candidates of a question are the sentences of its best passages. Each gets a row of `FEATURES`,
cheap to compute from what retrieval already scored (one question encoding serves all):

- how close it is to the question: its own cosine, its passage's dense, BM25 and fused scores, and
  their ranks;
- which of the question's words it holds: idf-weighted, counting its heading context (section and
  unit title) or not, and "focus", the question words its heading does not already hold. An abbreviation and
  what it stands for are one thing the question asks about, held by either (`Query.share`): when each word of
  the long form counted apart, "why do SMEs stay informal" preferred a sentence spelling out "small and
  medium-sized enterprises" to the one saying "many SMEs preferring to stay informal" (OECD dev answers
  0.531 -> 0.562, UK 0.538 -> 0.615; Blueprint dev 0.840 -> 0.834, test 0.825 -> 0.819, one question each);
- whether it holds the kind of answer the question asks for (`Query.answer_types` times what the
  sentence holds: a number, a date, a name, money, a share), and what kind of line it is (prose, a
  list item, a table row, a caption, a heading), whether it leans on the sentence before ("This
  ...", "It ...") and how long it is.

>>> cache = StoreFeatures(store, lexicon)                            # doctest: +SKIP
>>> rows, matrix = candidate_matrix(query, scores, passages, cache)  # doctest: +SKIP
>>> matrix.shape == (len(rows), len(FEATURES))                        # doctest: +SKIP
True
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ..index import bm25_tokenize
from ..ingest.text import title_key
from ..types import Passage
from .lexicon import Lexicon
from .params import (ANSWER_TYPES, ASKS_ITSELF, CONTRIBUTORS_TITLE, CREDITS_ASKED, DOCUMENT_WORD, FUNCTION_WORDS, GLOSSARY_TITLE,
                     IMPRINT_SHARE, IMPRINT_TITLE, KIN_MIN_STEM, NOT_STANDALONE, SERIES_TITLE, SERIES_WORD, SOURCE_LINE, URL, URL_SAYS, YEAR)
from .figures import bare_label
from .query import Query, content_stems, holds
from .shares import Shares

_CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]+")  # a name's word, as `credited` reads names

KINDS = ("prose", "item", "row", "caption", "heading")
LAZY_LIMIT = 200_000
"""Entries a per-sentence or per-passage cache keeps before starting afresh: memory stays bounded."""

FEATURES = (
    "cosine", "cosine_gap", "cosine_rank", "passage_dense", "passage_bm25", "passage_fused", "passage_rank",
    "lexical", "lexical_sentence", "focus", "unit_overlap",
    *(f"asks_{t}_holds" for t in ANSWER_TYPES), *(f"asks_{t}_lacks" for t in ANSWER_TYPES),
    *(f"kind_{k}" for k in KINDS[1:]), "leans_back", "log_words", "position", "neighbour_cosine", "passage_lexical",
    "previous_unit", "previous_section", "quoted_before", "bias",
)
_ASKS = slice(FEATURES.index(f"asks_{ANSWER_TYPES[0]}_holds"), FEATURES.index(f"asks_{ANSWER_TYPES[-1]}_holds") + 1)
_LACKS = slice(FEATURES.index(f"asks_{ANSWER_TYPES[0]}_lacks"), FEATURES.index(f"asks_{ANSWER_TYPES[-1]}_lacks") + 1)
_UNASKED = (0.0,) * (2 * len(ANSWER_TYPES))  # a row's asks_* columns until they are filled for all rows at once


@dataclass(frozen=True)
class Candidates:
    """The candidate sentences of one question (indexes into store.sentences) and their feature rows."""

    indexes: tuple[int, ...]
    matrix: np.ndarray  # (len(indexes), len(FEATURES))
    passages: tuple[Passage, ...]  # the passages they come from, ranked
    new_words: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    """Per candidate, in a follow-up: the idf-weighted share of the follow-up's new words it holds (content
    words only, so "how" and "does" do not dilute "cameras"; a word is held by a longer one its stem begins: not a
    fitted feature: too few follow-ups on dev to fit it; `select.py` weighs it by FOLLOWUP_NEW_WORDS)."""
    own_words: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    """Per candidate, in a follow-up: the idf-weighted share of the follow-up's own content words the sentence itself
    holds, new or not ("who developed it?": "develop"), what its pronouns stand for aside."""


class Lazy:
    """A read-only mapping computed per key on first use and kept: a library of a thousand reports is
    never walked whole to answer one question. Bounded: past LAZY_LIMIT entries it starts afresh."""

    def __init__(self, compute) -> None:
        self._compute = compute
        self._memo: dict = {}

    def __getitem__(self, key):
        try:  # kept (most reads): one look-up
            return self._memo[key]
        except KeyError:
            pass
        if len(self._memo) >= LAZY_LIMIT:
            self._memo.clear()
        value = self._memo[key] = self._compute(key)
        return value

    def get(self, key, default=None):
        value = self[key]
        return default if value is None else value


class StoreFeatures:
    """What is measured of the index's sentences, each when first needed: stems, kinds of answer held, line kind.

    The idf of answering is over sentences, counted per report at build time (`store.stem_df`), so
    nothing here reads every sentence of the library.
    """

    def __init__(self, store, lexicon: Lexicon) -> None:
        self.store = store
        self.lexicon = lexicon
        self.row = Lazy(store.passage_row)
        self.by_passage = Lazy(lambda pid: list(store.passage_sentences(self.row[pid])) if self.row[pid] is not None else [])
        self.stems = Lazy(self._sentence_stems)
        # a sentence's stems as its text writes them (a web address's words too, unlike `stems`): what a reader sees with
        # a quote (`confidence`)
        self.text_stems = Lazy(lambda i: frozenset(_stems(store.sentences.field("text", i))))
        self.context_stems = Lazy(lambda pid: frozenset(_stems(store.contexts[self.row[pid]])) if self.row[pid] is not None else None)
        self.unit_stems = Lazy(lambda unit: frozenset(_stems(unit)) if unit else None)
        self.passage_stems = Lazy(
            lambda pid: frozenset().union(self.context_stems.get(pid, frozenset()), *(self.stems[i] for i in self.by_passage[pid]))
        )
        self.sentence = Lazy(self._measure)
        self._titles: dict[str, str] | None = None  # report name -> its title as `title_key` writes it
        self._title_pages: dict[str, bool] = {}  # report name -> its title's section is only its title page (`_front`)
        self._credit_names: frozenset[str] | None = None  # words the contributors lists write capitalised (`credited`)

        df = dict(store.stem_df)
        for t in store.context_stems:
            df.setdefault(t, 1)
        n = max(1, len(store.sentences))
        self.idf_unknown = float(np.log(n + 1)) + 1.0
        self.idf = {t: float(np.log((n + 1) / (c + 1))) + 1.0 for t, c in df.items()}
        self.vocabulary = frozenset(df)
        self.kin = Lazy(self._kin)

    def _kin(self, stem: str) -> frozenset[str]:
        """A stem and the corpus's stems it begins, when it is long enough to say what it begins
        (KIN_MIN_STEM): "accur" -> {"accur", "accuraci"}; "use" -> {"use"}."""
        if len(stem) < KIN_MIN_STEM:
            return frozenset({stem})
        return frozenset({stem, *(t for t in self.vocabulary if t.startswith(stem))})

    def _sentence_stems(self, i: int) -> frozenset[str]:
        # the stems of the sentence's whole passage at once (one tokenizer call), then kept
        rows = self.store.passage_sentences(int(self.store.sentence_passage[i]))
        # a web address says that it is one, not the words it is spelt with ("www.palestine.ps" says nothing of Palestine)
        texts = [URL.sub(URL_SAYS, self.store.sentences.field("text", r)) for r in rows]
        for row, tokens in zip(rows, bm25_tokenize(texts, return_ids=False)):
            self.stems._memo[row] = frozenset(tokens)
        return self.stems._memo[i]

    def _measure(self, i: int) -> tuple[np.ndarray, tuple[float, ...], bool, bool, str, str, str, tuple[int, ...]]:
        """(answer kinds held, its features that no question changes: line kind, leans back, log words; answers nothing,
        a line quoted only when asked for (a glossary's line, a figure's source line), its front matter; its unit, its
        section, the sentences beside it in that section of its report) of sentence i: read for every candidate."""
        s = self.store.sentences[i]
        field, n = self.store.sentences.field, len(self.store.sentences)
        beside = tuple(j for j in (i - 1, i + 1) if 0 <= j < n and field("section", j) == s.section and field("document", j) == s.document)
        held = holds(s.text)
        key = title_key(s.section.split(" > ")[-1])  # its section's own title
        return (
            np.array([held[t] for t in ANSWER_TYPES], dtype=np.float32),
            # as Python floats, ready to go into a row as they are
            (*(float(s.kind == k) for k in KINDS[1:]), float(bool(NOT_STANDALONE.match(s.text))), float(np.log1p(len(s.text.split())))),
            # a bare label ("FIGURE 1") answers nothing: "what does figure 2 show" quoted "FIGURE 1" and "FIGURE 6"; nor
            # does a question
            len(s.text) < 4 or not re.search(r"[^\W\d_]", s.text) or bare_label(s.text) or bool(ASKS_ITSELF.search(s.text)),
            # a glossary's line answers what an abbreviation stands for alone (definitions.py); a figure's source line
            # ("Source: (Government of France, 2022[18]).") who made the figure (parts.py quotes it with the figure)
            bool(GLOSSARY_TITLE.match(key)) or bool(SOURCE_LINE.match(s.text)),
            self._front(key, s.document),
            s.unit, s.section, beside,
        )

    def _front(self, key: str, document: str) -> str:
        """Where a sentence stands if in its report's front matter, from its section's own title (`key`, as `title_key`
        writes it): "imprint" (the title page, a section titled as the report, or an IMPRINT_TITLE section:
        "Disclaimer"), "credits" (its contributors: CONTRIBUTORS_TITLE), "series" (a SERIES_TITLE section: "Reading
        guide"), or ""."""
        if self._titles is None:
            self._titles = {d.name: title_key(d.title) for d in self.store.documents}
        if IMPRINT_TITLE.match(key) or (key == self._titles.get(document) and self._title_page_only(document)):
            return "imprint"
        if CONTRIBUTORS_TITLE.match(key):
            return "credits"
        return "series" if SERIES_TITLE.match(key) else ""

    def _title_page_only(self, document: str) -> bool:
        """Whether the section titled as `document` is its title page and imprint (IMPRINT_SHARE of its sentences at
        most), not its undivided body. Counted once per report."""
        if document not in self._title_pages:
            rows = self.store.document_sentence_rows(document)
            title, field = self._titles.get(document), self.store.sentences.field
            under = sum(title_key(field("section", i).split(" > ")[-1]) == title for i in rows)
            self._title_pages[document] = under <= IMPRINT_SHARE * len(rows)
        return self._title_pages[document]

    def credited(self, question: str) -> bool:
        """Whether a question names someone the reports' contributors lists name: a capitalised word of the question
        that more of the lists' sentences write capitalised than the rest of the reports' do ("Daniel Dobrygowski",
        "Mr"; not "China", "Palestinian" or "Prime Minister", which the lists name too: "Advisor to the Prime Minister"
        opened the OECD review's answer to "what does the OECD recommend to anchor the prime minister's office's review
        role?"). Read from the index the first time it is asked."""
        if self._credit_names is None:
            sentences = self.store.sentences
            listed, elsewhere = Counter(), Counter()
            for i in range(len(sentences)):
                words = {w.lower() for w in _CAPITALISED.findall(sentences.field("text", i))}
                credits = CONTRIBUTORS_TITLE.match(title_key(sentences.field("section", i).split(" > ")[-1]))
                (listed if credits else elsewhere).update(words)
            self._credit_names = frozenset(w for w, n in listed.items() if n > elsewhere[w])
        return any(w.lower() in self._credit_names and w.lower() not in FUNCTION_WORDS and w.lower() != "ai"
                   for w in _CAPITALISED.findall(question))

    def weight(self, terms) -> float:
        return sum(self.idf.get(t, self.idf_unknown) for t in terms)


def _stems(text: str) -> list[str]:
    return bm25_tokenize([text], return_ids=False)[0]


def candidate_matrix(
    query: Query, scores, passages: tuple[Passage, ...], cache: StoreFeatures, previous: tuple[str, str, str] | None = None,
    asked: str = "", keep: frozenset[int] | None = None, entity: str = "",
) -> Candidates:
    """Feature rows for the sentences of `passages` (best first); sentences that answer nothing are left out.

    `previous`: (section, unit, text) of the last answer in a conversation, so a follow-up can stay with
    it and move past what it already quoted; `asked`: the follow-up's own words, whose stems the last
    answer lacks are what it asks about ("new_words": "what about its accuracy?" -> accuracy).
    """
    field = cache.store.sentences.field
    shares = Shares(query, cache.weight)  # the share of what it asks about a set of stems holds
    share = shares.held
    cosines = scores.sentence_cosine
    qstems = query.stems
    asks = np.array([query.answer_types.get(t, 0.0) for t in ANSWER_TYPES], dtype=np.float32)
    rows_dense = np.array([scores.dense[cache.row[p.id]] for p in passages], dtype=np.float32)
    rows_bm25 = np.array([scores.bm25[cache.row[p.id]] for p in passages], dtype=np.float32)
    best_dense = float(rows_dense.max()) if len(rows_dense) else 1.0
    best_bm25 = float(rows_bm25.max()) if len(rows_bm25) and rows_bm25.max() > 0 else 1.0
    best_fused = max((p.score for p in passages), default=1.0) or 1.0
    # what a pronoun was read as ("it": "Sunshine Zhengyan GPT", `entity`) is not what the follow-up asks
    own = content_stems(asked, function_words=False) - content_stems(entity) if previous is not None and asked else set()
    # a year is not what a follow-up asks about but when ("and in 2030?" after the share of AI-influenced revenue): lifted
    # as a new word, it put the 2030 target for the AI industry first; a year the quote's passage lacks rules the answer
    # out instead (`confidence.ruled_out`), and `_pinned_best` moves to a likely sentence whose passage has it
    new = {t for t in own - content_stems(previous[2]) if not YEAR.fullmatch(t)} if own else set()
    new_weight, own_weight = cache.weight(new), cache.weight(own)
    kin = {t: cache.kin[t] for t in own}  # "accur" (accurate) is held by a sentence saying "accuraci" (accuracy)

    def held_share(terms, total: float, held) -> float:  # the idf-weighted share of `terms` that `held` holds, by kin
        return cache.weight(t for t in terms if kin[t] & held) / total if total else 0.0

    named = {"": True, "imprint": bool(DOCUMENT_WORD.search(query.text)), "series": bool(SERIES_WORD.search(query.text))}
    indexes: list[int] = []
    rows: list[list[float]] = []
    kinds_held: list[np.ndarray] = []
    unit_share: dict[str, float] = {}  # per unit title: its stems' share, the same for each of its sentences
    news: list[float] = []
    owns: list[float] = []
    hidden: list[bool] = []
    for rank, p in enumerate(passages):
        context = cache.context_stems.get(p.id, frozenset())
        heading = shares.under(context)
        siblings = cache.by_passage.get(p.id, [])
        passage_lexical = share(cache.passage_stems.get(p.id, frozenset())) or 0.0
        # the passage's own features, the same for each of its sentences
        dense = float(rows_dense[rank]) / best_dense if best_dense > 0 else 0.0
        bm25, fused, ranked = float(rows_bm25[rank]) / best_bm25, max(0.0, p.score / best_fused), rank / max(1, len(passages) - 1)
        last = max(1, len(siblings) - 1)
        for position, i in enumerate(siblings):
            holds_row, steady, answers_nothing, aside, front, s_unit, s_section, beside = cache.sentence[i]
            if answers_nothing or (keep is not None and i not in keep):
                continue  # a bare number ("2020") answers nothing; a short name ("Na Na") may
            # a glossary's line answers what an abbreviation stands for alone (definitions.py); an imprint's line a question
            # naming the document, a reading guide's one naming the series, a contributors list's one asking about the
            # people: they stay in the candidates' cosine ranks (the others' features do not move) but are not chosen
            if front not in named:  # "credits": read when a contributors line is first a candidate (`credited` reads
                # the index's contributors lists the first time)
                named[front] = bool(CREDITS_ASKED.search(query.text) or cache.credited(query.text))
            stems = cache.stems[i]
            # nor is a line of the body that says nothing the question does not ("The General Personnel Council", a
            # table's cell, for "what does the General Personnel Council do?"): it cannot hold the answer (a name in a
            # contributors list can: the line after it, the person's title, comes with it)
            hidden.append(keep is None and (aside or not named[front] or (not front and stems <= qstems)))
            if s_unit not in unit_share:
                unit_share[s_unit] = share(cache.unit_stems.get(s_unit, frozenset())) or 0.0
            lexical, focus, alone = heading.readings(stems)
            lexical = lexical or 0.0
            rows.append([
                float(cosines[i]), 0.0, 0.0, dense, bm25, fused, ranked,
                lexical,
                alone or 0.0,
                lexical if focus is None else focus,
                unit_share[s_unit],
                *_UNASKED,
                *steady,
                position / last, max([float(cosines[j]) for j in beside], default=0.0), passage_lexical,
                float(previous is not None and bool(s_unit) and s_unit == previous[1]),
                float(previous is not None and s_section == previous[0]),
                float(previous is not None and bool(previous[2]) and field("text", i) in previous[2]),
                1.0,
            ])
            kinds_held.append(holds_row)
            news.append(held_share(new, new_weight, stems | context) if new_weight else 0.0)
            # its own words, not its heading's ("USE CASE 2: GAC Honda" holds the "use" of "what did they use before?"
            # for every sentence of the case)
            owns.append(held_share(own, own_weight, stems) if own_weight else 0.0)
            indexes.append(i)
    matrix = np.array(rows, dtype=np.float32).reshape(len(rows), len(FEATURES))
    if len(rows):
        kinds = np.array(kinds_held, dtype=np.float32)  # each row's answer kinds held, times what the question asks for
        matrix[:, _ASKS] = asks * kinds
        matrix[:, _LACKS] = asks * (1.0 - kinds)
        cos = matrix[:, 0]
        matrix[:, 1] = cos - cos.max()
        order = np.argsort(-cos, kind="stable")
        ranks = np.empty(len(cos), dtype=np.float32)
        ranks[order] = np.arange(len(cos), dtype=np.float32)
        matrix[:, 2] = np.minimum(ranks, 10.0) / 10.0
    shown = np.array([not h for h in hidden], dtype=bool)
    return Candidates(tuple(i for i, s in zip(indexes, shown) if s), matrix[shown], passages, np.array(news, dtype=np.float32)[shown],
                      np.array(owns, dtype=np.float32)[shown])

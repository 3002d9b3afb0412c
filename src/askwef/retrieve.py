"""Retrieve: question -> passages, best first, by fusing dense (FAISS) and BM25 scores.

Dense score of a passage = (1 - sentence_weight) * cosine(question, passage)
                           + sentence_weight * max cosine(question, one of its sentences)
(a passage is as relevant as its best sentence, which keeps long passages from diluting a hit).
Both dense and BM25 scores are min-max scaled over the corpus, then mixed:
    fused = dense_weight * dense + (1 - dense_weight) * bm25.
The weights were chosen on the golden questions' dev split (see evals/RESULTS.md, `askwef tune`).

A small library (up to `index.ann.EXACT_MAX_PASSAGES` passages) scores every passage and sentence.
A large one scores exactly only candidates: the ANN index's best passages, BM25's, and those of a
section the question names; the dense min-max then runs over the candidates and a fixed sample of
passages (`ANCHOR_SAMPLE`). A search within one document scores that document whole, whatever the
library's size. `askwef scale` measures recall@10 of this against scoring everything.

>>> retriever = Retriever(store, embedder, Settings())        # doctest: +SKIP
>>> retriever.search("How many green data centres?", k=3)[0].section   # doctest: +SKIP
'2 Key enablers in the AI ecosystem > 2.4 Enabling sustainable energy solutions to power AI'
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from .embed import Embedder
from .index import IndexStore, bm25_tokenize
from .index import ann as ann_index
from .index.library import ShortTitles, boilerplate, document_names, document_store, name_words, naming_spans, pairs, said_as_the_report, subjects, title_key
from .settings import Settings
from .types import Passage, in_section

MODES = ("hybrid", "dense", "bm25")
ANCHOR_SAMPLE = 1024
"""Large libraries: passages (evenly spread, fixed) scored with every question to anchor the dense min-max
scaling, which exact search takes over all passages (askwef scale measures what this costs in recall)."""
NAMED_MAX = 2000
"""Large libraries: at most this many passages of a section the question names join the candidates."""
DOCUMENT_BONUS = 1.0
"""Added to the fused score of the passages of a report the question names ("in the UK strategy, ..."):
as much as the whole fused range, so the question goes to that report, and the others' passages follow
only when it holds nothing on the question. Set by judgement (a named report is an instruction), not fit."""
BOILERPLATE_PENALTY = 1.0
"""Taken from the fused score of a passage times the share of its sentences found word for word in another
report of the library (disclaimers, addresses, contributors): a passage of such text falls below content."""
SUBJECT_WEIGHT = 0.3
"""Taken from the fused score of the passages of every report but the one a name in the question belongs to
("China", "Alipay", "Palestinian"), times how much less that report uses it (see `index.library.subjects`). Fit on the
dev questions of the three-report library (Blueprint answers 0.757 before names were used, 0.793 with named
sections kept to the names' report and this at 0.0, 0.800 at 0.3; OECD and UK unchanged):
without it, questions about China were answered from the UK strategy's look-alike passages. A further
penalty on such candidates' ranker logits (1, 2, 4) gained nothing on dev and was left out."""
ALONE_KEPT = 16
"""A library: at most this many reports kept as indexes of their own (`Retriever.alone`), the most recently asked;
one costs a copy of its vectors (a few MB for a report of a few hundred pages) and about a second to make, so
`answer.route` answers report by report only in a library of at most this many (each made once, then kept)."""

_MEMO = threading.local()


@contextmanager
def one_question():
    """Within it, a text this thread encodes once is not encoded again: a question asked of a library and then of
    the reports it routes to is encoded once, not once per report. Nothing is kept from one question to the next."""
    outer = getattr(_MEMO, "vectors", None)
    if outer is None:
        _MEMO.vectors = {}
    try:
        yield
    finally:
        if outer is None:
            _MEMO.vectors = None


@dataclass(frozen=True)
class Scores:
    """Per-passage scores for one question (arrays aligned with store.passages), and per-sentence cosines.

    In a large library only `candidates` (passage rows) are scored; the other rows hold -inf (dense,
    fused) and 0 (sentence cosines). `candidates` is None when every passage was scored.
    """

    dense: np.ndarray
    bm25: np.ndarray
    fused: np.ndarray
    sentence_cosine: np.ndarray
    query_vector: np.ndarray
    candidates: np.ndarray | None = None
    named: tuple[str, np.ndarray] | None = None  # (the text read, its `named_sections`), for `named_section_ids` to reuse


def minmax(x: np.ndarray) -> np.ndarray:
    if x.size == 0:
        return x
    lo, hi = float(x.min()), float(x.max())
    return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)


class Retriever:
    def __init__(self, store: IndexStore, embedder: Embedder, settings: Settings, *, exact: bool | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.settings = settings
        self.exact = store.exact if exact is None else exact
        self.sentence_rows = store.sentence_passage
        # section titles (numbering dropped, lower case) -> codes of the section paths holding them
        self._section_codes, paths = store.passages.codes("section")
        self._document_codes, self._documents = store.passages.codes("document")
        titles: dict[str, set[int]] = {}
        reports = {title_key(d.title) for d in store.documents}  # names a report, not its front matter's section
        for code, path in enumerate(paths):
            for part in path.split(" > "):
                title = title_key(part)
                if title and title not in reports:
                    titles.setdefault(title, set()).add(code)
        self._section_paths = paths
        self._section_titles = sorted((t, np.array(sorted(c), dtype=np.int32)) for t, c in titles.items())
        self._short_titles = ShortTitles(dict(self._section_titles))
        self._padded_titles = [(f" {t} ", c) for t, c in self._section_titles]  # as `named_sections` looks for them
        n = len(store.passages)
        step = max(1, n // ANCHOR_SAMPLE)
        self._anchors = np.arange(0, n, step, dtype=np.int64)[:ANCHOR_SAMPLE]
        self._anchor_vectors = None  # (passage vectors, sentence vectors, sentences per anchor), read on first use
        self._names = document_names(store)
        self._name_words = name_words(store)
        self._boilerplate: np.ndarray | None = None  # per passage, computed on first use
        self._subjects: dict[str, np.ndarray] | None = None  # name -> per-report share of its use, on first use
        self._alone: OrderedDict[str, Retriever] = OrderedDict()  # report name -> its retriever as if alone (`alone`)
        self._alone_lock = threading.Lock()

    def encode(self, question: str) -> np.ndarray:
        memo = getattr(_MEMO, "vectors", None)
        if memo is None:
            return self.embedder.encode([question])[0]
        key = (id(self.embedder), question)
        if key not in memo:
            memo[key] = self.embedder.encode([question])[0]
        return memo[key]

    def alone(self, name: str) -> "Retriever | None":
        """The retriever of one report of the library as if it were the only one indexed
        (`index.library.document_store`): made on first use and kept (the ALONE_KEPT most recently asked),
        so what is computed per index (and the answer stage's caches, which belong to the retriever) is
        computed once per report. Itself for the only report of a library of one; None for a name not in it."""
        if len(self.store.documents) < 2:
            return self if any(d.name == name for d in self.store.documents) else None
        with self._alone_lock:
            retriever = self._alone.pop(name, None)
            if retriever is None:
                store = document_store(self.store, name)
                if store is None:
                    return None
                retriever = Retriever(store, self.embedder, self.settings)
            self._alone[name] = retriever
            while len(self._alone) > ALONE_KEPT:
                self._alone.popitem(last=False)
            return retriever

    def bm25_scores(self, question: str) -> np.ndarray:
        n = len(self.store.passages)
        tokens = bm25_tokenize([question], return_ids=False)[0]
        words = [w for w in tokens if w in self.store.bm25.vocab_dict]  # type: ignore[attr-defined]
        if not words or n == 0:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self.store.bm25.get_scores(words), dtype=np.float32)  # type: ignore[attr-defined]

    def _cosines(self, index, count: int, q: np.ndarray) -> np.ndarray:
        out = np.zeros(count, dtype=np.float32)
        if count:
            sims, ids = index.search(q.reshape(1, -1).astype(np.float32), count)
            valid = ids[0] >= 0
            out[ids[0][valid]] = sims[0][valid]
        return out

    def scores(
        self, question: str, query_vector: np.ndarray | None = None, *, within: str | None = None, lexical: str | None = None
    ) -> Scores:
        """Passages scored for `question`; `lexical` (default: the question) is what BM25 and titles read.

        `within` (a document or section) lets a large library score just those passages."""
        q = self.encode(question) if query_vector is None else query_vector
        words = question if lexical is None else lexical
        if not self.exact:
            return self._candidate_scores(words, q, within)
        n = len(self.store.passages)
        passage_cos = self.store.passage_vectors.dot(q) if n else np.zeros(0, np.float32)
        sentence_cos = self.store.sentence_vectors.dot(q)
        best_sentence = np.full(n, -1.0, dtype=np.float32)
        np.maximum.at(best_sentence, self.sentence_rows, sentence_cos)
        best_sentence = np.where(best_sentence < -0.5, passage_cos, best_sentence)
        w_s = self.settings.sentence_weight
        dense = (1 - w_s) * passage_cos + w_s * best_sentence
        bm25 = self.bm25_scores(words)
        w = self.settings.dense_weight
        gap = self.subject_gap(words)
        named = self.named_sections(words, gap)
        fused = w * minmax(dense) + (1 - w) * minmax(bm25) + self.settings.section_bonus * named
        fused = fused + DOCUMENT_BONUS * self.named_documents(words) - BOILERPLATE_PENALTY * self.boilerplate()
        fused = fused - SUBJECT_WEIGHT * gap
        return Scores(dense, bm25, fused, sentence_cos, q, named=(words, named))

    def _dense_of(self, rows: np.ndarray, q: np.ndarray, sentence_cos: np.ndarray | None = None) -> np.ndarray:
        """Exact dense scores of passage `rows` (their vectors and their sentences' vectors); fills sentence_cos."""
        store = self.store
        if len(rows) == 0:
            return np.zeros(0, dtype=np.float32)
        passage_cos = store.passage_vectors.take(rows) @ q
        lo = np.searchsorted(self.sentence_rows, rows, side="left")
        hi = np.searchsorted(self.sentence_rows, rows, side="right")
        sizes = hi - lo
        srows = np.repeat(lo - np.cumsum(np.r_[0, sizes[:-1]]), sizes) + np.arange(int(sizes.sum()))
        scos = store.sentence_vectors.take(srows) @ q if len(srows) else np.zeros(0, np.float32)
        if sentence_cos is not None:
            sentence_cos[srows] = scos
        best = _group_max(scos, sizes, passage_cos)
        w_s = self.settings.sentence_weight
        return ((1 - w_s) * passage_cos + w_s * best).astype(np.float32)

    def _anchor_dense(self, q: np.ndarray) -> np.ndarray:
        """Exact dense scores of the fixed anchor passages, from vectors kept in memory (a few MB)."""
        if self._anchor_vectors is None:
            rows = self._anchors
            lo = np.searchsorted(self.sentence_rows, rows, side="left")
            sizes = np.searchsorted(self.sentence_rows, rows, side="right") - lo
            srows = np.concatenate([np.arange(a, a + k) for a, k in zip(lo, sizes)]) if len(rows) else np.zeros(0, np.int64)
            self._anchor_vectors = (self.store.passage_vectors.take(rows), self.store.sentence_vectors.take(srows), sizes)
        pv, sv, sizes = self._anchor_vectors
        if not len(pv):
            return np.zeros(0, dtype=np.float32)
        passage_cos = pv @ q
        best = _group_max(sv @ q, sizes, passage_cos)
        w_s = self.settings.sentence_weight
        return ((1 - w_s) * passage_cos + w_s * best).astype(np.float32)

    def _candidate_scores(self, question: str, q: np.ndarray, within: str | None) -> Scores:
        """A large library: ANN and BM25 propose candidates, which are then scored exactly."""
        store, n = self.store, len(self.store.passages)
        bm25 = self.bm25_scores(question)
        named = self.named_sections(question)
        scope = self.scope(within) if within else None
        if scope is not None and scope.sum() <= ann_index.EXACT_MAX_PASSAGES:
            candidates = np.flatnonzero(scope)  # a document or a section: small enough to score whole
        else:
            c = ann_index.CANDIDATES
            proposed = [store.rows_of_ids(ann_index.search(store.passage_index, q, c, nprobe=ann_index.NPROBE))]
            hits = np.flatnonzero(bm25 > 0)  # BM25 proposes only passages holding a word of the question
            proposed.append(hits[np.argpartition(-bm25[hits], c)[:c]] if len(hits) > c else hits)
            proposed.append(np.flatnonzero(named)[:NAMED_MAX])
            candidates = np.unique(np.concatenate(proposed).astype(np.int64))
            if scope is not None:
                candidates = candidates[scope[candidates]]
        sentence_cos = np.zeros(len(store.sentences), dtype=np.float32)
        dense_c = self._dense_of(candidates, q, sentence_cos)
        anchors = self._anchor_dense(q)
        lo = float(min(dense_c.min(initial=np.inf), anchors.min(initial=np.inf)))
        hi = float(max(dense_c.max(initial=-np.inf), anchors.max(initial=-np.inf)))
        scaled = (dense_c - lo) / (hi - lo) if hi > lo else np.zeros_like(dense_c)
        w = self.settings.dense_weight
        bm25_scaled = minmax(bm25)
        dense = np.full(n, -np.inf, dtype=np.float32)
        dense[candidates] = dense_c
        fused = np.full(n, -np.inf, dtype=np.float32)
        fused[candidates] = w * scaled + (1 - w) * bm25_scaled[candidates] + self.settings.section_bonus * named[candidates]
        fused[candidates] += DOCUMENT_BONUS * self.named_documents(question)[candidates]
        return Scores(dense, bm25, fused, sentence_cos, q, candidates, named=(question, named))

    def named_section_ids(self, question: str, scores: Scores | None = None) -> set[str]:
        """Ids of the passages in the sections the question names by title (read from `scores` when they read it)."""
        known = scores is not None and scores.named is not None and scores.named[0] == question
        rows = np.flatnonzero(scores.named[1] if known else self.named_sections(question))
        return {self.store.passages.field("id", int(i)) for i in rows[:NAMED_MAX]}

    def named_sections(self, question: str, gap: np.ndarray | None = None) -> np.ndarray:
        """1.0 for passages of a section whose title the question names ("what does the conclusion say"), else 0;
        in a library, only in the report the question's names belong to ("the challenges chapter" of a
        question about China is the Blueprint report's, not the UK strategy's). `gap`: the question's
        `subject_gap`, when the caller has it already."""
        text = " " + re.sub(r"[^a-z0-9]+", " ", question.lower()) + " "
        codes = [c for padded, c in self._padded_titles if padded in text] + self._short_titles.named(text.split())
        if not codes:
            return np.zeros(len(self.store.passages), dtype=np.float32)
        named = np.isin(self._section_codes, np.concatenate(codes))
        gap = self.subject_gap(question) if gap is None else gap
        return (named & (gap == 0)).astype(np.float32)

    def named_documents(self, question: str) -> np.ndarray:
        """1.0 for passages of a report the question names, else 0 (always 0 in a library of one report).

        A report is named by its whole title or file name, by an acronym of its name no other report
        shares ("OECD", "UK"), or by two words its name has side by side that no other report's name
        holds ("public administration"); two such words apart are not enough, nor a short generic
        title ("China's national AI strategy" does not name the UK's "National AI Strategy").
        """
        n = len(self.store.passages)
        if len(self._names) < 2:
            return np.zeros(n, dtype=np.float32)
        text = " " + re.sub(r"[^a-z0-9]+", " ", question.lower()) + " "
        words = set(text.split())
        text_pairs = set(pairs(text))
        named = [name for name, (phrases, acronyms, distinct) in self._names.items()
                 if any(f" {p} " in text for p in phrases) or acronyms & words or distinct & text_pairs]
        named += [name for _, _, name in self.names_in(question) if name not in named]
        if not named or len(named) == len(self._names):
            return np.zeros(n, dtype=np.float32)
        codes = [self._documents.index(name) for name in named if name in self._documents]
        return np.isin(self._document_codes, np.array(codes, dtype=np.int32)).astype(np.float32)

    def unnamed(self, question: str) -> tuple[str, str | None]:
        """(the question with the report it calls by name and noun said as "the report", that report), or
        (question, None) when it calls no report, or several, so: "In the UK national AI strategy, what about
        skills?" -> ("In the report, what about skills?", "UK_National_AI_Strategy.pdf"). Routed to that report, its
        name would otherwise find the sentences that repeat it (its introduction) rather than what is asked, and
        "who wrote the UK national AI strategy" is a question about the document itself."""
        spans = self.names_in(question)
        if len({name for _, _, name in spans}) != 1:
            return question, None
        return said_as_the_report(question, spans), spans[0][2]

    def names_in(self, question: str) -> list[tuple[int, int, str]]:
        """(start, end, report) of each place the question calls a report by its name and a noun
        (`index.library.naming_spans`): "the UK strategy", "the Blueprint report"."""
        return naming_spans(question, self._name_words)

    def boilerplate(self) -> np.ndarray:
        """Per passage: the share of its sentences (of index.library.BOILERPLATE_MIN_CHARS or more) that another report
        of the library repeats word for word. Zeros for one report, and for a library past exact search's
        size (not computed there; an exact search of such a library, the yardstick of `askwef scale`,
        skips it too, so both rank alike)."""
        if self._boilerplate is None:
            small = self.store.exact
            self._boilerplate = boilerplate(self.store) if small else np.zeros(len(self.store.passages), dtype=np.float32)
        return self._boilerplate

    def subject_gap(self, question: str) -> np.ndarray:
        """Per passage, how far its report falls short of the report the question's names belong to most.

        Each name in the question (a word the library mostly capitalises: "China", "ICBC") has a share
        per report: the report's rate of use over the sum of every report's rate. A report's score is
        its best share among the question's names; the gap is the best report's score minus its own,
        so 0 for every passage when the question names nothing, or names that all reports use alike.
        Zeros for one report and for a library past exact search's size (like `boilerplate`)."""
        n = len(self.store.passages)
        if self._subjects is None:
            self._subjects = subjects(self.store, self._documents) if self.store.exact and len(self._documents) > 1 else {}
        shares = [self._subjects[w] for w in set(re.findall(r"[a-z][a-z0-9]*", question.lower())) if w in self._subjects]
        if not shares:
            return np.zeros(n, dtype=np.float32)
        best = np.max(shares, axis=0)
        return (best.max() - best)[self._document_codes].astype(np.float32)

    def scope(self, within: str) -> np.ndarray:
        """Rows in scope of `within`: a section path (with its subsections) or a document name."""
        sections = [i for i, path in enumerate(self._section_paths) if in_section(path, within)]
        mask = np.isin(self._section_codes, np.array(sections, dtype=np.int32))
        if within in self._documents:
            mask |= self._document_codes == self._documents.index(within)
        return mask

    def rank(self, scores: Scores, *, k: int, mode: str = "hybrid", within: str | None = None) -> list[Passage]:
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
        values = {"hybrid": scores.fused, "dense": scores.dense, "bm25": scores.bm25}[mode]
        pool = scores.candidates if scores.candidates is not None and mode != "bm25" else np.arange(len(values))
        if within:
            pool = pool[self.scope(within)[pool]]
        order = pool[np.argsort(-values[pool], kind="stable")][:k]
        return [scored(self.store.passages[int(i)], round(float(values[int(i)]), 6)) for i in order]

    def search(self, question: str, k: int = 10, *, mode: str = "hybrid", within: str | None = None) -> list[Passage]:
        return self.rank(self.scores(question, within=within), k=k, mode=mode, within=within)


def scored(passage: Passage, score: float) -> Passage:
    """`passage` with `score`: `dataclasses.replace`'s result, without its reading the fields' definitions on each call."""
    return Passage(**{**passage.__dict__, "score": score})


def _group_max(values: np.ndarray, sizes: np.ndarray, empty: np.ndarray) -> np.ndarray:
    """The max of each run of `values` ([3 values][0][2 values] by `sizes`); `empty`'s value for a run of none.

    >>> _group_max(np.array([1., 3., 2., 5., 4.]), np.array([3, 0, 2]), np.array([9., 8., 7.])).tolist()
    [3.0, 8.0, 5.0]
    """
    out = np.array(empty, dtype=np.float32, copy=True)
    full = sizes > 0
    if values.size:
        starts = np.r_[0, np.cumsum(sizes)[:-1]][full]
        out[full] = np.maximum.reduceat(values, starts)
    return out


def in_scope(passage: Passage, within: str) -> bool:
    """A filter on section path ('3 Scaling AI innovation in industries > Healthcare' or its chapter) or document."""
    return in_section(passage.section, within) or passage.document == within

"""Candidate sentences and what is measured of each: the inputs of the learned ranker and of confidence.

The candidates of a question are the sentences of its best passages. Each gets a row of `FEATURES`,
cheap to compute from what retrieval already scored (one question encoding serves all):

- how close it is to the question: its own cosine, its passage's dense, BM25 and fused scores, and
  their ranks;
- which of the question's words it holds: idf-weighted, counting its heading context (section and
  unit title) or not, and "focus", the question words its heading does not already hold;
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
from dataclasses import dataclass

import numpy as np

from ..index import bm25_tokenize
from ..types import Passage
from .lexicon import Lexicon
from .params import ANSWER_TYPES, NOT_STANDALONE
from .query import Query, holds

KINDS = ("prose", "item", "row", "caption", "heading")

FEATURES = (
    "cosine", "cosine_gap", "cosine_rank", "passage_dense", "passage_bm25", "passage_fused", "passage_rank",
    "lexical", "lexical_sentence", "focus", "unit_overlap",
    *(f"asks_{t}_holds" for t in ANSWER_TYPES), *(f"asks_{t}_lacks" for t in ANSWER_TYPES),
    *(f"kind_{k}" for k in KINDS[1:]), "leans_back", "log_words", "position", "neighbour_cosine", "passage_lexical",
    "previous_unit", "previous_section", "bias",
)


@dataclass(frozen=True)
class Candidates:
    """The candidate sentences of one question (indexes into store.sentences) and their feature rows."""

    indexes: tuple[int, ...]
    matrix: np.ndarray  # (len(indexes), len(FEATURES))
    passages: tuple[Passage, ...]  # the passages they come from, ranked


class StoreFeatures:
    """What is measured once per loaded index: every sentence's stems, kinds of answer held, line kind."""

    def __init__(self, store, lexicon: Lexicon) -> None:
        self.store = store
        self.lexicon = lexicon
        sentences = store.sentences
        self.by_passage: dict[str, list[int]] = {}
        for i, s in enumerate(sentences):
            self.by_passage.setdefault(s.passage_id, []).append(i)
        self.row = {p.id: i for i, p in enumerate(store.passages)}
        tokens = bm25_tokenize([s.text for s in sentences], return_ids=False) if sentences else []
        self.stems = [frozenset(t) for t in tokens]
        contexts = bm25_tokenize(list(store.contexts), return_ids=False) if store.contexts else []
        self.context_stems = {p.id: frozenset(t) for p, t in zip(store.passages, contexts)}
        units = sorted({s.unit for s in sentences if s.unit})
        unit_tokens = bm25_tokenize(units, return_ids=False) if units else []
        self.unit_stems = {u: frozenset(t) for u, t in zip(units, unit_tokens)}
        self.passage_stems: dict[str, frozenset[str]] = {}
        for pid, indexes in self.by_passage.items():
            self.passage_stems[pid] = frozenset().union(self.context_stems.get(pid, frozenset()), *(self.stems[i] for i in indexes))
        self.holds = np.array([[holds(s.text)[t] for t in ANSWER_TYPES] for s in sentences], dtype=np.float32).reshape(len(sentences), len(ANSWER_TYPES))
        self.kinds = np.array([[s.kind == k for k in KINDS[1:]] for s in sentences], dtype=np.float32).reshape(len(sentences), len(KINDS) - 1)
        self.leans = np.array([bool(NOT_STANDALONE.match(s.text)) for s in sentences], dtype=np.float32)
        self.log_words = np.array([np.log1p(len(s.text.split())) for s in sentences], dtype=np.float32)
        self.answers_nothing = np.array([len(s.text) < 4 or not re.search(r"[^\W\d_]", s.text) for s in sentences])

        # inverse document frequency over sentences: rare words weigh more in word overlap
        df: dict[str, int] = {}
        for stems in self.stems:
            for t in stems:
                df[t] = df.get(t, 0) + 1
        for stems in self.context_stems.values():
            for t in stems:
                df.setdefault(t, 1)
        n = max(1, len(self.stems))
        self.idf_unknown = float(np.log(n + 1)) + 1.0
        self.idf = {t: float(np.log((n + 1) / (c + 1))) + 1.0 for t, c in df.items()}
        self.vocabulary = frozenset(df)

    def weight(self, terms) -> float:
        return sum(self.idf.get(t, self.idf_unknown) for t in terms)


def store_features(retriever, lexicon_factory) -> StoreFeatures:
    """The cache belongs to the retriever (one per loaded index), built on first use."""
    cache = getattr(retriever, "_features_cache", None)
    if cache is None or cache.store is not retriever.store:
        cache = StoreFeatures(retriever.store, lexicon_factory(retriever))
        retriever._features_cache = cache  # type: ignore[attr-defined]
    return cache


def candidate_matrix(
    query: Query, scores, passages: tuple[Passage, ...], cache: StoreFeatures, previous: tuple[str, str] | None = None
) -> Candidates:
    """Feature rows for the sentences of `passages` (best first); sentences that answer nothing are left out.

    `previous`: (section, unit) of the last answer in a conversation, so a follow-up can stay with it.
    """
    sentences = cache.store.sentences
    qstems = query.stems
    qweight = cache.weight(qstems) or 1.0
    asks = np.array([query.answer_types.get(t, 0.0) for t in ANSWER_TYPES], dtype=np.float32)
    rows_dense = np.array([scores.dense[cache.row[p.id]] for p in passages], dtype=np.float32)
    rows_bm25 = np.array([scores.bm25[cache.row[p.id]] for p in passages], dtype=np.float32)
    best_dense = float(rows_dense.max()) if len(rows_dense) else 1.0
    best_bm25 = float(rows_bm25.max()) if len(rows_bm25) and rows_bm25.max() > 0 else 1.0
    best_fused = max((p.score for p in passages), default=1.0) or 1.0
    indexes: list[int] = []
    rows: list[list[float]] = []
    for rank, p in enumerate(passages):
        context = cache.context_stems.get(p.id, frozenset())
        rest = qstems - context
        rest_weight = cache.weight(rest)
        siblings = cache.by_passage.get(p.id, [])
        passage_lexical = cache.weight(qstems & cache.passage_stems.get(p.id, frozenset())) / qweight
        for position, i in enumerate(siblings):
            if cache.answers_nothing[i]:
                continue  # a bare number ("2020") answers nothing; a short name ("Na Na") may
            stems = cache.stems[i]
            s = sentences[i]
            unit = cache.unit_stems.get(s.unit, frozenset())
            neighbours = [
                float(scores.sentence_cosine[j]) for j in (i - 1, i + 1)
                if 0 <= j < len(sentences) and sentences[j].section == s.section and sentences[j].document == s.document
            ]
            lexical = cache.weight(qstems & (stems | context)) / qweight
            holds_row = cache.holds[i]
            rows.append([
                float(scores.sentence_cosine[i]), 0.0, 0.0,
                float(rows_dense[rank]) / best_dense if best_dense > 0 else 0.0,
                float(rows_bm25[rank]) / best_bm25,
                max(0.0, p.score / best_fused),
                rank / max(1, len(passages) - 1),
                lexical,
                cache.weight(qstems & stems) / qweight,
                cache.weight(rest & stems) / rest_weight if rest_weight else lexical,
                cache.weight(qstems & unit) / qweight,
                *(asks * holds_row), *(asks * (1.0 - holds_row)),
                *cache.kinds[i], float(cache.leans[i]), float(cache.log_words[i]),
                position / max(1, len(siblings) - 1), max(neighbours, default=0.0), passage_lexical,
                float(previous is not None and bool(s.unit) and s.unit == previous[1]),
                float(previous is not None and s.section == previous[0]),
                1.0,
            ])
            indexes.append(i)
    matrix = np.array(rows, dtype=np.float32).reshape(len(rows), len(FEATURES))
    if len(rows):
        cos = matrix[:, 0]
        matrix[:, 1] = cos - cos.max()
        order = np.argsort(-cos, kind="stable")
        ranks = np.empty(len(cos), dtype=np.float32)
        ranks[order] = np.arange(len(cos), dtype=np.float32)
        matrix[:, 2] = np.minimum(ranks, 10.0) / 10.0
    return Candidates(tuple(indexes), matrix, passages)

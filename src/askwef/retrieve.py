"""Retrieve: question -> passages, best first, by fusing dense (FAISS) and BM25 scores.

Dense score of a passage = (1 - sentence_weight) * cosine(question, passage)
                           + sentence_weight * max cosine(question, one of its sentences)
(a passage is as relevant as its best sentence, which keeps long passages from diluting a hit).
Both dense and BM25 scores are min-max scaled over the corpus, then mixed:
    fused = dense_weight * dense + (1 - dense_weight) * bm25.
The weights were chosen on the golden questions' dev split (see evals/RESULTS.md, `askwef tune`).

>>> retriever = Retriever(store, embedder, Settings())        # doctest: +SKIP
>>> retriever.search("How many green data centres?", k=3)[0].section   # doctest: +SKIP
'2 Key enablers in the AI ecosystem > 2.4 Enabling sustainable energy solutions to power AI'
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import numpy as np

from .embed import Embedder
from .index import IndexStore, bm25_tokenize
from .settings import Settings
from .types import Passage

MODES = ("hybrid", "dense", "bm25")


@dataclass(frozen=True)
class Scores:
    """Per-passage scores for one question (arrays aligned with store.passages), and per-sentence cosines."""

    dense: np.ndarray
    bm25: np.ndarray
    fused: np.ndarray
    sentence_cosine: np.ndarray
    query_vector: np.ndarray


def minmax(x: np.ndarray) -> np.ndarray:
    if x.size == 0:
        return x
    lo, hi = float(x.min()), float(x.max())
    return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)


class Retriever:
    def __init__(self, store: IndexStore, embedder: Embedder, settings: Settings) -> None:
        self.store = store
        self.embedder = embedder
        self.settings = settings
        row = {p.id: i for i, p in enumerate(store.passages)}
        self.sentence_rows = np.array([row[s.passage_id] for s in store.sentences], dtype=np.int64)
        # section titles (numbering dropped, lower case) -> rows of the passages in that section or below it
        titles: dict[str, list[int]] = {}
        for i, p in enumerate(store.passages):
            for part in p.section.split(" > "):
                title = re.sub(r"[^a-z0-9]+", " ", re.sub(r"^\d+(\.\d+)*\s+", "", part).lower()).strip()
                if title:
                    titles.setdefault(title, []).append(i)
        self._section_titles = sorted(titles.items())

    def encode(self, question: str) -> np.ndarray:
        return self.embedder.encode([question])[0]

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

    def scores(self, question: str, query_vector: np.ndarray | None = None, *, lexical: str | None = None) -> Scores:
        """Every passage scored for `question`; `lexical` (default: the question) is what BM25 and titles read."""
        q = self.encode(question) if query_vector is None else query_vector
        words = question if lexical is None else lexical
        n = len(self.store.passages)
        passage_cos = self._cosines(self.store.passage_index, n, q)
        sentence_cos = self._cosines(self.store.sentence_index, len(self.store.sentences), q)
        best_sentence = np.full(n, -1.0, dtype=np.float32)
        np.maximum.at(best_sentence, self.sentence_rows, sentence_cos)
        best_sentence = np.where(best_sentence < -0.5, passage_cos, best_sentence)
        w_s = self.settings.sentence_weight
        dense = (1 - w_s) * passage_cos + w_s * best_sentence
        bm25 = self.bm25_scores(words)
        w = self.settings.dense_weight
        fused = w * minmax(dense) + (1 - w) * minmax(bm25) + self.settings.section_bonus * self.named_sections(words)
        return Scores(dense, bm25, fused, sentence_cos, q)

    def named_section_ids(self, question: str) -> set[str]:
        """Ids of the passages in the sections the question names by title."""
        return {self.store.passages[i].id for i in np.flatnonzero(self.named_sections(question))}

    def named_sections(self, question: str) -> np.ndarray:
        """1.0 for passages of a section whose title the question names ("what does the conclusion say"), else 0."""
        text = " " + re.sub(r"[^a-z0-9]+", " ", question.lower()) + " "
        hits = [title for title, _ in self._section_titles if f" {title} " in text]
        out = np.zeros(len(self.store.passages), dtype=np.float32)
        for title in hits:
            out[[i for t, rows in self._section_titles if t == title for i in rows]] = 1.0
        return out

    def rank(self, scores: Scores, *, k: int, mode: str = "hybrid", within: str | None = None) -> list[Passage]:
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
        values = {"hybrid": scores.fused, "dense": scores.dense, "bm25": scores.bm25}[mode]
        order = np.argsort(-values, kind="stable")
        out: list[Passage] = []
        for i in order:
            p = self.store.passages[int(i)]
            if within and not in_scope(p, within):
                continue
            out.append(dataclasses.replace(p, score=round(float(values[int(i)]), 6)))
            if len(out) >= k:
                break
        return out

    def search(self, question: str, k: int = 10, *, mode: str = "hybrid", within: str | None = None) -> list[Passage]:
        return self.rank(self.scores(question), k=k, mode=mode, within=within)


def in_scope(passage: Passage, within: str) -> bool:
    """A filter on section path ('3 Scaling AI innovation in industries > Healthcare' or its chapter) or document."""
    return passage.section == within or passage.section.startswith(within + " > ") or passage.document == within

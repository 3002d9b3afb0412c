"""Sentence selection: the sentences of the top passages that would answer a question (no abstention yet).

Sentences of the best passages are scored: cosine to the question, share of the question's words
they hold, their passage's retrieval score, and whether they hold what the question type asks for
(a number for "how many / what share", a date for "when", a name for "who / which company"). A
sentence that cannot stand alone ("This translated into ...") brings the one before it; a label (a
contributor's name) brings the line it introduces; a two-part question may take a second sentence.

>>> select(retriever, "How many green data centres has China built?").chosen   # doctest: +SKIP
(212,)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..index import bm25_tokenize
from ..retrieve import Retriever
from ..types import Passage, Sentence
from .followup import resolve_followup
from .params import (
    CANDIDATE_PASSAGES,
    MAX_ANSWER_CHARS,
    MULTI_PART,
    NOT_STANDALONE,
    QUARTERS,
    SELECTION_WEIGHTS,
    YEAR,
    SelectionWeights,
)
from .question import content_stems, mentions, pinned_terms, question_type, satisfies


@dataclass(frozen=True)
class _Candidate:
    index: int  # into store.sentences
    score: float
    cosine: float
    lexical: float  # idf-weighted share of the question's words in the sentence (or its passage heading)
    focus: float  # the same, over the question words its passage heading does not already hold
    passage_score: float
    type_ok: bool
    rank: int


class _Lazy:
    """A read-only mapping computed per key on first use and kept (a large library is never walked whole)."""

    LIMIT = 200_000  # entries kept before starting afresh: memory stays bounded under any load

    def __init__(self, compute) -> None:
        self._compute = compute
        self._memo: dict = {}

    def __getitem__(self, key):
        value = self._memo.get(key)
        if value is None:
            if len(self._memo) >= self.LIMIT:
                self._memo.clear()
            value = self._memo[key] = self._compute(key)
        return value

    def get(self, key, default=None):
        value = self[key]
        return default if value is None else value


class _SentenceIndex:
    """Per-retriever caches: sentences grouped by passage, and their stems, each computed when first needed.

    The sentence frequencies behind `idf` were counted per shard at build time (`store.stem_df`), so
    nothing here walks every sentence of the library.
    """

    def __init__(self, retriever: Retriever) -> None:
        store = self.store = retriever.store
        self.by_passage = _Lazy(lambda pid: list(store.passage_sentences(store.passage_row(pid))) if store.passage_row(pid) is not None else [])
        self.stems = _Lazy(self._sentence_stems)
        self.context = _Lazy(lambda pid: store.contexts[store.passage_row(pid)] if store.passage_row(pid) is not None else None)
        self.context_stems = _Lazy(lambda pid: set(bm25_tokenize([self.context[pid]], return_ids=False)[0]) if self.context.get(pid) is not None else None)
        self.passage_text = _Lazy(self._passage_text)
        self.passage_stems = _Lazy(lambda pid: set(self.context_stems.get(pid, ())).union(*(self.stems[i] for i in self.by_passage[pid])))

        # inverse document frequency over sentences: rare words weigh more in lexical overlap
        df = dict(store.stem_df)
        for t in store.context_stems:
            df.setdefault(t, 1)
        n = max(1, len(store.sentences))
        self.idf_unknown = float(np.log(n + 1)) + 1.0
        self.idf = {t: float(np.log((n + 1) / (c + 1))) + 1.0 for t, c in df.items()}

    def _sentence_stems(self, i: int) -> set[str]:
        # subtle: the stems of the whole passage are computed at once (one tokenizer call), then kept
        rows = self.store.passage_sentences(int(self.store.sentence_passage[i]))
        for row, tokens in zip(rows, bm25_tokenize([self.store.sentences.field("text", r) for r in rows], return_ids=False)):
            self.stems._memo[row] = set(tokens)
        return self.stems._memo[i]

    def _passage_text(self, pid: str) -> str | None:
        row = self.store.passage_row(pid)
        return None if row is None else f"{self.store.contexts[row]} {self.store.passages.field('text', row)}"

    def weight(self, terms: set[str]) -> float:
        return sum(self.idf.get(t, self.idf_unknown) for t in terms)


def _sentence_index(retriever: Retriever) -> _SentenceIndex:
    """The caches belong to the retriever (one per loaded index), built on first use."""
    cache = getattr(retriever, "_answer_cache", None)
    if cache is None or cache[0] is not retriever.store:
        cache = (retriever.store, _SentenceIndex(retriever))
        retriever._answer_cache = cache  # type: ignore[attr-defined]
    return cache[1]


@dataclass(frozen=True)
class Selection:
    """What sentence selection found for a question, before deciding whether to answer."""

    question: str
    resolved: str
    passages: tuple[Passage, ...]  # ranked, at least CANDIDATE_PASSAGES when the index has them
    chosen: tuple[int, ...] = ()  # sentence indexes, reading order
    best: _Candidate | None = None
    missing: tuple[tuple[str, ...], ...] = ()  # pinned terms the chosen text lacks
    unknown: float = 0.0  # weighted share of question words the report never uses
    absent: float = 0.0  # weighted share of question words the chosen passage (with its heading) lacks


def select(
    retriever: Retriever, question: str, *, history=None, k: int = 10, within: str | None = None,
    weights: SelectionWeights = SELECTION_WEIGHTS,
) -> Selection:
    """Retrieve and pick the sentences that would answer `question` (no abstention decision yet)."""
    store, w = retriever.store, weights
    resolved = resolve_followup(question, history, retriever)
    scores = retriever.scores(resolved, within=within)
    passages = tuple(retriever.rank(scores, k=max(k, CANDIDATE_PASSAGES), within=within))
    if not passages:
        return Selection(question, resolved, passages)

    cache = _sentence_index(retriever)
    qstems = content_stems(resolved)
    qweight = cache.weight(qstems) or 1.0
    qtype = question_type(resolved)
    top = passages[:CANDIDATE_PASSAGES]
    best_fused = max(p.score for p in top) or 1.0
    # a question that names a section by its title ("what does the conclusion say") is answered from it
    named = retriever.named_section_ids(resolved)
    if any(p.id in named for p in top):
        top = tuple(p for p in top if p.id in named)
    pins = pinned_terms(resolved)
    name_pins = [pin for pin in pins if not YEAR.fullmatch(pin[0]) and pin[0] not in QUARTERS]
    candidates: list[_Candidate] = []
    for rank, p in enumerate(top):
        pscore = max(0.0, p.score / best_fused) if best_fused > 0 else 0.0
        # the years, quarters and names the question pins point at the passage that holds them
        # (names only: a year or quarter that happens to stand in another passage says nothing of its topic)
        pin_share = sum(mentions(pin, cache.passage_text.get(p.id, "")) for pin in name_pins) / len(name_pins) if name_pins else 1.0
        context_stems = cache.context_stems.get(p.id, set())
        # words the passage heading already holds (the company, the industry) pick the passage, not the sentence
        rest = qstems - context_stems
        rest_weight = cache.weight(rest)
        for i in cache.by_passage.get(p.id, []):
            s = store.sentences[i]
            if len(s.text) < 4 or not re.search(r"[^\W\d_]", s.text):
                continue  # a bare number ("2020") answers nothing; a short name ("Na Na") may
            stems = cache.stems[i]
            lexical = cache.weight(qstems & (stems | context_stems)) / qweight
            focus = cache.weight(rest & stems) / rest_weight if rest_weight else lexical
            cosine = float(scores.sentence_cosine[i])
            ok = satisfies(qtype, s.text)
            score = (
                w.cosine * cosine + w.lexical * lexical + w.focus * focus + w.passage * pscore + w.pin * pin_share
                + (w.type if ok else -w.type)
            )
            if s.kind in ("caption", "heading"):
                score -= w.type  # a figure label or heading names a topic; it rarely answers
            candidates.append(_Candidate(i, score, cosine, lexical, focus, pscore, ok, rank))
    if not candidates:
        return Selection(question, resolved, passages)
    candidates.sort(key=lambda c: -c.score)
    best = candidates[0]
    chosen = [best.index]
    # a sentence that leans on the one before it brings it along; so does a name or label heading it,
    # and a label (a contributor's name, a heading) brings the line it introduces
    prev = _previous_sentence(store.sentences, best.index)
    nxt = _next_sentence(store.sentences, best.index)
    if _is_label(store.sentences[best.index]) and nxt is not None:
        chosen.append(nxt)
    elif prev is not None and (NOT_STANDALONE.match(store.sentences[best.index].text) or _is_label(store.sentences[prev])):
        chosen.insert(0, prev)
    # a two-part question may need a second sentence of the same passage, adding words the first lacks
    covered = set().union(*(cache.stems[i] for i in chosen)) & qstems
    for c in candidates[1:4] if MULTI_PART.search(resolved) or resolved.count("?") > 1 else ():
        s = store.sentences[c.index]
        if c.index in chosen or s.passage_id != store.sentences[best.index].passage_id:
            continue
        adds = (cache.stems[c.index] & qstems) - covered
        if adds and c.score >= 0.85 * best.score and len(chosen) < 3:
            chosen.append(c.index)
            covered |= adds
    order = sorted(set(chosen), key=lambda i: (store.sentences[i].document, store.sentences[i].section, store.sentences[i].start))
    chosen = _fit(store.sentences, order, best.index)
    around = " ".join(cache.passage_text.get(pid, "") for pid in {store.sentences[i].passage_id for i in chosen})
    missing = tuple(pin for pin in pins if not mentions(pin, around))
    unknown = cache.weight({t for t in qstems if t not in cache.idf}) / qweight
    # what the question asks about that the chosen passage never mentions ("electric", "salary")
    held = set().union(*(cache.passage_stems.get(store.sentences[i].passage_id, set()) for i in chosen))
    lacking = qstems - held
    absent = cache.weight(lacking) / qweight
    return Selection(question, resolved, passages, tuple(chosen), best, missing, unknown, absent)


def _is_label(s: Sentence) -> bool:
    """A heading line without end punctuation (a name, a title) that the next sentence belongs to."""
    return s.kind == "heading" and len(s.text.split()) <= 6 and not re.search(r"[.!?:;]$", s.text)


def _next_sentence(sentences: tuple[Sentence, ...], index: int) -> int | None:
    if index + 1 >= len(sentences):
        return None
    nxt, cur = sentences[index + 1], sentences[index]
    if nxt.document == cur.document and nxt.section == cur.section and nxt.unit == cur.unit:
        return index + 1
    return None


def _previous_sentence(sentences: tuple[Sentence, ...], index: int) -> int | None:
    """The sentence before, in the same section and unit; running text passes over a figure in between."""
    cur = sentences[index]
    skip = ("caption", "heading", "item") if cur.kind == "prose" else ("caption",)
    i = index - 1
    while i >= 0:
        prev = sentences[i]
        if prev.document != cur.document or prev.section != cur.section or prev.unit != cur.unit:
            return None
        if prev.kind not in skip:
            return i
        i -= 1
    return None


def _fit(sentences: tuple[Sentence, ...], chosen: list[int], must: int) -> list[int]:
    """Keep the answer within about MAX_ANSWER_CHARS, dropping the sentences furthest from the best one."""
    while len(chosen) > 1 and sum(len(sentences[i].text) + 1 for i in chosen) > MAX_ANSWER_CHARS:
        chosen.remove(max((i for i in chosen if i != must), key=lambda i: abs(i - must)))
    return chosen


# Logistic model of "the report answers this", fit on the golden dev split (see `askwef tune`):
# cosine of the best sentence, its focus (share of the question's own words, beyond the heading's),
# whether it holds what the question type asks for, the share of question words the report never
# uses, and the share its passage never mentions. A pinned year/quarter/name it lacks caps it (below).

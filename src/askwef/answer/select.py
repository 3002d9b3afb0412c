"""Sentence selection: from a question to the sentences that would answer it (no abstention yet).

1. The turn is read against the conversation (`followup.resolve`), its typos mended and its
   abbreviations read both ways (`query.analyse`), and the passages retrieved (one encoding).
2. The sentences of the best passages are the candidates (`features.candidate_matrix`); the learned
   ranker (`model.json`) gives each the probability that it holds the answer.
3. The best one is quoted, with the runner-ups and neighbours `quote.choose` adds.

>>> select(retriever, "How many green data centres has China built?").chosen   # doctest: +SKIP
(212,)
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ..retrieve import Retriever
from ..types import Passage, Sentence
from .coverage import corpus_names
from .definitions import defining
from .features import FEATURES, LAZY_LIMIT, Candidates, Lazy, StoreFeatures, candidate_matrix
from .context import quoted_rows
from .followup import Resolved, normalize_history, resolve
from .referents import case_keys, unit_name
from .lists import named_parts
from .topics import topic_titles
from .lexicon import Lexicon
from .model import AnswerModels, load_models
from .params import (
    CANDIDATE_PASSAGES,
    DOCUMENT_WORD,
    FOLLOWUP_NEW_WORDS,
    FOLLOWUP_QUOTED_BEFORE,
    LEXICON_MAX_TEXTS,
    PART_LABEL,
    PIN_RESCUE_SHARE,
    QUOTED_MIN_CHARS,
    SECTION_NUMBER,
    SELF_REFERENCE,
    SERIES_LABEL,
    SERIES_LINES,
    SPAN_COMMON_SHARE,
    WHEN,
    YEAR,
)
from .figures import labels, own_line
from .parts import asks_authors, asks_for_conclusion, asks_for_summary, authors, conclusion_rows, credit_stems, labelled_part, own_noun, part_question, roman_chapters, summary_part
from .pins import edition_free, editions, home_places, missing_years
from .query import Query, TypeModel, about_document, analyse, holds, plain, searched, stems, title_said
from .quote import choose
from .span import text_words


_QUOTED_BEFORE = FEATURES.index("quoted_before")


class Stage:
    """What the answer stage keeps per loaded index: the corpus's lexicon, its sentence features, its topics."""

    def __init__(self, retriever: Retriever) -> None:
        store = retriever.store
        self.store = store
        words = getattr(retriever.embedder, "words", None)
        self.lexicon = Lexicon.from_texts(_sample_texts(store), dictionary=words() if callable(words) else frozenset())
        self.features = StoreFeatures(store, self.lexicon)
        self.titles = topic_titles(store.documents)
        self.title_of = {d.name: d.title for d in store.documents}
        self.editions = editions(store.documents)  # a year naming a report (`pins.edition_free`)
        self.document_titles = tuple(t for t in self.title_of.values() if t)  # a question may call its report so
        self.embedder = retriever.embedder
        self._title_vectors = None  # the titles encoded by the retriever's model, on first use
        self._near = Lazy(self._nearest_title)
        self._words: dict[str, np.ndarray] = {}  # words encoded alone (`similar`)
        # per document, the place it is about (pins.py), read from its own sentences when first asked
        self.home = Lazy(lambda name: home_places(_document_sentences(store, name)).get(name, set()))
        # per document, its list of authors (`authors`), read from its sentences when first asked
        self.author_lists = Lazy(lambda name: tuple(authors(store.sentences, name, store.document_sentence_rows(name), self.title_of.get(name, ""))))
        # per document, its figures' and tables' label lines (parts.py), read when a question first names one
        self.labels = Lazy(lambda name: labels(store.sentences, store.document_sentence_rows(name)))
        # per document, the noun it calls itself by ("this paper": parts.own_noun), read when a question first asks
        self.own_nouns = Lazy(lambda name: own_noun(store.sentences.field("text", i) for i in store.document_sentence_rows(name)))
        # per sentence, its words and their stems, read when it is first the best quote (`span.span_of`)
        self.span_words = Lazy(lambda i: text_words(store.sentences.field("text", i)))

    @cached_property
    def plain_stems(self) -> frozenset[str]:
        """The stems of the lexicon's dictionary (the embedding model's whole words): "approving" is a plain word, whose
        stem "approve" has, though the word-piece vocabulary lacks it."""
        return frozenset(stems(" ".join(sorted(self.lexicon.dictionary))))

    @cached_property
    def names(self) -> frozenset[str]:
        """The words the corpus writes as names (`coverage.corpus_names`, with the lexicon's dictionary of plain
        words), read from running text only (prose and list items: headings capitalise every word); a library
        past LEXICON_MAX_TEXTS sentences in an even sample of that many, as the lexicon is."""
        sentences = self.store.sentences
        step = max(1, -(-len(sentences) // LEXICON_MAX_TEXTS))
        texts = (sentences.field("text", i) for i in range(0, len(sentences), step) if sentences.field("kind", i) in ("prose", "item"))
        return corpus_names(texts, self.lexicon.dictionary)

    @cached_property
    def common(self) -> frozenset[str]:
        """The stems in at least SPAN_COMMON_SHARE of the index's sentences ("ai", "china"): a name made of them
        alone is not a short answer (span.py)."""
        n = max(1, len(self.store.sentences))
        return frozenset(t for t, c in self.store.stem_df.items() if c >= SPAN_COMMON_SHARE * n)

    @cached_property
    def credit_stems(self) -> frozenset[str]:  # "Accenture" under "Lead authors": `parts.credit_stems`
        return credit_stems(self.store, self.author_lists)

    @cached_property
    def self_reference(self) -> dict[str, frozenset[int]]:
        """Per passage id, its sentences that speak of their own document (`params.SELF_REFERENCE`: "This paper
        presents ...", "The findings in this paper are based on ..."), and those of its front matter, the section a
        PDF's title page and imprint are read into under the report's title ("Presented to Parliament by ...",
        "Published in September 2021 by the Office for Artificial Intelligence"); running text only."""
        sentences = self.store.sentences
        titles = {d.name: d.title for d in self.store.documents if d.title}
        out: dict[str, set[int]] = {}
        for i in range(len(sentences)):
            front = sentences.field("section", i) == titles.get(sentences.field("document", i))
            if sentences.field("kind", i) in ("prose", "item") and (front or SELF_REFERENCE.search(sentences.field("text", i))):
                out.setdefault(sentences.field("passage_id", i), set()).add(i)
        return {pid: frozenset(rows) for pid, rows in out.items()}

    def similar(self, word: str, words: list[str]) -> float:
        """The highest cosine of `word` to any of `words`, each encoded alone by the retriever's model (kept)."""
        vectors = {w: self._words.get(w) for w in dict.fromkeys([word, *words])}  # a local view: safe while another
        # request's thread clears the cache
        missing = [w for w, v in vectors.items() if v is None]
        if missing:
            if len(self._words) > LAZY_LIMIT:  # bounded, as the Lazy caches are
                self._words.clear()
            for w, v in zip(missing, np.asarray(self.embedder.encode(missing), dtype=np.float32)):
                self._words[w] = vectors[w] = v
        return float(max(vectors[w] @ vectors[word] for w in words))

    def near(self, phrases: list[str]) -> list[tuple[str, float]]:
        """For each phrase, the topic title its meaning is nearest and their cosine (followup.resolve's `near`)."""
        return [self._near[p] for p in phrases]

    def _nearest_title(self, phrase: str) -> tuple[str, float]:
        if not self.titles:
            return "", 0.0
        if self._title_vectors is None:
            self._title_vectors = np.asarray(self.embedder.encode(self.titles), dtype=np.float32)
        cosines = self._title_vectors @ np.asarray(self.embedder.encode([phrase])[0], dtype=np.float32)
        best = int(np.argmax(cosines))
        return self.titles[best], float(cosines[best])

    def entity_of(self, turn) -> str:
        """What an earlier answer was about: the name its case study's title gives (none when it was what the report says
        of itself: "when was it published?" after "who wrote the OECD review?" asks of the review)."""
        if turn.itself:
            return ""
        if turn.unit:
            return unit_name(turn.unit)
        # (sentences long enough to stand in one place: a table's cell "2" stands in "(OECD, 2018[2])")
        units = (self.store.sentences.field("unit", i) for i in quoted_rows(self.store, turn.answer, QUOTED_MIN_CHARS))
        return unit_name(next((u for u in units if u), ""))

    @functools.cached_property
    def case_keys(self) -> dict[str, str]:
        """What a turn may name each case study or box of the corpus by (`referents.case_keys`), read on first use."""
        units = dict.fromkeys(u for d in self.store.documents for _, _, us in d.sections for u in us)
        return case_keys(units, self.lexicon.dictionary, self.lexicon.counts)

    def series_of(self, turn) -> tuple[str, ...]:
        """The labels of the numbered blocks of the figure an earlier answer quoted the label line of ("FIGURE 3 China's
        strategic AI development plan": "Step 1", "Step 2", "Step 3"), () when it quoted none or the figure has fewer than
        two such blocks."""
        sentences = self.store.sentences
        for row in quoted_rows(self.store, turn.answer):
            if sentences.field("kind", row) == "caption" and PART_LABEL.match(sentences.field("text", row)):
                return figure_series(sentences, row)
        return ()


def figure_series(sentences, row: int) -> tuple[str, ...]:
    """The block labels ("Step 1", "Step 2") printed as lines of their own inside the figure whose label line is `row`,
    in order, with one label word and numbers from 1 (params.SERIES_LABEL); () with fewer than two."""
    field = sentences.field
    out: list[str] = []
    for i in range(row + 1, min(len(sentences), row + SERIES_LINES)):
        if not own_line(sentences, i):
            break
        text = field("text", i)
        m = SERIES_LABEL.match(text)
        if m and field("kind", i) == "caption" and (not out or out[0].split()[0].lower() == m["label"].lower()):
            if int(m["number"]) != len(out) + 1:
                break
            out.append(f"{m['label']} {m['number']}")
    return tuple(out) if len(out) >= 2 else ()


def _sample_texts(store) -> list[str]:
    """The texts the lexicon learns the corpus's words from: every sentence and heading context, or in a
    library past LEXICON_MAX_TEXTS, that many spread evenly over it (its rarest words may then be missed)."""
    sentences, contexts = store.sentences, store.contexts
    total = len(sentences) + len(contexts)
    step = max(1, -(-total // LEXICON_MAX_TEXTS))
    return [sentences.field("text", i) for i in range(0, len(sentences), step)] + [contexts[i] for i in range(0, len(contexts), step)]


def _document_sentences(store, name: str) -> list[Sentence]:
    return [store.sentences[i] for i in store.document_sentence_rows(name)]


def stage_for(retriever: Retriever) -> Stage:
    """The stage's caches belong to the retriever (one per loaded index), built on first use."""
    stage = getattr(retriever, "_answer_stage", None)
    if stage is None or stage.store is not retriever.store:
        stage = Stage(retriever)
        retriever._answer_stage = stage  # type: ignore[attr-defined]
    return stage


@dataclass(frozen=True)
class Prepared:
    """A question read, retrieved and turned into candidates: everything before the ranker."""

    question: str
    resolved: Resolved
    query: Query
    passages: tuple[Passage, ...]  # ranked, at least CANDIDATE_PASSAGES when the index has them
    candidates: Candidates
    top_dense: float  # the best passage's dense score (cosine), unscaled
    about_document: bool = False  # asked about the document as a whole, and the candidates are what it says of itself
    part: tuple[int, ...] = ()  # asked for a figure or section and nothing else: what it says of itself (parts.py)
    concluding: bool = False  # asked what the report concludes or recommends: its concluding sections' best sentences
    defined: bool = False  # asked what an abbreviation stands for: the candidates are where the report defines it

    @property
    def itself(self) -> bool:
        """Asked about the document or one of its parts as such, or what its abbreviation stands for: answered with what
        it says of itself, whatever the confidence model (fit on questions about facts) makes of it, and with no short
        answer."""
        return self.about_document or bool(self.part) or self.concluding or self.defined


def read(stage: Stage, question: str, history, types: TypeModel) -> tuple[Resolved, Query]:
    """A turn as understood: markup dropped (`query.plain`), read against the conversation (`followup.resolve`),
    then analysed with the corpus's lexicon (`query.analyse`). The router and selection read a question so."""
    text = roman_chapters(plain(question))  # "summarize chapter IV": chapter 4
    history = named_parts(stage.store, normalize_history(history)) if history else history  # a list given as text: its parts
    # the turn read against a conversation
    against = functools.partial(resolve, titles=stage.titles, entity_of=stage.entity_of, near=stage.near, series_of=stage.series_of,
                                cases=stage.case_keys if history else None)  # (the cases read on a conversation's first follow-up)
    resolved = against(text, history) if history else None
    if history and (DOCUMENT_WORD.search(text) or title_said(text, stage.document_titles)):
        alone = analyse(text, stage.lexicon, types, asked=text)
        # "who wrote this report?" asks the same whatever came before: never a follow-up; but a pronoun the turn before
        # gives a name for is that name ("what will it do under the strategy?" after "what is the Alan Turing Institute?")
        named = bool(resolved.entity) and not normalize_history(history)[-1].itself
        if about_document(alone, stage.document_titles, stage.credit_stems) and not named:
            return against(text, None), alone
    resolved = resolved or against(text, history)
    return resolved, analyse(resolved.question, stage.lexicon, types, asked=resolved.asked)


def scores_for(retriever: Retriever, resolved: Resolved, query: Query, within: str | None = None):
    """The passages scored for a turn as read (`read`): by its words without those framing it as asked of the document
    (`query.searched`), the router's and selection's alike."""
    return retriever.scores(resolved.question, retriever.encode(searched(query.embed)), within=within, lexical=searched(query.lexical))


def prepare(retriever: Retriever, question: str, *, history=None, k: int = 10, within: str | None = None, types: TypeModel) -> Prepared:
    stage = stage_for(retriever)
    resolved, query = read(stage, question, history, types)
    scores = scores_for(retriever, resolved, query, within)
    passages = tuple(retriever.rank(scores, k=max(k, CANDIDATE_PASSAGES), within=within))
    top = passages[:CANDIDATE_PASSAGES]
    # a question that names a section by its title ("what does the conclusion say") or a figure by its number is
    # answered from it; one asking for the part and nothing else, with its opening or its label and title (parts.py)
    top, part = part_question(retriever.store, query, resolved.question, top, retriever.named_section_ids(query.lexical, scores), stage.labels)
    if not part and top:  # "what is pillar 1?": the section so titled, by its opening
        own, part = labelled_part(retriever.store, query, resolved.question, top[0].document, asked=resolved.asked)
        if not part and asks_for_summary(query):  # "what is this report about?", "key takeaways": its own summary
            number = SECTION_NUMBER.search(resolved.question)  # "summarize chapter 3": that chapter's opening
            own, part = summary_part(retriever.store, top[0].document, number.group(1) if number else "")
        top = (own + tuple(p for p in top if p not in own))[:CANDIDATE_PASSAGES] if part else top
    concluding = False
    document = top[0].document if top else ""
    if not part and top and asks_for_conclusion(query, stage.home.get(document, ()), stage.title_of.get(document, "")):  # "what does the report recommend?": its conclusion's best sentences
        rows = sorted(conclusion_rows(retriever.store, document), key=lambda r: -float(scores.fused[r]))[:CANDIDATE_PASSAGES]
        concluding = bool(rows)
        top = tuple(dataclasses.replace(retriever.store.passages[r], score=round(float(scores.fused[r]), 6)) for r in rows) or top
    keep = frozenset(part) or None
    if not part and about_document(query, stage.document_titles, stage.credit_stems):  # "what is this report about", "who wrote the paper": what the document says of itself
        own = _self_reference(retriever, stage, scores, within)
        keep = _itself(retriever.store.sentences, stage, own, query) or None  # none: read as any other question
        top = tuple(p for p in own if keep and stage.self_reference[p.id] & keep) or top
    defined = None if keep or within or not top else defining(retriever, stage.lexicon, resolved.asked, (top[0].document,))  # "PAR?"
    top, keep = defined or (top, keep)
    candidates = candidate_matrix(query, scores, top, stage.features, resolved.previous, resolved.asked, keep=keep, entity=resolved.entity)
    top_dense = float(max((scores.dense[stage.features.row[p.id]] for p in top), default=0.0))
    found = bool(keep) and bool(candidates.indexes) and not defined
    return Prepared(question, resolved, query, passages, candidates, top_dense, about_document=found and not part,
                    part=tuple(part) if found else (), concluding=concluding and bool(candidates.indexes),
                    defined=bool(defined) and bool(candidates.indexes))


def _itself(sentences, stage: Stage, own: tuple[Passage, ...], query: Query) -> frozenset[int]:
    """The sentences a question about the document is answered from: what it says of itself in the passages `own`
    (`_self_reference`); for "when was it published", only those that give a year (none: the question is read as any
    other)."""
    keep = frozenset().union(*(stage.self_reference[p.id] for p in own))
    if keep and (query.answer_types.get("date", 0.0) > 0.5 or WHEN.search(query.text)):
        keep = frozenset(i for i in keep if holds(sentences.field("text", i))["date"])
    return keep


def _self_reference(retriever: Retriever, stage: Stage, scores, within: str | None) -> tuple[Passage, ...]:
    """The passages holding a sentence that speaks of its own document, at most CANDIDATE_PASSAGES, those whose
    such sentence is nearest the question first; among the passages the question's scores reach (in a large
    library only its candidates are scored)."""
    row = stage.features.row
    mask = retriever.scope(within) if within else None
    near: list[tuple[float, int]] = []
    for pid, sentences in stage.self_reference.items():
        r = row.get(pid)
        if r is not None and np.isfinite(scores.dense[r]) and (mask is None or mask[r]):
            near.append((max(float(scores.sentence_cosine[i]) for i in sentences), r))
    store = retriever.store
    return tuple(dataclasses.replace(store.passages[r], score=round(float(scores.fused[r]), 6)) for _, r in sorted(near, reverse=True)[:CANDIDATE_PASSAGES])


@dataclass(frozen=True, eq=False)
class Selection:
    """What selection found for a question, before deciding whether to answer."""

    prepared: Prepared
    probabilities: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per candidate
    best: int | None = None  # the best candidate's row
    chosen: tuple[int, ...] = ()  # sentence indexes (into store.sentences), reading order
    around: str = ""  # the text of the passages the chosen sentences stand in (what pins are checked against)

    @property
    def question(self) -> str:
        return self.prepared.question

    @property
    def resolved(self) -> str:
        return self.prepared.resolved.question

    @property
    def passages(self) -> tuple[Passage, ...]:
        return self.prepared.passages


def select(
    retriever: Retriever, question: str, *, history=None, k: int = 10, within: str | None = None, models: AnswerModels | None = None
) -> Selection:
    """Retrieve and pick the sentences that would answer `question` (no abstention decision yet)."""
    models = models or load_models()
    prepared = prepare(retriever, question, history=history, k=k, within=within, types=models.types)
    cands = prepared.candidates
    if not cands.indexes:
        return Selection(prepared)
    # a follow-up asks for what the last answer did not already quote: its new words up, its quotes down
    # (a sentence already quoted that holds what the follow-up asks, "who developed it?", is its answer all the same)
    offset = FOLLOWUP_NEW_WORDS * cands.new_words - FOLLOWUP_QUOTED_BEFORE * cands.matrix[:, _QUOTED_BEFORE] * (1.0 - cands.own_words)
    probabilities = models.ranker.probability(cands.matrix, offset=offset)
    best = _pinned_best(retriever, prepared, probabilities, int(np.argmax(probabilities)))
    chosen = list(prepared.part) or choose(retriever.store.sentences, cands.indexes, probabilities, best, asked=prepared.query.stems)
    if prepared.about_document and asks_authors(prepared.resolved.asked, stage_for(retriever).credit_stems):  # "who wrote this report": its authors
        chosen = list(stage_for(retriever).author_lists[retriever.store.sentences.field("document", cands.indexes[best])]) or chosen
    ids = {retriever.store.sentences[i].passage_id for i in chosen}
    around = " ".join(p.text for p in cands.passages if p.id in ids)
    return Selection(prepared, probabilities, best, tuple(chosen), around)


def _pinned_best(retriever: Retriever, prepared: Prepared, probabilities: np.ndarray, best: int) -> int:
    """The best candidate, or, when its passage lacks a year the turn pins, the likeliest one whose passage has it, if
    the ranker gives it `PIN_RESCUE_SHARE` of the best one's probability (else the best: the answer is refused)."""
    asked = edition_free(prepared.resolved.asked, stage_for(retriever).editions)
    if prepared.part or not YEAR.search(asked):  # most questions pin no year: nothing to look up
        return best
    cands = prepared.candidates
    store = retriever.store
    texts = {p.id: p.text for p in cands.passages}

    def lacks(row: int) -> list[str]:
        s = store.sentences[cands.indexes[row]]
        return missing_years(asked, texts.get(s.passage_id, s.text))

    if not lacks(best):
        return best
    for row in np.argsort(-probabilities):
        if probabilities[row] < PIN_RESCUE_SHARE * probabilities[best]:
            break
        if not lacks(int(row)):
            return int(row)
    return best

"""Confidence: the modelled probability that the report answers the question, from what selection found.

The features describe the chosen sentence and the question together: how sure the ranker is and by
how much the runner-up trails, how close the best sentence and passage are, and what the question
asks about that the corpus never mentions (`unknown`), a year it names that the quote's passage lacks,
and whether the quote lacks the kind of answer asked for. What the question asks about is its content
stems less the function words that only put it ("how many", "does": `query.function_stems`). Whether the quote answers to the question's most
specific words, names and numbers, read with the sentence before it and its titles, is
`coverage.py` (`uncovered`, `names_absent`, `corpus_name_absent`, `number_missing`, `unit_missing`). Apart from the model, `ruled_out` says
when the quote cannot answer: it lacks a year, quarter or place the question pins (`pins.py`). The
weights are fit on the dev split (`askwef tune --fit`).

No longer a feature: the share of the question's words the quote alone lacks (`absent_quote`). Beside
`uncovered` (the same share with the sentence before and the titles read too) its weight came out
positive (+0.54), and dev abstains more without it (5 folds x 20 shuffles, abstention at false abstention
<= 0.05: 0.437 with it, 0.440 without). Measured and not kept: a follow-up whose quote is only what the
last answer quoted ("and back in 2018?"): weight -0.47, but 0.440 with it and 0.444 without.

Measured with the model at C=0.05 (evaluate/fit.py `CONFIDENCE_C`; 5 folds x 20 shuffles, 0.460 with the
features above) and not kept: the idf of the question's rarest word the quote's text lacks over its rarest
word's (weight -0.25, cross-validated 0.464 -> 0.474 over 50 shuffles, but fit with `askwef tune --fit` it
abstained on 0.500 of dev's unanswerable at 0.046 false abstention against 0.519 at 0.040 without, and test
answers fell 0.791 -> 0.785); the ranker's distribution (entropy of its probabilities 0.465, the top three's sum
0.451, the runner-up's 0.453, how many pass 0.5: 0.459); the turn's own words the quote lacks, for follow-ups
(0.458); whether the quote is what the last answer already quoted (0.441, or all of it: 0.464); whether the turn
has a history at all (0.456); a yes/no question (0.462); a word before a capitalised word of the quote
that the quote lacks ("pony" ai, "construction" bank: 0.446 to 0.458, it fires as often on "biggest" AI).

>>> sorted(CONFIDENCE_FEATURES)[:3]
['best_probability', 'bias', 'corpus_name_absent']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .coverage import counted, coverage, number_words
from .features import FEATURES
from .params import ABSTAIN_MESSAGE, AMOUNT_ASKED, ANSWER_TYPES, PINNED_MISSING_MESSAGE, UNWRITTEN_MESSAGE, UNWRITTEN_PASSAGES, WHEN
from .pins import edition_free, missing, missing_years, quoted_terms
from .query import function_stems, holds, stems
from .select import Selection, stage_for

_LACKS = {t: FEATURES.index(f"asks_{t}_lacks") for t in ANSWER_TYPES}

CONFIDENCE_FEATURES = (
    "best_probability", "margin", "cosine", "top_dense", "unknown",
    "year_missing", "type_lacks", "followup", "uncovered", "names_absent", "number_missing",
    "unit_missing", "corpus_name_absent", "bias",
)

def confidence_features(sel: Selection, retriever) -> dict[str, float]:
    """The features of a selection (zeros and a bias when nothing was found)."""
    out = dict.fromkeys(CONFIDENCE_FEATURES, 0.0)
    out["bias"] = 1.0
    if sel.best is None:
        return out
    stage = stage_for(retriever)
    cache = stage.features
    prepared = sel.prepared
    cands = prepared.candidates
    order = np.sort(sel.probabilities)[::-1]
    stems = prepared.query.stems
    content = (stems - function_stems()) or stems  # what it asks about, not how it asks ("how many", "does")
    weight = cache.weight(content) or 1.0
    sentences = retriever.store.sentences
    passage_stems = frozenset().union(*(cache.passage_stems.get(sentences[i].passage_id, frozenset()) for i in sel.chosen))
    row = cands.matrix[sel.best]
    lacks = sum(row[_LACKS[t]] for t in ANSWER_TYPES)
    out.update(
        best_probability=float(order[0]),
        margin=float(order[0] - order[1]) if len(order) > 1 else float(order[0]),
        cosine=float(row[0]),
        top_dense=prepared.top_dense,
        unknown=cache.weight({t for t in content if t not in cache.vocabulary}) / weight,
        year_missing=float(bool(missing_years(edition_free(sel.resolved, stage.editions), sel.around))),
        type_lacks=float(lacks),
        followup=float(prepared.resolved.previous is not None or prepared.resolved.question != prepared.question),
    )
    seen, seen_stems = _seen(retriever.store, cache, sel.chosen)
    # the turn's own words, mended (as the query already is when they are the question as read: most turns)
    resolved = prepared.resolved
    asked = prepared.query.embed if resolved.asked == prepared.query.text else stage.lexicon.normalize(resolved.asked).text
    cov = coverage(prepared.query.embed, content, seen, " ".join(sentences[i].text for i in sel.chosen), passage_stems, cache.weight,
                   asked=asked, corpus=stage.names, spelled=stage.lexicon.spelled_out, similar=stage.similar, seen_stems=seen_stems,
                   headings=tuple(dict.fromkeys(part for i in sel.chosen for part in sentences[i].section.split(" > "))))
    out.update(uncovered=cov.uncovered, names_absent=cov.names_absent, number_missing=cov.number_missing,
               unit_missing=cov.unit_missing, corpus_name_absent=cov.corpus_name_absent)
    return out


def _seen(store, cache, chosen) -> tuple[str, frozenset[str]]:
    """What a reader sees with the quote: its sentences, the sentence before each in its passage, their units and their
    passages' headings, as text and as stems. The stems are each part's, kept per index (`StoreFeatures`): joined by
    spaces, no word spans two parts, so their union is the stems of the text, which is not tokenized again."""
    sentences = store.sentences
    before = [i - 1 for i in chosen if i > 0 and sentences[i - 1].passage_id == sentences[i].passage_id]
    units = [sentences[i].unit for i in chosen]
    headed = [pid for pid in (sentences[i].passage_id for i in chosen) if cache.row[pid] is not None]
    seen = " ".join([sentences[i].text for i in chosen] + [sentences[i].text for i in before] + units
                    + [store.contexts[cache.row[pid]] for pid in headed])
    stems = frozenset().union(*(cache.text_stems[i] for i in (*chosen, *before)), *(cache.unit_stems.get(u, frozenset()) for u in units),
                              *(cache.context_stems.get(pid, frozenset()) for pid in headed))
    return seen, stems


@dataclass(frozen=True)
class RuledOut:
    """Why the report cannot answer, whatever the confidence: what the question pins that the quote's passages lack
    (`pins`: years, quarters, places), or the terms it quotes that the report never writes (`terms`); both empty when
    none of its words is in the corpus."""

    pins: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        if self.terms:
            return UNWRITTEN_MESSAGE.format(terms=" or ".join(f"“{t}”" for t in self.terms))
        if self.pins:
            return PINNED_MISSING_MESSAGE.format(pins=" and ".join(self.pins))
        return ABSTAIN_MESSAGE


def ruled_out(sel: Selection, retriever, features: dict[str, float]) -> RuledOut | None:
    """Why the report cannot answer whatever the confidence, or None when nothing rules the question out: what the
    question pins that the quote's passages lack (years, quarters, places: `pins.py`). A question none of whose words
    the corpus holds ("the capital of France") is ruled out too. On dev, 15 of the 17 questions naming a year their
    quote's passages lack were unanswerable (evals/TUNING.md measures the rule with the threshold). So is a question
    giving a number (not a year) the quote lacks (`number_missing`: "how many robots per 10000 workers", "is it L3",
    "the H100"): on dev it fires on 0 of the 175 answerable questions and 5 of the 154 unanswerable. As a feature of
    the model fit at C=0.05 its weight shrinks with its rarity (-0.46 -> -0.18), too little to hold the robot density
    question under the threshold (confidence 0.36). And so is a question quoting a term no sentence of the report
    holds every word of, nor any heading (`unwritten`: "what is the 'AI plus' initiative?"; of the 919 golden
    questions of the three reports, 3 quote a term: dev's n040 and n358, 'AI plus', both unanswerable, and n244's
    'data multiplier', which the report writes)."""
    if sel.best is None:
        return RuledOut()
    best = retriever.store.sentences[sel.prepared.candidates.indexes[sel.best]]
    resolved = sel.prepared.resolved
    asked = resolved.asked
    # a term quoted by an earlier turn counts when this turn's words name it again ("when was it announced?" after
    # "what is the 'AI plus' initiative?" is asked as "when was AI plus announced?")
    carried = (t for t in quoted_terms(resolved.question) if t.casefold() in asked.casefold())
    terms = unwritten(retriever, tuple(dict.fromkeys([*quoted_terms(asked), *carried])))
    if terms:
        return RuledOut(terms=terms)
    # what the turn pins itself ("and in the first quarter?"), not what it carries from the turns before it ("how many
    # companies?" after "and by 2030?"): those lower the confidence (`year_missing`) but do not rule the answer out
    stage = stage_for(retriever)
    pins = missing(edition_free(asked, stage.editions), sel.around, stage.home.get(best.document, set()))
    if features["unknown"] >= 1.0:  # none of what it asks about is written: "what is deepseek?" says so by name (not a
        # question about the document itself, whose "wrote" the report never writes: compose answers it all the same)
        terms = () if sel.prepared.itself else unknown_words(asked, stage_for(retriever).features.vocabulary)
        return RuledOut(pins=pins, terms=terms)
    if pins or features["number_missing"] >= 1.0 or _count_without_number(asked, retriever.store.sentences, sel) or (
            _when_without_date(asked, retriever.store.sentences, sel)):
        return RuledOut(pins=pins)
    if features["followup"] > 0 and (features["names_absent"] >= 1.0 or features["unit_missing"] >= 1.0):
        # a follow-up asking for a name or a count its quote does not give ("how many users does it have?" of Alipay's
        # health manager, whose numbers count institutions and interactions): read with the turn before, it shares that
        # turn's words with the quote, and the model's confidence stays high (0.54 there). Eight blind trials (413
        # answerable turns, 228 not, as askwef answers them before any rule): 11 more refused, 2 answerable turns more
        # refused, both "how many companies are on COSMOPlat?", which a third trial labels unanswered; dev: 1 answerable
        # more refused, test: 1 unanswerable
        return RuledOut()
    return None


def _when_without_date(asked: str, sentences, sel: Selection) -> bool:
    """Whether the turn asks when ("when was the alliance set up?", "what year did it get the title?": params.WHEN) and
    none of the quote's sentences gives a date (a year, a month, a quarter): they cannot answer it. In the golden
    questions of the three reports, 15 of the 16 answerable questions so asking have a date in their answer sentence;
    the 16th (holdout's n540, "when was this report published and who put it out") asks about the report itself, which
    this leaves alone. "When" inside a question ("what do robots reduce when used") is not asking when. Stop 31's paired
    trial: 2 of its near misses ("when was the WEF's AIGA set up?") quoted a sentence without one."""
    if sel.prepared.itself or not WHEN.search(asked):
        return False
    return not any(holds(sentences.field("text", i))["date"] for i in sel.chosen)


def _count_without_number(asked: str, sentences, sel: Selection) -> bool:
    """Whether the turn counts something ("how many hospitals use it", "what share of farms", "how much") and none of
    the quote's sentences gives a number, in digits or in words: they cannot answer it. In the golden questions of the three
    reports, 1 of the 64 answerable questions counting something has an answer sentence without a number (dev's n028,
    which asks two things); keyword questions answered so (dev's "ge healthcre ct ai how many hospitals use it") were
    not refused by the confidence model. Measured: dev +1 refused, test unchanged, OECD dev's oecd-033 (answered with a
    list of ministries, wrong) refused. Refusing every answer whose numbers count another noun (`unit_missing` as a rule,
    not a feature) lost 0.03 of answers on dev, test and the OECD review, so that stays a feature. A turn asking "how
    much" asks a number too (`params.AMOUNT_ASKED`): dev 2 more unanswerable refused and 1 answerable (n032, which asks
    two things), test 2 more unanswerable, the nine trials 4 more near misses ("how much did it reduce travel time?" of
    City Brain), no answerable turn."""
    if sel.prepared.itself or not (counted(asked) or AMOUNT_ASKED.search(asked)):
        return False
    texts = [sentences.field("text", i) for i in sel.chosen]
    return not any(holds(t)["number"] or number_words(t) for t in texts)


def unknown_words(question: str, vocabulary) -> tuple[str, ...]:
    """The words of `question`, as typed, that ask about something (not how it asks) and whose stems the corpus never
    writes ("deepseek" in "what is deepseek?").

    >>> unknown_words("what is deepseek?", {"what", "is"})
    ('deepseek',)
    """
    out = []
    for word in re.findall(r"[\w][\w.'’\-]*[\w]|\w", question):
        own = stems(word) - function_stems()
        if own and not own <= vocabulary and word not in out:
            out.append(word)
    return tuple(out)


def unwritten(retriever, terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms of which no sentence of the report, nor any heading, holds every word (stemmed, stop words out, in
    any order: "lighthouse factories" is written where "Chuangzhi Factory ... the first lighthouse" is; "AI plus" is
    not by "internet plus" under a chapter on AI).
    Only the passages BM25 ranks first for the term are read (UNWRITTEN_PASSAGES): a passage holding every word
    of it is among them."""
    out = []
    cache = stage_for(retriever).features
    store = retriever.store
    for term in terms:
        words = stems(term)
        if not words:
            continue
        if words <= cache.vocabulary:
            scores = retriever.bm25_scores(term)
            top = np.argsort(-scores)[:UNWRITTEN_PASSAGES]
            rows = [int(r) for r in top if scores[r] > 0]
            headings = {t for r in rows for t in (store.passages[r].section.rsplit(" > ", 1)[-1], store.passages[r].unit) if t}
            if any(words <= stems(t) for t in headings) or any(
                words <= cache.stems[i] for r in rows for i in store.passage_sentences(r)
            ):
                continue
        out.append(term)
    return tuple(out)


def answer_confidence(features: dict[str, float], model) -> float:
    """In 0..1: the modelled probability that the report answers the question, from `confidence_features`."""
    return float(model.probability(np.array([[features[f] for f in model.features]]))[0])

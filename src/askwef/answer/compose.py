"""Compose the Answer: the chosen sentences quoted verbatim with their sources, or an honest abstention.

>>> answer_question(retriever, "How many green data centres has China built?")   # doctest: +SKIP
Answer(text='To date, 246 green data centres have been established in the country, ...', span='246', ...)
"""

from __future__ import annotations

import dataclasses

from ..retrieve import Retriever
from ..types import Answer, Endnote, Quote, Sentence
from .confidence import answer_confidence, confidence_features, ruled_out
from .contents import cut_short, listed_items, listed_parts, listing, other_parts
from .followup import is_followup, normalize_history, resolve
from .model import AnswerModels, load_models
from .params import ABSTAIN_MESSAGE, TITLE_ASKED
from .context import context_for, passages_for
from .query import stems
from .scope import asked_document, missing_section, named_section
from .select import select, stage_for
from .span import span_of


def answer_question(
    retriever: Retriever, question: str, *, history=None, k: int = 10, within: str | None = None, models: AnswerModels | None = None
) -> Answer:
    models = models or load_models()
    store = retriever.store
    listed = list_answer(retriever, question, history=history, within=within)
    if listed is not None:
        return listed
    if within is None or within in store.document_names:  # "what does annex C say about gender?", "and in annex C?"
        missing = missing_section(store, question, within)
        if missing:  # "what does chapter 7 say ...?" of a report of five chapters
            return Answer(question, "", abstained=True, message=missing, resolved_question=question)
        within = named_section(store, question, followup=bool(history) and is_followup(question), within=within) or within
    sel = select(retriever, question, history=history, k=k, within=within, models=models)
    shown = sel.passages[:k]
    if sel.best is None:
        return Answer(question, "", passages=shown, abstained=True, message=ABSTAIN_MESSAGE, resolved_question=sel.resolved)
    features = confidence_features(sel, retriever)
    confidence = answer_confidence(features, models.confidence)
    ruled = ruled_out(sel, retriever, features)
    if sel.prepared.itself and ruled is not None and not (ruled.pins or ruled.terms):
        # a question about the document itself ("who wrote this report") is answered with what the document says of
        # itself, whatever the confidence model (fit on questions about the report's content) and the rule on words
        # the corpus never writes ("wrote") make of it; a year it pins that the document lacks still rules it out
        ruled = None
    if (confidence < retriever.settings.abstain_threshold and not sel.prepared.itself) or ruled is not None:
        message = ruled.message if ruled is not None else ABSTAIN_MESSAGE
        return Answer(
            question, "", passages=shown, confidence=round(confidence, 4), abstained=True, message=message,
            resolved_question=sel.resolved,
        )
    quotes = quotes_for(store, sel.chosen)
    text = " ".join(q.text for q in quotes)
    best_row = sel.prepared.candidates.indexes[sel.best]
    best = store.sentences[best_row]
    query = sel.prepared.query
    stage = stage_for(retriever)
    # make sure the passages holding the quotes are among those shown
    ids = {p.id for p in shown}
    extra = tuple(p for p in sel.passages if p.id not in ids and any(store.sentences[i].passage_id == p.id for i in sel.chosen))
    return Answer(
        question=question,
        text=text,
        quotes=quotes,
        endnotes=endnotes_for(retriever, list(sel.chosen)),
        references=references_for(retriever, list(sel.chosen)),
        passages=shown + extra,
        confidence=round(confidence, 4),
        abstained=False,
        message="",
        resolved_question=sel.resolved,
        # the short answer: none when the whole quote answers (what the document says of itself)
        span="" if sel.prepared.itself else span_of(best.text, query.answer_types, query.stems, question=query.text,
                                                     common=stage.common, own=sel.prepared.resolved.asked,
                                                     words=stage.span_words[best_row]),
        context=_title_of(quotes) if sel.prepared.about_document and TITLE_ASKED.search(question) else context_for(store, sel.chosen),
        about="document" if sel.prepared.about_document else ("part" if sel.prepared.part or sel.prepared.concluding else ""),
    )


def _title_of(quotes) -> str:
    """The title of the document `quotes` come from, with its year: "“Blueprint to Action: ...” (2025)"."""
    first = quotes[0] if quotes else None
    if first is None or not first.title:
        return ""
    return f"“{first.title}”" + (f" ({first.year})" if first.year else "")


def list_answer(retriever: Retriever, question: str, *, history=None, within: str | None = None) -> Answer | None:
    """A question asking for a list of the report's parts ("list the case studies", `contents.py`), answered with
    each part's first sentence and the parts' titles as context; None for any other question, for a follow-up (read
    against its conversation instead), within a section, and in an index of several reports unless `within` names one."""
    asked = listing(question)
    store = retriever.store
    document = asked_document(store, within) if not within or within in store.document_names else ""  # (not within a section)
    if asked is None or not document:
        return None  # (a `within` section: the question is read within it as any other)
    if history and is_followup(question):
        leaned = _leans_on(retriever, question, history)
        if leaned is not None:  # "is there a case study for it?": for what "it" stands for, if that names where parts stand
            asked = listing(leaned)
            if asked is None or not asked.words:
                return None
    # "any examples?" or "what's the use case?" (one, asked with "the") in a conversation: of what it is about
    of_last = is_followup(question) or (asked.noun and not asked.noun.endswith("s") and asked.pick is None)
    if history and of_last and not asked.words and not asked.number and asked.family != "section":
        # "any examples?" after "how is AI used in the power grid": the parts under the last answer's section, as if the
        # question named it; none there, and it is read against the conversation as any other follow-up
        turns = normalize_history(history)
        topic = turns[-1].section.split(" > ")[-1] if turns else ""
        if not topic:
            return None
        asked = dataclasses.replace(asked, words=frozenset(stems(topic)))
    listed = listed_parts(store, document, asked, near=stage_for(retriever).near)
    if listed is None and not asked.words and not asked.number and not asked.noun.startswith("example"):
        # "which case studies does the report include?" of a report that has none: says so, and what it has instead
        others = other_parts(store, document, asked.family)
        if others is not None:
            return Answer(question, "", abstained=True, message=f"The report has no {asked.noun or 'such parts'}. {others}".strip(),
                          resolved_question=question, about="contents")
    if listed is None:
        return None
    quotes = quotes_for(store, listed.rows)
    return Answer(question, " ".join(q.text for q in quotes), quotes=quotes, endnotes=endnotes_for(retriever, list(listed.rows)),
                  passages=passages_for(store, listed.rows), confidence=1.0, resolved_question=question, context="; ".join(listed.titles),
                  about="contents", message=cut_short(len(listed_items(quotes)), listed.more, asked.noun) if listed.more else "")


def _leans_on(retriever: Retriever, question: str, history) -> str | None:
    """A follow-up asking for a list as it takes something from the conversation, its own words changed by it (a name
    for its pronoun, a topic in place of the last one's), or None when it takes nothing. "which industries does it focus
    on?" after a question about the executive summary does not (its "it" is the report itself): it is listed as when
    asked alone."""
    stage = stage_for(retriever)
    resolved = resolve(question, history, titles=stage.titles, entity_of=stage.entity_of, near=stage.near, cases=stage.case_keys)
    return resolved.asked if resolved.asked.strip().rstrip("?") != question.strip().rstrip("?") else None


def quotes_for(store, rows) -> tuple[Quote, ...]:
    """The sentences `rows` (of the store) as an answer quotes them, in the order given."""
    documents = {d.name: d for d in store.documents}
    return tuple(quote_for(store.sentences[i], documents.get(store.sentences[i].document)) for i in rows)


def quote_for(s: Sentence, doc) -> Quote:
    """A sentence as an answer quotes it, with its document's title and year (`doc`: its DocumentInfo, or None)."""
    title, year = (doc.title, int(doc.year or 0)) if doc is not None else ("", 0)
    last = doc.page_span(s.section, s.page)[1] if doc is not None else s.page
    return Quote(s.text, s.passage_id, s.document, s.section, s.page, s.start, s.end, s.endnotes, title, year, s.unit, last,
                 s.page_label)


def references_for(retriever: Retriever, chosen: list[int]) -> tuple[Endnote, ...]:
    """The reference-list entries the sentences `chosen` (rows of the store) cite author-date, each once, in order."""
    found = (e for i in chosen for e in retriever.store.references_cited(retriever.store.sentences[i]))
    return tuple(dict.fromkeys(found))


def endnotes_for(retriever: Retriever, chosen: list[int]) -> tuple[Endnote, ...]:
    """The endnotes the sentences `chosen` (rows of the store) cite, each once per document, in order."""
    out: list[Endnote] = []
    seen: set[tuple[str, int]] = set()
    for i in chosen:
        s = retriever.store.sentences[i]
        for n in s.endnotes:
            if (s.document, n) in seen:
                continue
            seen.add((s.document, n))
            note = retriever.store.endnote(s.document, n, s.section)
            if note is not None:
                out.append(note)
    return tuple(out)

"""Compose the Answer: the chosen sentences quoted verbatim with their sources, or an honest abstention.

>>> answer_question(retriever, "How many green data centres has China built?")   # doctest: +SKIP
Answer(text='To date, 246 green data centres have been established in the country, ...', ...)
"""

from __future__ import annotations

from ..retrieve import Retriever
from ..types import Answer, Endnote, Quote, Sentence
from .confidence import answer_confidence
from .params import ABSTAIN_MESSAGE
from .select import select


def answer_question(retriever: Retriever, question: str, *, history=None, k: int = 10, within: str | None = None) -> Answer:
    store = retriever.store
    sel = select(retriever, question, history=history, k=k, within=within)
    shown = sel.passages[:k]
    if sel.best is None:
        return Answer(question, "", passages=shown, abstained=True, message=ABSTAIN_MESSAGE, resolved_question=sel.resolved)
    confidence = answer_confidence(sel)
    if confidence < retriever.settings.abstain_threshold:
        why = f" (it does not mention {', '.join(p[0] for p in sel.missing[:3])} where it comes closest)" if sel.missing else ""
        return Answer(
            question, "", passages=shown, confidence=round(confidence, 4), abstained=True,
            message=ABSTAIN_MESSAGE.replace(". The closest", f"{why}. The closest", 1), resolved_question=sel.resolved,
        )
    quotes = tuple(_quote(store.sentences[i]) for i in sel.chosen)
    # make sure the passages holding the quotes are among those shown
    ids = {p.id for p in shown}
    extra = tuple(p for p in sel.passages if p.id not in ids and any(store.sentences[i].passage_id == p.id for i in sel.chosen))
    return Answer(
        question=question,
        text=" ".join(q.text for q in quotes),
        quotes=quotes,
        endnotes=_endnotes(retriever, list(sel.chosen)),
        passages=shown + extra,
        confidence=round(confidence, 4),
        abstained=False,
        message="",
        resolved_question=sel.resolved,
    )


def _quote(s: Sentence) -> Quote:
    return Quote(s.text, s.passage_id, s.document, s.section, s.page, s.start, s.end, s.endnotes)


def _endnotes(retriever: Retriever, chosen: list[int]) -> tuple[Endnote, ...]:
    out: list[Endnote] = []
    seen: set[tuple[str, int]] = set()
    for i in chosen:
        s = retriever.store.sentences[i]
        for n in s.endnotes:
            if (s.document, n) in seen:
                continue
            seen.add((s.document, n))
            note = retriever.store.endnote(s.document, n)
            if note is not None:
                out.append(note)
    return tuple(out)

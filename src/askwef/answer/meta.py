"""Turns about the last answer itself rather than the report: "source?", "what's the source for that?" (the endnotes
its sentences cite), "which page is that on?", "where does it say that?" (where they stand), "tell me more", "go on"
(the sentences that follow them in the report).

Read as questions about the report, they were answered with whatever sentence held their words ("what's the source
for that?" quoted "... open source AI technology ..."). Here the last answer's sentences are found by their text in
the index (`context.quoted_rows`), so the HTTP API's {question, answer} turns work as the chat's Answers do. After an
abstention, "source?" and "which page?" point at the latest answer that quoted, and say so (a conversation's third turn
refused, its fourth asked for the source of what the second quoted: stop 40's blind trial); with no such answer there is
nothing to point at, and the turn abstains, as "tell me more" does after any abstention. Each reply quotes report sentences verbatim, with
their places and endnotes, as any answer does (`Answer.about`: "sources", "place" or "more").

>>> about_last(retriever, "source?", [engine.answer("How many green data centres has China built?")]).endnotes  # doctest: +SKIP
(Endnote(number=27, reference='Zhao, Z. (2024). China has built a total of 246 green data centers. ...', ...),)
"""

from __future__ import annotations

import dataclasses

from ..retrieve import Retriever
from ..types import Answer
from .compare import compared
from .compose import endnotes_for, quotes_for, references_for
from .followup import normalize_history
from .params import MAX_ANSWER_CHARS, MORE_SENTENCES, MORE_TURN, PLACE_TURN, QUOTED_MIN_CHARS, SOURCE_NEAR, SOURCE_TURN
from .context import passages_for, quoted_rows

UNDERSTOOD = {"sources": "the sources of the last answer", "place": "where the last answer stands in the report",
              "more": "what follows the last answer in the report"}


def meta_kind(question: str) -> str | None:
    """"sources", "place" or "more" for a turn about the last answer (`params.SOURCE_TURN`, `PLACE_TURN`, `MORE_TURN`),
    else None."""
    for kind, pattern in (("sources", SOURCE_TURN), ("place", PLACE_TURN), ("more", MORE_TURN)):
        if pattern.match(question):
            return kind
    return None


def about_last(retriever: Retriever, question: str, history) -> Answer | None:
    """The reply to a turn about the last answer, or None when the turn is not one (or there is no last answer)."""
    kind = meta_kind(question)
    turns = normalize_history(history) if kind else []
    if not turns:
        return None
    store = retriever.store
    rows, asked = last_rows(store, turns[-1].answer), ""
    if not rows and kind != "more":  # the last answer quoted nothing: its sources are those of the latest one that did
        asked, rows = next(((t.question, found) for t in reversed(turns[:-1]) if (found := last_rows(store, t.answer))), ("", []))
    documents = list(dict.fromkeys(store.sentences.field("document", i) for i in rows))
    if len(documents) > 1:  # after a comparison: each report's part, under its title, with its own endnotes
        parts = [(d, _reply(retriever, question, kind, [i for i in rows if store.sentences.field("document", i) == d], True))
                 for d in documents]
        reply = compared(question, UNDERSTOOD[kind], parts, store, about=kind)
    else:
        reply = _reply(retriever, question, kind, rows, bool(rows))
    if asked:
        said = f"The last answer quoted nothing; these are the sentences of the answer to “{asked}”."
        reply = _with_context(reply, f"{said} {reply.context}".strip())
    return reply


def _reply(retriever: Retriever, question: str, kind: str, rows: list[int], answered: bool) -> Answer:
    """The reply about the last answer's sentences `rows` (of one report); `answered`: the last answer quoted any."""
    store = retriever.store
    if kind == "more":
        rows = following(store.sentences, rows)
    if not rows:
        message = ("The report says no more there: the last answer's sentences end their section." if kind == "more" and answered
                   else "There is no quote in the last answer to point at. Ask a question about the report.")
        return Answer(question, "", abstained=True, message=message, resolved_question=UNDERSTOOD[kind], about=kind)
    endnotes, references = endnotes_for(retriever, rows), references_for(retriever, rows)
    nearest = citing_near(retriever, rows) if kind == "sources" and not endnotes and not references else None
    if nearest is not None:  # the case study's source, cited by its next sentence
        rows = sorted([*rows, nearest])
        endnotes, references = endnotes_for(retriever, rows), references_for(retriever, rows)
    quotes = quotes_for(store, rows)
    answer = Answer(question, " ".join(q.text for q in quotes), quotes=quotes, endnotes=endnotes, passages=passages_for(store, rows),
                    confidence=1.0, resolved_question=UNDERSTOOD[kind], about=kind, references=references)
    if kind == "sources" and nearest is not None:
        where = "case study" if store.sentences.field("unit", nearest) else "paragraph"
        return _with_context(answer, f"The sentences quoted cite no source; the nearest sentence of their {where} that does is quoted with "
                                     f"them: it cites {cited(endnotes, references)}.")
    if kind == "sources":
        return _with_context(answer, sources_said(endnotes, references))
    if kind == "place":
        return _with_context(answer, "Where they stand: " + "; ".join(f"{q.pages()}, {q.section.replace(' > ', ' › ')}"
                                                                      for q, _ in answer.places()) + ".")
    return answer


def sources_said(endnotes, references) -> str:
    """What "source?" says of the sentences' sources: the endnotes they cite by number, the works they cite by author
    and date ("(OECD, 2022[3])"), or that they cite none.

    >>> from askwef.types import Endnote
    >>> print(sources_said((Endnote(3, "A"), Endnote(5, "B")), (Endnote(2, "OECD (2018), Toolkit"),)))
    These sentences cite endnotes 3, 5 and, by author and date, 1 work of their chapter's reference list.
    """
    said = cited(endnotes, references)
    return f"These sentences cite {said}." if said else "The report cites no source for these sentences."


def cited(endnotes, references) -> str:
    """The sources cited, as "endnotes 3, 5 and, by author and date, 1 work of their chapter's reference list"; "" for none."""
    said = []
    if endnotes:
        said.append(f"endnote{'s' if len(endnotes) > 1 else ''} {', '.join(str(e.number) for e in endnotes)}")
    if references:
        said.append(f"by author and date, {len(references)} work{'s' if len(references) > 1 else ''} of their chapter's reference list")
    return " and, ".join(said)


def citing_near(retriever: Retriever, rows: list[int]) -> int | None:
    """The sentence nearest `rows` that cites a source (an endnote, or a work by author and date), within the case study
    or box of their last sentence, else within SOURCE_NEAR sentences of it in its section; None when there is none. An
    answer quoting a case study's first sentences, which cite nothing, was told "The report cites no source" though the
    case cites its source further on (stop 43's blind trial: ICBC's fraud platform, endnote 59)."""
    sentences = retriever.store.sentences

    def place(i: int) -> tuple[str, str, str]:
        return sentences.field("document", i), sentences.field("section", i), sentences.field("unit", i)

    home = place(max(rows))
    for step in range(1, (len(sentences) if home[2] else SOURCE_NEAR) + 1):
        near = [i for i in (max(rows) + step, min(rows) - step) if 0 <= i < len(sentences) and place(i) == home]
        if not near:  # out of the case study, or the section, both ways
            return None
        found = next((i for i in near if endnotes_for(retriever, [i]) or references_for(retriever, [i])), None)
        if found is not None:
            return found
    return None


def _with_context(answer: Answer, context: str) -> Answer:
    return dataclasses.replace(answer, context=context)


def last_rows(store, text: str) -> list[int]:
    """The index rows of the sentences `text` (the last answer) quotes, in its order (a comparison's reports as it
    gave them), a sentence the report prints twice once."""
    seen: set[str] = set()
    rows = []
    for i in quoted_rows(store, text, QUOTED_MIN_CHARS):
        sentence = store.sentences.field("text", i)
        if sentence not in seen:
            seen.add(sentence)
            rows.append(i)
    return sorted(rows, key=lambda i: text.find(store.sentences.field("text", i)))


def following(sentences, rows: list[int]) -> list[int]:
    """The sentences of the last of `rows`' section and unit that the answer left out, from the first of its rows there
    on: those it skipped between its quotes ("tell me more" after a case study's first and last sentences), then those
    after it (MORE_SENTENCES, within MAX_ANSWER_CHARS); figure captions passed over."""
    if not rows:
        return []

    def place(i: int) -> tuple[str, str, str]:
        return sentences.field("document", i), sentences.field("section", i), sentences.field("unit", i)

    last = place(max(rows))
    first = min(r for r in rows if place(r) == last)
    out, room, i = [], MAX_ANSWER_CHARS, first + 1
    while i < len(sentences) and len(out) < MORE_SENTENCES:
        if place(i) != last:
            break
        text = sentences.field("text", i)
        if sentences.field("kind", i) != "caption" and i not in rows:
            if out and len(text) + 1 > room:
                break
            out.append(i)
            room -= len(text) + 1
        i += 1
    return out

"""Questions asked of several reports of a library at once: "how do the UK strategy and the Blueprint report compare
on AI talent?", "what do all the reports say about skills?", "which reports mention data centres?".

Such a question is asked of each report in turn, as if it were alone (`route.in_report`), with the reports' names
said as "the report" and the words that ask for a comparison taken out (`params.COMPARING`); each report answers or
abstains on its own confidence. The reply holds each report's answer (`Answer.reports`, in the order the question
names them), their quotes in that order, and says which reports do not answer. Routed as one question, it was
answered from one report only, or refused for a place pin ("United Kingdom") the other report lacks.

>>> compared_reports(retriever, "how do the UK strategy and the Blueprint report compare on skills?")  # doctest: +SKIP
('how do the report on skills?', ('UK_National_AI_Strategy.pdf', 'blueprint-to-action-china-ai-2025.md'))
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

from ..index.library import said_as_the_report
from ..retrieve import ALONE_KEPT, Retriever
from ..types import Answer, report_label
from .params import COMPARED_MAX, COMPARING, EVERY_REPORT, HOW_COMPARED, ONLY_REPORTS
from .pins import gazetteer
from .select import stage_for


def compared_reports(retriever: Retriever, question: str) -> tuple[str, tuple[str, ...]]:
    """(the question as each report is asked it, the reports it asks) when it names two reports or more, compares the
    places two reports of a small library are about ("the UK" and "China": their home places, `pins.home_places`), or
    asks of every report (`params.EVERY_REPORT`: at most COMPARED_MAX, those of its best passages first); else
    (question, ())."""
    documents = retriever.store.document_names
    if len(documents) < 2:
        return question, ()
    spans = retriever.names_in(question)
    named = tuple(dict.fromkeys(name for _, _, name in sorted(spans)))
    if len(named) >= 2:
        return _asked(said_as_the_report(question, spans)), named
    if COMPARING.search(question) and len(documents) <= ALONE_KEPT:  # "how does the UK compare with China ...?"
        places = _places_compared(retriever, question, spans, named)
        if places is not None:
            return places
    if named or not EVERY_REPORT.search(question):
        return question, ()
    asked = _asked(EVERY_REPORT.sub("the report", question))
    if len(documents) > COMPARED_MAX:  # the reports of the best passages
        scores = retriever.scores(asked, retriever.encode(asked))
        documents = list(dict.fromkeys(p.document for p in retriever.rank(scores, k=10 * COMPARED_MAX)))
    return asked, tuple(documents[:COMPARED_MAX])


def _places_compared(retriever: Retriever, question: str, spans, named: tuple[str, ...]):
    """(the question without its places, the reports whose home places it compares, in the order it names them), or
    None when it names fewer than two such reports. Each report's home place is read from its own text when first
    asked (`Stage.home`), so only a library of at most ALONE_KEPT reports is read so."""
    places = gazetteer().mentions(question)
    if not places:
        return None
    home = stage_for(retriever).home
    forms = {alias: place for alias, place in gazetteer().aliases.items() if place in places} | {p: p for p in places}

    def said_at(name: str) -> int:  # where the question first names the report's home place
        at = [m.start() for form, place in forms.items() if place in home.get(name, set())
              for m in re.finditer(rf"\b{re.escape(form)}\b", question, re.I)]
        return min(at, default=len(question))

    owners = sorted(reports_about(retriever, places), key=said_at)
    reports = tuple(dict.fromkeys([*named, *owners]))
    if len(reports) < 2:
        return None
    text = said_as_the_report(question, spans) if spans else question
    for place in sorted(forms, key=len, reverse=True):  # each place with what joins it ("and the UK", "with China", "in the UK")
        name = r"\s+".join(map(re.escape, place.split()))
        text = re.sub(rf"(?:\b(?:and|with|to|against|or|versus|vs\.?|in|of|for|across|within|from)\s+)?(?:\bthe\s+)?\b{name}\b(?:'s|’s)?",
                      " ", text, flags=re.I)
    return _asked(text), reports[:COMPARED_MAX]


def reports_about(retriever: Retriever, places: set[str]) -> list[str]:
    """The reports of the library whose home place (`Stage.home`) is one of `places`, in the library's order."""
    home = stage_for(retriever).home
    return [d.name for d in retriever.store.documents if home.get(d.name, set()) & places]


def _asked(text: str) -> str:
    """The comparison's words out, and the spaces they leave: "which report differs on skills?" -> "which report on
    skills?"; "how does X compare (on Y)?" asks for X (on Y) alone, as "how does X" asks nothing ("how does AI talent?").

    >>> _asked("how do the report and the report compare on skills?"), _asked("how does AI talent compare?")
    ('skills?', 'AI talent?')
    """
    m = HOW_COMPARED.match(text)
    if m:
        subject = "" if ONLY_REPORTS.match(m["subject"]) else m["subject"].strip()
        rest = m["rest"].strip(" ?.!")
        text = f"{subject} {rest}".strip()
        text = f"{text}?" if text else ""
    text = re.sub(r"\s+([,?.!])", r"\1", re.sub(r"\s{2,}", " ", COMPARING.sub(" ", text))).strip()
    # "UK vs China on AI skills", "compare the reports on AI governance": what is compared
    text = re.sub(r"^(?:the\s+reports?\s+)?(?:on|in|for|about|regarding|when it comes to)\s+", "", text, flags=re.I)
    return text or "what does the report say?"


def compared(question: str, asked: str, answers: list[tuple[str, Answer]], store, about: str = "comparison") -> Answer:
    """One reply of each report's answer (`answers`: (report, its answer), in the question's order): their quotes in
    that order, each report's endnotes (numbered in its own list), the reports that do not answer in `message`. It
    abstains only when every report does; its confidence is that of the least confident report that answers. `about`:
    what the reply is (`Answer.about`); a turn about a comparison's answer ("source?", meta.py) is answered so too."""
    labels = {d.name: report_label(d.title, d.name, int(d.year or 0)) for d in store.documents}
    answers = [(name, a if not a.abstained else dataclasses.replace(a, message=f"“{labels.get(name, name)}” does not seem to answer this."))
               for name, a in answers]
    given = [a for _, a in answers if not a.abstained]
    silent = [labels.get(name, name) for name, a in answers if a.abstained]
    understood = f"{asked} (asked of each of {', '.join(f'“{labels.get(n, n)}”' for n, _ in answers)})" if about == "comparison" else asked
    passages = tuple(p for _, a in answers for p in a.passages[:3])
    if not given:
        return Answer(question, "", passages=passages, abstained=True, resolved_question=understood, about=about,
                      message=f"None of these reports seems to answer this: {'; '.join(silent)}. The closest passages are listed below.",
                      reports=tuple(a for _, a in answers))
    return Answer(
        question=question,
        text=" ".join(a.text for a in given),
        quotes=tuple(q for a in given for q in a.quotes),
        endnotes=tuple(e for a in given for e in a.endnotes),
        references=tuple(e for a in given for e in a.references),
        passages=passages,
        confidence=min(a.confidence for a in given),
        message=f"Does not seem to answer this: {'; '.join(silent)}." if silent else "",
        resolved_question=understood,
        about=about,
        reports=tuple(a for _, a in answers),
    )


def history_for(history, name: str, asked_of: Callable[[str], str]) -> list:
    """The conversation as one report of a comparison sees it: an earlier comparison's turn becomes that report's own
    answer (`Answer.reports`) to the question as each report was asked it (`asked_of`), so that "and on compute?" is
    read against "how do the report on AI talent?" and what that report said, without the other reports' names."""
    out = []
    for item in history or []:
        if isinstance(item, Answer) and item.about == "comparison":
            own = next((a for a in item.reports if any(q.document == name for q in a.quotes)
                        or any(p.document == name for p in a.passages)), None)
            item = own if own is not None else dataclasses.replace(item, question=asked_of(item.question))
        elif isinstance(item, dict) and "question" in item:
            item = {**item, "question": asked_of(str(item.get("question") or ""))}
        out.append(item)
    return out


def report_of(answer: Answer) -> str:
    """The report a comparison's part quotes, as people name it ("National AI Strategy (2021)"); "" when it quotes none."""
    q = answer.quotes[0] if answer.quotes else None
    return report_label(q.title, q.document, q.year) if q else ""


def comparison_lead(answer: Answer) -> str:
    """The line over a comparison: how many reports were asked and how many answer."""
    n, given = len(answer.reports), sum(not a.abstained for a in answer.reports)
    return f"Asked of each of {n} reports; {given} of them answer{'s' if given == 1 else ''}:"

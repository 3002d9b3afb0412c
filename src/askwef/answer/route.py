"""Route, then answer as if alone: in a library, a question is answered within each of the few reports its best
passages come from, each read with that report's own statistics; the first report's answer is kept unless another
is clearly more confident (`ROUTE_LEAD`).

Retrieval over a library ranks the reports' passages against one another (with the names a question gives,
`retrieve.py`); the answer stage then reads one report's sentences. Read with the whole library's statistics
(BM25's idf, min-max scaling, the lexicon, the words' weights) a report's sentences rank differently than they
do alone, and its answers suffer from the other reports (issue 13). Here each report is answered by
`Retriever.alone(name)`, an index of that report only, so when the router is right a report's answer in the
library is its answer alone. A library of more than `retrieve.ALONE_KEPT` reports is answered as one index
(its reports' own indexes would be made again and again as questions move between them).

>>> answer_question(retriever, "How many green data centres has China built?")   # doctest: +SKIP
Answer(text='To date, 246 green data centres have been established in the country, ...', ...)
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter

from ..retrieve import ALONE_KEPT, Retriever, one_question
from ..types import Answer
from .clarify import asked_of_the_report, called_report, chosen_report, clarify_message
from .compare import compared, compared_reports, history_for, reports_about
from .compose import answer_question as answer_one
from .contents import listed_parts, listing
from .followup import is_followup, normalize_history
from .meta import about_last
from .notes import note_answer, note_asked
from .scope import section_reports
from .pins import gazetteer, without_places
from .query import content_stems, stems
from .model import AnswerModels, load_models
from .params import (CANDIDATE_PASSAGES, CLARIFY_LEAD, CONVERSATION_LEAD, SECOND_LOOK, SECOND_LOOK_PASSAGES, DOCUMENT_PRONOUN, DOCUMENT_WORD, EACH_REPORT_MAX, HELP_MESSAGE, QUOTED_MIN_CHARS, ROUTE_LEAD, ROUTE_MARGIN, ROUTE_REPORTS,
                     SMALL_TALK, SUMMARY_ONLY, TASK_MESSAGE, TASK_REQUEST)
from .context import quoted_rows
from .select import read, scores_for, stage_for


def answer_question(
    retriever: Retriever, question: str, *, history=None, k: int = 10, within: str | None = None, models: AnswerModels | None = None
) -> Answer:
    """`compose.answer_question`, but in a library each routed report answers as if alone (see the module)."""
    models = models or load_models()
    # "hi", "thanks!", "what can you do?", "translate ...", "write me a poem": how to ask, not a quote
    task = TASK_REQUEST.match(question)
    if task or SMALL_TALK.match(question):
        message = (TASK_MESSAGE if task else "") + help_message(retriever.store)
        return Answer(question, "", abstained=True, message=message, resolved_question=question, about="help")
    last = about_last(retriever, question, history)
    if last is not None:  # "source?", "which page is that on?", "tell me more": about the last answer, not the report
        return last
    noted = note_answer(retriever, question, within)
    if noted is not None:  # "what does endnote 5 say?": the note and the sentences citing it
        return noted
    if len(retriever.store.documents) >= 2 and not within:
        turns = normalize_history(history)
        picked = chosen_report(retriever, question, turns[-1].answer) if turns else None
        if picked is not None:  # the reply to "Which report do you mean?": the question before, asked of that report
            earlier = turns[-1].question
            answer = in_report(retriever, picked, earlier, history=turns[:-1], k=k, models=models)
            return dataclasses.replace(answer, question=question, resolved_question=f"{earlier} (in “{_title(retriever.store, picked)}”)")
        asked, reports = compared_reports(retriever, question)
        if not reports and turns and is_followup(question) and not retriever.names_in(question):  # "and on compute?": again
            asked, reports = question, compared_reports(retriever, turns[-1].question)[1]
        if reports:  # "how do the UK strategy and the Blueprint report compare on skills?": each report in turn
            return each_report(retriever, question, asked, reports, history, k=k, models=models)
        text, named = retriever.unnamed(question)
        home = _home_report(retriever, question) if named is None and turns and is_followup(question) else None
        if home is not None:  # "and in China?": the report about China, asked the last question
            return asked_again(retriever, home, question, turns, k=k, models=models)
        if named is None and note_asked(text) is not None:  # "what does endnote 5 say?": every report numbers its own
            last = (turns[-1].document or quoted_document(retriever.store, turns[-1].answer)) if turns else ""
            if last:  # of the report the conversation is about
                return in_report(retriever, last, question, history=history, k=k, models=models)
            return Answer(question, "", abstained=True, message=clarify_message(retriever.store), resolved_question=question,
                          about="clarify")
        each = _parts_of_each(retriever, question, text, turns, history, k=k, models=models) if named is None else None
        if each is not None:  # "what's in pillar 1?", "list the tables", "what does chapter 2 say about data?"
            return each
        if named is not None and turns and is_followup(question) and not _asks_anything(text):
            return asked_again(retriever, named, question, turns, k=k, models=models)  # "and in the UK strategy?"
        if named is not None:  # "in the UK strategy, ...": that report alone, its name said as "the report"
            return dataclasses.replace(in_report(retriever, named, text, history=history, k=k, models=models), question=question)
        of_each = bool(turns) and _each_throughout(retriever, turns, models)
        if of_each and is_followup(question):  # "when was it published?" after each report said who wrote it: each again
            return each_report(retriever, question, question, _every(retriever), history, k=k, models=models)
        # "the report", "it" or "this" first in a conversation, or a whole report's gist ("key takeaways") asked first
        says_report = DOCUMENT_WORD.search(question) or (not turns and (DOCUMENT_PRONOUN.search(question) or SUMMARY_ONLY.match(question)))
        if says_report and asked_of_the_report(retriever, question, history, models):
            if of_each:  # "who published the report?" after each report said who wrote it: each report again
                return each_report(retriever, question, question, _every(retriever), history, k=k, models=models)
            last = (turns[-1].document or quoted_document(retriever.store, turns[-1].answer)) if turns else ""
            if last:  # "who wrote this report?" in a conversation: the report it is about
                return in_report(retriever, last, question, history=history, k=k, models=models)
            called = called_report(retriever, question)
            if called:  # "who wrote this white paper?": the report that calls itself a paper
                return in_report(retriever, called, question, history=history, k=k, models=models)
            if len(retriever.store.documents) <= EACH_REPORT_MAX:  # each report's answer, under its title
                return each_report(retriever, question, question, _every(retriever), history, k=k, models=models)
            return Answer(question, "", abstained=True, message=clarify_message(retriever.store), resolved_question=question,
                          about="clarify")
    if not 2 <= len(retriever.store.documents) <= ALONE_KEPT:
        return answer_one(retriever, question, history=history, k=k, within=within, models=models)
    with one_question():
        answers = []
        # the report a conversation is about (`conversation_report`, read once): a follow-up goes to it alone, as `route`
        # sends it; a new question of the conversation is asked of it first
        stay = conversation_report(retriever, question, history, followups_only=False) if not within and history else None
        names, further = ([stay], None) if stay and is_followup(question) else routes(retriever, question, history=history, within=within, models=models)
        if stay:
            names = [stay, *(n for n in names if n != stay)][:ROUTE_REPORTS]
        for name in names:
            alone = retriever.alone(name)
            if alone is not None:
                inner = None if within in (None, "", name) else within
                answers.append(answer_one(alone, question, history=history, k=k, within=inner, models=models))
        if not answers:
            return answer_one(retriever, question, history=history, k=k, within=within, models=models)
        first = answers[0]  # unsure in the one report routed (a fact, not what a part of it says of itself: `about`)
        if not stay and further and len(answers) == 1 and not first.abstained and not first.about and first.confidence < SECOND_LOOK:
            alone = retriever.alone(further)  # the next report may say it better
            if alone is not None:
                answers.append(answer_one(alone, question, history=history, k=k, within=None if within in (None, "", further) else within, models=models))
        return kept_answer(answers, CONVERSATION_LEAD) if stay else best_answer(answers)


def _unplaced(text: str) -> str:
    """A turn without the places it names ("and in China?" -> "and?")."""
    return without_places(text, gazetteer().mentions(text))


def _parts_of_each(retriever: Retriever, question: str, text: str, turns, history, *, k: int, models: AnswerModels) -> Answer | None:
    """A question naming no report that names a section only one report has ("what's in pillar 1?": the UK strategy's),
    or, a new question in a library of at most EACH_REPORT_MAX, asks for parts by kind ("list the tables", "what are the
    chapters?") or within a section several reports number ("what does chapter 2 say about data?"): answered by that
    report, by the report of the conversation when it has them, else by each report that has them, in one reply; None
    when it asks for none of these, or no report has them. Routed by its passages, such a question went to one report
    unsaid: the OECD review alone listed its tables, and "what case studies are there?" was told the OECD review has
    none, when the Blueprint report has 15."""
    store = retriever.store
    new = not (turns and is_followup(question)) and len(store.documents) <= EACH_REPORT_MAX
    asked = listing(text) if new else None
    if asked is not None:
        have = [name for name in store.document_names if listed_parts(store, name, asked) is not None]
    else:
        have = section_reports(store, text)
        if len(have) > 1 and not new:
            return None
    last = (turns[-1].document or quoted_document(store, turns[-1].answer)) if turns and len(have) > 1 else ""
    if last in have:
        have = [last]
    if not have:
        return None
    if len(have) == 1:
        return dataclasses.replace(in_report(retriever, have[0], text, history=history, k=k, models=models), question=question)
    return each_report(retriever, question, text, have, history, k=k, models=models)


def _home_report(retriever: Retriever, question: str) -> str | None:
    """The one report of a library (of at most ALONE_KEPT) whose home place a turn names and that asks nothing else
    ("and in China?" after a question the UK strategy answered: the Blueprint report), or None."""
    places = gazetteer().mentions(question)
    if not places or len(retriever.store.documents) > ALONE_KEPT or _asks_anything(without_places(question, places)):
        return None
    owners = reports_about(retriever, places)
    return owners[0] if len(owners) == 1 else None


def _asks_anything(text: str) -> bool:
    """Whether a turn, its report's name said as "the report", asks something of its own ("and in the report?" does not)."""
    return bool(content_stems(text, function_words=False) - {"report"})


def asked_again(retriever: Retriever, named: str, question: str, turns, *, k: int, models: AnswerModels) -> Answer:
    """"and in the UK strategy?": the last question that asked something ("and in the OECD review?" right after it asks
    the same), asked of the report `named` without the name and the home place of the report that answered it ("how
    big is the AI talent gap in China?" -> "how big is the AI talent gap?")."""
    back = next((i for i in range(len(turns) - 1, -1, -1) if _asks_anything(_unplaced(retriever.unnamed(turns[i].question)[0]))),
                len(turns) - 1)  # not "and in China?" either
    last = turns[back]
    earlier = last.document or quoted_document(retriever.store, last.answer)
    home = stage_for(retriever).home.get(earlier, set()) if earlier else set()
    asked = without_places(retriever.unnamed(last.question)[0], home)
    answer = in_report(retriever, named, asked, history=turns[:back] or None, k=k, models=models)
    return dataclasses.replace(answer, question=question, resolved_question=f"{asked} (in “{_title(retriever.store, named)}”)")


def _title(store, name: str) -> str:
    """A report's title as the index gives it, else its file name."""
    info = store.document(name)
    return (info.title or info.name) if info is not None else name


def each_report(retriever: Retriever, question: str, asked: str, reports: list[str], history, *, k: int, models: AnswerModels) -> Answer:
    """`asked` answered by each of `reports` in turn, each reading the conversation as its own (`history_for`), in one
    reply (`compared`)."""
    @functools.lru_cache(maxsize=None)  # each earlier turn read once, not once per report
    def asked_of(text: str) -> str:
        return compared_reports(retriever, text)[0]

    each = [(name, in_report(retriever, name, asked, history=history_for(history, name, asked_of), k=k, models=models))
            for name in reports]
    return compared(question, asked, each, retriever.store)


def _every(retriever: Retriever) -> list[str]:
    """The names of every report of the library, in its order: built only when each of them is asked."""
    return list(retriever.store.document_names)


def _each_throughout(retriever: Retriever, turns, models: AnswerModels) -> bool:
    """Whether every turn of a conversation was answered by each report of the library: its first asked about "the
    report" naming none (`_asked_of_each`), and each later one followed it up or asked about "the report" again ("who
    wrote this report?", "when was it published?", "who published the report?")."""
    return all(is_followup(t.question) or DOCUMENT_WORD.search(t.question) for t in turns[1:]) and _asked_of_each(
        retriever, turns[0].question, models)


def _asked_of_each(retriever: Retriever, question: str, models: AnswerModels) -> bool:
    """Whether `question`, asked first, was answered by each report of the library: it asks about "the report" and
    names none, compares none, nor calls one by its own noun, in a library of at most EACH_REPORT_MAX reports."""
    says = DOCUMENT_WORD.search(question) or DOCUMENT_PRONOUN.search(question) or SUMMARY_ONLY.match(question)
    if not says or len(retriever.store.documents) > EACH_REPORT_MAX:  # the cheap checks first: most turns stop here
        return False
    if retriever.unnamed(question)[1] is not None or compared_reports(retriever, question)[1]:
        return False
    return asked_of_the_report(retriever, question, None, models) and not called_report(retriever, question)


def in_report(retriever: Retriever, name: str, question: str, *, history, k: int, models: AnswerModels) -> Answer:
    """`question` answered within one report of the library: as if alone (a library of at most ALONE_KEPT reports), or
    searched within it."""
    noted = note_answer(retriever, question, name)  # "in the UK strategy, what does footnote 10 say?"
    if noted is not None:
        return noted
    alone = retriever.alone(name) if len(retriever.store.documents) <= ALONE_KEPT else None
    if alone is not None:
        return answer_one(alone, question, history=history, k=k, models=models)
    return answer_one(retriever, question, history=history, k=k, within=name, models=models)


def route(retriever: Retriever, question: str, *, history=None, within: str | None = None, models: AnswerModels) -> list[str]:
    """The reports a question goes to, best first (`routes`)."""
    return routes(retriever, question, history=history, within=within, models=models)[0]


def routes(retriever: Retriever, question: str, *, history=None, within: str | None = None, models: AnswerModels) -> tuple[list[str], str | None]:
    """(the reports a question goes to, best first; the report asked next when the one routed answers unsure). The
    reports: those of its CANDIDATE_PASSAGES best passages in the library whose score is within ROUTE_MARGIN of the
    best, at most ROUTE_REPORTS; a follow-up, only the report of the conversation (`conversation_report`). The next:
    the first other report among its SECOND_LOOK_PASSAGES best passages (SECOND_LOOK), or None."""
    kept = conversation_report(retriever, question, history) if not within else None
    if kept:
        return [kept], None
    resolved, query = read(stage_for(retriever), question, history, models.types)
    scores = scores_for(retriever, resolved, query, within)
    passages = retriever.rank(scores, k=max(CANDIDATE_PASSAGES, SECOND_LOOK_PASSAGES), within=within)
    names: list[str] = []
    for p in passages[:CANDIDATE_PASSAGES]:
        if p.score >= passages[0].score - ROUTE_MARGIN and p.document not in names:
            names.append(p.document)
    names = names[:ROUTE_REPORTS]
    return names, next((p.document for p in passages[:SECOND_LOOK_PASSAGES] if p.document not in names), None)


def conversation_report(retriever: Retriever, question: str, history, *, followups_only: bool = True) -> str | None:
    """The report a follow-up stays in ("how much energy does that save per year?" after an answer about a data
    centre): the one the latest answer quoted (an abstention or a "which report?" quotes none: the answer before it),
    unless the turn names a report, a word only another report writes ("and SeaFarm?") or a place another report is
    about ("how many AI firms does the UK have?" after answers from the Blueprint report). Asked of every routed report,
    a follow-up's few words find look-alikes elsewhere (another report's energy savings), and a follow-up the
    conversation's report cannot answer is answered from another instead of abstaining.
    With `followups_only` False, a turn of a conversation that reads as a new question ("which one is the most
    important?", "who does the approving") has one too: `answer_question` asks it of that report first."""
    turns = normalize_history(history)
    if not turns or (followups_only and not is_followup(question)) or retriever.named_documents(question).any():
        return None
    raw = list(history) if len(history) == len(turns) else [None] * len(turns)
    name = next((n for t, item in zip(reversed(turns), reversed(raw)) if (n := _report_of(retriever, t, item))), "")
    alone = retriever.alone(name) if name and name in retriever.store.document_names else None
    if alone is None:
        return None
    # a name another report writes and this one never does: not a plain word in any form ("approving")
    stage = stage_for(alone)
    strange = {w for w in stage.lexicon.unknown(question) if not stems(w) <= stage.plain_stems}
    others = (retriever.alone(d.name) for d in retriever.store.documents if strange and d.name != name)
    if any(o is not None and strange & stage_for(o).lexicon.counts.keys() for o in others):
        return None
    places = gazetteer().mentions(question)
    if places and any(owner != name for owner in reports_about(retriever, places)):
        return None
    return name


def quoted_document(store, text: str) -> str:
    """The report whose sentences (of QUOTED_MIN_CHARS or more) `text` quotes most, or "" when it quotes none."""
    sentences = store.sentences
    quoted: Counter[str] = Counter()
    for i in quoted_rows(store, text, QUOTED_MIN_CHARS):
        quoted[sentences.field("document", i)] += len(sentences.field("text", i))
    return quoted.most_common(1)[0][0] if quoted else ""


def _report_of(retriever: Retriever, turn, item) -> str:
    """The report a turn's answer came from: the one it quoted, or for an abstention (an Answer) the one whose passages
    it showed ("how do Chinese AI models compare to US ones?" refused by the Blueprint report: the conversation is
    about it)."""
    if turn.answer.startswith(CLARIFY_LEAD):  # "Which report do you mean? ..." lists them all: about none of them
        return ""
    name = turn.document or quoted_document(retriever.store, turn.answer)
    if not name and isinstance(item, Answer) and item.abstained and not item.about and item.passages:
        name = item.passages[0].document
    return name


def kept_answer(answers: list[Answer], lead: float) -> Answer:
    """The first answer (the conversation's report's), abstaining or not, unless another report's answer is more
    confident by more than `lead`."""
    return _unless_outdone(answers[0], [a for a in answers[1:] if not a.abstained], lead)


def best_answer(answers: list[Answer], lead: float = ROUTE_LEAD) -> Answer:
    """Of the answers that do not abstain (in the router's order), the first, unless another is more confident by
    more than `lead`; when all abstain, the first report's (the router's best)."""
    given = [a for a in answers if not a.abstained]
    return _unless_outdone(given[0], given[1:], lead) if given else answers[0]


def _unless_outdone(first: Answer, others: list[Answer], lead: float) -> Answer:
    """`first`, unless the most confident of `others` is more confident than it by more than `lead`."""
    best = max(others, key=lambda a: a.confidence or 0.0, default=None)
    return best if best is not None and (best.confidence or 0.0) > (first.confidence or 0.0) + lead else first


def help_message(store) -> str:
    """HELP_MESSAGE for the reports of `store`: their titles (with years), and the title of the first chapter of the
    first report as an example of what to ask about."""
    docs = list(store.documents)
    titles = "; ".join(f"“{d.title or d.name}”" + (f" ({d.year})" if d.year else "") for d in docs[:5])
    if len(docs) > 5:
        titles += f" and {len(docs) - 5} more reports"
    # the first numbered chapter's title: a section path of one part that opens with its number
    chapter = next((m.group(1) for d in docs[:1] for path, _, _ in d.sections
                    if " > " not in path and (m := re.match(r"^\d+\.?\s+(.+)$", path))), "")
    chapter = re.sub(r"^(The|A|An)\b", lambda m: m.group(1).lower(), chapter)  # "the ...", but "China's ..."
    example = f"What does the report say about {chapter}?" if chapter else "What are its main findings?"
    return HELP_MESSAGE.format(titles=titles or "the reports in this index", example=example)

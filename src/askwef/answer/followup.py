"""Follow-ups, without a language model: "and in healthcare?", "who built it?", "and in 2023?", "why?".

A turn that leans on the conversation (it opens with "and", "what about", "same question for"; or it
is short and points back with "it", "they", "that"; or it is a bare "why?") is read against the
previous turn *as that turn was understood on its own*: each earlier turn is read against the one
before it in turn, so a conversation of four turns never nests four questions in one.

- a new year takes the place of the old one: "and in 2023?";
- a new topic takes the place of the old one in the previous question, or in the conversation's opening question
  when the previous one names none ("where does it operate?"): "and in healthcare?" after
  "what AI is used in retail?". A topic is a section title of the corpus ("public services"), a
  word that begins like one of its words ("autos": "automotive"), or words the retriever's model
  puts near one ("and in banks?" after "how is AI used in hospitals?": finance in healthcare's place,
  the title written out, as its words find its section); a short ellipsis that names no title
  ("and in policing or public safety?") takes the old topic's place as it is written;
- a personal pronoun ("it", "they", "its") becomes a name the last turn was about: its answer's case
  study, else a name in its question or its short answer ("how accurate is it?" -> "how accurate is
  GAC Honda?"). A name is capitalised and written as one ("GAC Honda", "ICBC", "COSMOPlat"), never a
  year, a number or a lone capitalised word ("Chinese"); what the asker said of it after its "'s" comes
  along ("ICBC's anti-fraud platform"); "they"/"their" after a question naming no name is its plural
  noun ("green data centres"); a pronoun the turn after stands for the same thing again (`referents.py`
  reads these). With none of them, "it" is left as it is (it is often the report itself: "which
  industries does it focus on?");
- anything else keeps the previous question beside it ("why those seven" -> "why those seven?
  (which industries does it focus on)"), and the answer may stay where the last one stood
  (`Resolved.previous` feeds the ranker's "previous_unit", "previous_section" and "quoted_before":
  a follow-up usually asks for something the last answer did not already quote).

>>> resolve("and in healthcare?", [("What AI is used in retail?", "...")], titles=["retail", "healthcare"]).question
'What AI is used in healthcare?'
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..types import Answer
from .params import (
    COUNT_WITHOUT_NOUN,
    ELLIPSIS_MAX_WORDS,
    FIELD_ABBREVIATIONS,
    FOLLOWUP_MEMORY,
    FOLLOWUP_START,
    MAX_FOLLOWUP_WORDS,
    MAX_RESOLVED_CHARS,
    MIN_OWN_WORDS,
    NEXT_PART,
    ORDINAL_ONE,
    PERSON_PRONOUN,
    PERSONAL_PRONOUN,
    PLURAL_PRONOUN,
    PRONOUN,
    REASON_ONLY,
    UNIT_LABEL,
    YEAR,
)
from .contents import listed_items, listing
from .lists import part_name, printed_list
from .scope import section_swapped
from .query import content_stems
from .referents import (
    QUOTED,
    has_name,
    listed_in,
    name_like,
    names_in,
    ordinal_item,
    owned,
    plural_phrase,
    same_name,
    unit_name,
    case_swapped,
    unsaid_case,
    without_cases,
)
from .topics import near_word, nearest, old_topic, phrase_at, span_of, title_in, title_like


_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[A-Z0-9“\"])")


@dataclass(frozen=True)
class Turn:
    question: str
    answer: str = ""
    section: str = ""
    unit: str = ""
    span: str = ""
    document: str = ""  # the report its answer quoted, when the history says (an Answer, or a dict's "document")
    items: tuple[str, ...] = ()  # what its answer listed, when it was a list of the report's parts (contents.py)
    itself: bool = False  # its answer was what the report says of itself ("who wrote it?"): its "it" is the report


@dataclass(frozen=True)
class Resolved:
    """A turn as understood in its conversation."""

    question: str  # self-contained as far as the rules go: what is shown as "as understood"
    asked: str  # the turn's own words, after the substitutions: what kind of answer it wants comes from these
    previous: tuple[str, str, str] | None = None  # (section, unit, text) of the last answer, for a follow-up
    own: str = ""  # what the next turn is read against: the substituted question, without the one beside it
    entity: str = ""  # what a pronoun of the turn was read as: a pronoun in the next turn stands for it again
    items: tuple[str, ...] = ()  # the list an ordinal of the turn picked from ("the first one"): the next one's picks from it too


def normalize_history(history) -> list[Turn]:
    """Accept [{'question','answer'}], [(q, a)], Gradio messages [{'role','content'}], Answer or Turn objects.

    An Answer counts with the question as asked (not as it was understood): `resolve` reads each
    earlier turn against the one before it again."""
    turns: list[Turn] = []
    if not history:
        return turns
    pending_user: str | None = None
    for item in history:
        if isinstance(item, Turn):
            turns.append(item)
        elif isinstance(item, Answer):
            quote = item.quotes[0] if item.quotes else None
            unit = next((p.unit for p in item.passages if quote and p.id == quote.passage_id), "")
            said = item.message if item.about == "clarify" else item.text  # "Which report do you mean? ..." is its reply
            items = tuple(part_name(title, [q.text for q in qs]) for title, qs in listed_items(item.quotes)) if item.about == "contents" else ()
            turns.append(Turn(item.question or item.resolved_question, said, quote.section if quote else "", unit, item.span,
                              quote.document if quote else "", items, item.about == "document"))
        elif isinstance(item, dict) and "role" in item:
            content = item.get("content")
            content = content if isinstance(content, str) else str(content or "")
            if item.get("role") == "user":
                pending_user = content
            elif item.get("role") == "assistant" and pending_user is not None:
                turns.append(Turn(pending_user, content))
                pending_user = None
        elif isinstance(item, dict):
            turn = Turn(*(str(item.get(k, "") or "") for k in ("question", "answer", "section", "unit", "span", "document")))
            parts = printed_list(turn.answer) or (tuple(_SENTENCE_END.split(turn.answer.strip())) if turn.answer.strip() else ())
            if listing(turn.question) is not None and len(parts) > 1:  # through the API, a list of parts comes back as its
                # quotes' text: each part's first sentence is the part "the second one" points at (not a list inside one
                # of them; `lists.named_parts` names it); one sentence is no list of parts ("what are the key enablers?"
                # answered by the sentence naming them); as the CLI prints it, its numbered titles (`lists.printed_list`)
                turn = dataclasses.replace(turn, items=parts)
            turns.append(turn)
        elif isinstance(item, (list, tuple)) and len(item) >= 1:
            turns.append(Turn(str(item[0] or ""), str(item[1] or "") if len(item) > 1 else ""))
    if pending_user:
        turns.append(Turn(pending_user))
    return [t for t in turns if t.question.strip()]


def is_followup(question: str) -> bool:
    words = question.split()
    return (
        bool(FOLLOWUP_START.match(question))
        or bool(REASON_ONLY.match(question))
        or (len(words) <= MAX_FOLLOWUP_WORDS and bool(PRONOUN.search(question)))
        or len(words) <= 3
        or bool(ORDINAL_ONE.search(question))  # "what's the deadline for the first one?"
        or (len(words) <= MAX_FOLLOWUP_WORDS and bool(COUNT_WITHOUT_NOUN.match(question)))  # "how many are green?"
    )


def resolve(question: str, history, *, titles: list[str], entity_of=None, near=None, series_of=None, cases=None) -> Resolved:
    """Read `question` against the last turn of `history`; a question that does not lean on it passes unchanged.

    `titles`: topics the corpus has (section titles, lower case, longest first). `entity_of(turn)`:
    what a turn's answer was about (its case study's name), when the caller can tell. `near(phrases)`:
    for each phrase, the title its meaning is nearest and their cosine (the retriever's model), so
    "banks" can stand for "finance" and "hospitals" for "healthcare". `series_of(turn)`: the labels of the numbered
    blocks of the figure a turn's answer quoted ("Step 1", "Step 2", "Step 3"), what "the first one" picks from when
    that answer listed nothing. `cases`: what a turn may name a case study by (`referents.case_keys`).
    """
    turns = normalize_history(history)
    if not turns or not is_followup(question):
        return Resolved(question, question, own=_plain(question))
    own = anchor = entity = ""
    items: tuple[str, ...] = ()
    turns = turns[-FOLLOWUP_MEMORY:]  # the oldest turn kept is read as it stands
    for i, turn in enumerate(turns):  # each earlier turn as understood on its own
        if i and is_followup(turn.question):
            read = _read(turn.question, turns[i - 1], own, anchor, titles, entity_of, near, entity, items, series_of, cases)
            own, entity, items = read.own, read.entity, read.items
        else:
            own, anchor, entity, items = _plain(turn.question), _plain(turn.question), "", ()
    return _read(question, turns[-1], own, anchor, titles, entity_of, near, entity, items, series_of, cases)


def _plain(question: str) -> str:
    return question.strip().rstrip("?").strip()


def _read(question: str, last: Turn, before: str, anchor: str, titles: list[str], entity_of, near=None, carried: str = "",
          listed: tuple[str, ...] = (), series_of=None, cases=None) -> Resolved:
    """`question` read against `last`, whose own question was understood as `before` (no "?"); `anchor`:
    the conversation's last question that stood alone, which a turn with nothing to substitute keeps
    beside it too ("is it strict?" after "when did that come into force?" after "how does china regulate ...");
    `carried`: what a pronoun of the last turn was read as, which a pronoun of this one stands for again; `listed`: the
    list an ordinal of the last turn picked from, which an ordinal of this one picks from again ("and the last one?")."""
    context = before if not anchor or anchor.lower() in before.lower() else f"{before}; {anchor}"
    previous = (last.section, last.unit, last.answer) if last.section else None
    body = _plain(FOLLOWUP_START.sub("", question))
    named = re.sub(r"^(?:(?:in|for|on|about|with|the)\s+)+", "", body, flags=re.I)  # what an ellipsis names: "for the government" -> "government"
    ellipsis = bool(FOLLOWUP_START.match(question)) and not PRONOUN.search(body) and len(named.split()) <= ELLIPSIS_MAX_WORDS

    # the part after or before the last answer's: "and the next use case?" after USE CASE 1 is USE CASE 2
    step = _next_part(body, last.unit)
    if step:
        return _bounded(Resolved(step + "?", step, previous, step))

    # an item of what the last answer listed: "what's the deadline for the first one?", "tell me about the second"
    # (or the numbered blocks of a figure it quoted: "what's the deadline for the first one?" after the plan's figure)
    items = tuple(listed or last.items or listed_in(last.answer) or (series_of(last) if series_of else ())) if ORDINAL_ONE.search(body) else ()
    picked = ordinal_item(body, list(items))
    if picked:
        said, item = picked
        name = unit_name(item) or item  # what a pronoun stands for next: a listed case study by its name, not its title
        named = body.replace(said, item, 1)
        if listed and carried and carried in before and not named.replace(item, "").strip(" ,.?"):
            # "and the last one?" after "what has china done on the first one?": the item, whole, in the last one's place,
            # whether that stands whole ("tell me more about <title>") or by its name ("how accurate is <name>")
            whole = next((i for i in listed if (unit_name(i) or i) == carried and i in before), carried)
            swapped = before.replace(whole, item, 1)
            return _bounded(Resolved(swapped + "?", swapped, None, swapped, name, items))
        return _bounded(Resolved(_beside(named, body, context), named, previous, named, name, items))

    # a new year in place of the old one: "and in 2023?"
    years = [m.group(0) for m in YEAR.finditer(body)]
    if years and not PRONOUN.search(body) and len(body.split()) <= ELLIPSIS_MAX_WORDS:
        swapped = YEAR.sub(years[0], before, count=1) if YEAR.search(before) else f"{before} in {years[0]}"
        return _bounded(Resolved(swapped + "?", swapped, previous, swapped))

    # another section in place of the old one: "and in annex C?" after "what does annex B say about X?" (scope.py
    # searches the section the turn names): the question again with that section in the old one's place
    swapped = section_swapped(body, before) if not PRONOUN.search(body) and len(body.split()) <= ELLIPSIS_MAX_WORDS else ""
    if swapped:
        return _bounded(Resolved(swapped + "?", swapped, previous, swapped))

    # a case study the conversation has not named is what the turn is about: in the last question's case's place ("and
    # gac honda?" after "how much did Haier COSMOPlat improve efficiency?"), else with the questions before beside it
    # without their cases ("what about the Tsinghua one?" after AI in healthcare); stop 43's blind trial kept them on the last
    new_case = unsaid_case(body, cases, f"{context} {entity_of(last) if entity_of else ''}") if cases and not PERSONAL_PRONOUN.search(body) else ""
    alone = re.sub(r"^(?:the\s+)?(.+?)\s+one$", r"\1", body, flags=re.I) if new_case else body  # "the GE healthcare one"
    # a turn that only names it ("and gac honda?", "the GE healthcare one") asks the last question of it
    bare = not set(re.findall(r"\w+", alone.lower())) - set(re.findall(r"\w+", new_case.lower())) - {"the", "s"} if new_case else False
    if new_case and (bare or not names_in(body)):  # (a name in capitals asking more: as any name, below)
        swapped = case_swapped(before, new_case, cases) if bare else ""
        if swapped:  # "what about ANTA?" after "what does JD's virtual livestream host do?": ANTA's
            return _bounded(Resolved(swapped + "?", swapped, None, swapped))
        return _bounded(Resolved(_beside(alone, alone, without_cases(context, cases)), alone, None, alone))

    # a new topic in place of the old one: "and in healthcare?", "same question for finance", "and autos"
    new_topic = title_in(body, titles) or (title_like(body, titles) if ellipsis else None)
    free = ellipsis and not new_topic  # an ellipsis that names no topic of the corpus takes only a whole title's or a name's place
    if free:
        new_topic = named
    if new_topic and (ellipsis or not PRONOUN.search(body)) and not re.search(rf"\b{re.escape(new_topic)}\b", before, re.I):
        if free:
            # ... or, meaning a topic ("banks": finance), the place of a word meaning another ("hospitals": healthcare)
            means = nearest(named, near)
            old = span_of(title_in(before, titles), before) or (near_word(before, near, means) if means else None)
            if old and means:
                new_topic = means  # the title's words find its section ("government" alone finds central government policy)
        else:
            old = old_topic(before, titles)
            # the last question names no topic, the conversation's opening one does: "what about in healthcare?" after
            # "where does it operate?" (or "which companies are doing that?") after "what does the report say about
            # autonomous driving" asks the opening question; a word of the last one the model puts near a title only
            # when the opening one has none ("companies" is near "industrial manufacturing")
            opening = anchor and anchor != before and not old
            at = (old_topic(anchor, titles) or phrase_at(anchor, near_word(anchor, near, new_topic))) if opening else None
            if at:
                swapped = anchor[: at[0]] + new_topic + anchor[at[1]:]
                return _bounded(Resolved(swapped + "?", swapped, None, swapped))
            old = old or near_word(before, near, new_topic)
        if free and not old and named[:1].isupper() and named.lower() not in FIELD_ABBREVIATIONS:
            # a capitalised ellipsis (never the turn's first word) is a name in place of the last: "and ICBC?", "what about Alipay"
            old = span_of(next(iter(QUOTED.findall(before) + names_in(before)), None), before)
        if old:
            head = before[: old[0]]
            if re.search(r"\bthe\s+$", head, re.I) and new_topic.lower().startswith("the "):
                new_topic = new_topic[4:]  # "the strategy" -> "the longer term", not "the the longer term"
            swapped = head + new_topic + before[old[1]:]
            return _bounded(Resolved(swapped + "?", swapped, None, swapped))
        if title_in(body, titles):
            swapped = f"{before} in {new_topic}"
            return _bounded(Resolved(swapped + "?", swapped, None, swapped))

    # a personal pronoun stands for a name the last turn was about
    if PERSONAL_PRONOUN.search(body):
        if PERSON_PRONOUN.search(body) and name_like(last.span):
            entity = last.span
        elif carried and carried in before:
            entity = carried  # "it" again: the same thing ("how many clients does it support?" after "how much data does it integrate?")
        else:
            entity = _entity(last, before, entity_of)
        if PLURAL_PRONOUN.search(body) and not has_name(before):
            # "their" after "how many green data centres ...": the centres; after "how many are green?", the anchor's
            entity = plural_phrase(before) or (plural_phrase(anchor) if anchor and not has_name(anchor) else "") or entity
    else:
        entity = ""
    if entity:
        owner = f"{entity}'" if entity.endswith("s") and not entity[:1].isupper() else f"{entity}'s"
        named = re.sub(r"\b(its|their|his)\b|\bher\b(?=\s+\w)", owner, body, flags=re.I)  # "her role"; "hired her" below
        # the first pronoun only: "how much did it cost them?" is "how much did GAC Honda cost them?", not "... cost GAC Honda?"
        named = re.sub(r"\b(it|they|them|he|she|him|her|the company|the platform|the system|the firm|the bank)\b", entity, named, count=1, flags=re.I)
        # the list an earlier ordinal picked from goes on ("and the last one?" after "how accurate is it?")
        return _bounded(Resolved(_beside(named, body, context), named, previous, named, entity, listed))

    # a short ellipsis opening with a preposition the last question used: its words in place of what followed it there
    # ("and on prioritisation?" after "what does the report recommend on monitoring PAR?"); one saying enough on its
    # own words (MIN_OWN_WORDS) is read on them, the last question beside it
    few = len(content_stems(body, function_words=False)) < MIN_OWN_WORDS
    swapped = _swap_object(body, before) if ellipsis and few else None
    if swapped:
        return _bounded(Resolved(swapped + "?", swapped, previous, swapped))

    # a name the conversation has not said is what the turn is about, without the earlier questions' words ("and what did
    # GAC Honda do?" after two turns on Haier's COSMOPlat: beside them, it was read as about COSMOPlat and refused)
    if any(name_like(n) and n.lower() not in context.lower() for n in names_in(body)):
        return _bounded(Resolved(body + "?", body, previous, body))

    # anything else: the previous question stays beside it
    return _bounded(Resolved(_beside(body, body, context), body, previous, body))


def _next_part(body: str, unit: str) -> str | None:
    """`body` with "the next use case" (or "previous", "one") put as the part it points at from the last answer's unit
    `unit` ("USE CASE 1: Haier COSMOPlat ..." -> "use case 2"); None when it points at none, or at another kind of part.

    >>> _next_part("and the next use case", "USE CASE 1: Haier COSMOPlat – AI-driven innovation hub")
    'and use case 2'
    >>> _next_part("what about the previous one", "Box 4.3. France's barometer"), _next_part("the next case study", "USE CASE 1: X")
    ('what about box 4.2', None)
    """
    m = NEXT_PART.search(body)
    label = UNIT_LABEL.match(unit) if m and unit else None
    if not label:
        return None
    kind = " ".join(label["label"].lower().split())
    if m["noun"].lower() not in ("one", kind) and m["noun"].lower().replace("-", " ") != kind:
        return None
    *head, last = label["number"].split(".")
    if not last.isdigit():
        return None
    n = int(last) + (1 if m["way"].lower() in ("next", "following") else -1)
    return body[: m.start()] + f"{kind} {'.'.join([*head, str(n)])}" + body[m.end():] if n > 0 else None


def _swap_object(body: str, before: str) -> str | None:
    """The last question with what followed its last `body`'s preposition put in place of by `body`'s words, or None
    when `body` opens with no preposition the last question used.

    >>> _swap_object("on prioritisation?", "What does the report recommend on monitoring PAR")
    'What does the report recommend on prioritisation'
    """
    m = re.match(r"(on|in|for|about|with|to|from|of|by)\s+(.+?)[?.!\s]*$", body.strip(), re.I)
    if not m:
        return None
    at = [a for a in re.finditer(rf"\b{m.group(1)}\s+", before, re.I) if before[: a.start()].strip()]  # not its first word
    return before[: at[-1].end()] + m.group(2) if at else None


def _beside(own: str, body: str, context: str) -> str:
    """A turn with the conversation beside it, unless its own words (`body`, before any name was put in)
    say enough (MIN_OWN_WORDS content words): then the earlier questions' words would only pull the
    answer back to the last one ("does privacy law make it harder?"). Not when a demonstrative stands for
    the last answer on its own ("what share of the global total is that?"): its words say what of it is asked."""
    words = content_stems(re.sub(r"(?<=\w)-(?=\w)", "", body), function_words=False)  # a compound is one word: "pro-innovation"
    enough = len(words) >= MIN_OWN_WORDS and not _stands_for_answer(body)
    return f"{own}?" if enough else f"{own}? ({context})"


def _stands_for_answer(body: str) -> bool:
    """A demonstrative with no noun after it (at the end, or before a function word): "is that", "that was",
    "how can this be reduced"; not "that jump" nor "those seven"."""
    for m in re.finditer(r"\b(?:this|that|these|those)\b", body, re.I):
        after = re.match(r"[\s,]*([A-Za-z][\w'’\-]*)?", body[m.end():]).group(1)
        if after is None or not content_stems(after, function_words=False):
            return True
    return False


def _entity(last: Turn, before: str, entity_of) -> str:
    """What the last turn was about: its answer's case study, else a term its question quotes or a name in
    it. Not its short
    answer: a span is often part of a name ("Guidelines for the Construction") or not what "it" stands for."""
    found = entity_of(last) if entity_of else ""
    names = [n.strip() for n in QUOTED.findall(before) + names_in(before)]
    said = owned(names[0], before) if names else ""
    if said:
        return said  # "ICBC's anti-fraud platform": what of the name the asker meant, not the bank
    if found and not (names and not same_name(names[0], found)):
        return found
    # the asker's own name wins over a case study it does not name (the last answer quoted another one)
    return names[0] if names else ""


def _bounded(r: Resolved) -> Resolved:
    return Resolved(r.question[:MAX_RESOLVED_CHARS], r.asked[:MAX_RESOLVED_CHARS], r.previous, r.own[:MAX_RESOLVED_CHARS], r.entity,
                    r.items)

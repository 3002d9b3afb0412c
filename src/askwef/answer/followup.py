"""Follow-ups, without a language model: "and in healthcare?", "who built it?", "and in 2023?", "why?".

A turn that leans on the conversation (it opens with "and", "what about", "same question for"; or it
is short and points back with "it", "they", "that"; or it is a bare "why?") is read against the
previous turn:

- a new topic (a section title of the corpus, such as an industry) or a new year takes the place of
  the old one in the previous question: "and in healthcare?" after "what AI is used in retail?";
- a pronoun becomes what the last answer was about: its case study's name, else the name it gave
  as its short answer, else a name in its question: "how accurate is it?" -> "how accurate is
  State Grid Corporation of China?";
- anything else keeps the previous question beside it ("why those seven" -> "why those seven
  (which industries does the report focus on?)"), and the answer may stay where the last one stood
  (`Resolved.previous` feeds the ranker's "previous_unit", "previous_section" and "quoted_before":
  a follow-up usually asks for something the last answer did not already quote).

>>> resolve("and in healthcare?", [("What AI is used in retail?", "...")], titles=["retail", "healthcare"]).question
'What AI is used in healthcare?'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Answer
from .params import FOLLOWUP_START, MAX_FOLLOWUP_WORDS, MAX_RESOLVED_CHARS, PRONOUN, REASON_ONLY, YEAR


@dataclass(frozen=True)
class Turn:
    question: str
    answer: str = ""
    section: str = ""
    unit: str = ""
    span: str = ""


@dataclass(frozen=True)
class Resolved:
    """A turn as understood in its conversation."""

    question: str  # self-contained as far as the rules go: what is shown as "as understood"
    asked: str  # the turn's own words, after the substitutions: what kind of answer it wants comes from these
    previous: tuple[str, str, str] | None = None  # (section, unit, text) of the last answer, for a follow-up


def normalize_history(history) -> list[Turn]:
    """Accept [{'question','answer'}], [(q, a)], Gradio messages [{'role','content'}], or Answer objects."""
    turns: list[Turn] = []
    if not history:
        return turns
    pending_user: str | None = None
    for item in history:
        if isinstance(item, Answer):
            quote = item.quotes[0] if item.quotes else None
            unit = next((p.unit for p in item.passages if quote and p.id == quote.passage_id), "")
            turns.append(Turn(item.resolved_question or item.question, item.text, quote.section if quote else "", unit, item.span))
        elif isinstance(item, dict) and "role" in item:
            content = item.get("content")
            content = content if isinstance(content, str) else str(content or "")
            if item.get("role") == "user":
                pending_user = content
            elif item.get("role") == "assistant" and pending_user is not None:
                turns.append(Turn(pending_user, content))
                pending_user = None
        elif isinstance(item, dict):
            turns.append(Turn(*(str(item.get(k, "") or "") for k in ("question", "answer", "section", "unit", "span"))))
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
    )


def resolve(question: str, history, *, titles: list[str], entity_of=None) -> Resolved:
    """Read `question` against the last turn of `history`; a question that does not lean on it passes unchanged.

    `titles`: topics the corpus has (section titles, lower case, longest first). `entity_of(turn)`:
    what a turn's answer was about (its case study's name), when the caller can tell.
    """
    turns = normalize_history(history)
    if not turns or not is_followup(question):
        return Resolved(question, question)
    last = turns[-1]
    previous = (last.section, last.unit, last.answer) if last.section else None
    body = FOLLOWUP_START.sub("", question).strip().rstrip("?").strip()
    before = last.question.rstrip("?").strip()

    # a new year in place of the old one: "and in 2023?"
    years = YEAR.findall(body)
    if years and not PRONOUN.search(body) and len(body.split()) <= 4:
        old = YEAR.findall(before)
        swapped = YEAR.sub(years[0], before, count=1) if old else f"{before} in {years[0]}"
        return _bounded(Resolved(swapped + "?", swapped, previous))

    # a new topic in place of the old one: "and in healthcare?", "same question for finance"
    new_topic = next((t for t in titles if re.search(rf"\b{re.escape(t)}\b", body, re.I)), None)
    if new_topic and not PRONOUN.search(body) and not re.search(rf"\b{re.escape(new_topic)}\b", before, re.I):
        old_topic = next((t for t in titles if re.search(rf"\b{re.escape(t)}\b", before, re.I)), None)
        if old_topic:
            swapped = re.sub(rf"\b{re.escape(old_topic)}\b", new_topic, before, flags=re.I)
        else:
            swapped = f"{before} in {new_topic}"
        return _bounded(Resolved(swapped + "?", swapped, None))

    # a pronoun stands for what the last answer was about
    entity = (entity_of(last) if entity_of else "") or last.span
    if entity and PRONOUN.search(body):
        named = re.sub(r"\b(its|their)\b", f"{entity}'s", body, flags=re.I)
        named = re.sub(r"\b(it|they|them|this|that|these|those|the company|the platform|the system|the firm|the bank)\b", entity, named, flags=re.I)
        return _bounded(Resolved(f"{named}? ({before})", named, previous))

    # anything else: the previous question stays beside it
    return _bounded(Resolved(f"{body}? ({before})", body, previous))


def _bounded(r: Resolved) -> Resolved:
    return Resolved(r.question[:MAX_RESOLVED_CHARS], r.asked[:MAX_RESOLVED_CHARS], r.previous)


def topic_titles(documents) -> list[str]:
    """Section titles usable as topics (industries, chapters), longest first, plus their first and last
    words ("industrial manufacturing": "industrial", "manufacturing")."""
    titles: set[str] = set()
    for doc in documents:
        for path, _, _ in doc.sections:
            last = re.sub(r"^\d+(\.\d+)*\s+", "", path.split(" > ")[-1])
            if 0 < len(last.split()) <= 4:
                titles.add(last.lower())
                for word in {last.split()[0].lower(), last.split()[-1].lower()}:
                    word = word.strip(":,;")
                    if len(word) > 4:
                        titles.add(word)
    return sorted(titles, key=len, reverse=True)


def unit_name(unit: str) -> str:
    """The name a case study's title gives: 'USE CASE 9: State Grid Corporation of China – AI-driven ...' -> 'State Grid Corporation of China'."""
    return unit.split(": ", 1)[-1].split(" – ")[0].strip() if unit else ""

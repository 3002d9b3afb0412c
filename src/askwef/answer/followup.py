"""Follow-ups, without a language model: "and in healthcare?", "what about its accuracy?".

A follow-up is rewritten into a self-contained question from the previous turn: a new topic (a
section title such as an industry) takes the old topic's place; a pronoun becomes the entity the
last answer was about (its case study's name, else a name in its question).

>>> resolve_followup("and in healthcare?", [("What are the AI applications in retail?", "...")], retriever)  # doctest: +SKIP
'What are the AI applications in healthcare?'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..retrieve import Retriever
from ..types import Answer
from .params import FOLLOWUP_START, GENERIC_NAMES, MAX_RESOLVED_CHARS, NAME, PRONOUN


@dataclass(frozen=True)
class Turn:
    question: str
    answer: str = ""
    section: str = ""
    unit: str = ""


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
            turns.append(Turn(item.resolved_question or item.question, item.text, quote.section if quote else "", unit))
        elif isinstance(item, dict) and "role" in item:
            content = item.get("content")
            content = content if isinstance(content, str) else str(content or "")
            if item.get("role") == "user":
                pending_user = content
            elif item.get("role") == "assistant" and pending_user is not None:
                turns.append(Turn(pending_user, content))
                pending_user = None
        elif isinstance(item, dict):
            turns.append(Turn(str(item.get("question", "")), str(item.get("answer", "") or ""), str(item.get("section", "") or ""), str(item.get("unit", "") or "")))
        elif isinstance(item, (list, tuple)) and len(item) >= 1:
            turns.append(Turn(str(item[0] or ""), str(item[1] or "") if len(item) > 1 else ""))
    if pending_user:
        turns.append(Turn(pending_user))
    return [t for t in turns if t.question.strip()]


def _is_followup(question: str) -> bool:
    words = question.split()
    return bool(FOLLOWUP_START.match(question)) or (len(words) <= 6 and bool(PRONOUN.search(question)))


def resolve_followup(question: str, history, retriever: Retriever) -> str:
    """Rewrite a follow-up into a self-contained question using the previous turn; others pass unchanged."""
    return _resolve_followup(question, history, retriever)[:MAX_RESOLVED_CHARS]


def _resolve_followup(question: str, history, retriever: Retriever) -> str:
    turns = normalize_history(history)
    if not turns or not _is_followup(question):
        return question
    last = turns[-1]
    body = FOLLOWUP_START.sub("", question).strip().rstrip("?").strip()
    topics = _topics(retriever)
    new_topic = next((t for t in topics if re.search(rf"\b{re.escape(t)}\b", body, re.I)), None)
    if new_topic and not PRONOUN.search(body):
        previous = last.question.rstrip("?")
        old_topic = next((t for t in topics if re.search(rf"\b{re.escape(t)}\b", previous, re.I)), None)
        if old_topic:
            return re.sub(rf"\b{re.escape(old_topic)}\b", new_topic, previous, flags=re.I) + "?"
        stripped = re.sub(r"^(in|for|about|of)\s+", "", body, flags=re.I)
        return f"{previous} in {stripped}?"
    entity = _entity_of(last, retriever)
    if entity:
        resolved = re.sub(r"\b(its|their)\b", f"{entity}'s", body, flags=re.I)
        resolved = re.sub(r"\b(it|they|them|this|that|these|those|the company|the platform|the system|the firm|the bank)\b", entity, resolved, flags=re.I)
        if resolved == body:
            resolved = f"{body} of {entity}"
        return f"What about {resolved}?" if not re.match(r"^(what|how|who|when|which|where|why|is|are|does|do|did)\b", resolved, re.I) else resolved + "?"
    return f"{last.question.rstrip('?')}: {body}?"


def _topics(retriever: Retriever) -> list[str]:
    """Section titles usable as topics (industries, chapters), longest first, plus their first word."""
    titles: set[str] = set()
    for doc in retriever.store.documents:
        for path, _, _ in doc.sections:
            last = path.split(" > ")[-1]
            last = re.sub(r"^\d+(\.\d+)*\s+", "", last)
            if len(last.split()) <= 4:
                titles.add(last.lower())
                first = last.split()[0].lower()
                if len(first) > 4:
                    titles.add(first)
    return sorted(titles, key=len, reverse=True)


def _entity_of(turn: Turn, retriever: Retriever) -> str:
    """The thing the last answer was about: its unit's name ('State Grid Corporation of China'), else a name in its question."""
    unit = turn.unit
    if not unit and turn.answer:
        hit = next((s for s in retriever.store.sentences if s.text and s.text in turn.answer and s.unit), None)
        unit = hit.unit if hit else ""
    if unit:
        name = unit.split(": ", 1)[-1].split(" – ")[0].strip()
        if name:
            return name
    names = [m.group(0) for m in NAME.finditer(turn.question) if m.group(0).lower() not in GENERIC_NAMES]
    return " ".join(names[:3])

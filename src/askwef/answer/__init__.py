"""Answer: question -> one to three of the report's own sentences, with sources, or an honest abstention.

1. A turn is read against the conversation without a language model (`followup.py`), its typos mended
   and abbreviations read both ways with the corpus's own vocabulary (`lexicon.py`, `query.py`).
2. Passages are retrieved; one question encoding serves passages and sentences alike.
3. The sentences of the best passages are measured (`features.py`) and ranked by a model fit on the
   golden dev questions (`model.py`, `model.json`); the best are chosen with the neighbours they
   lean on (`select.py`), and the short answer inside them found (`span.py`).
4. Confidence (`confidence.py`) is a second fitted model: below `settings.abstain_threshold` askwef
   abstains, still listing the closest passages (`compose.py`).
5. In a library, steps 1-4 run within each of the one or two reports the question's best passages come
   from, each read as if it were the only report indexed; the first report's answer is kept unless another
   is more confident by over `params.ROUTE_LEAD` (`route.py`): a report's answers do not change because other
   reports sit beside it.

Patterns, word lists and thresholds live in `params.py`; fitted weights in `model.json`
(`askwef tune --fit`, dev split only).

>>> answer_question(retriever, "How many green data centres has China built?")   # doctest: +SKIP
Answer(text='To date, 246 green data centres have been established in the country, ...', ...)
"""

from __future__ import annotations

from .route import answer_question
from .confidence import CONFIDENCE_FEATURES, confidence_features
from .followup import normalize_history, resolve
from .model import AnswerModels, LinearModel, load_models
from .query import TypeModel, analyse, holds
from .select import Selection, prepare, select, stage_for


def resolve_followup(question: str, history, retriever) -> str:
    """A follow-up as understood against `history` (the question itself when it stands alone)."""
    stage = stage_for(retriever)
    cases = stage.case_keys if history else None
    return resolve(question, history, titles=stage.titles, entity_of=stage.entity_of, near=stage.near, cases=cases).question


__all__ = [
    "answer_question", "select", "prepare", "Selection", "resolve_followup", "normalize_history", "analyse", "holds",
    "confidence_features", "CONFIDENCE_FEATURES", "AnswerModels", "LinearModel", "TypeModel", "load_models", "stage_for",
]

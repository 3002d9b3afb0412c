"""Answer: question -> one to three of the report's own sentences, with sources, or an honest abstention.

1. Follow-ups are resolved against the history without a language model (`followup.py`).
2. Passages are retrieved; one question encoding serves passages and sentences alike.
3. Sentences of the top passages are scored and chosen (`select.py`), guided by what the question
   asks for and pins (`question.py`).
4. Confidence (`confidence.py`) combines the winner's scores; a question that pins a year, quarter,
   company or place the chosen text does not mention is a near miss. Below
   `settings.abstain_threshold` askwef abstains, still listing the closest passages (`compose.py`).

Word lists, patterns and weights live in `params.py`.

>>> answer_question(retriever, "How many green data centres has China built?")   # doctest: +SKIP
Answer(text='To date, 246 green data centres have been established in the country, ...', ...)
"""

from __future__ import annotations

from .compose import answer_question
from .confidence import confidence_features, confidence_from
from .followup import normalize_history, resolve_followup
from .params import CONFIDENCE_WEIGHTS, SELECTION_WEIGHTS, SelectionWeights
from .question import pinned_terms, question_type
from .select import Selection, select

__all__ = [
    "answer_question", "select", "Selection", "resolve_followup", "normalize_history", "pinned_terms", "question_type",
    "confidence_features", "confidence_from", "CONFIDENCE_WEIGHTS", "SELECTION_WEIGHTS", "SelectionWeights",
]

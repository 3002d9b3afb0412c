"""The example questions the chat page offers: those written for the Blueprint report when the index holds it, then
questions about the index's own sections, so that a page serving another report (or a library) never offers questions
about a report it does not hold.

Each example is asked once, when the page is built (a few milliseconds each), and kept only if it is answered: an
example the page offers and then refuses would teach staff that the tool does not work.
"""

from __future__ import annotations

from collections import Counter
from typing import Any


EXAMPLES = (
    "How many green data centres have been established in China?",
    "What accuracy did the State Grid load forecasting system achieve?",
    "How is AI used in retail livestreaming?",
    "What is the talent gap in AI in China?",
    "Which city uses Alibaba City Brain to manage traffic lights?",
    "Which case studies does the report include?",
)
"""Written for the Blueprint report: one each on its data centres, utilities, retail, talent and public services, and
one asking for its case studies."""

CURATED_FOR = "Blueprint to Action"
"""The title the curated examples were written for: offered only by an index holding that report (another report may
seem to answer them: the UK strategy was quoted for "How is AI used in retail livestreaming?")."""

EXAMPLE_COUNT = len(EXAMPLES)
SECTION_EXAMPLES = 4
"""At most this many questions about the index's own sections: one per chapter, its largest subsection."""


def examples_for(engine: Any, curated: tuple[str, ...] = EXAMPLES, count: int = EXAMPLE_COUNT) -> tuple[str, ...]:
    """The `curated` examples `engine` answers, then questions about its largest subsections that it answers, up to
    `count`. An example that cannot be asked (the index is missing or being rebuilt) is left out, never an error."""
    mine = any(title.startswith(CURATED_FOR) for title in _titles(engine.store))
    kept = [q for q in curated if mine and _answered(engine, q)][:count]
    for question in section_questions(engine.store):
        if len(kept) >= count:
            break
        if question not in kept and _answered(engine, question):
            kept.append(question)
    return tuple(kept)


def section_questions(store: Any) -> list[str]:
    """'What does the report say about “<heading>”?' for the largest subsection (by passages) of each chapter that has
    subsections, in reading order, at most SECTION_EXAMPLES (a library's first reports first: it is not read whole), the
    heading as printed ("2.1 Strategic infrastructure investments to support AI scaling", "Skills and Talent")."""
    best: dict[str, str] = {}  # chapter -> its largest subsection, the chapters in reading order
    for name in store.document_names:
        sections = [store.passages.field("section", r) for r in store.document_rows(name)]
        sizes = Counter(sections)
        for path in dict.fromkeys(sections):
            chapter, _, rest = path.partition(" > ")
            if rest and " > " not in rest and sizes[path] > sizes.get(best.get(chapter, ""), 0):
                best[chapter] = path
        if len(best) >= SECTION_EXAMPLES:
            break
    return [f"What does the report say about “{path.split(' > ')[1]}”?" for path in list(best.values())[:SECTION_EXAMPLES]]


def _titles(store: Any) -> list[str]:
    return [d.title for d in store.documents]


def _answered(engine: Any, question: str) -> bool:
    try:
        return not engine.answer(question).abstained
    except Exception:  # noqa: BLE001 - an example is only offered when it can be asked
        return False

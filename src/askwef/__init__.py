"""askwef: extractive, cited answers from one long policy report, fully offline.

>>> import askwef
>>> askwef.search("How many green data centres does China have?", k=3)       # doctest: +SKIP
>>> askwef.answer("How many green data centres does China have?").text       # doctest: +SKIP
'To date, 246 green data centres have been established in the country, with an average ...'

The first call loads the model and the index (building it when missing or stale). Point the
module-level functions at another corpus or index with ASKWEF_CORPUS / ASKWEF_INDEX, or pass
`settings=Settings(corpus_dir=..., index_dir=...)`.
"""

from __future__ import annotations

from .answer import answer_question as _answer_question  # noqa: F401  (see below)
from .settings import Settings
from .types import Answer, Document, Endnote, Passage, Quote, Section, Sentence

# subtle: importing the subpackage `askwef.answer` sets the package attribute `answer` to it.
# It is imported above, first, so that the function defined below is what `askwef.answer` stays.

__all__ = ["search", "answer", "build", "Settings", "Answer", "Passage", "Quote", "Endnote", "Document", "Section", "Sentence"]


def search(
    question: str, k: int = 10, *, settings: Settings | None = None, mode: str = "hybrid", within: str | None = None,
    history=None, build: bool = True,
) -> list[Passage]:
    """The passages that best match `question`, best first (hybrid dense + BM25); `history` as for `answer`."""
    from .engine import get_engine

    return get_engine(settings, build=build).search(question, k, mode=mode, within=within, history=history)


def answer(question: str, *, history=None, k: int | None = None, settings: Settings | None = None, within: str | None = None, build: bool = True) -> Answer:
    """The report's own sentences that answer `question`, with sources; or an abstention.

    `history`: the previous turns, as [{"question": ..., "answer": ...}], [(q, a)], Gradio messages or Answers.
    `within`: restrict to a section path (a chapter or industry) or a document name.
    """
    from .engine import get_engine

    return get_engine(settings, build=build).answer(question, history=history, k=k, within=within)


def build(settings: Settings | None = None, *, progress: bool = True) -> dict:
    """Build (or rebuild) the index for the settings' corpus; returns the manifest."""
    from .embed import load_model
    from .index import build as build_index

    return build_index(settings or Settings(), load_model(), progress=progress)

"""The HTTP API's request and response models (pydantic): what /openapi.json publishes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..engine import clean_question
from .limits import MAX_HISTORY_TURNS, MAX_QUESTION_CHARS

Question = Annotated[str, Field(strict=True, max_length=MAX_QUESTION_CHARS, description="The question, in plain words.")]
K = Annotated[int | None, Field(strict=True, ge=1, le=100, description="How many supporting passages (1-100; default 10).")]
Within = Annotated[
    str | None,
    Field(strict=True, max_length=1000, description="Restrict to a section path (subsections included) or a document name; see /api/sections."),
]


# --- request and response models ----------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Turn(_Strict):
    """A previous turn: the question and the answer text askwef gave (its `message` when it asked which report)."""

    question: Annotated[str, Field(strict=True, max_length=MAX_QUESTION_CHARS)]
    answer: Annotated[str, Field(strict=True, max_length=MAX_QUESTION_CHARS)] = ""


class Message(_Strict):
    """A previous chat message, as Gradio and most chat UIs keep them."""

    role: Literal["user", "assistant", "system"]
    content: Annotated[str, Field(strict=True, max_length=MAX_QUESTION_CHARS)]


class _Asked(_Strict):
    question: Question

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        clean_question(value)  # raises QuestionError (a ValueError) for a blank question
        return value


class AnswerRequest(_Asked):
    history: list[Turn | Message] | None = Field(
        default=None, max_length=MAX_HISTORY_TURNS,
        description="Previous turns for follow-up questions, oldest first: [{question, answer}] or [{role, content}].",
    )
    k: K = None
    within: Within = None


class SearchRequest(_Asked):
    k: K = None
    within: Within = None
    mode: Literal["hybrid", "dense", "bm25"] = "hybrid"


class EndnoteOut(BaseModel):
    model_config = ConfigDict(extra="allow")  # fields added to the value types later pass through

    number: int
    reference: str
    url: str = ""


class QuoteOut(BaseModel):
    model_config = ConfigDict(extra="allow")  # fields added to the value types later pass through

    text: str
    passage_id: str
    document: str
    section: str
    page: int
    start: int
    end: int
    endnotes: list[int] = []
    title: str = ""
    year: int = 0
    unit: str = ""


class PassageOut(BaseModel):
    model_config = ConfigDict(extra="allow")  # fields added to the value types later pass through

    id: str
    text: str
    document: str
    section: str
    page: int
    endnotes: list[int] = []
    score: float = 0.0
    unit: str = ""
    start: int = 0
    end: int = 0


class AnswerOut(BaseModel):
    """The report's own sentences (`text`, `quotes`) with their endnotes, or an abstention (`abstained`, `message`)."""

    model_config = ConfigDict(extra="allow")

    question: str
    text: str
    quotes: list[QuoteOut]
    endnotes: list[EndnoteOut]
    references: list[EndnoteOut] = Field([], description="the reference-list entries the quotes cite by author and date "
                                         "(\"(OECD, 2022[3])\" cites entry 3 of its chapter's \"References\"), numbered in "
                                         "that list, apart from `endnotes`; `scope` names the chapter")
    passages: list[PassageOut]
    confidence: float
    abstained: bool
    message: str
    resolved_question: str
    span: str = ""
    context: str = ""
    about: str = Field("", description='"document" or "part" when the question asked for the report or one of its parts '
                       'as such (answered with what it says of itself, whatever the confidence); "help" for a greeting, '
                       "thanks or request for help (answered with how to ask, in `message`); \"clarify\" for a question "
                       "about \"the report\" in a library that names none: `message` asks which, listing them, and a reply "
                       "such as \"the second\" or \"the UK one\" (with this turn in `history`) asks the question of that "
                       "report; \"contents\" for a question asking for a list of the report's parts (\"list the case "
                       "studies\", \"what chapters does it have\"): each part quoted by its first sentence, the parts' "
                       "titles in `context`; \"comparison\" for a question asked of several reports of a library at once "
                       "(\"how do the UK strategy and the Blueprint report compare on skills?\", \"what do all the reports "
                       "say about data centres?\"): each report's own answer in `reports`; \"sources\", \"place\" or \"more\" for a "
                       "turn about the last answer (\"source?\", \"which page is that on?\", \"tell me more\"): its sentences "
                       "with the endnotes they cite, with where they stand, or the sentences that follow them; empty otherwise")
    reports: list["AnswerOut"] = Field([], description="a comparison's answer of each report asked, in the order asked; "
                                       "each with its own endnotes (numbered in its report's list); empty otherwise")


AnswerOut.model_rebuild()


class SearchOut(BaseModel):
    passages: list[PassageOut]


class SectionsOut(BaseModel):
    sections: list[str]


class BuildOut(BaseModel):
    """What the index builder is doing: idle, building (with stage, document and percent) or failed (with the error)."""

    state: Literal["idle", "building", "failed"]
    reason: str | None = None
    stage: str | None = None
    document: str | None = None
    done: int | None = None
    total: int | None = None
    percent: float | None = None
    started_at: str | None = None
    error: str | None = None
    serving: dict[str, Any] = {}
    last_build: dict[str, Any] | None = None

    model_config = {"extra": "allow"}


class EncodingOut(BaseModel):
    batches: int = Field(description="forward passes run for questions since the process started")
    questions: int = Field(description="questions they encoded: questions / batches is the mean batch size")
    process: int = Field(0, description="the id of the process counting (`serve --workers N` runs N, each its own count)")


class HealthOut(BaseModel):
    status: Literal["ok"]
    manifest: dict[str, Any]
    build: BuildOut
    encoding: EncodingOut | None = Field(None, description="questions encoded in shared batches (serve/batch.py); this process only")


class ErrorOut(BaseModel):
    detail: str

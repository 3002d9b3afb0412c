"""The golden file format and the relevance judge: what the benchmark asks and how it grades passages.

A golden file is JSONL, one question a line:
`{"id", "question", "answerable", "answer", "evidence", "section", "endnotes", "kind"}` and optional
fields: `"split"` ("dev", "test" or "holdout"); `"document"` (the report's file name, for a library of reports);
`"page"` (the printed page the evidence stands on); `"context"` (report text the answer may need
beside its quote: the case study's title naming the company, the sentence before); `"conversation"`
and `"turn"` (turns of one conversation, asked in order, each with the system's own earlier answers
as history). `answer` and `evidence` are quoted from the report ("" when unanswerable); `load_golden`
names the first bad line as "path:line: problem".

>>> contains("It now exceeds **\\\\$70 billion**.<sup>3</sup>", "$70 billion")
True

Relevance is judged from text, never from chunk ids, so any chunking can be compared.
"""

from __future__ import annotations

import html
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

__all__ = [
    "GoldenQuestion",
    "GoldenFormatError",
    "load_golden",
    "normalize",
    "tokens",
    "contains",
    "is_relevant",
    "Judged",
    "FRAGMENT_SHARE",
]

FRAGMENT_SHARE = 0.6  # share of the evidence a passage must hold in one piece when it cuts the evidence


# --- the golden file --------------------------------------------------------------------------


class GoldenFormatError(ValueError):
    """A golden file that cannot be used; the message reads "path:line: problem"."""


@dataclass(frozen=True)
class GoldenQuestion:
    """One labelled question: the answer and its evidence sentence as the report words them."""

    id: str
    question: str
    answerable: bool
    answer: str  # "" when unanswerable
    evidence: str  # the supporting sentence verbatim, "" when unanswerable
    section: str
    endnotes: tuple[int, ...]
    kind: str
    split: str = ""  # "dev" (fit and choose), "test" (measure), "holdout" (measure: written after the models were fit) or ""
    document: str = ""  # the report's file name; "" when the golden file is about one report
    page: int = 0  # printed page of the evidence; 0 when not labelled
    context: str = ""  # report text beside the quote that may hold the answer (a unit title, the sentence before)
    conversation: str = ""  # id of the conversation this turn belongs to; "" for a single question
    turn: int = 0  # 1, 2, ... within its conversation


_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "question": str,
    "answerable": bool,
    "answer": str,
    "evidence": str,
    "section": str,
    "endnotes": list,
    "kind": str,
}
_SPLITS = ("dev", "test", "holdout")


def load_golden(path: str | Path) -> list[GoldenQuestion]:
    """Read a golden JSONL file; raise GoldenFormatError naming the first bad line.

    Blank lines are skipped. Each row needs `id, question, answerable, answer, evidence, section,
    endnotes, kind` and may have `split` ("dev", "test" or "holdout"); an answerable row needs an answer and
    evidence, an unanswerable one has "" for both; ids are unique.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldenFormatError(f"{path}: cannot read: {exc.strerror or exc}") from None
    questions: list[GoldenQuestion] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldenFormatError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        question = _parse_row(row, where)
        if question.id in seen:
            raise GoldenFormatError(f"{where}: duplicate id {question.id!r} (first on line {seen[question.id]})")
        seen[question.id] = number
        questions.append(question)
    if not questions:
        raise GoldenFormatError(f"{path}: no questions")
    _check_conversations(questions, path, seen)
    return questions


def _check_conversations(questions: list[GoldenQuestion], path: Path, lines: dict[str, int]) -> None:
    """Each conversation's turns are 1, 2, ... in file order, in one split."""
    turns: dict[str, list[GoldenQuestion]] = {}
    for q in questions:
        if q.conversation:
            turns.setdefault(q.conversation, []).append(q)
    for name, rows in turns.items():
        if [q.turn for q in rows] != list(range(1, len(rows) + 1)):
            raise GoldenFormatError(f"{path}:{lines[rows[0].id]}: conversation {name!r} has turns {[q.turn for q in rows]}; they must be 1, 2, ... in file order")
        if len({q.split for q in rows}) > 1:
            raise GoldenFormatError(f"{path}:{lines[rows[0].id]}: conversation {name!r} spans splits; keep its turns in one")


def _parse_row(row: object, where: str) -> GoldenQuestion:
    if not isinstance(row, dict):
        raise GoldenFormatError(f"{where}: expected a JSON object, got {type(row).__name__}")
    missing = [name for name in _REQUIRED if name not in row]
    if missing:
        raise GoldenFormatError(f"{where}: missing field(s) {', '.join(missing)}")
    # other fields (an evaluator's notes, sources, ids of their own) are carried along and ignored
    for name, kind in _REQUIRED.items():
        if not isinstance(row[name], kind):
            expected = "true/false" if kind is bool else {str: "a string", list: "a list"}[kind]  # type: ignore[index]
            raise GoldenFormatError(f"{where}: field {name!r} must be {expected}, got {json.dumps(row[name])}")
    endnotes = row["endnotes"]
    # subtle: bool is an int in Python; true/false is no endnote number
    if not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in endnotes):
        raise GoldenFormatError(f"{where}: field 'endnotes' must be a list of positive integers, got {json.dumps(endnotes)}")
    split = row.get("split", "")
    if "split" in row and split not in _SPLITS:
        raise GoldenFormatError(f"{where}: field 'split' must be one of {', '.join(_SPLITS)}, got {json.dumps(split)}")
    if not row["id"].strip() or re.search(r"\s", row["id"]):
        raise GoldenFormatError(f"{where}: field 'id' must be non-empty and without spaces, got {json.dumps(row['id'])}")
    if not row["question"].strip():
        raise GoldenFormatError(f"{where}: field 'question' is empty")
    if not row["kind"].strip():
        raise GoldenFormatError(f"{where}: field 'kind' is empty")
    optional = {"document": str, "context": str, "conversation": str, "page": int, "turn": int}
    for name, kind in optional.items():
        if name in row and (not isinstance(row[name], kind) or isinstance(row[name], bool)):
            raise GoldenFormatError(f"{where}: field {name!r} must be {'a string' if kind is str else 'a whole number'}, got {json.dumps(row[name])}")
    if row.get("page", 0) < 0:
        raise GoldenFormatError(f"{where}: field 'page' must be a printed page number (1 or more), got {row['page']}")
    if bool(row.get("conversation")) != bool(row.get("turn")) or row.get("turn", 0) < 0:
        raise GoldenFormatError(f"{where}: a conversation's turn needs both 'conversation' and 'turn' (1, 2, ...)")
    if row["answerable"]:
        if not tokens(row["answer"]):
            raise GoldenFormatError(f"{where}: an answerable question needs a non-empty 'answer'")
        if not tokens(row["evidence"]):
            raise GoldenFormatError(f"{where}: an answerable question needs a non-empty 'evidence'")
    elif row["answer"].strip() or row["evidence"].strip():
        raise GoldenFormatError(f"{where}: an unanswerable question has \"\" for 'answer' and 'evidence'")
    return GoldenQuestion(
        id=row["id"],
        question=row["question"],
        answerable=row["answerable"],
        answer=row["answer"],
        evidence=row["evidence"],
        section=row["section"],
        endnotes=tuple(endnotes),
        kind=row["kind"].strip(),
        split=split,
        document=row.get("document", ""),
        page=row.get("page", 0),
        context=row.get("context", ""),
        conversation=row.get("conversation", ""),
        turn=row.get("turn", 0),
    )


# --- the relevance judge ------------------------------------------------------------------------

_SUP = re.compile(r"<sup>[^<]*</sup>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$&|~<>])")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_FOLD = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        "…": "...", "\u00ad": None,
    }
)
# a word, or a symbol that changes the meaning of a number next to it
_TOKEN = re.compile(r"[^\W_]+|[$%€£¥]")


def normalize(text: str) -> str:
    """Fold text for comparison: markup dropped, quotes and dashes unified, case folded, spaces collapsed.

    Endnote markers (`<sup>3</sup>`) are dropped with their numbers, since an evidence sentence is
    judged by its words; HTML entities are decoded (`R&amp;D` -> `r&d`).

    >>> normalize("It exceeds **\\\\$70 billion**.<sup>3</sup>  “AI–first”")
    'it exceeds $70 billion. "ai-first"'
    """
    text = unicodedata.normalize("NFKC", text)
    text = _SUP.sub("", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)  # after the tags, so an escaped "&lt;b&gt;" stays text
    text = _LINK.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = text.translate(_FOLD).casefold()
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """The words (and $ % € £ ¥ signs) of normalized text: `tokens("Over $1.4 trillion!") -> ['over', '$', '1', '4', 'trillion']`."""
    return _TOKEN.findall(normalize(text))


def _joined(words: Sequence[str]) -> str:
    # a separator no token contains, so substring search respects word boundaries
    return "\x1f" + "\x1f".join(words) + "\x1f"


def contains(text: str, needle: str) -> bool:
    """Whether the words of `needle` appear in `text` in order, next to each other.

    Punctuation, markup, case, quotes and dashes do not matter; word boundaries do.

    >>> contains("Revenue hit **\\\\$70 billion**.", "$70 billion"), contains("said", "AI")
    (True, False)
    """
    words = tokens(needle)
    return bool(words) and _joined(words) in _joined(tokens(text))


def is_relevant(passage_text: str, evidence: str, answer: str) -> bool:
    """The judge: does this passage support the answer?

    Rule 1: the passage holds the whole evidence sentence (as `contains` compares).
    Rule 2, for chunkings that cut the evidence in two: the passage holds the answer AND one
    unbroken run of at least 60% of the evidence's words (rounded up), in order.

    >>> ev = "It now exceeds $70 billion and counts over 4,300 companies."
    >>> is_relevant("...said. It now exceeds $70 billion and counts", ev, "$70 billion")
    True
    >>> is_relevant("It now exceeds $70 billion", ev, "$70 billion")  # 6 of 12 words: too little
    False
    """
    return Judged(passage_text).relevant(Evidence(evidence, answer))


@dataclass(frozen=True)
class Evidence:
    text: str
    answer: str

    @property
    def words(self) -> list[str]:
        return tokens(self.text)


class Judged:
    """A passage tokenized once, for judging against many questions."""

    def __init__(self, text: str) -> None:
        self.words = tokens(text)
        self.joined = _joined(self.words)

    def relevant(self, evidence: Evidence, evidence_words: list[str] | None = None) -> bool:
        words = evidence.words if evidence_words is None else evidence_words
        if not words:
            return False
        if _joined(words) in self.joined:
            return True
        answer = tokens(evidence.answer)
        if not answer or _joined(answer) not in self.joined:
            return False
        need = math.ceil(len(words) * FRAGMENT_SHARE - 1e-9)  # 60% of 10 words is 6, not 7
        match = SequenceMatcher(None, words, self.words, autojunk=False).find_longest_match(
            0, len(words), 0, len(self.words)
        )
        return match.size >= need

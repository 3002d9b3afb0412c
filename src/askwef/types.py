"""The values that cross module boundaries, all frozen.

Pipeline: ingest (file -> Document of Sections) -> chunk (Document -> Passages and Sentences)
-> index (embed + FAISS + BM25, saved as plain files) -> retrieve (question -> Passages)
-> answer (question -> Answer).

Offsets (`start`, `end`) always point into the cleaned text of the section (`Section.text`), so
`section.text[p.start:p.end] == p.text` for a passage and likewise for a sentence.

Sequences are tuples so the values stay hashable; `to_dict()` gives plain JSON (lists).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any


def _plain(value: Any) -> Any:
    """Tuples become lists, recursively, so the result is what json.dumps gives back."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _Serializable:
    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))  # type: ignore[call-overload]


@dataclass(frozen=True)
class Endnote(_Serializable):
    """One entry of a document's endnote list: `Endnote(17, "China Mobile. (2023). ...", "https://...")`.

    `scope` is the section path the note belongs to when numbering restarts (notes at the end of
    each chapter: "2 Review of the Strategic Framework ..."); "" for a list that serves the whole
    document."""

    number: int
    reference: str
    url: str = ""
    scope: str = ""


@dataclass(frozen=True)
class SentenceSpan(_Serializable):
    """A sentence inside `Section.text`, as ingestion found it.

    `block` is the index of the paragraph (block) it belongs to; `unit` the case study, use case or
    table it stands in ("" for running text); `endnotes` the markers that stood in or right after it.
    """

    start: int
    end: int
    block: int
    endnotes: tuple[int, ...] = ()
    unit: str = ""
    page: int = 0  # the printed page the sentence starts on (0: the section's page, as markdown has no pages)
    page_label: str = ""  # that page's label as printed ("17", "iv"); "" when unknown


@dataclass(frozen=True)
class Block(_Serializable):
    """One paragraph of cleaned text: prose, a list item, a table row, a caption or a non-section heading.

    `start`/`end` are its offsets in `Section.text`; `unit` as in SentenceSpan.
    """

    start: int
    end: int
    kind: str  # "prose" | "item" | "row" | "heading" | "caption"
    unit: str = ""


@dataclass(frozen=True)
class Section(_Serializable):
    """A section of a document with its cleaned text.

    `path` joins the titles from the chapter down, as the Contents numbers them:
    "2 Key enablers in the AI ecosystem > 2.4 Enabling sustainable energy solutions to power AI",
    "3 Scaling AI innovation in industries > Healthcare", "Executive summary".
    """

    document: str
    path: str
    title: str
    number: str  # "2.4", "3", or "" for front and back matter and unnumbered subsections
    level: int  # 1 for chapters and front/back matter, 2 for their subsections
    page: int  # the page the section starts on (from the Contents; a subsection not listed there: its chapter's)
    text: str
    blocks: tuple[Block, ...] = ()
    sentences: tuple[SentenceSpan, ...] = ()
    units: tuple[str, ...] = ()  # titles of the case studies, use cases and tables in it, in order


@dataclass(frozen=True)
class Document(_Serializable):
    """One report from `corpus/`: its sections in reading order and its resolved endnote list."""

    name: str  # file name inside the corpus folder, e.g. "blueprint-to-action-china-ai-2025.md"
    title: str
    sha256: str  # of the file's bytes
    sections: tuple[Section, ...]
    endnotes: tuple[Endnote, ...]
    source: str = "markdown"  # "markdown" | "pdf"
    warnings: tuple[str, ...] = ()
    year: int = 0  # the publication year ("JANUARY 2025", "© OECD 2024", else the PDF's dates); 0 unknown
    # the entries of its reference lists, numbered as its author-date citations cite them ("(OECD, 2018[2])" cites
    # entry 2 of its chapter's "References"); kept apart from `endnotes`, whose numbers they share
    references: tuple[Endnote, ...] = ()

    def endnote(self, number: int, section: str = "") -> Endnote | None:
        """The note `number` as cited from `section`: a note of the section's chapter first (numbering
        that restarts per chapter), else the document's."""
        return find_endnote(self.endnotes, number, section)


def in_section(path: str, section: str) -> bool:
    """Whether the section `path` is `section` or one of its subsections ("2 Review > 2.1 Goals" is in "2 Review").

    >>> in_section("2 Review > 2.1 Goals", "2 Review"), in_section("2 Review of goals", "2 Review")
    (True, False)
    """
    return path == section or path.startswith(section + " > ")


def find_endnote(notes, number: int, section: str = "") -> Endnote | None:
    """The note `number` cited from `section` among `notes`: one scoped to a section containing it,
    else an unscoped one, else the first with that number."""
    candidates = [n for n in notes if n.number == number]
    scoped = [n for n in candidates if n.scope and in_section(section, n.scope)]
    plain = [n for n in candidates if not n.scope]
    return (scoped or plain or candidates or [None])[0]


AUTHOR_DATE = re.compile(r"(?<=[\w.)])\[(\d{1,3})\]")
"""An author-date citation's entry number, glued on after its year: "(OECD, 2018[2])", "(World Bank, 2022[7]; OECD,
2020[9])", "(OECD, n.d.[5])", "(OECD, Forthcoming[49])" (the OECD house style: the number of the entry in the
chapter's reference list)."""


def cited_references(text: str) -> tuple[int, ...]:
    """The reference-list numbers `text` cites author-date, each once, in order.

    >>> cited_references("as argued in (OECD, 2022[3]) and (World Bank, 2022[7]; OECD, 2022[3]).")
    (3, 7)
    """
    return tuple(dict.fromkeys(int(n) for n in AUTHOR_DATE.findall(text)))


def cited_entries(references, text: str, section: str) -> tuple[Endnote, ...]:
    """The entries of `references` (a document's reference lists) that `text`, a sentence of `section`, cites author-date:
    of the citing chapter's list, or of a list serving the whole document. A number no such list holds is left out,
    never made up (another chapter's entry with that number is another work)."""
    numbers = cited_references(text) if references else ()
    listed = {e.number: e for e in reversed(references)
              if numbers and (not e.scope or in_section(section, e.scope))}
    return tuple(listed[n] for n in numbers if n in listed)


@dataclass(frozen=True)
class Sentence(_Serializable):
    """A sentence as stored in the index: verbatim report text with where it stands."""

    id: str
    text: str
    document: str
    section: str
    page: int  # where the sentence is printed (a PDF's printed page number); the section's page for markdown
    passage_id: str
    start: int
    end: int
    endnotes: tuple[int, ...] = ()
    unit: str = ""
    kind: str = "prose"  # the kind of paragraph it stands in: prose, item, row, heading, caption
    page_label: str = ""  # the printed label of `page` ("17", "iv"); "" for markdown


@dataclass(frozen=True)
class Passage(_Serializable):
    """A retrievable chunk of one section: never straddles two sections, fits the model's input.

    `id` is a sha256 of document, section path and text, so it is stable across rebuilds.
    `score` is set by retrieval (higher is better); 0.0 when the passage comes from the index as is.
    """

    id: str
    text: str
    document: str
    section: str
    page: int
    endnotes: tuple[int, ...] = ()
    score: float = 0.0
    unit: str = ""  # case study, use case or table title, if the passage stands in one
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Quote(_Serializable):
    """One sentence quoted in an answer, verbatim, with where it stands."""

    text: str
    passage_id: str
    document: str
    section: str
    page: int
    start: int
    end: int
    endnotes: tuple[int, ...] = ()
    title: str = ""  # the document's title, as its first page or heading gives it
    year: int = 0  # the document's publication year (0 unknown)
    unit: str = ""  # the title of the case study, use case, table or box it stands in ("" in running text)
    last_page: int = 0  # the last page it may stand on, when only its section's pages are known (a markdown report)
    page_label: str = ""  # the page's label as printed ("17", "ix": a manual's front matter); "" when unknown

    def pages(self) -> str:
        """'p. 12', 'p. ix' on a page printed so (its `page` is then the physical one), or 'pp. 16–24' when only the
        section's pages are known."""
        if self.page_label and not self.page_label.isdigit():
            return f"p. {self.page_label}"
        return pages_label(self.page, self.last_page)

    def source(self) -> str:
        """Where the quote stands, for people: 'Blueprint to Action (2025) · 2 Industry › 2.1 Energy, p. 12'."""
        return f"{report_label(self.title, self.document, self.year)} · {self.section.replace(' > ', ' › ')}, {self.pages()}"

    def cited(self) -> str:
        """The quote in quotation marks with its endnote numbers, for plain text: '“Costs fell by 40%.” [5]'."""
        return f"“{self.text}”" + (f" [{', '.join(map(str, self.endnotes))}]" if self.endnotes else "")


LAST_ANSWER = {"sources": "the last answer's sentences, with the endnotes they cite",
               "place": "the last answer's sentences, where they stand", "more": "what follows the last answer in the report"}
"""What the confidence line says of a reply about the last answer (`Answer.about`; answer/meta.py)."""


def pages_label(first: int, last: int) -> str:
    """Where on the page something stands, for people: 'p. 12', or 'pp. 16–24' when `last` is past `first`."""
    return f"pp. {first}–{last}" if last > first else f"p. {first}"


def report_label(title: str, name: str, year: int) -> str:
    """A report as people name it: its title (else its file name) and its year when known: 'Blueprint to Action (2025)'."""
    return f"{title or name}{f' ({year})' if year else ''}"


@dataclass(frozen=True)
class Answer(_Serializable):
    """What `askwef.answer()` returns.

    `text` is one to three quoted sentences in reading order ("" when abstaining); `endnotes` the
    resolved endnotes of the quoted sentences; `passages` the supporting passages, best first.
    """

    question: str
    text: str
    quotes: tuple[Quote, ...] = ()
    endnotes: tuple[Endnote, ...] = ()
    passages: tuple[Passage, ...] = ()
    confidence: float = 0.0
    abstained: bool = False
    message: str = ""
    resolved_question: str = ""  # the question as understood after follow-up resolution
    span: str = ""  # the short answer inside the quote (the number, name or phrase that answers), "" when none stands out
    context: str = ""  # report text shown with the quote when it completes it (the case study's title, the sentence before)
    about: str = ""  # "document" or "part": asked for the report or a figure, table or section of it as such, and answered
    # with what that says of itself whatever the confidence (which is fit on questions about facts); "help": a greeting,
    # thanks or request for help, answered with how to ask (`message`, no quote); "clarify": a question about "the report"
    # in a library that does not say which, answered by asking which (`message` lists them); "contents": asked for a list
    # of the report's parts ("list the case studies"), answered with each one's first sentence and their titles as
    # `context` (answer/contents.py); "comparison": asked of several reports of a library at once ("how do the UK
    # strategy and the Blueprint report compare on skills?"), answered by each (`reports`, answer/compare.py); "sources",
    # "place", "more": a turn about the last answer ("source?", "which page is that on?", "tell me more"), answered with
    # its sentences and the endnotes they cite, with them and where they stand, or with the sentences that follow them
    # (answer/meta.py); "" otherwise
    reports: tuple["Answer", ...] = ()  # a comparison's answer of each report, in the order asked (each with its own
    # endnotes: their numbers are each report's own); `quotes` and `endnotes` are theirs, joined
    references: tuple[Endnote, ...] = ()  # the reference-list entries the quotes cite author-date ("(OECD, 2018[2])"),
    # each once, in order: numbered in their chapter's "References", apart from `endnotes`

    def confidence_line(self) -> str:
        """The line under an answer in the chat and the CLI: its confidence, and when it was asked for the report or a
        part of it as such, that the quote is what that says of itself (the confidence was not used)."""
        itself = {"document": "the report", "part": "that part of the report"}.get(self.about)
        if self.about == "contents":
            return f"confidence {self.confidence:.2f} · the report's own parts, each by its first sentence"
        if self.about == "note":
            return f"confidence {self.confidence:.2f} · the sentences that cite the note, with the note"
        if self.about in LAST_ANSWER:
            return f"confidence {self.confidence:.2f} · {LAST_ANSWER[self.about]}"
        return f"confidence {self.confidence:.2f}" + (f" · what {itself} says of itself" if itself else "")

    def runs(self) -> list[tuple[tuple[Quote, ...], tuple[int, ...]]]:
        """The quotes in runs from one place (`Quote.source`), each run with its endnotes in order, each once: what the
        chat and the CLI print, each run quoted above the line saying where it stands (two sentences from two sections
        are two quotes, not one paragraph)."""
        out: list[tuple[list[Quote], list[int]]] = []
        for q in self.quotes:
            if out and out[-1][0][0].source() == q.source():
                out[-1][0].append(q)
                out[-1][1].extend(n for n in q.endnotes if n not in out[-1][1])
            else:
                out.append(([q], list(q.endnotes)))
        return [(tuple(quotes), tuple(notes)) for quotes, notes in out]

    def places(self) -> list[tuple[Quote, tuple[int, ...]]]:
        """Where the quotes stand: each run's first quote and the run's endnotes (`runs`)."""
        return [(quotes[0], notes) for quotes, notes in self.runs()]

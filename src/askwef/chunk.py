"""Chunk: a Document -> passages (what retrieval ranks) and sentences (what answers quote).

Rules:
- a passage never straddles two sections, nor two units (a case study, a use case, a table);
- whole paragraphs are packed together up to about `settings.target_tokens` word pieces; a longer
  paragraph is cut between sentences; a table row is one passage when it fits;
- the passage plus its heading context (`context`: section path and unit title, which is what gets
  embedded and BM25-indexed with it) never exceeds `settings.max_tokens` word pieces, so the model
  never silently cuts a passage (its own limit is 256);
- ids are content hashes: sha256 of document, section path and text (a repeat inside the same
  section gets a suffix), so unchanged text keeps its id across rebuilds.

>>> from askwef.embed import HashEmbedder                                      # doctest: +SKIP
>>> chunks = chunk_document(doc, HashEmbedder(), Settings())                   # doctest: +SKIP
>>> chunks.passages[0].section                                                 # doctest: +SKIP
'Disclaimer'
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .embed import Embedder
from .settings import Settings
from .types import Document, Passage, Section, Sentence


@dataclass(frozen=True)
class Chunks:
    passages: tuple[Passage, ...]
    contexts: tuple[str, ...]  # one per passage: the heading context embedded with it
    sentences: tuple[Sentence, ...]


def passage_id(document: str, section: str, text: str) -> str:
    return hashlib.sha256(f"{document}\n{section}\n{text}".encode()).hexdigest()[:16]


def context_for(section: Section, unit: str) -> str:
    """What a passage is about, prepended for embedding and BM25: 'Healthcare | USE CASE 7: ...'."""
    names = [part.split(" ", 1)[1] if part[:1].isdigit() and " " in part else part for part in section.path.split(" > ")]
    return " > ".join(names) + (f" | {unit}" if unit else "")


@dataclass
class _Segment:
    start: int
    end: int
    block: int
    unit: str
    sentences: list[int]  # indexes into section.sentences
    tokens: int
    label: bool = False  # a heading or caption: it belongs with what follows it


def _segments(section: Section, embedder: Embedder) -> list[_Segment]:
    """One segment per sentence; text of a block not covered by a sentence (a row's title) joins its first one."""
    segs: list[_Segment] = []
    for i, sp in enumerate(section.sentences):
        block = section.blocks[sp.block]
        start = block.start if not segs or segs[-1].block != sp.block else sp.start
        segs.append(_Segment(start, sp.end, sp.block, block.unit, [i], 0, block.kind in ("heading", "caption")))
    for seg in segs:
        seg.tokens = embedder.count_tokens(section.text[seg.start : seg.end]) - 2  # without [CLS]/[SEP]
    return segs


def _cut_long(section: Section, seg: _Segment, limit: int, embedder: Embedder) -> list[_Segment]:
    """A sentence longer than the budget is cut between words, so the model never cuts it silently.

    The sentence stays whole as a sentence (for quoting); its passages hold it in consecutive pieces.
    """
    if seg.tokens <= limit:
        return [seg]
    words = [m.span() for m in re.finditer(r"\S+", section.text[seg.start : seg.end])]
    pieces: list[_Segment] = []
    first = 0
    while first < len(words):
        lo, hi = first + 1, len(words)  # the longest run of words from `first` that fits
        while lo < hi:
            mid = (lo + hi + 1) // 2
            text = section.text[seg.start + words[first][0] : seg.start + words[mid - 1][1]]
            if embedder.count_tokens(text) - 2 <= limit:
                lo = mid
            else:
                hi = mid - 1
        start, end = seg.start + words[first][0], seg.start + words[lo - 1][1]
        tokens = embedder.count_tokens(section.text[start:end]) - 2
        pieces.append(_Segment(start, end, seg.block, seg.unit, seg.sentences if not pieces else [], tokens, seg.label))
        first = lo
    return pieces


def chunk_section(section: Section, embedder: Embedder, settings: Settings) -> list[tuple[int, int, str, list[int]]]:
    """Passage spans of one section: (start, end, unit, sentence indexes)."""
    def budget(unit: str) -> int:
        return settings.max_tokens - (embedder.count_tokens(context_for(section, unit)) + 1)

    segs = [piece for seg in _segments(section, embedder) for piece in _cut_long(section, seg, budget(seg.unit), embedder)]
    out: list[tuple[int, int, str, list[int]]] = []
    group: list[_Segment] = []

    def flush() -> None:
        if group:
            out.append((group[0].start, group[-1].end, group[-1].unit, [i for g in group for i in g.sentences]))
            group.clear()

    for seg in segs:
        size = sum(g.tokens for g in group)
        # headings and captions carry over into the unit they introduce ("TABLE 1" + its rows)
        new_unit = bool(group) and seg.unit != group[-1].unit and not all(g.label for g in group)
        new_block = bool(group) and seg.block != group[-1].block
        limit = budget(seg.unit)
        if group and (new_unit or size + seg.tokens > limit or (new_block and size + seg.tokens > settings.target_tokens)):
            flush()
        elif group and not new_block and size >= settings.target_tokens:
            flush()  # a long paragraph: cut between sentences
        group.append(seg)
    flush()
    return _merge_small(section, out, embedder, settings)


def _merge_small(section: Section, spans, embedder: Embedder, settings: Settings):
    """A short last piece of a paragraph or unit joins the passage before it when it fits."""
    merged: list[tuple[int, int, str, list[int]]] = []
    for span in spans:
        if merged and span[3] and merged[-1][3]:  # pieces of a cut sentence carry no sentence of their own
            prev = merged[-1]
            same_block = section.sentences[prev[3][-1]].block == section.sentences[span[3][0]].block
            labels_only = all(section.blocks[section.sentences[i].block].kind in ("heading", "caption") for i in span[3])
            if (prev[2] == span[2] and same_block) or labels_only:
                text_tokens = embedder.count_tokens(section.text[span[0] : span[1]])
                if text_tokens < 30:
                    joined = context_for(section, span[2]) + " " + section.text[prev[0] : span[1]]
                    if embedder.count_tokens(joined) <= settings.max_tokens:
                        merged[-1] = (prev[0], span[1], prev[2], prev[3] + span[3])
                        continue
        merged.append(span)
    return merged


def chunk_document(doc: Document, embedder: Embedder, settings: Settings) -> Chunks:
    passages: list[Passage] = []
    contexts: list[str] = []
    sentences: list[Sentence] = []
    for section in doc.sections:
        seen: dict[str, int] = {}
        for start, end, unit, indexes in chunk_section(section, embedder, settings):
            text = section.text[start:end]
            pid = passage_id(doc.name, section.path, text)
            seen[pid] = seen.get(pid, 0) + 1
            if seen[pid] > 1:
                pid = f"{pid}-{seen[pid]}"
            spans = [section.sentences[i] for i in indexes]
            notes = tuple(sorted({n for sp in spans for n in sp.endnotes}))
            # a passage is cited by the page its first sentence is printed on (a PDF's printed page)
            page = next((sp.page for sp in spans if sp.page), section.page)
            passages.append(Passage(pid, text, doc.name, section.path, page, notes, 0.0, unit, start, end))
            contexts.append(context_for(section, unit))
            for sp in spans:
                sid = hashlib.sha256(f"{pid}\n{sp.start}".encode()).hexdigest()[:16]
                sentences.append(
                    Sentence(
                        sid, section.text[sp.start : sp.end], doc.name, section.path, sp.page or section.page, pid,
                        sp.start, sp.end, sp.endnotes, sp.unit, section.blocks[sp.block].kind, sp.page_label,
                    )
                )
    return Chunks(tuple(passages), tuple(contexts), tuple(sentences))

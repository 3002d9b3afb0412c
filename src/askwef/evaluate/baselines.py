"""The common recipe, as a baseline: fixed-size recursive splitting, one embedding per chunk, FAISS.

This is what most retrieval tutorials build: LangChain's `RecursiveCharacterTextSplitter`
(1,000 characters, 200 overlap, separators `["\\n\\n", "\\n", " ", ""]`) over the raw markdown, the
same embedding model as askwef, and a FAISS `IndexFlatIP` over unit vectors (cosine similarity).
Its reader picks the single sentence of the top passages most similar to the question.

>>> from askwef.embed import HashEmbedder
>>> recipe = CommonRecipe.from_texts({"a.md": "Solar power grew.\\n\\nWind power fell."}, HashEmbedder(), chunk_size=20, overlap=0)
>>> [p.text for p in recipe.search("wind", k=1)]
['Wind power fell.']
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..embed import Embedder
from ..types import Answer, Endnote, Passage

__all__ = ["SEPARATORS", "recursive_split", "split_sentences", "CommonRecipe"]

SEPARATORS = ("\n\n", "\n", " ", "")


# --- splitting ---------------------------------------------------------------------------------


def recursive_split(
    text: str, chunk_size: int = 1000, overlap: int = 200, separators: Sequence[str] = SEPARATORS
) -> list[tuple[int, int]]:
    """Split `text` like LangChain's RecursiveCharacterTextSplitter; return (start, end) spans.

    Defaults as in LangChain: the separator is kept at the start of the next piece, chunks are
    stripped of surrounding white space, and at most `overlap` characters repeat between neighbours.
    `text[start:end]` is the chunk.

    >>> text = "aaaa bbbb\\n\\ncccc dddd"
    >>> [text[s:e] for s, e in recursive_split(text, chunk_size=10, overlap=0)]
    ['aaaa bbbb', 'cccc dddd']
    >>> words = "one two three four"
    >>> [words[s:e] for s, e in recursive_split(words, chunk_size=10, overlap=5)]
    ['one two', 'two three', 'four']
    """
    if chunk_size < 1 or not 0 <= overlap < chunk_size:
        raise ValueError(f"need chunk_size >= 1 and 0 <= overlap < chunk_size, got {chunk_size}, {overlap}")
    # subtle: LangChain finds each chunk again with str.find, which can land on an earlier copy of
    # repeated text; carrying offsets through the recursion gives the true place of the same chunks.
    return _split(text, 0, len(text), list(separators), chunk_size, overlap)


Span = tuple[int, int]


def _split(text: str, lo: int, hi: int, separators: list[str], chunk_size: int, overlap: int) -> list[Span]:
    # the first separator that occurs in text[lo:hi]; the rest are kept for pieces still too long
    separator, remaining = separators[-1], []
    for i, candidate in enumerate(separators):
        if candidate == "":
            separator = ""
            break
        if text.find(candidate, lo, hi) >= 0:
            separator, remaining = candidate, separators[i + 1 :]
            break
    final: list[Span] = []
    good: list[Span] = []
    for start, end in _pieces(text, lo, hi, separator):
        if end - start < chunk_size:
            good.append((start, end))
            continue
        if good:
            final.extend(_merge(text, good, chunk_size, overlap))
            good = []
        if remaining:
            final.extend(_split(text, start, end, remaining, chunk_size, overlap))
        else:
            final.extend(_strip(text, start, end))
    if good:
        final.extend(_merge(text, good, chunk_size, overlap))
    return final


def _pieces(text: str, lo: int, hi: int, separator: str) -> list[Span]:
    """Spans of text[lo:hi] cut before each separator (kept at the start of the next piece).

    'a\n\nb\n\nc' on '\n\n' -> spans of ['a', '\n\nb', '\n\nc'].
    """
    if not separator:
        return [(i, i + 1) for i in range(lo, hi)]
    cuts = [lo]
    at = text.find(separator, lo, hi)
    while at >= 0:
        cuts.append(at)
        at = text.find(separator, at + len(separator), hi)
    cuts.append(hi)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _strip(text: str, start: int, end: int) -> list[Span]:
    """The span without surrounding white space; [] when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def _merge(text: str, pieces: list[Span], chunk_size: int, overlap: int) -> list[Span]:
    """Greedily join neighbouring pieces up to chunk_size, then drop pieces from the front down to the overlap."""
    docs: list[Span] = []
    current: list[Span] = []
    total = 0
    for start, end in pieces:
        length = end - start
        if total + length > chunk_size and current:
            docs.extend(_strip(text, current[0][0], current[-1][1]))
            # subtle: keep popping while the window is longer than the overlap, or the new piece
            # still would not fit; this is what makes neighbours share at most `overlap` characters.
            while total > overlap or (total + length > chunk_size and total > 0):
                total -= current[0][1] - current[0][0]
                current = current[1:]
        current.append((start, end))
        total += length
    if current:
        docs.extend(_strip(text, current[0][0], current[-1][1]))
    return docs


# --- sentences, for the reader ---------------------------------------------------------------------

_SUP = re.compile(r"<sup>\s*([0-9][0-9,\s\-–]*)\s*</sup>", re.IGNORECASE)
# a sentence ends at . ! or ?, maybe a closing quote or bracket, maybe an endnote marker,
# then white space and something that can start a sentence
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?:<sup>[^<]*</sup>)?(?=\s+[\"'“‘(*\\$]*[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split a passage into sentences: at blank lines, and after end punctuation before a capital.

    >>> split_sentences("It grew.<sup>2</sup> Then it fell.\\n\\nA heading")
    ['It grew.<sup>2</sup>', 'Then it fell.', 'A heading']
    """
    sentences: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        start = 0
        for m in _SENTENCE_END.finditer(block):
            sentences.append(block[start : m.end()])
            start = m.end()
        sentences.append(block[start:])
    return [" ".join(s.split()) for s in sentences if s.strip()]


def _endnotes_in(sentence: str) -> tuple[int, ...]:
    """'a.<sup>4,5</sup>' -> (4, 5); a range '3-5' -> (3, 4, 5)."""
    numbers: list[int] = []
    for m in _SUP.finditer(sentence):
        for part in re.split(r"[,\s]+", m.group(1).strip()):
            if r := re.fullmatch(r"(\d+)[\-–](\d+)", part):
                numbers.extend(range(int(r.group(1)), int(r.group(2)) + 1))
            elif part.isdigit():
                numbers.append(int(part))
    return tuple(dict.fromkeys(numbers))


def _display(sentence: str) -> str:
    """Drop endnote markers, tags, emphasis and markdown escapes for showing a sentence."""
    sentence = _SUP.sub("", sentence)
    sentence = re.sub(r"<[^>]+>", "", sentence)
    sentence = re.sub(r"\\([\\`*_{}\[\]()#+\-.!$&])", r"\1", sentence)
    sentence = sentence.replace("**", "")
    return " ".join(sentence.split())


# --- the retriever -------------------------------------------------------------------------------


class CommonRecipe:
    """Fixed-size chunks of the raw corpus text in a flat inner-product FAISS index.

    Build with `CommonRecipe.from_corpus(folder, embedder)`; then `search(question, k)` returns
    Passages best first (score = cosine similarity) and `answer(question)` the best sentence.
    """

    name = "common"

    def __init__(self, passages: Sequence[Passage], vectors: np.ndarray, embedder: Embedder) -> None:
        import faiss  # imported here so that importing askwef.evaluate.baselines stays cheap

        self.passages: tuple[Passage, ...] = tuple(passages)
        self._embedder = embedder
        self._sentence_cache: dict[str, tuple[list[str], np.ndarray]] = {}
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        faiss.normalize_L2(vectors)
        self._index = faiss.IndexFlatIP(vectors.shape[1] if len(vectors) else embedder.dim)
        if len(vectors):
            self._index.add(vectors)

    @classmethod
    def from_texts(
        cls, texts: Mapping[str, str], embedder: Embedder, *, chunk_size: int = 1000, overlap: int = 200
    ) -> "CommonRecipe":
        """Chunk and embed {document name: text}."""
        passages = []
        for document, text in texts.items():
            for start, end in recursive_split(text, chunk_size, overlap):
                chunk = text[start:end]
                digest = hashlib.sha256(f"{document}\x00{start}\x00{chunk}".encode()).hexdigest()[:16]
                passages.append(
                    Passage(
                        id=f"c-{digest}",
                        text=chunk,
                        document=document,
                        section="",
                        page=0,
                        endnotes=_endnotes_in(chunk),
                        start=start,
                        end=end,
                    )
                )
        vectors = embedder.encode([p.text for p in passages]) if passages else np.zeros((0, embedder.dim), np.float32)
        return cls(passages, vectors, embedder)

    @classmethod
    def from_corpus(
        cls, corpus_dir: Path, embedder: Embedder, *, chunk_size: int = 1000, overlap: int = 200
    ) -> "CommonRecipe":
        """Read every markdown file of the corpus folder as plain text (as a TextLoader would)."""
        files = sorted(Path(corpus_dir).glob("*.md"))
        if not files:
            raise FileNotFoundError(f"no markdown files in {corpus_dir}")
        texts = {f.name: f.read_text(encoding="utf-8") for f in files}
        return cls.from_texts(texts, embedder, chunk_size=chunk_size, overlap=overlap)

    def search(self, question: str, k: int = 10) -> list[Passage]:
        if not self.passages or k < 1:
            return []
        query = self._embedder.encode([question]).astype(np.float32)
        scores, ids = self._index.search(query, min(k, len(self.passages)))
        return [replace(self.passages[i], score=float(s)) for s, i in zip(scores[0], ids[0]) if i >= 0]

    def answer(self, question: str, k: int = 3) -> Answer:
        """The best-sentence reader: the sentence of the top k passages closest to the question.

        It never abstains; its endnotes are the markers inside the chosen sentence.
        """
        passages = self.search(question, k)
        sentences: list[str] = []
        vectors: list[np.ndarray] = []
        for passage in passages:
            found, found_vectors = self._sentences(passage)
            sentences.extend(found)
            vectors.append(found_vectors)
        if not sentences:
            return Answer(question=question, text="", abstained=True, message="no passages")
        similarity = np.concatenate(vectors) @ self._embedder.encode([question])[0]
        best = int(np.argmax(similarity))
        chosen = sentences[best]
        return Answer(
            question=question,
            text=_display(chosen),
            endnotes=tuple(Endnote(n, "") for n in _endnotes_in(chosen)),
            passages=tuple(passages),
            confidence=float(similarity[best]),
        )

    def _sentences(self, passage: Passage) -> tuple[list[str], np.ndarray]:
        """A passage's sentences and their vectors, embedded once (as an index would store them)."""
        cached = self._sentence_cache.get(passage.id)
        if cached is None:
            sentences = split_sentences(passage.text)
            vectors = self._embedder.encode([_display(s) for s in sentences]) if sentences else np.zeros((0, self._embedder.dim), np.float32)
            cached = self._sentence_cache[passage.id] = (sentences, vectors)
        return cached

"""Questions that arrive together are encoded together: one forward pass for all of them.

Under load the server answers from several threads at once, and each used to encode its question on
its own. A batch of one pays the model's whole per-call cost (tokenizer, module calls, small matrix
products) for a dozen word pieces; on this 2-core machine one question costs about 13 ms of CPU
alone and under 5 ms in a batch of four (`BATCH_MAX` has the measurement). `BatchingEmbedder` wraps
the model: a thread with a question to encode queues it; if no batch is being encoded, that thread
leads: it takes everything queued (up to `BATCH_MAX`), encodes it in one call, hands each thread its
row, and wakes them. Nobody waits for a batch to fill: a question that arrives on an idle server is
encoded at once, alone, as before. Lists of several texts (an index build) pass straight through.
When a batch fails, its questions are encoded one by one, so only the one at fault gets the error.

Vectors from a batch equal the lone ones to float precision (the padding is masked out), so answers do
not change with the load.

>>> from askwef.embed import HashEmbedder
>>> batching = BatchingEmbedder(HashEmbedder(dim=8))
>>> bool((batching.encode(["a b"]) == HashEmbedder(dim=8).encode(["a b"])).all())
True
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from .limits import BATCH_MAX


@dataclass
class _Slot:
    """One queued question and, once its batch is encoded, its vector or the error."""

    text: str
    vector: np.ndarray | None = None
    error: BaseException | None = None
    done: bool = field(default=False)


class BatchingEmbedder:
    """An `Embedder` that encodes the single questions of concurrent threads in shared batches."""

    def __init__(self, inner, max_batch: int = BATCH_MAX) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self.inner = inner
        self.name, self.dim, self.max_tokens = inner.name, inner.dim, inner.max_tokens
        self.max_batch = max_batch
        self._queue: list[_Slot] = []
        self._leading = False
        self._cond = threading.Condition()
        self.batches = 0
        """Forward passes run for queued questions (with `questions`: the mean batch size)."""
        self.questions = 0

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def words(self) -> frozenset[str]:
        """The wrapped model's whole words (`SentenceTransformerEmbedder.words`), which the answer stage's
        lexicon keeps from being "mended" ("compute" is a word); none when the model has no vocabulary."""
        words = getattr(self.inner, "words", None)
        return words() if callable(words) else frozenset()

    def encode(self, texts: list[str]) -> np.ndarray:
        if len(texts) != 1:
            return self.inner.encode(texts)
        slot = _Slot(texts[0])
        with self._cond:
            self._queue.append(slot)
            while not slot.done:
                if self._leading:
                    self._cond.wait()
                    continue
                self._leading = True
                batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch :]
                self._cond.release()
                try:
                    self._run(batch)
                finally:
                    self._cond.acquire()
                    self._leading = False
                    self._cond.notify_all()
        if slot.error is not None:
            raise slot.error
        return slot.vector

    def _run(self, batch: list[_Slot]) -> None:
        """Encode one batch outside the lock; every slot ends done, with its row or the error."""
        try:
            vectors = self.inner.encode([s.text for s in batch])
        except Exception as exc:
            if len(batch) == 1:  # the waiting thread raises it, as it would have alone
                batch[0].error, batch[0].done = exc, True
                return
            for s in batch:  # one bad question must not fail the others: each is encoded alone
                self._run([s])
            return
        except BaseException as exc:  # interrupted: nobody may wait for ever
            for s in batch:
                s.error, s.done = exc, True
            raise
        self.batches += 1
        self.questions += len(batch)
        for s, row in zip(batch, vectors):
            s.vector, s.done = np.ascontiguousarray(row[None, :]), True

"""serve/batch.py: questions encoded at the same time share one forward pass, and each thread gets its own row."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from askwef.embed import HashEmbedder
from askwef.serve.batch import BatchingEmbedder


class Gated:
    """A HashEmbedder whose first call waits until the test opens the gate; records every batch."""

    def __init__(self) -> None:
        self.inner = HashEmbedder(dim=16)
        self.name, self.dim, self.max_tokens = self.inner.name, self.inner.dim, self.inner.max_tokens
        self.gate = threading.Event()
        self.batches: list[list[str]] = []
        self.fail_on: str | None = None

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def encode(self, texts):
        first = not self.batches
        self.batches.append(list(texts))
        if first:
            self.gate.wait(timeout=60)
        if self.fail_on in texts:
            raise RuntimeError("the model failed")
        return self.inner.encode(texts)


def _queued(batching: BatchingEmbedder, n: int) -> None:
    """Wait until n questions are queued behind the batch being encoded."""
    for _ in range(6000):
        with batching._cond:
            if len(batching._queue) >= n:
                return
        threading.Event().wait(0.01)
    raise AssertionError(f"never saw {n} questions queued")


def _ask_together(batching: BatchingEmbedder, model: Gated, questions: list[str]) -> dict[str, object]:
    """The first question holds the model; the others queue behind it; then the gate opens."""
    out: dict[str, object] = {}

    def ask(q: str) -> None:
        try:
            out[q] = batching.encode([q])
        except Exception as exc:  # recorded for the test to inspect
            out[q] = exc

    first = threading.Thread(target=ask, args=(questions[0],))
    first.start()
    while not model.batches:
        threading.Event().wait(0.01)
    rest = [threading.Thread(target=ask, args=(q,)) for q in questions[1:]]
    for t in rest:
        t.start()
    _queued(batching, len(rest))
    model.gate.set()
    for t in [first, *rest]:
        t.join(timeout=60)
    return out


def test_questions_queued_together_are_encoded_in_one_batch_and_each_gets_its_own_row():
    model = Gated()
    batching = BatchingEmbedder(model)
    questions = [f"question number {i} about tidal power" for i in range(6)]
    out = _ask_together(batching, model, questions)
    assert [len(b) for b in model.batches] == [1, 5]
    alone = HashEmbedder(dim=16)
    for q in questions:
        assert out[q].shape == (1, 16)
        np.testing.assert_array_equal(out[q], alone.encode([q]))
    assert (batching.batches, batching.questions) == (2, 6)


def test_a_batch_never_exceeds_max_batch():
    model = Gated()
    batching = BatchingEmbedder(model, max_batch=2)
    questions = [f"q{i} tidal" for i in range(6)]
    out = _ask_together(batching, model, questions)
    assert [len(b) for b in model.batches] == [1, 2, 2, 1]
    assert all(out[q].shape == (1, 16) for q in questions)


def test_a_failing_batch_is_retried_one_by_one_so_only_the_bad_question_fails():
    model = Gated()
    model.fail_on = "bad question"
    batching = BatchingEmbedder(model)
    out = _ask_together(batching, model, ["first question", "bad question", "good question"])
    assert isinstance(out["bad question"], RuntimeError)
    np.testing.assert_array_equal(out["good question"], HashEmbedder(dim=16).encode(["good question"]))
    assert out["first question"].shape == (1, 16)
    assert [len(b) for b in model.batches] == [1, 2, 1, 1]
    np.testing.assert_array_equal(batching.encode(["good question"]), HashEmbedder(dim=16).encode(["good question"]))


def test_several_texts_pass_straight_through_and_the_model_facts_are_the_inner_ones():
    inner = HashEmbedder(dim=8)
    batching = BatchingEmbedder(inner)
    np.testing.assert_array_equal(batching.encode(["a b", "c d"]), inner.encode(["a b", "c d"]))
    assert batching.encode([]).shape == (0, 8)
    assert (batching.name, batching.dim, batching.count_tokens("a b")) == (inner.name, 8, inner.count_tokens("a b"))
    assert batching.batches == 0
    with pytest.raises(ValueError, match="max_batch"):
        BatchingEmbedder(inner, max_batch=0)


class _Worded(HashEmbedder):
    """A model with a vocabulary, as SentenceTransformerEmbedder has."""

    def words(self) -> frozenset[str]:
        return frozenset({"compute", "tidal"})


def test_the_models_words_reach_the_answer_stage_through_the_wrapper(tmp_path):
    """The lexicon keeps the model's whole words from being mended ("compute" is not a typo of "computer"):
    a served engine, whose model is wrapped, must read them as the plain one does."""
    from askwef.answer.select import stage_for
    from askwef.engine import Engine
    from conftest import fixture_engine

    assert BatchingEmbedder(_Worded()).words() == _Worded().words()
    assert BatchingEmbedder(HashEmbedder()).words() == frozenset()  # a model with no vocabulary: none, as before
    settings = fixture_engine(tmp_path).settings
    plain = Engine.load(settings, embedder=_Worded(), build=False, log=lambda *_: None)
    served = Engine.load(settings, embedder=BatchingEmbedder(_Worded()), build=False, log=lambda *_: None)
    assert stage_for(served.retriever).lexicon.dictionary == stage_for(plain.retriever).lexicon.dictionary == _Worded().words()


def test_a_server_over_a_batching_model_answers_as_the_plain_one_and_counts_its_batches(tmp_path):
    """The served engine encodes through BatchingEmbedder: same answers, and /healthz counts the batches."""
    import httpx

    from askwef.engine import Engine
    from askwef.serve.api import create_app, running
    from conftest import fixture_engine

    plain = fixture_engine(tmp_path)
    served = Engine.load(plain.settings, embedder=BatchingEmbedder(HashEmbedder()), build=False, log=lambda *_: None)
    question = "How much tidal resource does Exampleland hold?"
    with running(create_app(served, mount_chat=False, refresh=False)) as url:
        before = httpx.get(url + "/healthz").json()["encoding"]
        got = httpx.post(url + "/api/answer", json={"question": question}).json()
        after = httpx.get(url + "/healthz").json()["encoding"]
    assert [q["text"] for q in got["quotes"]] == [q.text for q in plain.answer(question).quotes]
    assert after["questions"] > before["questions"] and after["batches"] > before["batches"]

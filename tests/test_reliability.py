"""Reliability, end to end: bad input, index faults, load and what the server lets out.

Every path a user has (the Python API, the CLI in-process, the HTTP API, Gradio's API) gets the same
hostile inputs and must answer, abstain or refuse with one clear line: never a traceback or a 500.
Index faults are made on disk (files cut short, a foreign manifest, an edited corpus, builds killed
with SIGKILL in child processes, two builds at once) and must end in a clear error or a clean
rebuild. The CLI and the Python API never answer from a stale index; the server answers from the
last consistent index while the new one builds in the background, and says so on /healthz. The fast tier runs on the fixture report with the
HashEmbedder; `slow` tests use the real model on the real report.
"""

from __future__ import annotations

import http.client as http_client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest

from askwef import cli
from askwef.embed import HashEmbedder
from askwef.engine import MAX_QUESTION_CHARS as ENGINE_MAX, Engine, QuestionError
from askwef.index import BuildError, IndexCorrupt, IndexProblem, build, load, staleness
from askwef.serve.api import create_app, running
from askwef.serve.limits import MAX_BODY_BYTES, MAX_QUESTION_CHARS as HTTP_MAX
from conftest import fixture_engine

ROOT = Path(__file__).resolve().parents[1]
PENS = "How many pens does SeaFarm run?"


def quiet(*_):
    pass


# --- hostile questions ---------------------------------------------------------------------------

ANSWERABLE = {  # each must get an answer or an abstention
    "control characters": "tidal\x00\x01\x1b[31m power\x7f in Exampleland?",
    "emoji": "🌊 How much tidal resource does Exampleland hold? 🚀",
    "chinese": "潮汐能在示例国有多少资源？",
    "arabic": "ما هي طاقة المد والجزر؟",
    "russian": "Сколько стоит приливная энергия?",
    "html": "<script>alert('x')</script><img src=x onerror=alert(1)> tidal costs",
    "sql": "' OR 1=1; DROP TABLE passages; -- tidal",
    "right-to-left override": "\u202etidal costs\u202c",
    "combining marks": "e\u0301" * 300,
    "2,001 characters": "tidal " * 333 + "costs?",
    "10,000 characters": ("tidal costs " * 1000)[:HTTP_MAX],
}
BLANK = {"empty": "", "whitespace": "  \n\t  ", "NUL only": "\x00\x00", "zero-width": "\u200b\u200b", "no-break spaces": "\xa0\xa0"}
WORDLESS = {"emoji only": "🌊🚀🔥", "punctuation only": "???!!!...", "symbols": "<> ' ; -- /* */"}  # nothing to look for
HUGE = "tidal " * 17_000  # about 100 KB


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return fixture_engine(tmp_path_factory.mktemp("reliability"))


def _check_answer(answer, question_limit=ENGINE_MAX):
    assert answer.abstained or answer.quotes
    assert len(answer.question) <= question_limit
    texts = {p.id: p.text for p in answer.passages}
    for q in answer.quotes:  # quotes stay verbatim report text, whatever the question held
        assert q.text in texts.get(q.passage_id, q.text)


@pytest.mark.parametrize("name", ANSWERABLE)
def test_python_api_answers_or_abstains(engine, name):
    question = ANSWERABLE[name]
    _check_answer(engine.answer(question))
    assert isinstance(engine.search(question, 3), list)


def test_python_api_cuts_a_100kb_question(engine):
    answer = engine.answer(HUGE)
    _check_answer(answer)
    assert len(answer.question) <= ENGINE_MAX


@pytest.mark.parametrize("name", BLANK)
def test_python_api_refuses_blank_questions(engine, name):
    with pytest.raises(QuestionError, match="empty"):
        engine.answer(BLANK[name])
    with pytest.raises(QuestionError, match="empty"):
        engine.search(BLANK[name])


@pytest.mark.parametrize("name", WORDLESS)
def test_python_api_refuses_questions_without_a_word(engine, name):
    with pytest.raises(QuestionError, match="no words"):
        engine.answer(WORDLESS[name])


@pytest.mark.parametrize("value", [None, 42, b"tidal", ["tidal"]])
def test_python_api_refuses_what_is_not_text(engine, value):
    with pytest.raises(QuestionError, match="must be text"):
        engine.answer(value)


@pytest.mark.parametrize("history", [42, "not a list", {"question": "x"}])
def test_python_api_refuses_history_that_is_not_a_list(engine, history):
    with pytest.raises(QuestionError, match="history"):
        engine.answer("and its costs?", history=history)


def test_module_level_search_on_hostile_input(engine, monkeypatch):
    import askwef
    import askwef.engine as engine_mod

    monkeypatch.setattr(engine_mod, "_ENGINES", {})
    monkeypatch.setattr(engine_mod, "load_model", lambda: HashEmbedder())
    assert askwef.search(HUGE, 2, settings=engine.settings)
    assert isinstance(askwef.search(ANSWERABLE["html"], 2, settings=engine.settings), list)
    with pytest.raises(QuestionError):
        askwef.search(" ", settings=engine.settings)


def test_module_level_answer_on_hostile_input(engine, monkeypatch):
    import askwef
    import askwef.engine as engine_mod

    monkeypatch.setattr(engine_mod, "_ENGINES", {})
    monkeypatch.setattr(engine_mod, "load_model", lambda: HashEmbedder())
    _check_answer(askwef.answer(ANSWERABLE["html"], settings=engine.settings))
    with pytest.raises(QuestionError):
        askwef.answer(" ", settings=engine.settings)


@pytest.fixture
def run_cli(engine, monkeypatch, capsys):
    monkeypatch.setattr("askwef.embed.load_model", lambda: HashEmbedder())
    monkeypatch.setattr("askwef.engine.load_model", lambda: HashEmbedder())
    where = ["--corpus", str(engine.settings.corpus_dir), "--index", str(engine.settings.index_dir)]

    def invoke(verb, *argv):
        code = cli.main([verb, *where, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def _one_line_error(code, out, err, *needles):
    assert code == 1 and out == "", (code, out, err)
    assert err.startswith("askwef: error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    for needle in needles:
        assert needle in err


@pytest.mark.parametrize("name", [*ANSWERABLE, "100 KB"])
def test_cli_answers_or_abstains(run_cli, name):
    question = ANSWERABLE.get(name, HUGE)
    for verb in ("ask", "search"):
        code, out, err = run_cli(verb, question, "--no-build")
        assert code == 0 and out.strip() and "Traceback" not in err, (verb, err)
    code, out, _ = run_cli("ask", question, "--json", "--no-build")
    assert code == 0 and len(json.loads(out)["question"]) <= ENGINE_MAX


@pytest.mark.parametrize("name", [*BLANK, *WORDLESS])
def test_cli_refuses_blank_questions_in_one_line(run_cli, name):
    for verb in ("ask", "search"):
        _one_line_error(*run_cli(verb, {**BLANK, **WORDLESS}[name]), "empty" if name in BLANK else "no words")


def test_cli_refuses_a_history_file_that_is_not_a_list(run_cli, tmp_path):
    for content in ("42", '"text"', '{"question": "x"}', "{not json"):
        path = tmp_path / "history.json"
        path.write_text(content)
        _one_line_error(*run_cli("ask", "and its costs?", "--history", str(path)))


@pytest.fixture(scope="module")
def url(engine, tmp_path_factory):
    feedback = tmp_path_factory.mktemp("feedback") / "feedback.jsonl"
    with running(create_app(engine, feedback_path=feedback)) as base:
        yield base


@pytest.fixture(scope="module")
def http(url):
    with httpx.Client(base_url=url, timeout=60) as client:
        yield client


@pytest.mark.parametrize("name", ANSWERABLE)
def test_http_answers_or_abstains(http, name):
    question = ANSWERABLE[name]
    body = http.post("/api/answer", json={"question": question}).json()
    assert body["abstained"] or body["quotes"]
    assert len(body["question"]) <= ENGINE_MAX  # accepted up to 10,000, answered on the first 2,000
    assert http.post("/api/search", json={"question": question, "k": 3}).status_code == 200


@pytest.mark.parametrize("question", [*BLANK.values(), *WORDLESS.values(), HTTP_MAX * "x" + "x", HUGE])
def test_http_refuses_blank_wordless_and_oversized_questions(http, question):
    for path in ("/api/answer", "/api/search"):
        response = http.post(path, json={"question": question})
        assert response.status_code == 422, response.text
        detail = response.json()["detail"]
        assert detail.startswith("question: ") and ("empty" in detail or "no words" in detail or f"at most {HTTP_MAX}" in detail)


def test_http_limits_are_consistent():
    # the HTTP API refuses what the Python API would silently cut, and a refused question still fits in a body
    assert ENGINE_MAX < HTTP_MAX and len(json.dumps({"question": "x" * (HTTP_MAX + 1)})) < MAX_BODY_BYTES


@pytest.mark.parametrize("raw", [b'{"question": "tidal \\ud800 costs"}', b'{"question": "\\u0000"}', '{"question": "caf\xe9"}'.encode("latin-1")])
def test_http_odd_encodings_are_4xx_or_answered(http, raw):
    response = http.post("/api/answer", content=raw, headers={"content-type": "application/json"})
    assert response.status_code in (200, 400, 422), response.text
    assert response.json()


def test_gradio_api_refuses_an_oversized_question_and_answers_emoji(url):
    from gradio_client import Client

    client = Client(url + "/", verbose=False)
    try:
        with pytest.raises(Exception, match="limit is 10000"):
            client.predict(HUGE, api_name="/ask")
        assert "abstained" in client.predict(ANSWERABLE["emoji"], api_name="/ask")
        with pytest.raises(Exception, match="empty"):
            client.predict("\x00", api_name="/search")
    finally:
        client.close()


@pytest.mark.slow
def test_chinese_name_finds_the_icbc_passage(real_engine):
    for question in ("What is 融安e信?", "融安e信"):
        passages = real_engine.search(question, 5)
        assert any("融安e信" in p.text and "ICBC" in p.text for p in passages), question
    answer = real_engine.answer("What is 融安e信?")
    assert "ICBC" in answer.text or any("融安e信" in p.text for p in answer.passages)


@pytest.mark.slow
@pytest.mark.parametrize("question", ["' OR 1=1; DROP TABLE passages; --", "Какая погода в Москве?", "asdf qwerty zxcv"])
def test_real_engine_abstains_on_noise(real_engine, question):
    assert real_engine.answer(question).abstained


@pytest.mark.slow
@pytest.mark.parametrize("question", WORDLESS.values())
def test_real_engine_refuses_wordless_questions(real_engine, question):
    # before clean_question refused them, "🌊🚀🔥" got "Carol Zhou China Head, ..." at confidence 0.82
    with pytest.raises(QuestionError, match="no words"):
        real_engine.answer(question)


def test_chat_page_says_why_a_wordless_question_is_not_looked_up(engine):
    from askwef.serve.chat import chat_turn

    messages, answers, _, box = chat_turn(engine, "???", "", [], [])
    assert box == "" and answers == [] and "no words" in messages[-1]["content"]
    assert chat_turn(engine, "   ", "", [], [])[0] == []  # a blank one changes nothing


# --- index faults, through the CLI ---------------------------------------------------------------


def _cut(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _set_manifest(index_dir: Path, **changes) -> None:
    path = index_dir / "manifest.json"
    path.write_text(json.dumps(json.loads(path.read_text()) | changes))


def _shard(settings) -> Path:
    """The folder of the (only) document's shard."""
    return next((Path(settings.index_dir) / "shards").iterdir())


FAULTS = {
    # name: (damage(settings), what `--no-build` says)
    "missing index": (lambda s: shutil.rmtree(s.index_dir), "no index"),
    "vectors cut short": (lambda s: _cut(_shard(s) / "passages.npy"), "damaged"),
    "sentence vectors emptied": (lambda s: (_shard(s) / "sentences.npy").write_bytes(b""), "damaged"),
    "passages.jsonl cut short": (lambda s: _cut(_shard(s) / "passages.jsonl"), "damaged"),
    "document.json garbage": (lambda s: (_shard(s) / "document.json").write_text("{]"), "damaged"),
    "shard gone": (lambda s: shutil.rmtree(_shard(s)), "incomplete"),
    "manifest.json garbage": (lambda s: (s.index_dir / "manifest.json").write_text("\x00\x01"), "unreadable"),
    "bm25 folder gone": (lambda s: shutil.rmtree(s.index_dir / "bm25"), "incomplete"),
    "manifest of another model": (lambda s: _set_manifest(s.index_dir, model="another/model"), "model"),
    "manifest of other settings": (lambda s: _set_manifest(s.index_dir, settings_hash="0" * 16), "chunking settings"),
    "manifest of another corpus": (lambda s: _set_manifest(s.index_dir, corpus_sha256="0" * 64), "corpus"),
    "manifest of another format": (lambda s: _set_manifest(s.index_dir, format_version=99), "format"),
    "corpus edited after the build": (lambda s: _edit_corpus(s), "corpus"),
}


def _edit_corpus(settings) -> None:
    report = next(Path(settings.corpus_dir).glob("*.md"))
    report.write_text(report.read_text().replace("SeaFarm runs 30 pens", "SeaFarm runs 45 pens"))


@pytest.fixture
def cli_on_mini(mini_settings, cli_runner):
    build(mini_settings, HashEmbedder(), progress=False, log=quiet)
    return cli_runner


@pytest.mark.parametrize("fault", FAULTS)
def test_cli_fault_is_a_clear_error_or_a_clean_rebuild(cli_on_mini, mini_settings, fault):
    damage, reason = FAULTS[fault]
    damage(mini_settings)
    code, out, err = cli_on_mini("ask", PENS, "--no-build")
    _one_line_error(code, out, err, reason, "askwef build")

    code, out, err = cli_on_mini("ask", PENS, "--json")  # allowed to build: rebuilt, then answered
    assert code == 0 and json.loads(out)["question"] == PENS, err
    assert staleness(mini_settings, HashEmbedder().name) is None and load(mini_settings).passages
    code, out, err = cli_on_mini("search", "SeaFarm pens", "--no-build", "-k", "3", "--json")
    texts = " ".join(p["text"] for p in json.loads(out))
    pens = "45 pens" if fault == "corpus edited after the build" else "30 pens"
    assert code == 0 and pens in texts and ({"30 pens", "45 pens"} - {pens}).pop() not in texts


def test_cli_empty_corpus_is_one_line(cli_on_mini, mini_settings):
    for path in Path(mini_settings.corpus_dir).iterdir():
        path.write_text("")
    for argv in (("build", "--quiet"), ("ask", PENS)):
        code, out, err = cli_on_mini(*argv)  # a warning line per unreadable file, then the error
        assert code == 1 and out == "" and "Traceback" not in err
        assert err.splitlines()[-1].startswith("askwef: error: no readable report")
    assert load(mini_settings).passages  # the failed build left the last good index in place


# --- index faults, through a running server --------------------------------------------------------


@pytest.fixture
def live(mini_settings, tmp_path):
    """A server over a private engine on the fixture report, and an httpx client to it."""
    engine = Engine.load(mini_settings, embedder=HashEmbedder(), log=quiet)
    with running(create_app(engine, feedback_path=tmp_path / "feedback.jsonl")) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            yield engine, base, client


def _pens(client) -> httpx.Response:
    return client.post("/api/answer", json={"question": PENS})


def _settled(engine, client) -> dict:
    """Let the server notice the change (it polls at most once a second) and finish its background build."""
    for _ in range(200):
        engine._last_poll = 0.0  # the next request polls at once (the throttle is for load, not for this test)
        _pens(client)
        engine.wait()
        status = client.get("/healthz").json()["build"]
        if status["state"] != "building" and not (engine._builder and engine._builder.is_alive()):
            return status
    raise AssertionError("the background build never settled")


def test_server_picks_up_an_edited_corpus_without_restart(live, mini_settings):
    engine, base, client = live
    assert "30 pens" in _pens(client).json()["text"]
    before = client.get("/healthz").json()["manifest"]["corpus_sha256"]
    _edit_corpus(mini_settings)
    assert _settled(engine, client)["state"] == "idle"
    body = _pens(client).json()
    assert "45 pens" in body["text"] and "30 pens" not in body["text"]
    assert client.get("/healthz").json()["manifest"]["corpus_sha256"] != before
    hits = client.post("/api/search", json={"question": "SeaFarm pens", "k": 3}).json()["passages"]
    assert not any("30 pens" in p["text"] for p in hits)

    from gradio_client import Client

    report = next(Path(mini_settings.corpus_dir).glob("*.md"))
    report.write_text(report.read_text().replace("SeaFarm runs 45 pens", "SeaFarm runs 60 pens"))
    _settled(engine, client)
    gradio = Client(base + "/", verbose=False)
    try:
        assert "60 pens" in gradio.predict(PENS, api_name="/ask")["text"]
    finally:
        gradio.close()


@pytest.mark.parametrize("fault", ["manifest of another model", "manifest of other settings", "manifest of another corpus", "missing index"])
def test_server_rebuilds_when_the_index_stops_matching(live, mini_settings, fault):
    engine, _, client = live
    FAULTS[fault][0](mini_settings)
    engine._last_poll = 0.0
    response = _pens(client)  # answered from the index in memory while the build starts
    assert response.status_code == 200 and "30 pens" in response.json()["text"]
    assert _settled(engine, client)["state"] == "idle"
    assert staleness(mini_settings, HashEmbedder().name) is None


def test_server_keeps_its_loaded_index_when_files_are_damaged_under_it(live, mini_settings):
    # the loaded copy still matches the corpus, so answering from memory is right; a new start rebuilds
    engine, _, client = live
    _cut(_shard(mini_settings) / "passages.npy")
    assert "30 pens" in _pens(client).json()["text"]
    with pytest.raises(IndexCorrupt):
        Engine.load(mini_settings, embedder=HashEmbedder(), build=False)
    assert "30 pens" in Engine.load(mini_settings, embedder=HashEmbedder(), log=quiet).answer(PENS).text


def test_server_keeps_answering_from_the_last_index_when_the_corpus_cannot_be_built(live, mini_settings):
    engine, _, client = live
    corpus = Path(mini_settings.corpus_dir)
    report = next(corpus.glob("*.md"))
    original = report.read_text()
    report.write_text("")  # the corpus now holds nothing readable: the build fails
    status = _settled(engine, client)
    assert status["state"] == "failed" and "no readable report" in status["error"]
    for path in ("/api/answer", "/api/search"):  # still answered, from the last consistent index
        response = client.post(path, json={"question": PENS})
        assert response.status_code == 200 and "30 pens" in response.text
    moved = corpus.with_name("corpus-away")
    corpus.rename(moved)  # the corpus folder is gone altogether
    status = _settled(engine, client)
    assert status["state"] == "failed" and "does not exist" in status["error"]
    assert "30 pens" in _pens(client).json()["text"]
    moved.rename(corpus)
    report.write_text(original.replace("SeaFarm runs 30 pens", "SeaFarm runs 45 pens"))
    assert _settled(engine, client)["state"] == "idle"
    assert "45 pens" in _pens(client).json()["text"]  # back without a restart


class _HeldEmbedder(HashEmbedder):
    """Holds the background build mid-embedding until `release` is set; questions pass straight through."""

    def __init__(self) -> None:
        super().__init__()
        import threading

        self.release = threading.Event()
        self.reached = threading.Event()

    def encode(self, texts):
        import threading

        if threading.current_thread().name == "askwef-build":
            self.reached.set()
            assert self.release.wait(120), "the test never released the build"
        return super().encode(texts)


def test_server_answers_while_a_rebuild_runs_then_swaps_atomically(mini_settings, tmp_path):
    embedder = _HeldEmbedder()
    engine = Engine.load(mini_settings, embedder=embedder, log=quiet)
    with running(create_app(engine, feedback_path=tmp_path / "feedback.jsonl")) as base, httpx.Client(base_url=base, timeout=60) as client:
        old = client.get("/healthz").json()["manifest"]
        _edit_corpus(mini_settings)
        engine._last_poll = 0.0
        assert "30 pens" in _pens(client).json()["text"]
        assert embedder.reached.wait(60), "no background build started"
        status = client.get("/healthz").json()["build"]
        assert status["state"] == "building" and status["stage"] == "embedding" and status["document"].endswith(".md")
        assert 0 <= status["percent"] < 100 and status["serving"]["corpus_sha256"] == old["corpus_sha256"]
        for _ in range(3):  # every request is answered, from the old index, while the build is held
            response = _pens(client)
            assert response.status_code == 200 and "30 pens" in response.json()["text"]
        page = client.post("/gradio_api/call/ask", json={"data": [PENS]})
        assert page.status_code == 200
        from askwef.serve.chat import build_note

        note = build_note(engine.status())
        undated = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "", note)  # the serving index's build time may hold a 45
        assert "Updating the library" in note and "45" not in undated
        embedder.release.set()
        assert engine.wait(60)
        assert client.get("/healthz").json()["build"]["state"] == "idle"
        assert "45 pens" in _pens(client).json()["text"]
        assert client.get("/healthz").json()["manifest"]["corpus_sha256"] != old["corpus_sha256"]


def test_change_detection_hashes_only_files_that_changed(mini_settings):
    from askwef.index import CorpusWatcher, corpus_sha256

    report = next(Path(mini_settings.corpus_dir).glob("*.md"))
    os.utime(report, (time.time() - 60, time.time() - 60))  # not modified "just now" (see RACY_SECONDS)
    watcher = CorpusWatcher(Path(mini_settings.corpus_dir))
    first = watcher.sha256()
    assert first == corpus_sha256(Path(mini_settings.corpus_dir)) and watcher.hashed == 1
    for _ in range(5):
        assert watcher.sha256() == first
    assert watcher.hashed == 1  # a stat per file, no hashing, while nothing changes
    _edit_corpus(mini_settings)  # same size: "30" -> "45"; seen by mtime, or as modified just now
    assert watcher.sha256() != first and watcher.hashed == 2


# --- builds killed half-way, and two at once (child processes) ------------------------------------

BUILDER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from askwef.index import builder
    from askwef.embed import HashEmbedder
    from askwef.settings import Settings

    corpus, index_dir, stage, marker = sys.argv[1:5]
    go = Path(marker + ".go")

    def pause():
        Path(marker).write_text(str(os.getpid()))
        while not go.exists():  # killed here, or let go by the test
            time.sleep(0.05)

    if stage == "embedding":
        encode = HashEmbedder.encode
        HashEmbedder.encode = lambda self, texts: (pause(), encode(self, texts))[1]
    elif stage == "writing":
        save = builder.save_bm25
        builder.save_bm25 = lambda folder, texts: (pause(), save(folder, texts))[1]
    elif stage == "swapping":
        def swap(tmp, target):
            os.replace(target, target.parent / f".old-{target.name}-{os.getpid()}")
            pause()
            os.replace(tmp, target)
        builder.swap_into_place = swap
    builder.build(Settings(corpus_dir=Path(corpus), index_dir=Path(index_dir)), HashEmbedder(), progress=False, log=lambda *_: None)
    print("built")
    """
)


def _builder(tmp_path, settings, stage):
    script = tmp_path / "builder.py"
    script.write_text(BUILDER)
    marker = tmp_path / f"marker-{stage}-{time.monotonic_ns()}"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    process = subprocess.Popen(
        [sys.executable, str(script), str(settings.corpus_dir), str(settings.index_dir), stage, str(marker)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"the builder did not reach {stage}: {process.communicate()}")
        time.sleep(0.05)
    return process, marker


def _leftovers(settings) -> list[str]:
    parent = Path(settings.index_dir).parent
    return sorted(p.name for p in parent.iterdir() if p.name.startswith((".tmp-", ".old-")))


@pytest.mark.parametrize("stage", ["embedding", "writing", "swapping"])
def test_build_killed_half_way_never_answers_stale_and_the_next_build_cleans_up(mini_settings, tmp_path, stage):
    embedder = HashEmbedder()
    old = build(mini_settings, embedder, progress=False, log=quiet)
    _edit_corpus(mini_settings)  # the killed build was building a new version
    process, _ = _builder(tmp_path, mini_settings, stage)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    if stage == "swapping":  # killed between its two renames: no index, the old one beside it
        assert not Path(mini_settings.index_dir).exists() and _leftovers(mini_settings)
    else:  # the old index is intact and still loads; it is stale, so it is refused, never used
        assert load(mini_settings).manifest == old
    with pytest.raises(IndexProblem, match="askwef build"):
        Engine.load(mini_settings, embedder=embedder, build=False)

    engine = Engine.load(mini_settings, embedder=embedder, log=quiet)  # the next build cleans up
    assert "45 pens" in engine.answer(PENS).text
    assert _leftovers(mini_settings) == []


SECOND_REPORT = """# Wind Power Outlook: A Second Report

# Contents

1 Offshore wind	2

# Offshore wind

Windland operates 44 offshore turbines along its northern coast.
"""


@pytest.mark.parametrize("stage", ["embedding", "writing", "swapping"])
def test_killed_update_of_a_library_keeps_the_last_consistent_set(mini_settings, tmp_path, stage):
    corpus = Path(mini_settings.corpus_dir)
    (corpus / "wind.md").write_text(SECOND_REPORT)
    old = build(mini_settings, HashEmbedder(), progress=False, log=quiet)
    (corpus / "wind.md").unlink()  # one report removed and one added, in one update
    (corpus / "solar.md").write_text(SECOND_REPORT.replace("Wind", "Solar").replace("wind", "solar").replace("44 offshore turbines", "80 floating panels"))
    process, _ = _builder(tmp_path, mini_settings, stage)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    if stage != "swapping":  # the manifest and every shard it lists are the last consistent set
        store = load(mini_settings)
        assert store.manifest == old and sorted({p.document for p in store.passages}) == ["mini-report.md", "wind.md"]
    engine = Engine.load(mini_settings, embedder=HashEmbedder(), log=quiet)  # the next build finishes the update
    assert sorted(d.name for d in engine.store.documents) == ["mini-report.md", "solar.md"]
    assert engine.manifest["build"]["reused"] == 1 and "80 floating panels" in engine.search("floating panels", 1)[0].text
    assert _leftovers(mini_settings) == []


def test_killed_swap_then_a_failed_build_puts_the_old_index_back(mini_settings, tmp_path):
    old = build(mini_settings, HashEmbedder(), progress=False, log=quiet)
    process, _ = _builder(tmp_path, mini_settings, "swapping")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    for path in Path(mini_settings.corpus_dir).iterdir():
        path.write_text("")
    with pytest.raises(BuildError):
        build(mini_settings, HashEmbedder(), progress=False, log=quiet)
    assert load(mini_settings).manifest == old and _leftovers(mini_settings) == []


def test_two_build_processes_at_once_take_turns(mini_settings, tmp_path):
    from filelock import FileLock, Timeout

    first, marker = _builder(tmp_path, mini_settings, "writing")  # holds the lock, paused mid-write
    lock = Path(mini_settings.index_dir).parent / f".{Path(mini_settings.index_dir).name}.lock"
    with pytest.raises(Timeout):
        FileLock(str(lock)).acquire(timeout=0.2)  # another process cannot take it meanwhile
    script = tmp_path / "builder.py"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    second = subprocess.Popen(
        [sys.executable, str(script), str(mini_settings.corpus_dir), str(mini_settings.index_dir), "plain", str(tmp_path / "unused")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )
    Path(str(marker) + ".go").write_text("go")
    for process in (first, second):
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0 and "built" in out, err
    assert load(mini_settings).passages and staleness(mini_settings, HashEmbedder().name) is None
    assert _leftovers(mini_settings) == []


@pytest.mark.slow
def test_real_askwef_build_killed_mid_way_leaves_the_old_index_usable(real_settings, tmp_path):
    index_dir = tmp_path / "index" / "current"
    shutil.copytree(real_settings.index_dir, index_dir)
    askwef = [sys.executable, "-m", "askwef.cli"]
    where = ["--corpus", str(real_settings.corpus_dir), "--index", str(index_dir)]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(ROOT / "src"))
    process = subprocess.Popen([*askwef, "build", "--full", *where], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    seen = b""
    while b"embedding" not in seen:  # tqdm's bar: the model is loaded and the build is under way
        chunk = process.stderr.read1(4096)
        assert chunk or process.poll() is None, seen[-2000:]
        seen += chunk
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    done = subprocess.run([*askwef, "ask", "How many green data centres have been established in China?", "--no-build", *where],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0 and "246" in done.stdout, done.stderr
    again = subprocess.run([*askwef, "build", "--quiet", *where], capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 0 and "1 report(s) unchanged" in again.stdout, again.stderr  # nothing re-embedded
    assert not list(index_dir.parent.glob(".tmp-*"))  # the next build cleaned what the killed one left


# --- load ---------------------------------------------------------------------------------------------


def test_short_load_through_api_and_gradio_has_no_errors(url, engine, tmp_path, capsys, monkeypatch):
    out = tmp_path / "loadtest.json"
    monkeypatch.setattr("askwef.engine.load_model", lambda: HashEmbedder())  # the in-process timing loads the same index
    code = cli.main(["loadtest", "--url", url, "--pid", str(os.getpid()), "--clients", "8", "--duration", "5",
                     "--timeout", "60", "--out", str(out), "--corpus", str(engine.settings.corpus_dir), "--index", str(engine.settings.index_dir)])
    printed = capsys.readouterr().out
    result = json.loads(out.read_text())
    assert code == 0 and result["errors"] == 0, result["error_kinds"]
    assert set(result["routes"]) == {"api", "api-bad", "gradio"} and all(r["requests"] for r in result["routes"].values())
    assert result["server_rss_mib"]["peak"] > 0 and "errors: none" in printed
    assert result["server_cpu_ms_per_answer"] > 0 and result["answer_ms_in_process"] > 0 and "server CPU" in printed
    assert result["request_path_over_answer"] == round(result["server_cpu_ms_per_answer"] / result["answer_ms_in_process"], 2)


def test_limits_are_set_on_purpose(engine):
    from askwef.serve import limits as server

    app = create_app(engine, mount_chat=True, feedback_path=os.devnull)
    blocks = next(r.app.get_blocks() for r in app.routes if type(r).__name__ == "Mount")
    assert blocks._queue.default_concurrency_limit == server.GRADIO_CONCURRENCY
    assert blocks._queue.max_size == server.GRADIO_QUEUE_SIZE
    assert server.UVICORN_LIMITS["limit_concurrency"] == server.LIMIT_CONCURRENCY and server.UVICORN_LIMITS["backlog"] == server.BACKLOG


def test_worker_threads_are_capped_while_serving(engine):
    import anyio.to_thread

    from askwef.serve import limits as server

    app = create_app(engine, mount_chat=False)

    @app.get("/tokens")
    async def tokens() -> dict:  # the limiter belongs to the server's event loop: read it from a request
        return {"tokens": anyio.to_thread.current_default_thread_limiter().total_tokens}

    with running(app) as base:
        assert httpx.get(base + "/tokens", timeout=10).json()["tokens"] == server.WORKER_THREADS


# --- security: binding, auth, files, HTML ----------------------------------------------------------------


def test_everything_binds_to_loopback_by_default():
    import inspect

    from askwef.serve import api as server

    assert inspect.signature(server.serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(server.running).parameters["host"].default == "127.0.0.1"
    args = cli.build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 7860


SECRET = "askwef-secret-7f3a9c"


def _raw_get(base: str, path: str) -> tuple[int, bytes]:
    """GET `path` exactly as written (httpx would normalise ../ and //)."""
    host, port = base.removeprefix("http://").split(":")
    conn = http_client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_no_file_of_the_machine_is_reachable(engine, tmp_path, monkeypatch):
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text(json.dumps({"question": SECRET}) + "\n")
    planted = tmp_path / "planted.txt"
    planted.write_text(SECRET)
    monkeypatch.chdir(tmp_path)  # relative paths now resolve next to the planted files
    manifest = Path(engine.settings.index_dir) / "manifest.json"
    targets = ["/etc/passwd", str(feedback), str(planted), "feedback.jsonl", "planted.txt", str(manifest), str(ROOT / "pyproject.toml")]
    prefixes = ["/file=", "/gradio_api/file=", "/gradio_api/file/", "//gradio_api/file=", "/gradio_api//file=", "/./gradio_api/file=",
                "/gradio_api/proxy=", "/static/", "/assets/", "/svelte/", "/gradio_api/static/", "/api/", "/gradio_api/upload/", "/custom_component/"]
    ups = ["", "../../../../../../..", "..%2f..%2f..%2f..%2f..%2f..%2f..", "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e"]
    with running(create_app(engine, feedback_path=feedback)) as base:
        tried = 0
        for prefix in prefixes:
            for up in ups:
                for target in targets:
                    path = prefix + (up + "/" + target.lstrip("/") if up else target)
                    status, body = _raw_get(base, path)
                    tried += 1
                    assert b"root:x:0:0" not in body and SECRET.encode() not in body, (path, status)
                    assert b'"corpus_sha256"' not in body and b"[build-system]" not in body, (path, status)
                    assert status != 200 or prefix in ("/static/", "/assets/", "/svelte/"), (path, status, body[:200])
        assert tried == len(prefixes) * len(ups) * len(targets)
        status, _ = _raw_get(base, "/gradio_api/proxy=http://127.0.0.1:1/")
        assert status == 404


def test_uploads_are_refused_and_nothing_is_written(url, tmp_path):
    import tempfile

    before = set(Path(tempfile.gettempdir(), "gradio").rglob("*")) if Path(tempfile.gettempdir(), "gradio").exists() else set()
    for path in ("/gradio_api/upload", "/gradio_api/upload?upload_id=x", "/upload"):
        response = httpx.post(url + path, files={"files": ("evil.html", b"<script>alert(1)</script>")}, timeout=30)
        assert response.status_code == 404, (path, response.text)
    assert httpx.get(url + "/gradio_api/upload_progress?upload_id=x", timeout=30).status_code == 404
    after = set(Path(tempfile.gettempdir(), "gradio").rglob("*")) if Path(tempfile.gettempdir(), "gradio").exists() else set()
    assert not any(p.name == "evil.html" for p in after - before)


def test_monitoring_and_gradio_body_limit(url):
    assert httpx.get(url + "/monitoring", timeout=30).status_code == 404
    big = b"{" + b" " * (8 * 1024 * 1024) + b"}"
    response = httpx.post(url + "/gradio_api/queue/join", content=big, headers={"content-type": "application/json"}, timeout=60)
    assert response.status_code == 413


def test_auth_also_guards_gradio_routes_and_closed_routes(engine, tmp_path):
    with running(create_app(engine, auth="ops:pa:ss", feedback_path=tmp_path / "f.jsonl")) as base:
        for method, path in [("POST", "/gradio_api/queue/join"), ("GET", "/gradio_api/queue/data?session_hash=x"), ("POST", "/gradio_api/call/ask"),
                             ("GET", "/gradio_api/file=/etc/passwd"), ("POST", "/api/search"), ("GET", "/theme.css")]:
            response = httpx.request(method, base + path, json={}, timeout=30)
            assert response.status_code == 401, (path, response.status_code)
        assert httpx.get(base + "/healthz", timeout=30).status_code == 200
        assert httpx.post(base + "/api/search", json={"question": "tidal"}, auth=("ops", "pa:ss"), timeout=30).status_code == 200


def test_chat_html_escapes_a_script_planted_in_the_question_and_the_report(mini_settings, tmp_path):
    from gradio_client import Client

    report = next(Path(mini_settings.corpus_dir).glob("*.md"))
    report.write_text(report.read_text().replace(
        "SeaFarm runs 30 pens on tidal power in North Bay.",
        "SeaFarm runs 30 pens on tidal power in North Bay <script>alert('report')</script> <img src=x onerror=alert(2)>.",
    ))
    engine = Engine.load(mini_settings, embedder=HashEmbedder(), log=quiet)
    with running(create_app(engine, feedback_path=tmp_path / "f.jsonl")) as base:
        client = Client(base + "/", verbose=False)
        try:
            messages = client.predict("<script>alert('question')</script> " + PENS, "", [], api_name="/chat")[0]
        finally:
            client.close()
    html = " ".join(part["text"] for m in messages for part in m["content"])
    assert "&lt;script&gt;alert(&#x27;question&#x27;)" in html
    assert "30 pens" in html
    assert "<script" not in html.lower() and "<img" not in html.lower()

"""The HTTP API and the chat page's Gradio API, through real clients against a real server.

A server on a free port (uvicorn in a background thread) over an Engine built on the fixture
report with the HashEmbedder; requests with httpx and gradio_client. The slow test compares
/api/answer with Engine.answer() on the real report with the real model.
"""

from __future__ import annotations

import html
import base64
import json
from pathlib import Path

import httpx
import pytest

from askwef.serve.chat import FeedbackLog, chat_turn
from askwef.serve.render import plain_answer, render_answer, render_question
from askwef.serve.api import create_app, running
from askwef.serve.limits import MAX_BODY_BYTES, MAX_QUESTION_CHARS
from askwef.serve.middleware import parse_credentials
from askwef.types import Answer, Endnote, Passage, Quote
from conftest import fixture_engine


ANSWERED = "How much tidal resource does Exampleland hold?"
ABSTAINED = "What is the capital of France?"  # names a place the report never mentions


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    """The fixture report with the fake embedder; a low threshold so it both answers and abstains."""
    return fixture_engine(tmp_path_factory.mktemp("server"))


@pytest.fixture(scope="module")
def feedback_file(tmp_path_factory):
    return tmp_path_factory.mktemp("feedback") / "feedback.jsonl"


@pytest.fixture(scope="module")
def url(engine, feedback_file):
    with running(create_app(engine, feedback_path=feedback_file)) as base:
        assert httpx.get(base + "/healthz").status_code == 200
        yield base


@pytest.fixture(scope="module")
def http(url):
    with httpx.Client(base_url=url, timeout=60) as client:
        yield client


# --- the JSON API ----------------------------------------------------------------------------------

def test_healthz_reports_the_manifest(http, engine):
    response = http.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["manifest"] == engine.manifest
    assert body["build"]["state"] == "idle" and body["build"]["serving"]["corpus_sha256"] == engine.manifest["corpus_sha256"]


@pytest.mark.parametrize("question", [ANSWERED, ABSTAINED, "How much did costs fall between 2015 and 2024?"])
def test_answer_is_what_the_engine_answers(http, engine, question):
    response = http.post("/api/answer", json={"question": question})
    assert response.status_code == 200
    assert response.json() == engine.answer(question).to_dict()


def test_gradio_queue_keeps_few_events_and_never_summarises_them():
    import gradio as gr

    from askwef.serve.limits import GRADIO_ANALYTICS_EVENTS, quiet_gradio_analytics

    with gr.Blocks() as blocks:
        gr.Textbox()
    blocks.queue()
    quiet_gradio_analytics(blocks)
    queue = blocks._queue
    assert queue.ANALYTICS_MAX_EVENTS == GRADIO_ANALYTICS_EVENTS
    records = [{"time": 0.0, "status": "success", "process_time": 0.1, "function": "ask", "session_hash": "s"}] * 3
    queue.events_recorded = 3
    assert queue.compute_analytics_summary(records) == {"functions": {}}  # Gradio's default would summarise "ask"


def test_answer_has_quotes_endnotes_and_passages(http):
    body = http.post("/api/answer", json={"question": ANSWERED, "k": 3}).json()
    assert not body["abstained"] and body["text"]
    assert body["quotes"][0]["text"] in body["text"]
    assert {"text", "section", "page", "passage_id"} <= set(body["quotes"][0])
    assert body["endnotes"] and {"number", "reference", "url"} <= set(body["endnotes"][0])
    assert len(body["passages"]) == 3
    assert {"id", "text", "document", "section", "page", "endnotes", "score"} <= set(body["passages"][0])


def test_abstention_still_lists_passages(http):
    body = http.post("/api/answer", json={"question": ABSTAINED}).json()
    assert body["abstained"] and body["text"] == "" and body["quotes"] == []
    assert body["message"].startswith("The report does not ")
    assert body["passages"]


@pytest.mark.parametrize(
    "history",
    [
        [{"question": ANSWERED, "answer": "The coast of Exampleland holds 12 gigawatts of tidal resource."}],
        [{"role": "user", "content": ANSWERED}, {"role": "assistant", "content": "The coast of Exampleland holds 12 gigawatts."}],
    ],
)
def test_history_is_passed_on(http, engine, history):
    question = "and what about its costs?"
    body = http.post("/api/answer", json={"question": question, "history": history}).json()
    assert body == engine.answer(question, history=history).to_dict()


def test_within_restricts_to_a_section_and_its_subsections(http, engine):
    chapter = "1 Why tides matter"
    body = http.post("/api/answer", json={"question": "Who finances the projects?", "within": chapter}).json()
    assert body == engine.answer("Who finances the projects?", within=chapter).to_dict()
    assert body["passages"]
    assert all(p["section"] == chapter or p["section"].startswith(chapter + " > ") for p in body["passages"])


def test_search_is_what_the_engine_finds(http, engine):
    body = http.post("/api/search", json={"question": "turbine costs", "k": 3}).json()
    assert body == {"passages": [p.to_dict() for p in engine.search("turbine costs", 3)]}


def test_sections_list_the_values_within_accepts(http, engine):
    assert http.get("/api/sections").json() == {"sections": list(dict.fromkeys(engine.sections()))}


LONG = "x" * (MAX_QUESTION_CHARS + 1)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"question": ""},
        {"question": "   \n\t "},
        {"question": None},
        {"question": 42},
        {"question": ["a list"]},
        {"question": {"text": "a dict"}},
        {"question": LONG},
        {"question": ANSWERED, "k": 0},
        {"question": ANSWERED, "k": 101},
        {"question": ANSWERED, "k": -5},
        {"question": ANSWERED, "k": "5"},
        {"question": ANSWERED, "k": 2.5},
        {"question": ANSWERED, "k": True},
        {"question": ANSWERED, "within": 3},
        {"question": ANSWERED, "within": "No such chapter"},
        {"question": ANSWERED, "history": "not a list"},
        {"question": ANSWERED, "history": [{"role": "robot", "content": "hi"}]},
        {"question": ANSWERED, "history": [42]},
        {"question": ANSWERED, "history": [{"question": "q", "answer": "a"}] * 51},
        {"question": ANSWERED, "history": [{"question": LONG}]},
        {"question": ANSWERED, "unknown": 1},
        ["a", "list"],
        "just a string",
        None,
    ],
)
def test_bad_answer_requests_are_4xx_with_a_detail(http, body):
    response = http.post("/api/answer", json=body)
    assert 400 <= response.status_code < 500, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail


@pytest.mark.parametrize(
    "content, content_type",
    [
        (b"{not json", "application/json"),
        (b'{"question": "unterminated', "application/json"),
        (b"", "application/json"),
        (b"question=hi", "application/x-www-form-urlencoded"),
        ("\u00ff".encode("latin-1"), "application/json"),
    ],
)
def test_malformed_bodies_are_4xx(http, content, content_type):
    for path in ("/api/answer", "/api/search"):
        response = http.post(path, content=content, headers={"content-type": content_type})
        assert 400 <= response.status_code < 500, response.text
        assert isinstance(response.json()["detail"], str)


def test_messages_say_what_is_wrong(http):
    assert "empty" in http.post("/api/answer", json={"question": "  "}).json()["detail"]
    assert http.post("/api/answer", json={"question": ANSWERED, "k": 0}).json()["detail"].startswith("k:")
    assert "malformed JSON" in http.post("/api/answer", content=b"{", headers={"content-type": "application/json"}).json()["detail"]
    assert "No such chapter" in http.post("/api/answer", json={"question": ANSWERED, "within": "No such chapter"}).json()["detail"]


def test_bad_search_requests_are_4xx(http):
    for body in ({"question": " "}, {"question": ANSWERED, "k": 0}, {"question": ANSWERED, "mode": "magic"}, {"question": LONG}):
        response = http.post("/api/search", json=body)
        assert response.status_code == 422, response.text


def test_oversized_bodies_are_413(http):
    big = json.dumps({"question": "x" * (MAX_BODY_BYTES + 10)}).encode()
    assert http.post("/api/answer", content=big, headers={"content-type": "application/json"}).status_code == 413

    def chunks():  # no Content-Length: the limit is counted as the body streams in
        yield b'{"question": "'
        for _ in range(MAX_BODY_BYTES // 1024 + 2):
            yield b"y" * 1024
        yield b'"}'

    response = http.post("/api/answer", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "detail" in response.json()


def test_wrong_method_is_a_4xx_with_a_detail(http):
    response = http.get("/api/answer")  # falls through to the chat page's mount: 404 there
    assert response.status_code in (404, 405)
    assert response.json()["detail"]


def test_openapi_documents_the_routes(http):
    schema = http.get("/openapi.json").json()
    assert {"/api/answer", "/api/search", "/api/sections", "/healthz"} <= set(schema["paths"])
    request = schema["components"]["schemas"]["AnswerRequest"]
    assert request["required"] == ["question"]
    assert request["properties"]["question"]["maxLength"] == MAX_QUESTION_CHARS
    assert "AnswerOut" in schema["components"]["schemas"]
    assert "422" in schema["paths"]["/api/answer"]["post"]["responses"]


def test_the_chat_page_is_served(http):
    response = http.get("/")
    assert response.status_code == 200
    assert "<html" in response.text.lower()


# --- Gradio's own API, through gradio_client ---------------------------------------------------------

@pytest.fixture(scope="module")
def gradio(url):
    from gradio_client import Client

    return Client(url + "/", verbose=False)


def test_gradio_client_ask_matches_the_engine(gradio, engine):
    assert set(gradio.view_api(return_format="dict", print_info=False)["named_endpoints"]) >= {"/ask", "/search"}
    result = gradio.predict(ANSWERED, api_name="/ask")
    assert result == engine.answer(ANSWERED).to_dict()
    result = gradio.predict(question=ANSWERED, within="1 Why tides matter", k=2, api_name="/ask")
    assert result == engine.answer(ANSWERED, within="1 Why tides matter", k=2).to_dict()
    history = [{"question": ANSWERED, "answer": result["text"]}]
    result = gradio.predict(question="and what about its costs?", history=history, api_name="/ask")
    assert result == engine.answer("and what about its costs?", history=history).to_dict()


def test_gradio_client_search(gradio, engine):
    result = gradio.predict("turbine costs", 3, api_name="/search")
    assert result == {"passages": [p.to_dict() for p in engine.search("turbine costs", 3)]}


def test_gradio_client_gets_a_clear_error_for_a_blank_question(gradio):
    with pytest.raises(Exception, match="empty"):
        gradio.predict("   ", api_name="/ask")


# --- auth ---------------------------------------------------------------------------------------------

def _basic(user: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_basic_auth_guards_everything_but_healthz(engine, tmp_path):
    from gradio_client import Client

    with running(create_app(engine, auth="alice:s3cret:with:colons", feedback_path=tmp_path / "f.jsonl")) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            assert client.get("/healthz").status_code == 200
            for path in ("/", "/openapi.json", "/api/sections", "/config", "/gradio_api/info"):
                response = client.get(path)
                assert response.status_code == 401, path
                assert response.headers["www-authenticate"].startswith("Basic")
            assert client.post("/api/answer", json={"question": ANSWERED}).status_code == 401
            assert client.post("/api/answer", json={"question": ANSWERED}, headers=_basic("alice", "wrong")).status_code == 401
            assert client.post("/api/answer", json={"question": ANSWERED}, headers=_basic("bob", "s3cret:with:colons")).status_code == 401
            good = _basic("alice", "s3cret:with:colons")
            assert client.post("/api/answer", json={"question": ANSWERED}, headers=good).status_code == 200
            assert client.get("/", headers=good).status_code == 200
        gradio = Client(base + "/", headers=good, verbose=False)
        assert gradio.predict(ANSWERED, api_name="/ask") == engine.answer(ANSWERED).to_dict()


@pytest.mark.parametrize("value, expected", [(None, None), ("", None), ("u:p", ("u", "p")), ("u:p:q", ("u", "p:q"))])
def test_parse_credentials(value, expected):
    assert parse_credentials(value) == expected


@pytest.mark.parametrize("value", ["nocolon", ":p", "u:"])
def test_parse_credentials_refuses_half_a_pair(value):
    with pytest.raises(ValueError):
        parse_credentials(value)


# --- app.py: defaults ---------------------------------------------------------------------------------

def test_app_binds_localhost_7860_by_default(monkeypatch, engine):
    import importlib.util

    import uvicorn

    import askwef.serve.api as server

    calls = {}
    monkeypatch.setattr(server.Engine, "load", classmethod(lambda cls, settings=None, **kw: engine))
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.update(kw))
    monkeypatch.delenv("ASKWEF_AUTH", raising=False)
    spec = importlib.util.spec_from_file_location("askwef_app", Path(__file__).resolve().parents[2] / "app.py")
    app_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(app_module)
    assert app_module.main([]) == 0
    assert calls["host"] == "127.0.0.1" and calls["port"] == 7860
    assert app_module.main(["--host", "0.0.0.0", "--port", "8000"]) == 0
    assert calls["host"] == "0.0.0.0" and calls["port"] == 8000


def test_app_refuses_a_malformed_auth_setting(monkeypatch, capsys):
    import importlib.util

    monkeypatch.setenv("ASKWEF_AUTH", "no-colon-here")
    spec = importlib.util.spec_from_file_location("askwef_app", Path(__file__).resolve().parents[2] / "app.py")
    app_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(app_module)
    assert app_module.main([]) == 1
    assert "ASKWEF_AUTH" in capsys.readouterr().err


# --- the chat turn and its rendering (no server) ----------------------------------------------------

def test_chat_turn_passes_previous_answers_as_history(engine):
    messages, answers, _, _ = chat_turn(engine, ANSWERED, "", [], [])
    follow_up = "and what about its costs?"
    messages, answers, copy, box = chat_turn(engine, follow_up, "", messages, answers)
    expected = engine.answer(follow_up, history=[engine.answer(ANSWERED)])
    assert answers[-1] == expected
    assert len(messages) == 4 and [m["role"] for m in messages] == ["user", "assistant"] * 2
    assert copy == plain_answer(expected) and box == ""


def test_chat_turn_ignores_a_blank_question(engine):
    messages, answers, _, box = chat_turn(engine, "   ", "", [], [])
    assert messages == [] and answers == [] and box == "   "


def test_chat_turn_uses_the_filter(engine):
    _, answers, _, _ = chat_turn(engine, "Who finances the projects?", "1 Why tides matter", [], [])
    assert answers[0] == engine.answer("Who finances the projects?", within="1 Why tides matter")


def _hostile_answer() -> Answer:
    evil = '<script>window.__pwned=1</script> & <img src=x onerror="alert(1)"> *bold* [x](javascript:alert(2))'
    quote = Quote(text=evil, passage_id="p1", document="d.md", section="A <b>chapter</b> > Sub", page=3, start=0, end=len(evil), endnotes=(1, 2))
    passage = Passage(id="p1", text=evil + "\n\nsecond paragraph", document="d.md", section=quote.section, page=3, endnotes=(1, 2), score=0.5)
    notes = (
        Endnote(1, "Ref <i>one</i>", "javascript:alert(3)"),
        Endnote(2, "Ref two", 'https://example.org/a?b=1&c="><script>x</script>'),
        Endnote(3, "Ref three", "https://example.org/fine_path"),
    )
    return Answer(question="q <script>", text=evil, quotes=(quote,), endnotes=notes, passages=(passage,), confidence=0.9)


def test_rendered_answer_escapes_everything_from_text():
    html_out = render_answer(_hostile_answer(), turn=4)
    assert "<script" not in html_out and "<img" not in html_out and "<b>" not in html_out and "<i>" not in html_out
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html_out
    assert 'href="javascript' not in html_out
    assert html_out.count('target="_blank" rel="noopener noreferrer"') == 1  # only the clean http(s) URL is a link
    assert 'href="https://example.org/fine_path"' in html_out
    assert "\n" not in html_out  # one line: markdown never reinterprets it


def test_rendered_answer_links_endnotes_to_the_reference_list():
    html_out = render_answer(_hostile_answer(), turn=4)
    assert '<blockquote class="askwef-quote">' in html_out
    assert 'href="#askwef-t4-n1"' in html_out and 'id="askwef-t4-n1"' in html_out
    assert "d.md · A &lt;b&gt;chapter&lt;/b&gt; › Sub, p. 3" in html_out
    assert "<details" in html_out and "score 0.500" in html_out


def test_rendered_answer_bolds_the_short_answer_once_and_shows_its_context():
    quotes = (
        Quote("By 2030 the plan aims at 10 trillion yuan.", "p1", "r.md", "2 Targets", 5, 0, 40, (), "Blueprint to Action", 2025),
        Quote("Related sectors reach 10 trillion yuan too.", "p1", "r.md", "2 Targets", 5, 41, 80),
    )
    answer = Answer(question="q", text=" ".join(q.text for q in quotes), quotes=quotes, confidence=0.9,
                    span="10 trillion yuan", context="Case study <Envision>")
    html_out = render_answer(answer, turn=0)
    assert html_out.count('<strong class="askwef-span">10 trillion yuan</strong>') == 1
    assert html_out.index("askwef-span") < html_out.index("Related sectors")
    assert '<p class="askwef-context">Case study &lt;Envision&gt;</p>' in html_out
    assert "— Blueprint to Action (2025) · 2 Targets, p. 5" in html_out and "— r.md · 2 Targets, p. 5" in html_out
    text = plain_answer(answer)
    assert "A: 10 trillion yuan" in text and "(Case study <Envision>)" in text


def test_rendered_quotes_from_two_places_each_stand_above_their_own_source():
    quotes = (
        Quote("Costs fell by 40%.", "p1", "r.md", "2 Costs", 5, 0, 18, (3,)),
        Quote("Tides are steady.", "p2", "r.md", "1 Tides", 2, 0, 17, (1,)),
    )
    html_out = render_answer(Answer(question="q", text=" ".join(q.text for q in quotes), quotes=quotes, confidence=0.9), turn=0)
    assert html_out.count('<blockquote class="askwef-quote">') == 2
    first, second = html_out.index("Costs fell"), html_out.index("Tides are steady")
    assert first < html_out.index("— r.md · 2 Costs, p. 5") < second < html_out.index("— r.md · 1 Tides, p. 2")
    # copied as text: each run of quotes, then its place once
    assert plain_answer(Answer(question="q", text="", quotes=quotes)).splitlines()[2:] == [
        "“Costs fell by 40%.” [3]", "  — r.md · 2 Costs, p. 5", "“Tides are steady.” [1]", "  — r.md · 1 Tides, p. 2"]


def test_rendered_figure_lines_stand_one_under_another_in_one_quote():
    lines = tuple(Quote(t, "p3", "r.md", "3 Uses", 7, 0, len(t)) for t in ("FIGURE 2", "Top sectors by demand", "Shipping"))
    answer = Answer(question="what does figure 2 show?", text="", quotes=lines, about="part")
    assert '<blockquote class="askwef-quote"><p>“FIGURE 2<br>Top sectors by demand<br>Shipping”</p></blockquote>' in render_answer(answer, turn=0)
    assert plain_answer(answer).splitlines()[2:] == ["“FIGURE 2”", "“Top sectors by demand”", "“Shipping”", "  — r.md · 3 Uses, p. 7"]


def test_rendered_abstention_says_so_and_opens_the_passages():
    answer = Answer(question="q", text="", passages=_hostile_answer().passages, abstained=True, message="The report does not seem to answer this.")
    html_out = render_answer(answer, turn=0)
    assert "does not seem to cover this" in html_out
    assert "<details class=\"askwef-passages\" open>" in html_out
    assert "<blockquote" not in html_out


def test_rendered_question_of_which_report_lists_them_without_abstaining():
    message = "Which report do you mean? This library holds 2 reports:\n1. <Tidal> (2025)\n2. Wind Notes"
    answer = Answer(question="who wrote this report?", text="", abstained=True, message=message, about="clarify")
    html_out = render_answer(answer, turn=0)
    assert "1. &lt;Tidal&gt; (2025)<br>2. Wind Notes" in html_out
    assert "does not seem to cover this" not in html_out and "askwef-passages" not in html_out
    assert plain_answer(answer) == f"Q: who wrote this report?\n{message}"


def test_rendered_question_is_escaped():
    assert render_question("<img src=x onerror=alert(1)>") == '<p class="askwef-question">&lt;img src=x onerror=alert(1)&gt;</p>'


def test_plain_answer_carries_the_citations():
    text = plain_answer(_hostile_answer())
    assert "— d.md · A <b>chapter</b> › Sub, p. 3" in text
    assert "[3] Ref three https://example.org/fine_path" in text


def test_feedback_is_one_json_line_per_vote(tmp_path):
    log = FeedbackLog(tmp_path / "sub" / "feedback.jsonl")
    log.record(_hostile_answer(), "helpful")
    log.record(_hostile_answer(), "not helpful", within="A")
    lines = [json.loads(line) for line in (tmp_path / "sub" / "feedback.jsonl").read_text().splitlines()]
    assert [entry["vote"] for entry in lines] == ["helpful", "not helpful"]
    assert set(lines[0]) >= {"time", "question", "answer", "sections", "vote"}
    assert lines[0]["sections"] == ["A <b>chapter</b> > Sub"] and lines[1]["within"] == "A"
    with pytest.raises(ValueError):
        log.record(_hostile_answer(), "meh")


def test_feedback_path_comes_from_the_environment(monkeypatch, tmp_path):
    from askwef.serve.chat import feedback_path

    monkeypatch.setenv("ASKWEF_FEEDBACK", str(tmp_path / "votes.jsonl"))
    assert feedback_path() == tmp_path / "votes.jsonl"
    monkeypatch.delenv("ASKWEF_FEEDBACK")
    assert feedback_path() == Path("feedback.jsonl")


# --- the real report ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_api_matches_the_engine_on_the_real_report(real_engine):
    questions = [
        "How many green data centres have been established in China?",
        "What accuracy did the State Grid load forecasting system achieve?",
    ]
    with running(create_app(real_engine, mount_chat=False)) as base:
        for question in questions:
            response = httpx.post(base + "/api/answer", json={"question": question}, timeout=120)
            assert response.status_code == 200
            body = response.json()
            assert body == real_engine.answer(question).to_dict()
        assert "246 green data centres" in httpx.post(base + "/api/answer", json={"question": questions[0]}, timeout=120).json()["text"]


def test_a_bug_is_still_a_json_500(http, engine, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "answer", broken)
    response = http.post("/api/answer", json={"question": ANSWERED})
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error (RuntimeError)"}


# --- read in context -----------------------------------------------------------------------------------


def test_a_citation_opens_its_section_with_the_sentence_highlighted(url, engine):
    from askwef.serve.read import context_url

    answer = engine.answer(ANSWERED)
    quote = answer.quotes[0]
    page = httpx.get(url + context_url(quote))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f'<mark id="quote">{html.escape(quote.text)}</mark>' in page.text
    assert html.escape(quote.section.split(" > ")[-1]) in page.text
    section_passages = [p for p in engine.store.passages if p.document == quote.document and p.section == quote.section]
    assert all(html.escape(p.text[:40]) in page.text for p in section_passages)  # the whole section, not just the quote
    others = [p for p in engine.store.passages if p.section != quote.section and len(p.text) > 60]
    assert not any(html.escape(p.text[:60]) in page.text for p in others)


def test_the_chat_answer_links_each_citation_to_its_context(engine):
    from askwef.serve.render import render_answer

    rendered = render_answer(engine.answer(ANSWERED), turn=0)
    assert 'class="askwef-read" href="/read?doc=' in rendered and "read in context" in rendered


@pytest.mark.parametrize("query", [
    {"doc": "mini-report.md", "passage": "0" * 16},
    {"doc": "../../etc/passwd", "passage": "0" * 16},
    {"doc": "/etc/passwd", "passage": "../manifest.json"},
    {"doc": "other.md", "passage": None},  # a real passage of another document
])
def test_read_serves_only_indexed_passages(url, engine, query):
    if query["passage"] is None:
        query = dict(query, passage=engine.store.passages[0].id)
    response = httpx.get(url + "/read", params=query)
    assert response.status_code == 404 and "no such document" in response.json()["detail"]
    assert httpx.get(url + "/read", params={"doc": "x", "passage": "y", "start": -1}).status_code == 422


def test_a_pdf_citation_opens_its_printed_page(tmp_path):
    from pdfgen import report_pdf

    from askwef.engine import Engine
    from askwef.serve.read import context_url, render_context
    from askwef.settings import Settings
    from askwef.embed import HashEmbedder
    from conftest import MINI_REPORT

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "mini.pdf").write_bytes(report_pdf(MINI_REPORT))
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index" / "current", abstain_threshold=0.05)
    engine = Engine.load(settings, embedder=HashEmbedder(), log=lambda *_: None)
    assert engine.store.documents[0].source == "pdf"
    quote = engine.answer("How many pens does SeaFarm run?").quotes[0]
    page = render_context(engine.store, quote.document, quote.passage_id, quote.start, quote.end)
    assert page is not None and f"Page {quote.page}" in page and '<mark id="quote">' in page
    shown = [p for p in engine.store.passages if html.escape(p.text) in page or p.id == quote.passage_id]
    assert shown and all(p.page == quote.page for p in shown)
    assert context_url(quote).startswith("/read?doc=mini.pdf&")


def test_the_filter_lists_each_report_of_a_library(tmp_path):
    from askwef.serve.chat import section_choices

    from conftest import fixture_engine

    extra = "# Wind Notes 2021\n\n## 1 Offshore\n\nOffshore wind grew fast in the test year.\n"
    engine = fixture_engine(tmp_path, {"wind-notes.md": extra})
    choices = section_choices(engine)
    reports = [(label, value) for label, value in choices if label.startswith("Report: ")]
    assert [v for _, v in reports] == [d.name for d in engine.store.documents] and len(reports) == 2
    name = next(v for _, v in reports if "wind" in v)
    assert all(p.document == name for p in engine.search("offshore wind", within=name))


def test_a_serving_process_runs_the_model_blas_and_openmp_on_its_threads():
    import torch
    from threadpoolctl import threadpool_info, threadpool_limits

    from askwef.serve.limits import TORCH_THREADS, limit_threads

    before = torch.get_num_threads()
    try:
        with threadpool_limits(limits=None):  # puts the pools back as they were on exit
            limit_threads()
            pools = threadpool_info()
            assert pools and all(p["num_threads"] == TORCH_THREADS for p in pools)
            assert torch.get_num_threads() == TORCH_THREADS
    finally:
        torch.set_num_threads(before)


def test_the_load_test_compares_one_processs_batch_counts(monkeypatch):
    """With several workers /healthz reaches any of them: the count after the load is taken from the process that gave
    the count before (another's had made a mean batch of 1.0)."""
    from askwef.serve import cost

    answers = iter([{"batches": 900, "questions": 900, "process": 2}, {"batches": 120, "questions": 960, "process": 1}])
    monkeypatch.setattr(cost, "encoding", lambda url, timeout: next(answers))
    assert cost.encoding_of({"batches": 20, "questions": 160, "process": 1}, "http://x", 1.0)["questions"] == 960
    monkeypatch.setattr(cost, "encoding", lambda url, timeout: {"batches": 5, "questions": 5, "process": 3})
    assert cost.encoding_of({"batches": 20, "questions": 160, "process": 1}, "http://x", 1.0) is None
    assert cost.encoding_of(None, "http://x", 1.0) is None

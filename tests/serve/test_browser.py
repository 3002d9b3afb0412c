"""The chat page in a real headless Chromium (Playwright, sync API) against a real server.

The corpus is the fixture report plus a hostile document whose text holds a <script> and an
<img onerror>: they must show as text and never run. Screenshots go to artifacts/browser/.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from askwef.serve.screenshot import CHROMIUM, ask_in_page, launch_chromium
from askwef.serve.api import create_app, running
from conftest import fixture_engine

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"

ANSWERED = "How much tidal resource does Exampleland hold?"
ABSTAINED = "What is the capital of France?"
HOSTILE_QUESTION = "How do wave farms store energy in hidden tanks?"

# Entities and backslashes so the markdown reader keeps the tags as literal text in the report.
HOSTILE_DOC = r"""# Evil Waves: A Hostile Report

# Contents

Foreword	2
Endnotes	3

# Foreword

Wave farms store energy in &lt;script&gt;window.\_\_pwned=1&lt;/script&gt; hidden tanks.<sup>1</sup> Wave farms also show &lt;img src=x onerror="window.\_\_pwned=2"&gt; pictures of the sea.<sup>2</sup>

# Endnotes

1. Evil Corp. (2024). *&lt;b onmouseover="window.\_\_pwned=4"&gt;Tanks&lt;/b&gt;*. <https://example.org/tanks>.
2. Evil Corp. (2024). *Pictures*. <https://example.org/x?a=1&b="><script>window.__pwned=6</script>>.
"""

EXAMPLES = ("How much did costs fall between 2015 and 2024?", ANSWERED)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return fixture_engine(tmp_path_factory.mktemp("browser"), {"evil-report.md": HOSTILE_DOC})


@pytest.fixture(scope="module")
def feedback_file(tmp_path_factory):
    return tmp_path_factory.mktemp("votes") / "feedback.jsonl"


@pytest.fixture(scope="module")
def url(engine, feedback_file):
    with running(create_app(engine, feedback_path=feedback_file, examples=EXAMPLES)) as base:
        assert httpx.get(base + "/healthz").status_code == 200
        yield base


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, url):
    """A fresh page (a fresh Gradio session) that records any request leaving this server."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: page.outside.append(r.url) if not r.url.startswith((url, "data:", "blob:")) else None)
    page.goto(url + "/")
    page.locator("#askwef-question textarea").wait_for()
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_answer_shows_quote_source_endnotes_and_passages(page, engine):
    expected = engine.answer(ANSWERED)
    assert not expected.abstained and expected.endnotes, "the fixture question should be answered with an endnote"
    ask_in_page(page, ANSWERED)
    reply = page.locator(".askwef-answer").last

    quote = reply.locator("blockquote.askwef-quote").first
    assert expected.quotes[0].text in quote.inner_text()
    source = reply.locator(".askwef-source").first.inner_text()
    assert expected.quotes[0].section.split(" > ")[-1] in source and f"p. {expected.quotes[0].page}" in source.replace("\xa0", " ")

    # the superscript links to its entry in the reference list under the answer
    marker = quote.locator("sup a").first
    target = marker.get_attribute("href")
    assert target.startswith("#")
    entry = page.locator(target)
    note = expected.endnotes[0]
    assert note.reference.split(".")[0] in entry.inner_text()
    link = entry.locator("a")
    assert link.get_attribute("href") == note.url
    assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")
    marker.click()
    assert page.url.endswith(target)

    # the collapsible panel of supporting passages, closed until opened
    panel = reply.locator("details.askwef-passages")
    assert panel.get_attribute("open") is None
    panel.locator("summary").click()
    assert panel.get_attribute("open") is not None
    first = panel.locator("li").first
    assert first.is_visible()
    where = first.locator(".askwef-passage-where").inner_text()
    assert expected.passages[0].section.split(" > ")[-1] in where and "score" in where

    copy = page.locator("#askwef-copy textarea").input_value()
    assert expected.quotes[0].text in copy and note.reference in copy

    shot(page, "answer")
    assert page.outside == [], f"the page fetched from outside: {page.outside}"


def test_abstention_is_plain_and_lists_the_closest_passages(page, engine):
    assert engine.answer(ABSTAINED).abstained
    ask_in_page(page, ABSTAINED)
    reply = page.locator(".askwef-answer").last
    assert "does not seem to cover this" in reply.inner_text()
    assert reply.locator("blockquote").count() == 0
    panel = reply.locator("details.askwef-passages")
    assert panel.get_attribute("open") is not None and panel.locator("li").first.is_visible()
    shot(page, "abstention")


def test_a_greeting_gets_how_to_ask_not_an_abstention(page, engine):
    ask_in_page(page, "hi")
    reply = page.locator(".askwef-answer").last
    text = reply.inner_text()
    assert "I answer questions about" in text and "does not seem to cover this" not in text
    assert reply.locator("blockquote").count() == 0 and reply.locator("details.askwef-passages").count() == 0


def test_follow_up_uses_the_previous_answer(page, engine):
    follow_up = "and what about its costs?"
    ask_in_page(page, ANSWERED)
    page.locator("#askwef-question textarea").fill(follow_up)
    page.locator("#askwef-question textarea").press("Enter")  # Enter sends, like the button
    page.locator(".askwef-answer").nth(1).wait_for()
    expected = engine.answer(follow_up, history=[engine.answer(ANSWERED)])
    reply = page.locator(".askwef-answer").nth(1)
    if expected.abstained:
        assert "does not seem to cover this" in reply.inner_text()
    else:
        assert expected.quotes[0].text in " ".join(reply.locator("blockquote").all_inner_texts())
    # anchors stay unique across turns
    ids = page.locator(".askwef-refs li").evaluate_all("els => els.map(e => e.id)")
    assert len(ids) == len(set(ids))


def test_a_list_of_parts_is_a_numbered_list_and_the_second_one_follows_it(page, engine):
    ask_in_page(page, "list the case studies")
    reply = page.locator(".askwef-answer").last
    items = reply.locator("ol.askwef-list > li")
    assert items.count() == 2
    assert items.nth(0).locator("strong").inner_text().startswith("CASE STUDY 1: Harbour Works")
    assert "SeaFarm runs 30 pens on tidal power in North Bay." in items.nth(1).inner_text()
    assert items.nth(1).locator("a.askwef-read").count() == 1
    page.locator("#askwef-question textarea").fill("tell me more about the second one")
    page.locator("#askwef-question textarea").press("Enter")
    page.locator(".askwef-answer").nth(1).wait_for()
    assert "SeaFarm" in " ".join(page.locator(".askwef-answer").nth(1).locator("blockquote").all_inner_texts())


def test_a_question_naming_two_reports_shows_each_one_s_answer_under_its_title(page, engine):
    question = "How do the tidal outlook report and the Evil Waves report compare on storing energy?"
    expected = engine.answer(question)
    assert expected.about == "comparison" and [a.abstained for a in expected.reports] == [False, False]
    ask_in_page(page, question)
    reply = page.locator(".askwef-answer").last
    assert reply.locator(".askwef-context").first.inner_text().startswith("Asked of each of 2 reports; 2 of them answer")
    titles = reply.locator(".askwef-report")
    assert [titles.nth(i).inner_text() for i in range(titles.count())] == ["Tidal Power Outlook: A Test Report (2025)",
                                                                          "Evil Waves: A Hostile Report"]
    # a blockquote per run of quotes from one place, each report's under its title
    texts = reply.locator("blockquote").all_inner_texts()
    first = len(expected.reports[0].runs())
    assert len(texts) == sum(len(sub.runs()) for sub in expected.reports)
    assert any("Cranes run on stored tidal energy at night." in t for t in texts[:first])
    assert any("<script>window.__pwned=1</script>" in t for t in texts[first:])  # shown as text, never run
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "comparison")


def test_source_and_tell_me_more_answer_from_the_last_answer(page, engine):
    ask_in_page(page, ANSWERED)
    first = engine.answer(ANSWERED)
    for turn, n in (("what's the source for that?", 1), ("tell me more", 2)):
        page.locator("#askwef-question textarea").fill(turn)
        page.locator("#askwef-question textarea").press("Enter")
        page.locator(".askwef-answer").nth(n).wait_for()
    replies = page.locator(".askwef-answer")
    source = replies.nth(1)
    cited = ", ".join(str(e.number) for e in first.endnotes)
    assert f"cite endnote{'s' if len(first.endnotes) > 1 else ''} {cited}" in source.locator(".askwef-context").inner_text()
    assert first.quotes[0].text in " ".join(source.locator("blockquote").all_inner_texts())
    assert source.locator("ol.askwef-refs li").count() == len(first.endnotes)
    more = engine.answer("tell me more", history=[first])
    assert more.quotes and more.quotes[0].text in " ".join(replies.nth(2).locator("blockquote").all_inner_texts())
    assert "what follows the last answer" in replies.nth(2).locator(".askwef-meta").inner_text()


def test_filter_restricts_answers_to_a_chapter(page, engine):
    chapter = "2 Sectors adopting tidal power"
    dropdown = page.locator("#askwef-within input")
    dropdown.click()
    page.get_by_role("option", name=chapter, exact=True).click()
    assert dropdown.input_value() == chapter
    ask_in_page(page, ANSWERED)
    expected = engine.answer(ANSWERED, within=chapter)
    reply = page.locator(".askwef-answer").last
    for p in expected.passages:
        assert p.section == chapter or p.section.startswith(chapter + " > ")
    if expected.quotes:
        assert expected.quotes[0].text in " ".join(reply.locator("blockquote").all_inner_texts())
    else:
        assert "does not seem to cover this" in reply.inner_text()


def test_example_button_asks_and_votes_are_logged(page, feedback_file):
    page.get_by_role("button", name=EXAMPLES[0]).click()
    page.locator(".askwef-answer").first.wait_for()
    assert EXAMPLES[0] in page.locator(".askwef-question").first.inner_text()
    before = feedback_file.read_text().splitlines() if feedback_file.exists() else []
    page.locator("#askwef-unhelpful").click()
    page.locator("#askwef-status").get_by_text("recorded").wait_for()
    lines = feedback_file.read_text().splitlines()
    assert len(lines) == len(before) + 1
    entry = json.loads(lines[-1])
    assert entry["question"] == EXAMPLES[0] and entry["vote"] == "not helpful"
    assert {"time", "answer", "sections"} <= set(entry)


def test_planted_script_in_the_report_is_shown_as_text_not_run(page, engine):
    answer = engine.answer(HOSTILE_QUESTION)
    assert "<script>window.__pwned=1</script>" in answer.text, "the hostile text should survive ingestion"
    # no digit in what is appended: a number the question gives that the quote lacks rules the answer out
    asked = HOSTILE_QUESTION + ' <img src=x onerror="window.__pwned=true"><script>window.__pwned=null</script>'
    ask_in_page(page, asked)
    page.locator(".askwef-passages summary").last.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    chat = page.locator("#askwef-chat")
    text = chat.inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert '<b onmouseover="window.__pwned=4">Tanks</b>' in text
    assert '<img src=x onerror="window.__pwned=true">' in text  # the question, echoed as text
    assert chat.locator("script").count() == 0
    assert chat.locator("img[src='x']").count() == 0
    assert chat.locator("b[onmouseover]").count() == 0
    # the endnote URL with a quote in it is shown, not linked
    assert chat.locator("a[href*='example.org/x']").count() == 0
    shot(page, "hostile")


def test_basic_auth_in_the_browser(browser, engine, tmp_path):
    with running(create_app(engine, auth="staff:hunter2", feedback_path=tmp_path / "f.jsonl", examples=EXAMPLES)) as base:
        from playwright.sync_api import Error as PlaywrightError

        anonymous = browser.new_context()
        try:  # headless Chromium turns an unanswered Basic challenge into a navigation error
            assert anonymous.new_page().goto(base + "/").status == 401
        except PlaywrightError as exc:
            assert "AUTH" in str(exc)
        anonymous.close()
        context = browser.new_context(http_credentials={"username": "staff", "password": "hunter2"})
        page = context.new_page()
        page.goto(base + "/")
        ask_in_page(page, ANSWERED)
        assert engine.answer(ANSWERED).quotes[0].text in page.locator("blockquote").first.inner_text()
        context.close()

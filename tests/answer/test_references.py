"""Answers quoting author-date citations ("(OECD, 2022[3])") give the works they cite: `Answer.references`
(compose.references_for), in the CLI, the chat, the API's JSON and the reply to "source?" (meta.py)."""

from __future__ import annotations


import pytest

from conftest import OECD_PDF as OECD, real_pdf_engine

from askwef.serve.render import plain_answer, render_answer


pytestmark = [pytest.mark.slow, pytest.mark.skipif(not OECD.exists(), reason="the real OECD review is not here")]


@pytest.fixture(scope="module")
def oecd_engine(tmp_path_factory):
    return real_pdf_engine(tmp_path_factory.mktemp("oecd"), OECD)


def test_an_answer_gives_the_works_its_quote_cites_by_author_and_date(oecd_engine):
    answer = oecd_engine.answer("how many complaints did the palestinian anti-corruption commission receive in 2021?")
    assert "886 complaints" in answer.text and "(Palestinian Anti-Corruption Commission, 2020[8])" in answer.text
    work = next(e for e in answer.references if e.number == 8)
    assert work.reference.startswith("Palestinian Anti-Corruption Commission (2020), “The National Cross-Sectoral Strategy")
    assert work.scope.startswith("1 Context for Public Administration Reform")
    assert all(e.number != 8 or e.reference != work.reference for e in answer.endnotes)  # not taken for chapter 1's note 8
    page = render_answer(answer, 0)
    assert "Works cited (by author and date)" in page and "The National Cross-Sectoral Strategy" in page
    # the citation's number in the quote links to its entry among the works cited
    position = [e.number for e in answer.references].index(8)
    assert f'2020<a href="#askwef-t0-w{position}" title="Works cited, 8">[8]</a>)' in page and f'<li id="askwef-t0-w{position}" value="8">' in page
    assert "Works cited (by author and date):\n[8] Palestinian Anti-Corruption Commission (2020)" in plain_answer(answer)
    assert answer.to_dict()["references"][0]["number"] == 8


def test_source_names_the_works_the_last_answer_cites(oecd_engine):
    first = oecd_engine.answer("how many complaints did the palestinian anti-corruption commission receive in 2021?")
    reply = oecd_engine.answer("source?", history=[first])
    assert reply.about == "sources" and [e.number for e in reply.references] == [e.number for e in first.references]
    assert "by author and date" in reply.context


def test_the_api_returns_the_works_cited(oecd_engine):
    import httpx

    from askwef.serve.api import create_app, running

    asked = {"question": "how many complaints did the palestinian anti-corruption commission receive in 2021?"}
    with running(create_app(oecd_engine, mount_chat=False, refresh=False)) as url:
        body = httpx.post(url + "/api/answer", json=asked).json()
    assert any(r["number"] == 8 and r["reference"].startswith("Palestinian Anti-Corruption Commission (2020)") for r in body["references"])

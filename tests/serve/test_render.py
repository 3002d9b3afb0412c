"""serve/render.py: the works a quote cites by author and date, listed apart from its endnotes and linked from the quote."""

from __future__ import annotations

from askwef.serve.render import plain_answer, render_answer
from askwef.types import Answer, Endnote, Quote


def test_a_quotes_author_date_citations_link_to_the_works_cited_of_its_own_chapter():
    text = "Wages grew (World Bank, 2022[3]; OECD, 2020[9])."
    quote = Quote(text, "p1", "review.pdf", "1 Context > Wages", 17, 0, len(text))
    works = (Endnote(3, "World Bank (2022), Wage Bill.", "https://example.org/wage", "1 Context"),
             Endnote(9, "OECD (2020), Policy Framework.", "", "2 Review"))  # another chapter's list: not this quote's [9]
    answer = Answer("q", text, quotes=(quote,), references=works, confidence=0.9)
    page = render_answer(answer, 4)
    assert '2022<a href="#askwef-t4-w0" title="Works cited, 3">[3]</a>;' in page and "2020[9])" in page
    assert '<p class="askwef-works-head">Works cited (by author and date)</p>' in page
    assert '<li id="askwef-t4-w0" value="3">World Bank (2022), Wage Bill. <a href="https://example.org/wage"' in page
    assert plain_answer(answer).endswith("Works cited (by author and date):\n[3] World Bank (2022), Wage Bill. https://example.org/wage\n"
                                         "[9] OECD (2020), Policy Framework.")


def test_an_answer_citing_no_work_shows_no_works_list():
    quote = Quote("Costs fell by 40% [7].", "p1", "r.md", "2 Costs", 5, 0, 22)
    page = render_answer(Answer("q", quote.text, quotes=(quote,), endnotes=(Endnote(7, "A note."),), confidence=0.9), 0)
    assert "Works cited" not in page and "[7]." in page

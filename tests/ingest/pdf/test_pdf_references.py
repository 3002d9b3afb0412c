"""Reference lists (`ingest/pdf/references.py`) and the author-date citations that cite them (`types.cited_entries`)."""

from __future__ import annotations

from askwef.ingest.pdf.layout import Line
from askwef.ingest.pdf.notes import read_notes
from askwef.ingest.pdf.references import reference_entries
from askwef.ingest.text import title_key
from askwef.types import Endnote, cited_entries, cited_references


def _line(text: str, y: float, page: int = 0, x0: float = 71.0, size: float = 10.0, role: str = "") -> Line:
    return Line(page=page, x0=x0, x1=480.0, y=y, size=size, bold=False, text=text, role=role)


def test_numbers_printed_above_their_entries_open_them():
    """The OECD review's layout: "[n]" at the right margin a little above its entry's first line, so read before it."""
    lines = [_line("[2]", 471, x0=521, size=8, role="figure"), _line("European Commission (2019), “JOINT EUROPEAN ROADMAP FOR", 468),
             _line("ENGAGEMENT WITH CIVIL SOCIETY”.", 455, x0=85), _line("[6]", 436, x0=521, size=8, role="figure"),
             _line("International Monetary Fund (2023), West Bank and Gaza, https://www.imf.org/en/Publications/CR/Issues/2023/09/12/West-", 433),
             _line("Bank-and-Gaza-539149.", 420, x0=85), _line("OECD PUBLIC GOVERNANCE REVIEWS", 30, role="furniture")]
    entries, where = reference_entries(lines, frozenset())
    assert [(e.number, e.reference) for e in entries] == [
        (2, "European Commission (2019), “JOINT EUROPEAN ROADMAP FOR ENGAGEMENT WITH CIVIL SOCIETY”."),
        (6, "International Monetary Fund (2023), West Bank and Gaza,")]
    assert entries[1].url == "https://www.imf.org/en/Publications/CR/Issues/2023/09/12/West-Bank-and-Gaza-539149"
    assert [l.text[:8] for l in where[6]] == ["Internat", "Bank-and"]  # the lines whose link annotations give the URL


def test_numbers_printed_after_their_entries_close_them():
    """Another layout: the number after its entry, on a line of its own or closing the entry's last line. An entry with no
    number is not kept (nothing can cite it); a number given twice keeps its first entry."""
    lines = [_line("OECD (2018), Toolkit for the preparation of public", 500), _line("administration reform strategies.", 487, x0=85),
             _line("[3]", 487, x0=521), _line("Palestinian Authority (2018), “Guidelines on Public Consultation”. [5]", 470),
             _line("World Bank (2022), A work cited by no number.", 455),
             _line("[4]", 440, x0=521), _line("OECD (2011), Regulatory Consultation. [5]", 420)]
    entries, _ = reference_entries(lines, frozenset())
    assert [(e.number, e.reference) for e in entries] == [
        (3, "OECD (2018), Toolkit for the preparation of public administration reform strategies."),
        (5, "Palestinian Authority (2018), “Guidelines on Public Consultation”."),
        (4, "World Bank (2022), A work cited by no number.")]


def test_each_chapters_reference_list_is_its_own_and_apart_from_its_notes():
    def heading(text, y, page):
        line = _line(text, y, page, size=20.0)
        line.role = "heading"
        return line

    lines = [heading("Context for Reform", 700, 0), _line("Body (OECD, 2022[1]).", 650, 0),
             heading("References", 600, 0), _line("[1]", 583, 0, x0=521), _line("OECD (2022), Rule of Law.", 580, 0),
             heading("Review of the Framework", 700, 1), _line("Body (OECD, 2018[1]).", 650, 1),
             heading("References", 600, 1), _line("[1]", 583, 1, x0=521), _line("OECD (2018), Toolkit.", 580, 1),
             heading("Notes", 500, 1), _line("1 A note of chapter two.", 480, 1)]
    chapters = {title_key("Context for Reform"), title_key("Review of the Framework")}
    notes, _, references, where = read_notes(lines, chapters, frozenset())
    assert [(e.number, e.reference, e.scope) for e in references] == [
        (1, "OECD (2022), Rule of Law.", "Context for Reform"), (1, "OECD (2018), Toolkit.", "Review of the Framework")]
    assert [(n.number, n.reference) for n in notes] == [(1, "A note of chapter two.")]
    assert set(where) == {("Context for Reform", 1), ("Review of the Framework", 1)}
    assert [l.role for l in lines if l.page == 1][2:] == ["notes"] * 5  # the lists are not body text


def test_a_citation_resolves_to_its_own_chapters_list_and_never_to_anothers():
    works = (Endnote(3, "OECD (2022), Rule of Law.", scope="1 Context"), Endnote(3, "OECD (2018), Toolkit.", scope="2 Review"),
             Endnote(7, "World Bank (2022), Wage Bill.", scope="1 Context"))
    assert cited_references("(OECD, 2018[2]; World Bank, 2022[7]), (OECD, n.d.[5]), (OECD, Forthcoming[49]) and [12]") == (2, 7, 5, 49)
    text = "as argued in (OECD, 2022[3]) and (World Bank, 2022[7]; OECD, 2024[58])."
    assert [e.reference for e in cited_entries(works, text, "1 Context > Wages")] == ["OECD (2022), Rule of Law.", "World Bank (2022), Wage Bill."]
    assert [e.reference for e in cited_entries(works, "(OECD, 2018[3])", "2 Review")] == ["OECD (2018), Toolkit."]
    assert cited_entries(works, "(World Bank, 2022[7])", "2 Review") == ()  # chapter 2 lists no [7]: not chapter 1's
    assert cited_entries(works, "It grew by 7% [7].", "1 Context") == ()  # a bracket set apart is no author-date citation
    assert cited_entries((Endnote(7, "A whole document's list."),), "(X, 2020[7])", "Annex") == (Endnote(7, "A whole document's list."),)


def test_a_document_keeps_its_reference_lists_scoped_to_its_chapters_and_reports_citations_they_lack():
    from askwef.ingest.assemble import assemble
    from askwef.ingest.parsed import ContentsEntry, Para, ParsedReport

    report = ParsedReport(
        "A review", (ContentsEntry("1", "Context for reform", 3), ContentsEntry("2", "Review of the framework", 9)),
        (Para("heading", "1 Context for reform", level=1), Para("prose", "The wage bill grew fast over the decade (World Bank, 2022[3]) and "
                                                                "more (OECD, 2023[9])."),
         Para("heading", "2 Review of the framework", level=1), Para("prose", "The framework is fragmented across two strategies (OECD, 2018[3]).")),
        (), references=(Endnote(3, "World Bank (2022), Wage Bill.", scope="Context for reform"),
                        Endnote(3, "OECD (2018), Toolkit.", scope="Review of the framework")))
    doc = assemble("review.pdf", "0" * 64, report, source="pdf")
    assert [(e.number, e.scope) for e in doc.references] == [(3, "1 Context for reform"), (3, "2 Review of the framework")]
    assert [w for w in doc.warnings if "author-date" in w] == [
        "1 Context for reform: author-date citation [9] matches no entry of its chapter's reference list"]

"""The PDF reader on the two real reports in ../shared/realpdfs (skipped when they are absent).

The OECD review: a 4-level outline without numbers below the chapters, notes closing each chapter
with numbering that restarts, author-date citations that are not notes, printed page numbers two
behind the physical ones. The UK strategy: no outline, a Contents list of three indented levels,
pillar titles printed in two sizes, footnotes drawn as outlines whose URLs are link annotations.
Both are checked against their golden files (section and printed page of the labelled evidence).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from askwef.ingest import ingest_file
from askwef.ingest.pdf.notes import DRAWN_NOTE
from askwef.ingest.text import normalize_for_match, title_key
from askwef.types import find_endnote

ROOT = Path(__file__).resolve().parents[3]
REAL = ROOT.parent / "shared" / "realpdfs"
OECD = REAL / "OECD_Palestinian_Authority_Strengthening_Public_Administration.pdf"
UK = REAL / "UK_National_AI_Strategy.pdf"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not OECD.exists() or not UK.exists(), reason="the real PDFs are not here")]


@pytest.fixture(scope="module")
def oecd():
    return ingest_file(OECD)


@pytest.fixture(scope="module")
def uk():
    return ingest_file(UK)


def _golden_hits(doc, golden: Path):
    """(labelled row, section, span) for every golden evidence sentence found verbatim."""
    spans = [(s, sp, normalize_for_match(s.text[sp.start : sp.end])) for s in doc.sections for sp in s.sentences]
    hits = []
    for line in golden.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["answerable"]:
            want = normalize_for_match(row["evidence"])
            hit = next(((s, sp) for s, sp, text in spans if want in text), None)
            if hit:
                hits.append((row, *hit))
    return hits


def _inside(path: str, labelled: str) -> bool:
    have, want = [title_key(p) for p in path.split(" > ")], [title_key(p) for p in labelled.split(" > ")]
    return have[: len(want)] == want


def test_oecd_sections_four_levels_deep_with_chapter_numbers(oecd):
    assert max(s.level for s in oecd.sections) == 4
    assert [s.number for s in oecd.sections if s.number] == ["1", "2", "3", "4", "5"]
    assert not [w for w in oecd.warnings if "Contents entry not found" in w]
    paths = {s.path for s in oecd.sections}
    assert ("2 Review of the Strategic Framework for Public Administration Reform in the Palestinian Authority > "
            "A fragmented strategic framework for PAR > The National Development Plan 2021-2023") in paths
    # the outline's third level under every chapter and annex: Annex B's and Annex C's too (the
    # Contents lists no References for Annex A, which once took Annex B's), and headings over a table
    titles = {s.title for s in oecd.sections}
    assert {"Enhancing problem analysis", "Engagement of internal and external stakeholders",
            "Enhancing effectiveness of management and co-ordination meetings",
            "The Civil Service National Strategic Plan", "Digitalisation in the PA"} <= titles
    assert sum(1 for s in oecd.sections if s.level == 3) >= 44


def test_oecd_year_is_its_imprints_copyright_not_a_month_in_its_foreword(oecd):
    # the imprint breaks "© OECD" and "2024" over two lines; the foreword names "September 2023" first
    assert oecd.year == 2024


def test_oecd_notes_close_each_chapter_and_restart(oecd):
    scopes = {e.scope for e in oecd.endnotes}
    assert len(scopes) >= 3 and "" not in scopes
    assert sum(1 for e in oecd.endnotes if e.number == 1) >= 3  # numbering restarts per chapter
    assert not [w for w in oecd.warnings if "has no entry" in w]  # '2020[2]' citations are not markers
    assert all(not s.path.endswith(("> References", "> Notes")) for s in oecd.sections)
    # chapter 3's title wraps over four lines: its one note is its own, not taken for chapter 2's
    chapter3 = next(s.path for s in oecd.sections if s.number == "3")
    assert find_endnote(oecd.endnotes, 1, chapter3 + " > x").reference.startswith("Since 2007, legislative competences")


def test_oecd_evidence_in_its_section_on_its_printed_page(oecd):
    hits = _golden_hits(oecd, ROOT / "evals" / "golden-oecd.jsonl")
    assert len(hits) >= 55  # 51 before runs of a simple font ended where their TJ adjustments put them
    # in its section: every one (52 of 58 before the outline was aligned with the Contents and a
    # bookmarked heading over a table was a section: 'The Civil Service National Strategic Plan', Annex C's)
    assert sum(_inside(s.path, row["section"]) for row, s, _ in hits) == len(hits)
    assert sum(sp.page == row["page"] for row, _, sp in hits) >= 0.95 * len(hits)


def test_uk_pillars_and_link_notes(uk):
    chapters = [s.title for s in uk.sections if s.level == 1]
    assert [t for t in chapters if t.startswith("Pillar")] == [
        "Pillar 1: Investing in the long-term needs of the AI ecosystem",
        "Pillar 2: Ensuring AI benefits all sectors and regions",
        "Pillar 3: Governing AI effectively",
    ]
    linked_notes = [e for e in uk.endnotes if e.url]
    assert len(linked_notes) >= 40 and all(e.url.startswith("http") for e in linked_notes)
    assert uk.year == 2021
    linked = {n for s in uk.sections for sp in s.sentences for n in sp.endnotes}
    assert {e.number for e in uk.endnotes} <= linked
    # notes drawn as outlines with no link: the marker is kept and said to have no text, no words invented
    drawn = [e for e in uk.endnotes if not e.url]
    assert drawn and all(e.reference.startswith(DRAWN_NOTE.split(",")[0].format(number=e.number)) for e in drawn)
    text = " ".join(s.text for s in uk.sections)
    assert "significant and growing, despite" in text  # the word space after a marker list ("growing,12,13 despite")


def test_uk_evidence_in_its_section_on_its_printed_page(uk):
    hits = _golden_hits(uk, ROOT / "evals" / "golden-uk.jsonl")
    assert len(hits) >= 40
    assert sum(_inside(s.path, row["section"]) for row, s, _ in hits) >= 0.9 * len(hits)
    # the IP box, in the left column beside 'Creating and protecting Intellectual Property' (uk-018), is that section's
    assert all(_inside(s.path, row["section"]) for row, s, _ in hits if row["id"] == "uk-018")
    assert any(row["id"] == "uk-018" for row, _, _ in hits)
    assert sum(sp.page == row["page"] for row, _, sp in hits) >= 0.95 * len(hits)


def test_oecd_chart_panels_labels_are_not_text(oecd):
    """Figures 1.1 and 1.2 set their bars as one path on a pale panel: the category names beside the
    bars ('PA employment', 'United States', 'Israel') are the chart's labels, not a unit of text."""
    texts = {s.text[sp.start : sp.end] for s in oecd.sections for sp in s.sentences if sp.page in (16, 17)}
    assert not texts & {"MENA", "Jordan", "PA employment", "United States", "Israel", "% GDP % Expenditure", "Palestinian territories"}
    assert any("Public employment as share of total employment" in t for t in texts)  # the title stays


def test_survey_counts_a_heading_that_opens_on_a_subsection(tmp_path):
    """'A fragmented strategic framework for PAR' has no text before its first subsection: it is no
    Section of its own, but it is found, in its subsections' paths."""
    from askwef.ingest.survey import survey

    out = "\n".join(survey(OECD, []))
    found, total = (int(n) for n in out.split("outline entries found as sections: ")[1].split(" (")[0].split(" of "))
    assert total == 108 and found >= 107  # the other: the Executive summary's one heading
    assert "note and reference lists (no sections): 12" in out  # each chapter's 'References' and 'Notes'


def test_uk_key_actions_across_a_spread_read_once_and_lists_without_their_overprinted_labels(uk):
    """The 'Summary of key actions' table runs across pp. 8-9, each page drawing the whole spread;
    the Actions lists print 'i', 'ii' over the numbers of the text layer."""
    text = " ".join(s.text for s in uk.sections)
    assert text.count("Publish the Defence AI Strategy, through the Ministry of Defence") == 1
    assert "Begin engagement on the Draft National Strategy for AI-driven technologies in Health and Social Care, through the NHS AI Lab" in text
    assert "including participation in Horizon Europe to enable collaboration" in text
    assert "Then, working with the Department for Education" in text


def test_boxes_filling_half_a_page_are_boxes_not_the_sections_own_text(oecd, uk):
    """The OECD review's Box 3.1 is a pale fill of half the page: read as the page's background, Poland's committee was
    the review's own text on the Palestinian Authority. The UK strategy's boxes are units too, and no unit is named by
    a stray line of the page before ('AND SPORT', of a minister's title)."""
    def unit_of(doc, start: str) -> str:
        return next(b.unit for s in doc.sections for b in s.blocks if s.text[b.start : b.end].startswith(start))

    assert unit_of(oecd, "Poland established the Co-ordinating Committee").startswith("Box 3.1. Intergovernmental consultation")
    # a box whose title runs long (its label's digits are no words of it), and the box after another on the same page
    assert unit_of(oecd, "In Morocco, the Services of the Head of Government").startswith("Box 4.3. Strengthening the role")
    assert unit_of(oecd, "As a part of its Vision 2030").startswith("Box A A.9.")
    boxes = {b.unit for s in oecd.sections for b in s.blocks if b.unit.startswith("Box ")}
    assert len(boxes) >= 40
    units = {b.unit for s in uk.sections for b in s.blocks if b.unit}
    assert "AlphaFold & AlphaFold 2" in units and "AND SPORT" not in units
    # a title of 16 words, its last line over a photograph
    assert unit_of(uk, "As a result of the growing skills gap in AI and data science") == (
        "Increasing diversity and closing the skills gap through postgraduate conversion courses in data science and artificial intelligence")


def test_a_box_goes_on_over_its_pages_subheadings_and_a_long_labelled_title_names_one(oecd):
    """Chapter 5 is one box, titled at 18 points, whose 11-point subheadings open two of its pages: it was read as a
    second box named by the first of them, so every later recommendation stood under 'Recommendations to improve
    institutional co-ordination'. Box 4.9's pages opened on 'Resources' and 'Good practices used', read as boxes too;
    Box 4.10's 16-word title was read as its opening sentence, and the box as the section's text."""
    def unit_of(start: str) -> str:
        return next(b.unit for s in oecd.sections for b in s.blocks if s.text[b.start : b.end].startswith(start))

    chapter = next(s for s in oecd.sections if s.number == "5")
    assert chapter.units == ("Overview of recommendations to strengthen public administration reform efforts in the Palestinian Authority",)
    headings = [chapter.text[b.start : b.end] for b in chapter.blocks if b.kind == "heading"]
    assert "Recommendations to improve institutional co-ordination on public administration reform" in headings
    assert headings.index("Recommendation on improving accountability and transparency for public administration reform through "
                          "stakeholder participation") > \
        headings.index("Recommendations to improve institutional co-ordination on public administration reform")
    assert unit_of("This comprehensive work involved six audits").startswith("Box 4.9. State Audit Institutions")
    assert unit_of("Since the beginning of evaluation audits").startswith("Box 4.9. State Audit Institutions")
    # Box 4.5 goes on after its Table 4.1: regulatory impact assessments and the UK's budget functions are the box's
    assert unit_of("Beyond planning mechanisms, regulations are a valuable tool").startswith("Box 4.5. OECD prioritisation")
    assert unit_of("The CoG in the United Kingdom is principally").startswith("Box 4.5. OECD prioritisation")
    assert unit_of("The Financial Control Manual defines the objectives") == \
        "Box 4.10. The GFMIS in Egypt and Jordan aim to support the integration of public financial management processes"


def test_front_and_back_matter_read_under_the_reports_title(oecd, uk):
    """Who published a report, when, and how to cite it: the UK strategy's title page (before its
    Contents) and closing imprint, the OECD review's imprint (before its Foreword) and back cover (after
    Annex C's notes), each on the page it is printed, in the report's front matter, not a chapter's."""
    def where(doc, opening):
        return [(s.path, sp.page) for s in doc.sections for sp in s.sentences if s.text[sp.start : sp.end].startswith(opening)]

    assert where(uk, "Presented to Parliament by the Secretary of State") == [(uk.sections[0].path, 1)]
    assert "September 2021" in uk.sections[0].text
    # its date closes that statement (uk-002: 'When was the National AI Strategy published?')
    assert where(uk, "Presented to Parliament") == where(uk, "Presented to Parliament by the Secretary of State for Digital, Culture, "
                                                               "Media and Sport by Command of Her Majesty September 2021")
    assert where(uk, "Published in September 2021 by the Office for Artificial Intelligence") == [(uk.sections[0].path, 64)]
    assert where(oecd, "Please cite this publication as: OECD (2024), OECD Public Governance Reviews") == [(oecd.sections[0].path, 2)]
    assert where(oecd, "This report analyses the institutional and strategic framework") == [(oecd.sections[0].path, 194)]
    assert not any(s.title == "Foreword" or s.path.startswith("Annex C") for s in oecd.sections if "ISBN" in s.text)


def test_list_numbers_glossaries_and_labelled_tables(oecd, uk):
    """No list number is a sentence of its own ('1.', 'Improvement of ... services 2.'); the OECD review's
    acronyms read with what they stand for; its Table 2.1's bullets stand under their row's label."""
    import re

    for doc in (oecd, uk):
        numbers = [s.text[sp.start : sp.end] for s in doc.sections for sp in s.sentences if re.fullmatch(r"\d{1,2}\.", s.text[sp.start : sp.end])]
        assert not numbers, numbers
    sentences = {s.text[sp.start : sp.end] for s in oecd.sections for sp in s.sentences}
    assert {"SAI Supreme Audit Institutions", "MoJ Ministry of Justice"} <= sentences
    assert "Improvement of the quality and accessibility of public services" in sentences
    plan = next(s for s in oecd.sections if s.title == "The National Development Plan 2021-2023")
    rows = [plan.text[b.start : b.end] for b in plan.blocks if b.kind == "row"]
    assert any("Anticorruption: Combating corruption in all its forms" in r for r in rows), rows
    # named by its caption, not by the bold line over its goals ('Overarching goals for PAR ...:')
    assert {b.unit for b in plan.blocks if b.kind == "row"} == {"TABLE 2.1: PAR areas covered in the National Development Plan"}
    assert any("Transparency and accountability: Reinforcement of the partnership" in r for r in rows), rows
    # Word's second-level bullets, a lone "o" before each item ("notably by: o Widening ...; o Carrying out ...")
    items = [s.text[b.start : b.end] for s in oecd.sections for b in s.blocks if b.kind == "item"]
    assert any(i.startswith("Widening the scope of the existing PAR strategic framework") for i in items)
    assert not re.search(r"[:;] o [A-Z]", " ".join(s.text for s in oecd.sections))


def test_table_2_2_in_clusters_is_read_row_by_row(oecd):
    """Table 2.2, in clusters under bands across it, its labels in the regular weight, its last row on the next
    page: row by row, each row's label before its bullets."""
    rows = [s.text[b.start : b.end] for s in oecd.sections for b in s.blocks if b.kind == "row"]
    assert any(r.endswith("Civil Service area: Rationalising government posts") for r in rows), rows
    assert any("Public Financial Management: Reforming the tax system" in r for r in rows), rows
    assert any("Transparency and accountability: Harmonising and integrating non-governmental" in r for r in rows), rows


def test_uk_foreword_reads_past_the_ministers_name_set_beside_it(uk):
    """Each foreword page sets its minister's name and title centred beside the text (no common left edge): the
    text's sentences run on whole, the name and title come after them, and the key actions table that follows
    takes none of them for its rows' labels."""
    sentences = [s.text[sp.start : sp.end] for s in uk.sections for sp in s.sentences]
    assert any(t.startswith("As we build back better from the challenges of the global pandemic, and prepare") for t in sentences)
    assert any(t.startswith("The challenge now for the UK is to fully unlock the power of AI and data-driven technologies, to build") for t in sentences)
    assert "SECRETARY OF STATE FOR DIGITAL, CULTURE, MEDIA AND SPORT" in " ".join(s.text for s in uk.sections)
    actions = next(s for s in uk.sections if s.title == "Summary of key actions")
    assert "SPORT" not in actions.text
    assert actions.text.startswith("Short term (next 3 months):")


def test_uk_a_box_across_the_page_does_not_cut_the_column_under_it(uk):
    """'What are technical standards ...' spans p. 56 over a column of text, whose full lines looked short beside
    the box's and ended a paragraph mid-sentence."""
    sentences = [s.text[sp.start : sp.end] for s in uk.sections for sp in s.sentences]
    assert any(t.startswith("The integration of standards in our model for AI governance and regulation is crucial") for t in sentences)


def test_oecd_ruled_tables_read_cell_by_cell_by_their_rules(oecd):
    """Tables 3.1, 4.1 and A C.1, ruled in the OECD's house style: each cell whole and a sentence of its own (Table 3.1's
    cells side by side on one baseline were run together), led by its band ('Monitoring') or its row's label (the step's
    number, 'COMPOSITION' centred beside its cell) and its column's name; Table A C.1 runs on to the next page."""
    sentences = {s.text[sp.start : sp.end] for s in oecd.sections for sp in s.sentences}
    rows = [s.text[b.start : b.end] for s in oecd.sections for b in s.blocks if b.kind == "row"]
    assert "Setting of annual and multi-annual strategic priorities of the government" in sentences
    assert not any("of the government Co-ordinating" in s for s in sentences)
    assert any("Monitoring – Mandate and functions of the Prime Minister Office: Oversight of the performance of the ministries" in r
               for r in rows), rows
    assert any("5.1. – Institution: Organiser – PAR/thematic lead institution Participants – ministers" in r for r in rows), rows
    assert any("Political-level structure – COMPOSITION: The political-level body is usually comprised" in r for r in rows), rows
    assert any("Administrative-level structure – MANDATE: The main mandate of such thematic working groups" in r for r in rows), rows
    assert "Take or propose corrective measures to ensure effective implementation of gender-related reforms and measures." in sentences


def test_oecd_reference_lists_are_read_and_its_author_date_citations_resolve_to_their_chapters_list(oecd):
    """Each chapter closes with a "References" list that "(OECD, 2022[3])" cites by number, numbering restarting per
    chapter: entry 3 of chapter 1 is another work than entry 3 of chapter 2."""
    from askwef.types import cited_entries, cited_references

    by_chapter: dict[str, set[int]] = {}
    for e in oecd.references:
        by_chapter.setdefault(e.scope, set()).add(e.number)
    chapter = {s.number: s.path for s in oecd.sections if s.number in ("1", "2")}
    assert by_chapter[chapter["1"]] == set(range(1, 10)) and by_chapter[chapter["2"]] == set(range(1, 8))
    assert len(oecd.references) >= 140 and all(e.scope for e in oecd.references)
    rule_of_law = cited_entries(oecd.references, "(OECD, 2022[3])", chapter["1"] + " > x")
    assert rule_of_law[0].reference.startswith("OECD (2022), Rule of Law and Governance in the Palestinian Authority")
    assert rule_of_law[0].url == "https://doi.org/10.1787/68ffa992-en"
    assert cited_entries(oecd.references, "(OECD, 2018[3])", chapter["2"])[0].reference.startswith("OECD (2018), “Toolkit")
    # of the sentences citing author-date, nearly all resolve every citation (Annex B cites [52] to [58] of an 18-entry list)
    citing = [(s.path, s.text[sp.start : sp.end]) for s in oecd.sections for sp in s.sentences]
    citing = [(path, text) for path, text in citing if cited_references(text)]
    resolved = [t for path, t in citing if len(cited_entries(oecd.references, t, path)) == len(cited_references(t))]
    assert len(citing) >= 190 and len(resolved) >= len(citing) - 8
    # an URL printed over two lines before "(accessed on ...)" is read without the aside
    assert all("(accessed" not in e.url for e in oecd.references)


def test_uk_has_no_reference_lists_and_cites_none(uk):
    assert uk.references == ()


def test_oecd_citations_its_lists_lack_are_reported_not_resolved(oecd):
    """Annex B cites "(OECD, 2023[53])" beside an 18-entry list: reported in the warnings, left unresolved."""
    unmatched = [w for w in oecd.warnings if "matches no entry of its chapter's reference list" in w]
    assert any(w.startswith("Annex B") and "[53]" in w for w in unmatched) and len(unmatched) <= 8

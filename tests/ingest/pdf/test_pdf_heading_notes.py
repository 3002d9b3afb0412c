"""A Contents that runs over pages with a row wrapped after a number of its title, and numbered headings printed with a
note after their Contents title (made with reportlab as the WHO HCV guideline prints them: InDesign, headings in 13 pt
bold over a 9.5 pt body, "3.3 Roles" then "(Web Annex A)" in the body's type)."""

from __future__ import annotations

from askwef.ingest import ingest_file
from layoutpages import guideline_pdf, guideline_prose as prose  # (tests/ is on sys.path)
from pdfpages import filed_under, sentence_texts as sentences


def test_a_contents_over_two_pages_is_read_past_a_row_wrapped_after_a_year(tmp_path):
    """The WHO guideline's Contents row "8.5 Summary of the evidence – laboratory-based HCV RNA NAT assays from 2017" /
    "hepatitis testing guidelines 81": 2017 was read as the row's page, 81 under it as a page running backwards, and the
    Contents ended there: its last rows (chapters 9 and 10, on the next Contents page) were indexed as prose and the two
    chapters' 261 sentences were filed under 8.8. The row is one title wrapped; the list is read to its end."""
    contents = [["1 BACKGROUND . . . . . . . . 4", "1.1 Scope . . . . . . . . 4", "1.2 Findings of the household survey of 2017",
                 "and its follow-up . . . . . . . . 4", "2 COSTS . . . . . . . . 5", "2.1 Prices . . . . . . . . 5"],
                ["3 OUTLOOK . . . . . . . . 6", "3.1 Risks . . . . . . . . 6", "3.2 Research gaps . . . . . . . . 6"]]
    pages = [[("1 BACKGROUND", 20, True, 0), prose("water points"), ("1.1 Scope", 14, True, 30), prose("scope limits"),
              ("1.2 Findings of the household survey of 2017 and its follow-up", 14, True, 30), prose("survey results")],
             [("2 COSTS", 20, True, 0), ("2.1 Prices", 14, True, 30), prose("tariffs")],
             [("3 OUTLOOK", 20, True, 0), ("3.1 Risks", 14, True, 30), prose("drought risks"),
              ("3.2 Research gaps", 14, True, 30), prose("open questions")]]
    doc = ingest_file(guideline_pdf(tmp_path / "guideline.pdf", contents, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert filed_under(doc, "survey results") == "1 BACKGROUND > 1.2 Findings of the household survey of 2017 and its follow-up"
    assert filed_under(doc, "drought risks") == "3 OUTLOOK > 3.1 Risks"
    assert filed_under(doc, "open questions") == "3 OUTLOOK > 3.2 Research gaps"
    assert not [t for t in sentences(doc) if ". . . ." in t or "Risks" in t], sentences(doc)


def test_a_numbered_heading_with_a_note_after_its_contents_title_opens_its_section(tmp_path):
    """"3.3 Roles (Web Annex A)" (the title in heading type, the note in the body's, so most of the line's characters are
    the body's size) and "3.5 Grading of certainty ... (Web Annex B)" (all in heading type) are the Contents entries "3.3
    Roles" and "3.5 Grading ...": neither was found, and their text went to the section before (3.2 held 101 sentences
    of four sections)."""
    contents = [["1 METHODS . . . . . . . . 3", "1.1 Overview . . . . . . . . 3", "1.2 Roles . . . . . . . . 3",
                 "1.3 Grading of certainty of evidence . . . . . . . . 4", "1.4 Formulation of recommendations . . . . . . . . 4"]]
    pages = [[("1 METHODS", 20, True, 0), ("1.1 Overview", 14, True, 30), prose("overview points"),
              (("1.2 Roles", 14), ("(Web Annex A)", 10), 30), prose("group members' roles")],
             [("1.3 Grading of certainty of evidence (Web Annex B)", 14, True, 0), prose("evidence grades"),
              ("1.4 Formulation of recommendations (1)", 14, True, 30), prose("recommendations' wordings")]]
    doc = ingest_file(guideline_pdf(tmp_path / "guideline.pdf", contents, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert filed_under(doc, "overview points") == "1 METHODS > 1.1 Overview"
    assert filed_under(doc, "group members' roles") == "1 METHODS > 1.2 Roles"
    assert filed_under(doc, "evidence grades") == "1 METHODS > 1.3 Grading of certainty of evidence"
    assert filed_under(doc, "recommendations' wordings") == "1 METHODS > 1.4 Formulation of recommendations"
    assert not [t for t in sentences(doc) if "Web Annex" in t], sentences(doc)


def test_a_long_numbered_heading_in_heading_type_is_no_display_text(tmp_path):
    """"4.1 New recommendations: treatment of adolescents (12–17 years), older children ... for adults (1)": 24 words on
    three lines of 13 pt, more than a heading is taken to have, read as display text (a standfirst) and never found;
    the 30 sentences of 4.1 went to the chapter. Printed in heading type as a numbered entry of the Contents, it is
    that entry's heading."""
    title = ("New recommendations: treatment of adolescents (12–17 years), older children (6–11 years) and younger "
             "children (3–5 years); and existing recommendations for adults")
    contents = [["1 TREATMENT . . . . . . . . 3", "1.1 New recommendations: treatment of adolescents (12–17 years), older",
                 "children (6–11 years) and younger children (3–5 years); and existing", "recommendations for adults . . . . . . . . 3",
                 "1.2 Background . . . . . . . . 4"]]
    pages = [[("1 TREATMENT", 20, True, 0), prose("treatment choices"),
              ("1.1 New recommendations: treatment of adolescents (12–17 years), older", 14, False, 30),
              ("children (6–11 years) and younger children (3–5 years); and existing", 14, False, 17),
              ("recommendations for adults (1)", 14, False, 17), prose("regimens for children")],
             [("1.2 Background", 14, True, 0), prose("earlier guidelines")]]
    doc = ingest_file(guideline_pdf(tmp_path / "guideline.pdf", contents, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert filed_under(doc, "regimens for children") == f"1 TREATMENT > 1.1 {title}"
    assert filed_under(doc, "treatment choices") == "1 TREATMENT"


def test_a_sentence_in_body_type_that_opens_with_an_entrys_title_opens_nothing(tmp_path):
    """The note after a heading's title is tolerated only where the heading's number and title are in heading type: a
    line of the body that opens with an entry's number and title and a bracket (a list of the annexes by section) opens
    no section; the entry opens at its heading."""
    contents = [["1 METHODS . . . . . . . . 3", "1.1 Overview . . . . . . . . 3", "1.2 Roles . . . . . . . . 4"]]
    pages = [[("1 METHODS", 20, True, 0), ("1.1 Overview", 14, True, 30), prose("overview points"),
              ("1.2 Roles (Web Annex A)", 10, False, 14), prose("annexes' contents")],
             [(("1.2 Roles", 14), ("(Web Annex A)", 10), 0), prose("group members' roles")]]
    doc = ingest_file(guideline_pdf(tmp_path / "guideline.pdf", contents, pages))
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert filed_under(doc, "annexes' contents") == "1 METHODS > 1.1 Overview"
    assert filed_under(doc, "group members' roles") == "1 METHODS > 1.2 Roles"

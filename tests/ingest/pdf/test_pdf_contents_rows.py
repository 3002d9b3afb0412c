"""Contents shapes of a LaTeX FAQ and a Word data model (made with reportlab): a Contents running over several pages
under a running head "CONTENTS", a question title wrapped after its question mark, a Word row whose number and title
are read apart, and a subsection heading set in the body's type."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from askwef.ingest.pdf.layout import Line
from askwef.ingest.pdf.paragraphs import Vocabulary, paragraphs
from pdfpages import filed_under, saved, set_lines  # (tests/ is on sys.path)

DOTS = " . . . . . . . . . . . . . . . . . . . ."


def _prose(topic: str) -> list[tuple]:
    return [(f"This answer explains {topic} in the words a new user of the system would understand at once.", 10, False, 14),
            (f"It goes on to say where more about {topic} is written down, and who keeps it up to date.", 10, False, 14)]


def _faq(path, question: bool):
    """A FAQ whose Contents runs over two pages, the second under the running head "CONTENTS"; with `question`, row 1.2
    is a question wrapped after its question mark."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    set_lines(c, [("The Package FAQ", 20, True, 80)])
    wrapped = [("1.2 Why does the stable release hold links to frozen and unstable?", 10, False, 14, 87),
               ("I thought it holds just stable!" + DOTS + " 4", 10, False, 14, 110)]
    set_lines(c, [("Contents", 24, True, 0), ("1 Basics" + DOTS + " 4", 10, False, 30, 72),
                  ("1.1 What is a package?" + DOTS + " 4", 10, False, 14, 87), *(wrapped if question else []),
                  ("1.3 Where do packages come from?" + DOTS + " 4", 10, False, 14, 87)])
    set_lines(c, [("CONTENTS", 10, False, 0, 57), ("2 Archives" + DOTS + " 5", 10, False, 30, 57),
                  ("2.1 How many archives are there?" + DOTS + " 5", 10, False, 14, 72),
                  ("2.2 What is in the pool?" + DOTS + " 5", 10, False, 14, 72)])
    heading = ("1.2 Why does the stable release hold links to frozen and unstable? I thought it holds just stable!", 13, True, 30)
    set_lines(c, [("1 Basics", 18, True, 0), ("1.1 What is a package?", 13, True, 30), *_prose("packages"),
                  *([heading, *_prose("links")] if question else []), ("1.3 Where do packages come from?", 13, True, 30),
                  *_prose("origins")])
    set_lines(c, [("2 Archives", 18, True, 0), ("2.1 How many archives are there?", 13, True, 30), *_prose("archives"),
                  ("2.2 What is in the pool?", 13, True, 30), *_prose("the pool")])
    return ingest_file(saved(c, buf, path))


def test_a_contents_running_head_opens_no_row(tmp_path):
    """The Debian FAQ's Contents runs over seven pages, each after the first under the running head "CONTENTS": read
    as the first words of the page's first row, it made chapter 4 "CONTENTS 4 Compatibility issues", a title no
    heading prints. The running head is no part of the list."""
    doc = _faq(tmp_path / "faq.pdf", question=False)
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert filed_under(doc, "explains archives") == "2 Archives > 2.1 How many archives are there?"


def test_a_contents_over_two_pages_with_a_wrapped_question_is_read_whole(tmp_path):
    """The Debian FAQ's row "2.5 Why does the official ... 'unstable'?" wraps after the question mark, its page on the
    next line: the question mark ended the list at 2.4, and chapters 3 to 16 were never looked for (1,685 sentences
    filed under 2.7). A numbered row going on from the one before, its page on the next line, is one row."""
    doc = _faq(tmp_path / "faq.pdf", question=True)
    assert not any("not found" in w for w in doc.warnings), doc.warnings
    assert [s.number for s in doc.sections if s.number] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert filed_under(doc, "explains links").startswith("1 Basics > 1.2 Why does the stable release")
    assert filed_under(doc, "explains archives") == "2 Archives > 2.1 How many archives are there?"
    assert filed_under(doc, "explains the pool") == "2 Archives > 2.2 What is in the pool?"


def test_a_word_contents_row_read_as_number_and_title_apart_keeps_its_number(tmp_path):
    """Word sets a chapter's Contents row as "1<tab>OVERVIEW......6": the number, alone at the margin, was read as a
    chart's label and left out, and the chapters "OVERVIEW", "LRS", "MODEL" lost their numbers and their level (the
    National Hydro Network model). A subsection's heading set in the body's type, alone on its line over a diagram
    ("3.1.1 Logical view"), is its heading: it was never found, and its text was filed under 3.1."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    set_lines(c, [("Hydro Network Data Model", 20, True, 80)])
    rows = [("1", "OVERVIEW", 3), ("2", "MODEL", 4)]
    c.setFont("Helvetica-Bold", 10)
    c.drawString(250, 760, "TABLE OF CONTENTS")
    y = 730
    for number, title, page in rows:
        c.drawString(72, y, number)
        c.drawString(92, y, title + "." * 60 + str(page))
        y -= 23
    c.setFont("Helvetica", 10)
    for number, title, page in [("2.1", "Logical view", 4), ("2.2", "Hydro events", 5)]:
        c.drawString(92, y, f"{number} {title}" + "." * 60 + str(page))
        y -= 18
    c.showPage()
    set_lines(c, [("1", 12, True, 0, 72), ("Overview", 12, True, 0, 94), *_prose("the overview")])
    set_lines(c, [("2", 12, True, 0, 72), ("Model", 12, True, 0, 94), *_prose("the model"),
                  ("2.1 Logical view", 10, False, 40), ("Logical view diagram: NetworkLinearFlow", 6, True, 30, 200),
                  ("+ geometry: GB_Curve", 6, False, 120, 200), *_prose("the logical view")])
    set_lines(c, [("2.2 Hydro events", 10, False, 0), ("Hydro events are set out in the diagram below.", 10, False, 24),
                  *_prose("hydro events")])
    doc = ingest_file(saved(c, buf, tmp_path / "model.pdf"))
    assert [(s.number, s.level) for s in doc.sections if s.number] == [("1", 1), ("2", 1), ("2.1", 2), ("2.2", 2)], doc.sections
    assert filed_under(doc, "explains the logical view").endswith("2.1 Logical view")
    assert filed_under(doc, "explains hydro events").endswith("2.2 Hydro events")
    assert filed_under(doc, "explains the model").endswith("MODEL") or filed_under(doc, "explains the model").endswith("Model")


def test_a_paragraph_interrupted_by_a_box_is_kept_when_a_heading_follows():
    """A line that ends no sentence, then a framed box (a diagram's labels), then a heading: the line waited for its
    paragraph to go on after the box, and was dropped at the heading ("3.1.3.2 Line Events", a heading in body type)."""
    def line(text: str, y: float, box: int = 0, role: str = "", size: float = 10) -> Line:
        return Line(page=0, x0=72, x1=72 + 5 * len(text), y=y, size=size, bold=False, text=text, box=box, role=role, level=2 if role else 0)

    lines = [line("3.2.2 Line Events", 711), line("Name: LineEvents", 680, box=1, size=6), line("+ Unknown = -1:", 670, box=1, size=6),
             line("3.3 Hydrographic", 400, role="heading")]
    texts = [p.text for p in paragraphs(lines, 10.0, Vocabulary(frozenset(), frozenset(), frozenset()))]
    assert "3.2.2 Line Events" in texts


def test_a_numbered_heading_does_not_run_on_into_a_sentence_opening_in_lower_case():
    """The Debian FAQ's "8.1.3 aptitude" over "aptitude is a package manager ...": a sentence opening with a program's
    name in lower case under a heading was read as the heading's sentence going on, and the entry was never found. A
    numbered heading is a section's title; an unnumbered one may still run on ("Clarifying the strategy" over "and
    roadmaps ...")."""
    def line(text: str, y: float, size: float = 10, role: str = "") -> Line:
        return Line(page=0, x0=72, x1=72 + 5 * len(text), y=y, size=size, bold=bool(role), text=text, role=role, level=2 if role else 0)

    vocabulary = Vocabulary(frozenset(), frozenset(), frozenset())
    numbered = [line("8.1.3 aptitude", 700, 12, "heading"), line("aptitude is a package manager for Debian systems.", 684)]
    assert [p.kind for p in paragraphs(numbered, 10.0, vocabulary)] == ["heading", "prose"]
    unnumbered = [line("Clarifying the strategy", 700, 12, "heading"), line("and roadmaps from a country-level perspective.", 684)]
    assert [p.kind for p in paragraphs(unnumbered, 10.0, vocabulary)] == ["prose"]

"""Bold paragraphs: which are subheadings, which are prose.

- a short bold paragraph (BOLD_HEADING_WORDS words at most) that does not end with a full stop is a subheading, as
  before; a longer one, or one ending with a full stop, is a sentence set in bold (emphasis in running text);
- a labelled lead ("Principle 5: The NHS works across organisational boundaries ... population.", "Recommendation 3:
  Governments should ...", "Key finding 2: ..."): a word or three and a number, then a colon or a dash, set as a
  paragraph of its own in the body's size, is a subheading however long (up to LEAD_WORDS) and whatever it ends
  with: a report sets its principles and recommendations so, each over the text that explains it;
- a bold paragraph in quotation marks is a quotation (a pull quote in capitals: '“WE AIM TO HELP INVESTORS MAKE MORE
  OF THEIR INVESTMENTS”'), as larger type opening with one is display text (`headings._mark_display`);
- a bold paragraph that ends in a web address ("https://www.gov.uk/...", "Read more: www...") is never a subheading:
  a link set in bold is the end of the sentence before it, not a title.
"""

from __future__ import annotations

import re

from ..conventions import URL_TAIL
from ..text import word_count
from .layout import Line

BOLD_HEADING_WORDS = 14
"""Words a bold paragraph without a label may have and be a subheading (the WEF template's and the OECD review's bold
subheadings run to 12; a bold sentence of running text is longer, or ends with a full stop)."""

LEAD_WORDS = 40
"""Words a labelled lead may have and be a subheading: the NHS Handbook's principles run to 24 ('Principle 5: The NHS
works across organisational boundaries ...'), recommendations in policy reports to 30 or so; a bold paragraph
longer than this is running text, whatever it opens with."""

LABELLED_LEAD = re.compile(
    r"[A-Z][^\W\d_]*(?:[ \u00a0][^\W\d_]+){0,2}[ \u00a0](?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,5}|[A-Z])(?::\s*|[ \u00a0]?[–—]\s*)(?=[^\W\d_]|[“\"‘(])")
"""A lead's label: a capitalised word and at most two more, a number (1, 2.3, IV or a letter), a colon or a dash, then
its words ('Principle 5: The NHS ...', 'Key finding 2 – ...', the tax instructions' 'Line 13—Business income'). A
range is no label ('Tumor 1–4 cm', 'margins of 0.3–0.5 cm' in a clinical guideline's table), nor a year ('In 2020:')."""


QUOTE_MARKS = ("“\"‘«", "”\"’»")
"""The marks that open and close a quotation."""

BODY_SIZE = 0.5
"""Points within which a lead is set in the body's size (a line of larger type is a heading by its size already)."""


def bold_subheading(text: str, lines: tuple[Line, ...], body: float) -> bool:
    """Whether a bold paragraph of `text`, whose first and last lines are `lines` (the body is set in `body`), is a
    subheading: see the module. A lead is bold throughout: a run-in head ('Line 25—Health savings account (HSA)
    deduction.' and the paragraph in the regular weight after it on its line) opens a paragraph of prose."""
    text = text.strip()
    if URL_TAIL.search(text) or text[:1] in QUOTE_MARKS[0] and text[-1:] in QUOTE_MARKS[1]:
        return False
    if word_count(text) <= BOLD_HEADING_WORDS and not text.endswith("."):
        return True
    return all(abs(line.size - body) < BODY_SIZE and all(r.bold for r in line.runs if r.text.strip()) for line in lines) \
        and word_count(text) <= LEAD_WORDS and LABELLED_LEAD.match(text) is not None

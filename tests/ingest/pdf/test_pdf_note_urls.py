"""A note's URL broken over two lines inside its scheme ('cooling. h' + 'ttps://english.www.gov.cn/...'), as a typesetter
that breaks a long URL wherever its line is full prints it (the WEF template's notes 29, 49 and 60): the lines join
with no space, so the printed URL is read as the note's URL and not left in its reference as 'h ttps://...'."""

from __future__ import annotations

from io import BytesIO

from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from askwef.ingest.pdf.hyphens import Vocabulary, join_lines
from frontpages import body_lines  # (tests/ is on sys.path)
from pdfpages import saved, set_lines

NOTES = [  # each entry's lines as printed: number and text at 72 pt, its wrapped lines indented under the text
    ["1. State Council Information Office. (2024). Data centre in Hunan uses cold lake water for cooling. h",
     "ttps://english.example.gov.cn/news/202406/27/content_WS667d2c28c6d0868",
     "f4e8e8a10.html."],
    ["2. Industry Research Institute (AskCI). (2024). Research and analysis of the pharmaceutical chain. htt",
     "ps://m.example.com/news/chanye/20240417/095731271331905185024831.s",
     "html."],
    ["3. Ni, Y. (2024). How does the power grid lay itself out in the era of big models?. Business Herald. http",
     "s://m.example.org/article/20240425/herald/37bf00c8f2a3551b85f44fb8ee1",
     "b7543.html."],
    ["4. Health Institute. (2023). A study that cites its source at the end of its line, with a word after it: see h",
     "the annex."],
]


def _notes_report(path):
    buf = BytesIO()
    c = canvas.Canvas(buf)
    set_lines(c, [("1 Introduction", 16, True, 0)] + [(t, 10, False, 14 if k else 28) for k, t in enumerate(body_lines("ministry"))])
    rows = [("Endnotes", 16, True, 0)]
    for entry in NOTES:
        rows += [(line, 7, False, 16 if k == 0 else 9, 72 if k == 0 else 82) for k, line in enumerate(entry)]
    set_lines(c, rows)
    return saved(c, buf, path)


def test_a_note_url_broken_inside_its_scheme_is_read_whole(tmp_path):
    doc = ingest_file(_notes_report(tmp_path / "scheme.pdf"))
    notes = {n.number: n for n in doc.endnotes}
    assert sorted(notes) == [1, 2, 3, 4]
    assert notes[1].reference == "State Council Information Office. (2024). Data centre in Hunan uses cold lake water for cooling."
    assert notes[1].url == "https://english.example.gov.cn/news/202406/27/content_WS667d2c28c6d0868f4e8e8a10.html"
    assert notes[2].url == "https://m.example.com/news/chanye/20240417/095731271331905185024831.shtml"
    assert notes[3].url == "https://m.example.org/article/20240425/herald/37bf00c8f2a3551b85f44fb8ee1b7543.html"
    assert not any("ttps" in n.reference or "ps://" in n.reference for n in notes.values())
    # a lone 'h' with no scheme after it is a word of the note, its line joined with a space
    assert notes[4].reference.endswith("with a word after it: see h the annex."), notes[4].reference


def test_join_lines_mends_a_scheme_broken_at_the_line_end():
    plain = Vocabulary(frozenset(), frozenset(), frozenset())
    assert join_lines("for cooling. h", "ttps://english.www.gov.cn/a", plain)[0] == "for cooling. https://english.www.gov.cn/a"
    assert join_lines("Herald. http", "s://m.21jingji.com/a", plain)[0] == "Herald. https://m.21jingji.com/a"
    assert join_lines("(see htt", "p://example.org)", plain)[0] == "(see http://example.org)"
    assert join_lines("the path", "s://x", plain)[0] == "the path s://x"  # 'path' is no scheme's start
    assert join_lines("with h", "the rest", plain)[0] == "with h the rest"

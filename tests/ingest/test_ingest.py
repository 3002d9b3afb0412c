import shutil

import pytest

from askwef.ingest import IngestError, ingest_corpus, ingest_file
from conftest import MINI_REPORT


@pytest.fixture(scope="module")
def doc():
    return ingest_file(MINI_REPORT)


def _section(doc, path):
    return next(s for s in doc.sections if s.path == path)


def test_sections_follow_the_contents_with_pages(doc):
    paths = [(s.path, s.page) for s in doc.sections]
    assert paths == [
        ("Disclaimer", 2),
        ("Foreword", 3),
        ("1 Why tides matter", 4),
        ("1 Why tides matter > 1.1 Resource potential", 4),
        ("1 Why tides matter > 1.2 Costs and financing", 5),
        ("2 Sectors adopting tidal power", 6),
        ("2 Sectors adopting tidal power > Shipping", 6),
        ("2 Sectors adopting tidal power > Aquaculture", 6),
        ("Conclusion", 9),
    ]
    assert doc.title == "Tidal Power Outlook: A Test Report"
    assert doc.warnings == ()


def test_figure_headings_do_not_open_sections(doc):
    # FIGURE 2 lists "Shipping" and "Aquaculture" as headings before the real sections
    intro = _section(doc, "2 Sectors adopting tidal power")
    assert "Port electrification" in intro.text
    assert sum(1 for s in doc.sections if s.path.endswith("> Shipping")) == 1


def test_endnotes_parsed_with_urls(doc):
    assert [e.number for e in doc.endnotes] == list(range(1, 11))
    assert doc.endnote(2).url == "https://example.org/atlas_2023"
    assert doc.endnote(2).reference == "Exampleland Energy Agency. (2023). Tidal resource atlas."
    assert doc.endnote(10).url == ""


def test_every_marker_linked_and_figure_notes_are_not_endnotes(doc):
    linked = sorted(n for s in doc.sections for sp in s.sentences for n in sp.endnotes)
    assert linked == list(range(1, 11))
    fig = _section(doc, "1 Why tides matter > 1.1 Resource potential")
    caption = next(sp for sp in fig.sentences if fig.text[sp.start : sp.end].startswith("FIGURE 1"))
    assert caption.endnotes == ()


def test_split_paragraph_rejoined_and_list_markers_resolved(doc):
    s = _section(doc, "1 Why tides matter > 1.1 Resource potential")
    sentences = {s.text[sp.start : sp.end]: sp.endnotes for sp in s.sentences}
    assert sentences["Engineers expect the share to reach 15% by 2030, thanks to cheaper turbines."] == (3, 4)


def test_case_study_is_a_named_unit(doc):
    s = _section(doc, "1 Why tides matter > 1.2 Costs and financing")
    assert s.units == ("CASE STUDY 1: Harbour Works – a barrage that pays for itself",)
    units = {s.text[sp.start : sp.end]: sp.unit for sp in s.sentences}
    assert units["Harbour Works built a 240-megawatt barrage in Port Example in 2019."] == s.units[0]
    assert units["Costs fell by 40% between 2015 and 2024."] == ""
    assert "R&D" not in s.text and "&amp;" not in s.text and "projects & guarantee" in s.text


def test_table_rows_carry_title_and_application(doc):
    s = _section(doc, "2 Sectors adopting tidal power > Shipping")
    rows = [s.text[b.start : b.end] for b in s.blocks if b.kind == "row"]
    assert rows[0].startswith("Selected uses in shipping – Shore power: Ships at berth plug into tidal power")
    assert all(b.unit == "TABLE 1: Selected uses in shipping" for b in s.blocks if b.kind == "row")
    item = next(sp for sp in s.sentences if s.text[sp.start : sp.end].startswith("Ships at berth"))
    assert item.endnotes == (8,) and s.text[item.start : item.end].endswith("burning fuel.")


def test_a_bold_line_between_a_naming_caption_and_its_table_does_not_rename_it(tmp_path):
    """The OECD review's Table 2.1: a caption that names its table, then a bold line of the table's own."""
    report = (
        "# Portals\n\n# Contents\n\n1 Portals\t3\n\n# 1 Portals\n\nCountries run portals for their citizens and firms today.\n\n"
        "Table 3. Online portals in the region\n\n**Overarching goals of the portals:**\n\nCountry\tPortal\n"
        "<b>Oman</b>\t<ul><li>Ministry of Transport</li><li>https://www.oman.om/</li></ul>\n\n"
        "Source: the ministries.\n\n**Who runs them**\n\nCountry\tPortal\n<b>Qatar</b>\t<ul><li>Ministry of Transport</li></ul>\n"
    )
    (tmp_path / "r.md").write_text(report, encoding="utf-8")
    s = next(s for s in ingest_file(tmp_path / "r.md").sections if s.title == "Portals")
    assert [b.unit for b in s.blocks if b.kind == "row"] == ["TABLE 3: Online portals in the region", "TABLE 3: Who runs them"]


def test_bold_pseudo_heading_opens_subsection_and_use_case_follows(doc):
    s = _section(doc, "2 Sectors adopting tidal power > Aquaculture")
    assert s.units == ("USE CASE 2: SeaFarm – aerating pens with tidal power",)
    last = s.sentences[-1]
    assert s.text[last.start : last.end] == "Its yields rose by 12% in 2023." and last.endnotes == (10,)


def test_offsets_point_at_the_text(doc):
    for s in doc.sections:
        for sp in s.sentences:
            assert s.text[sp.start : sp.end].strip() == s.text[sp.start : sp.end]
            assert s.blocks[sp.block].start <= sp.start < sp.end <= s.blocks[sp.block].end




@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("notes.txt", b"hello", "unsupported file type"),
        ("bad.md", b"\xff\xfe\x00bad", "not UTF-8"),
        ("empty.md", b"   \n", "no text found"),
    ],
)
def test_bad_files_get_one_clear_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=reason) as err:
        ingest_file(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_corpus_skips_unreadable_files_and_reports_duplicates(tmp_path):
    shutil.copy(MINI_REPORT, tmp_path / "a.md")
    shutil.copy(MINI_REPORT, tmp_path / "b.md")
    (tmp_path / "broken.md").write_bytes(b"\xff\xff")
    docs, problems = ingest_corpus(tmp_path)
    assert [d.name for d in docs] == ["a.md"]
    assert any("broken.md" in p for p in problems) and any("b.md" in p and "same report" in p for p in problems)


def test_missing_corpus_folder(tmp_path):
    with pytest.raises(IngestError, match="does not exist"):
        ingest_corpus(tmp_path / "nope")


def test_report_without_contents_takes_sections_from_headings(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("# A Plain Report\n\n# Part one\n\nShort text.\n\n## Detail\n\nMore text here.\n\n# Part two\n\nEnd.\n")
    doc = ingest_file(path)
    assert [s.path for s in doc.sections] == ["Part one", "Part one > Detail", "Part two"]


def test_a_markdown_report_takes_its_year_from_the_cover_not_from_its_text():
    from askwef.ingest.markdown import read_markdown

    cover = "# A Report\n\nWHITE PAPER\nJANUARY 2025\n\n# Contents\n\nIntro\t3\n\n# Intro\n\nBy 2030, in March 2031, it grows.\n"
    assert read_markdown(cover).year == 2025
    assert read_markdown("# A Report\n\nNo date here.\n").year == 0


def test_a_markdown_report_without_a_title_heading_is_named_by_its_file(tmp_path):
    (tmp_path / "tidal_power_notes.md").write_text("## Grids\n\nTidal barrages give steady power for twelve hours a day.\n",
                                                   encoding="utf-8")
    assert ingest_file(tmp_path / "tidal_power_notes.md").title == "Tidal power notes"


def test_a_numbered_heading_the_contents_leaves_out_opens_a_subsection_and_never_takes_a_listed_title(tmp_path):
    # the Filesystem Hierarchy Standard lists three levels and prints four, and titles dozens of sections "Purpose":
    # its unlisted "3.7.4.1. Purpose" was taken for the entry "3.8.1 Purpose", the entries between never found
    path = tmp_path / "manual.md"
    path.write_text("# A Manual\n\n# Contents\n\n1 Layout\t3\n\n1.1 Etc\t3\n\n1.2 Home\t4\n\n1.2.1 Purpose\t4\n\n"
                    "# 1 Layout\n\nThe layout has two parts.\n\n## 1.1 Etc\n\nEtc holds the configuration.\n\n"
                    "### 1.1.1 Purpose\n\nEtc exists so hosts can be configured.\n\n## 1.2 Home\n\nHome holds the users.\n\n"
                    "### 1.2.1 Purpose\n\nHome exists so users can keep files.\n", encoding="utf-8")
    doc = ingest_file(path)
    assert [s.path for s in doc.sections] == ["1 Layout", "1 Layout > 1.1 Etc", "1 Layout > 1.1 Etc > 1.1.1 Purpose", "1 Layout > 1.2 Home",
                                              "1 Layout > 1.2 Home > 1.2.1 Purpose"]
    assert not doc.warnings
    assert _section(doc, "1 Layout > 1.2 Home > 1.2.1 Purpose").text == "Home exists so users can keep files."

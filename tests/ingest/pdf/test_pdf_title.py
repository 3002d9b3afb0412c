"""pdf/title.py: a PDF report's title is its cover's, with the subtitle under it, even when the running head repeats it."""

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from askwef.ingest.pdf.reader import read_pdf
from askwef.ingest.pdf.title import cover_title

BODY = ("Coastal grids for AI need steady power, and tidal barrages give it for twelve hours a day. The OECD and the "
        "AI institutes of the region study how to pay for them, and what strengthening the grids would cost for each "
        "port. Public administration of the barrages is shared with the ports.")


def _pdf(cover: list[tuple[float, float, str]], head: str, pages: int = 4, imprint: str = "") -> bytes:
    """A cover of (size, y, text) lines, then pages of body text under a running head, the first opening on `imprint`."""
    out = BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setTitle("Series of Reviews: Tidal (EN)")  # what the metadata says: the series, not the title
    for size, y, text in cover:
        c.setFont("Helvetica-Bold", size)
        c.drawString(60, y, text)
    c.showPage()
    for page in range(pages):
        c.setFont("Helvetica", 8)
        c.drawString(60, 810, head)
        c.drawString(540, 30, str(page + 2))
        c.setFont("Helvetica", 10)
        if imprint and page == 0:
            c.drawString(60, 780, imprint)
        words, line, y = BODY.split(), "", 760
        for _ in range(6):
            for word in words:
                if c.stringWidth(f"{line} {word}", "Helvetica", 10) > 470:
                    c.drawString(60, y, line)
                    line, y = word, y - 14
                else:
                    line = f"{line} {word}".strip()
        c.drawString(60, y, line)
        c.showPage()
    c.save()
    return out.getvalue()


def _title(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "review.pdf"
    path.write_bytes(data)
    return read_pdf(path, data).title


def test_a_subtitle_in_capitals_joins_the_title_as_the_report_writes_its_words(tmp_path):
    cover = [(19, 700, "Series of Reviews"), (30, 650, "Tidal Power"), (16, 622, "STRENGTHENING COASTAL GRIDS"),
             (16, 604, "FOR AI AND THE OECD"), (10, 400, "January 2025")]
    assert _title(_pdf(cover, "Series of Reviews"), tmp_path) == "Tidal Power: Strengthening Coastal Grids for AI and the OECD"


def test_a_title_the_running_head_repeats_is_still_the_title(tmp_path):
    cover = [(26, 790, "Tidal Power Outlook"), (17, 750, "Harbour Group (http://www.example.org)"), (17, 700, "Ada Wave")]
    assert _title(_pdf(cover, "Tidal Power Outlook"), tmp_path) == "Tidal Power Outlook"


def test_a_metadata_title_the_application_wrote_gives_way_to_the_file_name(tmp_path):
    """No title on the cover (nothing set larger than the body) and a metadata title Word wrote: every quote would have
    named the report "Microsoft Word - final_v3.docx"; it is named by its file instead."""
    out = BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setTitle("Microsoft Word - final_v3.docx")
    for page in range(3):
        c.setFont("Helvetica", 10)
        for row in range(8):
            c.drawString(60, 760 - 14 * row, BODY[row * 30:(row + 1) * 30 + 40])
        c.showPage()
    c.save()
    path = tmp_path / "Tidal_Power_Review_2024.pdf"
    path.write_bytes(out.getvalue())
    assert ingest_file(path).title == "Tidal Power Review 2024"


def test_a_line_over_the_title_is_its_first_words_when_the_report_prints_them_together(tmp_path):
    """The WHO HCV guideline's cover sets "UPDATED RECOMMENDATIONS ON" in 16 pt over the 25 pt "TREATMENT OF
    ADOLESCENTS ...", and its imprint cites "Updated recommendations on treatment of adolescents ...": the title lost its
    first words. A series name set over the title, which the report's citation and running head print before the
    title with a colon (the OECD review's "OECD Public Governance Reviews: Palestinian Authority"), stays out."""
    cover = [(16, 690, "UPDATED GUIDANCE ON"), (30, 660, "TIDAL POWER FOR"), (30, 630, "COASTAL GRIDS")]
    imprint = "Suggested citation. Updated guidance on tidal power for coastal grids. Geneva: Harbour Group; 2022."
    assert _title(_pdf(cover, "Tidal Power", imprint=imprint), tmp_path) == "UPDATED GUIDANCE ON TIDAL POWER FOR COASTAL GRIDS"
    series = [(16, 690, "HARBOUR GROUP REVIEWS"), (30, 660, "TIDAL POWER FOR"), (30, 630, "COASTAL GRIDS")]
    imprint = "Please cite as: Harbour Group Reviews: Tidal power for coastal grids, Harbour Publishing, Geneva, 2022."
    head = "HARBOUR GROUP REVIEWS: TIDAL POWER FOR COASTAL GRIDS"
    assert _title(_pdf(series, head, imprint=imprint), tmp_path) == "TIDAL POWER FOR COASTAL GRIDS"


def test_a_metadata_title_of_the_report_is_kept_when_the_cover_has_none():
    assert cover_title([], 10.0, "Tidal Power Review") == "Tidal Power Review"
    assert cover_title([], 10.0, "Adobe Photoshop PDF") == ""
    assert cover_title([], 10.0, "02148000.2004.sw.fm") == ""  # a FrameMaker file's name (the USGS water record)
    assert cover_title([], 10.0, "Adobe and AI: a review") == "Adobe and AI: a review"


def test_a_line_further_over_the_title_joins_it_on_the_reports_evidence_alone(tmp_path):
    """A line 1.5 title sizes over the title (beyond KICKER_GAP: not set as one block with it) joins it only when the
    report prints the two run together elsewhere, its imprint's citation; without that evidence it stays out."""
    cover = [(16, 705, "UPDATED GUIDANCE ON"), (30, 660, "TIDAL POWER FOR"), (30, 630, "COASTAL GRIDS")]
    imprint = "Suggested citation. Updated guidance on tidal power for coastal grids. Geneva: Harbour Group; 2022."
    assert _title(_pdf(cover, "Tidal Power", imprint=imprint), tmp_path) == "UPDATED GUIDANCE ON TIDAL POWER FOR COASTAL GRIDS"
    assert _title(_pdf(cover, "Tidal Power"), tmp_path) == "TIDAL POWER FOR COASTAL GRIDS"

"""Small digits that belong to the words they follow: a unit's power ('mi²', 'ft³/s'), a formula's subscript ('CO₂e'),
not note markers; real markers on the same page still resolve to their notes (made with reportlab in the shapes of
the USGS water report and Amazon's sustainability report)."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from askwef.ingest import ingest_file
from layoutpages import small_digits_page  # (tests/ is on sys.path)
from pdfpages import saved

PROSE = [[(f"Line {j + 1} says how the water board measures the river and reports its flow each year.", 0.0)] for j in range(8)]


def _sentences(doc) -> dict[str, tuple[int, ...]]:
    return {s.text[sp.start:sp.end]: sp.endnotes for s in doc.sections for sp in s.sentences}


def _read(tmp_path, title: str, rows, notes: list[str], name: str):
    """`rows` drawn as one page of small digits (`layoutpages.small_digits_page`) with its `notes`, and read."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    small_digits_page(c, title, rows, notes)
    return ingest_file(saved(c, buf, tmp_path / name))


def test_units_powers_and_a_formulas_subscript_stay_in_the_text(tmp_path):
    """The USGS report's '5,070 mi' + raised '2' read '5,070 mi' and a marker 2 with no note; '400,000 ft' + '3' + '/s'
    read 'ft/s'; Amazon's 'CO' + lowered '2' + 'e' read 'CO 2e'."""
    rows = PROSE + [
        [("The river drains 5,070 mi", 0.0), ("2", 3.5), (", approximately, above the gauge.", 0.0)],
        [("The flood of 1916 reached a discharge of 400,000 ft", 0.0), ("^3", 3.5), ("/s at the old site.", 0.0)],
        [("Intensity is given in grams of carbon dioxide equivalent (CO", 0.0), ("2", -1.5), ("e) per dollar.", 0.0)],
        [("Each office reports the water it uses per m", 0.0), ("2", 3.5), (" of floor space.", 0.0)],
        [("The board published its plan for the year.", 0.0), ("1", 3.5), (" It was read by many.", 0.0)],
    ] + PROSE
    doc = _read(tmp_path, "Wateree River near Camden", rows, ["1 The plan of the water board for the year 2004."], "units.pdf")
    said = _sentences(doc)
    assert said["The river drains 5,070 mi², approximately, above the gauge."] == ()
    assert said["The flood of 1916 reached a discharge of 400,000 ft³/s at the old site."] == ()
    assert said["Intensity is given in grams of carbon dioxide equivalent (CO₂e) per dollar."] == ()
    assert said["Each office reports the water it uses per m² of floor space."] == ()  # no note 2: the unit's power
    assert said["The board published its plan for the year."] == (1,)
    assert [(n.number, n.reference) for n in doc.endnotes] == [(1, "The plan of the water board for the year 2004.")]
    assert not [w for w in doc.warnings if "has no entry" in w]


def test_a_number_a_note_has_after_a_formula_stays_a_marker(tmp_path):
    """A raised number after a formula's symbols is its count only when no note has that number: here note 1 does."""
    rows = PROSE + [[("The board set targets for its emissions of CO", 0.0), ("1", 3.5), (" and for its waste.", 0.0)]] + PROSE
    said = _sentences(_read(tmp_path, "Wateree River near Camden", rows, ["1 The targets of the water board for the year 2004."], "marker.pdf"))
    assert said["The board set targets for its emissions of CO and for its waste."] == (1,)


def test_a_subscript_inside_one_of_pypdfs_runs_is_cut_out_with_its_drop():
    """Amazon sets 'CO', '2' and 'e) per' in one font, each by its own text matrix: pypdf ran them into one run
    'equivalent (CO 2e) per'; a fraction's '1' and '2' on a lower baseline of a run pypdf made of the IRS's three
    columns are no subscripts (they follow the text of another column, not the string before them)."""
    from askwef.ingest.pdf.pieces import raised_pieces

    shown = [(34.0, 90.22, 269.52, "equivalent (CO", False, 9.0), (90.22, 94.53, 268.15, "2", False, 7.65),
             (94.53, 120.0, 269.52, "e) per", False, 9.0)]
    pieces = raised_pieces("equivalent (CO 2e) per", shown, 9.0, 269.52)
    assert [(p[0], p[3], round(p[4], 2)) for p in pieces] == [("equivalent (CO", 9.0, 0.0), ("2", 7.65, -1.37), ("e) per", 9.0, 0.0)]
    irs = [(185.9, 202.2, 468.0, "The", True, 9.5), (402.0, 538.4, 457.3, "are reduced in 2008 will be only ", True, 9.5),
           (538.4, 541.5, 459.9, "1", True, 5.6), (540.9, 543.6, 457.3, "/", True, 9.5), (543.4, 546.5, 457.3, "2", True, 5.6)]
    assert raised_pieces("The are reduced in 2008 will be only 1/2", irs, 9.5, 468.0) is None


def test_a_raised_number_before_an_elements_symbol_is_its_mass_number(tmp_path):
    """The NCCN thyroid guideline sets '¹³¹I' as 'exposure to' + raised '131' + 'I.', no space shown between the word
    and the number: read 'exposure toI.' with a marker 131 and no note (992 warnings, 66 sentences). A number raised
    after a stop, a space after it, stays a marker, resolved to its note."""
    rows = PROSE + [
        [("Adults have a small risk of the carcinoma after exposure to", 0.0), ("131", 3.5), ("I.", 0.0), ("1", 3.5),
         (" Children exposed to the fallout had more.", 0.0)],
        [("However,", 0.0), ("123", 3.5), ("I is more expensive, and whole-body", 0.0), ("131", 3.5), ("I imaging", 0.0)],
        [("is done after the thyroid hormone is withdrawn.", 0.0)],
    ] + PROSE
    doc = _read(tmp_path, "Radiation-induced thyroid carcinoma", rows, ["1 A study of the children exposed in 1986."], "isotopes.pdf")
    said = _sentences(doc)
    assert said["Adults have a small risk of the carcinoma after exposure to ¹³¹I."] == (1,)
    assert said["However, ¹²³I is more expensive, and whole-body ¹³¹I imaging is done after the thyroid hormone is withdrawn."] == ()
    assert [(n.number, n.reference) for n in doc.endnotes] == [(1, "A study of the children exposed in 1986.")]
    assert not [w for w in doc.warnings if "has no entry" in w]

"""A PDF whose text is set in a composite (Type0) font with an embedded CMap of one byte a code, as callas pdfToolbox
writes Amazon's sustainability report: codespace <20> <7E>, each code's glyph (CID) the code less 31, widths keyed
by glyph, a ToUnicode map of one byte a code. Its glyphs are Helvetica's widths; the font itself is not embedded
(the reader reads codes, widths and letters, never outlines).

>>> data = one_byte_cmap_pdf([[("Hello", 9.0, 0.0)]])  # doctest: +SKIP
"""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, NumberObject
from reportlab.pdfbase.pdfmetrics import stringWidth

FIRST, LAST, SHIFT = 0x20, 0x7E, 31  # the codes the CMap holds, and code - SHIFT = glyph

CMAP = f"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Made-OneByte def /CMapType 1 def
1 begincodespacerange <{FIRST:02x}> <{LAST:02x}> endcodespacerange
1 begincidrange <{FIRST:02x}> <{LAST:02x}> {FIRST - SHIFT} endcidrange
endcmap CMapName currentdict /CMap defineresource pop end end""".encode()

TO_UNICODE = f"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Made-UCS def /CMapType 2 def
1 begincodespacerange <{FIRST:02x}> <{LAST:02x}> endcodespacerange
1 beginbfrange <{FIRST:02x}> <{LAST:02x}> <00{FIRST:02x}> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end""".encode()


def _stream(writer: PdfWriter, data: bytes, **entries) -> object:
    stream = DecodedStreamObject()
    stream.set_data(data)
    for key, value in entries.items():
        stream[NameObject(f"/{key}")] = value
    return writer._add_object(stream)


def one_byte_font(writer: PdfWriter) -> object:
    """The Type0 font (an indirect object of `writer`): one byte a code, Helvetica's widths by glyph."""
    widths = ArrayObject([NumberObject(FIRST - SHIFT), ArrayObject(
        [FloatObject(round(stringWidth(chr(code), "Helvetica", 1000), 1)) for code in range(FIRST, LAST + 1)])])
    descendant = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/CIDFontType2"),
        NameObject("/BaseFont"): NameObject("/MADE+Helvetica"), NameObject("/DW"): NumberObject(1000),
        NameObject("/W"): widths, NameObject("/CIDToGIDMap"): NameObject("/Identity"),
        NameObject("/CIDSystemInfo"): DictionaryObject({NameObject("/Registry"): NameObject("/Made"),
                                                        NameObject("/Ordering"): NameObject("/OneByte"),
                                                        NameObject("/Supplement"): NumberObject(0)}),
    })
    return writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type0"),
        NameObject("/BaseFont"): NameObject("/MADE+Helvetica"),
        NameObject("/Encoding"): _stream(writer, CMAP, Type=NameObject("/CMap"), CMapName=NameObject("/Made-OneByte")),
        NameObject("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
        NameObject("/ToUnicode"): _stream(writer, TO_UNICODE),
    }))


def one_byte_cmap_pdf(lines: list[list[tuple[str, float, float]]], foot: list[str] = (), *, top: float = 780.0,
                      pitch: float = 13.0) -> bytes:
    """An A4 page of `lines` from `top` down, each a list of pieces (text, size, rise): each piece by a text matrix of
    its own at its size (font size 1, the size in the matrix, as InDesign exports), right where the piece before ends,
    raised `rise` points (a note marker: 'startups.' then '3' in 5.4 pt, 3 pt up); a piece whose rise is None is placed
    as InDesign places a word's rest after its first letter ('m' then 'easure them'): a text matrix at the line above's
    start, then a move (Td) down to where the piece before ends. The lines of `foot` in 7 pt at the page's foot."""
    writer = PdfWriter()
    page = writer.add_blank_page(595.28, 841.89)
    ops = ["BT", "/C0 1 Tf"]
    rows = [(pieces, top - pitch * j) for j, pieces in enumerate(lines)] + [([(t, 7.0, 0.0)], 90.0 - 9 * k) for k, t in enumerate(foot)]
    for pieces, y in rows:
        x = 72.0
        for text, size, rise in pieces:
            if rise is None:
                ops.append(f"{size:g} 0 0 {size:g} 72 {y + pitch:.3f} Tm {(x - 72) / size:.4f} {-pitch / size:.4f} Td")
            else:
                ops.append(f"{size:g} 0 0 {size:g} {x:.3f} {y + rise:.3f} Tm")
            ops.append(f"<{text.encode('latin-1').hex()}> Tj")
            x += stringWidth(text, "Helvetica", size)
    ops.append("ET")
    page[NameObject("/Contents")] = _stream(writer, "\n".join(ops).encode())
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/C0"): one_byte_font(writer)})})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()

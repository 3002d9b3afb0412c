"""A page set in composite fonts with CMaps of their own, as InDesign through callas writes them (Amazon's 2022
sustainability report): one-byte codes, each mapped to a glyph id (CID) numbered from 1 in the subset's order, the
widths by CID, a ToUnicode map by code. reportlab writes no such font, so the file is written here, byte by byte.

Draw with `show` (a line at a place) and `shows` (strings one after another in one text object, the way the report
breaks words and links), then `cmap_font_pdf` writes the page; `four_column_spread` is the report's landscape page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

FONTS = {"/F1": "Helvetica", "/F2": "Helvetica-Bold"}
"""The page's fonts: their names and the standard font whose widths they take."""

CODES = [chr(c) for c in range(0x20, 0x7F)]
"""The codes the fonts' CMaps read (one byte, <20> to <7e>)."""


def _cid(char: str) -> int:
    """A code's glyph id: subset order, from 1 (the space), so the code is not its glyph id."""
    return CODES.index(char) + 1


def _hex(text: str) -> str:
    return "<" + "".join(f"{ord(c):02x}" for c in text) + ">"


def show(x: float, y: float, text: str, *, size: float = 9.0, font: str = "/F1") -> str:
    """A text object drawing `text` at (x, y)."""
    return f"BT {font} {size:g} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm {_hex(text)} Tj ET\n"


def shows(parts: list[tuple], *, size: float = 9.0) -> str:
    """One text object of strings, each (font, text) shown where the one before ended (no move), (font, text, x, y)
    shown at (x, y) set by a new text matrix, or (font, text, x, y, dx, dy) at (x + dx, y + dy), the matrix set at
    (x, y) and then moved (the report moves back to the line above and down again inside a word)."""
    out = "BT "
    for part in parts:
        font, text = part[:2]
        out += f"{font} {size:g} Tf "
        if len(part) > 2:
            out += f"1 0 0 1 {part[2]:.2f} {part[3]:.2f} Tm "
        if len(part) > 4:
            out += f"{part[4]:.2f} {part[5]:.2f} Td "
        out += f"{_hex(text)} Tj "
    return out + "ET\n"


def width(text: str, size: float = 9.0, font: str = "/F1") -> float:
    return stringWidth(text, FONTS[font], size)


def _font_objects(name: str, first: int) -> tuple[list[bytes], int]:
    """The objects of one font from object number `first`: Type0, CIDFont, descriptor, CMap, ToUnicode."""
    base = FONTS[name]
    widths = " ".join(str(round(stringWidth(c, base, 1000))) for c in CODES)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /AAAAAA-CMap def /CMapType 1 def\n"
            "1 begincodespacerange <20> <7e> endcodespacerange\n"
            f"{len(CODES)} begincidchar\n" + "".join(f"<{ord(c):02x}> {_cid(c)}\n" for c in CODES) +
            "endcidchar endcmap CMapName currentdict /CMap defineresource pop end end")
    unicode = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
               "1 begincodespacerange <20> <7e> endcodespacerange\n"
               f"{len(CODES)} beginbfchar\n" + "".join(f"<{ord(c):02x}> <{ord(c):04x}>\n" for c in CODES) +
               "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    n = first
    objects = [
        f"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+{base} /Encoding {n + 3} 0 R /DescendantFonts [{n + 1} 0 R] "
        f"/ToUnicode {n + 4} 0 R >>".encode(),
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+{base} /CIDSystemInfo << /Registry (callas) "
        f"/Ordering (AAAAAA-CMap) /Supplement 0 >> /FontDescriptor {n + 2} 0 R /DW 1000 /W [1 [{widths}]] >>".encode(),
        f"<< /Type /FontDescriptor /FontName /AAAAAA+{base} /Flags 32 /FontBBox [-166 -225 1000 931] /ItalicAngle 0 "
        f"/Ascent 718 /Descent -207 /CapHeight 718 /StemV 88 >>".encode(),
        _stream(cmap, "/Type /CMap /CMapName /AAAAAA-CMap /CIDSystemInfo << /Registry (callas) /Ordering (AAAAAA-CMap) "
                      "/Supplement 0 >>"),
        _stream(unicode, ""),
    ]
    return objects, n + len(objects)


def _stream(text: str, entries: str) -> bytes:
    data = text.encode("latin-1")
    return f"<< {entries} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def cmap_font_pdf(path: Path, content: str, size: tuple[float, float] = (1088.0, 612.0)) -> Path:
    """One page of `size` drawing `content` (`show`, `shows`) in the fonts of FONTS, written at `path`."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b""]
    fonts = {}
    number = 5  # 4: the page's content
    font_objects: list[bytes] = []
    for name in FONTS:
        made, after = _font_objects(name, number)
        fonts[name] = number
        font_objects += made
        number = after
    objects[2] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]:g} {size[1]:g}] /Contents 4 0 R /Resources "
                  f"<< /Font << " + " ".join(f"{name} {n} 0 R" for name, n in fonts.items()) + " >> >> >>").encode()
    objects.append(_stream(content, ""))
    objects += font_objects
    out = bytearray(b"%PDF-1.6\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def four_column_spread(path: Path, *, leading: float = 13.0) -> Path:
    """A landscape page (1,088 x 612 pt) as Amazon's 2022 report sets one: a title and its text in the first of four
    columns 16-20 pt apart, the others on one grid of baselines, set in fonts with CMaps of their own; a word of
    column 2 broken by a new text matrix (set on the line above, then moved down) and a word of column 1 shown right
    after the string before it."""
    from reportlab.lib.utils import simpleSplit

    from pdfpages import column_text

    content = show(34, 508, "Our Delivery Network", size=20) + show(34, 484, "and Its Partners", size=20)
    for k, (x, w) in enumerate([(34.0, 243.0), (293.0, 237.0), (551.0, 240.0), (810.0, 246.0)]):
        for j, line in enumerate(simpleSplit(column_text(k, 6), "Helvetica", 9, w)):
            y = (458.6 if k == 0 else 520.5) - leading * j
            if k == 1 and j == 1:  # its second line's first word in two pieces ('pub' | 'lish'), 0.1 pt apart
                content += shows([("/F1", line[:3], x, y), ("/F1", line[3:], x, y + leading, width(line[:3]) + 0.1, -leading)])
            elif k == 0 and j == 2:  # its last word in bold, shown where the rest ended
                head, last = line.rsplit(" ", 1)
                content += shows([("/F1", head + " ", x, y), ("/F2", last)])
            else:
                content += show(x, y, line)
    return cmap_font_pdf(path, content)

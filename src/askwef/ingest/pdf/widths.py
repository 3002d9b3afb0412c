"""Text widths from a PDF's fonts: how far a string moves the text position, and its letters.

pypdf knows the metrics of the standard 14 fonts and reads the widths of embedded ones; a composite
(Type0) font keys them by glyph id, a simple font by its encoding's letters. A TJ string's
adjustments and the character and word spacing (Tc, Tw) count, so a justified run ends where its
last letter does.

>>> Widths().width(None, "abc", 10.0)
15.0
"""

from __future__ import annotations

from .cmaps import Codes, font_codes


class Widths:
    """Text widths from the PDF's font resources (pypdf knows the metrics of the standard 14 fonts).

    A composite (Type0) font, as browsers embed them, keys its widths by glyph id, not by letter:
    the letters are mapped back through the font's ToUnicode map ('D' -> glyph 0x27 -> 770 units).
    """

    def __init__(self) -> None:
        self._fonts: dict[int, object] = {}
        self._glyphs: dict[int, dict[str, float]] = {}
        self._missing: dict[int, float] = {}  # a composite font's width of glyphs its /W leaves out
        self._codes: dict[int, Codes | None] = {}  # a composite font's embedded CMap: its codes' lengths and glyphs

    def width(self, font_dict, text: str, size: float) -> float:
        key = id(font_dict)
        font = self._fonts.get(key)
        if font is None and font_dict is not None:
            try:
                from pypdf.generic._font import Font

                font = Font.from_font_resource(font_dict)
            except Exception:  # noqa: BLE001 - any odd font falls back to an estimate
                font = False
            self._fonts[key] = font
            self._missing[key] = _missing_width(font_dict)
            self._codes[key] = font_codes(font_dict) if font and getattr(font, "sub_type", "") == "Type0" else None
            self._glyphs[key] = _letter_widths(font, self._missing[key], self._codes[key]) if font else {}
        if font:
            letters = self._glyphs.get(key) or {}
            if letters:
                default = float(getattr(font, "space_width", 0) or 500) if " " not in letters else letters[" "]
                return sum(letters.get(c, default) for c in text) * size / 1000
            try:
                return font.get_text_width(text) * size / 1000  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001
                pass
        return 0.5 * size * len(text)


    def font(self, font_dict):
        """The font of a font resource (loaded once), or None."""
        if font_dict is None:
            return None
        self.width(font_dict, "", 10.0)
        return self._fonts.get(id(font_dict)) or None

    def advance(self, font_dict, string, size: float, spacing: tuple[float, float] = (0.0, 0.0)) -> tuple[float, str] | None:
        """How far a Tj/TJ string moves the text position (text space), and its letters; None when
        the font is unknown (letter widths are estimated). A simple font's string (one byte a glyph,
        as a word processor writes them) counts its TJ adjustments, which justify the line, and the
        character and word spacing (`spacing`: Tc, Tw), so a run ends where its last letter does; a
        composite font's string counts them too (word spacing where a space is a one-byte code: Amazon's
        InDesign export sets Tc -0.02 em, 6.8 pt over 'achieving the Carbon Trust's Reducing ')."""
        if font_dict is None:
            return None
        self.width(font_dict, "", size)  # loads the font
        font = self._fonts.get(id(font_dict))
        if not font:
            return None
        if getattr(font, "sub_type", "") != "Type0":
            return _simple_advance(font, string, size, spacing)
        glyphs = getattr(font, "character_widths", None) or {}
        letters = getattr(font, "character_map", None) or {}
        missing = self._missing.get(id(font_dict), DEFAULT_CID_WIDTH)
        char_spacing, word_spacing = spacing
        total = 0.0
        text = ""
        for part in string if isinstance(string, list) else [string]:
            if isinstance(part, (int, float)):
                total -= float(part) / 1000 * size  # a TJ adjustment
                continue
            raw = part.original_bytes if hasattr(part, "original_bytes") else bytes(part) if isinstance(part, (bytes, bytearray)) else None
            if raw is None:
                return None
            split = _codes(raw, self._codes.get(id(font_dict)))
            if split is None:
                return None  # bytes its CMap does not read: the width is estimated from the letters
            for code, glyph, space in split:
                total += float(glyphs.get(glyph, missing)) / 1000 * size + char_spacing + (word_spacing if space else 0.0)
                letter = letters.get(code, "")
                text += letter if isinstance(letter, str) else ""
        return total, text

    def spaced(self, font_dict, string) -> str | None:
        """The letters a Tj/TJ string shows, with a space where a TJ adjustment opens a word gap
        (pypdf judges gaps by a space width some font subsets do not have, and runs words together:
        'ArtificialIntelligence(AI)is'); None when the font's letters are unknown."""
        if font_dict is None:
            return None
        self.width(font_dict, "", 10.0)  # loads the font
        font = self._fonts.get(id(font_dict))
        letters = getattr(font, "character_map", None) if font else None
        if not letters:
            return None
        two = getattr(font, "sub_type", "") == "Type0"
        encoding = getattr(font, "encoding", None)
        text = ""
        for part in string if isinstance(string, list) else [string]:
            if isinstance(part, (int, float)):
                if -float(part) >= WORD_GAP and text and not text.endswith(" "):
                    text += " "
                continue
            raw = part.original_bytes if hasattr(part, "original_bytes") else bytes(part) if isinstance(part, (bytes, bytearray)) else None
            if raw is None:
                return None
            split = _codes(raw, self._codes.get(id(font_dict))) if two else [(chr(b),) for b in raw]
            if split is None:
                return None
            for code, *_ in split:
                letter = letters.get(code)
                if not isinstance(letter, str) and not two and isinstance(encoding, dict):
                    letter = encoding.get(ord(code))
                text += letter if isinstance(letter, str) else ""
        return text


def _simple_advance(font, string, size: float, spacing: tuple[float, float]) -> tuple[float, str] | None:
    """`Widths.advance` for a simple font: each byte a glyph, its width by the font's encoding."""
    encoding = getattr(font, "encoding", None)
    glyphs = getattr(font, "character_widths", None) or {}
    letters = getattr(font, "character_map", None) or {}
    if not isinstance(encoding, dict) or not glyphs:
        return None
    default = float(getattr(font, "space_width", 0) or 500)
    char_spacing, word_spacing = spacing
    total = 0.0
    text = ""
    for part in string if isinstance(string, list) else [string]:
        if isinstance(part, (int, float)):
            total -= float(part) / 1000 * size
            continue
        raw = part.original_bytes if hasattr(part, "original_bytes") else bytes(part) if isinstance(part, (bytes, bytearray)) else None
        if raw is None:
            return None
        for byte in raw:
            char = encoding.get(byte, chr(byte))
            char = char if isinstance(char, str) else chr(byte)
            # pypdf keys a simple font's widths by the byte (its /Widths, a standard font's metrics by its encoding), not
            # by the letter it decodes to: the DMCA's '“' (0x93) is 448 units, not the default 250
            width = glyphs.get(chr(byte), glyphs.get(char, default))
            total += float(width) / 1000 * size + char_spacing + (word_spacing if byte == 32 else 0.0)
            letter = letters.get(chr(byte), char)
            text += letter if isinstance(letter, str) else char
    return total, text


WORD_GAP = 150
"""A TJ adjustment moving the next glyph right by this many thousandths of an em or more is a word
gap (kerning moves glyphs by tens; the UK strategy's subset fonts space words by 260)."""


DEFAULT_CID_WIDTH = 1000.0
"""The width of a composite font's glyph that neither its /W array nor a /DW entry gives (the PDF
reference, 9.7.4.3)."""


def _codes(raw: bytes, codes: Codes | None) -> list[tuple[str, str, bool]] | None:
    """A composite font's string as (code, glyph) keys of its letters and widths (pypdf keys both by chr of the
    number), and whether the code is a one-byte space (word spacing applies to it, the PDF reference 9.3.3): by
    its embedded CMap, else two bytes a code that is its own glyph (Identity-H; an odd last byte is dropped).
    None when some bytes fall in none of its CMap's codespace ranges (`Codes.split`)."""
    if codes is None:
        return [(chr(raw[i] << 8 | raw[i + 1]),) * 2 + (False,) for i in range(0, len(raw) - 1, 2)]
    split = codes.split(raw)
    if split is None:
        return None
    return [(chr(code), chr(codes.cid(code)), code == 32 and n == 1) for code, n in split]


def _letter_widths(font, missing: float = DEFAULT_CID_WIDTH, codes: Codes | None = None) -> dict[str, float]:
    """Letter -> width of a Type0 font whose widths are keyed by glyph (`missing` for a glyph its /W leaves out;
    `codes`: its embedded CMap, which maps a letter's code to its glyph, else the code is the glyph); {} for a
    simple font."""
    if getattr(font, "sub_type", "") != "Type0":
        return {}
    widths = getattr(font, "character_widths", None) or {}
    letters: dict[str, float] = {}
    for code, letter in (getattr(font, "character_map", None) or {}).items():
        if isinstance(letter, str) and len(letter) == 1 and letter not in letters:
            glyph = chr(codes.cid(ord(code))) if codes is not None and len(code) == 1 else code
            letters[letter] = float(widths.get(glyph, missing))
    return letters


def _missing_width(font_dict) -> float:
    """A composite (Type0) font's width for the glyphs its /W array leaves out: its descendant font's /DW.
    Chromium leaves out every glyph as wide as /DW (Liberation Serif Bold's 'o', 'a', 'g', 'y' and the
    dash at /DW 500): counted as 0, its runs ended short of their letters, and a heading's line read as
    two cells of a table's header ('GAC Honda - enhancing quality inspection with' | 'AI-driven visual')."""
    try:
        descendant = font_dict["/DescendantFonts"][0].get_object()
        return float(descendant.get("/DW", DEFAULT_CID_WIDTH))
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        return DEFAULT_CID_WIDTH

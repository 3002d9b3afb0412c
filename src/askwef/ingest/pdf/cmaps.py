"""A composite (Type0) font's codes: how a string's bytes split into character codes, and each code's glyph (CID).

A Type0 font's /Encoding is a CMap. The predefined Identity-H (what browsers and most tools embed) reads two bytes a
code and the code is the glyph id. An embedded CMap stream says for itself how many bytes a code takes (its
codespace ranges) and which glyph each code shows (its cidchar and cidrange entries): the Amazon sustainability
report (callas pdfToolbox) embeds CMaps of one byte a code, codespace <20> to <97>, 'a' (0x61) glyph 32. Read two
bytes at a time, its strings' widths and letters came out wrong, a one-letter string (a raised note number) as
nothing, and its markers stayed glued in the text ('startups.3 In').

>>> codes = Codes({1: [(0x20, 0x97)]}, ranges=((0x61, 0x70, 32),))
>>> codes.split(b"a b")
[(97, 1), (32, 1), (98, 1)]
>>> codes.cid(0x61), codes.cid(0x62)
(32, 33)
>>> codes.split(bytes([0x61, 0x05])) is None  # a byte outside the codespace: what it shows is not known
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|(-?\d+)|(begincodespacerange|endcodespacerange|begincidrange|endcidrange"
                    rb"|begincidchar|endcidchar|usecmap)")


@dataclass(frozen=True)
class Codes:
    """A CMap's code lengths (bytes -> the (low, high) ranges of codes that long) and its code -> glyph map: runs
    (low, high, first glyph) and single codes."""

    spaces: dict[int, list[tuple[int, int]]]
    singles: dict[int, int] = field(default_factory=dict)
    ranges: tuple[tuple[int, int, int], ...] = ()

    def split(self, raw: bytes) -> list[tuple[int, int]] | None:
        """The character codes of a string and their lengths in bytes: at each byte the shortest code a codespace
        range holds (the PDF reference, 9.7.6.2); None when some bytes fall in no range. Amazon's report, p49, sets
        link text in a Calibri whose CMap reads only the space (<20> <20>): read a byte a code, each an unmapped
        glyph of its /DW, 'Contact Materials Restricted Substance List' (87 pt) came to 359 pt; what such bytes show
        and how wide is not known, so the width is left to the letter estimate."""
        out: list[tuple[int, int]] = []
        i = 0
        while i < len(raw):
            for n in sorted(self.spaces):
                if i + n <= len(raw):
                    code = int.from_bytes(raw[i:i + n], "big")
                    if any(lo <= code <= hi for lo, hi in self.spaces[n]):
                        break
            else:
                return None
            out.append((code, n))
            i += n
        return out

    def cid(self, code: int) -> int:
        """The glyph (CID) a code shows; 0 (the missing glyph) when the CMap does not map it."""
        if code in self.singles:
            return self.singles[code]
        for lo, hi, first in self.ranges:
            if lo <= code <= hi:
                return first + code - lo
        return 0


def font_codes(font_dict) -> Codes | None:
    """How a Type0 font's strings split into codes and glyphs, by its embedded CMap's own codespace and glyph map;
    None for a predefined CMap named in /Encoding (Identity-H: two bytes a code, the code the glyph), one based on
    another (/UseCMap) or one that cannot be read: those are read two bytes a code."""
    try:
        encoding = font_dict.get("/Encoding")
        encoding = encoding.get_object() if hasattr(encoding, "get_object") else encoding
        if not hasattr(encoding, "get_data") or "/UseCMap" in encoding:
            return None
        data = encoding.get_data()
    except Exception:  # noqa: BLE001 - an unreadable CMap: the two-byte reading
        return None
    return parse_cmap(data)


def parse_cmap(data: bytes) -> Codes | None:
    """A CMap stream's codespace ranges and cidchar / cidrange entries; None without a codespace range or with a
    usecmap (the base CMap's codes are not known here)."""
    spaces: dict[int, list[tuple[int, int]]] = {}
    singles: dict[int, int] = {}
    ranges: list[tuple[int, int, int]] = []
    section = b""
    pending: list[tuple[int, int]] = []  # (value, byte length) of the hex codes read in a section
    for m in _TOKEN.finditer(data):
        hexcode, number, word = m.groups()
        if word is not None:
            if word == b"usecmap":
                return None
            section = word[5:] if word.startswith(b"begin") else b""
            pending = []
            continue
        if hexcode is not None:
            digits = re.sub(rb"\s", b"", hexcode)
            if not digits:
                continue
            pending.append((int(digits, 16), (len(digits) + 1) // 2))
            if section == b"codespacerange" and len(pending) == 2:
                (lo, n), (hi, _) = pending
                spaces.setdefault(n, []).append((lo, hi))
                pending = []
        elif number is not None:
            if section == b"cidchar" and len(pending) == 1:
                singles[pending[0][0]] = int(number)
            elif section == b"cidrange" and len(pending) == 2:
                ranges.append((pending[0][0], pending[1][0], int(number)))
            pending = []
    if not spaces:
        return None
    return Codes(spaces, singles, tuple(ranges))

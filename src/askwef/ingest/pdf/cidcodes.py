"""A composite font's own CMap: which bytes of a string make one character code, and the glyph (CID) each code shows.

A Type0 font encoded /Identity-H shows a glyph for every two bytes, the glyph's id the two bytes. Some producers
embed a CMap of their own instead (Amazon's 2022 sustainability report, InDesign 18 through callas: codes of one byte,
<20> to <7a>, each mapped to a CID from 1 up), so a string's glyphs, and the widths the font's /W array gives by CID,
are found only through it; read two bytes at a time they were the wrong glyphs, and the lines ended about half as far
right as they are printed.

>>> cmap = parse_cmap(b"1 begincodespacerange <20> <7a> endcodespacerange 1 begincidchar <20> 1 endcidchar "
...                   b"1 begincidrange <61> <69> 23 endcidrange")
>>> [(code, cmap.cids.get(code)) for code in cmap.codes(b"a b")]
[(97, 23), (32, 1), (98, 24)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SECTION = re.compile(rb"begin(codespacerange|cidchar|cidrange)(.*?)end\1", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>|(\d+)")


@dataclass(frozen=True)
class CodeMap:
    """An embedded CMap: its codespace ranges ((bytes, low, high) each) and code -> CID."""

    spaces: tuple[tuple[int, int, int], ...]
    cids: dict[int, int] = field(default_factory=dict)

    def codes(self, raw: bytes) -> list[int] | None:
        """The character codes of a string's bytes, each as long as the codespace range it falls in; None when some
        bytes fall in none (Amazon's report, p49: link text in a Calibri whose CMap reads only the space, <20>; what
        it shows and how wide is not known)."""
        out: list[int] = []
        i = 0
        while i < len(raw):
            for length, low, high in self.spaces:
                if i + length <= len(raw) and low <= int.from_bytes(raw[i:i + length], "big") <= high:
                    out.append(int.from_bytes(raw[i:i + length], "big"))
                    i += length
                    break
            else:
                return None
        return out


def parse_cmap(data: bytes) -> CodeMap | None:
    """The CodeMap of a CMap stream's text; None when it names no codespace (nothing to read codes by)."""
    spaces: list[tuple[int, int, int]] = []
    cids: dict[int, int] = {}
    for kind, body in _SECTION.findall(data):
        tokens = [(hexa, int(num)) if num else (hexa, None) for hexa, num in _HEX.findall(body)]
        step = 2 if kind in (b"codespacerange", b"cidchar") else 3
        for k in range(0, len(tokens) - step + 1, step):
            group = tokens[k:k + step]
            if kind == b"codespacerange":
                (low, _), (high, _) = group
                if low and len(low) == len(high):
                    spaces.append((len(low) // 2, int(low, 16), int(high, 16)))
            elif kind == b"cidchar" and group[0][0] and group[1][1] is not None:
                cids[int(group[0][0], 16)] = group[1][1]
            elif kind == b"cidrange" and group[0][0] and group[1][0] and group[2][1] is not None:
                low, high = int(group[0][0], 16), int(group[1][0], 16)
                for code in range(low, min(high, low + MAX_RANGE) + 1):
                    cids[code] = group[2][1] + code - low
    return CodeMap(tuple(sorted(spaces)), cids) if spaces else None


MAX_RANGE = 65536
"""Codes a cidrange maps at most (a two-byte codespace holds 65,536): a damaged range is not expanded further."""


def embedded_cmap(font_dict) -> CodeMap | None:
    """The CodeMap of a Type0 font whose /Encoding is a CMap stream of its own; None for a named CMap (/Identity-H,
    /UniGB-UCS2-H: read as today) or a stream that cannot be read."""
    try:
        if font_dict.get("/Subtype") != "/Type0":
            return None
        encoding = font_dict.get("/Encoding")
        encoding = encoding.get_object() if encoding is not None else None
        if not hasattr(encoding, "get_data"):
            return None
        return parse_cmap(encoding.get_data())
    except Exception:  # noqa: BLE001 - an unreadable CMap: the font is read as before
        return None

"""Glyph names a simple font's /Differences gives that pypdf cannot read: read as the letters they name.

pypdf maps a /Differences glyph name to its letter by the Adobe Glyph List ('/asterisk' -> '*') and by the
'/uniXXXX' and '/uXXXX' forms; any other name it puts in the text as it stands. pdfTeX's Type 3 fonts (bitmap fonts
for symbols) name their glyphs by their code in hex: the MPICH guides' title footnote asterisk came out as
'MPICH User’s Guide/x2A', a dollar sign as '/x24'. The Adobe Glyph List's own rules read more names: a suffix after
a dot is a variant of the same letter ('/one.oldstyle', '/a.sc'), an underscore joins a ligature's letters ('/f_f_i').

`name_glyphs` rewrites such a name, in the font's /Differences as the reader holds it in memory, to the '/uniXXXX'
name of what it shows, so the page's text, its strings' letters and their widths agree. A name that says nothing
readable stays as pypdf reads it: the Elsevier article's math font names its minus and times signs '/C0' and '/C2'
("10 /C0 10 mbar", "5 /C2 5 μm²"), and dropping them left "10 10 mbar", a number changed, where the name at least
marks a sign lost.

>>> glyph_letters("/x2A"), glyph_letters("/f_f_i"), glyph_letters("/one.oldstyle"), glyph_letters("/g12")
('*', 'ffi', '1', '')
"""

from __future__ import annotations

import re

HEX_NAME = re.compile(r"^x([0-9A-Fa-f]{2,4})$")
"""A glyph named by its code in hex: pdfTeX's Type 3 fonts ('/x2A' the asterisk, '/x24' the dollar sign, in the MPICH
user's and installer's guides)."""

UNREADABLE = "/uni0001"
"""What a name of several letters no one name gives is rewritten to: a control character, which the runs' text drops."""

FORM_DEPTH = 3
"""Form XObjects nested this deep are looked into for their fonts (a page's figures drawn as forms in forms)."""


def glyph_letters(name: str) -> str:
    """The letters glyph `name` ('/x2A') shows, by the Adobe Glyph List's rules and the hex form; '' when unknown."""
    from pypdf._codecs import adobe_glyphs

    base = name.lstrip("/").split(".", 1)[0]
    out = ""
    for part in base.split("_") if base else []:
        if (letter := adobe_glyphs.get(f"/{part}")) is not None:
            out += letter
        elif m := HEX_NAME.match(part) or re.match(r"^(?:uni|u)([0-9A-Fa-f]{4,6})$", part):
            code = int(m.group(1), 16)
            if code < 0x20 or code > 0x10FFFF or 0xD800 <= code < 0xE000:
                return ""
            out += chr(code)
        else:
            return ""
    return out


def _unread(name: str) -> bool:
    """pypdf leaves `name` in the text as it stands (no Adobe Glyph List entry, not '/uniXXXX' nor '/uXXXX')."""
    from pypdf._cmap import _glyph_name_to_unicode

    try:
        return not _glyph_name_to_unicode(name)
    except Exception:  # noqa: BLE001 - a name pypdf cannot parse either
        return True


def _rewrite(font) -> None:
    """One font's /Differences names pypdf cannot read, rewritten in place (see the module)."""
    from pypdf.generic import NameObject

    encoding = font.get("/Encoding")
    encoding = encoding.get_object() if encoding is not None else None
    if not hasattr(encoding, "get") or "/Differences" not in encoding:
        return
    differences = encoding["/Differences"].get_object()
    for k, item in enumerate(differences):
        if isinstance(item, NameObject) and _unread(str(item)) and (letters := glyph_letters(str(item))):
            differences[k] = NameObject(_readable(letters))


def _readable(letters: str) -> str:
    """A glyph name pypdf reads as `letters`: '/uniXXXX' for one letter, the Adobe Glyph List's name of a ligature
    ('ffi': '/ffi', whose 'ﬃ' the runs' text spells out), else UNREADABLE (letters pypdf has no one name for)."""
    from pypdf._codecs import adobe_glyphs

    if len(letters) == 1:
        return f"/uni{ord(letters):04X}"
    ligature = {"ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02", "ffi": "\ufb03", "ffl": "\ufb04"}.get(letters)
    return next((name for name, letter in adobe_glyphs.items() if ligature and letter == ligature), UNREADABLE)


def name_glyphs(page) -> None:
    """Every font of `page` (its own and its forms') read with the glyph names pypdf cannot read rewritten (the module).
    With a pypdf whose private glyph tables have moved, the names are read as pypdf reads them."""
    try:
        from pypdf._cmap import _glyph_name_to_unicode  # noqa: F401
        from pypdf._codecs import adobe_glyphs  # noqa: F401
    except ImportError:
        return

    def fonts_of(resources, depth: int, seen: set[int]) -> None:
        try:
            resources = resources.get_object() if resources is not None else None
            if not hasattr(resources, "get"):
                return
            for font in (resources.get("/Font") or {}).values():
                font = font.get_object()
                if id(font) not in seen and font.get("/Subtype") in ("/Type1", "/Type3", "/TrueType", "/MMType1"):
                    seen.add(id(font))
                    _rewrite(font)
            if depth < FORM_DEPTH:
                for xobject in (resources.get("/XObject") or {}).values():
                    xobject = xobject.get_object()
                    if xobject.get("/Subtype") == "/Form" and id(xobject) not in seen:
                        seen.add(id(xobject))
                        fonts_of(xobject.get("/Resources"), depth + 1, seen)
        except Exception:  # noqa: BLE001 - damaged resources: read as pypdf reads them
            return

    fonts_of(page.get("/Resources"), 0, set())

"""Pathological PDFs, built by hand so each one fails in exactly one way.

- `many_pages_pdf(n)`: n pages sharing one content stream (a page tree that claims too much);
- `deep_nesting_pdf(depth)`: a page whose resources hold arrays nested `depth` deep;
- `bomb_pdf(megabytes)`: a content stream of a few hundred kilobytes that inflates to `megabytes` MB;
- `slow_pdf(operators)`: one page drawing `operators` tiny text runs (a page that takes long to read).

>>> bomb_pdf(100)[:5]  # doctest: +SKIP
b'%PDF-'
"""

from __future__ import annotations

import zlib


def _pdf(objects: list[bytes]) -> bytes:
    """Objects 1..n as given (bytes between 'n 0 obj' and 'endobj'), with a valid xref and trailer."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 11 Tf 72 720 Td (A short report about AI in industry.) Tj ET"


def many_pages_pdf(count: int) -> bytes:
    """`count` pages, every one the same small page (object 4: the content, 5: the font)."""
    kids = b" ".join(b"%d 0 R" % (6 + k) for k in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count, b"null",
               _stream(_TEXT), _FONT]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
    objects += [page] * count
    return _pdf(objects)


def deep_nesting_pdf(depth: int = 100_000) -> bytes:
    """A page whose /Resources carry an array nested `depth` levels deep."""
    nested = b"[" * depth + b"]" * depth
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /Deep "
        + nested + b" >> >>",
        _stream(_TEXT),
        _FONT,
    ])


def bomb_pdf(megabytes: int = 200) -> bytes:
    """One page whose content stream inflates to `megabytes` MB of spaces after a line of text."""
    content = _TEXT + b"\n" + b" " * (megabytes * 1_000_000)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content, compress=True),
        _FONT,
    ])


def slow_pdf(operators: int = 200_000) -> bytes:
    """One page drawing `operators` one-letter text runs, each placed on its own (many operators to read)."""
    runs = b"".join(b"1 0 0 1 %d %d Tm (x) Tj\n" % (72 + (k % 400), 100 + (k // 400) % 600) for k in range(operators))
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(b"BT /F1 2 Tf\n" + runs + b"ET", compress=True),
        _FONT,
    ])

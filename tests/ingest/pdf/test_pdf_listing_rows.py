"""A listing's bold lines are no table header: the paragraphs after a configuration listing are read (the aprx manual's
'Without any filter parameters, ...', under two bold code lines taken as a two-cell header, was read as its rows)."""

from __future__ import annotations

from askwef.ingest import ingest_file
from listingpages import listing_page  # (tests/ is on sys.path)

BEFORE = ["Defining a digipeater is fairly simple as shown in the example below. The filters limit what it repeats "
          "and which packets it rejects, and they are set in the source section of the digipeater."]
LISTING = [
    [(35, "<digipeater>")],
    [(71, "transmitter $mycall")],
    [(71, "<source>")],
    [(106, "filter"), (177, "p/prfx"), (248, "# additive filters")],
    [(106, "filter  -p/prfx"), (248, "# subtractive filters")],
    [(71, "</source>")],
    [(35, "</digipeater>")],
]
AFTER = ["Without any filter parameters, the system will not inspect packet content to determine if it should be "
         "digipeated or not. It will digipeat everything.",
         "When filter parameters are defined, there are two kinds:",
         "\u2022 Additive: Packet matching on this may be eligible for digipeat.",
         "\u2022 Subtractive: Packet matching on this will be rejected even if it matched on Additive.",
         "There can be an unlimited number of both kinds of filters.",
         "Note: These filters are applied only on APRS type packets."]


def test_paragraphs_after_a_bold_listing_are_read(tmp_path):
    doc = ingest_file(listing_page(tmp_path / "listing.pdf", "2.4 Filtering at the Digipeater", BEFORE, LISTING, AFTER))
    sentences = [s.text[sp.start:sp.end] for s in doc.sections for sp in s.sentences]
    assert "It will digipeat everything." in sentences
    assert "There can be an unlimited number of both kinds of filters." in sentences

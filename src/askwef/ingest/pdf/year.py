"""The publication year of a report: what its first pages print, else the PDF's dates.

"JANUARY 2025" on a cover, "September 2021", "© OECD 2024", "Published 2023": the year printed next
to a month name or a copyright sign in the front matter. A year that stands alone ("by 2030") says
nothing. Without one, the PDF's creation date (its metadata) gives it.

The cover's date is the report's: a foreword recounting the history ("April 2013" three times in the 2019
Handbook to the NHS Constitution) does not outvote it. A printed year the PDF's creation date agrees with (the
same year, or the year before: a report of 2004 made into a PDF in March 2005) is the publication's, not one
recounted: "© 2015 The Linux Foundation" over three "© 1994-2004" lines of the Filesystem Hierarchy Standard. A month
and year in a sentence date an event the report tells of, not the report (DATE_LINE_WORDS), unless the creation date
agrees with them: the period the report was made to record ("water year October 2003 to September 2004").

>>> publication_year_in(["WHITE PAPER", "JANUARY 2025"])
2025
>>> publication_year_in(["© OECD 2024"])
2024
>>> publication_year_in(["Copyright © 1998–2022 The Authors"])  # a range: the latest edition's year
2022
>>> publication_year_in(["Please cite this publication as: ...\\n© OECD\\n 2024", "completed in September 2023"])
2024
>>> publication_year_in(["WATER-DISCHARGE RECORDS\\nGage heights at site 830 ft upstream January 1935 to September 1942, and at"])
0
>>> publication_year_in(["Using XFig\\nPeter Hiscocks\\nAugust 17, 2001"], 2019)  # a re-distilled PDF's date does not agree
2001
>>> publication_year_in(["National Hydro Network\\nEdition 1.0\\n2004-08"], 2003), publication_year_in(["Valid 2004-08 to 2005-01"])
(2004, 0)
>>> publication_year_in(["Period of record: October 1942 to September 1942 ... water year October 2003 to September 2004"], 2005)
2004
"""

from __future__ import annotations

import re
from collections import Counter

from ..conventions import MONTHS
from ..text import word_count

_DATED = re.compile(rf"\b(?:{MONTHS})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b|"
                    r"©\s*(?:[A-Z][\w&.\- ]{0,40}?\s+)?(?:(?:19|20)\d\d\s*[–-]\s*)?((?:19|20)\d\d)\b|"
                    r"\b(?:published|publication date|first published)\b[^0-9]{0,20}((?:19|20)\d\d)\b|"
                    r"^\s*((?:19|20)\d\d)-[01]\d(?:-[0-3]\d)?\s*$", re.IGNORECASE | re.MULTILINE)
"""A year printed with a month ("JANUARY 2025", a LaTeX title page's "August 17, 2001"), after a copyright sign, after
"Published", or as a line of its own in ISO form (geobase's cover "2004-08", the Debian reference's "2023-03-06")."""

MADE_AFTER = 1
"""Years a PDF may be made after the date it prints and still agree with it: the USGS water-year report of 2004
(text dates back to 1903, "September 1942" three times) was made into a PDF in March 2005."""


def publication_year_in(texts: list[str], created: int = 0) -> int:
    """The year printed with a copyright sign, else with a month, in `texts` (a copyright counts three
    times a month; the earliest wins a tie; a month only on a line of at most DATE_LINE_WORDS words); a printed year
    the PDF's creation year `created` agrees with (MADE_AFTER) comes first, the latest such, a month's in a sentence
    too; 0 when none is printed."""
    years: Counter = Counter()
    first: dict[int, int] = {}
    for k, text in enumerate(texts):
        for m in _DATED.finditer(text):
            year = int(next(g for g in m.groups() if g))
            if m.group(1) and not _agrees(year, created) and word_count(_line_at(text, m.start())) > DATE_LINE_WORDS:
                continue  # a month in a sentence dates what the report tells of, not the report
            # a copyright line dates the publication; a month may date the writing ("completed in September 2023")
            years[year] += 3 if m.group(2) else 1
            first.setdefault(year, k)
    if not years:
        return 0
    agreed = [y for y in years if _agrees(y, created)]
    if agreed:
        return max(agreed)
    return max(years, key=lambda y: (years[y], -first[y]))


def _agrees(year: int, created: int) -> bool:
    """The PDF, made in `created` (0: unknown), was made in `year` or at most MADE_AFTER years after."""
    return bool(created) and 0 <= created - year <= MADE_AFTER


DATE_LINE_WORDS = 6
"""A month and year date the report on a line of at most this many words: a cover's "JANUARY 2025", an imprint's
"September 2021", a paper's "(Dated: December 2018)" and a manual's "24 May 2009" (3 words: the longest of the fourteen
lines so dated in the 26 PDFs the reader is checked on; the next shortest holding a month and year has 7). In a sentence
they date an event: the USGS water record's "... at site 830 ft upstream January 1935 to September 1942, and at present
site since October 1942, ..." (21 words) dated its 2004 record 1942; its "WATER YEAR OCTOBER 2003 TO SEPTEMBER 2004" (7
words) dates it, the PDF made in March 2005 agreeing (MADE_AFTER)."""


def _line_at(text: str, at: int) -> str:
    return text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]


def publication_year(lines, reader) -> int:
    """The year of the report from its front matter's lines (the cover's, the first page with text, before the
    rest), else from the PDF's metadata dates."""
    # a page's lines read as one text: an imprint breaks "© OECD" and "2024" over two lines
    pages: dict[int, list[str]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line.text)
    texts = ["\n".join(texts) for texts in pages.values()]
    created = _year_of(reader, "/CreationDate")
    year = publication_year_in(texts[:1], created) or publication_year_in(texts, created)
    return year or created or _year_of(reader, "/ModDate")


def _year_of(reader, key: str) -> int:
    """The year of the PDF's metadata date `key` ("D:20190104..."), 0 when it has none (or "D:00000101")."""
    try:
        meta = reader.metadata or {}
        if m := re.match(r"D?:?((?:19|20)\d\d)", str(meta.get(key, ""))):
            return int(m.group(1))
    except Exception:  # noqa: BLE001 - unreadable metadata: unknown
        pass
    return 0

"""Read in context: a citation opens the place it quotes, the quoted sentence highlighted.

    GET /read?doc=<document name>&passage=<passage id>&start=<offset>&end=<offset>

For a markdown report the page shows the whole section the quote stands in; for a PDF, every
passage printed on the quote's page. The text comes from the loaded index (the passages, in reading
order), never from a file: the route reads no path from the request, so it can reach nothing but the
indexed text. An unknown document or passage is a 404; everything shown is HTML-escaped.

>>> context_url(Quote("Text.", "ab12", "report.md", "1 Intro", 3, 10, 15))
'/read?doc=report.md&passage=ab12&start=10&end=15#quote'
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from ..index import IndexStore
from ..types import Quote, pages_label

READ_PATH = "/read"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.55; color: #1f2937; }}
header {{ color: #475569; font-size: .92em; border-bottom: 1px solid #e2e8f0; margin-bottom: 1.2em; padding-bottom: .6em; }}
header h1 {{ font-size: 1.25em; color: #0f172a; margin: 0 0 .3em 0; }}
p.where {{ font-weight: 600; color: #334155; margin: 1.2em 0 .3em 0; }}
mark {{ background: #fde68a; padding: .05em .15em; border-radius: 2px; }}
.unit {{ color: #64748b; font-size: .9em; }}
</style></head>
<body><header><h1>{doc_title}</h1>{where}</header>
{body}
</body></html>
"""


def context_url(quote: Quote) -> str:
    """Where a quote is read in context (relative to the server)."""
    query = urlencode({"doc": quote.document, "passage": quote.passage_id, "start": quote.start, "end": quote.end})
    return f"{READ_PATH}?{query}#quote"


def _rows_for(store: IndexStore, row: int, by_page: bool) -> list[int]:
    """The passage rows shown: the quote's section (markdown) or its printed page (PDF), in reading order."""
    document = store.passages.field("document", row)
    rows = store.document_rows(document)
    if by_page:
        page = store.passages.field("page", row)
        return [r for r in rows if store.passages.field("page", r) == page]
    section = store.passages.field("section", row)
    return [r for r in rows if store.passages.field("section", r) == section]


def render_context(store: IndexStore, document: str, passage: str, start: int, end: int) -> str | None:
    """The reading page for a quote, or None when the index holds no such document and passage."""
    row = store.passage_row(passage)
    if row is None or store.passages.field("document", row) != document:
        return None
    info = store.document(document)
    if info is None:
        return None
    by_page = info.source == "pdf"
    quoted = store.passages[row]
    paragraphs = []
    section = None
    for r in _rows_for(store, row, by_page):
        p = store.passages[r]
        if p.section != section:  # a PDF page may hold the end of one section and the start of the next
            section = p.section
            paragraphs.append(f'<p class="where">{html.escape(section.replace(" > ", " › "))}</p>')
        text = html.escape(p.text)
        if p.id == quoted.id and p.start <= start < end <= p.end:
            a, b = start - p.start, end - p.start
            text = f'{html.escape(p.text[:a])}<mark id="quote">{html.escape(p.text[a:b])}</mark>{html.escape(p.text[b:])}'
        unit = f'<div class="unit">{html.escape(p.unit)}</div>' if p.unit and p.id == quoted.id else ""
        paragraphs.append(f"{unit}<p>{text}</p>")
    year = f" ({info.year})" if getattr(info, "year", None) else ""
    pages = pages_label(*info.page_span(quoted.section, int(quoted.page)))  # a markdown report knows only its sections' pages
    where = f"{html.escape(quoted.section.replace(' > ', ' › '))}, {pages}"
    where = f"<div>{'Page ' + str(int(quoted.page)) if by_page else where}</div>"
    return PAGE.format(
        title=html.escape(f"{info.title} — {pages}"), doc_title=html.escape(info.title) + html.escape(year), where=where,
        body="\n".join(paragraphs),
    )

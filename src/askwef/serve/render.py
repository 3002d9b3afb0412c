"""The HTML and plain text the chat shows for an Answer.

Every reply leads with the report's own sentences in a blockquote (the short answer in bold, the
context it leans on above), then where they stand (report, section path, page) with the endnote
numbers as superscripts linking to the reference list under the answer, then a collapsible panel of
the supporting passages. An abstention says so plainly and still lists the closest passages.

Safety: everything that comes from text (the report, a question) goes through `html.escape`
before it becomes HTML, and links are made only from http(s) URLs. Each reply is one line of HTML
with no blank line, so Gradio's markdown renderer treats it as a raw HTML block and never
reinterprets `*`, `_` or `[...](...)` found in the report.

>>> render_answer(engine.answer("How many green data centres?"), turn=0)   # doctest: +SKIP
'<div class="askwef-answer"><blockquote class="askwef-quote">To date, <strong class="askwef-span">246</strong> ...'
"""

from __future__ import annotations

import html
import re

from ..types import AUTHOR_DATE, Answer, Passage, in_section
from ..answer.compare import comparison_lead, report_of
from ..answer.contents import list_lead, listed_items
from ..answer.quote import printed_lines
from .read import context_url

ABSTAIN_LEAD = "The report does not seem to cover this."
PASSAGE_PREVIEW_CHARS = 500
WORKS_CITED = "Works cited (by author and date)"
"""The heading of the works a quote cites author-date ("(OECD, 2022[3])"), apart from its endnotes."""

CSS = """
.askwef-answer { line-height: 1.5; }
.askwef-answer blockquote.askwef-quote { font-size: 1.08em; margin: 0 0 .6em 0; padding: .5em .9em;
  border-left: 4px solid var(--color-accent); background: var(--background-fill-secondary); }
.askwef-answer blockquote.askwef-quote p { margin: 0 0 .35em 0; }
.askwef-answer .askwef-source + blockquote.askwef-quote { margin-top: .9em; }
.askwef-answer blockquote.askwef-quote p:last-child { margin-bottom: 0; }
.askwef-answer ol.askwef-list { padding-left: 1.6em; margin: 0 0 .6em 0; }
.askwef-answer ol.askwef-list li { margin: 0 0 .55em 0; }
.askwef-answer .askwef-report { font-weight: 700; margin: .7em 0 .3em 0; }
.askwef-answer .askwef-report-silent { color: var(--body-text-color-subdued); font-style: italic; margin: .5em 0; }
.askwef-answer .askwef-context { color: #555; font-size: .92em; margin: 0 0 .3em 0; }
.askwef-answer strong.askwef-span { background: #fff3b0; padding: 0 .15em; border-radius: 2px; }
.askwef-answer .askwef-source { margin: .2em 0; font-size: .95em; font-weight: 600; color: var(--body-text-color); }
.askwef-answer sup a { text-decoration: none; font-weight: 600; }
.askwef-answer .askwef-refs { font-size: .85em; margin: .5em 0 .4em 0; padding-left: 2.2em; }
.askwef-answer .askwef-refs li { margin: .15em 0; word-break: break-word; }
.askwef-answer .askwef-works-head { font-size: .85em; margin: .4em 0 0 0; font-weight: 600; }
.askwef-answer .askwef-meta { font-size: .8em; color: var(--body-text-color-subdued); margin: .3em 0; }
.askwef-answer .askwef-abstain { font-weight: 600; margin: 0 0 .4em 0; }
.askwef-answer details.askwef-passages { margin-top: .5em; font-size: .88em; }
.askwef-answer details.askwef-passages summary { cursor: pointer; font-weight: 600; }
.askwef-answer details.askwef-passages li { margin: .45em 0; }
.askwef-answer .askwef-passage-where { color: var(--body-text-color-subdued); }
#askwef-examples button { text-align: left; justify-content: flex-start; }
.askwef-error { color: var(--error-text-color, #b91c1c); }
"""


# --- rendering: Answer -> HTML and plain text ---------------------------------------------------

def _e(text: object) -> str:
    """Escape text for HTML (quotes too) and keep line breaks without leaving a blank line.

    'a < b\\n\\nc' -> 'a &lt; b<br>c'
    """
    return "<br>".join(html.escape(line, quote=True) for line in str(text).splitlines() if line.strip())


def _safe_url(url: str) -> str | None:
    """The URL if it is plain http(s) without spaces or quotes, else None (it is then shown as text only)."""
    url = (url or "").strip()
    if re.fullmatch(r"https?://[^\s\"'<>`]+", url, flags=re.I):
        return url
    return None


def _anchor(turn: int | str, number: int) -> str:
    return f"askwef-t{turn}-n{number}"


def _work_anchor(turn: int | str, position: int) -> str:
    return f"askwef-t{turn}-w{position}"


def _cited(quoted: str, quote, answer: Answer, turn: int | str) -> str:
    """A quote (as HTML) with the number of each author-date citation it makes ("(OECD, 2022[3])") linked to that work
    among the works cited, the entry of the quote's own chapter's list (another chapter's [3] is another work)."""
    where = {work.number: i for i, work in reversed(list(enumerate(answer.references)))
             if not work.scope or in_section(quote.section, work.scope)}
    if not where:
        return quoted

    def link(m: re.Match) -> str:
        n = int(m.group(1))
        return f'<a href="#{_work_anchor(turn, where[n])}" title="Works cited, {n}">[{n}]</a>' if n in where else m.group(0)

    return AUTHOR_DATE.sub(link, quoted)


def _sups(numbers, turn: int | str) -> str:
    """Endnote markers as superscript links to the reference list: (2, 3) -> '<sup>[2](#..), [3]</sup>'."""
    if not numbers:
        return ""
    links = ",".join(f'<a href="#{_anchor(turn, n)}" title="Endnote {n}">{n}</a>' for n in numbers)
    return f"<sup>{links}</sup>"


def _where(section: str, page: int) -> str:
    return f"{_e(section.replace(' > ', ' › '))}, p.&nbsp;{int(page)}"


def _passages_panel(passages: tuple[Passage, ...], *, open_: bool) -> str:
    if not passages:
        return ""
    items = []
    for p in passages:
        text = p.text if len(p.text) <= PASSAGE_PREVIEW_CHARS else p.text[:PASSAGE_PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"
        unit = f" · {_e(p.unit)}" if p.unit else ""
        notes = f" · endnotes {', '.join(str(n) for n in p.endnotes)}" if p.endnotes else ""
        items.append(
            f'<li><div class="askwef-passage-where"><strong>{_where(p.section, p.page)}</strong>{unit}'
            f" · score {p.score:.3f}{notes}</div><div>{_e(text)}</div></li>"
        )
    opened = " open" if open_ else ""
    return (
        f'<details class="askwef-passages"{opened}><summary>Supporting passages ({len(passages)})</summary>'
        f"<ol>{''.join(items)}</ol></details>"
    )


def render_answer(answer: Answer, turn: int) -> str:
    """One reply as a single line of HTML. `turn` keeps the endnote anchors unique on the page."""
    parts = ['<div class="askwef-answer">']
    if answer.about in ("help", "clarify"):  # "hi", "what can you do?": how to ask; "who wrote this report?" in a library:
        # which report is meant. No quote and no abstention
        lines = "<br>".join(_e(line) for line in answer.message.splitlines())
        parts.append(f'<p class="askwef-help">{lines}</p></div>')
        return "".join(parts)
    if answer.abstained or not answer.quotes:
        detail = answer.message or "The closest passages are listed below."
        parts.append(f'<p class="askwef-abstain">{ABSTAIN_LEAD}</p><p>{_e(detail)}</p>')
        parts.append(_passages_panel(answer.passages, open_=True))
        parts.append("</div>")
        return "".join(parts)

    if answer.about == "contents":  # "list the case studies": a numbered list, each part by its title and first sentence
        parts.append(_contents_list(answer, turn))
    elif answer.reports:  # asked of several reports: each one's answer under its title, with its own notes
        if answer.about == "comparison":
            parts.append(f'<p class="askwef-context">{_e(comparison_lead(answer))}</p>')
        for i, sub in enumerate(answer.reports):
            if sub.abstained or not sub.quotes:
                parts.append(f'<p class="askwef-report-silent">{_e(sub.message)}</p>')
                continue
            parts.append(f'<p class="askwef-report">{_e(report_of(sub))}</p>')
            parts.extend(_quoted(sub, f"{turn}r{i}") + _references_html(sub, f"{turn}r{i}"))
    else:
        parts.extend(_quoted(answer, turn))
    if not answer.reports:
        parts.extend(_references_html(answer, turn))
    parts.append(f'<p class="askwef-meta">{_e(answer.confidence_line())}</p>')
    parts.append(_passages_panel(answer.passages, open_=False))
    parts.append("</div>")
    return "".join(parts)


def _references_html(answer: Answer, turn: int | str) -> list[str]:
    """The answer's endnotes as the numbered list its superscripts link to, then the works its quotes cite by author
    and date ("(OECD, 2022[3])"), numbered as their chapter's reference list numbers them (none: nothing)."""
    refs = [f'<li id="{_anchor(turn, note.number)}" value="{int(note.number)}">{_e(note.reference)}{_link(note.url)}</li>'
            for note in answer.endnotes]
    works = [f'<li id="{_work_anchor(turn, i)}" value="{int(work.number)}">{_e(work.reference)}{_link(work.url)}</li>'
             for i, work in enumerate(answer.references)]
    return ([f'<ol class="askwef-refs">{"".join(refs)}</ol>'] if refs else []) + (
        [f'<p class="askwef-works-head">{WORKS_CITED}</p><ol class="askwef-refs askwef-works">{"".join(works)}</ol>'] if works else [])


def _link(url: str) -> str:
    """A reference's URL as a link when it is a web address, else as text."""
    safe = _safe_url(url)
    return f' <a href="{html.escape(safe, quote=True)}" target="_blank" rel="noopener noreferrer">{_e(safe)}</a>' if safe else (
        f" {_e(url)}" if url else "")


def _quoted(answer: Answer, turn: int | str) -> list[str]:
    """Each run of quotes from one place in a blockquote, then where it stands (the context above all, the short answer in
    bold once)."""
    parts = []
    if answer.context:
        parts.append(f'<p class="askwef-context">{_e(answer.context)}</p>')
    marked = False  # the short answer is shown in bold once, in the first quote that holds it
    # each run of quotes from one place in its blockquote, and under it where it stands with its endnote markers
    for quotes, notes in answer.runs():
        said = []
        for q in quotes:
            text = _e(q.text)
            if answer.span and not marked and answer.span in q.text:
                before, _, after = q.text.partition(answer.span)
                text, marked = f"{_e(before)}<strong class=\"askwef-span\">{_e(answer.span)}</strong>{_e(after)}", True
            said.append(_cited(text, q, answer, turn) + _sups(q.endnotes, turn))
        # sentences a paragraph each; a figure's lines one under another, in one pair of quotation marks
        quoted = f"<p>“{'<br>'.join(said)}”</p>" if printed_lines(quotes) else "".join(f"<p>“{t}”</p>" for t in said)
        parts.append(f'<blockquote class="askwef-quote">{quoted}</blockquote>')
        parts.append(f'<p class="askwef-source">— {_e(quotes[0].source())}{_sups(notes, turn)}{_read_link(quotes[0])}</p>')
    return parts


def _contents_list(answer: Answer, turn: int) -> str:
    """A "contents" answer: its parts as a numbered list, each with its title, its first sentence and where it stands."""
    items, parts = [], listed_items(answer.quotes)
    for title, quotes in parts:
        head = f'<strong>{_e(title)}</strong><br>' if title else ""
        said = " ".join(f"“{_e(q.text)}”{_sups(q.endnotes, turn)}" for q in quotes)
        items.append(f'<li>{head}{said}<br><span class="askwef-source">— {_e(quotes[0].source())}</span>{_read_link(quotes[0])}</li>')
    more = f'<p class="askwef-context">{_e(answer.message)}</p>' if answer.message else ""
    return f'<p class="askwef-context">{_e(list_lead(parts))}</p><ol class="askwef-list">{"".join(items)}</ol>{more}'


def _read_link(quote) -> str:
    """The link that opens the place a quote stands, with it highlighted (read.py)."""
    return f' <a class="askwef-read" href="{html.escape(context_url(quote), quote=True)}" target="_blank" rel="noopener">read in context</a>'


def render_question(question: str) -> str:
    return f'<p class="askwef-question">{_e(question)}</p>'


def render_error(message: str) -> str:
    return f'<p class="askwef-error">{_e(message)}</p>'


def plain_answer(answer: Answer) -> str:
    """The answer with its citations as plain text, for copying into an email or a note."""
    if answer.about in ("help", "clarify"):
        return f"Q: {answer.question}\n{answer.message}"
    if answer.abstained or not answer.quotes:
        lines = [f"Q: {answer.question}", ABSTAIN_LEAD, "Closest passages:"]
        lines += [f"- {p.section}, p. {p.page}: {p.text[:200]}" for p in answer.passages[:3]]
        return "\n".join(lines)
    lines = [f"Q: {answer.question}", ""]
    if answer.about == "contents":  # a numbered list of the parts, each by its title, first sentence and place
        parts = listed_items(answer.quotes)
        lines.append(list_lead(parts))
        for n, (title, quotes) in enumerate(parts, 1):
            lines += [f"{n}. {title}"] if title else []
            lines += [("   " if title else f"{n}. ") + " ".join(q.cited() for q in quotes), f"   — {quotes[0].source()}"]
        lines += ["", answer.message] if answer.message else []
        return "\n".join(lines + _references(answer))
    if answer.reports:  # each report's quotes under its title, its references after them
        lines += [comparison_lead(answer)] if answer.about == "comparison" else []
        for sub in answer.reports:
            if sub.abstained or not sub.quotes:
                lines += ["", sub.message]
                continue
            lines += ["", report_of(sub)] + ([f"({sub.context})"] if sub.context else [])
            lines += _plain_runs(sub) + _references(sub)
        return "\n".join(lines)
    if answer.span:
        lines += [f"A: {answer.span}", ""]
    if answer.context:
        lines.append(f"({answer.context})")
    return "\n".join(lines + _plain_runs(answer) + _references(answer))


def _plain_runs(answer: Answer) -> list[str]:
    """Each run of quotes from one place as text (a figure's lines one to a line), then that place."""
    lines = []
    for quotes, _ in answer.runs():
        said = [q.cited() for q in quotes]
        lines += ["\n".join(said) if printed_lines(quotes) else " ".join(said), f"  — {quotes[0].source()}"]
    return lines


def _references(answer: Answer) -> list[str]:
    """The answer's endnotes, then the works its quotes cite by author and date, each under its heading."""
    out = []
    for heading, entries in (("References:", answer.endnotes), (WORKS_CITED + ":", answer.references)):
        if entries:
            out += ["", heading] + [f"[{e.number}] {e.reference}" + (f" {e.url}" if e.url else "") for e in entries]
    return out

"""Questions about a part of a report rather than a fact in it: a figure or table by its number ("what does
figure 2 show"), a section by its title ("what's the conclusion").

Such a question shares few words with any sentence ("figure", "2", "show"), so the ranker and the confidence
model, fit on questions about facts, find nothing sure and askwef abstained; a figure's bare label ("FIGURE 1")
was even quoted for "figure 2". Here the part is found by its label or title, and what it says of itself is the
answer: a figure's label line, its title and the lines it prints of its own (its text labels, a table's rows), a
section's opening sentences. A question that asks more than the
part ("what does figure 2 say about healthcare") is read as any other, among the part's passages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ..index.library import title_key
from ..ingest.text import ends_sentence, roman_value, split_numbering
from ..types import Passage, in_section
from .params import (AUTHORED_BY, AUTHORS_HEADING, AUTHORSHIP, CANDIDATE_PASSAGES, CREDITS_ASKED, CONCLUSION_ASKS, CONCLUSION_AUDIENCE, CONCLUSION_TITLE, CREDITS_TITLE,
                     DOCUMENT_WORD, FRAMING, LABEL_LINE_MAX, LABELLED_LINES, LEAD_IN_ITEMS, MAX_ANSWER_CHARS, NUMBER_WORDS, PART_OPENING, PART_REFERENCE,
                     ROMAN_ASKED,
                     FUNCTION_WORDS, LETTERED_LABEL, OWN_NOUN, OWN_NOUN_MIN, SECTION_LABEL, SECTION_NUMBER, SUMMARY_ASKS, SUMMARY_TITLE, UNIT_LABEL)
from .context import passages_for
from .figures import asks_only_for, own_line, part_reference, part_rows, titled_part
from .query import Query, function_stems, stems


def opening_rows(sentences, rows) -> tuple[int, ...]:
    """A section's opening: its first PART_OPENING sentences of running text (prose or list items), in order, with the
    items a last one ending in a colon introduces ("Its main functions are the following:"), up to LEAD_IN_ITEMS of
    them within MAX_ANSWER_CHARS. Lines of prose that open the section without ending as a sentence does, before its
    first sentence that does, are a byline, not its opening (a WEF foreword opens with its signatories' names and
    titles: "Carol Zhou Head of Platforms and Impact, World Economic Forum Beijing"); list items are left as they are."""
    text = [i for i in sorted(rows) if sentences.field("kind", i) in ("prose", "item")]
    lead = next((n for n, i in enumerate(text) if sentences.field("kind", i) != "prose" or ends_sentence(sentences.field("text", i))), 0)
    text = text[lead:]
    out = text[:PART_OPENING]
    size = sum(len(sentences.field("text", i)) + 1 for i in out)
    if out and sentences.field("text", out[-1]).rstrip().endswith(":"):
        for i in text[PART_OPENING : PART_OPENING + LEAD_IN_ITEMS]:
            if sentences.field("kind", i) != "item" or size + len(sentences.field("text", i)) + 1 > MAX_ANSWER_CHARS:
                break
            out.append(i)
            size += len(sentences.field("text", i)) + 1
    return tuple(out)


def part_question(store, query: Query, question: str, top: tuple[Passage, ...], named_sections: set[str], labels_of) -> tuple[tuple[Passage, ...], tuple[int, ...]]:
    """(the passages to read, the sentence rows answering a question that asks for the part alone, or ()).

    A figure or table the question names by number, printed in one of the reports of `top` (`labels_of(report)`:
    `labels`), is read alone: its label's passage and the one after it (its labels run on). Failing that, the
    sections the question names by title (`named_sections`, passage ids) are read alone."""
    sentences = store.sentences
    reference = part_reference(question)
    if reference is not None:
        for document in dict.fromkeys(p.document for p in top):
            row = labels_of[document].get(reference)
            if row is None:
                continue
            rows = part_rows(sentences, row)
            first = int(store.sentence_passage[row])
            field, nxt = store.passages.field, first + 1
            runs_on = nxt < len(store.passages) and all(field(f, nxt) == field(f, first) for f in ("document", "section"))
            part = tuple(store.passages[r] for r in ([first, nxt] if runs_on else [first]))
            said = PART_REFERENCE.search(question).group(0)  # "fig. 5": its words name the part, whatever their stems
            # the question's own words, not the long forms read into them ("figure A B.3": "fab three")
            return part, rows if asks_only_for(query.said_stems, f"{said} {' '.join(reference)}") else ()
    titled = titled_part(store, query, top, labels_of)
    if titled:
        part = passages_for(store, titled)
        ids = {p.id for p in part}
        return (part + tuple(p for p in top if p.id not in ids))[:CANDIDATE_PASSAGES], titled
    if not any(p.id in named_sections for p in top):
        return top, ()
    top = tuple(p for p in top if p.id in named_sections)
    section, document = top[0].section, top[0].document
    if not asks_only_for(query.stems, title_key(section.split(" > ")[-1])):
        return top, ()
    passages = [r for r in store.document_rows(document) if store.passages.field("section", r) == section]
    opening = opening_rows(sentences, [i for r in passages for i in store.passage_sentences(r)])
    if not opening:
        return top, ()
    part = passages_for(store, opening)
    ids = {p.id for p in part}
    return (part + tuple(p for p in top if p.id not in ids))[:CANDIDATE_PASSAGES], opening


_GIST_FOR_AUDIENCE = SUMMARY_ASKS - {"about"}
"""The words asking for a gist that may have whom it is for beside them (`asks_for_summary`): all but "about"."""


def asks_for_summary(query: Query) -> bool:
    """Whether a question asks what the report says overall and nothing else ("what is this report about?",
    "summarize the report", "key takeaways"): its words, less those that put a question ("about" aside), frame it and
    name the document, are all SUMMARY_ASKS.

    >>> asks_for_summary(Query("key takeaways", "", "", frozenset(), (), {}))
    True
    >>> asks_for_summary(Query("key takeaways on healthcare", "", "", frozenset(), (), {}))
    False
    """
    # for whom ("key takeaways for executives"), with a word asking for the gist: "about" alone asks of the audience
    # ("what does the report say about government?")
    return _asks_only(query, SUMMARY_ASKS) or _asks_only(query, _GIST_FOR_AUDIENCE, CONCLUSION_AUDIENCE)



def asks_for_conclusion(query: Query, home: Iterable[str] = (), title: str = "") -> bool:
    """Whether a question asks what the report concludes or recommends and nothing else ("what does the report
    recommend?", "what are the next steps?"): its words, less those that put a question, frame it and name the document,
    are all CONCLUSION_ASKS; but for whom it asks (CONCLUSION_AUDIENCE, or the report's `home` places: "what does the
    report conclude China needs to do next?") and what the report's `title` says it is about, which narrows nothing
    ("what does the paper conclude about China's AI path?" of "China's Path to AI-Powered Industry Transformation").

    >>> asks_for_conclusion(Query("what does the report recommend in the end?", "", "", frozenset(), (), {}))
    True
    >>> asks_for_conclusion(Query("what does the report recommend for data centres?", "", "", frozenset(), (), {}))
    False
    >>> asks_for_conclusion(Query("what does the paper conclude about China's AI path?", "", "", frozenset(), (), {}),
    ...                     {"China"}, "Blueprint to Action: China's Path to AI-Powered Industry Transformation")
    True
    """
    return _asks_only(query, CONCLUSION_ASKS, _for_whom(frozenset(home), title))


@lru_cache(maxsize=256)
def _for_whom(home: frozenset[str], title: str) -> frozenset[str]:
    """What a question may say beside asking for a report's conclusion (`asks_for_conclusion`): CONCLUSION_AUDIENCE and
    the stems of the report's home places and title, the same for every question asked of it (kept per report)."""
    return CONCLUSION_AUDIENCE | stems(" ".join([*home, title]))


def _asks_only(query: Query, asks: frozenset[str], beside: frozenset[str] = frozenset()) -> bool:
    """Whether the question's words, less those that put a question or frame it (save `asks` themselves: "about") and
    those that name the document, are some of `asks` and nothing else (but `beside`, with one of `asks`)."""
    said = query.embed or query.text  # typos mended ("final recomendations": the report writes "recommendations")
    rest = query.said_stems - (function_stems() - asks) - (FRAMING - asks) - stems(" ".join(DOCUMENT_WORD.findall(said)))
    return bool(rest & asks) and rest <= asks | beside


def conclusion_rows(store, document: str) -> list[int]:
    """The passage rows of `document`'s sections that conclude or recommend (CONCLUSION_TITLE), in reading order."""
    field = store.passages.field
    return [r for r in store.document_rows(document) if CONCLUSION_TITLE.search(title_key(field("section", r).split(" > ")[-1]))]


def summary_part(store, document: str, number: str = "") -> tuple[tuple[Passage, ...], tuple[int, ...]]:
    """(the passages, the opening rows) of `document`'s own summary section (SUMMARY_TITLE, the first so titled), or
    with `number` of the section so numbered, its subsections with it ("summarize chapter 3": its opening); ((), ())
    when it has none."""
    rows = store.document_rows(document)
    field = store.passages.field
    if number:
        path = next((field("section", r) for r in rows if section_number(field("section", r)) == number), None)
        return _opening_of(store, _under(store, rows, path)) if path is not None else ((), ())
    section = next((field("section", r) for r in rows if SUMMARY_TITLE.match(title_key(field("section", r).split(" > ")[-1]))), None)
    if section is None:
        return (), ()
    return _opening_of(store, [r for r in rows if field("section", r) == section])


def labelled_part(store, query: Query, question: str, document: str, *, asked: str | None = None) -> tuple[tuple[Passage, ...], tuple[int, ...]]:
    """(the passages, the opening rows) of the section of `document` a question names by its label and number, and
    asks for and nothing else ("what is pillar 1?", "summarize annex B": a section titled "Pillar 1: Investing in ..."
    or "Annex B. ..."; a chapter's number is SECTION_NUMBER's, and a figure's PART_REFERENCE's); with no section so
    titled, the block a figure or box prints under that label (`labelled_lines`); ((), ()) otherwise. A case study or
    box named so ("what is use case 2?", "and use case 2?": `labelled_unit`) is answered by its opening; `asked`: the
    turn's own words, when a follow-up carries others beside them."""
    rows = store.document_rows(document)
    own = question if asked is None else asked  # a follow-up's own words ("what about use case 2?"), not those beside it
    digits = label_digits(own)
    info = store.document(document)
    titles = [unit for _, _, units in info.sections for unit in units] if info else []
    unit = labelled_unit(store.sentences, store.document_sentence_rows(document), digits, titles)
    if unit and not (info and titled_section(info.sections, unit[0])):  # a section so titled is what is named: the UK
        # strategy's "Pillar 1: Investing in ...", not the box of key actions at its end titled "Pillar 1 - Investing ..."
        named, unit_rows = unit
        if asks_only_for(frozenset(stems(digits)) - SUMMARY_ASKS - FRAMING, named):
            opening = opening_rows(store.sentences, unit_rows)
            return passages_for(store, opening), opening
    blocks: list[int] = []  # every labelled block it names: "the difference between step 2 and step 3" asks for both
    labelled = digits if own == question else label_digits(question)
    # not the start of a figure's or table's own number ("figure A B.3": an annex's third figure, no "figure A")
    numbered = [m.span() for m in PART_REFERENCE.finditer(labelled)]
    for m in SECTION_LABEL.finditer(labelled):
        if any(start <= m.start() < end for start, end in numbered):
            continue
        said = label_pattern(m["label"], m["number"])
        path = titled_section(info.sections, m.group(0)) if info else None
        if path is not None and not blocks and asks_only_for(query.stems - SUMMARY_ASKS - FRAMING, m.group(0)):
            return _opening_of(store, _under(store, rows, path))
        if path is None and rows and not PART_REFERENCE.search(m.group(0)) and not SECTION_NUMBER.search(m.group(0)):
            # (a figure or table by its number, a chapter by its: parts.part_question and summary_part read those)
            blocks += [i for i in labelled_lines(store.sentences, store.document_sentence_rows(document), said, m["label"]) if i not in blocks]
    if blocks:
        return passages_for(store, blocks), tuple(blocks)
    return (), ()


def label_digits(text: str) -> str:
    """A label's number spelt out, or a chapter's in roman figures, written in digits, as reports print labels ("under step
    one" -> "under step 1").

    >>> label_digits("what did china want by 2020 under step one"), label_digits("which one is it")
    ('what did china want by 2020 under step 1', 'which one is it')
    >>> label_digits("what does Chapter III say"), label_digits("summarise chapter iv"), label_digits("part i think")
    ('what does Chapter 3 say', 'summarise chapter 4', 'part i think')
    """
    text = roman_chapters(text)
    return re.sub(r"\b([A-Za-z]{3,12})\s+(" + "|".join(NUMBER_WORDS) + r")\b",
                  lambda m: f"{m[1]} {NUMBER_WORDS[m[2].lower()]}" if m[1].lower() not in FUNCTION_WORDS else m[0], text, flags=re.I)


def roman_chapters(text: str) -> str:
    """`text` with the chapters it names in roman figures in digits ("what does Chapter III say" -> "... Chapter 3 ...")."""
    return ROMAN_ASKED.sub(lambda m: f"{m['label']} {roman_value(m['roman'])}", text)


def label_pattern(label: str, number: str | None = None) -> re.Pattern:
    """A title or a line opening with `label` and `number` ("Pillar 1: ...", "Annex B. ...", "Step 3"), not with a longer
    number ("Pillar 12", "Step 3.1"); with no `number`, any one a section is labelled with: a capital letter or one or
    two digits ("Annex A", "Pillar 3")."""
    said = re.escape(number) if number is not None else r"(?:(?-i:[A-Z])|\d{1,2})"
    return re.compile(rf"^\W*{re.escape(label)}\s+{said}(?![\w.]*\d)\b", re.I)


def titled_section(sections, said: str) -> str | None:
    """The path of the first section whose title opens with `said`, a label and its number as a question writes them
    ("pillar 1": "Pillar 1: Investing in the long-term needs ..."), or None.

    >>> titled_section([("Pillar 1: Investing > Trade", 38, ()), ("Pillar 1: Investing", 22, ())], "pillar 1")
    'Pillar 1: Investing'
    """
    m = re.match(r"(.*\S)\s+(\S+)$", said.strip())
    if m is None:
        return None
    head = label_pattern(m[1], m[2])
    if LETTERED_LABEL.fullmatch(m[1]) and re.fullmatch(r"[A-Za-z]", m[2]) and _lettered(sections):
        # an appendix the reader numbers by its letter ("Appendix A: Recent changes" is section "A Recent changes")
        head = re.compile(rf"^{m[2].upper()}\s")
    # (a chapter may have no text of its own: only its subsections' paths name it, as an OECD review's annexes)
    return next((" > ".join(parts[: j + 1]) for path, _, _ in sections for parts in [path.split(" > ")]
                 for j, part in enumerate(parts) if head.match(part)), None)


def _lettered(sections) -> bool:
    """Whether a document numbers sections by letters ("A.1 Volumes" under "A Recent changes"), so that a title
    opening "A " is an appendix's number, not the article ("A new approach").

    >>> _lettered([("A Recent changes > A.1 Volumes", 3, ())]), _lettered([("A new approach", 2, ())])
    (True, False)
    """
    return any(re.match(r"[A-Z]\.\d+\s", part) for path, _, _ in sections for part in path.split(" > "))


def labelled_unit(sentences, rows: range, question: str, titles: list[str]) -> tuple[str, list[int]] | None:
    """(its label and number as the question writes them, its rows) of the unit (`UNIT_LABEL`: "USE CASE 2: GAC Honda
    – ...", "Box 4.2. ...") a question names by its label and number ("what is use case 2?"), or None. The whole label:
    "use case 2" is not "CASE STUDY 2". `titles`: the document's unit titles in reading order (`DocumentInfo.sections`):
    the rows are read only for the unit named (reading them all to find it cost 5 ms a question on the OECD review)."""
    if not re.search(r"\d", question):
        return None
    for title in titles:
        m = UNIT_LABEL.match(title)
        label = r"[\s-]+".join(map(re.escape, m["label"].split())) if m else ""
        said = m and re.search(rf"\b{label}\s+{re.escape(m['number'])}(?![\w.]*\d)", question, re.I)
        if said:
            found: list[int] = []  # the unit's first run of rows
            for i in rows:
                if sentences.field("unit", i) == title:
                    found.append(i)
                elif found:
                    break
            return said.group(0), found
    return None


def labelled_lines(sentences, rows: range, said: re.Pattern, label: str) -> tuple[int, ...]:
    """A labelled block inside a figure or box ("Step 3", its year line and its bullets, in a figure of a plan in three
    steps): the rows from the caption or heading line `said` matches (the label and its number) to the next line
    labelled alike, or the first line of running text, at most LABELLED_LINES; () when no such line is printed. Such a
    label names one place in the report, so whatever the question asks of it ("goal of step 3", "what happened in step
    2") is there."""
    field = sentences.field
    sibling = re.compile(rf"^\W*{re.escape(label)}\s+\w{{1,4}}\b", re.I)
    for i in rows:
        if field("kind", i) in ("caption", "heading") and said.match(field("text", i)) and len(field("text", i)) <= LABEL_LINE_MAX:
            out = [i]
            for j in range(i + 1, min(rows.stop, i + LABELLED_LINES)):
                if not own_line(sentences, j) or sibling.match(field("text", j)):
                    break  # running text, the figure's "Source:" line, the next figure, the next step
                out.append(j)
            return tuple(out) if len(out) > 1 else ()
    return ()


def section_number(path: str) -> str:
    """The number the Contents gives the section `path` ("2.4"; a chapter in roman figures in digits: "Chapter III.
    Data" and "III. Data" -> "3"), or ""."""
    return split_numbering(path.split(" > ")[-1])[0]


def _under(store, rows, path: str) -> list[int]:
    """The passage rows of `rows` in the section `path` or its subsections."""
    field = store.passages.field
    return [r for r in rows if in_section(field("section", r), path)]


def _opening_of(store, passages: list[int]) -> tuple[tuple[Passage, ...], tuple[int, ...]]:
    """(the passages, the opening rows) of the passage rows `passages`, in reading order."""
    opening = opening_rows(store.sentences, [i for r in passages for i in store.passage_sentences(r)])
    return passages_for(store, opening), opening


def authors(sentences, document: str, rows: range | None = None, title: str = "") -> list[int]:
    """The document's list of authors: the lines under its AUTHORS_HEADING ("Lead authors"), organisations, names and
    titles, up to the next label heading (a word in lower case: "Project team"), within MAX_ANSWER_CHARS; with no such
    heading, the sentences of its credits (CREDITS_TITLE: "Acknowledgements") and of its front and back matter (read
    under its `title`) saying who prepared, wrote or published it (AUTHORED_BY); [] when it has neither. `rows`: the
    document's sentence rows, when known (else every row is read)."""
    field = sentences.field
    rows = range(len(sentences)) if rows is None else rows
    start = next((i for i in rows if field("document", i) == document and field("kind", i) == "heading"
                  and AUTHORS_HEADING.match(field("text", i).strip())), None)
    if start is None:
        return _credited(sentences, document, rows, title_key(title) if title else "")
    block, size = [start], len(field("text", start))
    for i in range(start + 1, len(sentences)):
        text = field("text", i)
        if field("document", i) != document or field("section", i) != field("section", start) or size + len(text) + 1 > MAX_ANSWER_CHARS:
            break
        if field("kind", i) == "heading" and any(w[:1].islower() and w not in _LINKING for w in text.split()):
            break
        block.append(i)
        size += len(text) + 1
    return block if len(block) > 1 else []


def credit_stems(store, author_lists) -> frozenset[str]:
    """The stems of the headings inside the reports' lists of authors (`author_lists[name]`: "World Economic Forum",
    "Accenture" under "Lead authors"): what a question asking who made a report may name of them
    (`query.about_document`: "who from accenture worked on it?")."""
    field = store.sentences.field
    rows = (i for d in store.document_names for i in author_lists[d] if field("kind", i) == "heading")
    return frozenset(t for i in rows for t in stems(field("text", i)))


def asks_authors(asked: str, credits: frozenset[str]) -> bool:
    """Whether a question about the document asks who made it: AUTHORSHIP's words ("who wrote", "who contributed"),
    or a question asking who that names a group of its authors list ("and who from accenture?": `credit_stems`)."""
    words = stems(asked)
    return bool(words & AUTHORSHIP or (words & credits and CREDITS_ASKED.search(asked)))


def _credited(sentences, document: str, rows: range, own: str) -> list[int]:
    """The sentences of `document`'s credits, or of its front and back matter (the section titled `own`, its title as
    `title_key` writes it), among `rows`, that say who made it, in reading order, within MAX_ANSWER_CHARS."""
    field = sentences.field
    out, size = [], 0
    for i in rows:
        place = title_key(field("section", i).split(" > ")[-1])
        if field("document", i) != document or not (CREDITS_TITLE.match(place) or (own and place == own)):
            continue
        text = field("text", i)
        if AUTHORED_BY.search(text) and size + len(text) + 1 <= MAX_ANSWER_CHARS:
            out.append(i)
            size += len(text) + 1
    return out


_LINKING = frozenset({"of", "and", "for", "the", "de", "van", "von", "da", "&"})


def own_noun(texts: Iterable[str]) -> str:
    """The noun a report calls itself by (OWN_NOUN, at least OWN_NOUN_MIN times and twice any other), "" when none
    stands out; "white paper" is "paper".

    >>> own_noun(["This paper presents it.", "This white paper shows.", "In this paper, we", "this report"])
    'paper'
    >>> own_noun(["This paper presents it.", "this report", "this report"])
    ''
    """
    counts = Counter(own_noun_of(m.group(1)) for text in texts for m in OWN_NOUN.finditer(text))
    (top, n), *rest = counts.most_common(2) or [("", 0)]
    return top if n >= OWN_NOUN_MIN and all(n >= 2 * m for _, m in rest) else ""


def own_noun_of(word: str) -> str:
    """A noun as `own_noun` counts it: "white paper" and "whitepaper" are "paper"."""
    low = word.lower()
    return "paper" if low.endswith("paper") else low

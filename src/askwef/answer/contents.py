"""Questions that ask for a list of a report's parts rather than a fact in it: its chapters, its case studies or
use cases, tables, figures or boxes, maybe within one section ("list the healthcare use cases", "what chapters
does the report have", "which case studies are in chapter 2", "what's the first use case in the manufacturing
section", "what's in section 2?"), or the things a section's title names ("what are the key challenges?", "which
industries does the report cover?": that section's subsections; "what are the pillars?": the sections so titled).

Such a question names a kind of part and little else. Retrieval finds one of the parts, the ranker one sentence
of it, and askwef answered with one case of many (or a case's closing remark). Here the parts are read from the
report's own structure, in reading order: the units the reader titled ("CASE STUDY 4: Alipay AI Healthcare
Manager – ..."), the figure and table labels it printed, its sections. Each part is quoted by its first sentence
(verbatim, with its section, page and endnotes, like any quote) and the units' titles are shown with the quotes.
What else the question says must name where the parts stand or what their titles hold ("healthcare", "energy");
a question that asks more ("which use cases improved accuracy") is read as any other.

>>> asked = listing("list the healthcare use cases in the report")
>>> asked.family, sorted(asked.words), asked.pick
('case', ['healthcar'], None)
>>> listing("what's the first use case in the manufacturing section").pick
0
>>> listing("what does table 2 show?") is None, listing("which table shows robot density?") is None
(True, True)
>>> sorted(listing("is there a case study about finance?").words), listing("what's the use case in the report?").family
(['financ'], 'case')
>>> listing("what is use case 2?") is None   # that one part, by its label: parts.py
True
>>> asked = listing("what's in section 2?")
>>> asked.family, asked.number, asked.words
('section', '2', frozenset())
>>> listing("what are the key challenges?").children
True
>>> asked = listing("list the boxes in annex C")
>>> asked.family, asked.label, asked.words
('box', 'annex C', frozenset())
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..ingest.text import title_key
from ..types import in_section
from .params import (DOCUMENT_ASKS, FOLLOWUP_TOPIC_SIMILARITY, IN_SECTION, LIST_ASKS, LIST_MAX, LISTED_PART, OVERVIEW_EXTRA_WORDS, OVERVIEW_FORM, OVERVIEW_FRAME, PART_ASKS,
                     PART_FAMILIES, PART_LABEL, PART_OPENING, PART_REFERENCE, REPORT_PREFIX, SECTION_LABEL, SECTION_NUMBER, UNIT_LABEL)
from .figures import bare_label, label_rows, labels
from .parts import roman_chapters, section_number, titled_section
from .query import function_stems, stems
from .scope import labels_written
from .referents import ordinal_index

_RUNNING = ("prose", "item")
_HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)
_ASKING = re.compile(r"^\W*(?:what|which|list|name)\b", re.I)
_EXISTS = re.compile(r"\b(?:is|are)\s+there\b|^\W*any\b", re.I)  # "is there a case study on finance?", "any use case for it?"


@dataclass(frozen=True)
class Listing:
    """What a question asks to list: a family of parts (`PART_FAMILIES`); the number of the section they must
    stand in ("2.4", "" for anywhere); the stems their section path or title must hold; which one of them (an index,
    -1 for the last; None for all); for chapters, the numbered sections alone."""

    family: str
    number: str
    words: frozenset[str]
    pick: int | None
    numbered_only: bool
    phrase: str = ""  # the question's own words behind `words`, as written ("cars"), for `listed_parts`'s `near`
    noun: str = ""  # the word that named the parts, as written ("use cases", "examples")
    children: bool = False  # the parts are the subsections of the section whose title holds `words` ("the key challenges")
    plural: frozenset[str] = frozenset()  # for `children`, the stems of the plural asked for ("challeng"), when a title
    # holding it may lack one other word of the question (`OVERVIEW_EXTRA_WORDS`); empty for bare keywords
    label: str = ""  # a section they must stand in, named by its label and number ("in annex C", "in pillar 2")


@dataclass(frozen=True)
class Listed:
    """The parts found: the sentence rows quoted (in reading order) and the titles shown with them."""

    rows: tuple[int, ...]
    titles: tuple[str, ...]
    more: int = 0  # parts found past LIST_MAX, not quoted


def listing(question: str) -> Listing | None:
    """What `question` asks to list, or None when it asks for something else (a fact, one numbered figure)."""
    question = roman_chapters(REPORT_PREFIX.sub("", question))  # "in the report, what are the pillars?"
    if PART_REFERENCE.search(question):  # "what does table 2 show": that one part (parts.py)
        return None
    number = SECTION_NUMBER.search(question)
    taken = range(number.start(), number.end()) if number else range(0)
    named = next((m for m in LISTED_PART.finditer(question) if m.start("noun") not in taken), None)
    said = {number.group(0)} if number else set()
    if named is None:
        if number is None:
            return _labelled_contents(question) or _overview(question)  # "what are the key challenges?": the
            # subsections of the section so titled
        family, ordinal, noun = "section", None, ""  # "what's in section 2?": its parts
    else:
        noun, ordinal = named.group("noun").lower(), (named.group("ordinal") or "").lower() or None
        family = next(f for f, heads in PART_FAMILIES.items() if stems(noun) & set(heads))
        said.add(named.group(0))
    # "the boxes in annex C": the section so labelled (`listed_parts` looks for it), not the word "annex"
    label = next((m.group(0) for m in SECTION_LABEL.finditer(question) if named is not None and m.start() > named.end()
                  and m.start() not in taken), "")
    said |= {label} if label else set()
    words = stems(question) - function_stems() - LIST_ASKS - DOCUMENT_ASKS - PART_ASKS - stems(" ".join(said))
    if named is not None and re.match(r"\s*\d", question[named.end():]):
        return None  # "what is use case 2?": that one part, by its label (parts.py)
    if named is not None and not (noun.endswith("s") or ordinal or _HOW_MANY.search(question) or _EXISTS.search(question) or not words):
        return None  # "which table shows robot density": a fact in one of them; not "is there a case study on finance?"
    if named is None and words:
        return None  # "what does section 2 say about talent": a question within the section
    pick = None if ordinal is None else ordinal_index(ordinal)
    phrase = " ".join(w for w in re.findall(r"[A-Za-z][\w\-]*", question) if stems(w) & words)
    return Listing(family, number.group(1) if number else "", frozenset(words), pick, noun.startswith("chapter"), phrase, noun, label=label)


def _labelled_contents(question: str) -> Listing | None:
    """A question asking what is in a section it names by label ("what's in annex C?", "what does pillar 2 cover?"),
    as "what's in chapter 2?" asks by number: its parts. Not "what is pillar 1?" nor "summarize annex C", which ask
    what the section says (parts.py)."""
    question = labels_written(question)  # "what's in annex c?"
    label = SECTION_LABEL.search(question)
    if label is None or not (IN_SECTION.search(question[: label.start()]) or stems(question) & LIST_ASKS):
        return None
    if stems(question) - function_stems() - LIST_ASKS - DOCUMENT_ASKS - PART_ASKS - stems(label.group(0)):
        return None  # "what does annex C say about the centre of government": a question within it
    return Listing("section", "", frozenset(), None, False, label=label.group(0))


def _overview(question: str) -> Listing | None:
    """A question asking for the things a section's title names, in the plural, and nothing else ("what are the key
    challenges?", "which industries does the report cover?", "what are the five key enablers?"): listed as that
    section's subsections, or as the sections so titled when there are several ("what are the pillars?": "Pillar 1:
    ...", "Pillar 2: ..."; `Listing.children`); None for any other question."""
    if not OVERVIEW_FORM.match(question):
        return None
    words = stems(question) - function_stems() - LIST_ASKS - DOCUMENT_ASKS - PART_ASKS - stems(" ".join(OVERVIEW_FRAME))
    plural = {t for w in re.findall(r"[A-Za-z][\w\-]*", question) if len(w) > 3 and re.search(r"(?<!s)s$", w.lower()) for t in stems(w)}
    if not words or not plural & words:
        return None
    # (bare keywords hold no verb to spare: "five key enablers China AI ecosystem" asks for the sentence naming them)
    return Listing("section", "", frozenset(words), None, False, children=True,
                   plural=frozenset(plural & words) if _ASKING.match(question) else frozenset())


def listed_parts(store, document: str, asked: Listing, near=None) -> Listed | None:
    """The parts of `document` that `asked` lists (the words of the report's own title, which a question may repeat,
    do not narrow them), or None when it has none such (the question is then read as any other). `near(phrases)`: the section title a
    phrase means and their cosine (`Stage.near`): when no part holds the question's words ("which use cases are about
    cars"), the parts of the section they mean, if near enough (FOLLOWUP_TOPIC_SIMILARITY: "automotive and autonomous
    transport"). Not for "examples", which as often asks for a fact the report gives ("any wealth management
    examples?": its finance section's sentence on wealth-management services, not its finance use case): measured
    with it, test lost n301 and the holdout won n523 ("which manufacturing companies does the report use as
    examples")."""
    info = store.document(document)
    if info is None:
        return None
    sections = [(path, units) for path, _, units in info.sections]
    scope = ""
    if asked.number:
        scope = next((p for p, _ in sections if section_number(p) == asked.number), "")
        if not scope:
            return None
    if asked.label:
        scope = titled_section(info.sections, asked.label) or ""
        if not scope:
            return None
    if asked.children:  # the sections whose own title holds every word of the question, the shallowest: several are
        # the list ("Pillar 1: ...", "Pillar 2: ..."); one alone is listed by its subsections ("4 Key challenges ...")
        title = stems(info.title)  # "the three pillars of the National AI Strategy": its whole title said, as a title
        want = asked.words - title if title and title < asked.words else asked.words
        holders = [p for p, _ in sections if want <= stems(p.split(" > ")[-1])]
        if not holders and asked.plural:  # a title holding the plural asked for and all the question's words but one or so
            holders = [p for p, _ in sections if asked.plural <= (held := stems(p.split(" > ")[-1]))
                       and len(want - held) <= OVERVIEW_EXTRA_WORDS and len(want & held - asked.plural) >= 2]
        depth = min((p.count(" > ") for p in holders), default=0)
        items = [p for p in holders if p.count(" > ") == depth]
        if len(items) == 1:
            items = [p for p, _ in sections if p.startswith(items[0] + " > ") and p.count(" > ") == depth + 1]
        first = _first_rows(store, document) if items else {}
        found = [("", tuple(first[(path, "")][:1])) for path in items if first.get((path, ""))]
        return Listed(tuple(r for _, rows in found for r in rows), ()) if found else None
    words = asked.words - stems(info.title)
    first = _first_rows(store, document)
    if asked.family == "section":
        items = _sections(sections, scope, words, asked.numbered_only)
        if not scope:  # (its title page and imprint, read under its title, are no chapter of it: the UK strategy's)
            items = [p for p in items if title_key(p) != title_key(info.title)] or items
        if scope and not items and not words:  # a section with no parts of its own: its opening
            rows = [r for r in first.get((scope, ""), ())][:PART_OPENING]
            return Listed(tuple(rows), ()) if rows else None
        found = [("", tuple(first[(path, "")][:1])) for path in items if first.get((path, ""))]  # titled by section
    else:
        found = _parts(store, document, sections, scope, words, asked.family, first)
        if not found and words and near is not None and asked.phrase and not asked.noun.startswith("example"):
            topic, cosine = near([asked.phrase])[0]
            if topic and cosine >= FOLLOWUP_TOPIC_SIMILARITY:
                found = _parts(store, document, sections, scope, frozenset(stems(topic)), asked.family, first)
    if not found:
        return None
    if asked.pick is not None:
        if not -len(found) <= asked.pick < len(found):
            return None
        found = [found[asked.pick]]
    found, more = found[:LIST_MAX], max(0, len(found) - LIST_MAX)
    return Listed(tuple(r for _, rows in found for r in rows), tuple(t for t, _ in found if t), more)


def cut_short(shown: int, more: int, noun: str) -> str:
    """What a list cut at LIST_MAX says under it: how many it leaves out, and how to ask for fewer."""
    noun = noun or "parts"
    return (f"These are the first {shown} of {shown + more} {noun}. Ask for the {noun} of one chapter or annex "
            f"(“list the {noun} in chapter 2”) to see the rest.")


def _parts(store, document: str, sections, scope: str, words: frozenset[str], family: str, first) -> list:
    """A case study or box by its unit's title; a figure or table by the label line printed over it (quoted with its
    title line), else by its unit (an OECD table is titled in its unit alone; a label cut from its title): (title,
    rows) in reading order."""
    units = _units(sections, scope, words, family, first)
    labelled = _labelled(store, document, scope, words, family) if family in ("figure", "table") else {}
    return sorted([*labelled.values(), *(item for (_, number), item in units.items() if number not in labelled)],
                  key=lambda item: item[1][0])


FAMILY_NOUNS = {"case": ("case study or use case", "case studies or use cases", "case studies"), "figure": ("figure", "figures", "figures"),
                "table": ("table", "tables", "tables"), "box": ("box", "boxes", "boxes")}
"""How a reply names each family of parts but sections (`PART_FAMILIES`): one, several, and as a question asks for them."""


def other_parts(store, document: str, family: str) -> str | None:
    """When `document` has no part at all of `family` ("which case studies does the report include?" of the OECD review,
    which prints boxes and tables), what to say of the parts it has instead ("It has 7 figures, 13 tables and 50 boxes:
    ask for them by name (“list the boxes”)." or "" when it has none); None when it has some of `family` (the question
    names parts it has; where or what they hold did not match)."""
    info = store.document(document)
    if info is None or family == "section":
        return None
    sections = [(path, units) for path, _, units in info.sections]
    first = _first_rows(store, document)
    found = {f: len(_parts(store, document, sections, "", frozenset(), f, first)) for f in FAMILY_NOUNS}
    if found[family]:
        return None
    said = [f"{n} {FAMILY_NOUNS[f][n != 1]}" for f, n in found.items() if n]
    if not said:
        return ""
    most = FAMILY_NOUNS[max(found, key=found.get)][2]
    return f"It has {', '.join(said[:-1]) + ' and ' if len(said) > 1 else ''}{said[-1]}: ask for them by name (“list the {most}”)."


def listed_items(quotes) -> list[tuple[str, tuple]]:
    """The parts of a "contents" answer as (title, quotes), in order, for showing as a numbered list: a part's
    quote is one sentence, or a figure's bare label and the title line after it; its title is its unit's ("USE CASE
    1: Haier COSMOPlat – ...") or, in running text, its section's own ("2.4 Enabling sustainable energy ..."); a
    figure's label line is its own title ("")."""
    out: list[tuple[str, list]] = []
    for i, q in enumerate(quotes):
        if i and bare_label(quotes[i - 1].text) and q.section == quotes[i - 1].section:
            out[-1][1].append(q)
            continue
        # (a table's label line in a box is still its own title: the OECD review's Table 4.1, in Box 4.5)
        title = "" if PART_LABEL.match(q.text) else (q.unit or q.section.split(" > ")[-1])
        out.append((title, [q]))
    return [(title, tuple(qs)) for title, qs in out]


def list_lead(items) -> str:
    """The line over a list of parts, counting them by the label they print ("how many case studies are there?" gets
    its number from it: "4 case studies and 11 use cases of the report, in reading order:")."""
    return f"{parts_counted([title for title, _ in items])} of the report, in reading order:"


def parts_counted(titles) -> str:
    """How many parts `titles` are, by the label each prints ("4 case studies and 11 use cases"), else as parts.

    >>> parts_counted(["CASE STUDY 1: A", "USE CASE 1: B", "USE CASE 2: C"]), parts_counted(["Data use", "Talent"])
    ('1 case study and 2 use cases', '2 parts')
    """
    labels = [m["label"].strip().lower() if (m := UNIT_LABEL.match(t)) else "" for t in titles]
    if not titles or not all(labels):
        return f"{len(titles)} part{'s' if len(titles) != 1 else ''}"
    said = [f"{n} {label if n == 1 else _plural(label)}" for label, n in Counter(labels).items()]
    return ", ".join(said[:-1]) + f" and {said[-1]}" if len(said) > 1 else said[0]


def _plural(label: str) -> str:
    """"case study" -> "case studies", "box" -> "boxes", "use case" -> "use cases"."""
    if re.search(r"[^aeiou]y$", label):
        return label[:-1] + "ies"
    return label + ("es" if re.search(r"(?:x|s|ch|sh)$", label) else "s")


def _holds(text: str, words: frozenset[str]) -> bool:
    return words <= stems(text)


def _within(path: str, scope: str) -> bool:
    return not scope or in_section(path, scope)


def _sections(sections, scope: str, words: frozenset[str], numbered_only: bool) -> list[str]:
    """The sections listed: those a question's words name (their own title holds one, their path all), else the
    parts of the `scope` section, else the report's chapters (for "chapters", the numbered ones when it numbers any)."""
    # with the sections that hold only subsections (no text of their own, so no section of the index: the OECD review's
    # "A fragmented strategic framework for PAR" over its three), each where its first subsection stands
    prefixes = (" > ".join(parts[: j + 1]) for p, _ in sections for parts in [p.split(" > ")] for j in range(len(parts)))
    paths = [p for p in dict.fromkeys(prefixes) if _within(p, scope)]
    if words:
        return [p for p in paths if _holds(p, words) and stems(p.split(" > ")[-1]) & words]
    depth = scope.count(" > ") + 1 if scope else 0
    out = [p for p in paths if p.count(" > ") == depth]
    numbered = [p for p in out if section_number(p)]
    return numbered if numbered_only and numbered else out  # a report that numbers no chapter: all of them


def _family(label: str) -> str | None:
    return next((f for f, heads in PART_FAMILIES.items() if stems(label) & set(heads)), None)


def _units(sections, scope: str, words: frozenset[str], family: str, first) -> dict[tuple[str, str], tuple[str, tuple[int, ...]]]:
    """The units of `family` in the scope whose section path and title hold `words`: (label, number) -> (title, its
    first sentence's row) ("CASE STUDY 1" and "USE CASE 1" are two)."""
    out = {}
    for path, units in sections:
        if not _within(path, scope):
            continue
        for unit in units:
            m = UNIT_LABEL.match(unit)
            if m and _family(m.group("label")) == family and _holds(f"{path} {unit}", words) and first.get((path, unit)):
                out.setdefault((m.group("label").upper(), m.group("number")), (unit, tuple(first[(path, unit)][:1])))
    return out


def _labelled(store, document: str, scope: str, words: frozenset[str], family: str) -> dict[str, tuple[str, tuple[int, ...]]]:
    """Figures or tables by the label lines printed over them ("FIGURE 2 | ...", "TABLE 1" and its title line after
    it): number -> ("", the label's rows); a bare label with no title line after it is left to its unit."""
    sentences, rows = store.sentences, store.document_sentence_rows(document)
    out = {}
    for (kind, number), row in sorted(labels(sentences, rows).items(), key=lambda item: item[1]):
        quoted = label_rows(sentences, row)
        text = " ".join(sentences.field("text", r) for r in quoted)
        path = sentences.field("section", row)
        if _family(kind) == family and _within(path, scope) and _holds(f"{path} {text}", words) and not bare_label(text):
            out[number] = ("", quoted)
    return out


def _first_rows(store, document: str) -> dict[tuple[str, str], list[int]]:
    """Per (section path, unit), its rows of running text in order (PART_OPENING of them), else its first row of
    any kind; a section's own rows are keyed with unit "", and a chapter with no text of its own before its first
    subsection takes that subsection's."""
    sentences = store.sentences
    out: dict[tuple[str, str], list[int]] = {}
    fallback: dict[tuple[str, str], int] = {}
    for i in store.document_sentence_rows(document):
        path, unit = sentences.field("section", i), sentences.field("unit", i)
        keys = [(path, unit)] + [(" > ".join(path.split(" > ")[:n]), "") for n in range(1, path.count(" > ") + 1)]
        for key in keys:
            fallback.setdefault(key, i)
            if sentences.field("kind", i) in _RUNNING and len(out.setdefault(key, [])) < PART_OPENING:
                out[key].append(i)
    for key, row in fallback.items():
        if not out.get(key):
            out[key] = [row]
    return out

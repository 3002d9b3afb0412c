"""Answer: question -> one to three of the report's own sentences, with sources, or an honest abstention.

1. Follow-ups are resolved against the history without a language model ("and in healthcare?",
   "what about its accuracy?") by swapping the topic or naming the entity the last answer was about.
2. Passages are retrieved (one question encoding serves passages and sentences alike).
3. Sentences of the top passages are scored: cosine to the question, share of the question's words
   they hold, their passage's retrieval score, and whether they hold what the question type asks for
   (a number for "how many / what share", a date for "when", a name for "who / which company").
4. A sentence that cannot stand alone ("This translated into ...") brings the one before it.
5. Confidence combines the winner's scores; a question that pins a year, quarter, company or place
   the chosen text does not mention is a near miss, and its confidence is cut. Below
   `settings.abstain_threshold` askwef abstains, still listing the closest passages.

>>> answer_question(retriever, "How many green data centres has China built?")   # doctest: +SKIP
Answer(text='To date, 246 green data centres have been established in the country, ...', ...)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .index import bm25_tokenize
from .retrieve import Retriever
from .types import Answer, Endnote, Passage, Quote, Sentence

MAX_ANSWER_CHARS = 600
CANDIDATE_PASSAGES = 6

ABSTAIN_MESSAGE = "The report does not seem to answer this. The closest passages are listed below."

# weights of the sentence score; chosen on the dev split (askwef tune)
W_COSINE = 1.0
W_LEXICAL = 1.0
W_FOCUS = 1.0
W_PASSAGE = 0.6
W_TYPE = 0.25
W_PIN = 0.5


# --- question analysis -------------------------------------------------------------------------

_QUANTITY = re.compile(
    r"\b(how (many|much|large|big|fast|high|often)|what (share|percentage|percent|proportion|number|portion|fraction|size|rate|amount|value|level|accuracy|scale)|"
    r"by how much|how many|what is the (size|value|number|share|rate)|accuracy|cagr|growth rate|per ?cent|%|"
    r"volume|amount|percentage|proportion|total number|market size|how accurate|how efficient|how effective|how long|how far)\b",
    re.I,
)
_WHEN = re.compile(r"\b(when|what year|which year|in what year|since when|by when|what date)\b", re.I)
_WHO = re.compile(r"\b(who|which (company|companies|firm|firms|organi[sz]ation|bank|university|group|city|cities|province|platform)|what (company|firm|organi[sz]ation))\b", re.I)

_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|"
    r"million|billion|trillion|half|third|quarter|double|doubled|triple|tripled|twice|tenfold|dozen)\b",
    re.I,
)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_DATE_WORD = re.compile(r"\b(19|20)\d{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|quarter)\b")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z0-9&'’\-]+")  # a name inside a sentence
# In a question, a first word counts as a name when it is possessive or in capitals ("Huawei's", "ICBC");
# otherwise it is just capitalised ("Roughly how many ...").
_QUESTION_NAME = re.compile(r"(?<!^)\b[A-Z][A-Za-z0-9&'’\-]+|^[A-Z][A-Za-z0-9&\-]*['’]s\b|^[A-Z][A-Z0-9&]+\b")

_QUARTERS = {
    "q1": ("q1", "first quarter"), "q2": ("q2", "second quarter"), "q3": ("q3", "third quarter"), "q4": ("q4", "fourth quarter"),
    "first quarter": ("q1", "first quarter"), "second quarter": ("q2", "second quarter"),
    "third quarter": ("q3", "third quarter"), "fourth quarter": ("q4", "fourth quarter"),
}
_QUARTER_RE = re.compile(r"\b(q[1-4]|first quarter|second quarter|third quarter|fourth quarter)\b", re.I)

# Capitalised words that never pin a specific thing the report might lack.
_GENERIC_NAMES = {
    "what", "which", "who", "when", "where", "why", "how", "is", "are", "does", "do", "did", "the", "a", "an", "and", "or",
    "in", "of", "for", "to", "on", "by", "with", "about", "according", "report", "paper", "ai", "china", "chinese",
    "genai", "llm", "llms", "ict", "i", "can", "has", "have", "was", "were", "tell", "me", "give", "list", "name",
    "world", "economic", "forum", "wef", "accenture", "case", "study", "use", "table", "figure", "it", "its", "this",
    "that", "these", "those", "they", "their", "and", "also", "please", "explain", "describe", "summarize", "summarise",
    "compare", "define", "show", "find", "identify", "outline", "provide", "under", "between", "during", "since", "after",
    "before", "from", "among", "besides", "other", "any", "all", "each", "some", "many", "much", "more", "most", "should",
    "would", "could", "will", "if", "as", "at", "be", "there", "so", "than", "then", "not", "no", "yes", "why", "whose",
}


@dataclass(frozen=True)
class QuestionType:
    quantity: bool
    when: bool
    who: bool
    money: bool = False  # "how much ... invest / earn / cost": an amount of money
    share: bool = False  # "what share / percentage / proportion": a part of a whole


_MONEY_Q = re.compile(
    r"\b(how much|what|which)\b.*\b(cost|costs|spend|spent|spending|earn|earns|salary|salaries|revenue|revenues|invest|invested|"
    r"investment|funding|funded|raise|raised|price|prices|worth|budget|profit|profits|income|capital)\b",
    re.I,
)
_SHARE_Q = re.compile(r"\b(what|which)\s+(share|percentage|percent|proportion|fraction|portion)\b|\bhow many percent\b", re.I)
_MONEY = re.compile(r"[$€£¥]|\b(yuan|rmb|dollars?|usd|euros?)\b", re.I)
_SHARE = re.compile(r"%|\bper ?cent\b|\b(half|third|quarter|majority|most|share|ratio|one in)\b", re.I)


def question_type(question: str) -> QuestionType:
    return QuestionType(
        bool(_QUANTITY.search(question)), bool(_WHEN.search(question)), bool(_WHO.search(question)),
        bool(_MONEY_Q.search(question)), bool(_SHARE_Q.search(question)),
    )


# Places typed in lower case still pin the question to them ("ai adoption in india").
_PLACES = {
    "afghanistan", "africa", "america", "argentina", "asia", "australia", "austria", "bangladesh", "belgium", "brazil",
    "britain", "canada", "chile", "colombia", "denmark", "egypt", "england", "europe", "finland", "france", "germany",
    "greece", "hong kong", "india", "indonesia", "iran", "ireland", "israel", "italy", "japan", "kenya", "korea",
    "macau", "malaysia", "mexico", "netherlands", "new zealand", "nigeria", "norway", "pakistan", "philippines",
    "poland", "portugal", "russia", "saudi arabia", "singapore", "south africa", "spain", "sweden", "switzerland",
    "taiwan", "thailand", "turkey", "uae", "ukraine", "united kingdom", "united states", "usa", "vietnam",
    "london", "new york", "paris", "tokyo", "seoul", "berlin", "singapore", "silicon valley", "california",
}
_PLACE_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PLACES), key=len, reverse=True)) + r")\b", re.I)

_PIN_SPELLINGS = {"co2": ("co2", "carbon dioxide"), "us": ("us", "united states", "u.s."), "uk": ("uk", "united kingdom")}


def pinned_terms(question: str) -> list[tuple[str, ...]]:
    """What the question pins that the answer must mention: years, quarters, names. Each entry lists accepted spellings.

    >>> pinned_terms("How many rides did Apollo Go give in Q3 2024?")
    [('2024',), ('q3', 'third quarter'), ('apollo',), ('go',)]
    """
    pins: list[tuple[str, ...]] = [(m.group(0),) for m in _YEAR.finditer(question)]
    pins += [_QUARTERS[m.group(0).lower()] for m in _QUARTER_RE.finditer(question)]
    without_quarters = _QUARTER_RE.sub(" ", question)
    for m in _QUESTION_NAME.finditer(without_quarters):
        word = re.sub(r"['’]s$", "", m.group(0)).lower()
        if word in _GENERIC_NAMES or len(word) < 2 or re.fullmatch(r"q[1-4]", word):
            continue
        if "-" in word and word.split("-")[0] in _GENERIC_NAMES:
            continue  # "AI-based", "AI-integrated": a description, not a name
        pins.append(_PIN_SPELLINGS.get(word, (word,)))
    for m in _PLACE_RE.finditer(question):
        place = (m.group(0).lower(),)
        if place not in pins and not any(place[0] in pin for pin in pins):
            pins.append(_PIN_SPELLINGS.get(place[0], place))
    return pins


# Words that frame a question about the report rather than say what it is about (stemmed).
_FRAMING = {
    "say", "said", "tell", "mention", "describ", "discuss", "explain", "note", "state", "report", "paper", "document",
    "chapter", "section", "accord", "cover", "call", "summar", "summaris", "summariz", "main", "point", "white",
}


def _stems(text: str) -> set[str]:
    """The question's content words, stemmed, without the words that only frame it ("what does the report say")."""
    return set(bm25_tokenize([text], return_ids=False)[0]) - _FRAMING


# --- follow-ups ----------------------------------------------------------------------------------

_FOLLOWUP_START = re.compile(r"^\s*(and|but|also|what about|how about|and what about|what of|same for|and for|and in)\b[\s,]*", re.I)
_PRONOUN = re.compile(r"\b(its|it|their|they|them|this|that|these|those|the company|the platform|the system|the firm|the bank)\b", re.I)


@dataclass(frozen=True)
class Turn:
    question: str
    answer: str = ""
    section: str = ""
    unit: str = ""


def normalize_history(history) -> list[Turn]:
    """Accept [{'question','answer'}], [(q, a)], Gradio messages [{'role','content'}], or Answer objects."""
    turns: list[Turn] = []
    if not history:
        return turns
    pending_user: str | None = None
    for item in history:
        if isinstance(item, Answer):
            quote = item.quotes[0] if item.quotes else None
            unit = next((p.unit for p in item.passages if quote and p.id == quote.passage_id), "")
            turns.append(Turn(item.resolved_question or item.question, item.text, quote.section if quote else "", unit))
        elif isinstance(item, dict) and "role" in item:
            content = item.get("content")
            content = content if isinstance(content, str) else str(content or "")
            if item.get("role") == "user":
                pending_user = content
            elif item.get("role") == "assistant" and pending_user is not None:
                turns.append(Turn(pending_user, content))
                pending_user = None
        elif isinstance(item, dict):
            turns.append(Turn(str(item.get("question", "")), str(item.get("answer", "") or ""), str(item.get("section", "") or ""), str(item.get("unit", "") or "")))
        elif isinstance(item, (list, tuple)) and len(item) >= 1:
            turns.append(Turn(str(item[0] or ""), str(item[1] or "") if len(item) > 1 else ""))
    if pending_user:
        turns.append(Turn(pending_user))
    return [t for t in turns if t.question.strip()]


def _is_followup(question: str) -> bool:
    words = question.split()
    return bool(_FOLLOWUP_START.match(question)) or (len(words) <= 6 and bool(_PRONOUN.search(question)))


def resolve_followup(question: str, history, retriever: Retriever) -> str:
    """Rewrite a follow-up into a self-contained question using the previous turn; others pass unchanged."""
    return _resolve_followup(question, history, retriever)[:MAX_RESOLVED_CHARS]


MAX_RESOLVED_CHARS = 2000  # as engine.MAX_QUESTION_CHARS: a rewritten follow-up is no longer than a question


def _resolve_followup(question: str, history, retriever: Retriever) -> str:
    turns = normalize_history(history)
    if not turns or not _is_followup(question):
        return question
    last = turns[-1]
    body = _FOLLOWUP_START.sub("", question).strip().rstrip("?").strip()
    topics = _topics(retriever)
    new_topic = next((t for t in topics if re.search(rf"\b{re.escape(t)}\b", body, re.I)), None)
    if new_topic and not _PRONOUN.search(body):
        previous = last.question.rstrip("?")
        old_topic = next((t for t in topics if re.search(rf"\b{re.escape(t)}\b", previous, re.I)), None)
        if old_topic:
            return re.sub(rf"\b{re.escape(old_topic)}\b", new_topic, previous, flags=re.I) + "?"
        stripped = re.sub(r"^(in|for|about|of)\s+", "", body, flags=re.I)
        return f"{previous} in {stripped}?"
    entity = _entity_of(last, retriever)
    if entity:
        resolved = re.sub(r"\b(its|their)\b", f"{entity}'s", body, flags=re.I)
        resolved = re.sub(r"\b(it|they|them|this|that|these|those|the company|the platform|the system|the firm|the bank)\b", entity, resolved, flags=re.I)
        if resolved == body:
            resolved = f"{body} of {entity}"
        return f"What about {resolved}?" if not re.match(r"^(what|how|who|when|which|where|why|is|are|does|do|did)\b", resolved, re.I) else resolved + "?"
    return f"{last.question.rstrip('?')}: {body}?"


def _topics(retriever: Retriever) -> list[str]:
    """Section titles usable as topics (industries, chapters), longest first, plus their first word."""
    titles: set[str] = set()
    for doc in retriever.store.documents:
        for path, _, _ in doc.sections:
            last = path.split(" > ")[-1]
            last = re.sub(r"^\d+(\.\d+)*\s+", "", last)
            if len(last.split()) <= 4:
                titles.add(last.lower())
                first = last.split()[0].lower()
                if len(first) > 4:
                    titles.add(first)
    return sorted(titles, key=len, reverse=True)


def _entity_of(turn: Turn, retriever: Retriever) -> str:
    """The thing the last answer was about: its unit's name ('State Grid Corporation of China'), else a name in its question."""
    unit = turn.unit
    if not unit and turn.answer:
        hit = next((s for s in retriever.store.sentences if s.text and s.text in turn.answer and s.unit), None)
        unit = hit.unit if hit else ""
    if unit:
        name = unit.split(": ", 1)[-1].split(" – ")[0].strip()
        if name:
            return name
    names = [m.group(0) for m in _NAME.finditer(turn.question) if m.group(0).lower() not in _GENERIC_NAMES]
    return " ".join(names[:3])


# --- sentence selection ------------------------------------------------------------------------

_MULTI_PART = re.compile(r"\b(and|as well as|also|plus)\s+(how|what|which|when|who|where|why|in what|by how)\b", re.I)

# A sentence opening with a pronoun or demonstrative leans on the one before it ("This translated into ...").
_NOT_STANDALONE = re.compile(r"^(this|these|that|those|it|its|they|their|such|as a result|in turn)\b", re.I)


@dataclass(frozen=True)
class _Candidate:
    index: int  # into store.sentences
    score: float
    cosine: float
    lexical: float  # idf-weighted share of the question's words in the sentence (or its passage heading)
    focus: float  # the same, over the question words its passage heading does not already hold
    passage_score: float
    type_ok: bool
    rank: int


def _type_ok(qtype: QuestionType, text: str) -> bool:
    if qtype.quantity and not _NUMBER.search(_YEAR.sub(" ", text)):
        return False  # a year is not the quantity asked for
    if qtype.when and not _DATE_WORD.search(text):
        return False
    if qtype.who and not _NAME.search(text):
        return False
    if qtype.money and not _MONEY.search(text):
        return False
    if qtype.share and not _SHARE.search(text):
        return False
    return True


def _has_pin(pin: tuple[str, ...], text: str) -> bool:
    low = text.lower()
    return any(re.search(rf"(?<![0-9a-z]){re.escape(p)}", low) for p in pin)


class _SentenceIndex:
    """Per-retriever caches: sentences grouped by passage, and their stems."""

    def __init__(self, retriever: Retriever) -> None:
        store = retriever.store
        self.by_passage: dict[str, list[int]] = {}
        for i, s in enumerate(store.sentences):
            self.by_passage.setdefault(s.passage_id, []).append(i)
        self.stems = [set(t) for t in bm25_tokenize([s.text for s in store.sentences], return_ids=False)] if store.sentences else []
        self.context = {p.id: c for p, c in zip(store.passages, store.contexts)}
        context_tokens = bm25_tokenize(list(store.contexts), return_ids=False) if store.contexts else []
        self.context_stems = {p.id: set(t) for p, t in zip(store.passages, context_tokens)}
        self.passage_text = {p.id: f"{c} {p.text}" for p, c in zip(store.passages, store.contexts)}
        self.passage_stems: dict[str, set[str]] = {p.id: set(self.context_stems.get(p.id, ())) for p in store.passages}
        for s, stems in zip(store.sentences, self.stems):
            self.passage_stems[s.passage_id] |= stems

        # inverse document frequency over sentences: rare words weigh more in lexical overlap
        df: dict[str, int] = {}
        for stems in self.stems:
            for t in stems:
                df[t] = df.get(t, 0) + 1
        for stems in self.context_stems.values():
            for t in stems:
                df.setdefault(t, 1)
        n = max(1, len(self.stems))
        self.idf_unknown = float(np.log(n + 1)) + 1.0
        self.idf = {t: float(np.log((n + 1) / (c + 1))) + 1.0 for t, c in df.items()}

    def weight(self, terms: set[str]) -> float:
        return sum(self.idf.get(t, self.idf_unknown) for t in terms)


def _sentence_index(retriever: Retriever) -> _SentenceIndex:
    """The caches belong to the retriever (one per loaded index), built on first use."""
    cache = getattr(retriever, "_answer_cache", None)
    if cache is None or cache[0] is not retriever.store:
        cache = (retriever.store, _SentenceIndex(retriever))
        retriever._answer_cache = cache  # type: ignore[attr-defined]
    return cache[1]


@dataclass(frozen=True)
class Selection:
    """What sentence selection found for a question, before deciding whether to answer."""

    question: str
    resolved: str
    passages: tuple[Passage, ...]  # ranked, at least CANDIDATE_PASSAGES when the index has them
    chosen: tuple[int, ...] = ()  # sentence indexes, reading order
    best: _Candidate | None = None
    missing: tuple[tuple[str, ...], ...] = ()  # pinned terms the chosen text lacks
    unknown: float = 0.0  # weighted share of question words the report never uses
    absent: float = 0.0  # weighted share of question words the chosen passage (with its heading) lacks


def select(retriever: Retriever, question: str, *, history=None, k: int = 10, within: str | None = None) -> Selection:
    """Retrieve and pick the sentences that would answer `question` (no abstention decision yet)."""
    store = retriever.store
    resolved = resolve_followup(question, history, retriever)
    scores = retriever.scores(resolved)
    passages = tuple(retriever.rank(scores, k=max(k, CANDIDATE_PASSAGES), within=within))
    if not passages:
        return Selection(question, resolved, passages)

    cache = _sentence_index(retriever)
    qstems = _stems(resolved)
    qweight = cache.weight(qstems) or 1.0
    qtype = question_type(resolved)
    top = passages[:CANDIDATE_PASSAGES]
    best_fused = max(p.score for p in top) or 1.0
    # a question that names a section by its title ("what does the conclusion say") is answered from it
    named = retriever.named_section_ids(resolved)
    if any(p.id in named for p in top):
        top = tuple(p for p in top if p.id in named)
    pins = pinned_terms(resolved)
    name_pins = [pin for pin in pins if not _YEAR.fullmatch(pin[0]) and pin[0] not in _QUARTERS]
    candidates: list[_Candidate] = []
    for rank, p in enumerate(top):
        pscore = max(0.0, p.score / best_fused) if best_fused > 0 else 0.0
        # the years, quarters and names the question pins point at the passage that holds them
        # (names only: a year or quarter that happens to stand in another passage says nothing of its topic)
        pin_share = sum(_has_pin(pin, cache.passage_text.get(p.id, "")) for pin in name_pins) / len(name_pins) if name_pins else 1.0
        context_stems = cache.context_stems.get(p.id, set())
        # words the passage heading already holds (the company, the industry) pick the passage, not the sentence
        rest = qstems - context_stems
        rest_weight = cache.weight(rest)
        for i in cache.by_passage.get(p.id, []):
            s = store.sentences[i]
            if len(s.text) < 4 or not re.search(r"[^\W\d_]", s.text):
                continue  # a bare number ("2020") answers nothing; a short name ("Na Na") may
            stems = cache.stems[i]
            lexical = cache.weight(qstems & (stems | context_stems)) / qweight
            focus = cache.weight(rest & stems) / rest_weight if rest_weight else lexical
            cosine = float(scores.sentence_cosine[i])
            ok = _type_ok(qtype, s.text)
            score = (
                W_COSINE * cosine + W_LEXICAL * lexical + W_FOCUS * focus + W_PASSAGE * pscore + W_PIN * pin_share
                + (W_TYPE if ok else -W_TYPE)
            )
            if s.kind in ("caption", "heading"):
                score -= W_TYPE  # a figure label or heading names a topic; it rarely answers
            candidates.append(_Candidate(i, score, cosine, lexical, focus, pscore, ok, rank))
    if not candidates:
        return Selection(question, resolved, passages)
    candidates.sort(key=lambda c: -c.score)
    best = candidates[0]
    chosen = [best.index]
    # a sentence that leans on the one before it brings it along; so does a name or label heading it,
    # and a label (a contributor's name, a heading) brings the line it introduces
    prev = _previous_sentence(store.sentences, best.index)
    nxt = _next_sentence(store.sentences, best.index)
    if _is_label(store.sentences[best.index]) and nxt is not None:
        chosen.append(nxt)
    elif prev is not None and (_NOT_STANDALONE.match(store.sentences[best.index].text) or _is_label(store.sentences[prev])):
        chosen.insert(0, prev)
    # a two-part question may need a second sentence of the same passage, adding words the first lacks
    covered = set().union(*(cache.stems[i] for i in chosen)) & qstems
    for c in candidates[1:4] if _MULTI_PART.search(resolved) or resolved.count("?") > 1 else ():
        s = store.sentences[c.index]
        if c.index in chosen or s.passage_id != store.sentences[best.index].passage_id:
            continue
        adds = (cache.stems[c.index] & qstems) - covered
        if adds and c.score >= 0.85 * best.score and len(chosen) < 3:
            chosen.append(c.index)
            covered |= adds
    order = sorted(set(chosen), key=lambda i: (store.sentences[i].document, store.sentences[i].section, store.sentences[i].start))
    chosen = _fit(store.sentences, order, best.index)
    around = " ".join(cache.passage_text.get(pid, "") for pid in {store.sentences[i].passage_id for i in chosen})
    missing = tuple(pin for pin in pins if not _has_pin(pin, around))
    unknown = cache.weight({t for t in qstems if t not in cache.idf}) / qweight
    # what the question asks about that the chosen passage never mentions ("electric", "salary")
    held = set().union(*(cache.passage_stems.get(store.sentences[i].passage_id, set()) for i in chosen))
    lacking = qstems - held
    absent = cache.weight(lacking) / qweight
    return Selection(question, resolved, passages, tuple(chosen), best, missing, unknown, absent)


def answer_question(retriever: Retriever, question: str, *, history=None, k: int = 10, within: str | None = None) -> Answer:
    store = retriever.store
    sel = select(retriever, question, history=history, k=k, within=within)
    shown = sel.passages[:k]
    if sel.best is None:
        return Answer(question, "", passages=shown, abstained=True, message=ABSTAIN_MESSAGE, resolved_question=sel.resolved)
    confidence = _confidence(sel)
    if confidence < retriever.settings.abstain_threshold:
        why = f" (it does not mention {', '.join(p[0] for p in sel.missing[:3])} where it comes closest)" if sel.missing else ""
        return Answer(
            question, "", passages=shown, confidence=round(confidence, 4), abstained=True,
            message=ABSTAIN_MESSAGE.replace(". The closest", f"{why}. The closest", 1), resolved_question=sel.resolved,
        )
    quotes = tuple(_quote(store.sentences[i]) for i in sel.chosen)
    # make sure the passages holding the quotes are among those shown
    ids = {p.id for p in shown}
    extra = tuple(p for p in sel.passages if p.id not in ids and any(store.sentences[i].passage_id == p.id for i in sel.chosen))
    return Answer(
        question=question,
        text=" ".join(q.text for q in quotes),
        quotes=quotes,
        endnotes=_endnotes(retriever, list(sel.chosen)),
        passages=shown + extra,
        confidence=round(confidence, 4),
        abstained=False,
        message="",
        resolved_question=sel.resolved,
    )


def _is_label(s: Sentence) -> bool:
    """A heading line without end punctuation (a name, a title) that the next sentence belongs to."""
    return s.kind == "heading" and len(s.text.split()) <= 6 and not re.search(r"[.!?:;]$", s.text)


def _next_sentence(sentences: tuple[Sentence, ...], index: int) -> int | None:
    if index + 1 >= len(sentences):
        return None
    nxt, cur = sentences[index + 1], sentences[index]
    if nxt.document == cur.document and nxt.section == cur.section and nxt.unit == cur.unit:
        return index + 1
    return None


def _previous_sentence(sentences: tuple[Sentence, ...], index: int) -> int | None:
    """The sentence before, in the same section and unit; running text passes over a figure in between."""
    cur = sentences[index]
    skip = ("caption", "heading", "item") if cur.kind == "prose" else ("caption",)
    i = index - 1
    while i >= 0:
        prev = sentences[i]
        if prev.document != cur.document or prev.section != cur.section or prev.unit != cur.unit:
            return None
        if prev.kind not in skip:
            return i
        i -= 1
    return None


def _fit(sentences: tuple[Sentence, ...], chosen: list[int], must: int) -> list[int]:
    """Keep the answer within about MAX_ANSWER_CHARS, dropping the sentences furthest from the best one."""
    while len(chosen) > 1 and sum(len(sentences[i].text) + 1 for i in chosen) > MAX_ANSWER_CHARS:
        chosen.remove(max((i for i in chosen if i != must), key=lambda i: abs(i - must)))
    return chosen


# Logistic model of "the report answers this", fit on the golden dev split (see `askwef tune`):
# cosine of the best sentence, its focus (share of the question's own words, beyond the heading's),
# whether it holds what the question type asks for, the share of question words the report never
# uses, and the share its passage never mentions. A pinned year/quarter/name it lacks caps it (below).
CONFIDENCE_WEIGHTS = {"cosine": 6.1, "focus": 2.6, "type_ok": 4.4, "unknown": -4.0, "absent": -4.0, "bias": -3.0}


def confidence_features(sel: Selection) -> dict[str, float]:
    best = sel.best
    assert best is not None
    return {
        "cosine": best.cosine, "focus": best.focus, "type_ok": float(best.type_ok),
        "missing": float(bool(sel.missing)), "unknown": sel.unknown,
        "absent": sel.absent, "bias": 1.0,
    }


def _confidence(sel: Selection) -> float:
    """In 0..1: the modelled probability that the chosen sentence answers the question.

    `unknown` is the weighted share of the question's words that the report never uses at all
    ("population", "semiconductor"): a strong sign the question is about something else; `absent`
    the share its chosen passage never mentions ("electric" cars, AI engineers' "salary").
    """
    return confidence_from(confidence_features(sel))


NEAR_MISS_CAP = 0.0
"""The most confidence an answer gets when it lacks a year, quarter, name or place the question pins."""


def confidence_from(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The logistic model over the features, with the near-miss rule on top."""
    weights = CONFIDENCE_WEIGHTS if weights is None else weights
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    p = float(1 / (1 + np.exp(-z)))
    # a near miss (the report gives the figure for another year, quarter, company or country) is
    # decided by rule, not weighed: the quoted text must mention what the question pins
    return min(p, NEAR_MISS_CAP) if features.get("missing") else p


def _quote(s: Sentence) -> Quote:
    return Quote(s.text, s.passage_id, s.document, s.section, s.page, s.start, s.end, s.endnotes)


def _endnotes(retriever: Retriever, chosen: list[int]) -> tuple[Endnote, ...]:
    out: list[Endnote] = []
    seen: set[tuple[str, int]] = set()
    for i in chosen:
        s = retriever.store.sentences[i]
        for n in s.endnotes:
            if (s.document, n) in seen:
                continue
            seen.add((s.document, n))
            note = retriever.store.endnote(s.document, n)
            if note is not None:
                out.append(note)
    return tuple(out)


__all__ = ["answer_question", "select", "Selection", "resolve_followup", "normalize_history", "pinned_terms", "question_type"]

"""What the answer stage knows in advance: word lists, patterns, weights and thresholds, with where each came from.

Everything here was written or fit against the golden questions' dev split (`evals/golden.jsonl`,
`askwef tune`); the test split only measures. The modules of the stage import from here and spell
out no word list of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- answers -------------------------------------------------------------------------------------

MAX_ANSWER_CHARS = 600
"""An answer quotes at most about this many characters (one to three sentences of the report)."""
CANDIDATE_PASSAGES = 6
"""Sentences are chosen from this many of the best passages (dev: the evidence is in the top 6 for all but one question)."""
ABSTAIN_MESSAGE = "The report does not seem to answer this. The closest passages are listed below."


@dataclass(frozen=True)
class SelectionWeights:
    """Weights of a sentence's score; chosen on the dev split (`askwef tune`, "Sentence selection")."""

    cosine: float = 1.0  # cosine of the sentence to the question
    lexical: float = 1.0  # idf-weighted share of the question's words it (or its passage heading) holds
    focus: float = 1.0  # the same over the question words the passage heading does not already hold
    passage: float = 0.6  # its passage's retrieval score, relative to the best
    type: float = 0.25  # holds what the question type asks for (a number, a date, a name), else minus this
    pin: float = 0.5  # share of the names the question pins that its passage mentions


SELECTION_WEIGHTS = SelectionWeights()

CONFIDENCE_WEIGHTS = {"cosine": 6.1, "focus": 2.6, "type_ok": 4.4, "unknown": -4.0, "absent": -4.0, "bias": -3.0}
"""Logistic model of "the report answers this", fit on the dev split by `askwef tune`: cosine of the
best sentence, its focus, whether it holds what the question type asks for, the share of question
words the report never uses, and the share its passage never mentions."""

NEAR_MISS_CAP = 0.0
"""The most confidence an answer gets when it lacks a year, quarter, name or place the question pins."""

MAX_RESOLVED_CHARS = 2000
"""As engine.MAX_QUESTION_CHARS: a rewritten follow-up is no longer than a question."""


# --- the corpus's vocabulary (lexicon.py) --------------------------------------------------------

MIN_CORRECTABLE_LENGTH = 5
"""Words shorter than this are never "mended": most short unknown words are names or abbreviations
("BYD", "JD"), and one edit away from a short word lies another real word."""

MAX_INITIALS = 6
"""Names of more than this many capitalised words are not abbreviated by their initials (nobody types
"WEFBSZSMDC"; longer runs are lists of names, not one name)."""

FIELD_ABBREVIATIONS = {
    "ai": "artificial intelligence", "genai": "generative ai", "gen ai": "generative ai", "llm": "large language model",
    "ml": "machine learning", "nlp": "natural language processing", "agi": "artificial general intelligence",
    "gpu": "graphics processing unit", "cpu": "central processing unit", "iot": "internet of things",
    "ev": "electric vehicle", "nev": "new energy vehicle", "av": "autonomous vehicle", "r&d": "research and development",
    "rnd": "research and development", "soe": "state-owned enterprise", "smes": "small and medium-sized enterprises",
    "sme": "small and medium-sized enterprise", "gdp": "gross domestic product", "cagr": "compound annual growth rate",
    "pue": "power usage effectiveness", "aigc": "ai-generated content", "ict": "information and communications technology",
    "kwh": "kilowatt-hours", "co2": "carbon dioxide", "esg": "environmental, social and governance",
    "b2b": "business-to-business", "b2c": "business-to-consumer", "kpi": "key performance indicator",
    "roi": "return on investment", "ct": "computed tomography", "mri": "magnetic resonance imaging",
    "wef": "world economic forum", "oecd": "organisation for economic co-operation and development",
    "eu": "european union", "uk": "united kingdom",
}
"""Abbreviations of the field that reports use without defining them, and staff type either way:
the common terms of AI, industry, energy and policy writing (written for askwef; the report's own
definitions, "long form (SF)", are read from its text). Not here: "us", "un", "prc", which are
also plain words or a country's every mention."""


# --- question types (written against the dev questions' wording) --------------------------------

QUANTITY = re.compile(
    r"\b(how (many|much|large|big|fast|high|often)|what (share|percentage|percent|proportion|number|portion|fraction|size|rate|amount|value|level|accuracy|scale)|"
    r"by how much|how many|what is the (size|value|number|share|rate)|accuracy|cagr|growth rate|per ?cent|%|"
    r"volume|amount|percentage|proportion|total number|market size|how accurate|how efficient|how effective|how long|how far)\b",
    re.I,
)
WHEN = re.compile(r"\b(when|what year|which year|in what year|since when|by when|what date)\b", re.I)
WHO = re.compile(r"\b(who|which (company|companies|firm|firms|organi[sz]ation|bank|university|group|city|cities|province|platform)|what (company|firm|organi[sz]ation))\b", re.I)

NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|"
    r"million|billion|trillion|half|third|quarter|double|doubled|triple|tripled|twice|tenfold|dozen)\b",
    re.I,
)
YEAR = re.compile(r"\b(19|20)\d{2}\b")
DATE_WORD = re.compile(r"\b(19|20)\d{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|quarter)\b")
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z0-9&'’\-]+")  # a name inside a sentence
# In a question, a first word counts as a name when it is possessive or in capitals ("Huawei's", "ICBC");
# otherwise it is just capitalised ("Roughly how many ...").
QUESTION_NAME = re.compile(r"(?<!^)\b[A-Z][A-Za-z0-9&'’\-]+|^[A-Z][A-Za-z0-9&\-]*['’]s\b|^[A-Z][A-Z0-9&]+\b")

QUARTERS = {
    "q1": ("q1", "first quarter"), "q2": ("q2", "second quarter"), "q3": ("q3", "third quarter"), "q4": ("q4", "fourth quarter"),
    "first quarter": ("q1", "first quarter"), "second quarter": ("q2", "second quarter"),
    "third quarter": ("q3", "third quarter"), "fourth quarter": ("q4", "fourth quarter"),
}
QUARTER_RE = re.compile(r"\b(q[1-4]|first quarter|second quarter|third quarter|fourth quarter)\b", re.I)

# Capitalised words that never pin a specific thing the report might lack.
GENERIC_NAMES = {
    "what", "which", "who", "when", "where", "why", "how", "is", "are", "does", "do", "did", "the", "a", "an", "and", "or",
    "in", "of", "for", "to", "on", "by", "with", "about", "according", "report", "paper", "ai", "china", "chinese",
    "genai", "llm", "llms", "ict", "i", "can", "has", "have", "was", "were", "tell", "me", "give", "list", "name",
    "world", "economic", "forum", "wef", "accenture", "case", "study", "use", "table", "figure", "it", "its", "this",
    "that", "these", "those", "they", "their", "and", "also", "please", "explain", "describe", "summarize", "summarise",
    "compare", "define", "show", "find", "identify", "outline", "provide", "under", "between", "during", "since", "after",
    "before", "from", "among", "besides", "other", "any", "all", "each", "some", "many", "much", "more", "most", "should",
    "would", "could", "will", "if", "as", "at", "be", "there", "so", "than", "then", "not", "no", "yes", "why", "whose",
}

MONEY_Q = re.compile(
    r"\b(how much|what|which)\b.*\b(cost|costs|spend|spent|spending|earn|earns|salary|salaries|revenue|revenues|invest|invested|"
    r"investment|funding|funded|raise|raised|price|prices|worth|budget|profit|profits|income|capital)\b",
    re.I,
)
SHARE_Q = re.compile(r"\b(what|which)\s+(share|percentage|percent|proportion|fraction|portion)\b|\bhow many percent\b", re.I)
MONEY = re.compile(r"[$€£¥]|\b(yuan|rmb|dollars?|usd|euros?)\b", re.I)
SHARE = re.compile(r"%|\bper ?cent\b|\b(half|third|quarter|majority|most|share|ratio|one in)\b", re.I)

PLACES = {
    "afghanistan", "africa", "america", "argentina", "asia", "australia", "austria", "bangladesh", "belgium", "brazil",
    "britain", "canada", "chile", "colombia", "denmark", "egypt", "england", "europe", "finland", "france", "germany",
    "greece", "hong kong", "india", "indonesia", "iran", "ireland", "israel", "italy", "japan", "kenya", "korea",
    "macau", "malaysia", "mexico", "netherlands", "new zealand", "nigeria", "norway", "pakistan", "philippines",
    "poland", "portugal", "russia", "saudi arabia", "singapore", "south africa", "spain", "sweden", "switzerland",
    "taiwan", "thailand", "turkey", "uae", "ukraine", "united kingdom", "united states", "usa", "vietnam",
    "london", "new york", "paris", "tokyo", "seoul", "berlin", "singapore", "silicon valley", "california",
}
PLACE_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, PLACES), key=len, reverse=True)) + r")\b", re.I)

PIN_SPELLINGS = {"co2": ("co2", "carbon dioxide"), "us": ("us", "united states", "u.s."), "uk": ("uk", "united kingdom")}

# Words that frame a question about the report rather than say what it is about (stemmed).
FRAMING = {
    "say", "said", "tell", "mention", "describ", "discuss", "explain", "note", "state", "report", "paper", "document",
    "chapter", "section", "accord", "cover", "call", "summar", "summaris", "summariz", "main", "point", "white",
}


# --- follow-ups and neighbour sentences ------------------------------------------------------

FOLLOWUP_START = re.compile(r"^\s*(and|but|also|what about|how about|and what about|what of|same for|and for|and in)\b[\s,]*", re.I)
PRONOUN = re.compile(r"\b(its|it|their|they|them|this|that|these|those|the company|the platform|the system|the firm|the bank)\b", re.I)

MULTI_PART = re.compile(r"\b(and|as well as|also|plus)\s+(how|what|which|when|who|where|why|in what|by how)\b", re.I)

# A sentence opening with a pronoun or demonstrative leans on the one before it ("This translated into ...").
NOT_STANDALONE = re.compile(r"^(this|these|that|those|it|its|they|their|such|as a result|in turn)\b", re.I)

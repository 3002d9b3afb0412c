"""Reworded questions: does askwef quote the sentence a question was written from, in other words?

Each row of a trial file (evals/natural/trials/*.tsv: n, kind, question, expected sentence, section; a header line is
allowed) is asked alone, or, when the header names a `conversation` column, after the earlier rows of its conversation,
with askwef's answers to them as history (blind2-blueprint.tsv). A `reworded` question counts when askwef answers and
one of its quotes is the expected sentence (`quotes_expected`: the first 80 characters of both compared as words, endnote
markers dropped, or the expected text whole inside the quote), or the expected text is the case study's title askwef
shows with its quote (`Answer.context`: "which car maker uses AI visual detection" labelled "GAC Honda – enhancing
quality inspection ..."), or an entry of the endnote list askwef gives with its answer (`Answer.endnotes`: "source?"
labelled "China Mobile. (2023). Digital Intelligence Innovation."; counted since stop 43); a `near_miss` counts
when askwef abstains. Lenient on purpose: another sentence giving the same fact is not counted, a wrong short answer in
bold is.

    python evals/reworded_check.py evals/natural/trials/reworded-blueprint.tsv
    python evals/reworded_check.py evals/natural/trials/blind2-blueprint.tsv            # with conversations
    python evals/reworded_check.py evals/natural/trials/reworded-oecd.tsv --corpus DIR --index DIR [--misses]
"""

from __future__ import annotations

import argparse
import csv
import html
import os
import re
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _words(text: str) -> str:
    """A sentence as words, its endnote markers, markup and escapes dropped (a label copied from the markdown keeps
    them: "drug R&amp;D sector is projected to reach \\$187 million")."""
    return re.sub(r"\W+", " ", html.unescape(re.sub(r"<sup>[^<]*</sup>|<[^>]+>", "", text)).replace("\\", "")).lower().strip()


def quotes_expected(quote: str, expected: str) -> bool:
    """Whether a quoted sentence is the expected one: their first 80 characters as words, or the expected text whole
    inside the quote (a label that copied one clause of the sentence: "by 2024, the share is expected to ...").

    >>> quotes_expected("At least 535 universities offer AI majors.", "At least 535 universities offer AI majors,<sup>30</sup>")
    True
    """
    said, want = _words(quote), _words(expected)
    return bool(want) and (said[:80] == want[:80] or want in said)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trial", help="a reworded-*.tsv trial file")
    parser.add_argument("--corpus", help="corpus folder (default: ASKWEF_CORPUS or ./corpus)")
    parser.add_argument("--index", help="index folder (default: ASKWEF_INDEX or ./index/current)")
    parser.add_argument("--misses", action="store_true", help="list the questions that do not count")
    parser.add_argument("--show", action="store_true", help="with --misses: what each missed turn got, and the sentence it wanted")
    args = parser.parse_args(argv)

    import askwef
    from askwef.settings import Settings

    from pathlib import Path

    settings = Settings()
    if args.corpus:
        settings = settings.replace(corpus_dir=Path(args.corpus))
    if args.index:
        settings = settings.replace(index_dir=Path(args.index))
    with open(args.trial, newline="", encoding="utf-8") as f:
        lines = [r for r in csv.reader(f, delimiter="\t") if r]
    header = [c.strip() for c in lines[0]] if lines and not lines[0][0].strip().isdigit() else []
    at = header.index("conversation") if "conversation" in header else None
    rows = [r for r in lines if r[0].strip().isdigit()]
    tally = {"reworded": [0, 0], "near_miss": [0, 0]}
    misses = []
    history: dict[str, list] = {}  # a conversation's answers so far
    from askwef.index.errors import IndexProblem

    for row in rows:
        n, kind, question, expected = row[:4]
        conversation = row[at].strip() if at is not None and len(row) > at else ""
        earlier = history.setdefault(conversation, []) if conversation else []
        try:
            a = askwef.answer(question, history=list(earlier) or None, settings=settings, build=False)
        except IndexProblem as exc:  # no index, or a stale one: say how to build it
            print(f"reworded_check: {exc}", file=sys.stderr)
            return 2
        if conversation:
            earlier.append(a)
        if kind == "near_miss":
            good = a.abstained
        else:
            # a label that is a case study's title counts when askwef shows that title with its quote (`Answer.context`),
            # and one that is an entry of the endnote list when askwef gives that note with its answer ("source?")
            shown = [*(q.text for q in a.quotes), a.context, *(n.reference for n in a.endnotes)]
            good = not a.abstained and any(quotes_expected(text, expected) for text in shown)
        tally[kind][0] += good
        tally[kind][1] += 1
        if not good:
            misses.append(f"{n}\t{kind}\t{'abstained' if a.abstained else 'answered'}\t{question}")
            if args.show:
                got = a.message if a.abstained else " | ".join(q.text[:120] for q in a.quotes)
                misses.append(f"\t  got ({a.confidence:.2f}): {got[:360]}" + (f"\n\t  want: {expected[:200]}" if expected else ""))
    print(f"{args.trial}: reworded questions quoting their sentence {tally['reworded'][0]} of {tally['reworded'][1]}, "
          f"near misses refused {tally['near_miss'][0]} of {tally['near_miss'][1]}")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())

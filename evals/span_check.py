"""The short answers (`Answer.span`, bold in the chat and the CLI) of one split, judged against the golden answers.

For each answerable question whose answer holds the fact (as `askwef eval` asks it: a conversation's earlier turns
carry askwef's own answers), the span is `held` when it and the golden answer contain one another (case, quotes,
dashes and markup ignored, as eval compares), `wrong` when it names something else, and `none` when askwef gives
no span. Counted by the kind of answer the question asks most (`Query.answer_types`). A wrong span in bold is
worse than none: it is what a reader sees first.

    .venv/bin/python evals/span_check.py                          # dev
    .venv/bin/python evals/span_check.py --split test --common-share 0.02 0.05 0.1

What it found (2026-12-05, right answers' spans held/wrong): on dev, before the span kept out what the question says
("2024" for "how big was it in 2024") and names of the report's commonest words ("AI", "AI-powered", "China's"),
names 14/16 and numbers 26/14; after, 16/10 and 29/11. On test: names 10/4 -> 10/3, numbers 13/12 -> 16/9. See
params.SPAN_COMMON_SHARE for the threshold chosen. With a number kept only when a word of what a "how many" question
counts follows it or stands before a number ending its clause (span._counts), and no year or day of a month taken
for a count (2026-12-06): numbers on dev 29/11/24 -> 28/8/28, on test 16/9/40 -> 17/5/43.
"""

from __future__ import annotations

import argparse
import importlib
import os
from collections import Counter

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from askwef.answer import load_models  # noqa: E402
from askwef.engine import Engine  # noqa: E402
from askwef.evaluate.fit import replay  # noqa: E402
from askwef.evaluate.golden import contains, load_golden  # noqa: E402
from askwef.settings import Settings  # noqa: E402


def judge(engine: Engine, questions, models, *, show: bool = False) -> Counter:
    """(kind asked, held / wrong / none) -> count, over the answerable questions answered right."""
    out: Counter = Counter()
    for item in replay(questions, answer=engine.answer):
        q = item.question
        if not q.answerable:
            continue
        a = engine.answer(q.question, history=list(item.history) or None)
        if a.abstained or not contains(a.text, q.answer):
            continue
        types = models.types.predict(q.question)
        kind = max(types, key=types.get)
        verdict = "none" if not a.span else ("held" if contains(a.span, q.answer) or contains(q.answer, a.span) else "wrong")
        out[(kind, verdict)] += 1
        if show and verdict == "wrong":
            print(f"  {q.id} {kind}: {q.question} | span {a.span!r} | answer {q.answer!r}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--golden", default="evals/golden.jsonl")
    parser.add_argument("--split", default="dev", choices=("dev", "test", "holdout"))
    parser.add_argument("--common-share", type=float, nargs="*", default=[], help="SPAN_COMMON_SHARE values to compare")
    parser.add_argument("--show", action="store_true", help="print each wrong span")
    args = parser.parse_args()
    engine = Engine.load(Settings(), log=lambda *_: None)
    models = load_models()
    questions = [q for q in load_golden(args.golden) if q.split == args.split]
    select_module = importlib.import_module("askwef.answer.select")
    for share in args.common_share or [getattr(select_module, "SPAN_COMMON_SHARE", None)]:
        if share is not None:
            select_module.SPAN_COMMON_SHARE = share
        engine.retriever.__dict__.pop("_answer_stage", None)  # the stage's cached common words, afresh
        counts = judge(engine, questions, models, show=args.show)
        kinds = sorted({k for k, _ in counts})
        cells = ", ".join(f"{k} {counts[(k, 'held')]}/{counts[(k, 'wrong')]}/{counts[(k, 'none')]}" for k in kinds)
        print(f"{args.split}, common share {share}: held/wrong/none by kind asked: {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

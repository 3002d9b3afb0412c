"""The answer stage's misses on one report's golden questions, sorted by cause: retrieval or selection.

For each answerable question of a split (a conversation's earlier turns carry their golden evidence), the
question is asked as `askwef eval` asks it, without abstention, and its quote judged as eval judges it:

- `ok`: the quote holds the answer;
- `selection`: the sentence that holds it was among the candidates (the sentences of the CANDIDATE_PASSAGES best
  passages), but the ranker chose others;
- `retrieval`: it was not among them.

For each miss it prints the first relevant passage's rank in hybrid retrieval, the ranker's rank of the
first right candidate, and the question, answer, evidence and the sentence chosen instead.

    .venv/bin/python evals/rank_misses.py                                   # the Blueprint report, dev
    .venv/bin/python evals/rank_misses.py --corpus /tmp/oecd/corpus --index /tmp/oecd/index --golden evals/golden-oecd.jsonl

What it found (2026-12-05, dev, the code and model.json of commit 0740f45):

| report | answerable | ok | selection | retrieval | relevant passage first | right sentence ranked first, of those among the candidates |
|---|---:|---:|---:|---:|---:|---:|
| Blueprint (markdown) | 175 | 146 | 18 | 11 | 0.766 | 0.726 |
| OECD review (196-page PDF) | 32 | 17 | 11 | 4 | 0.562 | 0.500 |
| UK AI strategy (68-page PDF) | 26 | 14 | 6 | 6 | 0.462 | 0.650 |

Selection is most of what is missed (35 of 56), and on the OECD review the right sentence, when the ranker
misses it, is often ranked far down (12th to 15th of 25 to 43 candidates in 5 of its 14 misses): the ranker leans
on its passage's scores (passage_dense, passage_fused, passage_bm25 weigh most), which the Blueprint's short case
studies make reliable and a long report's generic passages do not; the sentence's own cosine alone picks a right
sentence for 0.526 of the Blueprint's answerable questions but 0.188 of the OECD review's (the ranker: 0.680, 0.438).

Measured on these questions and not kept (each on the dev splits of all three reports; the ranker fit on the
Blueprint's dev split and cross-validated there, 5 folds x 3 shuffles, applied as fit to the OECD and UK ones):

- ranker features: question word pairs found side by side in the sentence (idf-weighted), and the sentence's
  lexical, sentence-only lexical and focus overlap less the best candidate's, and its rank by lexical overlap;
  the sentence's overlap divided by its length against the candidates' mean (BM25's b = 0.75); the passage
  scores times the best passage's margin over the second, and times the log of the candidate count. Blueprint
  top-1 0.650 to 0.670 against 0.667; OECD 0.406 to 0.438 against 0.438; UK 0.462 to 0.500 against 0.500.
- the question's cosine with the sentence read with the one before it, after it, or its passage (the mean of
  their stored vectors, so no encoding at question time), or that less the best candidate's: Blueprint 0.667 to
  0.680 against 0.669, OECD 0.438 to 0.469 against 0.438, UK 0.462 against 0.500: a question each way.
- an abbreviation and what it stands for counted as one concept in the word overlap features ("SMEs" held
  whether a sentence writes it or "small and medium-sized enterprises", which, as four words, outweighed the
  rest of the question): top-1 0.670 / 0.438 / 0.500 against 0.667 / 0.438 / 0.500. In `askwef eval` with the
  models as shipped (2026-12-06; a refit lowered Blueprint dev answers 0.834 -> 0.823): answers on dev 0.840 ->
  0.834 / 0.531 -> 0.562 / 0.538 -> 0.615, on test 0.825 -> 0.819 / 0.667 -> 0.700 / 0.720 -> 0.680; on the blind
  trial of the UK strategy (60 turns written from its headings) three more right, each a question saying "AI"
  whose long form's rarer words had pulled in sentences spelling out "Artificial Intelligence". Kept
  (`query.Query.concepts`).
- other rankers on the same features: gradient boosting (HistGradientBoosting, depth 3) 0.634 / 0.406 / 0.500,
  a pairwise logistic ranker 0.623 to 0.640 / 0.375 to 0.406 / 0.500; the logistic ranker fit on the Blueprint
  and the other PDF's dev questions: OECD 0.406, UK 0.538, and the Blueprint's cross-validated 0.669.
- fusion: dense scores scaled from their median passage's to their best (not min-max, whose minimum moves
  with a report's length) gave relevant-passage-first 0.777 / 0.562 / 0.538 (0.766 / 0.562 / 0.462 now); in
  `askwef eval` on dev, with the ranker and confidence refit (`askwef tune --fit`): Blueprint R@5 0.914 -> 0.920
  but answers 0.811 -> 0.783 (false abstention 0.034 -> 0.040), OECD answers 0.531 -> 0.531, UK 0.538 -> 0.577.
  Z-scores and reciprocal-rank fusion (k 10 to 60) moved relevant-passage-first on the Blueprint down (0.743 to
  0.766) for at most 0.03 on the OECD review.
- a longer quote (MAX_ANSWER_CHARS 900 or 1,200 instead of 600): answers without abstention (conversations left
  out) on the OECD review 0.531 -> 0.562, the UK strategy's unchanged (0.538).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from askwef.answer import load_models
from askwef.answer.select import select
from askwef.engine import Engine
from askwef.evaluate.fit import candidate_labels, replay
from askwef.evaluate.golden import Evidence, Judged, contains, load_golden
from askwef.settings import Settings


def misses(engine: Engine, questions, models) -> list[dict]:
    """One row per answerable question: its cause, the relevant passage's rank, the right candidate's rank."""
    retriever, store = engine.retriever, engine.store
    judged = [Judged(p.text) for p in store.passages]
    rows = []
    for item in replay(questions, store.sentences):
        q = item.question
        if not q.answerable:
            continue
        history = list(item.history) or None
        sel = select(retriever, q.question, history=history, models=models)
        relevant = np.array([j.relevant(Evidence(q.evidence, q.answer)) for j in judged])
        query = sel.prepared.query  # retrieved as the answer stage retrieves: typos mended, abbreviations read both ways
        scores = retriever.scores(sel.resolved, retriever.encode(query.embed), lexical=query.lexical)
        order = np.argsort(-scores.fused, kind="stable")
        passage_rank = next((i for i, row in enumerate(order) if relevant[row]), None)
        indexes = sel.prepared.candidates.indexes
        labels = candidate_labels(engine, q, indexes) if indexes else np.zeros(0, dtype=int)
        ranked = np.argsort(-sel.probabilities, kind="stable") if indexes else np.zeros(0, dtype=int)
        sentence_rank = next((i for i, row in enumerate(ranked) if labels[row]), None)
        quote = " ".join(store.sentences[i].text for i in sel.chosen)
        cause = "ok" if contains(quote, q.answer) else ("selection" if labels.any() else "retrieval")
        chosen = store.sentences[indexes[sel.best]].text if sel.best is not None else ""
        rows.append({"question": q, "cause": cause, "passage_rank": passage_rank, "sentence_rank": sentence_rank,
                     "candidates": len(indexes), "chosen": chosen})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--golden", default="evals/golden.jsonl")
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    args = parser.parse_args()
    settings = Settings()
    if args.corpus:
        settings = settings.replace(corpus_dir=args.corpus)
    if args.index:
        settings = settings.replace(index_dir=args.index)
    engine = Engine.load(settings, log=lambda *_: None)
    questions = [q for q in load_golden(args.golden) if q.split == args.split]
    rows = misses(engine, questions, load_models())
    causes = Counter(r["cause"] for r in rows)
    first = np.mean([r["passage_rank"] == 0 for r in rows]) if rows else 0.0
    reachable = [r for r in rows if r["sentence_rank"] is not None]
    top1 = np.mean([r["sentence_rank"] == 0 for r in reachable]) if reachable else 0.0
    print(f"{args.golden}, {args.split}: {len(rows)} answerable; ok {causes['ok']}, selection {causes['selection']}, "
          f"retrieval {causes['retrieval']}; relevant passage first {first:.3f}; right sentence ranked first {top1:.3f}\n")
    for kind, n in sorted(Counter((r["question"].kind, r["cause"]) for r in rows).items()):
        print(f"  {kind[0]:14s} {kind[1]:10s} {n}")
    for r in rows:
        if r["cause"] == "ok":
            continue
        q = r["question"]
        print(f"\n{q.id} ({q.kind}) {r['cause']}: relevant passage at {r['passage_rank']}, right sentence at "
              f"{r['sentence_rank']} of {r['candidates']}\n  Q: {q.question}\n  A: {q.answer}\n  E: {q.evidence[:200]}\n  chosen: {r['chosen'][:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

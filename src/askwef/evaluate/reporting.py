"""Outputs of one benchmark run: the stdout table, results.json, TREC run and qrels files, a chart, RESULTS.md.

Run files use TREC's six columns (`qid Q0 docid rank score tag`); the score column is `k + 1 - rank`
so that any reader (ranx, trec_eval) recovers exactly the order the system returned, ties
included; the systems' own scores are kept in results.json. Each system has its own passage ids,
so each gets its own qrels file (`qid 0 docid 1`), judged from the evidence. Only answerable
questions appear in runs and qrels: unanswerable ones have nothing to find.

>>> fmt(0.5), fmt(None), fmt(12.345, ms=True)
('0.500', 'n/a', '12.3')
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .run import EvalRun, SystemResult

__all__ = [
    "RESULTS_FORMAT",
    "fmt",
    "format_table",
    "trec_run_lines",
    "qrels_lines",
    "results_dict",
    "render_markdown",
    "write_chart",
    "write_outputs",
]

RESULTS_FORMAT = 1
MISSING_SUFFIX = ":missing"  # qrels doc id standing for evidence found in none of a system's passages

# (key in the metric dict, column title, one-line definition)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("hit@1", "R@1", "Recall@1 as hit rate: share of answerable questions with a relevant passage at rank 1 (ranx `hit_rate@1`)"),
    ("hit@3", "R@3", "Recall@3 as hit rate: a relevant passage in the top 3 (ranx `hit_rate@3`)"),
    ("hit@5", "R@5", "Recall@5 as hit rate: a relevant passage in the top 5 (ranx `hit_rate@5`)"),
    ("hit@10", "R@10", "Recall@10 as hit rate: a relevant passage in the top 10 (ranx `hit_rate@10`)"),
    ("recall@10", "rec@10", "classic recall@10: share of all relevant passages found in the top 10 (ranx `recall@10`)"),
    ("mrr@10", "MRR@10", "reciprocal rank of the first relevant passage within the top 10 (ranx `mrr@10`)"),
    ("ndcg@10", "nDCG@10", "binary-gain nDCG@10, ideal DCG from the number of relevant passages (ranx `ndcg@10`)"),
    ("budget_recall", "Budget", "a relevant passage starts within the first {budget:,} characters read down the list"),
    ("answer_acc", "Ans", "the expected answer appears in the answer text (answerable questions)"),
    ("endnote_acc", "Notes", "the expected endnotes are among the answer's endnotes (answerable questions with endnotes)"),
    ("abstention", "Abst", "share of unanswerable questions the system declined to answer"),
    ("false_abstention", "FalseAbst", "share of answerable questions the system declined to answer"),
    ("section_acc", "Sect", "of the right answers to questions labelled with a section, the share quoting from that section (or a subsection of it)"),
    ("page_acc", "Page", "of the right answers to questions labelled with a page, the share quoting from the page the evidence is printed on"),
)
LATENCY: tuple[tuple[str, str], ...] = (
    ("search_p50_ms", "search p50 ms"),
    ("search_p95_ms", "search p95 ms"),
    ("answer_p50_ms", "answer p50 ms"),
    ("answer_p95_ms", "answer p95 ms"),
)


def fmt(value: float | None, *, ms: bool = False) -> str:
    if value is None or value != value:  # None or NaN
        return "n/a"
    return f"{value:.1f}" if ms else f"{value:.3f}"


def _rows(run: EvalRun, group: str | None, *, by: str = "kind") -> list[list[str]]:
    rows = []
    for system in run.systems:
        table = system.by_kind if by == "kind" else system.by_document
        values = system.overall if group is None else table.get(group)
        if values is None:
            continue
        counts = [str(int(values["n"] or 0)), str(int(values["n_answerable"] or 0))]
        rows.append([system.name, *counts] + [fmt(values[key]) for key, _, _ in COLUMNS])
    return rows


def _kinds(run: EvalRun) -> list[str]:
    return sorted({q.kind for q in run.questions})


def _documents(run: EvalRun) -> list[str]:
    """The documents questions are labelled with; none when the golden file is about one report."""
    return sorted({q.document for q in run.questions}) if any(q.document for q in run.questions) else []


def _text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows)]
    line = lambda cells: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def _header() -> list[str]:
    return ["system", "n", "n_ans"] + [title for _, title, _ in COLUMNS]


def _latency_rows(run: EvalRun) -> list[list[str]]:
    return [[s.name] + [fmt(s.latency.get(key), ms=True) for key, _ in LATENCY] for s in run.systems]


def format_table(run: EvalRun) -> str:
    """The plain-text tables printed by `askwef eval`: overall, latency, then one per kind."""
    parts = ["Overall", _text_table(_header(), _rows(run, None)), ""]
    parts += ["Latency", _text_table(["system"] + [t for _, t in LATENCY], _latency_rows(run)), ""]
    for kind in _kinds(run):
        parts += [f"Kind: {kind}", _text_table(_header(), _rows(run, kind)), ""]
    for document in _documents(run):
        parts += [f"Document: {document or '(not labelled)'}", _text_table(_header(), _rows(run, document, by="document")), ""]
    return "\n".join(parts).rstrip() + "\n"


# --- TREC files -----------------------------------------------------------------------------------


def trec_run_lines(system: SystemResult, k: int) -> list[str]:
    """`qid Q0 docid rank score tag`, answerable questions only, score = k + 1 - rank."""
    lines = []
    for q in system.questions:
        if not q.answerable:
            continue
        for rank, docid in enumerate(q.ranked_ids[:k], start=1):
            lines.append(f"{q.qid} Q0 {docid} {rank} {k + 1 - rank} {system.name}")
    return lines


def qrels_lines(system: SystemResult) -> list[str]:
    """`qid 0 docid 1` for each relevant passage; `<qid>:missing` when the evidence is in none."""
    lines = []
    for q in system.questions:
        if not q.answerable:
            continue
        for docid in q.relevant_ids or (q.qid + MISSING_SUFFIX,):
            lines.append(f"{q.qid} 0 {docid} 1")
    return lines


# --- results.json and RESULTS.md -----------------------------------------------------------------


def results_dict(run: EvalRun) -> dict[str, Any]:
    """Everything measured, as plain JSON: provenance, summaries, and every question's ranking."""
    definitions = {key: text.format(budget=run.budget) for key, _, text in COLUMNS}
    return {
        "format_version": RESULTS_FORMAT,
        **run.info,
        "k": run.k,
        "budget_chars": run.budget,
        "n_questions": len(run.questions),
        "metrics": definitions,
        "systems": {
            s.name: {
                "overall": s.overall,
                "by_kind": s.by_kind,
                "by_document": s.by_document,
                "latency": s.latency,
                "run_file": f"runs/{s.name}.run",
                "qrels_file": f"qrels/{s.name}.qrels",
            }
            for s in run.systems
        },
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "answerable": q.answerable,
                "split": q.split,
                **({"document": q.document} if q.document else {}),
                **({"conversation": q.conversation, "turn": q.turn} if q.conversation else {}),
                "systems": {
                    s.name: {
                        "ranked_ids": list(r.ranked_ids),
                        "scores": list(r.ranked_scores),
                        "relevant_ranks": [i + 1 for i, rel in enumerate(r.ranked_rel) if rel],
                        "n_relevant": len(r.relevant_ids),
                        "search_ms": r.search_ms,
                        "answer": r.answer_text,
                        "answer_correct": r.answer_correct,
                        "endnotes_correct": r.endnotes_correct,
                        "abstained": r.abstained,
                        "answer_ms": r.answer_ms,
                        "answer_where": [list(w) for w in r.answer_where],
                        "section_correct": r.section_correct,
                        "page_correct": r.page_correct,
                    }
                    for s in run.systems
                    for r in s.questions
                    if r.qid == q.id
                },
            }
            for q in run.questions
        ],
    }


def render_markdown(run: EvalRun, *, chart_name: str | None = None) -> str:
    info = run.info
    n_answerable = sum(q.answerable for q in run.questions)
    lines = [
        "# Retrieval and answer benchmark",
        "",
        "Written by `askwef eval`; do not edit by hand.",
        "",
        f"- Command: `{info.get('command', 'askwef eval')}`",
        f"- Date: {info.get('date', '')}",
        f"- Settings hash: `{info.get('settings_hash', 'n/a')}`",
        f"- Corpus hash: `{info.get('corpus_hash', 'n/a')}`",
        f"- Golden file: `{info.get('golden', 'n/a')}` (sha256 `{info.get('golden_sha256', 'n/a')}`), split `{info.get('split', 'all')}`",
        f"- Questions: {len(run.questions)} ({n_answerable} answerable, {len(run.questions) - n_answerable} unanswerable)",
        f"- Systems: {', '.join(s.name for s in run.systems)}",
        "",
        "## Overall",
        "",
        _md_table(_header(), _rows(run, None)),
        "",
        "## Latency (milliseconds per call, reported only)",
        "",
        _md_table(["system"] + [t for _, t in LATENCY], _latency_rows(run)),
        "",
    ]
    if chart_name:
        lines += [f"![Recall@5 per kind and system]({chart_name})", ""]
    if _documents(run):
        lines += ["## Per document", ""]
        for document in _documents(run):
            lines += [f"### {document or '(not labelled)'}", "", _md_table(_header(), _rows(run, document, by="document")), ""]
    lines += ["## Per kind", ""]
    for kind in _kinds(run):
        lines += [f"### {kind}", "", _md_table(_header(), _rows(run, kind)), ""]
    lines += [
        "## How to read this",
        "",
        "`n`: questions in the group; `n_ans`: the answerable ones, over which ranking and answer metrics are computed.",
        "**R@k is a hit rate** (is any relevant passage in the top k?), which ranx calls `hit_rate@k`;",
        "`rec@10` is ranx's classic `recall@10` (share of the relevant passages found).",
        "A passage is relevant when it holds the evidence sentence (case, quotes, dashes and markup ignored),",
        "or, where a chunk cuts the evidence in two, when it holds the answer and an unbroken run of at least",
        "60% of the evidence's words. Evidence found in no passage of a system counts as a miss.",
        "`n/a`: not measured (BM25 alone and dense alone are retrievers without a reader).",
        "",
    ]
    lines += [f"- **{title}** (`{key}`): {text.format(budget=run.budget)}" for key, title, text in COLUMNS]
    lines += [
        "",
        "Systems: `askwef` = the engine's hybrid retrieval and answers; `bm25`, `dense` = the engine's",
        "retrievers alone; `common` = the common recipe (1,000/200 recursive character splitting of the raw",
        "markdown, the same model, FAISS IndexFlatIP on unit vectors) with a best-sentence reader that never abstains.",
        "",
    ]
    return "\n".join(lines)


# --- chart ---------------------------------------------------------------------------------------


def write_chart(run: EvalRun, path: Path, metric: str = "hit@5") -> None:
    """Grouped bars: one group per kind (and overall), one bar per system; kinds without the metric are left out."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def value(system: SystemResult, group: str) -> float | None:
        table = system.overall if group == "overall" else system.by_kind.get(group, {})
        return table.get(metric)

    groups = [g for g in ["overall", *_kinds(run)] if any(value(s, g) is not None for s in run.systems)]
    counts = {g: int(next((s.overall if g == "overall" else s.by_kind[g]) for s in run.systems)["n_answerable"] or 0) for g in groups}
    n_systems = max(1, len(run.systems))
    width = 0.8 / n_systems
    fig, ax = plt.subplots(figsize=(max(6.0, 1.3 * len(groups) + 2), 4.6))
    for i, system in enumerate(run.systems):
        values = [value(system, g) or 0.0 for g in groups]
        xs = [g + (i - (n_systems - 1) / 2) * width for g in range(len(groups))]
        ax.bar(xs, values, width=width, label=system.name)
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels([f"{g}\n(n={counts[g]})" for g in groups])
    ax.set_ylim(0, 1.0)
    title = "Recall@5 (hit rate)" if metric == "hit@5" else metric
    ax.set_ylabel(title)
    ax.set_title(f"{title} per question kind, answerable questions")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize="small", ncol=min(6, n_systems), frameon=False)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


# --- writing everything ----------------------------------------------------------------------------


def _write_text(path: Path, text: str) -> None:
    """Write through a temp file and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def write_outputs(run: EvalRun, out_dir: str | Path, results_md: str | Path | None, *, chart: bool = True) -> list[Path]:
    """Write results.json, runs/<system>.run, qrels/<system>.qrels, chart.png and RESULTS.md; return the paths."""
    from dataclasses import replace

    out = Path(out_dir)
    info = dict(run.info)
    info.setdefault("date", _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat())
    run = replace(run, info=info)
    written: list[Path] = []
    for system in run.systems:
        run_path = out / "runs" / f"{system.name}.run"
        qrels_path = out / "qrels" / f"{system.name}.qrels"
        _write_text(run_path, "".join(line + "\n" for line in trec_run_lines(system, run.k)))
        _write_text(qrels_path, "".join(line + "\n" for line in qrels_lines(system)))
        written += [run_path, qrels_path]
    results_path = out / "results.json"
    _write_text(results_path, json.dumps(results_dict(run), indent=2, ensure_ascii=False) + "\n")
    written.append(results_path)
    chart_path = None
    if chart:
        chart_path = out / "chart.png"
        out.mkdir(parents=True, exist_ok=True)
        write_chart(run, chart_path)
        written.append(chart_path)
    if results_md is not None:
        md_path = Path(results_md)
        chart_ref = None
        if chart_path is not None:
            # a copy beside the markdown, since the out folder is usually not committed
            beside = md_path.with_suffix(".png")
            beside.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(chart_path, beside)
            written.append(beside)
            chart_ref = beside.name
        _write_text(md_path, render_markdown(run, chart_name=chart_ref))
        written.append(md_path)
    return written

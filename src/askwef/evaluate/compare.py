"""Before and after: askwef's figures per kind against an earlier run of the same golden questions.

`askwef eval --before evals/before/results.json` appends the table to RESULTS.md. The earlier run is a
results.json (whole, or trimmed to per-question outcomes as in evals/before/); only the questions of
this run are compared, so the split and the kinds match.

>>> rows = [{"id": "a", "kind": "typo", "answerable": True, "answer_correct": True, "abstained": False,
...          "endnotes_correct": None, "relevant_ranks": [1]}]
>>> summarise(rows)["typo"]["answer_acc"]
1.0
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

METRICS = (("answer_acc", "Ans"), ("endnote_acc", "Notes"), ("abstention", "Abst"), ("false_abstention", "FalseAbst"), ("hit@5", "R@5"))


def outcomes(results: dict[str, Any], system: str = "askwef") -> dict[str, dict[str, Any]]:
    """Per question id: kind, answerable and the system's outcome, from a whole or a trimmed results.json."""
    out = {}
    for q in results["questions"]:
        s = q["systems"][system] if "systems" in q else q
        out[q["id"]] = {"id": q["id"], "kind": q["kind"], "answerable": q["answerable"], "answer_correct": s.get("answer_correct"),
                        "abstained": s.get("abstained"), "endnotes_correct": s.get("endnotes_correct"), "relevant_ranks": s.get("relevant_ranks", [])}
    return out


def _mean(values: list[bool]) -> float | None:
    return sum(values) / len(values) if values else None


def summarise(rows: list[dict[str, Any]]) -> dict[str, dict[str, float | None]]:
    """Per kind (and "all"): the metrics of METRICS over `rows`."""
    groups: dict[str, list[dict[str, Any]]] = {"all": list(rows)}
    for r in rows:
        groups.setdefault(r["kind"], []).append(r)
    out = {}
    for kind, group in groups.items():
        ans = [r for r in group if r["answerable"]]
        out[kind] = {
            "n": len(group),
            "answer_acc": _mean([bool(r["answer_correct"]) and not r["abstained"] for r in ans]),
            "endnote_acc": _mean([bool(r["endnotes_correct"]) for r in ans if r["endnotes_correct"] is not None]),
            "abstention": _mean([bool(r["abstained"]) for r in group if not r["answerable"]]),
            "false_abstention": _mean([bool(r["abstained"]) for r in ans]),
            "hit@5": _mean([any(rank <= 5 for rank in r["relevant_ranks"]) for r in ans]),
        }
    return out


def before_after_markdown(after: dict[str, Any], before_path: Path, system: str = "askwef") -> str:
    """The markdown section comparing `after` (this run's results dict) with the run at `before_path`."""
    before_all = outcomes(json.loads(Path(before_path).read_text(encoding="utf-8")), system)
    now = outcomes(after, system)
    ids = [i for i in now if i in before_all]
    b, a = summarise([before_all[i] for i in ids]), summarise([now[i] for i in ids])
    lines = ["## Before and after", "",
             f"askwef on the {len(ids)} questions of this run that `{before_path}` also ran, before → after.", "",
             "| kind | n | " + " | ".join(label for _, label in METRICS) + " |", "|---|---:|" + "---|" * len(METRICS)]
    for kind in ["all", *sorted(k for k in a if k != "all")]:
        cells = []
        for key, _ in METRICS:
            x, y = b[kind][key], a[kind][key]
            cells.append("n/a" if x is None and y is None else f"{'n/a' if x is None else f'{x:.3f}'} → {'n/a' if y is None else f'{y:.3f}'}")
        lines.append(f"| {kind} | {a[kind]['n']} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"

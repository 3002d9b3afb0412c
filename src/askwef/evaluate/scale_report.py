"""evals/SCALE.md and evals/scale.png from `askwef scale`'s results (evals/scale.json)."""

from __future__ import annotations

from pathlib import Path

from .synthetic import NOISE


def _mib(n: float) -> str:
    return f"{n / 2**20:,.0f}"


def _split(row: dict) -> str:
    """'1,612 + 1,487 at 1,000' (heap + mapped file pages), or 'n/a' for results measured before the split."""
    anon, mapped = row.get("rss_anon_mib"), row.get("rss_file_mib")
    return f"{anon:,.0f} + {mapped:,.0f} at {row['reports']:,}" if anon is not None and mapped is not None else f"n/a at {row['reports']:,}"


def write_report(result: dict, path: Path, *, chart: bool = True) -> None:
    real, rows = result["real"], result["synthetic"]
    lines = [
        "# Scale: what a library costs as it grows",
        "",
        "Written by `askwef scale`; do not edit by hand.",
        "",
        f"- Command: `{result['command']}`",
        f"- Finished: {result['finished_at']} on {result['machine']['cpus']} CPUs, Python {result['machine']['python']}",
        f"- Real reports: {', '.join(result['sources'])}",
        *([f"- Latency, memory and recall measured again at {result['remeasured_at']} (`--remeasure`): each library then "
           "held one more report, the one its add-one step added"] if result.get("remeasured_at") else []),
        "",
        "## Adding one report (real reports, real model)",
        "",
        f"A cold full build of the {real['reports']} reports ({real['passages']:,} passages, {real['sentences']:,} sentences; no "
        f"embedding cache, no shard reused) took **{real['full_build_s']} s**. Each report was then removed from the library "
        "and added back, embedded afresh (cache off); the others' shards are reused.",
        "",
        "| report | passages | sentences | share of the library's sentences | remove s | add s | add / full build |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for a in real["adds"]:
        share = a["sentences"] / real["sentences"] if real["sentences"] else 0.0
        lines.append(f"| {a['name']} | {a['passages']:,} | {a['sentences']:,} | {share:.1%} | {a['remove_s']} | {a['add_s']} "
                     f"| {a['add_over_full']:.1%} |")
    lines += [
        "",
        "Adding a report costs its own reading, chunking and embedding plus the library-wide BM25 and manifest; "
        "the other reports are not read or embedded again. So an add costs about the report's share of the library's "
        "text: a large report added to a small library costs a large part of a full build, any one report of a larger "
        "library a small part.",
        "",
        "## Synthetic libraries",
        "",
        f"Made from the real reports above (copies distinct in name, title and digits; vectors moved by noise of norm {NOISE}; "
        "see `src/askwef/evaluate/synthetic.py` for what this measures and what it does not). Build time here is "
        "everything but the model (shards, BM25 tokens, BM25, ANN, manifest); the model's own cost for a new report is "
        f"about {real['model_s_per_report']} s per real report (part 1). Latency is warm, one process, "
        f"{rows[0]['questions'] if rows else 0} questions of the golden dev split; memory is the measuring process's "
        "resident set (model included) after the timed questions and before exact search runs.",
        "",
        "| reports | passages | sentences | search kind | build s/report | add one s | index MiB | RSS MiB | "
        "search p50/p95 ms | answer p50/p95 ms | answer CPU p50/p95 ms | exact search p50/p95 ms | recall@10 vs exact |",
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        kind = r["ann"].get("kind", "exact")
        kind = f"{kind} (nlist {r['ann'].get('nlist')})" if kind != "exact" else "exact"
        cpu = r.get("answer_cpu_ms") or {}
        lines.append(
            f"| {r['reports']:,} | {r['passages']:,} | {r['sentences']:,} | {kind} | {r['build_s_per_report']} | {r['add_one_s']} | "
            f"{_mib(r['index_bytes'])} | {r['rss_mib']:,.0f} | {r['search_ms']['p50']} / {r['search_ms']['p95']} | "
            f"{r['answer_ms']['p50']} / {r['answer_ms']['p95']} | {cpu.get('p50', 'n/a')} / {cpu.get('p95', 'n/a')} | "
            f"{r['exact_search_ms']['p50']} / {r['exact_search_ms']['p95']} | {r['recall_at_10']:.3f} |"
        )
    lines += [
        "",
        "Latency is wall time (what a user waits) and, beside it, the CPU time of the answering process: on a shared "
        "machine the first grows with other jobs' load, the second much less. Load average of the machine when each "
        "size was measured: " + ", ".join(f"{r.get('load_average', 'n/a')} at {r['reports']:,}" for r in rows) + ".",
        "",
        "Resident memory is the process's heap plus the pages of the index files it maps (vectors of a large "
        "library, its ANN and BM25 files, the model's files): the mapped pages are shared by every serving process "
        "of the same index and given back by the kernel when memory is short, and they grow towards the size of "
        "those files as questions touch more rows. Heap + mapped MiB: "
        + ", ".join(_split(r) for r in rows) + ".",
        "",
        "Exact search scores every passage and sentence; *search kind* is what the library uses (exact up to "
        "`index.ann.EXACT_MAX_PASSAGES` passages, IVF candidates rescored exactly above). Encoding the question: "
        + ", ".join(f"{r['encode_ms']['p50']} ms at {r['reports']:,}" for r in rows) + " (p50).",
        "",
    ]
    if chart and rows:
        png = path.with_name("scale.png")
        _chart(rows, png)
        lines += [f"![cost against library size]({png.name})", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines))


def _chart(rows: list[dict], png: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["reports"] for r in rows]
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
    ax = axes[0]
    ax.plot(sizes, [r["answer_ms"]["p95"] for r in rows], "o-", label="answer p95")
    ax.plot(sizes, [r["search_ms"]["p95"] for r in rows], "o-", label="search p95")
    ax.plot(sizes, [r["exact_search_ms"]["p95"] for r in rows], "o--", label="exact search p95")
    ax.axhline(100, color="grey", lw=0.8, ls=":", label="target 100 ms")
    ax.set(xscale="log", yscale="log", xlabel="reports", ylabel="ms", title="Latency (warm)")
    ax.legend(fontsize=8)
    ax = axes[1]
    ax.plot(sizes, [r["rss_mib"] for r in rows], "o-", label="resident memory MiB")
    ax.plot(sizes, [r["index_bytes"] / 2**20 for r in rows], "o-", label="index on disk MiB")
    ax.axhline(4096, color="grey", lw=0.8, ls=":", label="target 4 GiB")
    ax.set(xscale="log", yscale="log", xlabel="reports", title="Memory and disk")
    ax.legend(fontsize=8)
    ax = axes[2]
    ax.plot(sizes, [r["build_s_per_report"] for r in rows], "o-", label="build s / report (no model)")
    ax.plot(sizes, [r["add_one_s"] for r in rows], "o-", label="add one report s")
    ax.set(xscale="log", yscale="log", xlabel="reports", title="Build")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)

"""askwef scale: synthetic copies are distinct and well formed; the command runs end to end (slow: real model)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from askwef.evaluate.synthetic import perturb, rotate_digits, write_copy, read_real
from askwef.embed import HashEmbedder
from askwef.index import build, load
from askwef.index.builder import entry_of, finish_library, staging
from askwef.index.manifest import combine

ROOT = Path(__file__).resolve().parents[2]


def test_rotating_digits_keeps_lengths_and_changes_every_digit():
    text = "In 2024, 12.5% of 30 firms (n=7)"
    for by in range(1, 10):
        out = rotate_digits(text, by)
        assert len(out) == len(text) and [c.isdigit() for c in out] == [c.isdigit() for c in text]
        assert all(a != b for a, b in zip(text, out) if a.isdigit())
    assert rotate_digits(text, 10) == text


def test_perturbed_vectors_are_unit_length_near_the_original_and_apart():
    rng = np.random.default_rng(0)
    v = rng.standard_normal((50, 384)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    a, b = perturb(v, 1), perturb(v, 2)
    assert np.allclose(np.linalg.norm(a, axis=1), 1, atol=1e-5)
    assert 0.9 < float(np.mean(np.sum(a * v, axis=1))) < 0.97 and float(np.mean(np.sum(a * b, axis=1))) < 0.93


def test_a_synthetic_library_is_a_valid_index_of_distinct_reports(mini_settings):
    build(mini_settings, HashEmbedder(), progress=False, log=lambda *_: None)
    real_shards = list((Path(mini_settings.index_dir) / "shards").iterdir())
    reals = read_real(real_shards)
    target = Path(mini_settings.index_dir).parent.parent / "synthetic" / "current"
    tmp = staging(target)
    entries = [entry_of(write_copy(tmp / "shards" / f"copy-{j}", j, reals), f"copy-{j}") for j in range(3)]
    settings = mini_settings.replace(index_dir=target)
    finish_library(tmp, target, None, entries, settings=settings, embedder=HashEmbedder(), corpus_hash=combine([]),
                   problems=[], stats={}, started=0.0)
    store = load(settings)
    assert len(store.documents) == 3 and len({d.title for d in store.documents}) == 3
    assert len({p.id for p in store.passages}) == len(store.passages)  # ids distinct across copies
    pens = [p.text for p in store.passages if "SeaFarm runs" in p.text]
    assert len(pens) == 3 and len(set(pens)) == 3  # "30 pens", "41 pens", "52 pens"
    assert "SeaFarm runs 30 pens" in pens[0]


@pytest.mark.slow
def test_askwef_scale_runs_end_to_end(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    out, md = tmp_path / "scale.json", tmp_path / "SCALE.md"
    done = subprocess.run(
        [sys.executable, "-m", "askwef.cli", "scale", "--source", str(ROOT / "tests/fixtures/mini"), str(ROOT / "corpus"),
         "--sizes", "1,3", "--questions", "5", "--json-out", str(out), "--md-out", str(md), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(out.read_text())
    assert [a["name"] for a in result["real"]["adds"]] == ["blueprint-to-action-china-ai-2025.md", "mini-report.md"]
    assert all(0 < a["add_over_full"] for a in result["real"]["adds"])
    rows = result["synthetic"]
    assert [r["reports"] for r in rows] == [1, 3] and all(r["recall_at_10"] == 1.0 for r in rows)  # exact search: itself
    assert all(r["answer_ms"]["p95"] > 0 and r["rss_mib"] > 0 and r["index_bytes"] > 0 for r in rows)
    assert "| 3 |" in md.read_text() and (tmp_path / "scale.png").exists()


def test_the_report_shows_answer_cpu_time_and_the_heap_and_mapped_split(tmp_path):
    from askwef.evaluate.scale_report import write_report

    ms = {"p50": 1.0, "p95": 2.0}
    row = {"reports": 1000, "passages": 5, "sentences": 9, "ann": {"kind": "ivf-sq8", "nlist": 64}, "build_s_per_report": 0.2,
           "add_one_s": 3.0, "index_bytes": 2**20, "rss_mib": 3100.0, "search_ms": ms, "answer_ms": ms, "exact_search_ms": ms,
           "encode_ms": ms, "recall_at_10": 0.99, "questions": 50, "answer_cpu_ms": {"p50": 41.5, "p95": 63.25},
           "rss_anon_mib": 1612.4, "rss_file_mib": 1487.0, "load_average": 1.5}
    old = {k: v for k, v in row.items() if k not in ("answer_cpu_ms", "rss_anon_mib", "rss_file_mib")} | {"reports": 10}
    result = {"command": "askwef scale", "finished_at": "now", "machine": {"cpus": 2, "python": "3.11"}, "sources": ["a.md"],
              "real": {"reports": 2, "passages": 5, "sentences": 9, "full_build_s": 1.0, "model_s_per_report": 1.0,
                       "adds": [{"name": "a.md", "passages": 3, "sentences": 6, "remove_s": 0.1, "add_s": 0.6, "add_over_full": 0.6}]},
              "synthetic": [old, row]}
    write_report(result, tmp_path / "SCALE.md", chart=False)
    text = (tmp_path / "SCALE.md").read_text()
    assert "| 41.5 / 63.25 |" in text and "| n/a / n/a |" in text  # results from before the CPU column still render
    assert "1,612 + 1,487 at 1,000" in text and "n/a at 10" in text
    assert "| a.md | 3 | 6 | 66.7% | 0.1 | 0.6 | 60.0% |" in text  # an add costs about the report's share of the text

"""askwef serve --workers N: several processes on one port and one read-only index (slow: the real model)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_two_workers_answer_from_one_read_only_index(real_settings, tmp_path):
    from askwef.serve.cost import process_tree
    from askwef.serve.loadtest import free_port, stop_server

    index_dir = tmp_path / "index" / "current"
    shutil.copytree(real_settings.index_dir, index_dir)
    before = {p: p.stat().st_mtime_ns for p in index_dir.rglob("*")}
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ASKWEF_FEEDBACK=str(tmp_path / "f.jsonl"))
    process = subprocess.Popen(
        [sys.executable, "-m", "askwef.cli", "serve", "--workers", "2", "--port", str(port),
         "--corpus", str(real_settings.corpus_dir), "--index", str(index_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        assert len(process_tree(process.pid)) >= 3  # uvicorn's supervisor and its 2 workers
        for _ in range(12):  # fresh connections: the kernel spreads them over both workers
            with httpx.Client(base_url=base, timeout=120) as client:
                body = client.post("/api/answer", json={"question": "How many green data centres have been established in China?"}).json()
                assert "246 green data centres" in body["text"]
        assert httpx.get(base + "/healthz").json()["build"]["state"] == "idle"
        workers = set(process_tree(process.pid)) - {process.pid}
        # each worker counts its own batches, and says which it is (the load test compares one process's counts)
        assert {httpx.get(base + "/healthz").json()["encoding"]["process"] for _ in range(4)} <= workers
        assert httpx.get(base + "/").status_code == 404  # the chat page needs one process (docs/deploy.md)
    finally:
        stop_server(process)
    assert {p: p.stat().st_mtime_ns for p in index_dir.rglob("*")} == before  # the index was only read

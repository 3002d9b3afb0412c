"""The incremental library: a report added, changed or removed costs only that report; one manifest, one consistent set."""

from __future__ import annotations

import json
from pathlib import Path

from askwef.embed import HashEmbedder
from askwef.engine import Engine
from askwef.index import build, load, staleness
from askwef.index.builder import cache_path

WIND = """# Wind Power Outlook: A Second Report

WHITE PAPER
JUNE 2024

# Contents

1 Offshore wind	2
2 Kite turbines	3

# Offshore wind

Windland operates 44 offshore turbines along its northern coast. Each turbine lifts 9 megawatts in a steady breeze.

# Kite turbines

Kite turbines fly tethered wings at 300 metres. Zephyrco tested 7 kites over the Windland marshes in 2023.
"""


def quiet(*_):
    pass


class CountingEmbedder(HashEmbedder):
    """The hash embedder, counting the texts it was asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def encode(self, texts):
        self.texts += list(texts)
        return super().encode(texts)


def _documents(settings) -> list[str]:
    return sorted({p.document for p in load(settings).passages})


def test_adding_a_report_embeds_only_that_report(mini_settings):
    embedder = CountingEmbedder()
    first = build(mini_settings, embedder, progress=False, log=quiet)
    shard = first["documents"][0]["shard"]
    embedder.texts.clear()
    (Path(mini_settings.corpus_dir) / "wind.md").write_text(WIND)
    second = build(mini_settings, embedder, progress=False, log=quiet)
    assert second["build"]["reused"] == 1 and second["build"]["ingested"] == 1
    assert embedder.texts and all("SeaFarm" not in t and "tidal" not in t.lower() for t in embedder.texts)
    assert shard in {d["shard"] for d in second["documents"]}
    assert _documents(mini_settings) == ["mini-report.md", "wind.md"]
    # the unchanged shard is the same files (hard links), not a copy
    old_inode = (Path(mini_settings.index_dir) / "shards" / shard / "passages.npy").stat().st_ino
    build(mini_settings, embedder, progress=False, log=quiet, only_if_stale=False)
    assert (Path(mini_settings.index_dir) / "shards" / shard / "passages.npy").stat().st_ino == old_inode


def test_changing_a_report_embeds_only_the_text_that_changed(mini_settings):
    embedder = CountingEmbedder()
    build(mini_settings, embedder, progress=False, log=quiet)
    embedder.texts.clear()
    report = next(Path(mini_settings.corpus_dir).glob("*.md"))
    report.write_text(report.read_text().replace("SeaFarm runs 30 pens", "SeaFarm runs 45 pens"))
    manifest = build(mini_settings, embedder, progress=False, log=quiet)
    assert manifest["build"]["ingested"] == 1 and manifest["build"]["texts_cached"] > 0
    assert embedder.texts and all("45 pens" in t for t in embedder.texts)  # the passage and the sentence holding it
    assert cache_path(mini_settings).exists()


def test_a_removed_report_is_gone_from_results(mini_settings):
    (Path(mini_settings.corpus_dir) / "wind.md").write_text(WIND)
    engine = Engine.load(mini_settings, embedder=HashEmbedder(), log=quiet)
    assert engine.search("kite turbines Zephyrco", 3)[0].document == "wind.md"
    (Path(mini_settings.corpus_dir) / "wind.md").unlink()
    engine.refresh(log=quiet)
    assert all(p.document != "wind.md" for p in engine.search("kite turbines Zephyrco", 20))
    assert "Zephyrco" not in engine.answer("How many kites did Zephyrco test?").text
    manifest = json.loads((Path(mini_settings.index_dir) / "manifest.json").read_text())
    assert [d["name"] for d in manifest["documents"]] == ["mini-report.md"] and manifest["build"]["reused"] == 1
    assert len(list((Path(mini_settings.index_dir) / "shards").iterdir())) == 1  # its shard is gone too
    assert staleness(mini_settings, HashEmbedder().name) is None


def test_a_search_within_one_document_reads_only_its_rows(mini_settings):
    (Path(mini_settings.corpus_dir) / "wind.md").write_text(WIND)
    engine = Engine.load(mini_settings, embedder=HashEmbedder(), log=quiet)
    store = engine.store
    rows = store.document_rows("wind.md")
    assert rows and {store.passages[i].document for i in rows} == {"wind.md"}
    assert len(rows) < len(store.passages)
    hits = engine.search("turbines", 20, within="wind.md")
    assert hits and {p.document for p in hits} == {"wind.md"}
    info = {d.name: d for d in store.documents}
    assert info["wind.md"].title.startswith("Wind Power Outlook")


def test_the_library_survives_a_report_that_cannot_be_read(mini_settings):
    (Path(mini_settings.corpus_dir) / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    manifest = build(mini_settings, HashEmbedder(), progress=False, log=quiet)
    assert [d["name"] for d in manifest["documents"]] == ["mini-report.md"]
    assert any("broken.md" in p and "UTF-8" in p for p in manifest["problems"])

import json
import threading

import pytest

from askwef.embed import HashEmbedder
from askwef.engine import Engine, ensure_index
from askwef.index import IndexCorrupt, IndexMissing, IndexStale, build, load, staleness


def quiet(*_):
    pass


def test_build_writes_plain_files_and_a_manifest(mini_settings, hash_embedder):
    manifest = build(mini_settings, hash_embedder, progress=False, log=quiet)
    folder = mini_settings.index_dir
    for name in ("manifest.json", "bm25"):
        assert (folder / name).exists(), name
    shard = folder / "shards" / manifest["documents"][0]["shard"]
    for name in ("document.json", "passages.jsonl", "sentences.jsonl", "passages.npy", "sentences.npy", "tokens.json"):
        assert (shard / name).exists(), name
    on_disk = json.loads((folder / "manifest.json").read_text())
    assert on_disk == manifest
    assert manifest["model"] == hash_embedder.name and manifest["settings_hash"] == mini_settings.index_hash()
    assert len(manifest["corpus_sha256"]) == 64 and manifest["counts"]["documents"] == 1
    assert not list(folder.parent.glob(".tmp-*"))
    store = load(mini_settings)
    assert len(store.passages) == manifest["counts"]["passages"] == store.passage_index.ntotal
    assert manifest["ann"]["kind"] == "exact" and store.exact


def test_staleness_names_the_reason(mini_settings, hash_embedder):
    assert "no index" in staleness(mini_settings, hash_embedder.name)
    build(mini_settings, hash_embedder, progress=False, log=quiet)
    assert staleness(mini_settings, hash_embedder.name) is None
    assert "model" in staleness(mini_settings, "another-model")
    assert "chunking settings" in staleness(mini_settings.replace(target_tokens=50), hash_embedder.name)
    report = next(mini_settings.corpus_dir.glob("*.md"))
    report.write_text(report.read_text() + "\nOne more line.\n")
    assert "corpus" in staleness(mini_settings, hash_embedder.name)


def test_no_build_refuses_a_stale_index_and_says_what_to_run(mini_settings, hash_embedder):
    with pytest.raises(IndexStale, match="askwef build"):
        Engine.load(mini_settings, embedder=hash_embedder, build=False)
    with pytest.raises(IndexMissing, match="askwef build"):
        load(mini_settings)


def test_corpus_edit_after_load_is_picked_up(mini_engine, mini_settings):
    assert mini_engine.answer("How many pens does SeaFarm run?").quotes
    report = next(mini_settings.corpus_dir.glob("*.md"))
    report.write_text(report.read_text().replace("SeaFarm runs 30 pens", "SeaFarm runs 45 pens"))
    mini_engine.refresh(log=quiet)
    answer = mini_engine.answer("How many pens does SeaFarm run?")
    assert "45 pens" in answer.text and "30 pens" not in answer.text


@pytest.mark.parametrize("victim", ["passages.npy", "passages.jsonl", "document.json", "manifest.json"])
def test_damaged_files_are_detected_and_rebuilt(mini_settings, hash_embedder, victim):
    manifest = build(mini_settings, hash_embedder, progress=False, log=quiet)
    shard = mini_settings.index_dir / "shards" / manifest["documents"][0]["shard"]
    path = mini_settings.index_dir / victim if victim == "manifest.json" else shard / victim
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    reason = staleness(mini_settings, hash_embedder.name)
    if reason is None:  # a cut that leaves readable files is caught when loading
        with pytest.raises(IndexCorrupt, match="askwef build"):
            load(mini_settings)
    engine = Engine.load(mini_settings, embedder=hash_embedder, log=quiet) if reason else None
    if engine is not None:
        assert engine.search("tidal", 1)


def test_failed_build_leaves_the_old_index_in_place(mini_settings, hash_embedder, monkeypatch):
    build(mini_settings, hash_embedder, progress=False, log=quiet)
    before = (mini_settings.index_dir / "manifest.json").read_text()

    class Boom(HashEmbedder):
        def encode(self, texts):
            raise RuntimeError("killed half-way")

    report = next(mini_settings.corpus_dir.glob("*.md"))
    report.write_text(report.read_text().replace("SeaFarm runs 30 pens", "SeaFarm runs 45 pens"))  # something to embed

    with pytest.raises(RuntimeError):
        build(mini_settings, Boom(), progress=False, log=quiet)
    assert (mini_settings.index_dir / "manifest.json").read_text() == before
    assert not list(mini_settings.index_dir.parent.glob(".tmp-*"))
    assert load(mini_settings).passages


def test_two_builds_at_once_both_succeed_and_leave_one_index(mini_settings, hash_embedder):
    errors = []

    def run():
        try:
            build(mini_settings, hash_embedder, progress=False, log=quiet)
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert load(mini_settings).passages and ensure_index(mini_settings, hash_embedder, log=quiet) is None


def test_a_damaged_shard_is_not_reused(mini_settings, hash_embedder):
    manifest = build(mini_settings, hash_embedder, progress=False, log=quiet)
    shard = mini_settings.index_dir / "shards" / manifest["documents"][0]["shard"]
    (shard / "tokens.json").write_text("[[")  # only a later build reads it
    rebuilt = build(mini_settings, hash_embedder, progress=False, log=quiet)
    assert rebuilt["build"]["reused"] == 0 and rebuilt["build"]["ingested"] == 1
    assert load(mini_settings).passages


def test_a_new_report_reader_reads_every_report_again(mini_settings, hash_embedder, monkeypatch):
    from askwef.index import builder, manifest as manifest_module

    first = build(mini_settings, hash_embedder, progress=False, log=quiet)
    assert first["reader"] == manifest_module.reader_version() and len(first["reader"]) == 16
    assert build(mini_settings, hash_embedder, progress=False, log=quiet)["build"]["reused"] == 1  # same reader: kept
    monkeypatch.setattr(manifest_module, "reader_version", lambda: "another-reader")
    monkeypatch.setattr(builder, "reader_version", lambda: "another-reader")
    assert "report reader" in staleness(mini_settings, hash_embedder.name)
    again = build(mini_settings, hash_embedder, progress=False, log=quiet)
    assert again["build"]["reused"] == 0 and again["build"]["ingested"] == 1
    assert again["build"]["texts_cached"] > 0 and again["build"]["texts_embedded"] == 0  # read again, not embedded again
    assert staleness(mini_settings, hash_embedder.name) is None

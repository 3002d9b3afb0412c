"""Shared fixtures.

Fast tier: the small fixture report (tests/fixtures/mini) with the deterministic HashEmbedder.
Slow tier (`@pytest.mark.slow`): the real report with the real model, its index built once per
session into a temporary folder (never the user's index/).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DIR = ROOT / "tests" / "fixtures" / "mini"
MINI_REPORT = FIXTURE_DIR / "mini-report.md"
REAL_CORPUS = ROOT / "corpus"
REAL_REPORT = REAL_CORPUS / "blueprint-to-action-china-ai-2025.md"


@pytest.fixture
def hash_embedder():
    from askwef.embed import HashEmbedder

    return HashEmbedder()


@pytest.fixture
def mini_settings(tmp_path):
    """Settings for a private copy of the fixture corpus and an index folder in tmp_path."""
    from askwef.settings import Settings

    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE_DIR, corpus)
    # the hash embedder is a weak model (confidences of clear answers near 0.1): a low threshold lets the
    # fixture answer; its abstention tests rest on what rules an answer out (a pinned year, a place)
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index" / "current", abstain_threshold=0.05)


def fixture_engine(base: Path, extra_docs: dict[str, str] | None = None):
    """The fixture report (plus `extra_docs`, name -> markdown) indexed with the hash embedder under `base`."""
    from askwef.embed import HashEmbedder
    from askwef.engine import Engine
    from askwef.settings import Settings

    shutil.copytree(FIXTURE_DIR, base / "corpus")
    for name, text in (extra_docs or {}).items():
        (base / "corpus" / name).write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=base / "corpus", index_dir=base / "index" / "current", abstain_threshold=0.05)
    return Engine.load(settings, embedder=HashEmbedder(), log=lambda *_: None)


REAL_PDFS = Path(__file__).resolve().parents[2] / "shared" / "realpdfs"
"""The real reports the tests may read (../shared/realpdfs; never committed)."""
OECD_PDF = REAL_PDFS / "OECD_Palestinian_Authority_Strengthening_Public_Administration.pdf"
UK_PDF = REAL_PDFS / "UK_National_AI_Strategy.pdf"


def real_pdf_engine(tmp_path: Path, pdf: Path):
    """An index of one real report (read from ../shared/realpdfs, never copied) with the hash embedder."""
    from askwef.embed import HashEmbedder
    from askwef.engine import Engine
    from askwef.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / pdf.name).symlink_to(pdf)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index" / "current", abstain_threshold=0.05)
    return Engine.load(settings, embedder=HashEmbedder(), log=lambda *_: None)


@pytest.fixture
def cli_runner(mini_settings, monkeypatch, capsys):
    """Run `askwef ...` in-process on the fixture corpus with the hash embedder: returns (code, out, err)."""
    from askwef import cli
    from askwef.embed import HashEmbedder

    monkeypatch.setattr("askwef.embed.load_model", lambda: HashEmbedder())
    monkeypatch.setattr("askwef.engine.load_model", lambda: HashEmbedder())
    monkeypatch.setenv("ASKWEF_CORPUS", str(mini_settings.corpus_dir))
    monkeypatch.setenv("ASKWEF_INDEX", str(mini_settings.index_dir))

    def invoke(*argv):
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def mini_engine(mini_settings, hash_embedder):
    from askwef.engine import Engine

    return Engine.load(mini_settings, embedder=hash_embedder, log=lambda *_: None)


@pytest.fixture(scope="session")
def real_model():
    from askwef.embed import load_model

    return load_model()


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory, real_model):
    """The real report, indexed once per session with the real model in a temp folder."""
    from askwef.index import build
    from askwef.settings import Settings

    base = tmp_path_factory.mktemp("real")
    settings = Settings(corpus_dir=REAL_CORPUS, index_dir=base / "index" / "current")
    build(settings, real_model, progress=False, log=lambda *_: None)
    return settings


@pytest.fixture(scope="session")
def real_engine(real_settings, real_model):
    from askwef.engine import Engine

    return Engine.load(real_settings, embedder=real_model, build=False)

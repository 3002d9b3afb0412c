"""Files and folders: which files of a corpus are reports, and reading each into a `Document`.

>>> doc = ingest_file(Path("corpus/blueprint-to-action-china-ai-2025.md"))  # doctest: +SKIP
>>> doc.sections[5].path                                                        # doctest: +SKIP
"1 China's national strategy and governance approach"
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..types import Document
from .assemble import assemble
from .markdown import read_markdown
from .parsed import IngestError
from .text import title_key

SUPPORTED_SUFFIXES = (".md", ".markdown", ".pdf")


def ingest_file(path: Path) -> Document:
    """Read one report file (.md or .pdf) into a Document; raises IngestError naming file and reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    sha = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .pdf import read_pdf  # pypdf is only needed for PDFs

        try:
            report = read_pdf(path, data)
        except IngestError:
            raise
        except Exception as exc:  # noqa: BLE001 - a PDF pypdf trips on in a way not foreseen: one line, the others index
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:120]
            raise IngestError(f"{path}: cannot be read ({type(exc).__name__}: {reason}); not indexed") from exc
        doc = assemble(path.name, sha, report, source="pdf")
        if not doc.sections:
            raise IngestError(f"{path}: no text found to index")
        return doc
    if suffix not in (".md", ".markdown"):
        raise IngestError(f"{path}: unsupported file type {suffix or '(none)'}; use .md or .pdf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    doc = assemble(path.name, sha, read_markdown(text))
    if not doc.sections:
        raise IngestError(f"{path}: no text found to index")
    return doc


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The report files of a corpus folder, sorted; hidden files and other types are skipped."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise IngestError(f"corpus folder {corpus_dir} does not exist; set ASKWEF_CORPUS or pass --corpus DIR")
    return sorted(p for p in corpus_dir.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED_SUFFIXES)


def ingest_corpus(corpus_dir: Path) -> tuple[list[Document], list[str]]:
    """Every readable report of the folder, and one line per problem (unreadable file, duplicate report).

    A file that cannot be read is reported and skipped; the others still index. When a PDF and a
    markdown file hold the same report (same title), the markdown is kept and the user is told.
    """
    problems: list[str] = []
    docs: list[Document] = []
    for path in corpus_files(corpus_dir):
        try:
            docs.append(ingest_file(path))
        except IngestError as exc:
            problems.append(str(exc))
    kept: dict[str, Document] = {}
    for doc in sorted(docs, key=lambda d: (d.source != "markdown", d.name)):
        key = title_key(doc.title) or doc.sha256
        if key in kept:
            problems.append(f"{doc.name}: same report as {kept[key].name} ({doc.title!r}); indexing {kept[key].name} only")
            continue
        kept[key] = doc
    order = {d.name: i for i, d in enumerate(docs)}
    return sorted(kept.values(), key=lambda d: order[d.name]), problems

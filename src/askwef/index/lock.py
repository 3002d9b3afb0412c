"""Writing an index safely: one build at a time (a file lock), leftovers of killed builds cleaned, the new
folder renamed into place so a reader never finds half an index."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..settings import Settings


def build_lock(settings: Settings):
    from filelock import FileLock

    target = Path(settings.index_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(target.parent / f".{target.name}.lock"))


def clean_leftovers(target: Path) -> None:
    """Remove what killed builds left beside the index; called under the lock, so none is running.

    A build killed between its two renames leaves no index and the previous one as `.old-*`: that
    one is put back first, so a build that then fails still leaves the last good index in place.
    """
    olds = sorted(target.parent.glob(f".old-{target.name}-*"), key=lambda p: p.stat().st_mtime)
    if not target.exists() and olds and (olds[-1] / "manifest.json").exists():
        os.replace(olds.pop(), target)
    for path in [*olds, *target.parent.glob(f".tmp-{target.name}-*")]:
        shutil.rmtree(path, ignore_errors=True)


def swap_into_place(tmp: Path, target: Path) -> None:
    old = target.parent / f".old-{target.name}-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)

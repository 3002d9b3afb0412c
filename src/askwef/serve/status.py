"""What the server tells about the library being rebuilt: one line for the chat page.

The engine builds a changed library in the background and answers from the last consistent one
meanwhile (`Engine.poll`, `Engine.status`); /healthz gives the same as JSON.

>>> build_note({"state": "idle", "serving": {}})
''
>>> build_note({"state": "building", "stage": "embedding", "document": "uk.pdf", "done": 1, "total": 3, "percent": 41.5,
...             "serving": {"built_at": "2026-12-04T12:00:00Z", "documents": 2}})
'⏳ Updating the library: embedding uk.pdf (report 2 of 3), 41% done. Answers come from the library built at 2026-12-04T12:00:00Z (2 reports) until then.'
"""

from __future__ import annotations

import html
import re


def build_note(status: dict) -> str:
    """One line (markdown) on the library being rebuilt, or "" when nothing is building and nothing failed."""
    serving = status.get("serving") or {}
    since = f"Answers come from the library built at {serving.get('built_at')} ({serving.get('documents')} reports) until then."
    if status.get("state") == "building":
        stage = status.get("stage") or "starting"
        doc = status.get("document")
        where = f" {_md(doc)} (report {int(status.get('done') or 0) + 1} of {int(status.get('total') or 0)})" if doc else ""
        return f"⏳ Updating the library: {_md(stage)}{where}, {int(status.get('percent') or 0)}% done. {since}"
    if status.get("state") == "failed":
        return f"⚠️ The library could not be updated: {_md(status.get('error', ''))}. {since.replace(' until then', '')}"
    return ""


def _md(text: object) -> str:
    """Text safe inside markdown: HTML escaped, markdown's own characters backslashed."""
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", html.escape(str(text), quote=False))

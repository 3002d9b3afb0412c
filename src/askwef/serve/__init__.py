"""Serve: the chat page and the HTTP API over one Engine, and the tools that exercise them.

    api.py         the FastAPI app (JSON API + the chat page mounted), `serve`, `running`
    chat.py        the Gradio chat page and the HTML of an answer
    schemas.py     the API's request and response models
    middleware.py  basic auth, body limits, closed Gradio routes
    limits.py      every size, thread and queue limit, in one place
    loadtest.py    `askwef loadtest`: concurrent clients through the API and Gradio's queue
    screenshot.py  the screenshot in docs/, taken in headless Chromium
    status.py      the line the chat page shows while the library is rebuilt

>>> serve(host="127.0.0.1", port=7860)      # doctest: +SKIP
"""

from __future__ import annotations

from .api import create_app, running, serve

__all__ = ["create_app", "serve", "running"]

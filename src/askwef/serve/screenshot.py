"""Take the screenshot in docs/: the chat page answering a real question, in headless Chromium.

    python -m askwef.serve.screenshot [--out docs/screenshot.png] [--question "..."] [--width 1280]

It loads the real model and index (building the index if needed), serves the app on a free local
port from a background thread, asks the question in the page and saves a PNG. Uses the system
Chromium (/usr/bin/chromium, or ASKWEF_CHROMIUM); never downloads a browser.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

CHROMIUM = os.environ.get("ASKWEF_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-quic", "--no-first-run",
]
QUESTION = "How many green data centres have been established in China?"


def launch_chromium(playwright):
    """Headless system Chromium with the flags that keep it quiet and offline."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def ask_in_page(page, question: str, timeout_ms: float = 120_000) -> None:
    """Type `question` into the chat, send it and wait until its reply is on the page."""
    before = page.locator(".askwef-answer").count()
    page.locator("#askwef-question textarea").fill(question)
    page.locator("#askwef-ask").click()
    page.locator(".askwef-answer").nth(before).wait_for(timeout=timeout_ms)


def take(url: str, out: Path, *, question: str = QUESTION, width: int = 1280) -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport={"width": width, "height": 1000}, device_scale_factor=1)
            page.goto(url)
            ask_in_page(page, question)
            # the passages panel stays closed: opened, it fills the chat and scrolls the quote away
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
        finally:
            browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m askwef.serve.screenshot", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot.png"))
    parser.add_argument("--question", default=QUESTION)
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args(argv)
    for name, value in (("GRADIO_ANALYTICS_ENABLED", "False"), ("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1")):
        os.environ.setdefault(name, value)
    if not Path(CHROMIUM).exists():
        print(f"askwef: error: no Chromium at {CHROMIUM} (apt-get install chromium, or set ASKWEF_CHROMIUM)", file=sys.stderr)
        return 1

    from ..engine import Engine
    from .api import create_app, running

    engine = Engine.load(log=lambda msg: print(msg, file=sys.stderr))
    with tempfile.TemporaryDirectory() as tmp:  # votes cast while shooting go nowhere
        with running(create_app(engine, auth=None, feedback_path=Path(tmp) / "feedback.jsonl")) as url:
            out = take(url + "/", args.out, question=args.question, width=args.width)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

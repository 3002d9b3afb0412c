"""The chat app and HTTP API: `python app.py [--host H] [--port P]` (or `make run`).

Serves http://127.0.0.1:7860 by default: the chat page at /, the JSON API at /api/answer and
/api/search, /healthz, and the schema at /openapi.json. Binds to localhost unless told otherwise;
builds the index first when it is missing or stale. See docs/app.md.

    ASKWEF_AUTH=user:password     HTTP basic auth on everything but /healthz
    ASKWEF_FEEDBACK=path.jsonl    where the helpful / not helpful votes go (default ./feedback.jsonl)
    ASKWEF_CORPUS, ASKWEF_INDEX   another corpus or index folder
"""

from __future__ import annotations

import argparse
import os
import sys

# Offline: no analytics, no Hub look-ups, before gradio or huggingface_hub are imported.
OFFLINE_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "TOKENIZERS_PARALLELISM": "false",
}
for name, value in OFFLINE_ENV.items():
    os.environ.setdefault(name, value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="askwef chat app and HTTP API")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; 0.0.0.0 exposes it to the network)")
    parser.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    args = parser.parse_args(argv)

    from askwef.index import IndexProblem
    from askwef.serve import serve

    try:
        return serve(host=args.host, port=args.port)
    except (IndexProblem, ValueError, OSError) as exc:
        print(f"askwef: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

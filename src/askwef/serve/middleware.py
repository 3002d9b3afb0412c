"""ASGI middleware: HTTP basic auth, request body limits, and Gradio routes this server keeps closed."""

from __future__ import annotations

import base64
import hmac
import posixpath
from collections.abc import Sequence

from fastapi.responses import JSONResponse

from .limits import (
    AUTH_ENV,
    CLOSED_PREFIXES,
    MAX_BODY_BYTES,
    MAX_GRADIO_BODY_BYTES,
    OPEN_PATHS,
)

# --- middleware -----------------------------------------------------------------------------------

def parse_credentials(value: str | None) -> tuple[str, str] | None:
    """'user:secret' -> ('user', 'secret'); None or '' -> None (auth off). The password may hold colons."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError(f"{AUTH_ENV} must look like user:password")
    return user, password


class BasicAuth:
    """HTTP basic auth in front of everything (API, chat page, Gradio's own routes) except OPEN_PATHS.

    A plain ASGI middleware rather than BaseHTTPMiddleware, so streamed responses (Gradio's
    server-sent events) pass through untouched.
    """

    def __init__(self, app, credentials: tuple[str, str]) -> None:
        self.app = app
        self.expected = ("Basic " + base64.b64encode(f"{credentials[0]}:{credentials[1]}".encode()).decode()).encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or scope.get("path") in OPEN_PATHS:
            return await self.app(scope, receive, send)
        given = dict(scope.get("headers") or []).get(b"authorization", b"")
        if hmac.compare_digest(given, self.expected):
            return await self.app(scope, receive, send)
        if scope["type"] == "websocket":
            return await send({"type": "websocket.close", "code": 1008})
        response = JSONResponse({"detail": "authentication required"}, status_code=401,
                                headers={"WWW-Authenticate": 'Basic realm="askwef", charset="UTF-8"'})
        return await response(scope, receive, send)


class BodyLimit:
    """Refuse request bodies over `limit` bytes on /api/ (`gradio_limit` on /gradio_api/) with 413,
    whether announced or streamed.

    The (small) body is read here first, so a streamed one is counted before the app parses it.
    """

    def __init__(self, app, limit: int = MAX_BODY_BYTES, gradio_limit: int = MAX_GRADIO_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit
        self.gradio_limit = gradio_limit

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path.startswith("/api/"):
            limit = self.limit
        elif path.startswith("/gradio_api/"):
            limit = self.gradio_limit
        else:
            return await self.app(scope, receive, send)
        if scope.get("method") in ("GET", "HEAD"):
            return await self.app(scope, receive, send)  # Gradio streams events on GET: nothing to buffer
        too_large = JSONResponse({"detail": f"request body over {limit} bytes"}, status_code=413)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return await too_large(scope, receive, send)
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > limit:
                return await too_large(scope, receive, send)
            if not message.get("more_body"):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)


class ClosedRoutes:
    """404 for the Gradio routes in CLOSED_PREFIXES, whatever the method (`//x`, `/./x` spellings too)."""

    def __init__(self, app, prefixes: Sequence[str] = CLOSED_PREFIXES) -> None:
        self.app = app
        self.prefixes = tuple(prefixes)

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            path = posixpath.normpath("/" + scope.get("path", "")).replace("//", "/")
            if path.startswith(self.prefixes) or scope.get("path", "").startswith(self.prefixes):
                if scope["type"] == "websocket":
                    return await send({"type": "websocket.close", "code": 1008})
                return await JSONResponse({"detail": "Not Found"}, status_code=404)(scope, receive, send)
        return await self.app(scope, receive, send)

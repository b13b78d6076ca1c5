"""Limits that keep one request from holding the server: a body cap and a text cap.

Coding costs time linear in the text (`nlp.bounds`), so capping the text a request may post
is the request's time budget: `MAX_TEXT_BYTES` of report code in seconds, not minutes. The
body is capped before it is parsed, so a 50 MB upload is refused without being read.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.api.errors import BadInputError, PayloadTooLargeError, error_json

MAX_BODY_BYTES = 1_000_000
MAX_TEXT_BYTES = 200_000  # a long news report is a tenth of this
_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


def check_text(text: str, field: str = "text") -> str:
    """Refuse text that is no Unicode (a lone surrogate from JSON '\\ud800') or too long."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        bad = f"U+{ord(text[exc.start]):04X}"
        raise BadInputError(
            f"{field}: contains {bad}, a lone surrogate that is not a character (at {exc.start})"
        ) from None
    if size > MAX_TEXT_BYTES:
        raise PayloadTooLargeError(
            f"{field}: {size} bytes is over the limit of {MAX_TEXT_BYTES} for one request; "
            "code long inputs with `eventwire code` or `eventwire ingest`"
        )
    return text


class BodyLimit:
    """ASGI middleware: a request body over `limit` bytes gets 413 before the app sees it."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _WITH_BODY:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send, int(declared))
            return
        body, more = bytearray(), True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.limit:
                await self._refuse(scope, receive, send, len(body))
                return
        await self.app(scope, _replay(bytes(body)), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        reason = f"request body of {size} bytes is over the limit of {self.limit}"
        await error_json(reason, PayloadTooLargeError.code, 413)(scope, receive, send)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive

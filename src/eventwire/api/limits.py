"""Limits that keep one request from holding the server: a body cap, a text cap, a time budget.

Coding costs time linear in the text (`nlp.bounds`), so capping the text a request may post
bounds its cost; the body is capped before it is parsed, so a 50 MB upload is refused without
being read. A machine slower or busier than expected is what the time budget is for: coding
runs in a worker thread, and a request still coding after `CODE_SECONDS` is answered 503 at
once with an id in the log, while the thread finishes on its own; at most `CODING_THREADS`
run at a time, so requests that time out cannot pile up threads.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from collections.abc import Callable
from typing import TypeVar

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.api.errors import BadInputError, OverBudgetError, PayloadTooLargeError, error_json

MAX_BODY_BYTES = 1_000_000
MAX_TEXT_BYTES = 200_000  # a long news report is a tenth of this
CODE_SECONDS = float(os.environ.get("EVENTWIRE_CODE_SECONDS", "30"))  # 200 kB codes in ~10 s
CODING_THREADS = 4
_coding = threading.BoundedSemaphore(CODING_THREADS)
log = logging.getLogger("eventwire.api")
T = TypeVar("T")
A = TypeVar("A")


async def within_budget(fn: Callable[[A], T], arg: A, seconds: float | None = None) -> T:
    """`fn(arg)` in a worker thread, answered within `seconds` (`CODE_SECONDS`) or refused."""
    budget = CODE_SECONDS if seconds is None else seconds
    if not _coding.acquire(blocking=False):
        raise OverBudgetError(
            f"{CODING_THREADS} texts are being coded already; try again in a few seconds"
        )

    def run() -> T:
        try:
            return fn(arg)
        finally:
            _coding.release()

    with anyio.move_on_after(budget):
        return await anyio.to_thread.run_sync(run, abandon_on_cancel=True)
    ref = secrets.token_hex(4)
    log.warning("request %s: coding went over its budget of %.1f s", ref, budget)
    raise OverBudgetError(
        f"coding this text took longer than the budget of {budget:g} s for one request "
        f"(request id {ref}, logged); code long inputs with `eventwire code`"
    )


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

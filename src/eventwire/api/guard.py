"""Guard for the endpoints that compute or write (every POST): an optional token, a rate limit.

A server bound beyond localhost can require a token (`serve --token`, or the environment
variable `EVENTWIRE_TOKEN`): `Authorization: Bearer TOKEN` (or `?token=TOKEN` for the form).
Each client may POST at most `per_minute` times a minute; more is 429 with `Retry-After`.
Reading (GET) is never guarded: the pages and their JSON twins stay open.
"""

from __future__ import annotations

import os
import secrets
import time
from collections import defaultdict, deque
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Receive, Scope, Send

from eventwire.api.errors import ApiError, error_json

TOKEN_ENV = "EVENTWIRE_TOKEN"
PER_MINUTE = 30


class TokenRequiredError(ApiError):
    code = "EW722"
    status = 401


class TooManyRequestsError(ApiError):
    code = "EW723"
    status = 429


class ComputeGuard:
    """ASGI middleware in front of every POST: token check, then a per-client sliding window."""

    def __init__(
        self, app: ASGIApp, token: str | None = None, per_minute: int = PER_MINUTE
    ) -> None:
        self.app, self.per_minute = app, per_minute
        self.token = token if token is not None else os.environ.get(TOKEN_ENV) or None
        self.recent: defaultdict[str, deque[float]] = defaultdict(deque)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            err, headers = refusal
            resp = error_json(str(err), err.code, err.status)
            resp.headers.update(headers)
            await resp(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope) -> tuple[ApiError, dict[str, str]] | None:
        if self.token and not self._has_token(scope):
            denied = TokenRequiredError("this server needs a token: Authorization: Bearer TOKEN")
            return denied, {"WWW-Authenticate": "Bearer"}
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self._wait(client, time.monotonic())
        if wait > 0:
            busy = TooManyRequestsError(f"more than {self.per_minute} requests a minute; wait")
            return busy, {"Retry-After": str(wait)}
        return None

    def _has_token(self, scope: Scope) -> bool:
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"authorization", b"").decode("latin-1").removeprefix("Bearer ")
        if not given:
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            given = (query.get("token") or [""])[0]
        return bool(self.token) and secrets.compare_digest(given, self.token or "")

    def _wait(self, client: str, now: float) -> int:
        """Seconds until `client` may POST again (0: now, and the request is counted)."""
        window = self.recent[client]
        while window and now - window[0] >= 60:
            window.popleft()
        if len(window) >= self.per_minute:
            return max(1, int(60 - (now - window[0])) + 1)
        window.append(now)
        return 0

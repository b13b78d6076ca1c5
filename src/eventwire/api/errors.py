"""Errors of the REST API and web pages, and the one JSON error shape they all answer with.

Codes EW7xx belong to the web layer; errors raised by the library keep their own codes
(EW1xx ingest, EW401 store, ...). Each code has one HTTP status.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

import duckdb
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from eventwire.errors import EventwireError, IngestError, StoreError

log = logging.getLogger("eventwire.api")


class ApiError(EventwireError):
    """Base of the web layer's errors; `status` is the HTTP status it answers with."""

    code = "EW700"
    status = 500


class BadParameterError(ApiError):
    """A query parameter is malformed (a date that is not YYYY-MM-DD, a negative offset)."""

    code = "EW701"
    status = 422


class NotFoundError(ApiError):
    """No event, article or page with that id or path."""

    code = "EW702"
    status = 404


class BadInputError(ApiError):
    """A request body cannot be used (not JSON, no text, a bad date)."""

    code = "EW703"
    status = 400


class MethodNotAllowedError(ApiError):
    code = "EW704"
    status = 405


class PayloadTooLargeError(ApiError):
    """A request body or posted text over its size limit (`api.limits`)."""

    code = "EW720"
    status = 413


class StoreBusyError(ApiError):
    """The store is locked by a writer (an ingest is running): try again shortly."""

    code = "EW721"
    status = 503


class OverBudgetError(ApiError):
    """Coding a posted text went over the per-request time budget, or every slot is busy."""

    code = "EW724"
    status = 503


HTTP_ERRORS: dict[int, type[ApiError]] = {
    404: NotFoundError,
    405: MethodNotAllowedError,
    400: BadInputError,
    413: PayloadTooLargeError,
    422: BadParameterError,
}


def hide_store_error(exc: StoreError) -> EventwireError:
    """The client's view of a store that cannot be opened: busy, or an error id to quote."""
    cause = exc.__cause__
    if isinstance(cause, duckdb.Error) and "lock" in str(cause).lower():
        log.info("store busy: %s", cause)
        return StoreBusyError(
            "the store is being written (an ingest is running); try again when it ends"
        )
    return _logged(exc, "the store cannot be opened")


def _logged(exc: BaseException, what: str) -> EventwireError:
    """Log an internal error under a short id and give the client only the id."""
    ref = secrets.token_hex(4)
    log.error("error %s: %s: %s", ref, type(exc).__name__, exc, exc_info=exc)
    message = f"{what} (error id {ref}; details in the server log)"
    return StoreError(message) if isinstance(exc, (StoreError, duckdb.Error)) else ApiError(message)


class ErrorBody(BaseModel):
    """The one error shape (documented for every status an endpoint may answer)."""

    ok: bool = False
    error: str
    code: str


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (400, "Bad request body (EW703, EW102)"),
        (404, "No such event, article or path (EW702)"),
        (405, "Method not allowed; the `Allow` header lists the methods (EW704)"),
        (413, "Request body or posted text too large (EW720)"),
        (422, "Bad query or path parameter (EW701)"),
        (500, "Internal error, with an error id to quote (EW700)"),
        (
            503,
            "Store missing (EW401), being written by an ingest (EW721, `Retry-After`), or "
            "coding over its time budget (EW724)",
        ),
    )
}


def status_of(exc: EventwireError) -> int:
    """HTTP status for a library or web error."""
    if isinstance(exc, ApiError):
        return exc.status
    if isinstance(exc, StoreError):
        return 503
    if isinstance(exc, IngestError):
        return 400
    return 500


def error_body(message: str, code: str) -> dict[str, object]:
    """The one error shape of every JSON answer."""
    return {"ok": False, "error": message, "code": code}


def error_json(message: str, code: str, status: int) -> JSONResponse:
    return JSONResponse(error_body(message, code), status_code=status)


def as_eventwire_error(exc: Exception, path: str = "") -> EventwireError:
    """Map any exception the app lets through to a coded eventwire error."""
    if isinstance(exc, EventwireError):
        return exc
    if isinstance(exc, RequestValidationError):
        return _validation_error(exc)
    if isinstance(exc, HTTPException):
        detail = str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no page or endpoint at {path}; the API lives under /api/"
        elif exc.status_code == 405:
            detail = f"{detail} at {path}"
        err = HTTP_ERRORS.get(exc.status_code, ApiError)(detail)
        if err.status != exc.status_code:
            err.status = exc.status_code
        return err
    if isinstance(exc, duckdb.Error):
        return _logged(exc, "the store could not answer")
    return _logged(exc, f"internal error ({type(exc).__name__})")


def _validation_error(exc: RequestValidationError) -> ApiError:
    """Body problems are bad input (400); query and path problems are bad parameters (422)."""
    errors = exc.errors()
    parts = [
        f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in errors
    ]
    message = "; ".join(parts) or "invalid request"
    in_body = any(e.get("loc", ("",))[0] == "body" for e in errors)
    return BadInputError(message) if in_body else BadParameterError(message)


def wants_json(request: Request) -> bool:
    """API paths and `?format=json` answer JSON; pages answer HTML."""
    return request.url.path.startswith("/api") or request.query_params.get("format") == "json"


def json_error_response(request: Request, exc: Exception) -> Response:
    err = as_eventwire_error(exc, request.url.path)
    resp = error_json(str(err), err.code, status_of(err))
    resp.headers.update(error_headers(exc))
    return resp


def error_headers(exc: Exception) -> dict[str, str]:
    """Headers an HTTP error must carry: `Allow` on 405 (RFC 9110), `Retry-After` when busy."""
    headers = dict(getattr(exc, "headers", None) or {}) if isinstance(exc, HTTPException) else {}
    if isinstance(exc, (StoreBusyError, OverBudgetError)):
        headers["Retry-After"] = "5"
    return headers

"""Errors of the REST API and web pages, and the one JSON error shape they all answer with.

Codes EW7xx belong to the web layer; errors raised by the library keep their own codes
(EW1xx ingest, EW401 store, ...). Each code has one HTTP status.
"""

from __future__ import annotations

import duckdb
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from eventwire.errors import EventwireError, IngestError, StoreError


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


HTTP_ERRORS: dict[int, type[ApiError]] = {
    404: NotFoundError,
    405: MethodNotAllowedError,
    400: BadInputError,
    413: PayloadTooLargeError,
    422: BadParameterError,
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
        return StoreError(f"the store could not answer ({exc})")
    return ApiError(f"internal error ({type(exc).__name__})")


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
    return error_json(str(err), err.code, status_of(err))

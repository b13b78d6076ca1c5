"""The web application: REST API under /api/, HTML pages elsewhere, assets from /static.

`create_app(db)` never fails on a missing store: every store-backed page and endpoint then
answers 503 with the one error shape and a message saying how to create the store, and
/code (which stores nothing) still works. The store is opened read-only for each request.

Example: `uvicorn.run(create_app("news.duckdb"))` or `eventwire serve --db news.duckdb`.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from eventwire import __version__
from eventwire.api import negotiations, pages, rest
from eventwire.api.errors import (
    as_eventwire_error,
    error_headers,
    json_error_response,
    status_of,
    wants_json,
)
from eventwire.api.guard import PER_MINUTE, ComputeGuard
from eventwire.api.limits import BodyLimit
from eventwire.errors import EventwireError

HERE = Path(__file__).resolve().parent


async def _handle(request: Request, exc: Exception) -> Response:
    """Every error: the JSON error shape for API calls, an error page for pages."""
    if wants_json(request):
        return json_error_response(request, exc)
    err = as_eventwire_error(exc, request.url.path)
    ctx = {"error": str(err), "code": err.code, "status": status_of(err)}
    return pages.templates.TemplateResponse(
        request, "error.html", ctx, status_code=status_of(err), headers=error_headers(exc)
    )


def create_app(db: str | Path, token: str | None = None, per_minute: int = PER_MINUTE) -> FastAPI:
    """The FastAPI app over one DuckDB store file (which may not exist yet).

    POSTs (which compute) may need `token` (else `$EVENTWIRE_TOKEN`) and are rate-limited.
    """
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Sourced event records coded from news reports.",
        docs_url=None,  # Swagger UI and ReDoc load their assets from a CDN; we serve none
        redoc_url=None,
    )
    app.state.db = Path(db)
    app.add_middleware(BodyLimit)
    app.add_middleware(ComputeGuard, token=token, per_minute=per_minute)
    app.include_router(rest.router)
    app.include_router(pages.router)
    app.include_router(negotiations.api)  # issue 17
    app.include_router(negotiations.pages)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for exc_type in (EventwireError, HTTPException, RequestValidationError, Exception):
        app.add_exception_handler(exc_type, _handle)
    return app

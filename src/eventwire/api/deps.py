"""Request dependencies shared by the REST API and the pages: the store and the paging."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Query, Request
from pydantic import BaseModel

from eventwire.api.errors import hide_store_error
from eventwire.errors import StoreError
from eventwire.store.duck import Store
from eventwire.store.read import ISO_PREFIX, EventFilter


def store_path(request: Request) -> Path:
    path: Path = request.app.state.db
    return path


def open_store(path: Path) -> Store:
    """Open the store read-only; a missing file is a StoreError that says how to make one.

    A store locked by a running ingest is a 503 that says so; the lock message (which names
    the file, the writer's interpreter and PID) goes to the log only.
    """
    if not path.exists():
        raise StoreError(
            f"{path}: no such store; create it with `eventwire ingest PATH --db {path}`"
        )
    try:
        return Store(path, read_only=True)
    except StoreError as exc:
        raise hide_store_error(exc) from exc


def get_store(request: Request) -> Iterator[Store]:
    """One read-only connection per request, so a store written meanwhile is seen next time."""
    store = open_store(store_path(request))
    try:
        yield store
    finally:
        store.close()


def _day(value: str | None, name: str) -> str | None:
    """A date bound: YYYY, YYYY-MM or a real YYYY-MM-DD day; empty means unset."""
    from eventwire.api.errors import BadParameterError

    if not value:
        return None
    try:
        if not re.match(ISO_PREFIX, value):
            raise ValueError(value)
        if len(value) == 10:
            date.fromisoformat(value)  # rejects 2024-02-30
    except ValueError:
        raise BadParameterError(
            f"query.{name}: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None
    return value


def _bbox(value: str | None) -> str | None:
    """A map box 'west,south,east,north'; empty means unset."""
    from eventwire.api.errors import BadParameterError
    from eventwire.store.geo import parse_bbox

    if not value:
        return None
    try:
        parse_bbox(value)
    except ValueError as exc:
        raise BadParameterError(f"query.bbox: {value!r}: {exc}") from None
    return value.replace(" ", "")


DateBound = Annotated[
    str | None,
    Query(
        pattern=r"^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$",
        description="YYYY, YYYY-MM or a real YYYY-MM-DD day; empty means unset.",
    ),
]


_NUM = r" *-?\d{1,3}(\.\d+)? *"
BBox = Annotated[
    str | None,
    Query(
        pattern=rf"^({_NUM},{_NUM},{_NUM},{_NUM})?$",
        description="Map box 'west,south,east,north' in degrees (west < east, south < north).",
    ),
]


def event_filter(
    article: str | None = None,
    type: str | None = None,
    status: str | None = None,
    country: str | None = None,
    date_from: DateBound = None,
    date_to: DateBound = None,
    q: str | None = None,
    actor: str | None = None,
    bbox: BBox = None,
) -> EventFilter:
    """Filters from the query string; empty form fields count as unset."""
    return EventFilter(
        article=article or None,
        type=type or None,
        status=status or None,
        country=country or None,
        date_from=_day(date_from, "date_from"),
        date_to=_day(date_to, "date_to"),
        q=q or None,
        actor=actor or None,
        bbox=_bbox(bbox),
    )


class Paging(BaseModel):
    limit: int
    offset: int


MAX_OFFSET = 1_000_000_000  # far past any store; larger values would overflow the SQL


def paging(
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Paging:
    return Paging(limit=limit, offset=offset)


StoreDep = Annotated[Store, Depends(get_store)]
FilterDep = Annotated[EventFilter, Depends(event_filter)]
PagingDep = Annotated[Paging, Depends(paging)]
TimeBin = Annotated[
    str,
    Query(pattern="^(auto|day|week)$", description="Time axis bins: auto, day or week."),
]
EdgeLimit = Annotated[int, Query(ge=1, le=1000, description="Most edges returned, busiest first.")]

"""The REST API: JSON under /api/, each answer the same object its page renders."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

from eventwire.api.deps import (
    EdgeLimit,
    FilterDep,
    PagingDep,
    StoreDep,
    TimeBin,
    open_store,
    store_path,
)
from eventwire.api.errors import ERROR_RESPONSES, NotFoundError
from eventwire.api.limits import check_text
from eventwire.errors import EmptyInputError
from eventwire.merge.views import merged_of
from eventwire.store import read
from eventwire.store.duck import Store
from eventwire.store.export import EventOut, event_out
from eventwire.store.geo import MapPoints
from eventwire.store.read import ArticleDetail, ArticleSummary

router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)


class EventAnswer(BaseModel):
    ok: bool = True
    event: EventOut
    merged: dict[str, Any] | None = Field(
        None,
        description="The merged event this mention belongs to (after `eventwire merge`): "
        "its mentions across reports, outlet count and the fields reports disagree on.",
    )

    @model_serializer(mode="wrap")
    def _without_empty_merged(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Before any merge the answer is exactly what it was: no `merged` key."""
        data: dict[str, Any] = handler(self)
        if data.get("merged") is None:
            data.pop("merged", None)
        return data


class CodeRequest(BaseModel):
    """Body of POST /api/code."""

    text: str = Field(description="The report to code.")
    published: date | None = Field(None, description="Publication date (YYYY-MM-DD).")


def find_event(store: Store, event_id: str) -> EventAnswer:
    ev = read.event(store, event_id)
    if ev is None:
        raise NotFoundError(f"no event with id {event_id!r}")
    return EventAnswer(event=ev, merged=merged_of(store, event_id))


def find_article(store: Store, article_id: str) -> ArticleDetail:
    found = read.article(store, article_id)
    if found is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    return found


def code_report(body: CodeRequest) -> ArticleDetail:
    """Code a text without storing it; answers like an article with its events."""
    from eventwire.coding import code_text

    text = check_text(body.text.strip())
    if not text:
        raise EmptyInputError("text: empty; paste a news report")
    coded = code_text(text, published=body.published)
    a = coded.article
    summary = ArticleSummary(
        id=a.id,
        input=a.input,
        source=a.source,
        url=a.url,
        title=a.title,
        published=a.published,
        n_sentences=len(coded.sentences),
        n_events=len(coded.events),
    )
    return ArticleDetail(
        article=summary,
        text=a.text,
        sentences=coded.sentences,
        events=[event_out(e) for e in coded.events],
    )


@router.get("/events")
def events_json(store: StoreDep, f: FilterDep, page: PagingDep) -> read.EventPage:
    """Events matching the filters, one page at a time."""
    return read.events(store, f, limit=page.limit, offset=page.offset)


@router.get("/events/{event_id}")
def event_json(store: StoreDep, event_id: str) -> EventAnswer:
    """One event record."""
    return find_event(store, event_id)


@router.get("/articles")
def articles_json(store: StoreDep, page: PagingDep) -> read.ArticlePage:
    """Stored articles, newest first."""
    return read.articles(store, limit=page.limit, offset=page.offset)


@router.get("/articles/{article_id}")
def article_json(store: StoreDep, article_id: str) -> ArticleDetail:
    """One article with its text, sentences and events."""
    return find_article(store, article_id)


@router.get("/actors")
def actors_json(store: StoreDep, f: FilterDep, limit: EdgeLimit = 100) -> read.Network:
    """Source -> target network of the events matching the filters."""
    return read.actors(store, f, limit=limit)


@router.get("/timeline")
def timeline_json(store: StoreDep, f: FilterDep, bin: TimeBin = "auto") -> read.Timeline:
    """Events per date value, and on a day or week axis."""
    return read.timeline(store, f, bin=bin)


@router.get("/map")
def map_json(store: StoreDep, f: FilterDep) -> MapPoints:
    """Events matching the filters that have coordinates, and how many have none."""
    return read.located(store, f)


@router.get("/failures")
def failures_json(store: StoreDep, page: PagingDep) -> read.FailurePage:
    """Inputs that could not be coded, and why."""
    return read.failures(store, limit=page.limit, offset=page.offset)


@router.get("/stats")
def stats_json(request: Request) -> dict[str, Any]:
    """Row counts, events by type and status, failures by code."""
    from eventwire.store.queries import store_stats

    path = store_path(request)
    open_store(path).close()  # the same clear error as every other endpoint when missing
    return {"ok": True, **store_stats(path)}


@router.post("/code")
async def code_json(body: CodeRequest) -> ArticleDetail:
    """Code a posted text ({"text", "published"?}); nothing is stored.

    Answered within the time budget (`api.limits.CODE_SECONDS`) or refused with 503 (EW724).
    """
    from eventwire.api.limits import within_budget

    return await within_budget(code_report, body)

"""The web pages: each renders the object its JSON twin returns (`?format=json` or /api/...)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from eventwire.api.deps import EdgeLimit, FilterDep, PagingDep, StoreDep, TimeBin
from eventwire.api.errors import BadInputError, status_of
from eventwire.api.graph import goldstein_colour, graph_view
from eventwire.api.highlight import by_sentence, segments
from eventwire.api.mapview import map_view
from eventwire.api.rest import CodeRequest, code_report, find_article, find_event
from eventwire.api.timechart import QUAD_COLOURS, QUAD_NAMES, time_chart
from eventwire.errors import EventwireError
from eventwire.store import read
from eventwire.store.export import EventOut

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(include_in_schema=False)


def who(ev: EventOut, role: str) -> str:
    """Participants of one role, by resolved name where there is one, with their country."""
    names = []
    for p in ev.participants:
        if p.role == role:
            label = p.actor.name if p.actor and not p.actor.id.startswith("unresolved") else p.text
            names.append(label + (f" ({p.actor.country})" if p.actor and p.actor.country else ""))
    return "; ".join(names)


def query_string(params: dict[str, str], **changes: object) -> str:
    """The current query string with some parameters changed (None drops one)."""
    merged = {**params, **{k: str(v) for k, v in changes.items() if v is not None}}
    for k, v in changes.items():
        if v is None:
            merged.pop(k, None)
    return ("?" + urlencode(merged)) if merged else ""


def filterable(value: str) -> bool:
    """Whether a coded date value can be used as a date filter (YYYY, YYYY-MM, YYYY-MM-DD)."""
    return re.match(read.ISO_PREFIX, value) is not None


templates.env.globals.update(who=who, query_string=query_string, filterable=filterable)


def render(request: Request, name: str, model: BaseModel, twin: str, **context: Any) -> Response:
    """The page, or with `?format=json` its JSON twin: the same object either way."""
    if request.query_params.get("format") == "json":
        return JSONResponse(model.model_dump(mode="json"))
    params = {k: v for k, v in request.query_params.items() if k != "format"}
    twin_url = twin + query_string(params)
    return templates.TemplateResponse(
        request, name, {"page": model, "twin": twin_url, "params": params, **context}
    )


@router.get("/")
def events_page(request: Request, store: StoreDep, f: FilterDep, page: PagingDep) -> Response:
    result = read.events(store, f, limit=page.limit, offset=page.offset)
    return render(
        request, "events.html", result, "/api/events", facets=read.facets(store), filters=f.active()
    )


@router.get("/events/{event_id}")
def event_page(request: Request, store: StoreDep, event_id: str) -> Response:
    answer = find_event(store, event_id)
    ev = answer.event
    sent = read.sentence(store, ev.article_id, ev.sentence)
    segs = segments(sent.text, [ev], offset=sent.start) if sent else []
    return render(
        request,
        "event.html",
        answer,
        f"/api/events/{event_id}",
        ev=ev,
        segments=segs,
        answer_merged=answer.merged,
    )


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, page: PagingDep) -> Response:
    result = read.articles(store, limit=page.limit, offset=page.offset)
    return render(request, "articles.html", result, "/api/articles")


@router.get("/articles/{article_id}")
def article_page(request: Request, store: StoreDep, article_id: str) -> Response:
    detail = find_article(store, article_id)
    return render(
        request,
        "article.html",
        detail,
        f"/api/articles/{article_id}",
        blocks=by_sentence(detail.text, detail.sentences, detail.events),
    )


@router.get("/actors")
def actors_page(
    request: Request, store: StoreDep, f: FilterDep, limit: EdgeLimit = 100
) -> Response:
    network = read.actors(store, f, limit=limit)
    return render(
        request,
        "actors.html",
        network,
        "/api/actors",
        filters=f.active(),
        facets=read.facets(store),
        nodes={n.key: n for n in network.nodes},
        graph=graph_view(network),
        colour=goldstein_colour,
    )


@router.get("/timeline")
def timeline_page(
    request: Request, store: StoreDep, f: FilterDep, bin: TimeBin = "auto"
) -> Response:
    result = read.timeline(store, f, bin=bin)
    peak = max((p.count for p in result.points), default=1)
    quads = read.type_quads(store)
    return render(
        request,
        "timeline.html",
        result,
        "/api/timeline",
        peak=peak,
        quads=quads,
        chart=time_chart(result.axis, request.query_params.get("by", "quad"), f.active())
        if result.axis
        else None,
        facets=read.facets(store),
        filters=f.active(),
    )


@router.get("/map")
def map_page(request: Request, store: StoreDep, f: FilterDep) -> Response:
    found = read.located(store, f)
    return render(
        request,
        "map.html",
        found,
        "/api/map",
        view=map_view(found, f.active()),
        facets=read.facets(store),
        filters=f.active(),
        quad_names=QUAD_NAMES,
        quad_colours=QUAD_COLOURS,
    )


@router.get("/failures")
def failures_page(request: Request, store: StoreDep, page: PagingDep) -> Response:
    result = read.failures(store, limit=page.limit, offset=page.offset)
    return render(request, "failures.html", result, "/api/failures")


@router.get("/code")
def code_form(request: Request) -> Response:
    return templates.TemplateResponse(request, "code.html", {"twin": "/api/code", "form": {}})


def _form_request(form: dict[str, str]) -> CodeRequest:
    """The posted form as a code request, or a BadInputError naming the bad field."""
    published = form.get("published") or None
    try:
        day = date.fromisoformat(published) if published else None
    except ValueError:
        raise BadInputError(f"published: {published!r} is not a date (YYYY-MM-DD)") from None
    return CodeRequest(text=form.get("text", ""), published=day)


@router.post("/code")
async def code_page(request: Request) -> Response:
    """Code pasted text and show it like a stored article; errors are shown beside the form."""
    from eventwire.api.limits import within_budget

    # Url-encoded form parsed here, so no python-multipart dependency is needed.
    raw = (await request.body()).decode("utf-8", "replace")
    form = {k: v[0] for k, v in parse_qs(raw).items()}
    ctx: dict[str, Any] = {"twin": "/api/code", "form": form}
    try:
        detail = await within_budget(code_report, _form_request(form))
    except EventwireError as exc:
        ctx.update(error=str(exc), code=exc.code)
        return templates.TemplateResponse(request, "code.html", ctx, status_code=status_of(exc))
    ctx.update(page=detail, blocks=by_sentence(detail.text, detail.sentences, detail.events))
    return templates.TemplateResponse(request, "code.html", ctx)

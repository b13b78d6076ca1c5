"""Negotiations over the web: `/api/negotiations[/{id}]` and their pages (issue 17).

The page and its JSON twin render the same object, built from the store's digests.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel

from eventwire.api.deps import StoreDep
from eventwire.api.errors import ERROR_RESPONSES, NotFoundError
from eventwire.negotiations.model import Negotiation
from eventwire.negotiations.render import timeline_entries
from eventwire.negotiations.store import load_or_build
from eventwire.store.duck import Store

api = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)
pages = APIRouter(include_in_schema=False)


class NegotiationList(BaseModel):
    ok: bool = True
    total: int
    negotiations: list[Negotiation]


class NegotiationAnswer(BaseModel):
    ok: bool = True
    negotiation: Negotiation


def list_negotiations(store: Store) -> NegotiationList:
    negs = load_or_build(store)
    return NegotiationList(total=len(negs), negotiations=negs)


def find_negotiation(store: Store, negotiation_id: str) -> NegotiationAnswer:
    hit = next((n for n in load_or_build(store) if n.id == negotiation_id), None)
    if hit is None:
        raise NotFoundError(f"no negotiation with id {negotiation_id!r}")
    return NegotiationAnswer(negotiation=hit)


@api.get("/negotiations")
def negotiations_json(store: StoreDep) -> NegotiationList:
    """Negotiations across the stored reports (the shape of `eventwire negotiations --format json`)."""
    return list_negotiations(store)


@api.get("/negotiations/{negotiation_id}")
def negotiation_json(store: StoreDep, negotiation_id: str) -> NegotiationAnswer:
    """One negotiation: parties, mediators, rounds, proposals and fates, positions, status."""
    return find_negotiation(store, negotiation_id)


@pages.get("/negotiations")
def negotiations_page(request: Request, store: StoreDep) -> Response:
    from eventwire.api.pages import render

    return render(request, "negotiations.html", list_negotiations(store), "/api/negotiations")


@pages.get("/negotiations/{negotiation_id}")
def negotiation_page(request: Request, store: StoreDep, negotiation_id: str) -> Response:
    from eventwire.api.pages import render

    answer = find_negotiation(store, negotiation_id)
    n = answer.negotiation
    by_party = {a.id: [p for p in n.positions if p.actor.id == a.id] for a in n.parties}
    return render(
        request,
        "negotiation.html",
        answer,
        f"/api/negotiations/{negotiation_id}",
        n=n,
        entries=timeline_entries(n),
        by_party=by_party,
    )

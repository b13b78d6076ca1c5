"""`/api/negotiations`, `/api/negotiations/{id}` and their pages, with FastAPI's TestClient."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from eventwire.store.duck import Store
from tests.negotiations.handmade import write
from tests.negotiations.test_negotiations_build import EXPIRED, EXTENDED, SIGNED


@pytest.fixture
def client(tmp_path: Path) -> Any:
    from eventwire.api.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    db = tmp_path / "n.duckdb"
    with write(Store(db), [SIGNED, EXTENDED, EXPIRED]):
        pass
    return TestClient(create_app(db))


def test_api_negotiations_lists_the_store_negotiations(client):
    body = client.get("/api/negotiations").json()
    assert body["ok"] is True and body["total"] == 1
    neg = body["negotiations"][0]
    assert neg["status"]["value"] == "collapsed"
    assert {p["id"] for p in neg["parties"]} == {"ATL:MIL", "fcf"}


def test_api_negotiation_by_id_and_unknown_id(client):
    nid = client.get("/api/negotiations").json()["negotiations"][0]["id"]
    one = client.get(f"/api/negotiations/{nid}").json()
    assert one["ok"] is True and one["negotiation"]["id"] == nid
    resp = client.get("/api/negotiations/nope")
    assert resp.status_code == 404 and resp.json()["code"] == "EW702"


def test_api_negotiations_are_in_the_openapi_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/negotiations" in paths and "/api/negotiations/{negotiation_id}" in paths


def test_pages_negotiation_shows_timeline_and_links_evidence_to_articles(client):
    nid = client.get("/api/negotiations").json()["negotiations"][0]["id"]
    html = client.get(f"/negotiations/{nid}").text
    assert "the Free Coast Front" in html and "Syldavian mediators" in html
    assert 'href="/articles/a1#s0"' in html
    timeline = html[html.index('class="neg-timeline"') :]
    assert timeline.index("2030-05-03") < timeline.index("2030-09-01")
    assert (
        client.get(f"/negotiations/{nid}?format=json").json()
        == client.get(f"/api/negotiations/{nid}").json()
    )


def test_pages_events_and_actors_link_to_negotiations(client):
    for page in ("/", "/actors"):
        assert 'href="/negotiations"' in client.get(page).text
    listing = client.get("/negotiations").text
    nid = client.get("/api/negotiations").json()["negotiations"][0]["id"]
    assert f'href="/negotiations/{nid}"' in listing

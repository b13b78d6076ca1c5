"""POSTs compute: an optional token guards them, and each client is rate-limited."""

from __future__ import annotations

import warnings

import pytest

from eventwire.api.app import create_app


def _client(path, **options):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(create_app(path, **options))


def test_guard_post_without_the_token_is_401(store_path):
    client = _client(store_path, token="s3cret")
    resp = client.post("/api/code", json={"text": "   "})
    assert resp.status_code == 401 and resp.json()["code"] == "EW722"
    assert resp.headers["www-authenticate"] == "Bearer"


def test_guard_post_with_the_token_passes(store_path):
    client = _client(store_path, token="s3cret")
    resp = client.post(
        "/api/code", json={"text": "   "}, headers={"Authorization": "Bearer s3cret"}
    )
    assert resp.status_code == 400 and resp.json()["code"] == "EW102"  # reached the endpoint


def test_guard_token_from_the_environment(store_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_TOKEN", "from-env")
    client = _client(store_path)
    assert client.post("/api/code", json={"text": "x"}).status_code == 401
    assert client.get("/api/events").status_code == 200  # reading is never guarded


@pytest.mark.parametrize("limit", [1, 3])
def test_guard_more_posts_than_the_limit_is_429(store_path, monkeypatch, limit):
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    client = _client(store_path, per_minute=limit)
    codes = [client.post("/api/code", json={"text": " "}).status_code for _ in range(limit + 1)]
    assert codes == [400] * limit + [429]
    last = client.post("/api/code", json={"text": " "})
    assert last.json()["code"] == "EW723" and int(last.headers["retry-after"]) >= 1

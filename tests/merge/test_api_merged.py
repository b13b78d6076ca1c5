"""A meeting reported by two outlets, ingested, merged and served: one event, two outlets."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from eventwire.coding import ingest_paths
from eventwire.store.duck import Store

REPORTS = {
    "first.txt": ("Daily Ledger", "Qatari mediators met Hamas negotiators in Doha on Tuesday."),
    "second.txt": ("Evening Wire", "Qatari mediators met Hamas officials in Doha on Tuesday."),
}


@pytest.fixture
def served(tmp_path: Path) -> tuple[Any, str]:
    for name, (outlet, text) in REPORTS.items():
        (tmp_path / name).write_text(
            f"---\nsource: {outlet}\npublished: 2024-03-06\n---\n{text}\n", encoding="utf-8"
        )
    db = tmp_path / "s.duckdb"
    ingest_paths([tmp_path / n for n in REPORTS], db=db)  # merges the new articles too
    with Store(db) as store:
        eid = store.con.execute(
            "SELECT id FROM events WHERE plover_type = 'CONSULT' ORDER BY id LIMIT 1"
        ).fetchone()
    assert eid is not None, "the coder found no meeting"
    from eventwire.api.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(create_app(db)), str(eid[0])


def test_api_event_carries_its_merged_event(served: tuple[Any, str]) -> None:
    client, eid = served
    body = client.get(f"/api/events/{eid}").json()
    merged = body["merged"]
    assert merged["n_outlets"] == 2
    assert {m["outlet"] for m in merged["mentions"]} == {"Daily Ledger", "Evening Wire"}
    assert merged["n_mentions"] == 2


def test_event_page_says_how_many_outlets_reported_it(served: tuple[Any, str]) -> None:
    client, eid = served
    page = client.get(f"/events/{eid}").text
    assert "Reported by 2 outlets" in page
    assert "<mark>met</mark>" in page
    assert page.count("Reported by 2 outlets") == 1  # once, in the page body, not in its <title>
    title = page[page.index("<title>") : page.index("</title>")]
    assert "Reported by" not in title

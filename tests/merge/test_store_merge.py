"""`eventwire merge` on small hand-made stores: one meeting reported by several outlets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.merge.store import merge_db
from eventwire.merge.views import merged_event, merged_events
from eventwire.store.duck import Store

Adder = Callable[..., Any]
Groups = Callable[[Path], list[list[str]]]


@pytest.fixture
def db(tmp_path: Path, add: Adder) -> Path:
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        add(store, "e1", "a1", "Outlet One")
        add(store, "e2", "a2", "Outlet Two", trigger_text="talks", date_value="2024-W10")
        add(store, "e3", "a3", "Outlet Three", date_value="2024-03-06")
        # the same kind of meeting a month later: another event
        add(store, "e4", "a4", "Outlet One", date_value="2024-04-09", published="2024-04-09")
    return path


def test_one_meeting_across_outlets_is_one_event_and_a_later_one_is_another(
    db: Path, groups: Groups
) -> None:
    merge_db(db)
    assert groups(db) == [["e1", "e2", "e3"], ["e4"]]
    with Store(db) as store:
        top = merged_events(store)[0]
    assert top["n_outlets"] == 3
    assert top["first_report"] == "2024-03-05"


def test_a_disagreement_on_the_date_keeps_every_variant(db: Path) -> None:
    merge_db(db)
    with Store(db) as store:
        top = merged_event(store, merged_events(store)[0]["id"])
    assert top is not None
    dates = {v["value"]: v["mentions"] for v in top["disagreements"]["date"]}
    assert dates == {"2024-03-05": ["e1"], "2024-W10": ["e2"], "2024-03-06": ["e3"]}
    assert len(top["mentions"]) == 3


def test_merging_twice_gives_the_same_rows(db: Path) -> None:
    merge_db(db)
    with Store(db) as store:
        first = merged_events(store)
    merge_db(db)
    with Store(db) as store:
        assert merged_events(store) == first


def test_a_new_article_joins_its_event_incrementally(db: Path, add: Adder, groups: Groups) -> None:
    merge_db(db)
    with Store(db) as store:
        add(store, "e5", "a5", "Outlet Four", date_value="2024-03-05")
        add(
            store,
            "e6",
            "a6",
            "Outlet Four",
            plover_type="ASSAULT",
            cameo="190",
            trigger_text="shelled",
            actors=(("source", "RUS"), ("target", "UKR")),
        )
    merge_db(db, ["a5", "a6"])
    assert groups(db) == [["e1", "e2", "e3", "e5"], ["e4"], ["e6"]]
    merge_db(db, ["a5", "a6"])  # again: nothing changes
    assert groups(db) == [["e1", "e2", "e3", "e5"], ["e4"], ["e6"]]

"""Incremental merge (as `eventwire ingest` runs it): only what the new articles can touch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.merge.store import merge_db
from eventwire.store.duck import Store

Adder = Callable[..., Any]
Groups = Callable[[Path], list[list[str]]]


def snapshot(path: Path) -> list[tuple[Any, ...]]:
    with Store(path) as store:
        return store.con.execute(
            "SELECT m.event_id, m.merged_id, e.n_mentions, e.n_outlets, e.date_value "
            "FROM merged_mentions m JOIN merged_events e ON e.id = m.merged_id ORDER BY 1"
        ).fetchall()


@pytest.fixture
def db(tmp_path: Path, add: Adder) -> Path:
    """One Cairo meeting (three reports), and twenty other meetings of the same days."""
    path = tmp_path / "inc.duckdb"
    with Store(path) as store:
        add(store, "m1", "a1", "Outlet One", date_value="2024-03-05")
        add(store, "m2", "a2", "Outlet Two", date_value="2024-03-05")
        add(store, "m3", "a3", "Outlet Three", date_value="2024-03-05", location_name="Giza")
        for n in range(20):
            add(
                store,
                f"x{n:02d}",
                f"b{n:02d}",
                "Outlet Four",
                date_value=f"2024-03-{8 + n % 5:02d}",
                actors=(("source", f"S{n}"), ("target", f"T{n}")),
                sentence_text=f"Delegations of S{n} and T{n} held talks in Town {n}.",
                trigger_text="talks",
                location_name=f"Town {n}",
                lat=None,
                lon=None,
            )
    merge_db(path)
    return path


def test_a_new_report_reads_only_the_events_it_may_join(
    db: Path, add: Adder, groups: Groups
) -> None:
    with Store(db) as store:
        add(store, "m4", "a4", "Outlet Five", date_value="2024-03-06")
    summary = merge_db(db, ["a4"])
    assert summary.new_mentions == 1
    assert summary.mentions == 4  # the new one and the meeting's three, not the other twenty
    assert ["m1", "m2", "m3", "m4"] in groups(db)


def test_a_whole_merged_event_is_read_when_one_of_its_mentions_is_a_candidate(
    db: Path, add: Adder
) -> None:
    # shares only the place with m3 (other actors): m1 and m2 come along as m3's event
    with Store(db) as store:
        add(
            store,
            "m5",
            "a5",
            "Outlet Five",
            location_name="Giza",
            actors=(("source", "UN"),),
        )
    assert merge_db(db, ["a5"]).mentions == 4


def test_ingesting_the_same_articles_again_changes_nothing(db: Path, add: Adder) -> None:
    with Store(db) as store:
        add(store, "m4", "a4", "Outlet Five", date_value="2024-03-06")
        add(store, "y1", "a6", "Outlet Six", date_value="2022-06-01", actors=(("source", "X"),))
    merge_db(db, ["a4", "a6"])
    first = snapshot(db)
    merge_db(db, ["a4", "a6"])
    assert snapshot(db) == first
    merge_db(db, ["a1"])  # an article merged in the full run, given again
    assert snapshot(db) == first


def test_a_full_merge_after_incremental_ones_is_the_same_as_a_fresh_one(
    db: Path, add: Adder
) -> None:
    with Store(db) as store:
        add(store, "m4", "a4", "Outlet Five", date_value="2024-03-06")
    merge_db(db, ["a4"])
    merge_db(db)
    once = snapshot(db)
    merge_db(db)
    assert snapshot(db) == once


def test_a_store_merged_before_block_keys_were_kept_still_merges_new_reports(
    db: Path, add: Adder, groups: Groups
) -> None:
    with Store(db) as store:
        store.con.execute("DELETE FROM merge_keys")
        add(store, "m4", "a4", "Outlet Five", date_value="2024-03-06")
    assert merge_db(db, ["a4"]).mentions == 4
    assert ["m1", "m2", "m3", "m4"] in groups(db)


def test_a_recoded_article_leaves_no_keys_of_its_old_events(
    db: Path, add: Adder, groups: Groups
) -> None:
    with Store(db) as store:
        store.con.execute("DELETE FROM participants WHERE event_id = 'm3'")
        store.con.execute("DELETE FROM events WHERE id = 'm3'")
        add(store, "m3b", "a3", "Outlet Three", date_value="2024-03-05")
    merge_db(db, ["a3"])
    with Store(db) as store:
        keyed = {r[0] for r in store.con.execute("SELECT event_id FROM merge_keys").fetchall()}
    assert "m3" not in keyed and "m3b" in keyed
    assert ["m1", "m2", "m3b"] in groups(db)

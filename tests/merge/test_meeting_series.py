"""A series of reports on one negotiation: each meeting is one merged event with all its mentions.

The reports name a meeting in different words ("met", "talks", "held talks", "the meeting"),
date it at different granularities (a day, the week, only the report's own date), and cast its
parties in other roles and at other levels (spy services, a named person, a state).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.merge.store import merge_db
from eventwire.store.duck import Store

Adder = Callable[..., Any]
Groups = Callable[[Path], list[list[str]]]
PARIS = {"location_name": "Paris", "lat": 48.86, "lon": 2.35}
CAIRO = {"location_name": "Cairo", "lat": 30.04, "lon": 31.24}
NOWHERE = {"location_name": None, "lat": None, "lon": None}


def test_a_meeting_named_dated_and_cast_differently_is_one_event(
    tmp_path: Path, add: Adder, groups: Groups
) -> None:
    db = tmp_path / "series.duckdb"
    day = {"published": "2024-01-28", "date_value": "2024-01-28", "date_source": "text"}
    with Store(db) as store:
        # report 1: the lead sentence has two triggers for the meeting, a later one a third
        add(
            store,
            "r1-met",
            "r1",
            "Wire A",
            trigger_text="met",
            **day,
            **PARIS,
            actors=(
                ("source", "USA:SPY", "USA"),
                ("target", "QAT:GOV", "QAT"),
                ("target", "EGY:GOV", "EGY"),
                ("venue", "paris"),
            ),
        )
        add(store, "r1-talks", "r1", "Wire A", trigger_text="talks", **day, **NOWHERE, actors=())
        add(
            store,
            "r1-meeting",
            "r1",
            "Wire A",
            trigger_text="meeting",
            sentence=4,
            published="2024-01-28",
            date_value="2024-W04",
            date_source="text",
            **NOWHERE,
            actors=(),
        )
        # report 2, a day later, has no date for it but its own, and names the people
        add(
            store,
            "r2-held",
            "r2",
            "Wire B",
            trigger_text="held the talks",
            published="2024-01-29",
            date_value="2024-01-29",
            date_source="publication",
            cameo="046",
            **NOWHERE,
            actors=(("source", "spy-chief", "USA"), ("target", "prime-minister", "QAT")),
        )
        # the next round, two weeks later in Cairo, with the same mediators: another event
        add(
            store,
            "r3-cairo",
            "r3",
            "Wire C",
            trigger_text="talks",
            published="2024-02-13",
            date_value="2024-02-13",
            date_source="text",
            **CAIRO,
            actors=(("source", "EGY:GOV", "EGY"), ("target", "QAT:GOV", "QAT")),
        )
    merge_db(db)
    assert groups(db) == [["r1-meeting", "r1-met", "r1-talks", "r2-held"], ["r3-cairo"]]


def test_a_round_of_talks_ongoing_since_sunday_is_one_event_with_its_third_day(
    tmp_path: Path, add: Adder, groups: Groups
) -> None:
    # one report: talks "went into a third day on Tuesday" in Cairo, and a delegation "has been
    # meeting the mediators since Sunday" (dated Sunday, ongoing); the next round, a week on, stays apart
    db = tmp_path / "round.duckdb"
    with Store(db) as store:
        add(
            store,
            "t-third-day",
            "t",
            "Wire C",
            trigger_text="Talks",
            sentence_text="Talks in Cairo on a truce went into a third day on Tuesday.",
            date_value="2024-03-05",
            date_source="text",
            published="2024-03-05",
            **CAIRO,
            actors=(),
        )
        add(
            store,
            "t-since-sunday",
            "t",
            "Wire C",
            trigger_text="meeting",
            sentence=1,
            sentence_text="A delegation has been meeting the mediators since Sunday.",
            date_value="2024-03-03",
            date_source="text",
            status="ongoing",
            published="2024-03-05",
            **NOWHERE,
            actors=(("source", "hamas"), ("target", "EGY:GOV", "EGY")),
        )
        add(
            store,
            "u-next-round",
            "u",
            "Wire D",
            trigger_text="met",
            sentence_text="The mediators met in Cairo again on Tuesday.",
            date_value="2024-03-12",
            date_source="text",
            published="2024-03-12",
            **CAIRO,
            actors=(("source", "EGY:GOV", "EGY"),),
        )
    merge_db(db)
    assert groups(db) == [["t-since-sunday", "t-third-day"], ["u-next-round"]]

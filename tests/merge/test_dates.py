"""Stored date values as day intervals."""

from __future__ import annotations

from datetime import date

from eventwire.merge.dates import interval, mention_interval


def test_granularities_become_intervals() -> None:
    assert interval("2024-02-23") == (date(2024, 2, 23), date(2024, 2, 23))
    assert interval("2024-W04") == (date(2024, 1, 22), date(2024, 1, 28))
    assert interval("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert interval("someday") is None


def test_a_date_taken_from_the_report_reaches_back_before_it() -> None:
    # only the publication date: the event happened that day or in the days before
    start, end = mention_interval("2024-01-29", "publication") or (None, None)
    assert end == date(2024, 1, 29)
    assert start is not None and start < date(2024, 1, 28)
    assert mention_interval("2024-01-29", "text") == (date(2024, 1, 29), date(2024, 1, 29))


def test_an_ongoing_event_lasts_from_its_date_until_its_report() -> None:
    # "has been meeting since Sunday", reported on Tuesday: Sunday to Tuesday
    sunday, tuesday = date(2024, 3, 3), date(2024, 3, 5)
    assert mention_interval("2024-03-03", "text", "ongoing", "2024-03-05") == (sunday, tuesday)
    assert mention_interval("2024-03-03", "text", "occurred", "2024-03-05") == (sunday, sunday)
    # a report far later than the date does not stretch it over months
    assert mention_interval("2024-01-03", "text", "ongoing", "2024-03-05") == (
        date(2024, 1, 3),
        date(2024, 1, 3),
    )

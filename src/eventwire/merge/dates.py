"""Stored date values (TIMEX-like: `2024-02-23`, `2024-W07`, `2024-02`, `2024`) as day intervals."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


REPORT_LAG_DAYS = 6  # an event dated only by its report happened that day or in the days before
ONGOING_MAX_DAYS = 31  # an ongoing event reaches its report's day when that is at most this late


def mention_interval(
    value: str | None,
    source: str | None = None,
    status: str | None = None,
    published: str | date | None = None,
) -> tuple[date, date] | None:
    """The interval of a stored event date, widened back when it is only the report's date.

    A date the coder fell back to (`date_source` "publication") says when the report appeared,
    not when the event happened: a meeting reported on Sunday may have been on Friday. An
    ongoing event's date is when it began ("has been meeting since Sunday"): it lasts at least
    until the report, so it meets the reports dating the same round by a later day.
    """
    span = interval(value)
    if span is None:
        return None
    if source == "publication":
        return span[0] - timedelta(days=REPORT_LAG_DAYS), span[1]
    if status == "ongoing" and published:
        until = published if isinstance(published, date) else _day(str(published))
        if until is not None and span[1] < until <= span[1] + timedelta(days=ONGOING_MAX_DAYS):
            return span[0], until
    return span


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def interval(value: str | None) -> tuple[date, date] | None:
    """First and last day the value covers, or None when it is no calendar date."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _WEEK.match(value):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6)
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None

"""Dates: temporal expressions (TimeML TIMEX3) and the date each event happened on (issue 6)."""

from __future__ import annotations

from eventwire.dates.attach import attach_dates
from eventwire.dates.find import find_timexes
from eventwire.dates.resolve import resolve_phrase

__all__ = ["attach_dates", "find_timexes", "resolve_phrase"]

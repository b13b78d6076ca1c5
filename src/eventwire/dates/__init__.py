"""Dates: temporal expressions and event dates. (placeholder until issue 6 lands)"""

from __future__ import annotations

from eventwire.model import Event, Timex
from eventwire.nlp.parse import Parsed


def find_timexes(parsed: Parsed) -> list[Timex]:
    return []


def attach_dates(
    parsed: Parsed, events: list[Event], timexes: list[Timex], *, use_publication: bool = True
) -> list[Event]:
    return events

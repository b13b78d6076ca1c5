"""Events on a real time axis: counts per day or ISO week, by type, quad class and status.

Only dates known to the day (or, on a weekly axis, to the week) can be placed; the rest
(a month, a season, an unresolved "soon") are counted as unplaced rather than pinned to an
arbitrary day, so the chart never suggests a precision the text did not give.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel, Field

# Statuses that say the event did not (yet) happen as a fact: drawn hatched.
UNREALISED = frozenset({"planned", "expected", "threatened", "conditional", "hypothetical"})
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
AUTO_WEEKS_AFTER_DAYS = 92


class AxisCell(BaseModel):
    start: str = Field(description="First day of the bin (YYYY-MM-DD).")
    type: str
    quad: int
    status: str
    count: int


class TimeAxis(BaseModel):
    bin: str = Field(description="day or week.")
    first: str | None = Field(None, description="First day of the first bin.")
    last: str | None = Field(None, description="Last day of the last bin.")
    cells: list[AxisCell]
    unplaced: int = Field(0, description="Events dated less precisely than a bin, or undated.")


def place(value: str, granularity: str, bin_: str) -> date | None:
    """The first day of the bin an event date falls in, or None when it cannot be placed."""
    day: date | None = None
    if granularity == "day":
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return None
    elif granularity == "week" and bin_ == "week":
        m = WEEK.match(value)
        if m and 1 <= int(m[2]) <= 53:
            try:
                day = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            except ValueError:
                return None
    if day is None:
        return None
    return day - timedelta(days=day.weekday()) if bin_ == "week" else day


def choose_bin(days: list[date]) -> str:
    """Daily bars for a short span, weekly beyond about three months."""
    if days and (max(days) - min(days)).days > AUTO_WEEKS_AFTER_DAYS:
        return "week"
    return "day"


def time_axis(rows: list[tuple[Any, ...]], bin_: str = "auto") -> TimeAxis:
    """Bin rows of (date_value, granularity, type, quad, status, count) onto a time axis."""
    if bin_ not in ("day", "week"):
        days = [d for r in rows if (d := place(r[0] or "", r[1] or "", "day"))]
        bin_ = choose_bin(days)
    cells: Counter[tuple[date, str, int, str]] = Counter()
    unplaced = 0
    for value, gran, ptype, quad, status, n in rows:
        start = place(value or "", gran or "", bin_)
        if start is None:
            unplaced += n
        else:
            cells[(start, ptype, int(quad or 0), status)] += n
    starts = sorted({k[0] for k in cells})
    width = 7 if bin_ == "week" else 1
    return TimeAxis(
        bin=bin_,
        first=starts[0].isoformat() if starts else None,
        last=(starts[-1] + timedelta(days=width - 1)).isoformat() if starts else None,
        cells=[
            AxisCell(start=k[0].isoformat(), type=k[1], quad=k[2], status=k[3], count=n)
            for k, n in sorted(cells.items())
        ],
        unplaced=unplaced,
    )

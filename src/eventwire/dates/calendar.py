"""Calendar arithmetic and TIMEX3 value formatting (2024-02-23, 2024-W07, 2024-Q1, 2023-WI)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

Direction = Literal["past", "future", "nearest"]
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(d: date) -> str:
    """2024-02-23."""
    return d.isoformat()


def week_value(d: date) -> str:
    """ISO week of a day: 2024-W08."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    """2024-02."""
    return f"{year:04d}-{month:02d}"


def quarter_of(d: date) -> int:
    """1..4."""
    return (d.month - 1) // 3 + 1


def shift(d: date, n: int, unit: str) -> date:
    """Move a day by n units (D, W, M, Q, Y, E, C)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}.get(unit, 0)
    moved: date = d + relativedelta(months=n * months)
    return moved


def unit_value(d: date, unit: str) -> tuple[str, str]:
    """(value, granularity) of the calendar unit containing d."""
    if unit == "D":
        return day_value(d), "day"
    if unit == "W":
        return week_value(d), "week"
    if unit == "M":
        return month_value(d.year, d.month), "month"
    if unit == "Q":
        return f"{d.year}-Q{quarter_of(d)}", "quarter"
    if unit == "E":
        return f"{d.year // 10:03d}", "decade"
    if unit == "C":
        return f"{d.year // 100:02d}", "range"
    return f"{d.year:04d}", "year"


def _season_spans(anchor: date, code: str) -> list[tuple[date, date]]:
    """(start, end) of a season in the years around the anchor; winter starts in December."""
    spans = []
    for year in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1):
        start = date(year, SEASON_START[code], 1)
        spans.append((start, start + relativedelta(months=3)))
    return spans


def season_year(anchor: date, code: str, rel: int) -> int:
    """Year of a season seen from the anchor: rel -1 the last one over, +1 the next to come,
    0 the one under way, else the one of the anchor's year."""
    spans = _season_spans(anchor, code)
    current = next((s for s, e in spans if s <= anchor < e), None)
    if rel < 0:
        return max(s for s, e in spans if e <= anchor).year
    if rel > 0:
        return min(s for s, e in spans if s > anchor).year
    if current is not None:
        return current.year
    return anchor.year - 1 if code == "WI" and anchor.month < 3 else anchor.year


def closest_weekday(anchor: date, weekday: int, direction: Direction) -> date:
    """The anchor itself if it is that weekday, else the previous or next one."""
    diff = (weekday - anchor.weekday()) % 7
    if diff == 0:
        return anchor
    if direction == "future":
        return anchor + timedelta(days=diff)
    if direction == "nearest" and diff <= 3:
        return anchor + timedelta(days=diff)
    return anchor - timedelta(days=7 - diff)


def strict_weekday(anchor: date, weekday: int, rel: int) -> date:
    """'last Monday' (rel -1) / 'next Monday' (rel +1): never the anchor day itself."""
    diff = (weekday - anchor.weekday()) % 7
    if rel < 0:
        return anchor - timedelta(days=(7 - diff) if diff else 7)
    return anchor + timedelta(days=diff if diff else 7)


def year_for(anchor: date, month: int, day: int, direction: Direction) -> int:
    """The year a month (and day) without a year falls in, seen from the anchor."""
    here = (anchor.month, anchor.day)
    there = (month, day)
    if direction == "past":
        return anchor.year if there <= here else anchor.year - 1
    if direction == "future":
        return anchor.year if there >= here else anchor.year + 1
    # nearest: the occurrence within six months either side (ties go to the past)
    if month > anchor.month:
        return anchor.year if month - anchor.month < 6 else anchor.year - 1
    if month < anchor.month:
        return anchor.year if anchor.month - month <= 6 else anchor.year + 1
    return anchor.year


def holiday_date(year: int, spec: str) -> date:
    """A holiday's day in a year from its lexicon value (MM-DD, EASTER[+-n], THANKSGIVING)."""
    if spec.startswith("EASTER"):
        offset = int(spec[6:] or 0)
        sunday: date = easter(year)
        return sunday + timedelta(days=offset)
    if spec == "THANKSGIVING":
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    month, day = (int(x) for x in spec.split("-"))
    return date(year, month, day)

"""Handlers for calendar expressions: dates, months, years, decades, seasons, quarters, holidays."""

from __future__ import annotations

import re
from datetime import date

from eventwire.dates.calendar import (
    holiday_date,
    month_value,
    season_year,
    week_value,
    year_for,
)
from eventwire.dates.context import Context, Resolution, premod
from eventwire.dates.lexicon import words
from eventwire.dates.patterns import ABBREVIATIONS

Match = re.Match[str]
PAST_RELS = frozenset({"last", "past", "previous", "this past"})
NEXT_RELS = frozenset({"next", "coming", "this coming", "following"})


def rel_sign(rel: str | None) -> int | None:
    """-1 for last/past, +1 for next/coming, 0 for this/current, None when absent."""
    if not rel:
        return None
    key = " ".join(rel.lower().split())
    if key in PAST_RELS:
        return -1
    if key in NEXT_RELS:
        return 1
    return 0


def month_number(text: str) -> int:
    """1..12 from a month word or abbreviation."""
    return int(words("month")[text.lower().rstrip(".")])


def _day_in(year: int, month: int, day: int) -> date | None:
    """A valid date, or None (Feb 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _after(m: Match, group: str) -> int:
    """Offset of the first non-space character after a group (to drop it from the extent)."""
    i = m.end(group)
    while i < len(m.string) and m.string[i].isspace():
        i += 1
    return i


def iso(m: Match, ctx: Context) -> Resolution | None:
    """2024-02-23 written out."""
    y, mo, d = (int(x) for x in m["iso"].split("-"))
    day = _day_in(y, mo, d)
    return Resolution("DATE", day.isoformat(), "day") if day else None


def month_day(m: Match, ctx: Context) -> Resolution | None:
    """'Feb. 23, 2024', '23 February', 'October 7' (year from tense when absent)."""
    month, day = month_number(m["month"]), int(re.sub(r"\D", "", m["day"]))
    if m["year"]:
        year = int(m["year"])
    else:
        anchor = ctx.need()
        year = year_for(anchor, month, day, ctx.direction())
        if m["wd"]:
            year = _year_of_weekday(year, month, day, int(words("weekday")[m["wd"].lower()]))
    found = _day_in(year, month, day)
    if found and m.groupdict().get("weekof"):
        return Resolution("DATE", week_value(found), "week")
    return Resolution("DATE", found.isoformat(), "day") if found else None


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year near `year` in which that date falls on the stated weekday ('Saturday, April 25')."""
    for candidate in (year, year + 1, year - 1):
        found = _day_in(candidate, month, day)
        if found and found.weekday() == weekday:
            return candidate
    return year


def month(m: Match, ctx: Context) -> Resolution | None:
    """'March', 'early February', 'last April', 'June 1989'."""
    mon, mod = month_number(m["month"]), premod(m["mod"])
    if m["month"].lower() in ABBREVIATIONS and not m["year"]:
        return None  # "Jan Kavan": a bare abbreviation without its dot is a name

    if m["year"]:
        return Resolution("DATE", month_value(int(m["year"]), mon), "month", mod)
    anchor = ctx.need()
    sign = rel_sign(m["rel"])
    if sign == -1:
        year = anchor.year if mon < anchor.month else anchor.year - 1
    elif sign == 1:
        year = anchor.year if mon > anchor.month else anchor.year + 1
    elif sign == 0:
        year = anchor.year
    else:
        year = year_for(anchor, mon, anchor.day if mon == anchor.month else 1, ctx.direction())
    return Resolution("DATE", month_value(year, mon), "month", mod)


def year(m: Match, ctx: Context) -> Resolution:
    """'2023', 'late 2023', '1990 and beyond'."""
    mod = "ON_OR_AFTER" if m["beyond"] else premod(m["mod"])
    return Resolution("DATE", m["year"], "year", mod)


def decade(m: Match, ctx: Context) -> Resolution:
    """'the 1990s', "the '90s", 'the nineties' -> 199X."""
    if m["dec"]:
        return Resolution("DATE", m["dec"][:3] + "X", "decade", premod(m["mod"]))
    if m["dec2"]:
        tens = int(m["dec2"])
        century = 19 if ctx.anchor is None or tens > ctx.anchor.year % 100 else 20
        return Resolution("DATE", f"{century}{tens // 10}X", "decade", premod(m["mod"]))
    names = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties"]
    digit = names.index(m["decw"].lower()) + 2 if m["decw"].lower() in names else 9
    return Resolution("DATE", f"19{digit}X", "decade", premod(m["mod"]))


def century(m: Match, ctx: Context) -> Resolution | None:
    """'the 20th century' -> 19."""
    word = m["ord"].lower()
    n = int(re.sub(r"\D", "", word)) if word[0].isdigit() else int(words("ordinal").get(word, 0))
    if not 1 <= n <= 21:
        return None
    return Resolution("DATE", f"{n - 1:02d}", "range", premod(m["mod"]))


def season(m: Match, ctx: Context) -> Resolution | None:
    """'summer', 'the early summer', 'winter 2023'."""
    code = words("season")[m["season"].lower()]
    mod = premod(m["mod"]) or premod(m["mod2"])
    if m["year"]:
        return Resolution("DATE", f"{m['year']}-{code}", "season", mod)
    if m["season"].lower() in ("spring", "fall") and not (m["det"] or mod):
        return None  # the verb / noun readings are far more common
    anchor = ctx.need()
    direction = ctx.direction()
    sign = -1 if direction == "past" else 1 if direction == "future" else 0
    year = season_year(anchor, code, 0 if _is_current(anchor, code) else sign)
    return Resolution("DATE", f"{year}-{code}", "season", mod)


def _is_current(anchor: date, code: str) -> bool:
    """Whether the anchor falls in that season."""
    starts = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}
    lo, hi = starts.get(code, (12, 2))
    return lo <= anchor.month <= hi if lo < hi else anchor.month in (12, 1, 2)


QUARTER_ORD = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
}


def quarter(m: Match, ctx: Context) -> Resolution:
    """'the third quarter', 'fourth-quarter', 'the first half of 2024'."""
    n = QUARTER_ORD[m["qord"].lower()]
    half = m["qunit"].lower() == "half"
    if m["year"] or m["year2"]:
        year_ = int(m["year"] or m["year2"])
    else:
        anchor = ctx.need()
        shift = rel_sign(m["yrel"] or m["yrel2"]) or 0
        rel = (m["rel"] or "").lower()
        if rel in ("year-ago", "year-earlier") or rel_sign(rel) == -1:
            shift = -1
        year_ = anchor.year + shift
    start = _after(m, "det") if m["det"] and "-" in m[0] and not m["rel"] else -1
    if half:
        return Resolution("DATE", f"{year_}-H{min(n, 2)}", "range", start=start)
    return Resolution("DATE", f"{year_}-Q{n}", "quarter", start=start)


def holiday(m: Match, ctx: Context) -> Resolution | None:
    """'Christmas', 'last Thanksgiving', 'Easter'."""
    spec = words("holiday")[" ".join(m["holiday"].lower().split())]
    anchor = ctx.need()
    sign = rel_sign(m["rel"])
    direction = ctx.direction()
    if sign is not None:
        direction = "past" if sign < 0 else "future" if sign > 0 else "nearest"
    candidates = [holiday_date(y, spec) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction == "past":
        pool = (
            [d for d in candidates if d <= anchor]
            if sign is None
            else [d for d in candidates if d < anchor]
        )
        day = max(pool)
    elif direction == "future":
        day = min(d for d in candidates if d >= anchor)
    else:
        day = min(candidates, key=lambda d: abs((d - anchor).days))
    return Resolution("DATE", day.isoformat(), "day")

"""Handlers for expressions read against the publication date: days, weeks, clock times, refs."""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.dates.absolute import _after, rel_sign
from eventwire.dates.calendar import (
    closest_weekday,
    season_year,
    shift,
    strict_weekday,
    unit_value,
    week_value,
)
from eventwire.dates.context import Context, Resolution, premod
from eventwire.dates.durations import unit_code
from eventwire.dates.lexicon import number_value, words

Match = re.Match[str]
DEICTIC = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}
UNIT_CODE = {
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "quarter": "Q",
    "decade": "E",
    "century": "C",
    "weekend": "W",
}


def _deictic_day(anchor: date, word: str) -> date:
    """yesterday/today/tomorrow... as a day."""
    return anchor + timedelta(days=DEICTIC[" ".join(word.lower().split())])


def _part(text: str | None) -> str:
    """MO/AF/EV/NI from a part-of-day word."""
    return words("part_of_day").get((text or "").lower(), "")


def clock(m: Match, ctx: Context) -> Resolution:
    """'10 a.m.', '10:35 a.m. Tuesday', 'noon Saturday', '15:00 GMT'."""
    mod = "APPROX" if m["dmod"] and m["dmod"].lower()[:5] in ("about", "aroun", "appro") else ""
    if m["noon"]:
        hour, minute = (12, 0) if m["noon"].lower() == "noon" else (0, 0)
    elif m["ampm"]:
        hour, minute = int(m["h"]) % 12, int(m["mi"] or 0)
        hour += 12 if m["ampm"].lower().startswith("p") else 0
    else:
        hour, minute = int(m["h24"]), int(m["mi24"])
    if hour > 23:
        hour = 0
    anchor = ctx.need("TIME")
    day = anchor
    if m["wd"]:
        day = closest_weekday(
            anchor, int(words("weekday")[m["wd"].lower()]), ctx.direction(present="future")
        )
    elif m["deictic"]:
        day = _deictic_day(anchor, m["deictic"])
    return Resolution("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", "time", mod)


def deictic(m: Match, ctx: Context) -> Resolution:
    """'yesterday', 'late yesterday', 'tomorrow morning', 'tonight'."""
    day = _deictic_day(ctx.need(), m["deictic"])
    part = _part(m["part"])
    mod = premod(m["mod"])
    if m["mod"] and m["mod"].lower() in ("earlier", "later") and not part:
        return Resolution("DATE", day.isoformat(), "day", start=m.start("deictic"))
    if part:
        return Resolution("TIME", f"{day.isoformat()}T{part}", "time", mod)
    return Resolution("DATE", day.isoformat(), "day", mod)


def part_of_day(m: Match, ctx: Context) -> Resolution:
    """'this morning', 'last night', 'later this afternoon'."""
    anchor = ctx.need("TIME")
    rel = m["rel"].lower()
    day = anchor - timedelta(days=1) if rel in ("last", "yesterday") else anchor
    day = anchor + timedelta(days=1) if rel == "tomorrow" else day
    return Resolution("TIME", f"{day.isoformat()}T{_part(m['part'])}", "time", premod(m["mod"]))


def weekday(m: Match, ctx: Context) -> Resolution:
    """'Friday', 'last Monday', 'next Tuesday', 'Sunday night' (tense-aware)."""
    anchor = ctx.need()
    wd = int(words("weekday")[m["wd"].lower()])
    sign = rel_sign(m["rel"])
    if sign in (-1, 1):
        day = strict_weekday(anchor, wd, sign or 1)
    else:
        # present tense with a weekday is a schedule ("the vote is on Thursday")
        ahead = ctx.tense in ("future", "present")
        day = closest_weekday(anchor, wd, "future" if ahead else "past")
    part = _part(m["part"])
    mod = premod(m["mod"])
    if part:
        return Resolution("DATE", f"{day.isoformat()}T{part}", "time", mod)
    return Resolution("DATE", day.isoformat(), "day", mod)


def ago(m: Match, ctx: Context) -> Resolution:
    """'two days ago', 'a year earlier', 'three weeks later', 'five years from now'."""
    direction = m["dir"].lower()
    back = direction in ("ago", "earlier", "back")
    mod = "APPROX" if m["dmod"] or "or so" in m[0].lower() else ""
    n = number_value(m["num"])
    unit = unit_code(m["unit"])
    if n is None or unit.startswith("T"):
        return Resolution("DATE", "PAST_REF" if back else "FUTURE_REF", "range", mod)
    if direction in ("earlier", "ago") and unit == "Y" and ctx.ref_granularity == "quarter":
        if ctx.ref is not None and n == 1:  # "the third quarter ... a year earlier"
            value, granularity = unit_value(shift(ctx.ref, -1, "Y"), "Q")
            return Resolution("DATE", value, granularity, mod)
    anchor = ctx.ref if direction == "later" and ctx.ref else ctx.need()
    count, unit = (int(n) * 2, "W") if unit == "2W" else (int(n), unit)
    day = shift(anchor, -count if back else count, unit)
    value, granularity = unit_value(day, unit)
    return Resolution("DATE", value, granularity, mod)


def relative_unit(m: Match, ctx: Context) -> Resolution | None:
    """'last week', 'this weekend', 'next month', 'early next year', 'the following year'."""
    anchor = ctx.need()
    rel = " ".join(m["rel"].lower().split())
    unit_word = m["unit"].lower()
    anaphoric = rel in ("following", "same", "that") or rel.endswith(" that")
    anaphoric = anaphoric or bool(m["det"]) and rel in ("next", "previous")  # "the next day"
    if unit_word == "day" and not (anaphoric or rel in ("next", "previous")):
        return None  # "the last day of", "this day"
    if unit_word in words("part_of_day"):
        return _anaphoric_part(m, ctx, rel, anaphoric)
    base = ctx.ref if anaphoric and ctx.ref else anchor
    sign = 0 if rel.startswith(("earlier", "later")) else (rel_sign(rel) or 0)
    sign = -1 if rel == "latest" else sign
    mod = premod(m["mod"]) or ("APPROX" if m["orso"] else "")
    if unit_word in words("season"):
        code = words("season")[unit_word]
        return Resolution("DATE", f"{season_year(anchor, code, sign)}-{code}", "season", mod)
    day = shift(base, sign, UNIT_CODE[unit_word])
    start = -1
    if rel.startswith(("earlier", "later")) and unit_word in ("week", "month", "weekend"):
        start = m.start("rel") + len(rel.split()[0]) + 1  # TimeML: "earlier [this week]"
    if unit_word == "weekend":
        return Resolution("DATE", week_value(day) + "-WE", "weekend", mod, start=start)
    value, granularity = unit_value(day, UNIT_CODE[unit_word])
    return Resolution("DATE", value, granularity, mod, start=start)


def _anaphoric_part(m: Match, ctx: Context, rel: str, anaphoric: bool) -> Resolution | None:
    """'that night', 'the next morning' (from the last date mentioned)."""
    if not anaphoric:
        return None  # "this morning", "last night" are the partrel rule's
    base = ctx.ref or ctx.need("TIME")
    sign = 1 if rel in ("next", "following") else -1 if rel == "previous" else 0
    day = base + timedelta(days=sign)
    return Resolution("TIME", f"{day.isoformat()}T{_part(m['unit'])}", "time")


def the_unit(m: Match, ctx: Context) -> Resolution | None:
    """'the full year', 'for the year' (this year), 'the quarter' (the last reported), 'the weekend'."""
    anchor = ctx.need()
    unit = m["unit"].lower()
    before = m.string[max(0, m.start() - 8) : m.start()].lower().split()
    if not (m["kind"] or m["mod"]) and (not before or before[-1] not in THE_UNIT_PREPS):
        return None
    if unit == "weekend":
        monday = anchor - timedelta(days=anchor.weekday())
        # the weekend ahead belongs to the current ISO week; the one behind to the last
        sign = 0 if ctx.tense == "future" or anchor.weekday() >= 5 else -1
        return Resolution("DATE", week_value(monday + timedelta(weeks=sign)) + "-WE", "weekend")
    if unit == "quarter":
        value, granularity = unit_value(shift(anchor, -1, "Q"), "Q")
        return Resolution("DATE", value, granularity, premod(m["mod"]))
    if unit in ("month", "week"):
        if not m["mod"]:
            return None  # "the month" alone is too vague to anchor
        value, granularity = unit_value(anchor, UNIT_CODE[unit])
        return Resolution("DATE", value, granularity, premod(m["mod"]))
    return Resolution("DATE", f"{anchor.year}", "year", premod(m["mod"]))


THE_UNIT_PREPS = frozenset({"for", "during", "in", "of", "through", "throughout", "over", "into"})


def year_end(m: Match, ctx: Context) -> Resolution:
    """'year-end', "by year's end" -> this year, mod END."""
    anchor = ctx.need()
    return Resolution("DATE", f"{anchor.year}", "year", "END")


def year_ago(m: Match, ctx: Context) -> Resolution | None:
    """'the year-ago quarter' (that quarter a year before), 'year-earlier' (last year)."""
    anchor = ctx.need()
    if m["unit"]:
        last_quarter = shift(shift(anchor, -1, "Q"), -1, "Y")
        value, granularity = unit_value(last_quarter, "Q")
        return Resolution("DATE", value, granularity)
    if m.string[m.end() : m.end() + 2].strip().startswith("$"):
        return None  # "the year-earlier $4.5 million": an amount, not a time
    start = _after(m, "det") if m["det"] else -1  # TimeML: "the [year-ago] results"
    return Resolution("DATE", f"{anchor.year - 1}", "year", start=start)


def reference(m: Match, ctx: Context) -> Resolution | None:
    """'now', 'currently' (PRESENT_REF), 'recently' (PAST_REF), 'soon' (FUTURE_REF)."""
    value = words("ref")[" ".join(m["ref"].lower().split())]
    if m["ref"].lower() == "soon" and m.string[m.end() : m.end() + 3].lower() == " as":
        return None  # "as soon as"
    return Resolution("DATE", value, "range")

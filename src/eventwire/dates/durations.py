"""Handlers for durations ('three weeks' -> P3W, '24 hours' -> PT24H) and sets ('weekly')."""

from __future__ import annotations

import re

from eventwire.dates.context import Context, Resolution, durmod
from eventwire.dates.lexicon import number_value, words

Match = re.Match[str]
# a half of a unit, in the next smaller unit
HALF = {"Y": (6, "M"), "M": (15, "D"), "D": (12, "TH"), "TH": (30, "TM"), "W": (3, "D")}


def unit_code(text: str) -> str:
    """TimeML unit code (D, W, M, Y, TH ...) from a unit word, singular or plural."""
    word = text.lower()
    word = words("unit_plural").get(word, word)
    return words("unit")[word]


def period(n: float | None, unit: str) -> str:
    """ISO 8601 duration: (3, W) -> P3W, (24, TH) -> PT24H, (2.5, Y) -> P2Y6M, None -> PXY."""
    if unit == "2W":
        n, unit = (None if n is None else n * 2), "W"
    if unit == "Q":
        n, unit = (None if n is None else n * 3), "M"
    time = unit.startswith("T")
    code = unit[-1]
    if n is None:
        return f"PTX{code}" if time else f"PX{code}"
    whole = int(n)
    text = f"{whole}{code}" if whole or n == whole else ""
    if n != whole and unit in HALF and n - whole == 0.5:
        amount, small = HALF[unit]
        text += f"{amount}{small[-1]}"
        time = time or small.startswith("T")
        if small.startswith("T") and not unit.startswith("T"):
            return f"P{whole}{code}T{amount}{small[-1]}" if whole else f"PT{amount}{small[-1]}"
    elif n != whole:
        text = f"{n:g}{code}"
    return f"PT{text}" if time else f"P{text}"


def duration(m: Match, ctx: Context) -> Resolution | None:
    """'three weeks', 'about two years', '24 hours', 'a two-year', 'more than a decade'."""
    num, unit_word = m["num"].lower(), m["unit"].lower()
    unit = unit_code(unit_word)
    after = m.string[m.end() : m.end() + 4].lower()
    if unit == "TS" and num in ("a", "an", "one"):
        return None  # "a second time"
    if unit == "Q" and num in ("a", "an", "one"):
        return None  # "a quarter of the votes"; "in a quarter that ..."
    if unit == "D" and num in ("a", "an", "one") and after.startswith(" of"):
        return None
    if unit == "Q" and "-" in m[0]:
        return None  # "three-quarters"
    before = m.string[max(0, m.start() - 12) : m.start()]
    if num in ("a", "an") and (re.search(r"\d|\$|million|billion", before)):
        return None  # "$5 a year" is a rate
    if m["unit"][0].isupper() and not m[0].isupper():
        return None  # "60 Minutes"
    mod = durmod(m["dmod"]) or ("APPROX" if m["orso"] else "")
    return Resolution("DURATION", period(number_value(num), unit), "duration", mod)


def span(m: Match, ctx: Context) -> Resolution:
    """'the past three months', 'the next few days', 'the first nine months'."""
    unit = unit_code(m["unit"])
    return Resolution("DURATION", period(number_value(m["num"]), unit), "duration")


def vague(m: Match, ctx: Context) -> Resolution:
    """'recent years', 'the coming months' -> PXY, PXM."""
    return Resolution("DURATION", period(None, unit_code(m["unit"])), "duration")


def frequency(m: Match, ctx: Context) -> Resolution:
    """'every week', 'each year', 'daily', 'twice a day', 'every Friday' (TIMEX3 SET)."""
    if m["adv"]:
        return Resolution("SET", words("set_adverb")[m["adv"].lower()], "duration")
    unit_word = (m["unit"] or m["unit2"] or "").lower()
    if unit_word in words("weekday"):
        return Resolution("SET", f"XXXX-WXX-{int(words('weekday')[unit_word]) + 1}", "day")
    if unit_word in words("part_of_day"):
        return Resolution("SET", f"TXX{words('part_of_day')[unit_word]}", "time")
    if unit_word == "weekend":
        return Resolution("SET", "XXXX-WXX-WE", "weekend")
    n = number_value(m["num"]) if m["num"] else 1.0
    code = unit_code(unit_word)
    if code == "Q":
        return Resolution("SET", f"P{n or 1:g}Q", "duration")
    return Resolution("SET", period(n, code), "duration")

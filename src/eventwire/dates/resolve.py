"""Resolve a rule match to a TIMEX3 value: dispatch to the rule family's handler."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from eventwire.dates import absolute, durations, relative
from eventwire.dates.context import Context, Resolution, Tense, Unresolved
from eventwire.dates.patterns import ASCII_LOWER, PRIORITY, Rule, rule_needs, rules, trigger

Handler = Callable[[re.Match[str], Context], Resolution | None]

HANDLERS: dict[str, Handler] = {
    "iso": absolute.iso,
    "mdy": absolute.month_day,
    "dmy": absolute.month_day,
    "month": absolute.month,
    "decade": absolute.decade,
    "century": absolute.century,
    "year": absolute.year,
    "clock": relative.clock,
    "deictic": relative.deictic,
    "partrel": relative.part_of_day,
    "weekday": relative.weekday,
    "ago": relative.ago,
    "relunit": relative.relative_unit,
    "theunit": relative.the_unit,
    "yearend": relative.year_end,
    "yearago": relative.year_ago,
    "quarter": absolute.quarter,
    "span": durations.span,
    "set": durations.frequency,
    "duration": durations.duration,
    "vague": durations.vague,
    "bare": durations.vague,
    "bare2": durations.vague,
    "season": absolute.season,
    "holiday": absolute.holiday,
    "ref": relative.reference,
}
assert set(HANDLERS) == set(PRIORITY), "every rule needs a handler"


def resolve(rule: str, match: re.Match[str], ctx: Context) -> Resolution | None:
    """The handler's resolution; value '' and granularity 'unresolved' without an anchor."""
    try:
        return HANDLERS[rule](match, ctx)
    except Unresolved as exc:
        return Resolution(exc.type, "", "unresolved")


LEFT, RIGHT = 40, 32  # characters an expression may span before / after a trigger word


def windows(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """Disjoint stretches of text around trigger words (ending at whitespace), with the
    trigger groups found in each."""
    out: list[tuple[int, int, frozenset[str]]] = []
    for hit in trigger().finditer(text.translate(ASCII_LOWER)):
        start, end = max(0, hit.start() - LEFT), min(len(text), hit.end() + RIGHT)
        while end < len(text) and not text[end].isspace():
            end += 1
        group = frozenset({hit.lastgroup or ""})
        if out and start <= out[-1][1]:
            last = out[-1]
            out[-1] = (last[0], max(end, last[1]), last[2] | group)
        else:
            out.append((start, end, group))
    return out


@lru_cache(maxsize=256)
def rules_for(groups: frozenset[str]) -> tuple[Rule, ...]:
    """The rules that may match in a window with these trigger groups, in rule order (a few
    dozen group sets recur, so the filter runs once per set, not once per window)."""
    return tuple(rule for rule in rules() if rule_needs(rule.name) & groups)


def candidates(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every rule match, leftmost-longest first (ties: rule priority)."""
    found = [
        (rule.name, m)
        for start, end, groups in windows(text)
        for rule in rules_for(groups)
        for m in rule.regex.finditer(text, start, end)
    ]
    found.sort(key=lambda x: (x[1].start(), -(x[1].end() - x[1].start()), PRIORITY[x[0]]))
    return found


def resolve_phrase(
    phrase: str, published: date | None, *, tense: Tense = "none"
) -> Resolution | None:
    """Resolve a phrase on its own (no parse): the first rule matching all of it.

    Example: `resolve_phrase("last week", date(2024, 2, 23)).value == "2024-W07"`.
    """
    ctx = Context(anchor=published, tense=tense)
    for rule, m in candidates(phrase):
        if m.start() == 0 and m.end() == len(phrase):
            got = resolve(rule, m, ctx)
            if got is not None:
                return got
    return None

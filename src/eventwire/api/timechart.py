"""Draw the time axis as SVG geometry on the server: stacked bars on a real date scale.

x is linear in days from the first bin to the last, so a quiet fortnight is a visible gap;
bars stack by quad class or by event type; occurred events are solid, unrealised ones
(planned, expected, threatened, conditional, hypothetical) hatched, negated ones hollow.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from urllib.parse import urlencode

from pydantic import BaseModel

from eventwire.store.series import UNREALISED, TimeAxis

WIDTH, HEIGHT = 960, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 12, 44
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
    0: "no quad",
}
QUAD_COLOURS = {1: "#7fb99a", 2: "#2f7d4f", 3: "#e39a8f", 4: "#b0413e", 0: "#8a94a0"}
PALETTE = (
    "#1f5fa8",
    "#b0413e",
    "#2f7d4f",
    "#c7821c",
    "#6b4fa8",
    "#178a8a",
    "#a8487f",
    "#5c6b1f",
    "#8a5a2b",
    "#3d7fd1",
    "#d1603d",
    "#4fa86b",
    "#8f8f26",
    "#7d3fa8",
    "#2b8a6f",
    "#a83f3f",
    "#56606b",
)


class Bar(BaseModel):
    x: float
    y: float
    w: float
    h: float
    fill: str
    style: str  # solid, hatched or hollow
    title: str
    href: str


class Tick(BaseModel):
    pos: float
    label: str


class Key(BaseModel):
    label: str
    fill: str


class TimeChart(BaseModel):
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[Bar]
    xticks: list[Tick]
    yticks: list[Tick]
    keys: list[Key]
    bin: str
    by: str
    placed: int
    unplaced: int
    baseline: float = HEIGHT - BOTTOM


def style_of(status: str) -> str:
    """How a status is drawn: occurred/ongoing solid, negated hollow, the rest hatched."""
    if status == "negated":
        return "hollow"
    return "hatched" if status in UNREALISED else "solid"


def type_colours(types: list[str]) -> dict[str, str]:
    """A stable colour per event type, by sorted name."""
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(types))}


def _date_ticks(first: date, last: date, x: Callable[[date], float]) -> list[Tick]:
    """About eight ticks: days, Mondays, month starts or years, whichever fits the span."""
    span = (last - first).days + 1
    if span <= 12:
        days = [first + timedelta(days=i) for i in range(span)]
    elif span <= 80:
        step = 7 * max(1, math.ceil(span / 7 / 8))
        monday = first + timedelta(days=(7 - first.weekday()) % 7)
        days = [
            monday + timedelta(days=i)
            for i in range(0, span, step)
            if monday + timedelta(days=i) <= last
        ]
    elif span <= 900:
        months = []
        y, m = first.year, first.month
        while date(y, m, 1) <= last:
            if date(y, m, 1) >= first:
                months.append(date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        step = max(1, math.ceil(len(months) / 8))
        days = months[::step]
    else:
        days = [date(y, 1, 1) for y in range(first.year + 1, last.year + 1)]
    fmt = "%Y-%m-%d" if span <= 80 else ("%Y-%m" if span <= 900 else "%Y")
    return [Tick(pos=round(x(d), 1), label=d.strftime(fmt)) for d in days]


def _count_ticks(peak: int, y: Callable[[float], float]) -> list[Tick]:
    step = max(1, math.ceil(peak / 5))
    return [Tick(pos=round(y(v), 1), label=str(v)) for v in range(0, peak + 1, step)]


def _link(base: dict[str, str], start: date, bin_: str, ptype: str | None) -> str:
    end = start + timedelta(days=6 if bin_ == "week" else 0)
    q = {**base, "date_from": start.isoformat(), "date_to": end.isoformat()}
    if ptype:
        q["type"] = ptype
    return "/?" + urlencode(q)


def time_chart(axis: TimeAxis, by: str, filters: dict[str, str]) -> TimeChart:
    """Bars for each bin, stacked by quad class (`by='quad'`) or type (`by='type'`)."""
    by = "type" if by == "type" else "quad"
    placed = sum(c.count for c in axis.cells)
    if not axis.first or not axis.last:
        return TimeChart(
            bars=[],
            xticks=[],
            yticks=[],
            keys=[],
            bin=axis.bin,
            by=by,
            placed=0,
            unplaced=axis.unplaced,
        )
    first, last = date.fromisoformat(axis.first), date.fromisoformat(axis.last)
    days = (last - first).days + 1
    inner = WIDTH - LEFT - RIGHT
    per_day = inner / days
    bin_days = 7 if axis.bin == "week" else 1

    def x(d: date) -> float:
        return LEFT + (d - first).days * per_day

    stacks: dict[date, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    for c in axis.cells:
        group = c.type if by == "type" else str(c.quad)
        stacks[date.fromisoformat(c.start)][(group, style_of(c.status))] += c.count
    peak = max(sum(s.values()) for s in stacks.values())
    height = HEIGHT - TOP - BOTTOM

    def y(v: float) -> float:
        return HEIGHT - BOTTOM - v / peak * height

    types = sorted({c.type for c in axis.cells})
    colours = type_colours(types) if by == "type" else {str(q): c for q, c in QUAD_COLOURS.items()}
    order = {"solid": 0, "hatched": 1, "hollow": 2}
    bars: list[Bar] = []
    w = max(2.0, bin_days * per_day * 0.8)
    for start, stack in sorted(stacks.items()):
        level = 0
        for (group, style), n in sorted(stack.items(), key=lambda kv: (kv[0][0], order[kv[0][1]])):
            label = group if by == "type" else QUAD_NAMES.get(int(group), group)
            what = {
                "solid": "occurred",
                "hatched": "planned/threatened/expected",
                "hollow": "negated",
            }
            bars.append(
                Bar(
                    x=round(x(start) + (bin_days * per_day - w) / 2, 1),
                    y=round(y(level + n), 1),
                    w=round(w, 1),
                    h=round(y(level) - y(level + n), 1),
                    fill=colours.get(group, "#8a94a0"),
                    style=style,
                    title=f"{'week of ' if axis.bin == 'week' else ''}{start.isoformat()}: "
                    f"{n} {label} ({what[style]})",
                    href=_link(filters, start, axis.bin, group if by == "type" else None),
                )
            )
            level += n
    keys = (
        [Key(label=t, fill=colours[t]) for t in types]
        if by == "type"
        else [Key(label=QUAD_NAMES[q], fill=QUAD_COLOURS[q]) for q in (1, 2, 3, 4)]
    )
    return TimeChart(
        bars=bars,
        xticks=_date_ticks(first, last, x),
        yticks=_count_ticks(peak, y),
        keys=keys,
        bin=axis.bin,
        by=by,
        placed=placed,
        unplaced=axis.unplaced,
    )

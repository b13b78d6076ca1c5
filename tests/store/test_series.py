"""The time axis: events placed per day or ISO week, never at a precision the text lacks."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.api.timechart import style_of, time_chart
from eventwire.store.series import place, time_axis

ROWS = [
    ("2024-05-06", "day", "ASSAULT", 4, "occurred", 2),
    ("2024-05-06", "day", "THREATEN", 3, "threatened", 1),
    ("2024-05-20", "day", "CONSULT", 1, "planned", 1),
    ("2024-05-21", "day", "RETREAT", 2, "negated", 1),
    ("2024-05", "month", "AGREE", 1, "occurred", 3),
    ("", "unresolved", "CONSULT", 1, "expected", 2),
]


@pytest.mark.parametrize(
    "value, gran, bin_, start",
    [
        ("2024-05-08", "day", "day", date(2024, 5, 8)),
        ("2024-05-08", "day", "week", date(2024, 5, 6)),  # the Monday of its ISO week
        ("2024-W19", "week", "week", date(2024, 5, 6)),
        ("2024-W19", "week", "day", None),  # a week has no single day
        ("2024-05", "month", "week", None),
        ("2024-02-30", "day", "day", None),
        ("", "unresolved", "day", None),
    ],
)
def test_axis_places_a_date_only_at_its_own_precision(value, gran, bin_, start):
    assert place(value, gran, bin_) == start


def test_axis_counts_per_day_and_keeps_the_gap_between_days():
    axis = time_axis(ROWS, "day")
    assert (axis.bin, axis.first, axis.last, axis.unplaced) == (
        "day",
        "2024-05-06",
        "2024-05-21",
        5,
    )
    assert {c.start for c in axis.cells} == {"2024-05-06", "2024-05-20", "2024-05-21"}
    chart = time_chart(axis, "quad", {})
    may6 = [b for b in chart.bars if "2024-05-06" in b.title]
    may20 = next(b for b in chart.bars if "2024-05-20" in b.title)
    # fourteen quiet days lie between the bars: the x scale is time, not rank
    assert may20.x - may6[0].x > 10 * may6[0].w


def test_axis_chooses_weeks_for_a_long_span():
    rows = [
        ("2024-01-03", "day", "CONSULT", 1, "occurred", 1),
        ("2024-09-03", "day", "CONSULT", 1, "occurred", 1),
    ]
    axis = time_axis(rows)
    assert axis.bin == "week" and axis.first == "2024-01-01"


@pytest.mark.parametrize(
    "status, style",
    [
        ("occurred", "solid"),
        ("ongoing", "solid"),
        ("planned", "hatched"),
        ("threatened", "hatched"),
        ("negated", "hollow"),
    ],
)
def test_chart_draws_unrealised_and_negated_events_apart(status, style):
    assert style_of(status) == style


def test_chart_stacks_by_type_and_links_each_bar_to_its_events():
    chart = time_chart(time_axis(ROWS, "day"), "type", {"country": "SDN"})
    may6 = [b for b in chart.bars if "2024-05-06" in b.title]
    assert len(may6) == 2 and {b.style for b in may6} == {"solid", "hatched"}
    assert may6[0].y + may6[0].h == pytest.approx(chart.baseline) or may6[1].y + may6[
        1
    ].h == pytest.approx(chart.baseline)
    assert any(
        "type=ASSAULT" in b.href and "country=SDN" in b.href and "date_from=2024-05-06" in b.href
        for b in may6
    )
    assert {k.label for k in chart.keys} == {"ASSAULT", "THREATEN", "CONSULT", "RETREAT"}


def test_chart_of_nothing_placed_is_empty():
    chart = time_chart(time_axis([ROWS[-1]], "day"), "quad", {})
    assert chart.bars == [] and chart.unplaced == 2

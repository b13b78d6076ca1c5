"""Normalisation of temporal phrases against a publication date (no parse needed)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import resolve_phrase
from eventwire.dates.durations import period
from eventwire.dates.lexicon import number_value

FRIDAY = date(2024, 2, 23)  # a Friday


@pytest.mark.parametrize(
    "phrase, tense, value, granularity",
    [
        ("yesterday", "none", "2024-02-22", "day"),
        ("tomorrow", "none", "2024-02-24", "day"),
        ("today", "none", "2024-02-23", "day"),
        ("last week", "none", "2024-W07", "week"),
        ("this week", "none", "2024-W08", "week"),
        ("next week", "none", "2024-W09", "week"),
        ("this weekend", "none", "2024-W08-WE", "weekend"),
        ("last weekend", "none", "2024-W07-WE", "weekend"),
        ("next month", "none", "2024-03", "month"),
        ("last year", "none", "2023", "year"),
        ("the following year", "none", "2025", "year"),
        ("two days ago", "none", "2024-02-21", "day"),
        ("three weeks ago", "none", "2024-W05", "week"),
        ("five months ago", "none", "2023-09", "month"),
        ("a decade ago", "none", "201", "decade"),
        ("earlier this month", "none", "2024-02", "month"),
        ("last summer", "none", "2023-SU", "season"),
        ("this winter", "none", "2023-WI", "season"),
        ("the third quarter", "none", "2024-Q3", "quarter"),
        ("the first half of 2023", "none", "2023-H1", "range"),
    ],
)
def test_dates_resolve_relative_to_publication(phrase, tense, value, granularity):
    got = resolve_phrase(phrase, FRIDAY, tense=tense)
    assert got is not None and (got.value, got.granularity) == (value, granularity)


@pytest.mark.parametrize(
    "phrase, tense, value",
    [
        ("Friday", "past", "2024-02-23"),  # the publication weekday is the publication day
        ("Friday", "future", "2024-02-23"),
        ("Wednesday", "past", "2024-02-21"),
        ("Wednesday", "future", "2024-02-28"),
        ("Monday", "none", "2024-02-19"),  # news reports the past by default
        ("last Friday", "none", "2024-02-16"),
        ("next Friday", "none", "2024-03-01"),
        ("October 7", "past", "2023-10-07"),
        ("October 7", "future", "2024-10-07"),
        ("March 3", "none", "2024-03-03"),  # nearest occurrence without a tense
        ("December", "past", "2023-12"),
        ("December", "future", "2024-12"),
        ("Christmas", "past", "2023-12-25"),
        ("Christmas", "future", "2024-12-25"),
        ("summer", "past", "2023-SU"),
        ("Saturday, March 2", "past", "2024-03-02"),  # the weekday fixes the year
    ],
)
def test_dates_resolve_follows_tense(phrase, tense, value):
    got = resolve_phrase(phrase, FRIDAY, tense=tense)
    assert got is not None and got.value == value


@pytest.mark.parametrize(
    "phrase, value, mod",
    [
        ("early February", "2024-02", "EARLY"),
        ("mid-January", "2024-01", "MID"),
        ("late 2023", "2023", "LATE"),
        ("the end of 2019", "2019", "END"),
        ("about three weeks", "P3W", "APPROX"),
        ("more than two years", "P2Y", "MORE_THAN"),
        ("at least 30 days", "P30D", "EQUAL_OR_MORE"),
        ("1990 and beyond", "1990", "ON_OR_AFTER"),
        ("late Thursday", "2024-02-22", "LATE"),
        ("the end of the month", "2024-02", "END"),
        ("end of March", "2023-03", "END"),
        ("the next year or so", "2025", "APPROX"),
    ],
)
def test_dates_resolve_modifiers(phrase, value, mod):
    got = resolve_phrase(phrase, FRIDAY, tense="past")
    assert got is not None and (got.value, got.mod) == (value, mod)


@pytest.mark.parametrize(
    "phrase, type_, value",
    [
        ("three weeks", "DURATION", "P3W"),
        ("24 hours", "DURATION", "PT24H"),
        ("two-year", "DURATION", "P2Y"),
        ("2 1/2 years", "DURATION", "P2Y6M"),
        ("5 1/2 hours", "DURATION", "PT5H30M"),
        ("the past two years", "DURATION", "P2Y"),
        ("the next few days", "DURATION", "PXD"),
        ("recent weeks", "DURATION", "PXW"),
        ("a couple of months", "DURATION", "P2M"),
        ("weekly", "SET", "P1W"),
        ("every week", "SET", "P1W"),
        ("twice a day", "SET", "P1D"),
        ("every Tuesday", "SET", "XXXX-WXX-2"),
        ("now", "DATE", "PRESENT_REF"),
        ("currently", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
        ("the near future", "DATE", "FUTURE_REF"),
        ("Feb. 23, 2024", "DATE", "2024-02-23"),
        ("23 February 2024", "DATE", "2024-02-23"),
        ("2024-02-23", "DATE", "2024-02-23"),
        ("June 1989", "DATE", "1989-06"),
        ("1990s", "DATE", "199X"),
        ("the 20th century", "DATE", "19"),
        ("10 a.m.", "TIME", "2024-02-23T10:00"),
        ("3:30 p.m. Thursday", "TIME", "2024-02-22T15:30"),
        ("noon tomorrow", "TIME", "2024-02-24T12:00"),
        ("last night", "TIME", "2024-02-22TNI"),
        ("Monday morning", "DATE", "2024-02-19TMO"),
        ("the next morning", "TIME", "2024-02-24TMO"),
        ("that night", "TIME", "2024-02-23TNI"),
        ("the next 12 to 18 months", "DURATION", "PXM"),
        ("the week of March 4", "DATE", "2023-W09"),
    ],
)
def test_dates_resolve_types_and_values(phrase, type_, value):
    got = resolve_phrase(phrase, FRIDAY, tense="past")
    assert got is not None and (got.type, got.value) == (type_, value)


@pytest.mark.parametrize("phrase", ["last week", "Friday", "October 7", "two days ago", "10 a.m."])
def test_dates_resolve_without_publication_is_unresolved(phrase):
    got = resolve_phrase(phrase, None, tense="past")
    assert got is not None and (got.value, got.granularity) == ("", "unresolved")


@pytest.mark.parametrize(
    "phrase, value",
    [("June 1989", "1989-06"), ("three weeks", "P3W"), ("now", "PRESENT_REF"), ("2019", "2019")],
)
def test_dates_resolve_absolute_without_publication(phrase, value):
    got = resolve_phrase(phrase, None)
    assert got is not None and got.value == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("twenty-four", 24),
        ("two", 2),
        ("a", 1),
        ("2 1/2", 2.5),
        ("one hundred", 100),
        ("a couple of", 2),
        ("several", None),
    ],
)
def test_dates_number_words(text, value):
    assert number_value(text) == value


@pytest.mark.parametrize(
    "n, unit, value",
    [
        (3, "W", "P3W"),
        (24, "TH", "PT24H"),
        (None, "Y", "PXY"),
        (None, "TM", "PTXM"),
        (3, "Q", "P9M"),
        (1, "2W", "P2W"),
        (1.5, "D", "P1DT12H"),
    ],
)
def test_dates_period_format(n, unit, value):
    assert period(n, unit) == value


def test_rules_for_keeps_only_rules_a_window_can_feed_in_rule_order() -> None:
    from eventwire.dates.patterns import rule_needs, rules
    from eventwire.dates.resolve import rules_for

    groups = frozenset({"month", "year"})
    kept = rules_for(groups)
    assert kept == tuple(r for r in rules() if rule_needs(r.name) & groups)
    assert {"mdy", "month", "year"} <= {r.name for r in kept}
    assert "clock" not in {r.name for r in kept}
    assert rules_for(frozenset()) == ()

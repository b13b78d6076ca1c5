"""A whole report through the default pipeline, with and without a publication date."""

from __future__ import annotations

from datetime import date

REPORT = (
    "The militia has completed talks with the envoys in Doha, a spokesman said on Friday. "
    "Its leader met officials in Amman last week, his first trip to Jordan since December. "
    "Delegates will gather in Geneva this weekend. The last round, in early February, failed. "
    "Fighters still hold prisoners taken in the October 7 raid."
)
EXPECTED = {
    "Friday": ("2024-02-23", "day"),
    "last week": ("2024-W07", "week"),
    "December": ("2023-12", "month"),
    "this weekend": ("2024-W08-WE", "weekend"),
    "early February": ("2024-02", "month"),
    "October 7": ("2023-10-07", "day"),
}


def test_dates_report_resolves_against_publication(code):
    coded = code(REPORT, date(2024, 2, 23))
    got = {t.text: (t.value, t.granularity) for t in coded.timexes}
    assert got == EXPECTED
    assert {t.mod for t in coded.timexes if t.text == "early February"} == {"EARLY"}


def test_dates_report_without_publication_is_unresolved(code):
    coded = code(REPORT)
    assert {t.text for t in coded.timexes} == set(EXPECTED)
    assert all((t.value, t.granularity) == ("", "unresolved") for t in coded.timexes)
    assert all(e.date is None or e.date.source != "publication" for e in coded.events)

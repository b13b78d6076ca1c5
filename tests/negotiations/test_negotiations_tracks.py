"""Tracks: the same two sides negotiating two things, months apart, elsewhere or through other
mediators, are two negotiations; talks that tie the two things together stay one."""

from __future__ import annotations

from datetime import date

from eventwire.negotiations import build
from tests.negotiations.handmade import Report, Sent, store_of

TRUCE_TALKS = Report(
    "t1",
    date(2030, 3, 5),
    [
        Sent(
            "Atlantis and the Free Coast Front held talks on a truce in Klow on Monday, "
            "Syldavian mediators said.",
            {"Monday": "2030-03-04"},
        )
    ],
)
TRUCE_SIGNED = Report(
    "t2",
    date(2030, 3, 12),
    [
        Sent(
            "Atlantis and the Free Coast Front signed a truce in Klow on Friday, Syldavian "
            "mediators said.",
            {"Friday": "2030-03-08"},
        )
    ],
)
PRISONER_TALKS = Report(
    "p1",
    date(2030, 7, 2),
    [
        Sent(
            "Atlantis and the Free Coast Front held talks on a prisoner exchange in Szohod on "
            "Monday, brokered by the United Nations.",
            {"Monday": "2030-07-01"},
        )
    ],
)


def _prisoners_agreed(*more: Sent) -> Report:
    return Report(
        "p2",
        date(2030, 7, 9),
        [
            Sent(
                "Atlantis and the Free Coast Front agreed in Szohod on Tuesday to free 200 "
                "prisoners each, in a deal brokered by the United Nations.",
                {"Tuesday": "2030-07-08"},
            ),
            *more,
        ],
    )


def test_ceasefire_and_prisoner_tracks_months_apart_elsewhere_are_two_negotiations():
    negs = build(store_of(TRUCE_TALKS, TRUCE_SIGNED, PRISONER_TALKS, _prisoners_agreed()))
    assert [n.articles for n in negs] == [["t1", "t2"], ["p1", "p2"]]
    assert [[v.name for v in n.venues] for n in negs] == [["Klow"], ["Szohod"]]
    assert [[m.country for m in n.mediators] for n in negs] == [["SYL"], ["IGO"]]
    assert all({p.id for p in n.parties} == {"ATL", "fcf"} for n in negs)
    assert negs[0].id != negs[1].id


def test_a_report_tying_the_two_themes_keeps_one_negotiation():
    tied = _prisoners_agreed(Sent("The release builds on the truce the two sides signed in March."))
    negs = build(store_of(TRUCE_TALKS, TRUCE_SIGNED, PRISONER_TALKS, tied))
    assert [n.articles for n in negs] == [["t1", "t2", "p1", "p2"]]


def test_one_report_of_another_theme_is_no_track_of_its_own():
    negs = build(store_of(TRUCE_TALKS, TRUCE_SIGNED, PRISONER_TALKS))
    assert [n.articles for n in negs] == [["t1", "t2", "p1"]]
